"""Admin view "Import Stadtteilprofile": upload, read the validation report, then confirm the import.

The uploaded text is kept in the session between the two steps and validated again on
confirmation, so the import always writes what the database looks like at that moment.
Municipality editors may upload too: rows outside their own MunicipalityPage are errors.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.permission_policies.pages import PagePermissionPolicy

from .import_files import ImportFileError, decode, read_import_file
from .importer import ImportNotAllowed, plan_import, run_import

SESSION_KEY = "profiles_import_upload"
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
TEMPLATE = "profiles/admin/import.html"


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Datei",
        help_text="CSV (UTF-8, Trennzeichen Semikolon oder Komma) oder GeoJSON; höchstens 10 MB.",
    )


class ConfirmForm(forms.Form):
    skip_invalid = forms.BooleanField(
        label="Fehlerhafte Zeilen auslassen und nur die gültigen Zeilen importieren", required=False
    )
    publish = forms.BooleanField(
        label="Sofort veröffentlichen statt zur Freigabe einreichen (nur Administration)", required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if not user.is_superuser:
            del self.fields["publish"]


def user_can_import(user):
    """Anyone who may add or change pages somewhere; the rows are checked page by page."""
    return user.is_superuser or PagePermissionPolicy().user_has_any_permission(user, ["add", "change"])


def import_view(request):
    if not user_can_import(request.user):
        raise PermissionDenied
    if request.method == "POST" and "confirm" in request.POST:
        return _confirm(request)
    if request.method == "POST":
        return _validate(request)
    request.session.pop(SESSION_KEY, None)
    return _render(request, upload_form=UploadForm())


def _validate(request):
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render(request, upload_form=form)
    upload = form.cleaned_data["file"]
    if upload.size > MAX_UPLOAD_BYTES:
        form.add_error("file", "Die Datei ist größer als 10 MB.")
        return _render(request, upload_form=form)
    try:
        text = decode(upload.read())
        raw_file = read_import_file(text, upload.name)
    except ImportFileError as error:
        form.add_error("file", str(error))
        return _render(request, upload_form=form)
    request.session[SESSION_KEY] = {"name": upload.name, "text": text}
    plan = plan_import(raw_file, user=request.user)
    return _render(request, plan=plan, filename=upload.name, confirm_form=ConfirmForm(user=request.user))


def _confirm(request):
    upload = request.session.get(SESSION_KEY)
    if not upload:
        return redirect(reverse("profiles_import"))
    form = ConfirmForm(request.POST, user=request.user)
    form.is_valid()
    options = form.cleaned_data
    plan = plan_import(read_import_file(upload["text"], upload["name"]), user=request.user)
    try:
        result = run_import(
            plan,
            user=request.user,
            publish=options.get("publish", False),
            skip_invalid=options.get("skip_invalid", False),
        )
    except ImportNotAllowed as error:
        return _render(request, plan=plan, filename=upload["name"], confirm_form=form, import_error=str(error))
    request.session.pop(SESSION_KEY, None)
    return _render(request, plan=plan, filename=upload["name"], result=result)


def _render(request, **context):
    context.setdefault("page_title", "Import Stadtteilprofile")
    context.setdefault("header_icon", "upload")
    return TemplateResponse(request, TEMPLATE, context)
