"""`make backup` then `make restore` into an empty database gives the same site back: every
row of every table (pages, revisions, snippets, images, documents, registrations, requests,
queued e-mails) and every uploaded file."""

import json
import subprocess
import sys

import psycopg
import pytest

from tests.deploy import servers
from tests.deploy.conftest import ADMIN_URL

# What a site holds besides the demo: a document, a contact request, a queued e-mail.
ADD_PRIVATE_DATA = """
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from directory.models import ContactRequest, ProviderPage
from outbox.mail import queue_email
get_document_model().objects.create(
    title="Statuts", file=ContentFile(b"%PDF-1.4 statuts", name="statuts.pdf"))
ContactRequest.objects.create(
    provider=ProviderPage.objects.live().first(), association_name="Les Amis du Lavoir",
    person_name="Camille", email="camille@example.org", message="Bonjour")
queue_email(["camille@example.org"], "Votre demande", "Bonjour")
"""

# Rows per table, and every uploaded file with its content's digest.
DESCRIBE_SITE = """
import hashlib, json
from pathlib import Path
from django.conf import settings
from home.backups.archive import row_counts
media = Path(settings.MEDIA_ROOT)
files = {str(p.relative_to(media)): hashlib.sha256(p.read_bytes()).hexdigest()
         for p in sorted(media.rglob("*")) if p.is_file()}
print(json.dumps({"rows": row_counts(), "files": files}))
"""

MUST_COME_BACK = [
    "wagtailcore_page",
    "wagtailcore_revision",
    "catalogue_proprietaryservice",
    "wagtailimages_image",
    "wagtaildocs_document",
    "webinars_registration",
    "directory_contactrequest",
    "outbox_outgoingemail",
    "auth_user",
]


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=servers.ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def describe(env):
    result = manage(env, "shell", "-c", DESCRIBE_SITE)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def round_trip(source_env, target_env, folder):
    assert manage(source_env, "shell", "-c", ADD_PRIVATE_DATA).returncode == 0
    before = describe(source_env)
    backup = manage(source_env, "backup_site", "--dossier", str(folder))
    assert backup.returncode == 0, backup.stderr
    archive = backup.stdout.strip().splitlines()[-1]

    restore = manage(target_env, "restore_site", archive)
    assert restore.returncode == 0, restore.stderr
    assert "Restauré" in restore.stdout
    after = describe(target_env)
    assert after == before
    for table in MUST_COME_BACK:
        assert before["rows"][table] > 0, f"{table} est vide : le test ne prouverait rien"
    assert any(name.startswith("documents/") for name in before["files"])
    assert any(name.startswith("original_images/") for name in before["files"])

    again = manage(target_env, "restore_site", archive)
    assert again.returncode != 0
    assert "n'est pas vide" in again.stderr
    assert describe(target_env) == after
    return after


def test_a_sqlite_site_comes_back_whole(tmp_path, deploy_services):
    source = servers.production_env(tmp_path / "source", f"sqlite:///{tmp_path}/source.sqlite3")
    source["MEDIA_ROOT"] = str(tmp_path / "source-media")
    for step in (["createcachetable"], ["migrate", "--noinput"], ["load_demo_content"]):
        assert manage(source, *step).returncode == 0
    target = {
        **source,
        "DATABASE_URL": f"sqlite:///{tmp_path}/target.sqlite3",
        "MEDIA_ROOT": str(tmp_path / "target-media"),
    }
    round_trip(source, target, tmp_path / "backups")


@pytest.fixture
def empty_postgres_database():
    name = "emancipasso_restore_test"
    with psycopg.connect(ADMIN_URL, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {name}")
    yield ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_a_postgresql_site_comes_back_whole(release, empty_postgres_database, tmp_path):
    source = servers.production_env(release.root, release.database_url)
    target = {
        **source,
        "DATABASE_URL": empty_postgres_database,
        "MEDIA_ROOT": str(tmp_path / "target-media"),
    }
    round_trip(source, target, tmp_path / "backups")
