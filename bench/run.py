"""`make bench`: load-test every public page type and the API under gunicorn, uncached and cached.

Each figure is reported as a ratio to the plain "hello" view measured in the same run, so the
numbers mean something on a shared, noisy machine: every endpoint runs in a few short rounds, each
followed by hello, each round is compared with the mean of the hello figures right before and after
it, and the table gives the median over the rounds, so neither a machine that slows down or speeds
up during the run nor one disturbed round tilts the ratios. Results go to bench/results/<date>.md.
"""

import datetime
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import urllib.request

from serving import ROOT, manage, port_open, start_gunicorn, stop_gunicorn

PORT = int(os.environ.get("BENCH_PORT", "18765"))
PAGES = int(os.environ.get("BENCH_PAGES", "10000"))
# District profiles among them; empty: generate_load_data's default (one per 20 pages). 2000 gives the
# heavier mix that earlier benchmarks used.
PROFILES = os.environ.get("BENCH_PROFILES", "")
# Each endpoint is measured in ROUNDS rounds of DURATION seconds, each followed by hello for
# HELLO_CHECK_DURATION seconds: every round is compared with the hello figures right before and after it,
# and the table gives the median of the rounds. Single measurements on this shared machine swung by a
# quarter from one ten-second run to the next.
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
DURATION = int(os.environ.get("BENCH_DURATION", "4"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
HELLO_CHECK_DURATION = int(os.environ.get("BENCH_HELLO_CHECK", "3"))
# What Chrome and Firefox send over HTTPS (the site redirects to it); the page cache keeps a gzip and a
# Brotli copy. BENCH_ACCEPT_ENCODING=gzip measures clients that take gzip only.
ACCEPT_ENCODING = os.environ.get("BENCH_ACCEPT_ENCODING", "gzip, deflate, br, zstd")
WRK_HEADERS = ["-H", f"Accept-Encoding: {ACCEPT_ENCODING}"]
RESULT_RE = re.compile(r"RESULT rps=([\d.]+) p50=([\d.]+) p95=([\d.]+) p99=([\d.]+) requests=(\d+) errors=(\d+)")

# Targets as ratios to the hello baseline (issue "Performance").
CACHED_TARGET = 0.90
UNCACHED_TARGET = 0.08
SEARCH_P95_FACTOR = 3.0


BENCH_DATABASE = "staedtenetz_bench"
SQLITE_PATH = ROOT / "tmp" / "bench.sqlite3"


def _maintenance_connection():
    """A connection to the local PostgreSQL's maintenance database, or None where there is none."""
    try:
        import psycopg2
    except ImportError:
        return None
    try:
        conn = psycopg2.connect(host="127.0.0.1", port=5432, user="postgres", dbname="postgres", connect_timeout=3)
    except psycopg2.OperationalError:
        return None
    conn.autocommit = True
    return conn


def postgres_url():
    conn = _maintenance_connection()
    if conn is None:
        return None
    with conn.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [BENCH_DATABASE])
        if not cursor.fetchone():
            cursor.execute(f"CREATE DATABASE {BENCH_DATABASE}")
    conn.close()
    return f"postgres://postgres@127.0.0.1:5432/{BENCH_DATABASE}"


def reset_database(env):
    """Empty the benchmark's own database (never one named by BENCH_DATABASE_URL) for new load data."""
    if os.environ.get("BENCH_DATABASE_URL"):
        raise SystemExit(
            "Die Datenbank in BENCH_DATABASE_URL enthält Lastdaten einer anderen Zusammensetzung; "
            "bitte eine leere Datenbank angeben."
        )
    if env["DATABASE_URL"].startswith("sqlite"):
        SQLITE_PATH.unlink(missing_ok=True)
        return
    conn = _maintenance_connection()
    with conn.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)")
        cursor.execute(f"CREATE DATABASE {BENCH_DATABASE}")
    conn.close()


def environment():
    env = dict(os.environ)
    env["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    env["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL") or postgres_url() or f"sqlite:///{SQLITE_PATH}"
    env["MEDIA_ROOT"] = str(ROOT / "tmp" / "bench-media")
    # Two gunicorn workers only share an invalidation through a shared cache.
    if "REDIS_URL" not in env and port_open(6379):
        env["REDIS_URL"] = "redis://127.0.0.1:6379/3"
    env.setdefault("LOG_LEVEL", "ERROR")
    return env


TARGETS_SCRIPT = """
import json
from wagtail.models import Page
from home.management.commands.generate_load_data import default_profiles
from newsroom.models import NewsPage
from profiles.models import DistrictProfilePage
news = NewsPage.objects.live().order_by("-date").first()
profile = DistrictProfilePage.objects.live().order_by("pk").first()
generated = DistrictProfilePage.objects.filter(municipality__title__startswith="Lastkommune ").count()
print(json.dumps({"pages": Page.objects.count(), "news": news.url, "profile": profile.url, "profile_id": profile.pk,
                  "profiles": generated, "default_profiles": default_profiles(%d)}))
"""


def prepare(env):
    (ROOT / "tmp").mkdir(exist_ok=True)
    print(f"Datenbank: {env['DATABASE_URL']}; Cache: {env.get('REDIS_URL', 'lokaler Speicher')}")
    manage(env, "migrate", "--no-input", "-v", "0")
    info = shell_json(env, TARGETS_SCRIPT % PAGES) if has_pages(env) else {"pages": 0}
    if info["pages"] < PAGES or info["profiles"] != int(PROFILES or info["default_profiles"]):
        if info["pages"]:
            print(
                "Die Lastdaten passen nicht zu BENCH_PAGES/BENCH_PROFILES: die Benchmark-Datenbank wird neu angelegt."
            )
            reset_database(env)
            manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "generate_load_data", "--pages", str(PAGES), *(["--profiles", PROFILES] if PROFILES else []))
        info = shell_json(env, TARGETS_SCRIPT % PAGES)
    manage(env, "collectstatic", "--no-input", "-v", "0")
    return info


def shell_json(env, script):
    """Run `script` in `manage.py shell` and parse the JSON it prints last."""
    return json.loads(manage(env, "shell", "-v", "0", "-c", script, capture=True).strip().splitlines()[-1])


def has_pages(env):
    return shell_json(env, "from newsroom.models import NewsPage; print(int(NewsPage.objects.exists()))") == 1


def endpoints(info):
    """Every measured URL; BENCH_ONLY (comma-separated name parts) picks some, for quick iterations."""
    chosen = [part.strip().lower() for part in os.environ.get("BENCH_ONLY", "").split(",") if part.strip()]
    every = all_endpoints(info)
    if not chosen:
        return every
    # The baseline always; the search target compares with the news index.
    keep = {"hello (Basis)"} | ({"Aktuelles (Liste)"} if any(part in "suche" for part in chosen) else set())
    return [(name, path) for name, path in every if name in keep or any(part in name.lower() for part in chosen)]


def modes():
    """(False, True) = uncached, then cached; BENCH_MODES=uncached or cached runs one of them."""
    wanted = {part.strip() for part in os.environ.get("BENCH_MODES", "uncached,cached").split(",")}
    return tuple(cached for cached, label in ((False, "uncached"), (True, "cached")) if label in wanted)


def all_endpoints(info):
    return [
        ("hello (Basis)", "/bench/hello/"),
        ("Startseite", "/"),
        ("Aktuelles (Liste)", "/aktuelles/"),
        ("Meldung", info["news"]),
        ("Veranstaltungen (Liste)", "/veranstaltungen/"),
        ("Stadtteilprofile (Karte)", "/stadtteilprofile/"),
        ("Stadtteilprofil", info["profile"]),
        ("Suche", "/suche/?q=Quartier"),
        ("API Liste fields=* limit=20", "/api/v2/pages/?type=profiles.DistrictProfilePage&fields=*&limit=20"),
        ("API Detail", f"/api/v2/pages/{info['profile_id']}/"),
        ("GeoJSON", "/api/v2/profiles.geojson"),
    ]


def start_server(env, cached):
    if port_open(PORT):
        raise SystemExit(f"Port {PORT} ist belegt; einen anderen mit BENCH_PORT wählen.")
    server_env = dict(env, PAGE_CACHE="1" if cached else "0")
    return start_gunicorn(server_env, PORT, ["-w", "2"], ready_path="/bench/hello/")


def measure(path, duration=DURATION, warm_up=True):
    url = f"http://127.0.0.1:{PORT}{path}"
    if warm_up:
        urllib.request.urlopen(url, timeout=120).read()  # warm up caches and connections
        subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", "-d2s", *WRK_HEADERS, url], capture_output=True, check=False)
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{duration}s",
            *WRK_HEADERS,
            "-s",
            str(ROOT / "bench" / "latency.lua"),
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    match = RESULT_RE.search(out)
    if not match:
        raise SystemExit(f"wrk lieferte kein Ergebnis für {path}:\n{out}")
    rps, p50, p95, p99, requests, errors = match.groups()
    return {"rps": float(rps), "p50": float(p50), "p95": float(p95), "p99": float(p99), "errors": int(errors)}


def measure_rounds(path, hello_path, hello_before):
    """ROUNDS measurements of `path`, each followed by one of hello; returns (summary, last hello req/s).

    A round's ratio is its requests/s over the mean of hello right before and after it; the summary has
    the median of every figure over the rounds, so one disturbed round does not decide the result.
    """
    rounds = []
    for number in range(ROUNDS):
        figures = measure(path, warm_up=number == 0)
        hello_after = measure(hello_path, HELLO_CHECK_DURATION, warm_up=False)["rps"]
        figures["hello"] = (hello_before + hello_after) / 2
        figures["ratio"] = figures["rps"] / figures["hello"] if figures["hello"] else 0
        rounds.append(figures)
        hello_before = hello_after
    summary = {key: statistics.median(figures[key] for figures in rounds) for key in rounds[0] if key != "errors"}
    summary["errors"] = sum(figures["errors"] for figures in rounds)
    return summary, hello_before


def run():
    if not shutil.which("wrk"):
        raise SystemExit("wrk fehlt (Debian-Paket 'wrk'); `make bench` installiert es als root.")
    env = environment()
    info = prepare(env)
    results = {}
    for cached in modes():
        mode = "gecacht" if cached else "ungecacht"
        process = start_server(env, cached)
        try:
            (hello_name, hello_path), *measured = endpoints(info)
            print(f"{mode:>9}  {hello_name} ...", flush=True)
            hello = measure(hello_path, DURATION * ROUNDS)
            results[(hello_name, cached)] = dict(hello, hello=hello["rps"], ratio=1.0)
            hello_before = hello["rps"]
            for name, path in measured:
                print(f"{mode:>9}  {name} ...", flush=True)
                results[(name, cached)], hello_before = measure_rounds(path, hello_path, hello_before)
        finally:
            stop_gunicorn(process)
    report = render(info, env, results)
    print(report)
    if endpoints(info) != all_endpoints(info) or modes() != (False, True):
        print("Teilmessung (BENCH_ONLY/BENCH_MODES): nicht gespeichert.")
        return
    out = ROOT / "bench" / "results" / f"{datetime.date.today().isoformat()}.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(report, encoding="utf-8")
    print(f"Geschrieben: {out.relative_to(ROOT)}")


def render(info, env, results):
    engine = "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite"
    lines = [
        f"# Benchmark {datetime.datetime.now():%Y-%m-%d %H:%M}",
        "",
        f"{info['pages']} pages ({info['profiles']} district profiles), {engine}, gunicorn 2 workers, "
        f"wrk {CONNECTIONS} connections, {os.cpu_count()} cores, requests with `Accept-Encoding: {ACCEPT_ENCODING}`. "
        f"Each endpoint ran {ROUNDS} rounds of {DURATION} s, each followed by {HELLO_CHECK_DURATION} s of hello; "
        "a round's ratio is its requests/s relative to the mean of hello right before and after it "
        '(the "hello nearby" column), and every figure is the median over the rounds.',
        "",
        "| endpoint | mode | req/s | hello nearby | ratio | p50 ms | p95 ms | p99 ms | errors | target | ok |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    failures = []
    names = [name for name, _path in endpoints(info)]
    for cached in modes():
        for name in names:
            figures = results[(name, cached)]
            target, ok = "", True
            if name == "Suche" and not cached:
                # The target for the search is its latency; its throughput is shown, not judged.
                news_p95 = results[("Aktuelles (Liste)", False)]["p95"]
                target = f"p95 ≤ 3× Liste ({SEARCH_P95_FACTOR * news_p95:.1f} ms)"
                ok = figures["p95"] <= SEARCH_P95_FACTOR * news_p95
            elif name != names[0]:
                limit = CACHED_TARGET if cached else UNCACHED_TARGET
                target = f"≥ {limit:.0%}"
                ok = figures["ratio"] >= limit
            if figures["errors"]:
                ok = False
            if not ok:
                failures.append(f"{name} ({'gecacht' if cached else 'ungecacht'})")
            lines.append(
                f"| {name} | {'cached' if cached else 'uncached'} | {figures['rps']:.0f} | {figures['hello']:.0f} | "
                f"{figures['ratio']:.1%} | "
                f"{figures['p50']:.1f} | {figures['p95']:.1f} | {figures['p99']:.1f} | {figures['errors']} | "
                f"{target} | {'yes' if ok else 'NO'} |"
            )
    lines += ["", "Missed targets: " + (", ".join(failures) if failures else "none"), ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(run())
