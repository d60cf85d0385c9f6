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
    assert generated == [1, 20, 49, 30]
    # Published at different moments, as real pages are: listings ordered by date depend on it.
    news_times = NewsPage.objects.filter(title__startswith="Meldung ").values_list("first_published_at", flat=True)
    assert len(set(news_times)) == 49
    assert Page.objects.filter(first_published_at__isnull=False).count() > 100
    # Indexed: a word every generated text uses finds them.
    results = client.get("/suche/?q=Quartier").content.decode()
    generated_link = r'href="/(aktuelles/meldung-|veranstaltungen/veranstaltung-|stadtteilprofile/lastkommune-)'
    assert re.search(generated_link, results)

    with pytest.raises(CommandError, match="bereits Lastdaten"):
        call_command("generate_load_data", "--pages", "100", stdout=io.StringIO())
