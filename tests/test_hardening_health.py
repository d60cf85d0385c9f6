"""`/health/`: 200 with the database reachable, 503 with a short JSON reason when it is not."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.conf import settings

PROJECT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_health_is_ok_with_the_database_reachable(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response.headers["Cache-Control"]


def test_connection_health_checks_are_on():
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


# Runs in a subprocess whose DATABASE_URL points at a port where nothing listens.
PROBE = textwrap.dedent(
    """
    import json
    import django
    django.setup()
    from django.test import Client
    response = Client(HTTP_HOST="localhost").get("/health/")
    print(json.dumps({"status": response.status_code, "body": response.json()}))
    """
)


@pytest.mark.parametrize(
    "database_url",
    ["postgres://postgres@127.0.0.1:1/staedtenetz", "sqlite:////nonexistent-directory/for/health.sqlite3"],
)
def test_health_answers_503_when_the_database_is_unreachable(database_url):
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings.test", DATABASE_URL=database_url)
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=PROJECT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer == {"status": 503, "body": {"status": "error", "reason": "database unreachable"}}
    # The details go to the log, not to the public answer.
    assert "Health check: database 'default' unreachable" in result.stderr
