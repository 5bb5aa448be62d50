"""The PostgreSQL search configuration `french_unaccent`: French stemming, accents ignored.

PostgreSQL's `french` configuration keeps accents, so "hebergement" did not find
"hébergement". This copy of it runs the `unaccent` dictionary before the French stemmer. When
the database refuses the `unaccent` extension (a role without the right to create it), the
copy keeps accents, search still works, and the migration says what to run. Nothing on SQLite,
whose FTS5 index already ignores accents. Run `manage.py update_index` afterwards so that
existing pages are indexed with it.
"""

from django.db import DatabaseError, migrations, transaction

CONFIG = "french_unaccent"


def create_config(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        try:
            with transaction.atomic(using=schema_editor.connection.alias):
                cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
            has_unaccent = True
        except DatabaseError:
            has_unaccent = False
            print(
                "\n  La recherche tiendra compte des accents : l'extension unaccent n'a pas pu "
                "être créée. Un administrateur de la base peut lancer "
                "« CREATE EXTENSION unaccent; » puis refaire cette migration."
            )
        cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")
        cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = french)")
        if has_unaccent:
            cursor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} "
                "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem"
            )


def drop_config(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")


class Migration(migrations.Migration):
    dependencies = [("home", "0006_publisher_details_and_accessibility_status")]

    operations = [migrations.RunPython(create_config, drop_config, elidable=False)]
