"""`import_profiles` and the admin view "Import Stadtteilprofile": validation, drafts, workflow, permissions."""

import io
import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Revision,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home.models import ContactPerson, HomePage
from profiles.models import DistrictProfilePage, MunicipalityPage, ProfileIndexPage
from profiles.records import profile_record
from tests import factories

HEADER = "kommune;gebiet;status;beginn;ende;breitengrad;laengengrad;einwohner;flaeche_ha;handlungsfelder"
SECTION_HEADER = (
    "kommune;gebiet;status;beginn;ende;breitengrad;laengengrad;einwohner;flaeche_ha;handlungsfelder;einleitung;"
    "gebietscharakter_und_ausgangslage;potenziale_und_handlungsansaetze;organisation_und_lokale_partner;"
    "meilensteine;perspektiven;ansprechpersonen"
)
MARXLOH = (
    'Duisburg;Marxloh;laufend;2007;;51,5009;6,7778;18.500;225,5;Integration, Beteiligung;"Ein Quartier im Norden.";'
    '"Gründerzeitbebauung und Industrie.\n\nViele junge Familien.";"Lokale Ökonomie.";"Stadtteilbüro.";'
    '"2007: Aufnahme ins Programm | 2014-05-17: Eröffnung des Parks – Der Park ist fertig.";"Weiter so.";'
    '"Anna Beispiel / Quartiersmanagement / Stadtteilbüro Marxloh / anna@example.org / 0203 123"'
)


def write(tmp_path, text, name="profile.csv", bom=False):
    path = tmp_path / name
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return str(path)


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_profiles", *args, stdout=out, stderr=err)
    return out.getvalue()


def run_failing(*args):
    out = io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import_profiles", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue(), str(error.value)


@pytest.fixture
def workflow(site_tree):
    """The editorial workflow on the whole site, with one approval task (as setup_editorial builds it)."""
    group, _created = Group.objects.get_or_create(name="Freigabe")
    task = GroupApprovalTask.objects.create(name="Freigabe durch die Geschäftsstelle")
    task.groups.set([group])
    workflow = Workflow.objects.create(name="Redaktionelle Freigabe")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=site_tree["home"], defaults={"workflow": workflow})
    return workflow


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("chefin", "chefin@example.org", "pw")


def marxloh():
    return DistrictProfilePage.objects.get(title="Marxloh")


def test_new_rows_become_drafts_in_the_workflow(site_tree, workflow, client, tmp_path):
    output = run(write(tmp_path, SECTION_HEADER + "\n" + MARXLOH + "\n", bom=True))

    assert "Zeile 2: Duisburg / Marxloh: neu" in output
    assert "zur Freigabe eingereicht (Redaktionelle Freigabe)" in output
    page = marxloh()
    municipality = MunicipalityPage.objects.get(title="Duisburg")
    assert page.get_parent().specific == municipality
    assert (page.live, municipality.live) == (False, False)
    assert page.workflow_in_progress
    assert page.current_workflow_state.workflow == workflow
    record = profile_record(page.get_latest_revision_as_object())
    assert record["inhabitants"] == 18500
    assert str(record["area_ha"]) == "225.5"
    assert (record["latitude"], record["longitude"]) == (51.5009, 6.7778)
    assert record["tags"] == ["Beteiligung", "Integration"]
    assert record["ausgangslage"] == "Gründerzeitbebauung und Industrie.\n\nViele junge Familien."
    assert record["meilensteine"] == [
        {"year": 2007, "date": None, "title": "Aufnahme ins Programm", "text": ""},
        {"year": None, "date": "2014-05-17", "title": "Eröffnung des Parks", "text": "Der Park ist fertig."},
    ]
    assert record["ansprechpersonen"][0]["email"] == "anna@example.org"
    assert ContactPerson.objects.get(email="anna@example.org").municipality == municipality
    # Not on the public site while it waits for approval.
    assert client.get("/stadtteilprofile/duisburg/marxloh/").status_code == 404


def test_update_of_a_live_page_stays_a_draft_until_approved(site_tree, workflow, client, tmp_path):
    csv = "kommune;gebiet;einleitung\nDortmund;Nordstadt;Neue Einleitung aus der Tabelle.\n"
    output = run(write(tmp_path, csv))

    assert "Zeile 2: Dortmund / Nordstadt: aktualisieren (einleitung)" in output
    page = DistrictProfilePage.objects.get(pk=site_tree["profile"].pk)
    assert page.live and page.has_unpublished_changes and page.workflow_in_progress
    assert page.get_latest_revision_as_object().intro == "Neue Einleitung aus der Tabelle."
    response = client.get("/stadtteilprofile/dortmund/nordstadt/")
    assert response.status_code == 200
    assert "Neue Einleitung" not in response.content.decode()


def test_without_a_workflow_the_draft_is_kept_and_the_output_says_so(site_tree, tmp_path):
    WorkflowPage.objects.all().delete()
    output = run(write(tmp_path, HEADER + "\nDortmund;Hörde;laufend;2012;;51,48;7,5;;;\n"))

    page = DistrictProfilePage.objects.get(title="Hörde")
    assert not page.live
    assert not page.workflow_in_progress
    assert page.revisions.count() == 1
    assert "kein Freigabe-Workflow" in output


def test_second_run_changes_nothing(site_tree, workflow, tmp_path):
    path = write(tmp_path, SECTION_HEADER + "\n" + MARXLOH + "\n")
    run(path)
    revisions = Revision.objects.count()
    contacts = ContactPerson.objects.count()

    output = run(path)

    assert "Zeile 2: Duisburg / Marxloh: unverändert" in output
    assert "0 gespeichert, 1 unverändert" in output
    assert Revision.objects.count() == revisions
    assert ContactPerson.objects.count() == contacts


def test_publish_by_a_superuser_publishes(site_tree, workflow, superuser, client, tmp_path):
    output = run(write(tmp_path, SECTION_HEADER + "\n" + MARXLOH + "\n"), "--publish", "--user", "chefin")

    assert "veröffentlicht" in output
    page = marxloh()
    assert page.live and not page.workflow_in_progress
    assert page.get_parent().live
    response = client.get("/stadtteilprofile/duisburg/marxloh/")
    assert response.status_code == 200
    assert "Gründerzeitbebauung und Industrie." in response.content.decode()


def test_publish_without_a_superuser_is_refused(site_tree, django_user_model, tmp_path):
    django_user_model.objects.create_user("redakteur", "r@example.org", "pw")
    path = write(tmp_path, SECTION_HEADER + "\n" + MARXLOH + "\n")

    _output, message = run_failing(path, "--publish", "--user", "redakteur")
    assert "--publish ist nur zusammen mit --user eines Superusers erlaubt." in message
    _output, message = run_failing(path, "--publish")
    assert "Superusers" in message
    assert not DistrictProfilePage.objects.filter(title="Marxloh").exists()


VALID_ROW = "Dortmund;Hörde;laufend;2012;;51,48;7,5;;;"
BAD_ROWS = [
    ("Dortmund;;laufend;2012;;51,48;7,5;;;", "Der Name des Gebiets (Spalte „gebiet“) fehlt."),
    (";Westerfilde;laufend;2012;;51,48;7,5;;;", "Die Kommune (Spalte „kommune“) fehlt."),
    (
        "Dortmund;Westerfilde;geplant;2012;;51,48;7,5;;;",
        "Unbekannter Status „geplant“ (erlaubt: laufend, abgeschlossen).",
    ),
    (
        "Dortmund;Westerfilde;laufend;2012;;95;7,5;;;",
        "Breitengrad 95 liegt außerhalb des gültigen Bereichs (−90 bis 90).",
    ),
    (
        "Dortmund;Westerfilde;laufend;2012;;51,48;200;;;",
        "Längengrad 200 liegt außerhalb des gültigen Bereichs (−180 bis 180).",
    ),
    ("Dortmund;Westerfilde;laufend;2012;;Nord;7,5;;;", "Breitengrad: „Nord“ ist keine Zahl."),
    (
        "Dortmund;Westerfilde;abgeschlossen;2012;2005;51,48;7,5;;;",
        "Das Programmende (2005) liegt vor dem Programmbeginn (2012).",
    ),
    (
        "Dortmund;Westerfilde;abgeschlossen;2012;;51,48;7,5;;;",
        "Ein abgeschlossenes Gebiet braucht ein Programmende (Spalte „ende“).",
    ),
    ("Dortmund;hörde;laufend;2012;;51,48;7,5;;;", "Doppelte Zeile: dasselbe Gebiet steht schon in Zeile 2."),
    ("Dortmund;Westerfilde;laufend;2012;;51,48;7,5;viele;;", "Einwohner: „viele“ ist keine ganze Zahl."),
    ("Dortmund;Westerfilde;laufend;2012;;51,48;7,5;;groß;", "Fläche (ha): „groß“ ist keine Zahl."),
    ("Dortmund;Westerfilde;laufend;zwanzig;;51,48;7,5;;;", "Beginn: „zwanzig“ ist keine ganze Zahl."),
    ("Dortmund;Westerfilde;laufend;;;51,48;7,5;;;", "Der Programmbeginn (Spalte „beginn“) fehlt."),
    ("Dortmund;Westerfilde;laufend;2012;;;;;;", "Die Lage fehlt (Spalten „breitengrad“ und „laengengrad“)."),
]


@pytest.mark.parametrize(("bad_row", "message"), BAD_ROWS)
def test_validation_report_names_line_and_problem_and_blocks_writing(site_tree, tmp_path, bad_row, message):
    pages, revisions = Page.objects.count(), Revision.objects.count()

    output, error = run_failing(write(tmp_path, f"{HEADER}\n{VALID_ROW}\n{bad_row}\n"))

    assert "Zeile 2: Dortmund / Hörde: neu" in output
    report_line = output.split("Zeile 3:")[1]
    assert f"Fehler: {message}" in report_line
    assert "es wurde nichts gespeichert" in error
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)


def test_line_numbers_count_physical_lines_of_multi_line_cells(site_tree, tmp_path):
    csv = f'{HEADER};einleitung\n{VALID_ROW};"Erste Zeile.\n\nDritte Zeile."\nDortmund;X;geplant;2012;;51;7;;;;\n'
    output, _error = run_failing(write(tmp_path, csv))
    assert "Zeile 5: Dortmund / X: fehlerhaft" in output


def test_milestones_in_a_bad_format_are_reported(site_tree, tmp_path):
    csv = f"{HEADER};meilensteine\n{VALID_ROW};Irgendwann: Start | 2013: Eröffnung\n"
    output, _error = run_failing(write(tmp_path, csv))
    assert "Fehler: Meilenstein „Irgendwann: Start“ hat kein gültiges Format (erwartet: „2012: Titel“)." in output


def test_dry_run_writes_nothing(site_tree, workflow, tmp_path):
    pages, revisions = Page.objects.count(), Revision.objects.count()

    output = run(write(tmp_path, SECTION_HEADER + "\n" + MARXLOH + "\n"), "--dry-run")

    assert "Zeile 2: Duisburg / Marxloh: neu" in output
    assert "Probelauf: Es wurde nichts gespeichert." in output
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)
    assert not ContactPerson.objects.exists()


def test_skip_invalid_imports_only_the_valid_rows(site_tree, workflow, tmp_path):
    csv = f"{HEADER}\n{VALID_ROW}\nDortmund;Westerfilde;geplant;2012;;51,48;7,5;;;\n"
    output = run(write(tmp_path, csv), "--skip-invalid")

    assert "1 gespeichert, 0 unverändert, 1 übersprungen" in output
    assert DistrictProfilePage.objects.filter(title="Hörde").exists()
    assert not DistrictProfilePage.objects.filter(title="Westerfilde").exists()


def test_comma_separated_file_without_bom(site_tree, workflow, tmp_path):
    csv = (
        "kommune,gebiet,status,beginn,ende,breitengrad,laengengrad,flaeche_ha,handlungsfelder\n"
        'Dortmund,Hörde,abgeschlossen,2012,2020,51.48,7.5,"12,5","Wohnen, Beteiligung"\n'
    )
    run(write(tmp_path, csv))
    record = profile_record(DistrictProfilePage.objects.get(title="Hörde").get_latest_revision_as_object())
    assert (record["status"], record["end_year"], str(record["area_ha"])) == ("abgeschlossen", 2020, "12.5")
    assert (record["latitude"], record["longitude"]) == (51.48, 7.5)
    assert record["tags"] == ["Beteiligung", "Wohnen"]


def test_matching_by_id_renames_the_existing_page(site_tree, workflow, tmp_path):
    profile = site_tree["profile"]
    output = run(write(tmp_path, f"id;kommune;gebiet\n{profile.pk};Dortmund;Nordstadt-Mitte\n"))
    assert "aktualisieren (gebiet)" in output
    assert DistrictProfilePage.objects.count() == 1
    assert DistrictProfilePage.objects.get().get_latest_revision_as_object().title == "Nordstadt-Mitte"


def test_geojson_input(site_tree, workflow, tmp_path):
    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [6.7778, 51.5009]},
                "properties": {
                    "title": "Marxloh",
                    "municipality": {"title": "Duisburg"},
                    "status": "laufend",
                    "period": {"start_year": 2007, "end_year": None},
                    "tags": [{"name": "Integration", "slug": "integration"}],
                    "sections": {
                        "perspektiven": "Mehr Grün.",
                        "meilensteine": [{"year": 2007, "date": None, "title": "Aufnahme", "text": ""}],
                    },
                },
            },
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [6.7]}, "properties": {"title": "X"}},
        ],
    }
    path = write(tmp_path, json.dumps(collection), name="gebiete.geojson")

    output, _error = run_failing(path)
    assert "Objekt 2" in output and "Die Geometrie hat keine zwei Koordinaten." in output

    run(path, "--skip-invalid")
    record = profile_record(marxloh().get_latest_revision_as_object())
    assert (record["municipality"], record["latitude"], record["longitude"]) == ("Duisburg", 51.5009, 6.7778)
    assert record["perspektiven"] == "Mehr Grün."
    assert record["meilensteine"][0]["title"] == "Aufnahme"
    assert record["tags"] == ["Integration"]


def test_import_into_an_empty_database_creates_home_index_and_site(db, superuser, client, tmp_path):
    """Only migrations have run: Wagtail's welcome page is all there is."""
    assert not HomePage.objects.exists()

    run(write(tmp_path, SECTION_HEADER + "\n" + MARXLOH + "\n"), "--publish", "--user", "chefin")

    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page.specific == home
    assert ProfileIndexPage.objects.get().get_parent().specific == home
    assert client.get("/stadtteilprofile/duisburg/marxloh/").status_code == 200


# --- admin view ----------------------------------------------------------------------------------


ADMIN_URL = "/admin/stadtteilprofile-import/"
TWO_CITIES = f"{HEADER}\nDortmund;Hörde;laufend;2012;;51,48;7,5;;;\nDuisburg;Marxloh;laufend;2007;;51,5;6,78;;;\n"


@pytest.fixture
def dortmund_editor(site_tree, django_user_model):
    """A municipality editor: may add and edit pages only below the Dortmund page, no publishing."""
    factories.MunicipalityPageFactory(parent=site_tree["profile_index"], title="Duisburg", slug="duisburg")
    group, _created = Group.objects.get_or_create(name="Kommune Dortmund")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.get_or_create(
            group=group, page=site_tree["municipality"], permission=Permission.objects.get(codename=codename)
        )
    user = django_user_model.objects.create_user("dortmund", "d@example.org", "pw")
    user.groups.add(group)
    return user


def upload(client, text, name="gebiete.csv"):
    return client.post(ADMIN_URL, {"file": SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")})


def test_menu_item_and_upload_form_for_the_redaktion(site_tree, superuser, client):
    client.force_login(superuser)
    assert "Import Stadtteilprofile" in client.get("/admin/").content.decode()
    response = client.get(ADMIN_URL)
    assert response.status_code == 200
    assert "Datei prüfen" in response.content.decode()


def test_admin_import_validates_first_then_imports_on_confirmation(site_tree, workflow, superuser, client):
    client.force_login(superuser)

    response = upload(client, TWO_CITIES)
    content = response.content.decode()
    assert "Prüfbericht für „gebiete.csv“" in content
    assert "2 Zeilen: 2 neu" in content
    assert not DistrictProfilePage.objects.filter(title__in=["Hörde", "Marxloh"]).exists()

    response = client.post(ADMIN_URL, {"confirm": "1"})
    assert "Import abgeschlossen" in response.content.decode()
    assert DistrictProfilePage.objects.filter(title__in=["Hörde", "Marxloh"], live=False).count() == 2
    assert DistrictProfilePage.objects.get(title="Marxloh").workflow_in_progress


def test_municipality_editor_cannot_import_other_municipalities(dortmund_editor, workflow, client):
    client.force_login(dortmund_editor)
    assert "Import Stadtteilprofile" in client.get("/admin/").content.decode()

    content = upload(client, TWO_CITIES).content.decode()
    assert "Keine Berechtigung für Gebiete der Kommune „Duisburg“." in content
    assert "Sofort veröffentlichen" not in content

    # Without "skip invalid rows" nothing is written at all.
    content = client.post(ADMIN_URL, {"confirm": "1"}).content.decode()
    assert "Die Datei enthält Fehler; es wurde nichts gespeichert." in content
    assert not DistrictProfilePage.objects.filter(title__in=["Hörde", "Marxloh"]).exists()

    client.post(ADMIN_URL, {"confirm": "1", "skip_invalid": "on", "publish": "on"})
    horde = DistrictProfilePage.objects.get(title="Hörde")
    assert not horde.live and horde.workflow_in_progress
    assert horde.get_parent().pk == dortmund_editor.groups.get().page_permissions.first().page_id
    assert not DistrictProfilePage.objects.filter(title="Marxloh").exists()


def test_user_without_page_permissions_gets_no_import(site_tree, django_user_model, client):
    user = django_user_model.objects.create_user("gast", "g@example.org", "pw")
    group = Group.objects.create(name="Nur Admin-Zugang")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    assert "Import Stadtteilprofile" not in client.get("/admin/").content.decode()
    # Wagtail turns the refusal into a redirect to the dashboard with a "permission denied" message.
    response = client.get(ADMIN_URL)
    assert (response.status_code, response.url) == (302, "/admin/")


def test_progress_bar_on_stderr(site_tree, workflow, tmp_path):
    err = io.StringIO()
    csv = f"{HEADER}\n{VALID_ROW}\nDortmund;Westerfilde;laufend;2012;;51,48;7,5;;;\n"
    call_command("import_profiles", write(tmp_path, csv), stdout=io.StringIO(), stderr=err)
    assert "Speichern [###############...............] 1/2" in err.getvalue()
    assert "Speichern [##############################] 2/2" in err.getvalue()


def test_drafts_go_to_the_workflow_set_up_by_setup_editorial(site_tree, tmp_path):
    call_command("setup_editorial", stdout=io.StringIO(), stderr=io.StringIO())

    run(write(tmp_path, SECTION_HEADER + "\n" + MARXLOH + "\n"))

    assert marxloh().current_workflow_state.workflow.name == "Redaktionelle Freigabe"
    assert Group.objects.filter(name="Kommune Duisburg").exists()
