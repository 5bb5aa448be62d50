"""Time and SQL queries of every public page, in-process, production settings, no page cache.

    # a database with the demo and generate_bulk_content, e.g. a copy of one:
    createdb -T emancipasso_bulk10k emancipasso_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/emancipasso_bench \\
        .venv/bin/python bench/public_pages.py --requests 5 --max-seconds 20
    # the queries of some pages, each with the project's lines that ran it
    DATABASE_URL=… .venv/bin/python bench/public_pages.py --only /guides/,/annuaire/ --sql

Serves each page through Django's test client (middleware, routing, SQL, templates), once to
warm the process's caches, then --requests times, and prints the median and slowest time, the
queries of one request, and the size of the answer. A page still running after --max-seconds
of its own repetitions is cut short (its first answer is always waited for). Streaming answers
(open data exports) are read to the end; their size is what was sent.
"""

import argparse
import os
import statistics
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.directory import configure  # noqa: E402

# label, path: the demo site's paths, kept by the bulk data.
PAGES = [
    ("Accueil", "/"),
    ("Guides", "/guides/"),
    ("Un guide", "/guides/une-adresse-mail-associative/"),
    ("Guides RSS", "/guides/rss/"),
    ("Guides Atom", "/guides/atom/"),
    ("Catalogue", "/alternatives/"),
    ("Remplacer Gmail", "/alternatives/remplacer/gmail/"),
    ("Remplacer Zoom", "/alternatives/remplacer/zoom/"),
    ("Annuaire", "/annuaire/"),
    ("Un prestataire", "/annuaire/breizh-libre/"),
    ("Webinaires", "/webinaires/"),
    ("Un webinaire", "/webinaires/reunions-en-visio-sans-zoom/"),
    ("Webinaires RSS", "/webinaires/rss/"),
    ("Agenda .ics", "/webinaires/agenda.ics"),
    ("Diagnostic", "/passer-au-libre/"),
    (
        "Résultat du diagnostic",
        "/passer-au-libre/?outils=gmail&outils=whatsapp&outils=facebook&departement=35"
        "&taille=small&moyens=aucun&souhaits=formation",
    ),
    ("Résultat, à distance", "/passer-au-libre/?outils=zoom&outils=google-drive"),
    ("Recherche gmail", "/recherche/?q=gmail"),
    ("Recherche hébergeur", "/recherche/?q=h%C3%A9bergeur"),
    ("Recherche nextcloud", "/recherche/?q=nextcloud"),
    ("Sitemap", "/sitemap.xml"),
    ("Données", "/donnees/"),
    ("Page simple", "/a-propos/"),
    ("Annuaire JSON", "/donnees/annuaire.json"),
    ("Annuaire CSV", "/donnees/annuaire.csv"),
    ("Catalogue JSON", "/donnees/catalogue.json"),
    ("ChatonsInfos fédération", "/donnees/chatonsinfos/federation.properties"),
    ("ChatonsInfos structure", "/donnees/chatonsinfos/breizh-libre/organization.properties"),
    ("API pages", "/api/v2/pages/?limit=20"),
]


def fetch(client, url):
    """Status, bytes sent, seconds: a streaming answer is consumed to its end."""
    started = time.perf_counter()
    response = client.get(url)
    if response.streaming:
        size = sum(len(chunk) for chunk in response.streaming_content)
    else:
        size = len(response.content)
    return response.status_code, size, time.perf_counter() - started


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


def counting(queries):
    """An execute wrapper noting each statement's SQL and the project's own lines that led to
    it (printed with --sql)."""

    def wrapper(execute, sql, params, many, context):
        frames = [
            f"{short(frame.filename)}:{frame.lineno}"
            for frame in traceback.extract_stack()
            if not any(part in frame.filename for part in PLUMBING)
        ]
        queries.append((" < ".join([*reversed(frames[-4:]), *innermost_template()]), sql))
        return execute(sql, params, many, context)

    return wrapper


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5, help="timed requests per page")
    parser.add_argument("--max-seconds", type=float, default=20, help="time allowed per page")
    parser.add_argument("--only", default="", help="comma-separated substrings of paths")
    parser.add_argument("--sql", action="store_true", help="print each page's queries too")
    args = parser.parse_args()
    configure()
    from django.db import connection
    from django.test import Client

    from directory.models import ProviderPage

    client = Client(HTTP_HOST="127.0.0.1")
    wanted = [part for part in args.only.split(",") if part]
    providers = ProviderPage.objects.live().count()
    print(f"{providers} live providers; load average {os.getloadavg()[0]:.2f}")
    header = f"{'page':<26} {'status':>6} {'queries':>7} {'p50 ms':>8} {'max ms':>8}"
    print(f"{header} {'bytes':>9}  path")
    for label, url in PAGES:
        if wanted and not any(part in url for part in wanted):
            continue
        fetch(client, url)  # fills the per-process caches (site root, content types)
        queries = []
        with connection.execute_wrapper(counting(queries)):
            status, size, seconds = fetch(client, url)
        timings = [seconds]
        deadline = time.monotonic() + args.max_seconds
        while len(timings) < args.requests and time.monotonic() < deadline:
            timings.append(fetch(client, url)[2])
        timings = [t * 1000 for t in timings]
        print(
            f"{label:<26} {status:>6} {len(queries):>7} {statistics.median(timings):8.1f} "
            f"{max(timings):8.1f} {size:>9}  {url}",
            flush=True,
        )
        if args.sql:
            for caller, sql in queries:
                print(f"      {caller}\n          {sql[:300]}")
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
