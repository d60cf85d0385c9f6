"""Which municipalities a user edits for: the basis of every per-municipality restriction."""

from .models import MunicipalityAccess
from .roles import EDITORS_GROUP, REVIEWERS_GROUP


def municipality_ids_for_user(user):
    """The ids of the municipalities whose group the user belongs to, or None if the user is not restricted.

    Superusers and members of `Redaktion` or `Freigabe` work for the whole network and are not restricted.
    """
    if user.is_superuser:
        return None
    group_names = set(user.groups.values_list("name", flat=True))
    if group_names & {EDITORS_GROUP, REVIEWERS_GROUP}:
        return None
    return set(MunicipalityAccess.objects.filter(group__user=user).values_list("municipality_id", flat=True))


def is_municipality_editor(user):
    return MunicipalityAccess.objects.filter(group__user=user).exists()
