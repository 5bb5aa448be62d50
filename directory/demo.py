"""Demo directory (demo/directory.json): fictional providers (example.org), a few messages,
and two provider logins.

Every structure there is invented; none of them is an endorsement of a real company.
"""

from directory.models import ProviderPage
from directory.permissions import grant_provider_access
from home import demo_loader
from home.demo_tools import ensure_user

PROVIDER_PASSWORD = "prestataire-demo"  # noqa: S105 - a demo login, printed on purpose
DEMO_ACCOUNTS = [("prestataire1", "breizh-libre"), ("prestataire2", "coop-des-communs")]


def load(stdout):
    demo_loader.load("directory")
    for username, slug in DEMO_ACCOUNTS:
        page = ProviderPage.objects.get(slug=slug)
        user = ensure_user(
            username,
            PROVIDER_PASSWORD,
            email=f"{username}@{slug}.example.org",
            first_name=page.title,
        )
        grant_provider_access(user, page)
        stdout.write(
            f"Compte prestataire : {username} / {PROVIDER_PASSWORD} (fiche « {page.title} »)"
        )
