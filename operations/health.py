"""`/health/` for load balancers and monitoring: 200 when the database answers, 503 when it does not."""

import logging

from django.conf import settings
from django.db import DatabaseError, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def health(request):
    alias = getattr(settings, "HEALTH_CHECK_DATABASE", "default")
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        logger.error("Health check: database %r unreachable: %s", alias, exc)
        # The reason stays short and generic: this endpoint is public, the details belong in the log.
        return JsonResponse({"status": "error", "reason": "database unreachable"}, status=503)
    return JsonResponse({"status": "ok"})
