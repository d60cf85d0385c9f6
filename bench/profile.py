"""Profile one URL in-process against the benchmark database: `python bench/profile.py PATH [PATH ...]`.

Runs the full middleware stack (Django's test client asking for compression as browsers and `make bench` do,
production-like bench settings, page cache off unless BENCH_PROFILE_CACHED=1), warms up once, then
prints the average time and SQL queries per request and a pyinstrument call tree for
BENCH_PROFILE_REPEAT requests (default 20). `make bench` must have built the benchmark database first.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from run import ACCEPT_ENCODING, environment  # noqa: E402


def main(paths):
    env = environment()
    env["PAGE_CACHE"] = "1" if os.environ.get("BENCH_PROFILE_CACHED") == "1" else "0"
    os.environ.update(env)
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from pyinstrument import Profiler

    repeat = int(os.environ.get("BENCH_PROFILE_REPEAT", "20"))
    client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING=ACCEPT_ENCODING)
    for path in paths:
        first = client.get(path)
        if first.status_code != 200:
            raise SystemExit(f"{path}: HTTP {first.status_code}")
        queries = []

        def count(execute, sql, *args, queries=queries):
            queries.append(sql)
            return execute(sql, *args)

        # Django resets connection.queries when a request starts, so count through a wrapper instead.
        with connection.execute_wrapper(count):
            client.get(path)
        # Timed without the profiler: sampling roughly doubles the cost of a request.
        started, cpu_started = time.perf_counter(), time.process_time()
        for _ in range(repeat):
            client.get(path)
        elapsed = (time.perf_counter() - started) / repeat
        cpu = (time.process_time() - cpu_started) / repeat
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(repeat):
            client.get(path)
        profiler.stop()
        print(
            f"\n=== {path}: {elapsed * 1000:.1f} ms/Anfrage ({cpu * 1000:.1f} ms CPU in Python), "
            f"{len(queries)} SQL-Abfragen, {len(first.content)} Bytes"
        )
        print(profiler.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    main(sys.argv[1:])
