"""config/api_rows.py reads a one-type listing's pages with SQL: the same rows and instances as the ORM's way."""

import pytest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from config.api import public_pages_queryset, public_roots, with_related_data
from config.api_rows import PublicPageRows, image_fields, page_subclass_only
from home.api_visibility import anonymous
from tests.api_content import add_hidden_profiles, build_content

PAGE_TYPES = ["newsroom.NewsPage", "newsroom.EventPage", "profiles.DistrictProfilePage", "profiles.MunicipalityPage"]


def _state_free(instance):
    values = {key: value for key, value in instance.__dict__.items() if key not in ("_state", "prefetched_renditions")}
    # A FileField's value becomes a FieldFile on first access: compare the names.
    return {key: getattr(value, "name", value) for key, value in values.items()}


def _orm_pages(request, model, now):
    queryset, _roots = public_pages_queryset(request, model, with_roots=True)
    queryset = queryset.filter(models_q_not_expired(now)).type(model)
    return list(with_related_data(queryset).defer_streamfields().order_by("path"))


def models_q_not_expired(now):
    from django.db.models import Q

    return Q(expire_at__isnull=True) | Q(expire_at__gt=now)


def _restrictions(request):
    visitor = anonymous(request)
    return tuple(
        (r.page.path, r.page.depth)
        for r in PageViewRestriction.objects.select_related("page")
        if not r.accept_request(visitor)
    )


@pytest.fixture
def content(site_tree):
    content = {**build_content(site_tree, count=4), **site_tree}
    add_hidden_profiles(content)
    return content


@pytest.mark.parametrize("with_renditions", [False, True])
@pytest.mark.parametrize("type_name", PAGE_TYPES)
def test_rows_are_the_orms_pages_with_the_same_values(content, rf, type_name, with_renditions):
    from django.apps import apps
    from wagtail.images import get_image_model

    from home.blocks import RENDITION_SPECS

    model = apps.get_model(type_name)
    assert page_subclass_only(model)
    if with_renditions:
        # Renditions of an earlier test may still be in the rendition cache, though rolled back in the database.
        get_image_model().get_rendition_model().cache_backend.clear()
        for image in get_image_model().objects.all():
            image.get_renditions(*RENDITION_SPECS.values())
    request = rf.get("/api/v2/pages/", HTTP_HOST="localhost")
    now = timezone.now()
    expected = _orm_pages(request, model, now)
    rows = PublicPageRows(model, public_roots(anonymous(request)), _restrictions(request), now)
    assert rows.count() == len(expected) > 0
    pages = rows[0:50]
    assert [page.pk for page in pages] == [page.pk for page in expected]
    assert [page.pk for page in rows[1:3]] == [page.pk for page in expected[1:3]]
    for ours, theirs in zip(pages, expected, strict=True):
        assert type(ours) is type(theirs)
        assert _state_free(ours) == _state_free(theirs)
        assert ours.get_deferred_fields() == theirs.get_deferred_fields()
        assert (ours._state.adding, ours._state.db) == (theirs._state.adding, theirs._state.db)
        assert ours.locale.__dict__.keys() == theirs.locale.__dict__.keys()
        assert _state_free(ours.locale) == _state_free(theirs.locale)
        if hasattr(model, "municipality"):
            assert _state_free(ours.municipality) == _state_free(theirs.municipality)
        for field in image_fields(model):
            mine, orms = getattr(ours, field.name), getattr(theirs, field.name)
            assert (mine is None) == (orms is None)
            if mine is not None:
                assert _state_free(mine) == _state_free(orms)
                assert sorted(sorted(_state_free(r).items()) for r in mine.prefetched_renditions) == sorted(
                    sorted(_state_free(r).items()) for r in orms.prefetched_renditions
                )
                assert len(mine.prefetched_renditions) == (3 if with_renditions else 0)
                assert all(rendition.image is mine for rendition in mine.prefetched_renditions)


def test_rows_leave_out_drafts_expired_and_restricted_pages(content, rf):
    from profiles.models import DistrictProfilePage

    request = rf.get("/api/v2/pages/", HTTP_HOST="localhost")
    rows = PublicPageRows(DistrictProfilePage, public_roots(anonymous(request)), _restrictions(request), timezone.now())
    titles = {page.title for page in rows[0:100]}
    assert titles and not titles & {"Entwurf", "Abgelaufen", "Versteckt"}
    assert rows.count() == len(titles)
    assert PublicPageRows(DistrictProfilePage, (), (), timezone.now()).count() == 0


def test_page_types_the_rows_leave_to_the_orm():
    assert not page_subclass_only(Page)
