"""The sitemap: Wagtail's (live, public pages of the current site) minus pages whose expiry has passed."""

from django.db.models import Q
from django.utils import timezone
from wagtail.contrib.sitemaps import Sitemap


class PublicPagesSitemap(Sitemap):
    def items(self):
        # Wagtail sets `live=False` on expiry only when `publish_scheduled` runs; until then `.live()` still matches.
        return super().items().filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
