"""The hand-written teaser listings (home.listing_sql) list exactly what the ORM's public listing would:
live, below the index, not expired, not in a private section, in the same order, page by page."""

import datetime

from django.utils import timezone
from wagtail.models import PageViewRestriction

from newsroom.listings import event_queryset, event_teasers, news_queryset, news_teasers, upcoming_q
from tests import factories


def ids(pages):
    return [page.pk for page in pages]


def test_news_teasers_equal_the_public_orm_listing(site_tree):
    index = site_tree["news_index"]
    today = datetime.date.today()
    news = [factories.NewsPageFactory(parent=index, date=today - datetime.timedelta(days=n % 4)) for n in range(12)]
    news[1].unpublish()
    news[2].expire_at = timezone.now() - datetime.timedelta(hours=1)  # expired, not yet unpublished
    news[2].save()
    PageViewRestriction.objects.create(page=news[3], restriction_type="login")

    expected = ids(news_queryset(index))
    assert len(expected) == 9
    listing = news_teasers(index, count=len(expected))
    assert ids(listing[0:5]) + ids(listing[5:20]) == expected
    assert listing.count() == 9
    # Teasers carry what the template shows; the URL works without another query.
    first, newest = listing[0:1][0], news_queryset(index).first()
    assert (first.title, first.teaser, first.date, first.url) == (newest.title, newest.teaser, newest.date, newest.url)


def test_event_teasers_split_upcoming_and_past_like_the_orm(site_tree):
    index = site_tree["event_index"]
    now = timezone.now()
    hour = datetime.timedelta(hours=1)
    for offset, length in [(-48, 2), (-3, 6), (-30, None), (5, None), (24, 3), (-1, None), (72, 1)]:
        start = now + offset * hour
        factories.EventPageFactory(parent=index, start=start, end=start + length * hour if length else None)
    ends_later = factories.EventPageFactory(parent=index, start=now - 5 * hour, end=now + 5 * hour)

    upcoming = ids(event_queryset(index).filter(upcoming_q()).order_by("start", "pk"))
    past = ids(event_queryset(index).exclude(upcoming_q()).order_by("-start", "-pk"))
    assert ends_later.pk in upcoming and len(upcoming) + len(past) == 8
    assert ids(event_teasers(index)[0:20]) == upcoming
    assert ids(event_teasers(index, past=True)[0:20]) == past


def test_counts_by_city_cover_the_same_events(site_tree):
    index = site_tree["event_index"]
    for city in ["Köln", "Köln", "Essen", ""]:
        factories.EventPageFactory(parent=index, city=city)
    factories.EventPageFactory(parent=index, city="Bonn", start=timezone.now() - datetime.timedelta(days=3))

    assert sorted(event_teasers(index).count_by("city")) == [("", 1), ("Essen", 1), ("Köln", 2)]
    assert event_teasers(index, past=True).count_by("city") == [("Bonn", 1)]


def test_related_pages_equal_the_tagged_pages_queryset(site_tree):
    from home.topics import related_pages, tagged_pages

    pages = [factories.NewsPageFactory(parent=site_tree["news_index"]) for _ in range(4)]
    pages += [factories.EventPageFactory(parent=site_tree["event_index"]) for _ in range(3)]
    pages += [factories.DistrictProfilePageFactory(parent=site_tree["municipality"]) for _ in range(3)]
    for number, item in enumerate(pages):
        item.tags.add("Beteiligung" if number % 2 else "Wohnen")
        item.first_published_at = timezone.now() - datetime.timedelta(days=number % 3)  # ties broken by id
        item.save()
    pages[2].unpublish()
    pages[4].expire_at = timezone.now() - datetime.timedelta(minutes=5)
    pages[4].save()
    PageViewRestriction.objects.create(page=pages[7], restriction_type="password", password="geheim")
    tag_ids = list(pages[0].tags.values_list("pk", flat=True)) + list(pages[1].tags.values_list("pk", flat=True))

    for limit in (3, 20):
        fast = related_pages(pages[0], tag_ids, limit=limit)
        expected = list(tagged_pages(tag_ids, exclude_pk=pages[0].pk)[:limit])
        assert ids(fast) == ids(expected)
        assert [(p.kind, p.teaser_text, p.news_date, p.event_start) for p in fast] == [
            (kind, p.teaser_text, p.news_date, p.event_start)
            for kind, p in zip([f.kind for f in fast], expected, strict=True)
        ]
    assert len(related_pages(pages[0], tag_ids, limit=20)) == 6


def test_status_counts_count_only_public_profiles(site_tree):
    """The home page's map teaser counts running and completed areas as the public profile listing does."""
    from profiles.listings import status_counts

    municipality = site_tree["municipality"]
    completed = [
        factories.DistrictProfilePageFactory(
            parent=municipality, title=f"Abgeschlossen {n}", status="abgeschlossen", start_year=2000, end_year=2010
        )
        for n in range(4)
    ]
    running = [factories.DistrictProfilePageFactory(parent=municipality, title=f"Laufend {n}") for n in range(3)]
    completed[0].unpublish()
    completed[1].expire_at = timezone.now() - datetime.timedelta(hours=1)
    completed[1].save()
    PageViewRestriction.objects.create(page=running[0], restriction_type="login")

    # site_tree's own profile is running too.
    assert status_counts(None, site_tree["home"]) == {"laufend": 3, "abgeschlossen": 2, "alle": 5}
