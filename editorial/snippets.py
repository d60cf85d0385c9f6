"""The admin for contact persons: municipality editors see, edit and choose only their own."""

from functools import wraps

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.urls.resolvers import URLPattern
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList, PublishingPanel
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import ContactPerson

from .access import municipality_ids_for_user


def contact_persons_for_user(user, queryset=None):
    """Contact persons the user may see in the admin: all, or those of the user's municipalities."""
    queryset = ContactPerson.objects.all() if queryset is None else queryset
    allowed = municipality_ids_for_user(user)
    return queryset if allowed is None else queryset.filter(municipality_id__in=allowed)


class ContactPersonForm(WagtailAdminModelForm):
    """A municipality editor must assign one of their own municipalities (never the network office)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = municipality_ids_for_user(self.for_user) if self.for_user else None
        field = self.fields.get("municipality")
        if allowed is None or field is None:
            return
        self.restricted_to_municipalities = True
        field.queryset = field.queryset.filter(pk__in=allowed)
        field.empty_label = None
        # A select of their own municipalities instead of the page chooser, which would list all pages.
        field.widget = forms.Select(choices=field.choices)
        if not self.instance.pk and len(allowed) == 1:
            self.initial.setdefault("municipality", next(iter(allowed)))

    def clean(self):
        cleaned_data = super().clean()
        # Not via `required`: Wagtail relaxes required fields when a draft is saved, and a contact person
        # without municipality would vanish from its author's list.
        if getattr(self, "restricted_to_municipalities", False) and not cleaned_data.get("municipality"):
            self.add_error("municipality", "Bitte wählen Sie die Kommune, für die Sie diese Ansprechperson pflegen.")
        return cleaned_data


def _restrict_object_views(view_func):
    """Every admin view of a single contact person answers 403 for someone else's contact person."""

    @wraps(view_func)
    def wrapper(request, *args, **kwargs):
        pk = str(kwargs.get("pk", ""))
        # A malformed or unknown pk is left to the view, which answers 404 as usual.
        if pk.isdigit() and ContactPerson.objects.filter(pk=pk).exists():
            if not contact_persons_for_user(request.user).filter(pk=pk).exists():
                raise PermissionDenied
        return view_func(request, *args, **kwargs)

    return wrapper


def choosable_contact_persons(user, queryset):
    """In a page, a municipality editor may pick its own contact persons and those of the network office."""
    allowed = municipality_ids_for_user(user)
    if allowed is None:
        return queryset
    return queryset.filter(Q(municipality_id__in=allowed) | Q(municipality__isnull=True))


class ContactPersonChooseViewMixin:
    def get_object_list(self):
        return choosable_contact_persons(self.request.user, super().get_object_list())


class ContactPersonChosenView(SnippetChosenView):
    def get_object(self, pk):
        # DoesNotExist becomes a 404 in the view, as for a contact person that does not exist at all.
        return choosable_contact_persons(self.request.user, ContactPerson.objects.all()).get(pk=pk)


class ContactPersonChooserViewSet(SnippetChooserViewSet):
    choose_view_class = type("ContactPersonChooseView", (ContactPersonChooseViewMixin, ChooseView), {})
    choose_results_view_class = type(
        "ContactPersonChooseResultsView", (ContactPersonChooseViewMixin, ChooseResultsView), {}
    )
    chosen_view_class = ContactPersonChosenView


class ContactPersonViewSet(SnippetViewSet):
    model = ContactPerson
    icon = "user"
    menu_label = "Ansprechpersonen"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "organisation", "municipality", UpdatedAtColumn()]
    list_filter = ["municipality"]
    search_fields = ["name", "organisation"]
    chooser_viewset_class = ContactPersonChooserViewSet

    def get_queryset(self, request):
        return contact_persons_for_user(request.user).select_related("municipality")

    def get_edit_handler(self):
        panels = [*ContactPerson.panels, PublishingPanel()]
        return ObjectList(panels, base_form_class=ContactPersonForm).bind_to_model(self.model)

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            if isinstance(pattern, URLPattern) and "pk" in str(pattern.pattern):
                pattern.callback = _restrict_object_views(pattern.callback)
        return patterns
