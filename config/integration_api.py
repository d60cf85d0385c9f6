"""The integration (write) API: Wagtail 8's API v3 at /api/v3/, held to our review rules.

A bearer token belongs to a user and acts with that user's page permissions, so a municipality's
token reads and writes only below its own MunicipalityPage. Whatever the user's rights, the API
only ever saves draft revisions: publishing, unpublishing, deleting, moving, copying and
reverting are refused here, so every change still passes the workflow in the admin.
"""

import functools
import json

from django.http import JsonResponse
from wagtail.api.v3.urls import api

REFUSED_ACTION = (
    "Diese Aktion ist über die Schnittstelle nicht erlaubt: Änderungen werden als Entwurf gespeichert "
    "und in der Redaktion zur Freigabe eingereicht."
)
REFUSED_PUBLISH = (
    "Veröffentlichen ist über die Schnittstelle nicht erlaubt: der Entwurf wurde nicht gespeichert. "
    "Bitte ohne meta.action senden und im Redaktionssystem zur Freigabe einreichen."
)


def refusal(request):
    """The German reason a write request is refused, or None when it may proceed."""
    if request.method == "DELETE" or (request.method == "POST" and "/actions/" in request.path):
        return REFUSED_ACTION
    if request.method in ("POST", "PATCH", "PUT"):
        try:
            body = json.loads(request.body or b"{}")
        except ValueError:
            return None  # Ninja answers malformed JSON with its own 400.
        meta = body.get("meta") if isinstance(body, dict) else None
        if isinstance(meta, dict) and meta.get("action") not in (None, "draft"):
            return REFUSED_PUBLISH
    return None


def drafts_only(view):
    @functools.wraps(view)
    def guarded(request, *args, **kwargs):
        reason = refusal(request)
        if reason:
            return JsonResponse({"detail": reason}, status=403)
        return view(request, *args, **kwargs)

    return guarded


def integration_api_urls():
    """API v3's URL patterns with every view wrapped by `drafts_only`."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        pattern.callback = drafts_only(pattern.callback)
    return patterns, app_name, namespace
