"""The routing query builds its Page instances from plain rows (home.row_instances): they must be what
the ORM gives for the same columns, deferred fields and tree methods included."""

import datetime

from django.utils import timezone
from wagtail.models import Page

from home.routing import ANCESTOR_FIELDS, _candidate_pages


def test_routing_rows_are_the_orms_pages(site_tree):
    home, profile = site_tree["home"], site_tree["profile"]
    profile.expire_at = timezone.now() + datetime.timedelta(days=2)
    profile.save()
    prefixes = ["/", home.url_path, f"{home.url_path}stadtteilprofile/", profile.url_path]
    rows = _candidate_pages(home, prefixes)
    assert {page.pk for page in rows} >= {home.pk, site_tree["profile_index"].pk, profile.pk}
    for page in rows:
        expected = Page.objects.only(*ANCESTOR_FIELDS).get(pk=page.pk)
        assert type(page) is Page and not page._state.adding and page._state.db == "default"
        assert {name: getattr(page, name) for name in ANCESTOR_FIELDS} == {
            name: getattr(expected, name) for name in ANCESTOR_FIELDS
        }
        assert page.get_deferred_fields() == expected.get_deferred_fields()
        assert page.specific_class is expected.specific_class
        assert page.url == expected.url
    built = next(page for page in rows if page.pk == profile.pk)
    assert built.expire_at == profile.expire_at  # a datetime on SQLite too (the ORM's converters ran)
    assert built.seo_title == profile.seo_title  # deferred: read on access, as the ORM's instance does
    assert [ancestor.pk for ancestor in built.get_ancestors()] == [ancestor.pk for ancestor in profile.get_ancestors()]
