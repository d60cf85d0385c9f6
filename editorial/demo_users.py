"""Demo accounts for local development: one per role. Never created where DEMO_USERS_ALLOWED is off."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from .models import MunicipalityAccess
from .roles import EDITORS_GROUP, REVIEWERS_GROUP

# Documented in the README as demo-only; DEMO_PASSWORD overrides it.
DEFAULT_DEMO_PASSWORD = "demo-staedtenetz"

DEMO_USERS = [
    # username, first name, last name, group name or municipality title
    ("redaktion", "Rita", "Redaktion", EDITORS_GROUP, None),
    ("freigabe", "Frank", "Freigabe", REVIEWERS_GROUP, None),
    ("kommune-dortmund", "Doris", "Dortmund", None, "Dortmund"),
    ("kommune-duisburg", "Dirk", "Duisburg", None, "Duisburg"),
]


def ensure_demo_users(password):
    """Create or update the demo accounts; returns (created or updated usernames, [(username, reason)] skipped)."""
    User = get_user_model()
    done, skipped = [], []
    for username, first_name, last_name, group_name, municipality_title in DEMO_USERS:
        if group_name:
            group = Group.objects.get(name=group_name)
        else:
            access = (
                MunicipalityAccess.objects.select_related("group")
                .filter(municipality__title=municipality_title)
                .first()
            )
            if access is None:
                skipped.append((username, f"keine Kommune „{municipality_title}“ vorhanden"))
                continue
            group = access.group
        user, _ = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first_name, "last_name": last_name, "email": f"{username}@example.org"},
        )
        user.set_password(password)
        user.is_active = True
        user.save()
        user.groups.add(group)
        done.append(username)
    return done, skipped
