"""Teaser listings of one page type as one hand-written query.

The home page, the news index and the event index each list a few live, public pages of one type
with the handful of columns a teaser shows. Building such a query through the ORM (live, below a
page, not expired, not private, only these columns, ordered) and compiling it cost 0.9 ms of CPU,
four times what running it does; written out here it costs 0.2 ms. The conditions are the same as
`public_only(Model.objects.live().descendant_of(root))` (tests compare both), and the result is
model instances as the ORM gives them, with the other columns deferred, or rows of a small class for
teasers (newsroom.teasers), whose instances cost more than the query.
"""

import functools

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from wagtail.models import Page, get_page_models

from .listings import restricted_paths
from .row_instances import column_converters, converted


def public_page_conditions():
    """SQL conditions on the page table `p` (live, not expired, not in a private section) and their params:
    what `public_only(... .live())` asks of a page, for the hand-written queries here and in home.topics."""
    conditions = ["p.live", "(p.expire_at IS NULL OR p.expire_at > %s)"]
    params = [connection.ops.adapt_datetimefield_value(timezone.now())]
    for path in restricted_paths():
        conditions.append("p.path NOT LIKE %s")
        params.append(path + "%")
    return conditions, params


def content_type_ids(model):
    """Content type ids of `model` and its page subclasses, as `Page.objects.type(model)` selects them.

    ContentType's manager caches them, so after the first call this costs no query.
    """
    models = [candidate for candidate in get_page_models() if issubclass(candidate, model)]
    return sorted(content_type.pk for content_type in ContentType.objects.get_for_models(*models).values())


@functools.cache  # the same few dozen per process; building them cost a tenth of a listing's query
def _column(model, name):
    """`p.<column>` for a field of Page, `m.<column>` for one of the model's own table; "pk" is the primary key."""
    field = model._meta.pk if name == "pk" else model._meta.get_field(name)
    table = "p" if field.model is Page else "m"
    return f"{table}.{connection.ops.quote_name(field.column)}"


@functools.cache
def _columns(model):
    return {field.name: _column(model, field.name) for field in model._meta.concrete_fields}


class TeaserListing:
    """Live, public pages of `model` below `root`, each with only `fields`, in the order of `order_by`.

    `order_by` lists field names ("-" for descending, "pk" for the primary key). `where` is an extra SQL
    condition in which `{field}` stands for that field's column, with its `params`. `count` is the number
    of pages, when the caller knows it (paging needs it). Slicing runs the query with LIMIT/OFFSET, so the
    object can stand in for a queryset in Paginator. It gives model instances, or with `row` that class
    called with the values of `fields` and the primary key (cheaper than instances, for teasers).
    """

    def __init__(self, model, root, fields=(), order_by=(), *, where="", params=(), count=None, row=None):
        self.model = model
        self.total = count
        self.row = row
        self.selected_names = tuple(dict.fromkeys([*fields, "pk"]))
        selected = ", ".join(_column(model, name) for name in self.selected_names)
        public, public_params = public_page_conditions()
        # The type condition is implied by the join, but with it PostgreSQL reads the pages from the
        # (content_type_id, path) covering index of home migration 0007 instead of scanning the page table.
        types = content_type_ids(model)
        type_condition = f"p.content_type_id IN ({', '.join(['%s'] * len(types))})"
        page_conditions = [type_condition, "p.path LIKE %s", "p.depth > %s", *public]
        page_values = [*types, root.path + "%", root.depth, *public_params]
        model_conditions, model_values = [], []
        if where:
            model_conditions.append(f"({where.format(**_columns(model))})")
            model_values.extend(params)
        ordering = ", ".join(
            f"{_column(model, name.lstrip('-'))} {'DESC' if name.startswith('-') else 'ASC'}" for name in order_by
        )
        self.pk_column = connection.ops.quote_name(model._meta.pk.column)
        self.page_conditions = " AND ".join(page_conditions)
        self.model_conditions = model_conditions
        conditions = " AND ".join([*page_conditions, *model_conditions])
        tables = f"FROM {Page._meta.db_table} p JOIN {model._meta.db_table} m ON m.{self.pk_column} = p.id"
        self.sql = f"SELECT {selected} {tables} WHERE {conditions} ORDER BY {ordering}" if order_by else None
        self.params = [*page_values, *model_values]

    def column(self, name):
        return _column(self.model, name)

    def grouped_sql(self, select, group_by, *, select_params=(), pages_first=False):
        """`SELECT select ... GROUP BY group_by` over the whole listing (p: the page table, m: the model's
        table) and its params, to be run as it is or used as a subquery.

        With `pages_first` the pages are read first, from the covering index, behind OFFSET 0 (only p.id
        and p.expire_at, both in that index, are there then): for the counts per status PostgreSQL
        otherwise merged them with the profiles in id order and read the whole page table by primary key
        (2.4 ms on the benchmark database; hashing them: 1.2 ms). Used as a subquery it can cost more:
        with the fence the planner knows the number of groups and joined the municipalities' titles by
        reading the whole page table (1.7 -> 2.6 ms).
        """
        if pages_first and connection.vendor == "postgresql":  # SQLite would want a LIMIT before OFFSET
            pages = f"(SELECT p.id, p.expire_at FROM {Page._meta.db_table} p WHERE {self.page_conditions} OFFSET 0) p"
            conditions = self.model_conditions
        else:
            pages = f"{Page._meta.db_table} p"
            conditions = [self.page_conditions, *self.model_conditions]
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        sql = (
            f"SELECT {select} FROM {pages} JOIN {self.model._meta.db_table} m ON m.{self.pk_column} = p.id"
            f"{where} GROUP BY {group_by}"
        )
        # The page conditions' params come first either way.
        return sql, [*select_params, *self.params]

    def grouped(self, select, group_by, *, select_params=(), pages_first=False):
        """Rows of grouped_sql()."""
        sql, params = self.grouped_sql(select, group_by, select_params=select_params, pages_first=pages_first)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def count_by(self, name):
        """[(value, number of pages)] of the field `name` over the whole listing, in one grouped query."""
        column = _column(self.model, name)
        return self.grouped(f"{column}, COUNT(*)", column, pages_first=True)

    def count(self):
        if self.total is None:
            raise TypeError("count= is needed for paging a TeaserListing")
        return self.total

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step is not None or index.stop is None:
            raise TypeError("a TeaserListing is read in slices with an end")
        start = int(index.start or 0)
        limit = max(int(index.stop) - start, 0)
        sql = f"{self.sql} LIMIT {limit} OFFSET {start}"
        if self.row is None:
            return list(self.model.objects.raw(sql, self.params))
        with connection.cursor() as cursor:
            cursor.execute(sql, self.params)
            rows = cursor.fetchall()
        converters = _converters(self.model, self.selected_names)
        if converters:
            rows = [converted(values, converters) for values in rows]
        return [self.row(*values) for values in rows]


@functools.cache
def _converters(model, names):
    """The ORM's converters of the selected columns (home.row_instances), per model and column list."""
    fields = [model._meta.pk if name == "pk" else model._meta.get_field(name) for name in names]
    return column_converters([(field, field.model._meta.db_table) for field in fields])
