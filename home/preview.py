"""Preview of drafts in an external (headless) front end, configured with HEADLESS_PREVIEW_URL.

wagtail-headless-preview stores the previewed draft under a signed token and sends the editor's
browser to the front end with it; the front end exchanges the token for the draft's JSON at
/api/v2/page_preview/. That exchange is ours: it enforces an expiry (HEADLESS_PREVIEW_MAX_AGE)
and answers a missing, wrong or expired token with 403 and no content.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

HEADLESS_MODE = "headless"


class ExternalPreviewMixin(HeadlessPreviewMixin):
    """Adds a preview mode "Externes Frontend" next to the site's own preview."""

    @property
    def preview_modes(self):
        modes = list(Page.DEFAULT_PREVIEW_MODES)
        if settings.HEADLESS_PREVIEW_URL:
            modes.append((HEADLESS_MODE, "Externes Frontend"))
        return modes

    def serve_preview(self, request, mode_name):
        if mode_name == HEADLESS_MODE and settings.HEADLESS_PREVIEW_URL:
            return HeadlessPreviewMixin.serve_preview(self, request, mode_name)
        return Page.serve_preview(self, request, mode_name)


def page_from_preview_token(token, content_type):
    """The previewed draft for a valid, unexpired token; PermissionDenied otherwise."""
    if not token or not content_type:
        raise PermissionDenied("Vorschau-Token fehlt.")
    try:
        ExternalPreviewMixin.get_preview_signer().unsign(token, max_age=settings.HEADLESS_PREVIEW_MAX_AGE)
    except BadSignature:  # also SignatureExpired
        raise PermissionDenied("Vorschau-Token ungültig oder abgelaufen.") from None
    app_label, _, model = content_type.partition(".")
    preview = PagePreview.objects.filter(
        token=token, content_type=ContentType.objects.filter(app_label=app_label, model=model).first()
    ).first()
    if preview is None:
        raise PermissionDenied("Vorschau-Token ungültig oder abgelaufen.")
    page = preview.as_page()
    page.pk = page.pk or 0  # a new, never-saved page
    return page


def preview_endpoint(pages_endpoint):
    """An API v2 endpoint answering `?content_type=…&token=…` with the draft, serialised like a page detail."""

    class PagePreviewAPIViewSet(pages_endpoint):
        known_query_parameters = pages_endpoint.known_query_parameters.union({"content_type", "token"})

        def get_object(self):
            if not hasattr(self, "_preview_page"):
                params = self.request.GET
                self._preview_page = page_from_preview_token(params.get("token"), params.get("content_type"))
            return self._preview_page

        def listing_view(self, request):
            self.action = "detail_view"
            response = Response(self.get_serializer(self.get_object()).data)
            response["Cache-Control"] = "private, no-store"
            return response

        def detail_view(self, request, pk):
            return self.listing_view(request)

        def handle_exception(self, exc):
            if isinstance(exc, PermissionDenied):  # the API's error shape, {"message": …}
                return Response({"message": str(exc.detail)}, status=403)
            return super().handle_exception(exc)

    return PagePreviewAPIViewSet
