"""The pages of a one-type API listing, read with hand-written SQL (issue 7).

An unfiltered listing of one page type (`/api/v2/pages/?type=profiles.DistrictProfilePage&fields=*`)
spent more CPU building and compiling its ORM queries (ordering by path makes Django hash every
selected column) and constructing model instances than PostgreSQL spent running them. Here the
same rows are read with SQL written once per model:

- the count and the pages use the conditions of PublicPagesAPIViewSet._public_pages(model).type(model):
  live, not expired at the request's moment, inside the site's root (or a translation of it) and
  outside every anonymous view restriction; pages in path order, as Wagtail lists them;
- each page comes with its locale and the pages its listing shows (with_related_data: `municipality`),
  the StreamFields deferred, the images it shows with their renditions in the API's specs;
- values pass through the converters the ORM would apply, and instances are built as Model.from_db
  builds them, without running __init__ per row where the __init__ methods and init receivers are
  known to do nothing else for a loaded row (home/row_instances.py, shared with the routing query):
  24 -> 1.5 µs a page.

tests/test_api_rows.py compares the instances with the ORM's, and the listing tests the bytes.
"""

from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, models
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, get_page_models

from home import prepared_statements as prepared
from home.blocks import RENDITION_SPECS
from home.row_instances import Reader

# Page foreign keys whose targets a listing shows (as with_related_data selects them).
LINKED_PAGE_FIELDS = ("municipality",)


def _quote(name):
    return connection.ops.quote_name(name)


@cache
def page_subclass_only(model):
    """Whether `model` is a page type whose table joins the page table directly and that the fast path can build."""
    if model is Page or not issubclass(model, Page) or model._meta.get_parent_list() != [Page]:
        return False
    if any(candidate is not model and issubclass(candidate, model) for candidate in get_page_models()):
        return False  # the ORM would return rows of subclasses too; keep those with Wagtail's way
    return True


def _page_columns(model, page_alias, own_alias):
    """Page's columns, then the model's own (StreamFields deferred, as the listing's defer_streamfields())."""
    own = [field for field in model._meta.local_concrete_fields if not isinstance(field, StreamField)]
    return [(field, page_alias) for field in Page._meta.concrete_fields] + [(field, own_alias) for field in own]


@cache
def _linked_page_fields(model):
    result = []
    for name in LINKED_PAGE_FIELDS:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, models.ForeignKey) and page_subclass_only(field.related_model):
            result.append(field)
    return tuple(result)


@cache
def image_fields(model):
    image_model = get_image_model()
    return tuple(
        field
        for field in model._meta.get_fields()
        if isinstance(field, models.ForeignKey)
        and not field.name.endswith("_ptr")
        and issubclass(field.related_model, image_model)
    )


class _PageQuery:
    """SELECT list and joins for a listing of `model`, built once per model."""

    def __init__(self, model):
        page_pk = _quote(Page._meta.pk.column)
        self.page = Reader(model, _page_columns(model, "p", "m"))
        self.locale = Reader(Locale, [(field, "l") for field in Locale._meta.concrete_fields])
        joins = [
            f"JOIN {_quote(model._meta.db_table)} m ON m.{_quote(model._meta.pk.column)} = p.{page_pk}",
            f"JOIN {_quote(Locale._meta.db_table)} l "
            f"ON l.{_quote(Locale._meta.pk.column)} = p.{_quote(Page._meta.get_field('locale').column)}",
        ]
        self.linked = []
        for number, field in enumerate(_linked_page_fields(model)):
            target = field.related_model
            page_alias, own_alias = f"lp{number}", f"lm{number}"
            target_pk = _quote(target._meta.pk.column)
            joins.append(
                f"LEFT JOIN {_quote(target._meta.db_table)} {own_alias} "
                f"ON {own_alias}.{target_pk} = m.{_quote(field.column)}"
            )
            joins.append(
                f"LEFT JOIN {_quote(Page._meta.db_table)} {page_alias} "
                f"ON {page_alias}.{page_pk} = {own_alias}.{target_pk}"
            )
            self.linked.append((field, Reader(target, _page_columns(target, page_alias, own_alias))))
        self.readers = [self.page, self.locale] + [reader for _field, reader in self.linked]
        self.select = ", ".join(column for reader in self.readers for column in reader.columns)
        self.joins = " ".join(joins)

    def build(self, row, db):
        start = len(self.page.columns)
        page = self.page.build(row[:start], db)
        cache = page._state.fields_cache
        end = start + len(self.locale.columns)
        cache["locale"] = self.locale.build(row[start:end], db)
        for field, reader in self.linked:
            start, end = end, end + len(reader.columns)
            # As select_related: None when the key is empty or points at no row of the target type.
            cache[field.name] = None if row[start] is None else reader.build(row[start:end], db)
        return page


@cache
def _page_query(model):
    return _PageQuery(model)


def _like_prefix(path):
    return connection.ops.prep_for_like_query(path) + "%"


def live_conditions(roots, restrictions):
    """WHERE conditions on the page table `p` and their params: the live pages inside one of `roots` and
    outside every one of `restrictions` (both (path, depth) pairs), expired ones included."""
    conditions, params, inside = ["p.live"], [], []
    for path, depth in roots:
        inside.append("(p.path LIKE %s AND p.depth >= %s)")
        params += [_like_prefix(path), depth]
    conditions.append(f"({' OR '.join(inside)})" if inside else "1 = 0")
    for path, depth in restrictions:
        conditions.append("NOT (p.path LIKE %s AND p.depth >= %s)")
        params += [_like_prefix(path), depth]
    return conditions, params


def public_conditions(roots, restrictions, now, model):
    """WHERE conditions on the page table `p` and their params: what _public_pages(model).type(model) selects."""
    conditions, params = live_conditions(roots, restrictions)
    types = sorted(ct.pk for ct in ContentType.objects.get_for_models(model).values())
    conditions += [
        f"p.content_type_id IN ({', '.join(['%s'] * len(types))})",
        "(p.expire_at IS NULL OR p.expire_at > %s)",
    ]
    params += [*types, connection.ops.adapt_datetimefield_value(now)]
    return " AND ".join(conditions), params


class PublicPageRows:
    """The public pages of one type, as Wagtail's paginator uses a queryset: count() it, then slice it."""

    def __init__(self, model, roots, restrictions, now, db="default"):
        self.model = model
        self.db = db
        self.where, self.params = public_conditions(roots, restrictions, now, model)

    def count(self):
        # Every condition is on the page table: counted without the model's table (index-only in PostgreSQL).
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {_quote(Page._meta.db_table)} p WHERE {self.where}", self.params)
            return cursor.fetchone()[0]

    def __getitem__(self, window):
        start = int(window.start or 0)
        limit = max(int(window.stop) - start, 0)
        if not limit:
            return []
        query = _page_query(self.model)
        page_table, page_pk, path = _quote(Page._meta.db_table), _quote(Page._meta.pk.column), _quote("path")
        # The window is chosen on the page table alone, as count() counts: PostgreSQL then walks the
        # (content_type_id, path) index in path order and stops after it. With the joins in the same
        # statement it misjudged how many pages match (27 for 524 of 10,000) and joined and sorted all of
        # them (the statement ran 7.5 ms; now 0.5).
        sql = (
            f"SELECT {query.select} FROM ("
            f"SELECT p.{page_pk} FROM {page_table} p WHERE {self.where} "
            f"ORDER BY p.{path} ASC LIMIT %s OFFSET %s"
            f") AS window_ids JOIN {page_table} p ON p.{page_pk} = window_ids.{page_pk} "
            f"{query.joins} ORDER BY p.{path} ASC"
        )
        with connection.cursor() as cursor:
            # Prepared: planning the joins took three times as long as running them (1.4 against 0.5 ms).
            prepared.execute(cursor, sql, [*self.params, limit, start])
            rows = cursor.fetchall()
        pages = [query.build(row, self.db) for row in rows]
        attach_images(pages, self.model, self.db)
        return pages


@cache
def _image_readers():
    image_model = get_image_model()
    rendition_model = image_model.get_rendition_model()
    return (
        Reader(image_model, [(field, "i") for field in image_model._meta.concrete_fields]),
        Reader(rendition_model, [(field, "r") for field in rendition_model._meta.concrete_fields]),
    )


def attach_images(pages, model, db):
    """The images of `pages` with their renditions in the API's specs, as with_related_data prefetches them.

    One query: each image's renditions in the specs (LEFT JOIN), set as `prefetched_renditions`, which
    Image.get_renditions reads as it reads Wagtail's prefetch_renditions().
    """
    fields = image_fields(model)
    if not fields:
        return
    ids = {page.__dict__[field.attname] for page in pages for field in fields} - {None}
    images = _images(ids, db) if ids else {}
    for page in pages:
        page._prefetched_objects_cache = {}  # as prefetch_related_objects leaves it
        cache = page._state.fields_cache
        for field in fields:
            cache[field.name] = images.get(page.__dict__[field.attname])


def _images(ids, db):
    image_reader, rendition_reader = _image_readers()
    rendition_model = rendition_reader.model
    specs = list(RENDITION_SPECS.values())
    image_pk = _quote(image_reader.model._meta.pk.column)
    image_fk = _quote(rendition_model._meta.get_field("image").column)
    sql = (
        f"SELECT {', '.join(image_reader.columns + rendition_reader.columns)} "
        f"FROM {_quote(image_reader.model._meta.db_table)} i "
        f"LEFT JOIN {_quote(rendition_model._meta.db_table)} r ON r.{image_fk} = i.{image_pk} "
        f"AND r.{_quote('filter_spec')} IN ({', '.join(['%s'] * len(specs))}) "
        f"WHERE i.{image_pk} IN ({', '.join(['%s'] * len(ids))})"
    )
    width = len(image_reader.columns)
    images = {}
    with connection.cursor() as cursor:
        prepared.execute(cursor, sql, [*specs, *sorted(ids)])
        rows = cursor.fetchall()
    for row in rows:
        image_values, rendition_values = row[:width], row[width:]
        image = images.get(image_values[0])
        if image is None:
            image = images[image_values[0]] = image_reader.build(image_values, db)
            image._prefetched_objects_cache = {}
            image.prefetched_renditions = []
        if rendition_values[0] is not None:
            rendition = rendition_reader.build(rendition_values, db)
            rendition._state.fields_cache["image"] = image
            image.prefetched_renditions.append(rendition)
    return images
