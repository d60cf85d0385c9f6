"""`generate_load_data` builds the benchmark's page tree: every page type, realistic publication times,
searchable, and it refuses to pile a second load onto the first."""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from newsroom.models import EventPage, NewsPage
from profiles.models import DistrictProfilePage, MunicipalityPage


# Outside a transaction: the command VACUUMs on PostgreSQL. serialized_rollback restores the root page and locale
# that migrations create, in case an earlier transactional test flushed them.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_load_data_builds_every_page_type_and_refuses_a_second_load(client):
    out = io.StringIO()
    call_command("generate_load_data", "--pages", "100", stdout=out)

    assert "Fertig" in out.getvalue()
    municipalities = MunicipalityPage.objects.filter(title__startswith="Lastkommune ")
    generated = [
        municipalities.count(),
        DistrictProfilePage.objects.descendant_of(municipalities.first()).count(),
        NewsPage.objects.filter(title__startswith="Meldung ").count(),
        EventPage.objects.filter(title__startswith="Veranstaltung ").count(),
    ]
    # One district profile per 20 pages, about their share on the real network's site.
    assert generated == [1, 5, 64, 30]
    # Published at different moments, as real pages are: listings ordered by date depend on it.
    news_times = NewsPage.objects.filter(title__startswith="Meldung ").values_list("first_published_at", flat=True)
    assert len(set(news_times)) == 64
    assert Page.objects.filter(first_published_at__isnull=False).count() > 100
    # Indexed: a word every generated text uses finds them.
    results = client.get("/suche/?q=Quartier").content.decode()
    generated_link = r'href="/(aktuelles/meldung-|veranstaltungen/veranstaltung-|stadtteilprofile/lastkommune-)'
    assert re.search(generated_link, results)

    with pytest.raises(CommandError, match="bereits Lastdaten"):
        call_command("generate_load_data", "--pages", "100", stdout=io.StringIO())


@pytest.mark.django_db
def test_load_data_refuses_more_profiles_than_the_pages_leave_room_for():
    # 100 pages hold 1 municipality and 30 events, so at most 69 profiles; nothing is written on refusal.
    with pytest.raises(CommandError, match="--profiles muss zwischen 0 und 69 liegen"):
        call_command("generate_load_data", "--pages", "100", "--profiles", "70", stdout=io.StringIO())
    assert not MunicipalityPage.objects.filter(title__startswith="Lastkommune ").exists()
