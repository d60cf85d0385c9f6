from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import import_view, user_can_import


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_import(request.user)


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("stadtteilprofile-import/", import_view, name="profiles_import")]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem("Import Stadtteilprofile", reverse("profiles_import"), icon_name="upload", order=950)
