"""What an anonymous API client may see of objects that are referenced from public content.

A public page can point at things that are not public themselves: a draft or private page in a
page chooser, an image or document in a private collection, an unpublished contact person. The
API representations ask these helpers before they expose anything. The restriction lists are
computed once per request (a fixed number of queries, however many items a listing holds).
"""

import copy

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

_COLLECTIONS_ATTR = "_api_restricted_collection_ids"
_PAGE_PATHS_ATTR = "_api_restricted_page_paths"


def _request_from(context):
    return context.get("request") if context else None


def anonymous(request):
    """The request as an anonymous visitor would make it: no user, no passed passwords.

    The public API answers every client alike (and caches alike), so a logged-in editor or a visitor
    who entered a page password gets no more from it than anyone else.
    """
    if request is None:
        return None
    request = getattr(request, "_request", request)  # unwrap DRF's Request
    if getattr(request, "_api_anonymous", False):
        return request
    anonymous_request = copy.copy(request)
    anonymous_request.user = AnonymousUser()
    anonymous_request.session = {}
    anonymous_request._api_anonymous = True
    return anonymous_request


def restricted_collection_ids(request):
    """IDs of collections (with their descendants) the request may not see; cached on the request."""
    if request is None:
        return None
    if not hasattr(request, _COLLECTIONS_ATTR):
        setattr(request, _COLLECTIONS_ATTR, _restricted_collection_ids(anonymous(request)))
    return getattr(request, _COLLECTIONS_ATTR)


def _restricted_collection_ids(request):
    """wagtail.api.v2.utils.get_restricted_collection_ids, the same queries, with the restrictions read by plain SQL.

    Usually there are none, and building the ORM query for them cost more than running it.
    """
    from django.db import connection
    from django.db.models import Q
    from wagtail.models import Collection, CollectionViewRestriction  # needs the app registry

    meta = CollectionViewRestriction._meta
    fields = meta.concrete_fields
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(quote(field.column) for field in fields)} FROM {quote(meta.db_table)}")
        rows = cursor.fetchall()
    if not rows:
        return set()
    names = [field.attname for field in fields]
    restricted_root_collection_ids = {
        restriction.collection_id
        for restriction in (CollectionViewRestriction.from_db(connection.alias, names, row) for row in rows)
        if not restriction.accept_request(request)
    }
    if not restricted_root_collection_ids:
        return set()
    paths = Collection.objects.filter(id__in=restricted_root_collection_ids).values_list("path", flat=True)
    restricted = Q()
    for path in paths:
        restricted |= Q(path__startswith=path)
    return set(Collection.objects.filter(restricted).values_list("id", flat=True))


def restricted_page_paths(request):
    """Tree paths of pages whose view restriction the request does not pass; cached on the request."""
    if request is None:
        return None
    if not hasattr(request, _PAGE_PATHS_ATTR):
        from wagtail.models import PageViewRestriction  # blocks.py imports this module before models are ready

        paths = [
            restriction.page.path
            for restriction in PageViewRestriction.objects.select_related("page")
            if not restriction.accept_request(anonymous(request))
        ]
        setattr(request, _PAGE_PATHS_ATTR, tuple(paths))
    return getattr(request, _PAGE_PATHS_ATTR)


def is_public_media(obj, context):
    """An image or document may be shown unless it sits in a restricted collection (or there is no request)."""
    if obj is None:
        return False
    restricted = restricted_collection_ids(_request_from(context))
    if restricted is None:
        # Without a request we cannot tell who is asking: only show media from unrestricted collections.
        from wagtail.models import CollectionViewRestriction

        return not CollectionViewRestriction.objects.filter(
            collection__path__in=_ancestor_paths(obj.collection.path)
        ).exists()
    return obj.collection_id not in restricted


def is_public_page(page, context):
    """A referenced page is shown only when it is live, not expired and outside every view restriction."""
    if page is None or not page.live:
        return False
    if page.expire_at and page.expire_at <= timezone.now():
        return False
    paths = restricted_page_paths(_request_from(context))
    if paths is None:
        from wagtail.models import PageViewRestriction

        return not PageViewRestriction.objects.filter(page__path__in=_ancestor_paths(page.path)).exists()
    return not page.path.startswith(paths)


def _ancestor_paths(path, steplen=4):
    return [path[:length] for length in range(steplen, len(path) + 1, steplen)]
