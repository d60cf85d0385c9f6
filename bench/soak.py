"""`make soak`: 60 s of load at 32 connections on gunicorn while a reviewer publishes; count errors and stale answers.

Production settings (bench.settings: config.settings.production without the HTTPS redirect), a fresh
database with the demo content, the page cache on (shared through Redis when it is reachable).
Meanwhile a reviewer process republishes three news pages about once a second, each time with a new
marker in the title, and logs when each publish has returned.

A response is *stale* when its request started after a publish had returned, yet it still shows an
older marker for that page (detail page, news listing, RSS feed or API detail). An *error* is any
status >= 400, a refused connection or a timeout. Both targets are 0; the exit status says whether
they were met. Everything stays on the loopback interface and ends after the set duration.
"""

import datetime
import http.client
import json
import os
import re
import subprocess
import sys
import threading
import time
from collections import Counter

from serving import PYTHON, ROOT, manage, port_open, start_gunicorn, stop_gunicorn

PORT = int(os.environ.get("SOAK_PORT", "8766"))
DURATION = int(os.environ.get("SOAK_DURATION", "60"))
CONNECTIONS = int(os.environ.get("SOAK_CONNECTIONS", "32"))
WORKERS = int(os.environ.get("SOAK_WORKERS", "4"))
PUBLISH_INTERVAL = float(os.environ.get("SOAK_PUBLISH_INTERVAL", "1.0"))
DATABASE = "staedtenetz_soak"
MARKER = "Soak-Marke"

SETUP_SCRIPT = """
import json
from django.contrib.auth import get_user_model
from newsroom.models import NewsPage
from profiles.models import DistrictProfilePage
get_user_model().objects.filter(username="soak-reviewer").delete()
get_user_model().objects.create_superuser("soak-reviewer", "soak@example.org", None)
news = list(NewsPage.objects.live().public().order_by("-date", "-first_published_at", "-pk")[:3])
profile = DistrictProfilePage.objects.live().order_by("pk").first()
print(json.dumps({
    "watched": [{"id": page.pk, "url": page.url} for page in news],
    "profile": profile.url, "profile_id": profile.pk,
}))
"""

# Runs as `manage.py shell -c` in its own process, like an editor's request in another worker.
REVIEWER_SCRIPT = """
import json, sys, time
from django.contrib.auth import get_user_model
from newsroom.models import NewsPage
ids = {ids!r}
reviewer = get_user_model().objects.get(username="soak-reviewer")
titles = {{page.pk: page.title for page in NewsPage.objects.filter(pk__in=ids)}}
deadline = time.time() + {duration}
number = 0
while time.time() < deadline:
    number += 1
    page = NewsPage.objects.get(pk=ids[number % len(ids)])
    page.title = f"{{titles[page.pk]}} ({marker} p{{page.pk}}-{{number}})"
    page.save_revision(user=reviewer).publish(user=reviewer)
    print(json.dumps({{"page": page.pk, "number": number, "done": time.time()}}), flush=True)
    time.sleep({interval})
"""


def fresh_database_url():
    """A new, empty database: PostgreSQL when it answers on 127.0.0.1:5432, else an SQLite file."""
    try:
        import psycopg2

        connection = psycopg2.connect(host="127.0.0.1", user="postgres", dbname="postgres", connect_timeout=3)
    except Exception:  # noqa: BLE001 - no driver or no server: fall back to SQLite
        path = ROOT / "tmp" / "soak.sqlite3"
        path.unlink(missing_ok=True)
        return f"sqlite:///{path}"
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {DATABASE}")
        cursor.execute(f"CREATE DATABASE {DATABASE}")
    connection.close()
    return f"postgres://postgres@127.0.0.1:5432/{DATABASE}"


def environment():
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="bench.settings", LOG_LEVEL="ERROR", PAGE_CACHE="1")
    env["DATABASE_URL"] = fresh_database_url()
    env["MEDIA_ROOT"] = str(ROOT / "tmp" / "soak-media")
    if "REDIS_URL" not in env and port_open(6379):
        env["REDIS_URL"] = "redis://127.0.0.1:6379/4"
    return env


def urls_to_load(info):
    watched = [page["url"] for page in info["watched"]]
    api = [f"/api/v2/pages/{page['id']}/" for page in info["watched"]]
    return [
        "/",
        "/aktuelles/",
        "/aktuelles/feed/",
        "/veranstaltungen/",
        "/stadtteilprofile/",
        info["profile"],
        "/suche/?q=Quartier",
        "/api/v2/pages/?type=newsroom.NewsPage&fields=*&limit=20",
        f"/api/v2/pages/{info['profile_id']}/",
        "/api/v2/profiles.geojson",
        "/health/",
        *watched,
        *api,
    ]


def load(urls, deadline, results, offset):
    """One connection: request the URLs round-robin until the deadline; record what each answer showed."""
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    index = offset
    while time.time() < deadline:
        url = urls[index % len(urls)]
        index += 1
        started = time.time()
        try:
            connection.request("GET", url, headers={"Host": "127.0.0.1"})
            response = connection.getresponse()
            body = response.read().decode("utf-8", "replace")
            status = response.status
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
        except (OSError, http.client.HTTPException) as exc:
            connection.close()
            results.append((url, started, f"{type(exc).__name__}", ""))
            continue
        results.append((url, started, status, body))
    connection.close()


def markers_in(body):
    """{page id: highest marker number} shown in a response body."""
    found = {}
    for page_id, number in re.findall(rf"{MARKER} p(\d+)-(\d+)", body):
        found[int(page_id)] = max(found.get(int(page_id), 0), int(number))
    return found


def analyse(results, publishes, info):
    watched_urls = {page["url"]: page["id"] for page in info["watched"]}
    watched_urls.update({f"/api/v2/pages/{page['id']}/": page["id"] for page in info["watched"]})
    listing_urls = {"/aktuelles/", "/aktuelles/feed/"}
    errors = Counter()
    stale = Counter()
    checked = 0
    for url, started, status, body in results:
        if not isinstance(status, int) or status >= 400:
            errors[f"{url} → {status}"] += 1
            continue
        pages = (
            [watched_urls[url]]
            if url in watched_urls
            else ([p["id"] for p in info["watched"]] if url in listing_urls else [])
        )
        shown = markers_in(body)
        for page_id in pages:
            done_before = [p["number"] for p in publishes if p["page"] == page_id and p["done"] < started]
            if not done_before:
                continue
            checked += 1
            if shown.get(page_id, 0) < max(done_before):
                stale[url] += 1
    return errors, stale, checked


def run():
    (ROOT / "tmp").mkdir(exist_ok=True)
    env = environment()
    print(f"Datenbank: {env['DATABASE_URL']}; Cache: {env.get('REDIS_URL', 'lokaler Speicher (1 Worker)')}", flush=True)
    # Without a shared cache only one process may serve: a second one would never hear of a publish.
    workers = WORKERS if env.get("REDIS_URL") else 1
    if env.get("REDIS_URL"):
        subprocess.run(["redis-cli", "-n", "4", "FLUSHDB"], capture_output=True, check=False)
    manage(env, "migrate", "--no-input", "-v", "0", capture=True)
    manage(env, "load_demo_content", capture=True)
    manage(env, "collectstatic", "--no-input", "-v", "0", capture=True)
    info = json.loads(manage(env, "shell", "-c", SETUP_SCRIPT, capture=True).strip().splitlines()[-1])
    urls = urls_to_load(info)

    options = ["-k", "gthread", "-w", str(workers), "--threads", "8", "--timeout", "60"]
    server = start_gunicorn(env, PORT, options, attempts=150)
    try:
        warm = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
        for url in urls:
            warm.request("GET", url, headers={"Host": "127.0.0.1"})
            warm.getresponse().read()
        warm.close()
        reviewer = subprocess.Popen(
            [PYTHON, "manage.py", "shell", "-c"]
            + [
                REVIEWER_SCRIPT.format(
                    ids=[page["id"] for page in info["watched"]],
                    duration=DURATION,
                    marker=MARKER,
                    interval=PUBLISH_INTERVAL,
                )
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        deadline = time.time() + DURATION
        results = []
        threads = [
            threading.Thread(target=load, args=(urls, deadline, results, number)) for number in range(CONNECTIONS)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        reviewer_out, _ = reviewer.communicate(timeout=DURATION + 120)
    finally:
        stop_gunicorn(server, timeout=30)

    publishes = [json.loads(line) for line in reviewer_out.splitlines() if line.startswith("{")]
    errors, stale, checked = analyse(results, publishes, info)
    report = render(env, workers, results, publishes, errors, stale, checked)
    print(report)
    out = ROOT / "bench" / "results" / f"soak-{datetime.date.today().isoformat()}.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(report, encoding="utf-8")
    print(f"Geschrieben: {out.relative_to(ROOT)}")
    return 0 if not errors and not stale and publishes else 1


def render(env, workers, results, publishes, errors, stale, checked):
    engine = "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite"
    cache = "Redis" if env.get("REDIS_URL") else "local memory"
    lines = [
        f"# Soak {datetime.datetime.now():%Y-%m-%d %H:%M}",
        "",
        f"{DURATION} s, {CONNECTIONS} connections, gunicorn gthread {workers} workers x 8 threads, {engine}, "
        f"page cache on ({cache}), {os.cpu_count()} cores.",
        "",
        f"- requests: {len(results)} ({len(results) / DURATION:.0f}/s)",
        f"- publishes by the reviewer: {len(publishes)}",
        f"- responses checked for staleness: {checked}",
        f"- errors: {sum(errors.values())} (target 0)",
        f"- stale responses: {sum(stale.values())} (target 0)",
    ]
    for name, counter in (("errors", errors), ("stale", stale)):
        for url, count in counter.most_common(10):
            lines.append(f"  - {name}: {url}: {count}")
    lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(run())
