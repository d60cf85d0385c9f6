"""Keep each municipality's group and collection in step with its page."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from profiles.models import MunicipalityPage

from .roles import ensure_municipality_access


@receiver(post_save, sender=MunicipalityPage, dispatch_uid="editorial_municipality_access")
def municipality_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    # Fixtures (raw) carry their own groups. Saving a draft revision updates only bookkeeping fields
    # (update_fields without "title"): a renamed draft renames group and collection once it is published.
    if raw or (update_fields is not None and "title" not in update_fields):
        return
    ensure_municipality_access(instance)
