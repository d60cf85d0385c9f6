"""`?search=` for the public API with the rules of the site search.

Wagtail's own SearchFilter hands the raw parameter to the backend, where a NUL character
(PostgreSQL) or an unbalanced quote (SQLite FTS5) ends in a 500. This filter cleans the query exactly
like /suche/ does (words only, capped length and number of terms) and searches the same backend.
Use it in place of `wagtail.api.v2.filters.SearchFilter` in an endpoint's `filter_backends`.
"""

from django.conf import settings
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from .query import clean_query

OPERATORS = ("and", "or")


class SiteSearchFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if not getattr(settings, "WAGTAILAPI_SEARCH_ENABLED", True):
            raise BadRequestError("search is disabled")
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError("filtering by tag with a search query is not supported")
        operator = request.GET.get("search_operator") or None
        if operator is not None and operator not in OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")

        query = clean_query(request.GET["search"])
        if not query:
            return queryset.none()
        try:
            return get_search_backend().search(
                query, queryset, operator=operator, order_by_relevance="order" not in request.GET
            )
        except FilterFieldError as error:
            raise BadRequestError(f"cannot filter by '{error.field_name}' while searching (not indexed)") from error
        except OrderByFieldError as error:
            raise BadRequestError(f"cannot order by '{error.field_name}' while searching (not indexed)") from error
