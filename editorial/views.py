"""A read-only admin listing that shows which group and collection belong to which municipality."""

from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models import MunicipalityAccess


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """The links are made by signals and setup_editorial; nobody edits them by hand."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class MunicipalityAccessViewSet(ModelViewSet):
    model = MunicipalityAccess
    icon = "group"
    menu_label = "Zugänge der Kommunen"
    add_to_settings_menu = True
    list_display = ["municipality", "group", "collection"]
    search_fields = ["municipality__title", "group__name"]
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["municipality", "group", "collection"]
