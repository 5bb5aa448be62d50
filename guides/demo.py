"""Demo guides (demo/guides.json): arguments, practical guides, a testimony, tool sheets.

Every kind of guide and every block of the guide body appears at least once, so that editors
see what each one gives. Also creates an editor and a moderator account to try the workflow.
"""

from django.contrib.auth.models import Group

from home import demo_loader
from home.demo_tools import ensure_user
from home.groups import EDITORS, MODERATORS

EDITOR_LOGIN = ("editrice", "emancipasso-editrice")
MODERATOR_LOGIN = ("moderateur", "emancipasso-moderateur")
FEATURED_GUIDES = tuple(
    item["value"]
    for page in demo_loader.read("guides")["pages"]
    for item in page.get("featured_guides", [])
)


def load(stdout):
    data = demo_loader.load("guides")
    guides = [page for page in data["pages"] if page["type"] == "guides.GuidePage"]
    ensure_user(
        *EDITOR_LOGIN, email="editrice@example.org", groups=[Group.objects.get(name=EDITORS)]
    )
    ensure_user(
        *MODERATOR_LOGIN,
        email="moderateur@example.org",
        groups=[Group.objects.get(name=MODERATORS)],
    )
    stdout.write(
        f"Guides : {len(guides)} guides sur /guides/. Comptes de relecture : "
        f"{EDITOR_LOGIN[0]} / {EDITOR_LOGIN[1]} (éditrice), "
        f"{MODERATOR_LOGIN[0]} / {MODERATOR_LOGIN[1]} (modérateur)."
    )
