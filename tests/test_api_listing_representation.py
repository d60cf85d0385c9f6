"""A listing item says exactly what the detail view and Wagtail's own URL helpers say about a page.

The listing serializes from bulk-loaded data (tags as tuples, URLs from per-response lookups); these
tests pin that its output is the same, field for field and in the same order, as the detail view's
and as `page.full_url` / Wagtail's detail URL, so a front end can rely on either.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.api.v2.utils import get_object_detail_url
from wagtail.models import Page, Site

from config.api import api_router
from tests import factories
from tests.api_content import add_hidden_profiles, build_content

LISTING = "/api/v2/pages/?type=profiles.DistrictProfilePage&fields=*&limit=50"
LISTING_KEYS = [
    "id",
    "meta",
    "title",
    "teaser",
    "social_image",
    "municipality",
    "status",
    "start_year",
    "end_year",
    "period_display",
    "location",
    "address",
    "teaser_image",
    "intro",
    "inhabitants",
    "area_ha",
    "tags",
]
LISTING_META_KEYS = [
    "type",
    "detail_url",
    "html_url",
    "slug",
    "show_in_menus",
    "seo_title",
    "search_description",
    "first_published_at",
    "alias_of",
    "locale",
]


@pytest.fixture
def content(site_tree):
    content = {**build_content(site_tree, count=3), **site_tree}
    profile = content["profile"]
    # Added out of alphabetical order, with a name that sorts differently from its slug.
    profile.tags.add("Wohnen", "Ältere Menschen", "Integration")
    profile.save_revision().publish()
    return content


def listing(client, url=LISTING, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, response.content
    return response.json()


def test_listing_items_have_the_documented_fields_in_order(client, content):
    items = listing(client)["items"]
    assert items
    for item in items:
        assert list(item) == LISTING_KEYS
        assert list(item["meta"]) == LISTING_META_KEYS


def test_listing_items_equal_the_detail_representation(client, content):
    data = listing(client)
    assert data["meta"]["total_count"] == len(data["items"])
    for item in data["items"]:
        detail = client.get(f"/api/v2/pages/{item['id']}/").json()
        body = {key: value for key, value in detail.items() if key not in ("meta", "sections")}
        assert {key: value for key, value in item.items() if key != "meta"} == body
        shared_meta = {key: value for key, value in detail["meta"].items() if key != "parent"}
        assert {key: value for key, value in item["meta"].items() if key != "locale"} == shared_meta
        assert item["meta"]["locale"] == "de"


def test_listing_urls_are_wagtails(client, content, rf):
    request = rf.get("/api/v2/pages/")
    for item in listing(client)["items"]:
        page = Page.objects.get(pk=item["id"]).specific
        assert item["meta"]["html_url"] == page.full_url
        assert item["meta"]["detail_url"] == get_object_detail_url(api_router, request, type(page), page.pk)


def test_listing_tags_are_sorted_by_name_like_the_manager(client, content):
    items = {item["id"]: item for item in listing(client)["items"]}
    profile = content["profile"]
    expected = [{"name": tag.name, "slug": tag.slug} for tag in sorted(profile.tags.all(), key=lambda tag: tag.name)]
    assert [tag["name"] for tag in items[profile.pk]["tags"]] == [
        "Beteiligung",
        "Integration",
        "Wohnen",
        "Ältere Menschen",
    ]
    assert items[profile.pk]["tags"] == expected


def test_html_url_of_a_page_in_two_sites_is_page_full_url(client, content, settings):
    """With a second site on the same tree, asked for by its host name, the listing still picks the site
    exactly as `page.full_url` does (Wagtail would prefer the request's site if handed the request)."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "zweite.example", "testserver"]
    Site.objects.create(hostname="zweite.example", port=80, root_page=content["home"], is_default_site=False)
    items = listing(client, HTTP_HOST="zweite.example")["items"]
    assert items
    for item in items:
        assert item["meta"]["html_url"] == Page.objects.get(pk=item["id"]).full_url


def test_unpublished_and_expired_profiles_stay_out_of_the_listing(client, content):
    from django.utils import timezone

    municipality = content["municipality"]
    draft = factories.DistrictProfilePageFactory(parent=municipality, title="Entwurf", slug="entwurf", live=False)
    expired = factories.DistrictProfilePageFactory(parent=municipality, title="Abgelaufen", slug="abgelaufen")
    expired.expire_at = timezone.now() - timezone.timedelta(minutes=1)
    expired.save()
    data = listing(client)
    ids = {item["id"] for item in data["items"]}
    assert draft.pk not in ids and expired.pk not in ids
    assert data["meta"]["total_count"] == len(ids)
    assert client.get(f"/api/v2/pages/{expired.pk}/").status_code == 404


def test_benchmark_requests_keep_their_query_budget(client, content):
    """The two requests of the API benchmark (README, "Performance"), with a cold cache."""
    client.get(LISTING)  # renditions are created on first use; measure the steady state
    with CaptureQueriesContext(connection) as queries:
        assert client.get(LISTING).status_code == 200
    # site, restrictions, count, pages (with municipality and locale), images with their renditions, tags,
    # collection restrictions
    assert len(queries) == 7, [query["sql"] for query in queries]
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/api/v2/pages/{content['profile'].pk}/").status_code == 200
    # site, restrictions, the page, its specific row (with municipality, which is the public parent, and images),
    # tags
    assert len(queries) == 5, [query["sql"] for query in queries]


def test_detail_names_its_parent_only_while_the_public_may_see_it(client, content):
    from wagtail.models import PageViewRestriction

    profile, municipality = content["profile"], content["municipality"]
    parent = client.get(f"/api/v2/pages/{profile.pk}/").json()["meta"]["parent"]
    assert parent == {
        "id": municipality.pk,
        "meta": {
            "type": "profiles.MunicipalityPage",
            "detail_url": f"http://testserver/api/v2/pages/{municipality.pk}/",
            "html_url": municipality.full_url,
        },
        "title": "Dortmund",
    }
    # The home page's parent is the tree root, which no site serves.
    assert client.get(f"/api/v2/pages/{content['home'].pk}/").json()["meta"]["parent"] is None

    municipality.unpublish()
    assert client.get(f"/api/v2/pages/{profile.pk}/").json()["meta"]["parent"] is None
    municipality.save_revision().publish()
    PageViewRestriction.objects.create(page=content["profile_index"], restriction_type="login")
    news = content["news"][0]
    assert client.get(f"/api/v2/pages/{news.pk}/").json()["meta"]["parent"]["id"] == news.get_parent().pk
    assert client.get(f"/api/v2/pages/{profile.pk}/").status_code == 404


@pytest.mark.warm_shared_lookups
@pytest.mark.parametrize("restriction_type", ["password", "login", "groups"])
def test_a_new_view_restriction_hides_pages_at_once_with_shared_lookups(client, content, restriction_type):
    """The restriction list is shared per content generation: adding or removing one starts a new one."""
    from wagtail.models import PageViewRestriction

    profile, municipality = content["profile"], content["municipality"]
    assert profile.pk in {item["id"] for item in listing(client)["items"]}

    restriction = PageViewRestriction.objects.create(
        page=municipality, restriction_type=restriction_type, password="geheim"
    )
    assert not listing(client)["items"]
    assert client.get(f"/api/v2/pages/{profile.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{municipality.pk}/").status_code == 404

    restriction.delete()
    assert profile.pk in {item["id"] for item in listing(client)["items"]}
    assert client.get(f"/api/v2/pages/{profile.pk}/").status_code == 200


@pytest.mark.warm_shared_lookups
def test_an_editor_asking_first_does_not_open_restricted_pages_to_everyone(client, content):
    """The shared restriction list is judged for an anonymous visitor, whoever's request builds it."""
    from django.contrib.auth import get_user_model
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=content["municipality"], restriction_type="login")
    editor = get_user_model().objects.create_superuser("chefin", "chefin@example.org", "pw")
    client.force_login(editor)
    client.get("/api/v2/pages/?type=profiles.DistrictProfilePage")  # builds the shared list
    client.get("/api/v2/profiles.geojson")
    client.logout()

    assert not listing(client)["items"]
    assert client.get(f"/api/v2/pages/{content['profile'].pk}/").status_code == 404
    assert client.get("/api/v2/profiles.geojson").json()["features"] == []


@pytest.mark.warm_shared_lookups
def test_moving_a_page_under_a_restricted_one_hides_it_at_once(client, content):
    from wagtail.models import PageViewRestriction

    profile = content["profile"]
    PageViewRestriction.objects.create(page=content["news_index"], restriction_type="login")
    assert client.get(f"/api/v2/pages/{profile.pk}/").status_code == 200
    profile.move(content["news_index"], pos="last-child")
    assert client.get(f"/api/v2/pages/{profile.pk}/").status_code == 404


@pytest.mark.warm_shared_lookups
def test_benchmark_requests_with_warm_shared_lookups(client, content):
    """As in a running server process: the site and the view restrictions are already known."""
    detail = f"/api/v2/pages/{content['profile'].pk}/"
    client.get(LISTING)
    client.get(detail)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(LISTING).status_code == 200
    assert len(queries) == 5, [query["sql"] for query in queries]
    with CaptureQueriesContext(connection) as queries:
        assert client.get(detail).status_code == 200
    assert len(queries) == 3, [query["sql"] for query in queries]


def test_detail_bytes_equal_wagtails_own_way_of_reading_the_page(client, content, monkeypatch):
    """The detail reads the specific page with its linked pages and images, judges a loaded parent in Python
    and serializes it with a class made once; the bytes are those of Wagtail's own `base.specific`, parent query
    and parent serializer."""
    from django.utils import timezone
    from wagtail.api.v2.serializers import PageParentField
    from wagtail.api.v2.views import PagesAPIViewSet
    from wagtail.models import PageViewRestriction

    from config.api import PublicPagesAPIViewSet, PublicParentField

    municipality = content["municipality"]
    pages = [content["profile"], municipality, content["home"], content["about"], *content["news"]]
    pages += [*content["events"], *content["profiles"], content["profile_index"]]
    urls = [f"/api/v2/pages/{page.pk}/" for page in pages]
    urls += [
        f"/api/v2/pages/{content['profile'].pk}/?fields=*",
        f"/api/v2/pages/{content['profile'].pk}/?fields=-parent",
    ]
    urls += [f"/api/v2/pages/{content['profile'].pk}/?type=profiles.DistrictProfilePage"]

    def responses():
        return [(client.get(url).status_code, client.get(url).content) for url in urls]

    def wagtails_own():
        with monkeypatch.context() as patched:
            patched.setattr(PublicPagesAPIViewSet, "get_object", PagesAPIViewSet.get_object)
            patched.setattr(PublicPagesAPIViewSet, "publicly_visible", None)
            patched.setattr(PublicParentField, "to_representation", PageParentField.to_representation)
            return responses()

    # The parent public; expired; unpublished; restricted (the profiles too then); public again.
    states = []
    states.append((responses(), wagtails_own()))
    municipality.expire_at = timezone.now() - timezone.timedelta(minutes=1)
    municipality.save()
    states.append((responses(), wagtails_own()))
    municipality.expire_at = None
    municipality.save()
    municipality.unpublish()
    states.append((responses(), wagtails_own()))
    municipality.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=municipality, restriction_type="login")
    states.append((responses(), wagtails_own()))
    restriction.delete()
    states.append((responses(), wagtails_own()))
    for ours, wagtails in states:
        assert ours == wagtails
    assert [status for status, _body in states[0][0]] == [200] * len(urls)
    assert b'"parent": null' in states[1][0][0][1] and b'"parent": null' in states[2][0][0][1]
    assert states[3][0][0][0] == 404
    assert [status for status, _body in states[4][0]] == [200] * len(urls)


def test_total_count_of_a_one_type_listing_reads_the_page_table_only(client, content):
    """Counted without the model's table, yet the same pages: not the draft, expired, restricted or filtered out."""
    hidden_profiles = add_hidden_profiles(content)
    expired, hidden = hidden_profiles["expired"], hidden_profiles["hidden"]

    with CaptureQueriesContext(connection) as queries:
        data = listing(client)
    counts = [query["sql"] for query in queries if "COUNT(" in query["sql"]]
    assert len(counts) == 1 and "profiles_districtprofilepage" not in counts[0]
    ids = {item["id"] for item in data["items"]}
    assert data["meta"]["total_count"] == len(ids) == len(content["profiles"])
    assert hidden.pk not in ids and expired.pk not in ids

    # Parameters that may filter on the model's own fields are counted the way Wagtail counts.
    for url in [LISTING + "&status=laufend", LISTING + "&slug=nordstadt", LISTING + "&limit=1&offset=1"]:
        data = client.get(url).json()
        if "offset" in url:
            assert data["meta"]["total_count"] == len(ids) and len(data["items"]) == 1
        else:
            assert data["meta"]["total_count"] == len(data["items"]) >= 1
