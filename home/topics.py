"""Pages that share topic tags, across news, events and district profiles, in one query.

Each tagged page type has its own through table (see `home.models.TopicTag`), all pointing at
taggit's `Tag`. Querying the base `Page` with the three joins ORed together finds every tagged
page at once, instead of one query per type and one `.specific` fetch per result.
"""

from django.db.models import F, Q
from django.db.models.functions import Coalesce
from wagtail.models import Page

from .listings import public_only

# Reverse one-to-one names from Page to the tagged page types, and how the site calls them.
TAGGED_TYPES = [
    ("newspage", "Meldung", "Meldungen"),
    ("eventpage", "Veranstaltung", "Veranstaltungen"),
    ("districtprofilepage", "Stadtteilprofil", "Stadtteilprofile"),
]


def tagged_pages(tag_ids, exclude_pk=None, home=None):
    """Live, public pages carrying any of `tag_ids`, newest first, as base pages with annotations.

    Annotations: `kind` is added in Python (`Meldung`, ...), `teaser_text`, `news_date`, `event_start`.
    """
    condition = Q()
    for relation, _label, _plural in TAGGED_TYPES:
        condition |= Q(**{f"{relation}__tagged_items__tag_id__in": tag_ids})
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
        .distinct()
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
    """Up to `limit` other pages sharing a tag with `page` (news, events or profiles)."""
    if not tag_ids:
        return []
    return with_kind(tagged_pages(tag_ids, exclude_pk=page.pk)[:limit])


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
