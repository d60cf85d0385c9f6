"""Production settings: the deploy check passes, missing secrets stop the start, HTTPS headers and cookies are set.

Production settings read only the environment, so these tests run Django in a subprocess with a
documented environment (a random 50+ character SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL).
"""

import json
import os
import secrets
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent


def production_env(tmp_path, **overrides):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="staedtenetz.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'production.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def run(args, env):
    return subprocess.run(
        [sys.executable, *args], cwd=PROJECT, env=env, capture_output=True, text=True, timeout=240, check=False
    )


def test_deploy_check_passes_with_documented_environment(tmp_path):
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("SECRET_KEY", "SECRET_KEY muss in der Produktion gesetzt sein"),
        ("ALLOWED_HOSTS", "ALLOWED_HOSTS muss in der Produktion gesetzt sein"),
    ],
)
def test_production_refuses_to_start_without(tmp_path, missing, message):
    result = run(["manage.py", "check"], production_env(tmp_path, **{missing: None}))
    assert result.returncode != 0
    assert message in result.stderr


def test_production_refuses_a_short_key(tmp_path):
    result = run(["manage.py", "check"], production_env(tmp_path, SECRET_KEY="kurz-und-unsicher"))
    assert result.returncode != 0
    assert "SECRET_KEY ist zu kurz" in result.stderr


def test_production_refuses_a_development_key(tmp_path):
    result = run(["manage.py", "check"], production_env(tmp_path, SECRET_KEY="dev-only-insecure-key-staedtenetz"))
    assert result.returncode != 0
    assert "SECRET_KEY muss in der Produktion gesetzt sein" in result.stderr


# Runs inside the production subprocess: migrate a fresh SQLite file, log in over HTTPS, report what came back.
PRODUCTION_PROBE = textwrap.dedent(
    """
    import json
    import django
    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    get_user_model().objects.create_superuser("admin", "admin@example.org", "ein-langes-Passwort-42")
    client = Client(HTTP_HOST="staedtenetz.example.org")

    plain = client.get("/admin/login/")
    plain_health = client.get("/health/")
    health = client.get("/health/", secure=True)
    login = client.post(
        "/admin/login/", {"username": "admin", "password": "ein-langes-Passwort-42"}, secure=True
    )
    cookies = {
        name: {"secure": bool(morsel["secure"]), "httponly": bool(morsel["httponly"])}
        for name, morsel in login.cookies.items()
    }
    print(json.dumps({
        "plain_status": plain.status_code,
        "plain_location": plain.get("Location"),
        "plain_health_status": plain_health.status_code,
        "health_status": health.status_code,
        "health_headers": dict(health.headers),
        "login_status": login.status_code,
        "login_headers": dict(login.headers),
        "cookies": cookies,
    }))
    """
)


@pytest.fixture(scope="module")
def production_probe(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("production")
    result = run(["-c", PRODUCTION_PROBE], production_env(tmp_path))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_redirects_plain_http_to_https(production_probe):
    assert production_probe["plain_status"] == 301
    assert production_probe["plain_location"] == "https://staedtenetz.example.org/admin/login/"


def test_production_health_check_answers_plain_http_for_load_balancers(production_probe):
    assert production_probe["plain_health_status"] == 200


def test_production_sends_hsts_and_security_headers(production_probe):
    headers = production_probe["health_headers"]
    assert production_probe["health_status"] == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]


def test_production_admin_login_sets_secure_httponly_cookies(production_probe):
    assert production_probe["login_status"] == 302
    assert "Strict-Transport-Security" in production_probe["login_headers"]
    cookies = production_probe["cookies"]
    assert cookies["sessionid"] == {"secure": True, "httponly": True}
    assert cookies["csrftoken"] == {"secure": True, "httponly": True}
