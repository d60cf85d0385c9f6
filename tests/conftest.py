import pytest
from wagtail.models import Page, Site

from tests import factories


@pytest.fixture(autouse=True)
def _cold_shared_lookups(request):
    """Every request starts cold: query budgets are for a cold cache, and each test's database is rolled back,
    so values kept per content generation (home.shared_lookups) must not leak between tests.

    Tests marked `warm_shared_lookups` keep them between requests, as a server process does.
    """
    from django.core.signals import request_started

    from home.shared_lookups import forget

    def forget_on_request(**kwargs):
        forget()

    forget()
    warm = request.node.get_closest_marker("warm_shared_lookups") is not None
    if not warm:
        request_started.connect(forget_on_request, dispatch_uid="tests-cold-shared-lookups")
    yield
    request_started.disconnect(dispatch_uid="tests-cold-shared-lookups")
    forget()


@pytest.fixture
def site_tree(db):
    """A minimal page tree: home with the three index pages and one municipality with one running area."""
    root = Page.get_first_root_node()
    home = factories.HomePageFactory(parent=root)
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    news_index = factories.NewsIndexPageFactory(parent=home)
    event_index = factories.EventIndexPageFactory(parent=home)
    profile_index = factories.ProfileIndexPageFactory(parent=home)
    municipality = factories.MunicipalityPageFactory(parent=profile_index, title="Dortmund", slug="dortmund")
    profile = factories.DistrictProfilePageFactory(parent=municipality, title="Nordstadt", slug="nordstadt")
    return {
        "root": root,
        "home": home,
        "news_index": news_index,
        "event_index": event_index,
        "profile_index": profile_index,
        "municipality": municipality,
        "profile": profile,
    }


@pytest.fixture
def editorial(site_tree):
    """site_tree plus Duisburg, the editorial roles and one user per role (see tests/editorial_fixtures.py)."""
    from tests.editorial_fixtures import build_editorial

    return build_editorial(site_tree)


@pytest.fixture
def api(client, site_tree):
    """The served OpenAPI document, ready to validate responses (tests/test_api_openapi.py: `check`)."""
    import json

    from openapi_core import Config, OpenAPI

    response = client.get("/api/v2/openapi.json")
    assert response.status_code == 200
    spec = response.json()
    assert spec["openapi"].startswith("3.1")
    # GeoJSON is JSON; openapi-core only knows application/json by name.
    config = Config(extra_media_type_deserializers={"application/geo+json": json.loads})
    return OpenAPI.from_dict(spec, config=config)  # also validates the document itself
