"""Write and read backup archives (see the package's docstring for their content)."""

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.utils import timezone

MANIFEST = "manifest.json"
DUMP = "database.dump"


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, in French."""


def row_counts():
    """Rows per table of every installed model: written in the manifest, checked on restore."""
    counts = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            counts[model._meta.db_table] = model._base_manager.count()
    return dict(sorted(counts.items()))


def _database():
    return settings.DATABASES["default"]


def _postgres_env():
    """libpq's environment for pg_dump/pg_restore, from Django's connection settings."""
    db = _database()
    env = {**os.environ, "PGDATABASE": db["NAME"]}
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if db.get(key):
            env[variable] = str(db[key])
    return env


def _run(command):
    """Run one of PostgreSQL's tools; its error, in its own words, ends the backup."""
    try:
        subprocess.run(command, env=_postgres_env(), check=True, capture_output=True)  # noqa: S603
    except subprocess.CalledProcessError as error:
        raise BackupError(error.stderr.decode(errors="replace").strip()) from error


def _dump_database(target):
    if connection.vendor == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}"])
    elif connection.vendor == "sqlite":
        source = sqlite3.connect(_database()["NAME"])
        copy = sqlite3.connect(target)
        with copy:
            source.backup(copy)
        copy.close()
        source.close()
    else:
        raise BackupError(f"Base de données non prise en charge : {connection.vendor}.")


def create_backup(folder):
    """Write an archive into `folder` and return its path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    path = folder / f"emancipasso-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / DUMP
        _dump_database(dump)
        manifest = {
            "created_at": timezone.now().isoformat(),
            "database": connection.vendor,
            "rows": row_counts(),
        }
        partial = path.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(dump, DUMP)
            media = Path(settings.MEDIA_ROOT)
            if media.is_dir():
                archive.add(media, "media")
            info = tarfile.TarInfo(MANIFEST)
            data = json.dumps(manifest, indent=2).encode()
            info.size = len(data)
            info.mtime = int(timezone.now().timestamp())
            archive.addfile(info, fileobj=io.BytesIO(data))
        partial.rename(path)  # a full disk leaves a .partial, never a truncated archive
    return path


def read_manifest(path):
    with tarfile.open(path, "r:gz") as archive:
        member = archive.extractfile(MANIFEST)
        if member is None:
            raise BackupError(f"{path} n'est pas une sauvegarde du hub (pas de {MANIFEST}).")
        return json.load(member)


def _require_empty_database():
    tables = connection.introspection.table_names()
    if tables:
        raise BackupError(
            f"La base « {_database()['NAME']} » n'est pas vide ({len(tables)} tables) : "
            "restaurez dans une base neuve, sans migrate, pour ne jamais mêler deux sites."
        )


def _restore_database(dump):
    if connection.vendor == "postgresql":
        connection.close()
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                f"--dbname={_database()['NAME']}",
                str(dump),
            ]
        )
    else:
        connection.close()
        source = sqlite3.connect(dump)
        target = sqlite3.connect(_database()["NAME"])
        with target:
            source.backup(target)
        target.close()
        source.close()


def restore_backup(path):
    """Restore an archive into the empty configured database and MEDIA_ROOT; return the
    manifest once every table has its rows back."""
    manifest = read_manifest(path)
    if manifest["database"] != connection.vendor:
        raise BackupError(
            f"Cette sauvegarde vient de {manifest['database']}, la base configurée est "
            f"{connection.vendor}."
        )
    _require_empty_database()
    with tempfile.TemporaryDirectory() as work, tarfile.open(path, "r:gz") as archive:
        archive.extract(DUMP, work, filter="data")
        _restore_database(Path(work) / DUMP)
        media = [member for member in archive.getmembers() if member.name.startswith("media/")]
        archive.extractall(work, members=media, filter="data")
        if (Path(work) / "media").is_dir():
            shutil.copytree(Path(work) / "media", settings.MEDIA_ROOT, dirs_exist_ok=True)
    missing = {
        table: (expected, found)
        for table, expected in manifest["rows"].items()
        if (found := row_counts().get(table)) != expected
    }
    if missing:
        raise BackupError(f"Restauration incomplète, lignes attendues/trouvées : {missing}")
    return manifest
