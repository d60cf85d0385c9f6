from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .dashboard import add_stale_profiles_panel
from .models import MunicipalityAccess
from .snippets import ContactPersonViewSet
from .views import MunicipalityAccessViewSet, ViewOnlyPermissionPolicy

register_snippet(ContactPersonViewSet)
register_permission_policy(MunicipalityAccess, ViewOnlyPermissionPolicy(MunicipalityAccess))


@hooks.register("register_admin_viewset")
def register_municipality_access_viewset():
    return MunicipalityAccessViewSet("municipality_access")


hooks.register("construct_homepage_panels", add_stale_profiles_panel)
