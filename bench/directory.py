"""The directory's latency at scale, in-process, under production settings without page cache.

    createdb emancipasso_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/emancipasso_bench
    .venv/bin/python manage.py createcachetable && .venv/bin/python manage.py migrate
    .venv/bin/python manage.py load_demo_content
    .venv/bin/python manage.py generate_bulk_content --providers 10000
    .venv/bin/python bench/directory.py --requests 30 --max-seconds 120

Serves /annuaire/ with a set of filter combinations through Django's test client (the whole
stack: middleware, routing, SQL, templates), each request uncached, and prints p50/p95/max per
combination and overall, after the size of the directory's index of facts and the time it
takes to build (directory.listing_index). Static assets are left unbundled (django-compressor
off, plain static storage): the bench measures Python and SQL, not files. It stops after
--max-seconds.
"""

import argparse
import os
import pickle
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

COMBINATIONS = [
    "",
    "?page=2",
    "?page=400",
    "?region=ile-de-france",
    "?region=bretagne&locales=1",
    "?departement=35",
    "?departement=69&locales=1&prestation=hebergement",
    "?prestation=formation-utilisateurs",
    "?outil=nextcloud",
    "?outil=peertube&region=occitanie&type=cooperative",
    "?type=association&chatons=1",
    "?distance=1",
    "?distance=1&prestation=diagnostic&outil=jitsi-meet",
    "?chatons=1&region=auvergne-rhone-alpes&departement=69&prestation=hebergement&page=2",
    "?q=nextcloud",
    "?q=coop%C3%A9rative&region=bretagne",
    "?q=gmail&distance=1",
    "?region=corse&locales=1&type=collective",
]


def configure():
    """Production settings on this machine, without page cache or bundled assets."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "emancipasso.settings.production"
    os.environ["PAGE_CACHE_SECONDS"] = "0"  # every request computes its page
    os.environ.setdefault("SECRET_KEY", "bench-only-key")
    os.environ.setdefault("SITE_URL", "http://127.0.0.1")
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    from django.conf import settings

    settings.COMPRESS_ENABLED = settings.COMPRESS_OFFLINE = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    import django

    django.setup()


def describe_index():
    """The index's size in memory (bitsets, ids, table) and in the shared cache, and its
    build time."""
    from directory.listing_index import build_index

    started = time.perf_counter()
    index = build_index()
    took = (time.perf_counter() - started) * 1000
    in_memory = (
        sys.getsizeof(index.masks)
        + sum(sys.getsizeof(key) + sys.getsizeof(mask) for key, mask in index.masks.items())
        + index.ids.itemsize * len(index.ids)
    )
    print(
        f"listing index: {len(index.ids)} providers, {len(index.masks)} bitsets, "
        f"{in_memory} bytes in memory, {len(pickle.dumps(index))} pickled, built in {took:.0f} ms"
    )


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30, help="requests per combination")
    parser.add_argument("--max-seconds", type=float, default=120, help="stop after this time")
    args = parser.parse_args()
    configure()
    from django.test import Client

    from directory.models import ProviderPage

    client = Client(HTTP_HOST="127.0.0.1")
    providers = ProviderPage.objects.live().count()
    describe_index()
    print(f"/annuaire/ with {providers} live providers, {args.requests} requests per line (ms)")
    print(f"{'combination':<84} {'p50':>6} {'p95':>6} {'max':>6}")
    deadline = time.monotonic() + args.max_seconds
    every = []
    for query in COMBINATIONS:
        url = f"/annuaire/{query}"
        response = client.get(url)  # warm the process's caches (site root, content types)
        if response.status_code != 200:
            sys.exit(f"{url}: {response.status_code}")
        timings = []
        for _ in range(args.requests):
            if time.monotonic() > deadline:
                break
            started = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        if not timings:
            print("time is up")
            break
        every += timings
        print(
            f"{url:<84} {statistics.median(timings):6.1f} {percentile(timings, 0.95):6.1f} "
            f"{max(timings):6.1f}"
        )
    print(
        f"{'all (' + str(len(every)) + ' requests)':<84} {statistics.median(every):6.1f} "
        f"{percentile(every, 0.95):6.1f} {max(every):6.1f}"
    )


if __name__ == "__main__":
    main()
