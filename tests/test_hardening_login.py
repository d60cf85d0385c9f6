"""Admin login rate limit (django-axes): five wrong passwords lock the login, even for the right password."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.utils import timezone

pytestmark = pytest.mark.django_db

PASSWORD = "richtiges-Passwort-2024"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("redaktion", "redaktion@example.org", PASSWORD, is_superuser=True)


def login(client, password, username="redaktion", ip="203.0.113.7"):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=ip)


def fail_until_locked(client, **kwargs):
    responses = [login(client, "falsch", **kwargs) for _ in range(settings.AXES_FAILURE_LIMIT)]
    for response in responses[:-1]:
        # Below the limit the editor sees Wagtail's normal form error and may try again.
        assert response.status_code == 200
        assert "Ihr Benutzername und Ihr Passwort wurden nicht erkannt" in response.content.decode()
    return responses[-1]


def test_wrong_passwords_lock_with_a_german_message(client, editor):
    assert settings.AXES_FAILURE_LIMIT == 5
    locked = fail_until_locked(client)
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Anmeldung vorübergehend gesperrt" in page
    assert "für 30 Minuten gesperrt" in page
    assert '<html lang="de">' in page


def test_correct_password_is_refused_while_locked(client, editor):
    fail_until_locked(client)
    response = login(client, PASSWORD)
    assert response.status_code == 429
    assert "Anmeldung vorübergehend gesperrt" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302  # still sent to the login page


def test_lock_ends_after_the_cool_off_time(client, editor):
    fail_until_locked(client)
    # Move the recorded failures back beyond the cool-off time instead of waiting 30 minutes.
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - datetime.timedelta(1))
    response = login(client, PASSWORD)
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_an_address_trying_many_names_is_locked(client, editor):
    for number in range(settings.AXES_FAILURE_LIMIT):
        login(client, "falsch", username=f"rate{number}")
    response = login(client, PASSWORD)
    assert response.status_code == 429


def test_lock_does_not_reach_the_editor_from_another_address(client, editor):
    fail_until_locked(client, ip="203.0.113.7")
    response = login(client, PASSWORD, ip="198.51.100.20")
    assert response.status_code == 302


def test_successful_login_resets_the_count(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, "falsch")
    assert login(client, PASSWORD).status_code == 302
    client.logout()
    assert login(client, "falsch").status_code == 200
    assert login(client, PASSWORD).status_code == 302


def test_force_login_and_client_login_still_work(client, editor):
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    client.logout()
    assert client.login(username="redaktion", password=PASSWORD)
    assert client.get("/admin/").status_code == 200
