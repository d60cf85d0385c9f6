from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .dashboard import add_stale_profiles_panel
from .snippets import ContactPersonViewSet

register_snippet(ContactPersonViewSet)

hooks.register("construct_homepage_panels", add_stale_profiles_panel)
