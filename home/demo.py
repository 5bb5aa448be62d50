"""Demo content of the site itself (demo/home.json), and the administrator's login."""

from home import demo_loader
from home.demo_tools import ensure_home_page, ensure_user

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "emancipasso-admin"  # noqa: S105 - a demo login, printed on purpose


def load(stdout):
    ensure_home_page()
    demo_loader.load("home")
    ensure_user(
        ADMIN_USERNAME,
        ADMIN_PASSWORD,
        email="admin@example.org",
        superuser=True,
        first_name="Admin",
        last_name="Démo",
    )
    stdout.write(f"Compte administrateur : {ADMIN_USERNAME} / {ADMIN_PASSWORD} (/admin/)")
