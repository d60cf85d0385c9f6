"""`export_profiles`, the public /stadtteilprofile/export.csv and the export → import round trip."""

import csv
import datetime
import io
import json
import uuid
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page, PageViewRestriction, Site

from home.models import ContactPerson
from profiles.models import DistrictProfilePage
from tests import factories

LICENSE_URL = "https://www.govdata.de/dl-de/by-2-0"


def sections(contact, **texts):
    """Raw section data as the editor would produce it, rich text included."""
    raw = [
        {
            "type": "ausgangslage",
            "value": [
                {"type": "paragraph", "value": texts.get("ausgangslage", "<p>Ein <b>dichtes</b> Quartier.</p>")},
                {"type": "paragraph", "value": "<ul><li>viele Familien</li><li>wenig Grün</li></ul>"},
            ],
        },
        {"type": "potenziale", "value": [{"type": "paragraph", "value": "<p>Hafen &amp; Kanal.<br/>Neue Wege.</p>"}]},
        {"type": "organisation", "value": [{"type": "paragraph", "value": "<p>Quartiersbüro.</p>"}]},
        {
            "type": "meilensteine",
            "value": [
                {"type": "item", "value": {"year": 2000, "date": None, "title": "Aufnahme", "text": ""}},
                {
                    "type": "item",
                    "value": {"year": None, "date": "2016-09-03", "title": "Parkfest", "text": "Mit 2.000 Gästen."},
                },
            ],
        },
        {"type": "perspektiven", "value": [{"type": "paragraph", "value": "<p>Verstetigung ab 2026.</p>"}]},
        {"type": "ansprechpersonen", "value": [{"type": "item", "value": contact.pk}]},
    ]
    return with_ids(raw)


def with_ids(children):
    """Stream children and list items carry ids in Wagtail's stored JSON."""
    for child in children:
        child["id"] = str(uuid.uuid4())
        if isinstance(child["value"], list):
            with_ids(child["value"])
    return children


@pytest.fixture
def areas(site_tree):
    """Three live profiles in three municipalities with every field and section filled."""
    index = site_tree["profile_index"]
    contact = factories.ContactPersonFactory(
        name="Anna Beispiel", role="Quartiersmanagement", organisation="Büro Nord", email="anna@example.org"
    )
    nordstadt = site_tree["profile"]
    nordstadt.address = "Mallinckrodtstraße 1, Dortmund"
    nordstadt.inhabitants = 58000
    nordstadt.area_ha = Decimal("1440.5")
    nordstadt.teaser = "Das größte Programmgebiet."
    nordstadt.sections = sections(contact)
    nordstadt.tags.add("Beteiligung", "Integration")
    nordstadt.save()
    duisburg = factories.MunicipalityPageFactory(parent=index, title="Duisburg", slug="duisburg")
    factories.DistrictProfilePageFactory(
        parent=duisburg,
        title="Marxloh",
        slug="marxloh",
        status="abgeschlossen",
        start_year=2007,
        end_year=2019,
        location="SRID=4326;POINT(6.7778 51.5009)",
        sections=sections(contact, ausgangslage="<p>Gründerzeit.</p>"),
    )
    muelheim = factories.MunicipalityPageFactory(parent=index, title="Mülheim an der Ruhr", slug="muelheim-an-der-ruhr")
    factories.DistrictProfilePageFactory(
        parent=muelheim, title="Eppinghofen", slug="eppinghofen", location="SRID=4326;POINT(6.8848 51.4318)"
    )
    return site_tree


def export(*args):
    out = io.StringIO()
    call_command("export_profiles", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def csv_rows(text):
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))


def wipe_to_migrated_state():
    """What only migrations leave behind: the tree root and nothing we created."""
    Page.get_first_root_node().get_children().delete()
    Site.objects.all().delete()
    ContactPerson.objects.all().delete()
    Tag.objects.all().delete()
    assert not DistrictProfilePage.objects.exists()


def without_local_ids_csv(rows):
    return [{key: value for key, value in row.items() if key not in ("id",)} for row in rows]


def without_local_ids_geojson(collection):
    features = []
    for feature in collection["features"]:
        properties = dict(feature["properties"], municipality=dict(feature["properties"]["municipality"], id=None))
        features.append({"geometry": feature["geometry"], "properties": properties})
    return features


@pytest.mark.parametrize("file_format", ["csv", "geojson"])
def test_round_trip_into_an_empty_database_reproduces_the_areas(areas, django_user_model, tmp_path, file_format):
    path = tmp_path / f"export.{file_format}"
    exported = export("--format", file_format, "--output", str(path)) or path.read_text(encoding="utf-8")
    wipe_to_migrated_state()
    django_user_model.objects.create_superuser("chefin", "c@example.org", "pw")

    call_command(
        "import_profiles", str(path), "--publish", "--user", "chefin", stdout=io.StringIO(), stderr=io.StringIO()
    )
    again = export("--format", file_format)

    assert DistrictProfilePage.objects.live().count() == 3
    if file_format == "csv":
        before, after = csv_rows(exported), csv_rows(again)
        assert [row["url"] for row in before] == [row["url"] for row in after]
        assert without_local_ids_csv(after) == without_local_ids_csv(before)
        assert (
            before[0]["gebietscharakter_und_ausgangslage"] == "Ein dichtes Quartier.\n\n- viele Familien\n- wenig Grün"
        )
    else:
        before, after = json.loads(exported), json.loads(again)
        assert without_local_ids_geojson(after) == without_local_ids_geojson(before)
        assert after["features"][1]["properties"]["sections"]["potenziale"] == "Hafen & Kanal.\nNeue Wege."
    nordstadt = DistrictProfilePage.objects.get(title="Nordstadt")
    assert nordstadt.url == "/stadtteilprofile/dortmund/nordstadt/"
    assert [tag.name for tag in nordstadt.tags.order_by("name")] == ["Beteiligung", "Integration"]


def test_csv_export_uses_german_spreadsheet_conventions(areas):
    rows = csv_rows(export())

    assert [row["gebiet"] for row in rows] == ["Nordstadt", "Marxloh", "Eppinghofen"]
    nordstadt = rows[0]
    assert nordstadt["kommune"] == "Dortmund"
    assert (nordstadt["breitengrad"], nordstadt["laengengrad"]) == ("51,5136", "7,4653")
    assert (nordstadt["einwohner"], nordstadt["flaeche_ha"]) == ("58000", "1440,5")
    assert nordstadt["handlungsfelder"] == "Beteiligung, Integration"
    assert nordstadt["meilensteine"] == "2000: Aufnahme | 2016-09-03: Parkfest – Mit 2.000 Gästen."
    assert nordstadt["ansprechpersonen"] == "Anna Beispiel / Quartiersmanagement / Büro Nord / anna@example.org"
    assert nordstadt["url"] == "http://localhost/stadtteilprofile/dortmund/nordstadt/"
    assert (rows[1]["status"], rows[1]["beginn"], rows[1]["ende"]) == ("abgeschlossen", "2007", "2019")


def test_geojson_export_names_the_licence_and_carries_the_content(areas):
    collection = json.loads(export("--format", "geojson"))

    assert collection["type"] == "FeatureCollection"
    assert collection["license"]["url"] == LICENSE_URL
    assert collection["metadata"]["license"]["name"] == "Datenlizenz Deutschland – Namensnennung – 2.0"
    feature = collection["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [7.4653, 51.5136]}
    properties = feature["properties"]
    assert properties["municipality"]["title"] == "Dortmund"
    assert properties["period"] == {"start_year": 2010, "end_year": None, "display": "seit 2010"}
    assert properties["area_ha"] == 1440.5
    assert properties["sections"]["meilensteine"][1]["date"] == "2016-09-03"
    assert properties["sections"]["ansprechpersonen"][0]["name"] == "Anna Beispiel"


def test_export_command_leaves_out_drafts_unless_asked(areas):
    factories.DistrictProfilePageFactory(parent=areas["municipality"], title="Hörde", live=False)

    assert "Hörde" not in export()
    rows = csv_rows(export("--include-unpublished"))
    assert "Hörde" in [row["gebiet"] for row in rows]
    assert next(row for row in rows if row["gebiet"] == "Hörde")["url"] == ""


def test_public_export_csv_has_only_live_public_profiles(areas, client):
    dortmund = areas["municipality"]
    factories.DistrictProfilePageFactory(parent=dortmund, title="Entwurfsgebiet", live=False)
    private = factories.DistrictProfilePageFactory(parent=dortmund, title="Geschütztes Gebiet")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="geheim")
    factories.DistrictProfilePageFactory(
        parent=dortmund, title="Abgelaufenes Gebiet", expire_at=timezone.now() - datetime.timedelta(days=1)
    )

    response = client.get("/stadtteilprofile/export.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="stadtteilprofile_dl-de-by-2-0.csv"'
    assert response["Link"] == f'<{LICENSE_URL}>; rel="license"; title="dl-de/by-2-0"'
    rows = csv_rows(response.content.decode("utf-8"))
    assert [row["gebiet"] for row in rows] == ["Nordstadt", "Marxloh", "Eppinghofen"]


def test_public_export_csv_queries_do_not_grow_with_the_number_of_profiles(areas, client, django_assert_num_queries):
    client.get("/stadtteilprofile/export.csv")  # warm the site root cache like any earlier request would
    with django_assert_num_queries(9):
        client.get("/stadtteilprofile/export.csv")
    for number in range(3):
        factories.DistrictProfilePageFactory(parent=areas["municipality"], title=f"Weiteres Gebiet {number}")
    client.get("/stadtteilprofile/export.csv")
    with django_assert_num_queries(9):
        response = client.get("/stadtteilprofile/export.csv")
    assert len(csv_rows(response.content.decode("utf-8"))) == 6
