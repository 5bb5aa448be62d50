"""How many SQL queries each public page runs, uncached, on the database in DATABASE_URL.

    .venv/bin/python bench/query_counts.py            # the count per page
    .venv/bin/python bench/query_counts.py --sql /    # and the SQL of the pages named

Loads nothing: run it on a database with the demo site (`manage.py load_demo_content`) or the
bulk data. Each page is fetched twice by Django's test client under the test settings (a
per-process cache, no page cache) and the second, warm fetch is counted, as the budget tests
in tests/test_query_budgets.py count it.
"""

import argparse
import os
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "emancipasso.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

PAGES = [
    "/",
    "/guides/",
    "/guides/deux-facons-de-migrer/",
    "/alternatives/",
    "/alternatives/remplacer/gmail/",
    "/annuaire/",
    "/annuaire/breizh-libre/",
    "/webinaires/",
    "/webinaires/choisir-un-hebergeur-ethique/",
    "/passer-au-libre/",
    "/passer-au-libre/?outils=gmail&outils=doodle&departement=35&taille=small"
    "&moyens=aucun&souhaits=formation",
    "/recherche/?q=courriel",
    "/a-propos/",
]


# Frames that say nothing about which feature asked: the ORM, the template engine, this script.
PLUMBING = (
    "/django/db/",
    "/django/template/",
    "/django/utils/",
    "/django/test/",
    "/bench/",
    "/modelcluster/",
)

# Template.render's inner step, and the test environment's stand-in for it.
RENDER = ("_render", "instrumented_test_render")


def short(filename):
    """A path from the project root, or from site-packages for a dependency."""
    return filename.split("site-packages/")[-1].replace(str(ROOT) + "/", "")


def innermost_template():
    """The template being rendered, if a query runs while one is (a lazy queryset, a tag)."""
    frame = sys._getframe()
    while frame:
        template = frame.f_locals.get("self")
        if frame.f_code.co_name in RENDER and hasattr(template, "origin"):
            return [f"template {template.origin.template_name}"]
        frame = frame.f_back
    return []


def remember_caller(callers):
    """An execute wrapper noting the project's own lines that led to each query."""

    def wrapper(execute, sql, params, many, context):
        frames = [
            f"{short(frame.filename)}:{frame.lineno}"
            for frame in traceback.extract_stack()
            if not any(part in frame.filename for part in PLUMBING)
        ]
        callers.append(" < ".join([*reversed(frames[-4:]), *innermost_template()]))
        return execute(sql, params, many, context)

    return wrapper


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sql", nargs="*", default=[], help="pages whose SQL to print")
    parser.add_argument("pages", nargs="*", default=PAGES)
    arguments = parser.parse_args()
    setup_test_environment()
    client = Client()
    for url in arguments.pages:
        client.get(url)
        callers = []
        with (
            CaptureQueriesContext(connection) as context,
            connection.execute_wrapper(remember_caller(callers)),
        ):
            response = client.get(url)
        print(f"{len(context.captured_queries):4d}  {response.status_code}  {url}")
        if url in arguments.sql:
            for query, caller in zip(context.captured_queries, callers, strict=True):
                print(f"      {caller}\n          {query['sql'][:300]}")


if __name__ == "__main__":
    main()
