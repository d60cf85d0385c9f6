"""Content-Security-Policy: a strict policy for the public site, a looser one for the Wagtail admin.

The public templates carry no inline script or style, so the site policy allows only our own origin
(plus the map tile host and the video hosts of consented embeds). The Wagtail admin and its widgets
(wagtail-geo-widget, the rich-text editor, date pickers) still rely on inline scripts and styles, so
requests below the admin prefixes get ADMIN_CONTENT_SECURITY_POLICY instead. The admin sits behind a
login, which is what makes the looser policy acceptable there.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the admin policy for admin paths unless a view set its own."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        admin_prefixes = tuple(getattr(settings, "ADMIN_CSP_PATH_PREFIXES", ()))
        if not report_only and parts.config is None and admin_prefixes and request.path_info.startswith(admin_prefixes):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts
