"""`make bench`: load-test every public page type and the API under gunicorn, uncached and cached.

Each figure is reported as a ratio to the plain "hello" view measured in the same run, so the
numbers mean something on a shared, noisy machine: hello is measured at the start of each mode and
again briefly after every endpoint, and each endpoint is compared with the mean of the hello figures
right before and after it, so a machine that slows down or speeds up during the run does not tilt
the ratios. Results go to bench/results/<date>.md.
"""

import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.request

from serving import ROOT, manage, port_open, start_gunicorn, stop_gunicorn

PORT = int(os.environ.get("BENCH_PORT", "18765"))
PAGES = int(os.environ.get("BENCH_PAGES", "10000"))
DURATION = int(os.environ.get("BENCH_DURATION", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
# The short hello measurement after each endpoint (its neighbours' baseline).
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


def postgres_url():
    try:
        import psycopg2
    except ImportError:
        return None
    try:
        conn = psycopg2.connect(host="127.0.0.1", port=5432, user="postgres", dbname="postgres", connect_timeout=3)
    except psycopg2.OperationalError:
        return None
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = 'staedtenetz_bench'")
        if not cursor.fetchone():
            cursor.execute("CREATE DATABASE staedtenetz_bench")
    conn.close()
    return "postgres://postgres@127.0.0.1:5432/staedtenetz_bench"


def environment():
    env = dict(os.environ)
    env["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    env["DATABASE_URL"] = (
        os.environ.get("BENCH_DATABASE_URL") or postgres_url() or f"sqlite:///{ROOT}/tmp/bench.sqlite3"
    )
    env["MEDIA_ROOT"] = str(ROOT / "tmp" / "bench-media")
    # Two gunicorn workers only share an invalidation through a shared cache.
    if "REDIS_URL" not in env and port_open(6379):
        env["REDIS_URL"] = "redis://127.0.0.1:6379/3"
    env.setdefault("LOG_LEVEL", "ERROR")
    return env


TARGETS_SCRIPT = """
import json
from wagtail.models import Page
from newsroom.models import NewsPage
from profiles.models import DistrictProfilePage
news = NewsPage.objects.live().order_by("-date").first()
profile = DistrictProfilePage.objects.live().order_by("pk").first()
print(json.dumps({"pages": Page.objects.count(), "news": news.url, "profile": profile.url, "profile_id": profile.pk}))
"""


def prepare(env):
    (ROOT / "tmp").mkdir(exist_ok=True)
    print(f"Datenbank: {env['DATABASE_URL']}; Cache: {env.get('REDIS_URL', 'lokaler Speicher')}")
    manage(env, "migrate", "--no-input", "-v", "0")
    info = shell_json(env, TARGETS_SCRIPT) if has_pages(env) else {"pages": 0}
    if info["pages"] < PAGES:
        manage(env, "generate_load_data", "--pages", str(PAGES))
        info = shell_json(env, TARGETS_SCRIPT)
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
            measured = endpoints(info)
            for index, (name, path) in enumerate(measured):
                print(f"{mode:>9}  {name} ...", flush=True)
                results[(name, cached)] = measure(path)
                if index:  # hello again, as the baseline of this endpoint and the next
                    check = measure(measured[0][1], HELLO_CHECK_DURATION, warm_up=False)
                    results[("hello-check", cached, index)] = check
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
        f"{info['pages']} pages, {engine}, gunicorn 2 workers, wrk {CONNECTIONS} connections, {DURATION} s each, "
        f"{os.cpu_count()} cores, requests with `Accept-Encoding: {ACCEPT_ENCODING}`. "
        "Ratio = requests/s relative to hello in the same mode, measured right before and after each "
        f'endpoint (mean; the "hello nearby" column, {HELLO_CHECK_DURATION} s each after the first).',
        "",
        "| endpoint | mode | req/s | hello nearby | ratio | p50 ms | p95 ms | p99 ms | errors | target | ok |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    failures = []
    names = [name for name, _path in endpoints(info)]
    for cached in modes():
        for index, name in enumerate(names):
            figures = results[(name, cached)]
            baseline = nearby_hello(results, names, cached, index)
            ratio = figures["rps"] / baseline if baseline else 0
            target, ok = "", True
            if name != names[0]:
                limit = CACHED_TARGET if cached else UNCACHED_TARGET
                target = f"≥ {limit:.0%}"
                ok = ratio >= limit
            if name == "Suche" and not cached:
                news_p95 = results[("Aktuelles (Liste)", False)]["p95"]
                search_ok = figures["p95"] <= SEARCH_P95_FACTOR * news_p95
                target += f", p95 ≤ 3× Liste ({SEARCH_P95_FACTOR * news_p95:.1f} ms)"
                ok = ok and search_ok
            if figures["errors"]:
                ok = False
            if not ok:
                failures.append(f"{name} ({'gecacht' if cached else 'ungecacht'})")
            lines.append(
                f"| {name} | {'cached' if cached else 'uncached'} | {figures['rps']:.0f} | {baseline:.0f} | "
                f"{ratio:.1%} | "
                f"{figures['p50']:.1f} | {figures['p95']:.1f} | {figures['p99']:.1f} | {figures['errors']} | "
                f"{target} | {'yes' if ok else 'NO'} |"
            )
    lines += ["", "Missed targets: " + (", ".join(failures) if failures else "none"), ""]
    return "\n".join(lines)


def nearby_hello(results, names, cached, index):
    """Mean hello requests/s right before and after endpoint `index` (the start's figure for hello itself)."""
    if index == 0:
        return results[(names[0], cached)]["rps"]
    before = results[(names[0], cached)] if index == 1 else results[("hello-check", cached, index - 1)]
    after = results[("hello-check", cached, index)]
    return (before["rps"] + after["rps"]) / 2


if __name__ == "__main__":
    sys.exit(run())
