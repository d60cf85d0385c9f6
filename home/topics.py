"""Pages that share topic tags, across news, events and district profiles, in one query.

Each tagged page type has its own through table (see `home.models.TopicTag`), all pointing at
taggit's `Tag`. Querying the base `Page` for ids in any of the three through tables finds every
tagged page at once, instead of one query per type and one `.specific` fetch per result. (Joining
the three through tables instead multiplied the rows and needed a DISTINCT over all of them:
16 ms per news page with 10,000 pages, against well under 1 ms for the id subqueries.)
"""

import datetime

from django.apps import apps
from django.db import connection
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Page

from .listing_sql import public_page_conditions
from .listings import public_only

# Reverse one-to-one names from Page to the tagged page types, and how the site calls them.
TAGGED_TYPES = [
    ("newspage", "Meldung", "Meldungen"),
    ("eventpage", "Veranstaltung", "Veranstaltungen"),
    ("districtprofilepage", "Stadtteilprofil", "Stadtteilprofile"),
]
THROUGH_MODELS = ["newsroom.NewsPageTag", "newsroom.EventPageTag", "profiles.DistrictProfileTag"]


def tagged_pages(tag_ids, exclude_pk=None, home=None):
    """Live, public pages carrying any of `tag_ids`, newest first, as base pages with annotations.

    Annotations: `kind` is added in Python (`Meldung`, ...), `teaser_text`, `news_date`, `event_start`.
    """
    condition = Q()
    for label in THROUGH_MODELS:
        through = apps.get_model(label)
        condition |= Q(pk__in=through.objects.filter(tag_id__in=tag_ids).values("content_object_id"))
    queryset = Page.objects.live().filter(condition)
    if home is not None:
        queryset = queryset.descendant_of(home)
    if exclude_pk is not None:
        queryset = queryset.exclude(pk=exclude_pk)
    queryset = (
        public_only(queryset)
        .annotate(
            teaser_text=Coalesce(*(F(f"{relation}__teaser") for relation, _l, _p in TAGGED_TYPES)),
            news_date=F("newspage__date"),
            event_start=F("eventpage__start"),
        )
        .only("id", "path", "depth", "url_path", "title", "content_type_id", "first_published_at")
        .order_by("-first_published_at", "pk")
    )
    return queryset


def _kind(page):
    for relation, label, plural in TAGGED_TYPES:
        if page.specific_class and page.specific_class._meta.model_name == relation:
            return label, plural
    return "Seite", "Seiten"


def with_kind(pages):
    """Attach `kind` (singular label) to each page; evaluates the queryset."""
    result = list(pages)
    for page in result:
        page.kind, page.kind_plural = _kind(page)
    return result


def related_pages(page, tag_ids, limit=3):
    """Up to `limit` other pages sharing a tag with `page` (news, events or profiles).

    The same pages in the same order as `tagged_pages(tag_ids, exclude_pk=page.pk)[:limit]` (a test compares
    them), written as SQL: building and compiling that queryset cost 1.5 ms of CPU on every news page.
    """
    if not tag_ids:
        return []
    quote = connection.ops.quote_name
    tag_marks = ", ".join(["%s"] * len(tag_ids))
    joins, teasers, tagged, tag_params = [], [], [], []
    for index, ((relation, _label, _plural), through_label) in enumerate(
        zip(TAGGED_TYPES, THROUGH_MODELS, strict=True)
    ):
        model = Page._meta.get_field(relation).related_model
        through = apps.get_model(through_label)
        joins.append(f"LEFT JOIN {model._meta.db_table} t{index} ON t{index}.{quote(model._meta.pk.column)} = p.id")
        teasers.append(f"t{index}.{quote(model._meta.get_field('teaser').column)}")
        tagged.append(
            f"p.id IN (SELECT {quote(through._meta.get_field('content_object').column)} "
            f"FROM {through._meta.db_table} WHERE {quote(through._meta.get_field('tag').column)} IN ({tag_marks}))"
        )
        tag_params.extend(tag_ids)
    public, public_params = public_page_conditions()
    conditions = ["p.id <> %s", f"({' OR '.join(tagged)})", *public]
    params = [page.pk, *tag_params, *public_params]
    # t0 is the news table, t1 the event table (TAGGED_TYPES order).
    sql = (
        "SELECT p.id, p.path, p.depth, p.url_path, p.title, p.content_type_id, p.first_published_at, "
        f"COALESCE({', '.join(teasers)}) AS teaser_text, t0.{quote('date')} AS news_date, "
        f"t1.{quote('start')} AS event_start "
        f"FROM {Page._meta.db_table} p {' '.join(joins)} WHERE {' AND '.join(conditions)} "
        f"ORDER BY p.first_published_at DESC, p.id ASC LIMIT {int(limit)}"
    )
    pages = with_kind(Page.objects.raw(sql, params))
    for related in pages:
        # Plain columns get no field conversion: SQLite hands back the stored UTC time without a zone.
        if related.event_start is not None and timezone.is_naive(related.event_start):
            related.event_start = timezone.make_aware(related.event_start, datetime.UTC)
    return pages


def grouped_by_kind(pages):
    """[(plural label, [pages])] in the fixed order news, events, profiles; empty groups left out."""
    groups = []
    for _relation, label, plural in TAGGED_TYPES:
        members = [page for page in pages if page.kind == label]
        if label == "Veranstaltung":
            members.sort(key=lambda page: page.event_start, reverse=True)
        elif label == "Meldung":
            members.sort(key=lambda page: page.news_date, reverse=True)
        else:
            members.sort(key=lambda page: page.title.lower())
        if members:
            groups.append((plural, members))
    return groups
