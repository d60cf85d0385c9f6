"""Dashboard panel: a municipality's district profiles that nobody has updated for more than a year."""

import datetime

from django.utils import timezone
from wagtail.admin.ui.components import Component

from profiles.models import DistrictProfilePage

from .access import municipality_ids_for_user

STALE_AFTER = datetime.timedelta(days=365)


def stale_profiles(municipality_ids, now=None):
    """Live profiles of these municipalities whose last publication is more than twelve months ago."""
    cutoff = (now or timezone.now()) - STALE_AFTER
    return (
        DistrictProfilePage.objects.live()
        .filter(municipality_id__in=municipality_ids)
        .filter(last_published_at__lt=cutoff)
        .select_related("municipality")
        .defer_streamfields()
        .order_by("last_published_at", "title")
    )


class StaleProfilesPanel(Component):
    name = "stale_profiles"
    template_name = "editorial/stale_profiles_panel.html"
    order = 150

    def __init__(self, municipality_ids):
        self.municipality_ids = municipality_ids

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["profiles"] = list(stale_profiles(self.municipality_ids))
        return context


def add_stale_profiles_panel(request, panels):
    municipality_ids = municipality_ids_for_user(request.user)
    if municipality_ids:
        panels.append(StaleProfilesPanel(municipality_ids))
