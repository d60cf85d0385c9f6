"""Login rate limit: django-axes counts failed logins per IP and per user at that IP."""

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off, get_failure_limit
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.shortcuts import render


class LoginRateLimitBackend(AxesStandaloneBackend):
    """Axes' lock check for every login that arrives over HTTP.

    Every HTTP login (Wagtail's and Django's login views) passes the request. A call without one
    comes from code on the server (the test client's `login()`, a shell) and has no client address to
    count against, so it is left to the following backends instead of failing with an exception.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)

    def get_user(self, user_id):
        # Being first in AUTHENTICATION_BACKENDS, this is the backend `force_login` (and Wagtail's page
        # test helpers) record in the session; load the user as the model backend would.
        return ModelBackend().get_user(user_id)


def lockout_response(request, original_response=None, credentials=None):
    """The German lockout page (HTTP 429) naming the limit and how long the lock lasts."""
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "cooloff_timedelta": cool_off,
        "cooloff_minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
    }
    return render(request, "operations/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
