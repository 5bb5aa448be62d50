"""A bounded soak: nginx in front of two gunicorn (deploy/), PostgreSQL and Redis, on loopback.

    .venv/bin/python bench/soak.py --minutes 3 --rate 20

Prepares a fresh PostgreSQL database with the demo site (as `make test-deploy` does), then
sends a sustained rate of requests for a fixed time, spread over the public pages and the
forms (searches, the diagnostic, contact requests posted with their CSRF token), and stops by
itself. It prints the answers by status, the latency percentiles, and the memory of every
gunicorn worker at the start and at the end. Nothing leaves 127.0.0.1.
"""

import argparse
import concurrent.futures
import os
import re
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import psycopg
import urllib3

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.deploy import servers  # noqa: E402

ADMIN_URL = os.environ.get(
    "DEPLOY_ADMIN_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"
)
REDIS_URL = os.environ.get("DEPLOY_REDIS_URL", "redis://127.0.0.1:6379/13")
DATABASE = "emancipasso_soak"
PAGES = [
    "/",
    "/guides/",
    "/alternatives/",
    "/annuaire/",
    "/annuaire/?region=bretagne",
    "/webinaires/",
    "/recherche/?q=gmail",
    "/recherche/?q=visio",
    "/passer-au-libre/",
]


def worker_memory(master_pids):
    """Resident memory (MiB) of each gunicorn worker, by pid."""
    memory = {}
    for master in master_pids:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        for pid in children:
            status = Path(f"/proc/{pid}/status").read_text()
            rss = int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1))
            memory[int(pid)] = round(rss / 1024, 1)
    return memory


def discover(session):
    """Guides, profiles and a diagnostic result of the demo site, and a contact form."""
    paths = list(PAGES)
    for index, pattern in (
        ("/guides/", r'href="(/guides/[\w-]+/)"'),
        ("/annuaire/", r'href="(/annuaire/[\w-]+/)"'),
    ):
        paths += sorted(set(re.findall(pattern, session.get(index).text)))[:6]
    form = session.get("/passer-au-libre/").text
    tools = re.findall(r'name="outils" value="(\d+)"', form)[:3]
    if tools:
        paths.append("/passer-au-libre/?" + "&".join(f"outils={tool}" for tool in tools))
    profile = next(
        path
        for path in paths
        if path.startswith("/annuaire/") and "?" not in path and path != "/annuaire/"
    )
    return paths, profile


def post_contact(session, profile):
    form = session.get(f"{profile}contacter/")
    token = servers.csrf_token(form)
    region = re.search(r'<option value="(\d+)"', form.text)
    return session.post(
        f"{profile}contacter/",
        data={
            "csrfmiddlewaretoken": token,
            "association_name": "Association de test de charge",
            "person_name": "Dominique",
            "email": "soak@example.org",
            "region": region.group(1) if region else "",
            "message": "Bonjour, nous aimerions quitter Gmail pour nos adresses.",
            "consent": "on",
        },
        headers={"Referer": f"https://{servers.HOST}{profile}contacter/"},
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=3)
    parser.add_argument("--rate", type=float, default=20, help="requêtes par seconde")
    parser.add_argument(
        "--form-every",
        type=int,
        default=20,
        help="une requête sur N envoie le formulaire de contact (0 : aucune)",
    )
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="emancipasso-soak-"))
    with psycopg.connect(ADMIN_URL, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {DATABASE}")
    database_url = ADMIN_URL.rsplit("/", 1)[0] + f"/{DATABASE}"
    env = servers.production_env(
        work,
        database_url,
        REDIS_URL=REDIS_URL,
        PUBLIC_FORM_SUBMISSION_RATE="100000/h",
        PUBLIC_FORM_POST_RATE="100000/h",
    )
    print("Préparation de la base et des fichiers statiques…", flush=True)
    servers.prepare_site(env)
    ports = [servers.free_port(), servers.free_port()]
    processes = [
        servers.start_gunicorn(env, port, open(work / f"gunicorn-{port}.log", "wb"))  # noqa: SIM115
        for port in ports
    ]
    https_port = servers.free_port()
    nginx = servers.start_nginx(
        work, servers.nginx_site(work, ports, servers.free_port(), https_port)
    )
    servers.wait_for_port(https_port, nginx)
    base = f"https://127.0.0.1:{https_port}"
    try:
        urllib3.disable_warnings()
        paths, profile = discover(servers.Visitor(base))
        for path in paths:  # warm every worker once
            servers.Visitor(base).get(path)
        masters = [process.pid for process in processes]
        memory_before = worker_memory(masters)

        results, lock = [], threading.Lock()
        local = threading.local()

        def one(index):
            session = getattr(local, "session", None) or servers.Visitor(base)
            local.session = session
            started = time.perf_counter()
            try:
                if args.form_every and index % args.form_every == 0:
                    status = post_contact(session, profile).status_code
                    kind = "formulaire"
                else:
                    status = session.get(paths[index % len(paths)]).status_code
                    kind = "page"
            except Exception as error:  # noqa: BLE001 - counted, then reported
                status, kind = type(error).__name__, "erreur"
            with lock:
                results.append((kind, status, time.perf_counter() - started))

        total = int(args.minutes * 60 * args.rate)
        print(f"{total} requêtes à {args.rate}/s pendant {args.minutes} min…", flush=True)
        start = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
            for index in range(total):
                delay = start + index / args.rate - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                pool.submit(one, index)
        elapsed = time.monotonic() - start
        memory_after = worker_memory(masters)
    finally:
        for process in [nginx, *processes]:
            servers.stop(process)
        with psycopg.connect(ADMIN_URL, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")

    latencies = sorted(duration * 1000 for _, _, duration in results)
    by_status = Counter((kind, status) for kind, status, _ in results)
    quantiles = statistics.quantiles(latencies, n=100)
    print(f"\n{len(results)} réponses en {elapsed:.0f} s ({len(results) / elapsed:.1f}/s)")
    for (kind, status), count in sorted(by_status.items(), key=str):
        print(f"  {kind:10} {status}: {count}")
    print(
        f"latence (ms) : p50 {quantiles[49]:.0f}, p95 {quantiles[94]:.0f}, "
        f"p99 {quantiles[98]:.0f}, max {latencies[-1]:.0f}"
    )
    print("mémoire des workers gunicorn (Mio), début → fin :")
    for pid in sorted(memory_before):
        print(f"  {pid}: {memory_before[pid]} → {memory_after.get(pid, 'recyclé')}")
    errors = sum(
        count for (kind, status), count in by_status.items() if kind == "erreur" or status >= 400
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
