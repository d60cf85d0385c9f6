"""The serving process (config/wsgi.py) tunes the garbage collector (config/gc_tuning.py): a larger
youngest generation from the start, and the objects of the loaded site frozen once the first
response has gone out, so that later full collections no longer walk them."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent

# Serves one request through the WSGI application as a server does (start_response, read, close).
# The database is unreachable on purpose: /health/ then answers 503 without one.
PROBE = textwrap.dedent(
    """
    import gc
    import io
    import json
    from config.wsgi import application
    from config.gc_tuning import YOUNG_GENERATION_THRESHOLD

    state = {"threshold": gc.get_threshold()[0], "frozen_before": gc.get_freeze_count()}
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": "/health/", "QUERY_STRING": "", "SERVER_NAME": "localhost",
        "SERVER_PORT": "80", "HTTP_HOST": "localhost", "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(),
        "wsgi.errors": io.StringIO(),
    }
    statuses = []
    body = application(environ, lambda status, headers, exc_info=None: statuses.append(status))
    content = b"".join(body)
    state["frozen_while_sending"] = gc.get_freeze_count()
    body.close()
    state["frozen_after"] = gc.get_freeze_count()
    state["status"] = statuses[0]
    state["expected_threshold"] = YOUNG_GENERATION_THRESHOLD
    second = application(environ, lambda status, headers, exc_info=None: None)
    b"".join(second)
    second.close()
    state["frozen_after_second"] = gc.get_freeze_count()
    print(json.dumps(state))
    """
)


def test_the_serving_process_freezes_the_loaded_site_after_its_first_response():
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL="postgres://postgres@127.0.0.1:1/staedtenetz",
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=PROJECT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    state = json.loads(result.stdout.strip().splitlines()[-1])

    assert state["status"].startswith("503")
    assert state["threshold"] == state["expected_threshold"] == 5000
    assert state["frozen_before"] == 0
    # Not while the response is still being sent, but as soon as the server closes it.
    assert state["frozen_while_sending"] == 0
    # The whole loaded site: Django, Wagtail and the project's modules, models and URL patterns.
    assert state["frozen_after"] > 50_000
    # Only once: later requests add nothing (a few frozen objects may be freed meanwhile).
    assert state["frozen_after_second"] <= state["frozen_after"]
