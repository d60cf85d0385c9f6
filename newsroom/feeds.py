"""RSS 2.0 feed of the published news, served by NewsIndexPage at `feed/` (optionally `?tag=<slug>`)."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape
from taggit.models import Tag

from .listings import news_queryset

FEED_LENGTH = 20


class NewsFeed(Feed):
    """One instance per request: Django's Feed is a callable view, the page and tag come from the route."""

    feed_type = Rss201rev2Feed
    language = "de"

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        slug = request.GET.get("tag", "").strip()
        if not slug:
            return None
        tag = Tag.objects.filter(slug=slug).first()
        if tag is None:
            raise Http404("Unbekanntes Handlungsfeld.")
        return tag

    def title(self, tag):
        title = f"{self.index_page.title} – {settings.WAGTAIL_SITE_NAME}"
        return f"{title}: {tag.name}" if tag else title

    def link(self, tag):
        return self.index_page.get_full_url(self.request)

    def description(self, tag):
        return escape(
            self.index_page.search_description
            or self.index_page.teaser
            or f"Meldungen aus dem {settings.WAGTAIL_SITE_NAME}"
        )

    def items(self, tag):
        # The news index's own query (live, public, not expired, newest first), so feed and page agree.
        news = news_queryset(self.index_page)
        if tag is not None:
            news = news.filter(tags=tag)
        return news.prefetch_related("tags")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # RSS readers render <description> as HTML; the teaser is plain text, so it is escaped to stay text.
        return escape(item.teaser or item.search_description)

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        # The editor sets a date, not a time; midnight in the site's time zone keeps the calendar day right.
        return datetime.datetime.combine(item.date, datetime.time.min, tzinfo=ZoneInfo(settings.TIME_ZONE))

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]
