"""Requests per second and latency of the public pages, with and without the page cache.

    .venv/bin/python bench/pages.py            # every page, on the bulk data: 7 min + data
    .venv/bin/python bench/pages.py --reuse    # the same database again, not regenerated
    .venv/bin/python bench/pages.py --no-bulk --pages accueil,recherche --duration 5

Serves the hub as deploy/ does (gunicorn with deploy/gunicorn.conf.py and 2 workers, the
production settings, PostgreSQL, Redis) on loopback, and loads each page with wrk, on the same
machine, for a fixed time after a warm-up: once with the anonymous page cache switched off
(UNCACHED_ENV), once with it on. Then a gunicorn run the same way serves a fixed page as long
as the home page (bench/fixed_page.py), the ceiling a cached page can approach. Prints the machine,
the data, and the Markdown lines for the README: the table, the figures measured earlier on the
same machine (bakerydemo, the hub before), and whether the targets are met.

The database (--database) is kept after the run; --reuse serves it again as it is. Nothing
leaves 127.0.0.1.
"""

import argparse
import dataclasses
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import psycopg
import redis
import urllib3

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.deploy import servers  # noqa: E402

ADMIN_URL = os.environ.get(
    "DEPLOY_ADMIN_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6")
# What switches the anonymous page cache off; "caché" runs with the settings' default.
UNCACHED_ENV = {"PAGE_CACHE_SECONDS": "0"}
BULK_COMMAND = "generate_bulk_content"
BULK_ARGS = ["--providers", "10000", "--guides", "2000", "--webinars", "500"]
FIXED_APP = "bench.fixed_page:application"
# A request slower than this counts as an error (wrk's timeout); gunicorn's own is 40 s.
TIMEOUT_SECONDS = 5
TCP_OPEN_STATES = {"01", "08"}  # ESTABLISHED, CLOSE_WAIT in /proc/net/tcp

# key (for --pages), label, path. The paths are those of the demo site, kept by the bulk data.
PAGES = [
    ("accueil", "Accueil", "/"),
    ("guides", "Guides", "/guides/"),
    ("guide", "Un guide", "/guides/une-adresse-mail-associative/"),
    ("catalogue", "Catalogue", "/alternatives/"),
    ("service", "Remplacer Gmail", "/alternatives/remplacer/gmail/"),
    ("annuaire", "Annuaire", "/annuaire/"),
    ("annuaire-filtres", "Annuaire filtré", "/annuaire/?region=bretagne&prestation=hebergement"),
    ("prestataire", "Un prestataire", "/annuaire/breizh-libre/"),
    ("webinaires", "Webinaires", "/webinaires/"),
    ("webinaire", "Un webinaire", "/webinaires/reunions-en-visio-sans-zoom/"),
    (
        "diagnostic",
        "Résultat du diagnostic",
        "/passer-au-libre/?outils=gmail&outils=zoom&departement=35",
    ),
    ("recherche", "Recherche", "/recherche/?q=gmail"),
]
# Requests per second measured earlier on the same 2-core machine, same server and settings
# (issue 15): Wagtail's bakerydemo on its comparable page, and the hub before this work.
EARLIER = {
    "accueil": ("50 (accueil)", 50, 85),
    "guides": ("65 (blog)", 65, 64),
    "guide": ("53 (page de blog)", 53, 68),
    "recherche": ("42", 42, 69),
    "annuaire": ("—", None, 40),
}
UNCACHED_FACTOR = 5  # uncached: at least five times bakerydemo's rate
CACHED_FACTOR = 2  # cached: within a factor of two of the fixed page
MODES = {"non-cache": "sans cache", "cache": "avec cache"}
MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"

# wrk hands its summary to this Lua function; one JSON line, after wrk's own report.
WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "errors": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


@dataclasses.dataclass
class Measure:
    rps: float
    p50: float | None  # ms; None when no request finished
    p95: float | None
    errors: int
    requests: int
    cpu_ms: float | None = None  # gunicorn's CPU per request, whatever else the machine runs


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=10, help="secondes mesurées par page")
    parser.add_argument("--warmup", type=float, default=3, help="secondes de chauffe par page")
    parser.add_argument("--concurrency", type=int, default=4, help="connexions simultanées")
    parser.add_argument(
        "--pages",
        default=",".join(key for key, _label, _path in PAGES),
        help="clés des pages, séparées par des virgules",
    )
    parser.add_argument(
        "--modes", default="non-cache,cache", help="non-cache, cache, ou les deux (défaut)"
    )
    parser.add_argument("--database", default="emancipasso_bench", help="base PostgreSQL")
    parser.add_argument(
        "--reuse", action="store_true", help="servir la base existante telle quelle"
    )
    parser.add_argument(
        "--bulk",
        action=argparse.BooleanOptionalAction,
        default=True,
        help=f"ajouter les données en masse ({BULK_COMMAND} {' '.join(BULK_ARGS)})",
    )
    args = parser.parse_args()
    known = [key for key, _label, _path in PAGES]
    args.pages = [key for key in args.pages.split(",") if key]
    args.modes = [mode for mode in args.modes.split(",") if mode]
    if unknown := set(args.pages) - set(known):
        parser.error(
            f"pages inconnues : {', '.join(sorted(unknown))} (connues : {', '.join(known)})"
        )
    if not args.modes or set(args.modes) - set(MODES):
        parser.error("--modes : non-cache, cache, ou non-cache,cache")
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", args.database):
        parser.error("--database : lettres minuscules, chiffres et _ seulement")
    return args


def require_wrk():
    wrk = shutil.which("wrk")
    if not wrk:
        sys.exit("wrk est introuvable : installez-le (Debian : sudo apt-get install -y wrk).")
    return wrk


def command_exists(env, name):
    return (
        subprocess.run(  # noqa: S603 - manage.py with a command name written here
            [sys.executable, "manage.py", "help", name],
            cwd=ROOT,
            env=env,
            capture_output=True,
            timeout=120,
        ).returncode
        == 0
    )


def prepare_database(args, env):
    """A fresh database with the demo site (and the bulk data), unless --reuse finds one; then
    what every release does: migrations, static files, offline compression."""
    with psycopg.connect(ADMIN_URL, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [args.database]
        ).fetchone()
        fresh = not (args.reuse and exists)
        if fresh and args.bulk and not command_exists(env, BULK_COMMAND):
            sys.exit(
                f"La commande {BULK_COMMAND} n'existe pas encore : relancez avec --no-bulk "
                "(site de démonstration seul)."
            )
        if fresh:
            connection.execute(f"DROP DATABASE IF EXISTS {args.database} WITH (FORCE)")
            connection.execute(f"CREATE DATABASE {args.database}")
    started = time.monotonic()
    servers.manage(env, "createcachetable")
    servers.manage(env, "migrate", "--noinput")
    if fresh:
        print("Base neuve : site de démonstration…", flush=True)
        servers.manage(env, "load_demo_content")
        if args.bulk:
            print(f"Données en masse : {BULK_COMMAND} {' '.join(BULK_ARGS)}…", flush=True)
            servers.manage(env, BULK_COMMAND, *BULK_ARGS, timeout=3600)
        # What autovacuum would have done on a server by now: plans made on real statistics.
        with psycopg.connect(env["DATABASE_URL"], autocommit=True) as connection:
            connection.execute("VACUUM ANALYZE")
    else:
        print(f"Base {args.database} réutilisée telle quelle.", flush=True)
    servers.manage(env, "collectstatic", "--noinput")
    servers.manage(env, "compress", "--force")
    print(f"Préparation : {time.monotonic() - started:.0f} s", flush=True)


def content_counts(env):
    """How much the database holds: the size the figures were measured at."""
    script = (
        "from directory.models import ProviderPage; from guides.models import GuidePage; "
        "from webinars.models import WebinarPage; "
        "print(*(m.objects.live().count() for m in (ProviderPage, GuidePage, WebinarPage)))"
    )
    output = subprocess.run(  # noqa: S603 - manage.py with a script written here
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.split()
    return dict(zip(("providers", "guides", "webinars"), map(int, output[-3:]), strict=True))


def check_pages(base, pages):
    """Every page answers 200 (wrk would count a redirect as a success); gives the size of the
    home page, which the fixed page copies."""
    visitor = servers.AppServerVisitor(base)
    for _key, label, path in [("accueil", "Accueil", "/"), *pages]:
        response = visitor.get(path)
        if response.status_code != 200:
            sys.exit(f"{label} ({path}) répond {response.status_code} au lieu de 200.")
    return len(visitor.get("/").content)


def load(wrk, url, seconds, concurrency, report):
    """wrk for a fixed time on one URL, with the Host and scheme nginx would pass on."""
    output = subprocess.run(  # noqa: S603 - wrk on a loopback URL built here
        [
            wrk,
            "--threads",
            "1",
            "--connections",
            str(concurrency),
            "--duration",
            f"{seconds:g}s",
            "--timeout",
            f"{TIMEOUT_SECONDS}s",
            "--header",
            f"Host: {servers.HOST}",
            "--header",
            "X-Forwarded-Proto: https",
            "--script",
            str(report),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout
    summary = json.loads(output.strip().splitlines()[-1])
    finished = summary["requests"]
    return Measure(
        rps=finished / (summary["duration_us"] / 1e6),
        p50=summary["p50_us"] / 1000 if finished else None,
        p95=summary["p95_us"] / 1000 if finished else None,
        # Nothing answered in time: every connection waited on a request that never came back.
        errors=summary["errors"] if finished else max(summary["errors"], concurrency),
        requests=finished,
    )


def measure(wrk, server, paths, args, report):
    process, port = server
    results = {}
    for key, path in paths:
        url = f"http://127.0.0.1:{port}{path}"
        wait_until_drained(port)
        if args.warmup:
            load(wrk, url, args.warmup, args.concurrency, report)
        cpu_before = gunicorn_cpu_seconds(process.pid)
        result = results[key] = load(wrk, url, args.duration, args.concurrency, report)
        cpu = gunicorn_cpu_seconds(process.pid) - cpu_before
        result.cpu_ms = 1000 * cpu / result.requests if result.requests else None
        print(f"  {key:18} {describe(result)}", flush=True)
    return results


def wait_until_drained(port, timeout=120):
    """wrk stops with requests under way, which gunicorn finishes all the same: wait until no
    connection to the server is open (established, or closed by wrk and not yet by gunicorn),
    so that a page does not pay for the slow requests of the one before."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(
            int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] in TCP_OPEN_STATES
            for fields in (
                line.split() for line in Path("/proc/net/tcp").read_text().splitlines()[1:]
            )
        ):
            return
        time.sleep(0.1)
    raise TimeoutError(f"des requêtes tournent encore sur le port {port} après {timeout} s")


def describe(result):
    if not result.requests:
        return f"aucune réponse en moins de {TIMEOUT_SECONDS} s  erreurs {result.errors}"
    return (
        f"{result.rps:7.1f} req/s  p50 {result.p50:6.1f} ms  p95 {result.p95:6.1f} ms  "
        f"erreurs {result.errors}  CPU gunicorn {result.cpu_ms:5.1f} ms/requête"
    )


def recycled(work, name):
    """Workers started after the first two: deploy/gunicorn.conf.py recycles each one after
    about 2,000 requests, and a new one imports the hub again while the other serves alone."""
    log = (work / f"gunicorn-{name}.log").read_text(errors="replace")
    return log.count("Booting worker with pid") - 2


def gunicorn_cpu_seconds(master):
    """CPU time of the master and its workers, including the workers recycled since (the
    master reaps them): on a busy machine, what a request costs when rps says little."""
    ticks = os.sysconf("SC_CLK_TCK")
    master_stat = proc_stat(master)
    total = sum(int(value) for value in master_stat[11:15])  # utime stime cutime cstime
    for pid in Path(f"/proc/{master}/task/{master}/children").read_text().split():
        try:
            total += sum(int(value) for value in proc_stat(pid)[11:13])
        except OSError:  # recycled meanwhile: its time is in the master's cutime now
            continue
    return total / ticks


def proc_stat(pid):
    """/proc/<pid>/stat from its third field (the state) on."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def serve(env, work, name, app="emancipasso.wsgi"):
    port = servers.free_port()
    log = open(work / f"gunicorn-{name}.log", "wb")  # noqa: SIM115 - closed with the process
    process = servers.start_gunicorn(env, port, log, app=app)
    wait_for_workers(process.pid)
    return process, port


def wait_for_workers(master, count=2, quiet=1.0, timeout=120):
    """gunicorn opens its port before its workers have imported the app: wait until `count`
    workers have sat idle (sleeping in accept) for `quiet` seconds, so that no measure
    includes a start-up."""
    deadline = time.monotonic() + timeout
    idle_since = None
    while time.monotonic() < deadline:
        try:
            workers = Path(f"/proc/{master}/task/{master}/children").read_text().split()
            states = [proc_stat(pid)[0] for pid in workers]
        except OSError:  # a worker exited between the two reads
            states = []
        if len(states) >= count and set(states) == {"S"}:
            idle_since = idle_since or time.monotonic()
            if time.monotonic() - idle_since >= quiet:
                return
        else:
            idle_since = None
        time.sleep(0.05)
    raise TimeoutError(f"les {count} processus gunicorn ne sont pas prêts après {timeout} s")


def machine():
    cpu = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
    memory = re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text())
    return (
        f"{cpu.group(1).strip() if cpu else 'processeur inconnu'}, {os.cpu_count()} cœurs, "
        f"{round(int(memory.group(1)) / 1024 / 1024)} Gio"
    )


def french_date(day):
    return f"{day.day} {MONTHS.split()[day.month - 1]} {day.year}"


def number(value):
    return f"{value:,.0f}".replace(",", " ")  # as the README writes 3 600


def cell(result):
    if result is None:
        return "—", "—"
    if not result.requests:
        return "0", f"> {TIMEOUT_SECONDS * 1000}"
    return number(result.rps), f"{result.p50:.0f} / {result.p95:.0f}"


def readme_lines(args, pages, results, fixed, counts, home_size, context):
    """The paragraph, the table and the verdicts, as they go into the README."""
    command = " ".join([".venv/bin/python bench/pages.py", *sys.argv[1:]])
    data = (
        f"{number(counts['providers'])} prestataires, {number(counts['guides'])} guides et "
        f"{number(counts['webinars'])} webinaires"
    )
    load = (
        f"charge moyenne {context['load_before']:.1f} au départ, "
        f"{context['load_after']:.1f} à la fin"
    )
    setup = (
        f"PostgreSQL avec {data}, gunicorn (`deploy/gunicorn.conf.py`, 2 processus), réglages "
        f"de production, Redis ; wrk sur la même machine, {args.concurrency} connexions, "
        f"{args.duration:g} s par page après {args.warmup:g} s de chauffe"
    )
    lines = [
        *paragraph(
            f"Mesuré le {french_date(datetime.date.today())} sur {context['machine']} ({load}), "
            f"par `{command}` : {setup}. Latences p50 / p95 en millisecondes."
        ),
        "",
        "| page | adresse | sans cache (req/s) | p50 / p95 | avec cache (req/s) | p50 / p95 "
        "| erreurs | bakerydemo (req/s) | hub avant (req/s) |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for key, label, path in pages:
        uncached = results.get(("non-cache", key))
        cached = results.get(("cache", key))
        errors = sum(result.errors for result in (uncached, cached) if result)
        bakery, _rate, before = EARLIER.get(key, ("—", None, None))
        lines.append(
            f"| {label} | `{path}` | {' | '.join(cell(uncached))} | {' | '.join(cell(cached))} "
            f"| {errors} | {bakery} | {before or '—'} |"
        )
    if fixed:
        lines.append(
            f"| Page fixe ({number(home_size)} octets, gunicorn sans Django) | — "
            f"| {' | '.join(cell(fixed))} | — | — | {fixed.errors} | — | — |"
        )
    for verdict in verdicts(pages, results, fixed):
        lines += ["", *paragraph(verdict)]
    return lines


def paragraph(text):
    """Wrapped as the README is, at 100 characters."""
    return textwrap.wrap(text, 100, break_long_words=False, break_on_hyphens=False)


def verdicts(pages, results, fixed):
    lines = []
    compared = [
        (label, results[("non-cache", key)].rps, EARLIER[key][1])
        for key, label, _path in pages
        if ("non-cache", key) in results and EARLIER.get(key, (None, None))[1]
    ]
    if compared:
        parts = [
            f"{label} {number(rps)} pour {number(UNCACHED_FACTOR * bakery)} visés "
            f"({'atteint' if rps >= UNCACHED_FACTOR * bakery else 'non atteint'})"
            for label, rps, bakery in compared
        ]
        lines.append(
            f"Objectif sans cache, au moins {UNCACHED_FACTOR} fois bakerydemo : "
            + " ; ".join(parts)
            + "."
        )
    cached = [
        (label, results[("cache", key)].rps) for key, label, _ in pages if ("cache", key) in results
    ]
    if fixed and cached:
        floor = fixed.rps / CACHED_FACTOR
        below = [f"{label} ({number(rps)})" for label, rps in cached if rps < floor]
        lines.append(
            f"Objectif avec cache, au moins la moitié de la page fixe ({number(floor)} req/s) : "
            + (
                "atteint par toutes les pages."
                if not below
                else f"non atteint par {', '.join(below)}."
            )
        )
    return lines


def main():
    args = parse_args()
    wrk = require_wrk()
    pages = [page for page in PAGES if page[0] in args.pages]
    work = Path(tempfile.mkdtemp(prefix="emancipasso-bench-"))
    report = work / "report.lua"
    report.write_text(WRK_REPORT)
    env = servers.production_env(
        work,
        ADMIN_URL.rsplit("/", 1)[0] + f"/{args.database}",
        REDIS_URL=REDIS_URL,
    )
    run_started = time.monotonic()
    prepare_database(args, env)
    counts = content_counts(env)
    context = {"machine": machine(), "load_before": os.getloadavg()[0]}
    urllib3.disable_warnings()
    results, home_size = {}, 0
    for mode in args.modes:
        redis.Redis.from_url(REDIS_URL).flushdb()
        mode_env = {**env, **UNCACHED_ENV} if mode == "non-cache" else env
        process, port = serve(mode_env, work, mode)
        try:
            home_size = check_pages(f"http://127.0.0.1:{port}", pages)
            print(f"\n{MODES[mode]} :", flush=True)
            paths = [(key, path) for key, _label, path in pages]
            for key, result in measure(wrk, (process, port), paths, args, report).items():
                results[(mode, key)] = result
        finally:
            servers.stop(process)
        print(f"  processus gunicorn recyclés (max_requests) : {recycled(work, mode)}")
    fixed_env = {**env, "BENCH_FIXED_PAGE_BYTES": str(home_size)}
    process, port = serve(fixed_env, work, "fixe", app=FIXED_APP)
    try:
        print(f"\npage fixe ({home_size} octets) :", flush=True)
        fixed = measure(wrk, (process, port), [("page fixe", "/")], args, report)["page fixe"]
    finally:
        servers.stop(process)
    print(f"  processus gunicorn recyclés (max_requests) : {recycled(work, 'fixe')}")
    context["load_after"] = os.getloadavg()[0]
    shutil.rmtree(work / "staticfiles", ignore_errors=True)  # 13 Mo per run; the logs stay
    print(f"\nDurée totale : {(time.monotonic() - run_started) / 60:.1f} min")
    print(f"Base gardée : {args.database} (--reuse pour la resservir). Journaux : {work}")
    print("\nLignes pour le README :\n")
    print("\n".join(readme_lines(args, pages, results, fixed, counts, home_size, context)))
    return 1 if any(result.errors for result in [*results.values(), fixed]) else 0


if __name__ == "__main__":
    sys.exit(main())
