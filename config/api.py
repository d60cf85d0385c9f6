"""The public read API (Wagtail API v2): one router with pages, images and documents.

Differences from Wagtail's stock endpoints, each for a reason:
- pages: only live, public pages that have not expired (Wagtail sets `live=False` on expiry only when
  `publish_scheduled` runs); extra filters `tags`, `status`, `date_from`, `date_to`, `upcoming`
  (see api_filters.py); `status` implies the profile type and the date filters the event type.
- listings never grow their query count with `limit`: locale, municipality, tags and image renditions
  are fetched in bulk, and StreamField and rich-text fields (whose references would cost queries per
  item) are served by the detail endpoint only.
- cost per request (issue 7): the public page queryset is built once per request, the anonymous view
  restrictions are shared per content generation, page URLs read the site root paths once per response,
  and tags come as plain tuples; a listing of one type reads its pages from the (content_type_id, path)
  index (home/migrations/0005); serializer classes are built once per field selection, detail URLs
  filled into one reversed pattern, and the indented JSON written by api_json.py; serializer fields are
  built once per class and language and copied; the detail reads the specific page together with the
  pages and images it links to and judges a parent loaded that way in Python; the total_count of an
  unfiltered one-type listing is counted on the page table alone (index-only scan, home/migrations/0006);
  the output is Wagtail's, byte for byte (tests/test_api_listing_representation.py, tests/test_api_json.py).
- an unfiltered listing of one page type (only type, fields, limit, offset, site, format) reads its count,
  pages, images and tags with hand-written SQL (config/api_rows.py) and builds no ORM queryset; plain
  columns are read from the loaded instances, html_url puts plain paths behind one reversed serve prefix,
  and rendition URLs are joined by hand (home/api_images.py): 13.9 -> 6.4 ms in-process (issue 7).
- images and documents: private collections are hidden (as in Wagtail), tags are fetched in bulk.
"""

import copy
import weakref
from collections import OrderedDict, defaultdict
from functools import cache, lru_cache

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, models
from django.db.models.query_utils import DeferredAttribute
from django.http import Http404
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from modelcluster.contrib.taggit import ClusterTaggableManager
from rest_framework.fields import Field, SkipField
from rest_framework.serializers import BaseSerializer
from wagtail.api.utils import get_base_url
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    LocaleFilter,
    OrderingFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import (
    DetailUrlField,
    PageHtmlUrlField,
    PageParentField,
    PageSerializer,
    get_serializer_class,
)
from wagtail.api.v2.utils import BadRequestError, page_models_from_string, parse_fields_parameter
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.api.validators import SiteFilterValidator
from wagtail.coreutils import WAGTAIL_APPEND_SLASH
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, PageViewRestriction

from home import prepared_statements as prepared
from home.api_visibility import anonymous, restricted_collection_ids
from home.blocks import RENDITION_SPECS
from home.compiled_loads import load_specific
from home.geo import PointField
from home.models import BasePage
from home.page_urls import PLAIN_SERVE_PATH, serve_prefix
from home.preview import preview_endpoint
from home.serializers import TAG_LISTS_ATTR, LocationSerializer
from home.shared_lookups import shared
from newsroom.models import EventPage
from profiles.models import DistrictProfilePage
from search.api_filters import SiteSearchFilter

from .api_filters import (
    CUSTOM_FILTER_PARAMETERS,
    EVENT_PARAMETERS,
    EventDateFilter,
    SafeFieldsFilter,
    StatusFilter,
    TagsFilter,
)
from .api_json import APIJSONRenderer
from .api_rows import PublicPageRows, page_subclass_only


def detail_only_field_names(model):
    """API fields holding StreamField or rich text: served by the detail endpoint only."""
    api_names = {field if isinstance(field, str) else field.name for field in getattr(model, "api_fields", ())}
    return [
        field.name
        for field in model._meta.get_fields()
        if isinstance(field, StreamField | RichTextField) and field.name in api_names
    ]


def with_related_data(queryset):
    """Fetch what the serializers of `queryset.model` touch in a fixed number of queries (tags: attach_tag_lists)."""
    model = queryset.model
    queryset = queryset.select_related("locale")
    image_model = get_image_model()
    for field in model._meta.get_fields():
        if isinstance(field, models.ForeignKey) and field.name != "locale" and not field.name.endswith("_ptr"):
            if issubclass(field.related_model, image_model):
                images = image_model.objects.prefetch_renditions(*RENDITION_SPECS.values())
                queryset = queryset.prefetch_related(models.Prefetch(field.name, queryset=images))
            elif issubclass(field.related_model, Page) and field.name in ("municipality",):
                queryset = queryset.select_related(field.name)
    return queryset


@cache
def linked_fields(model):
    """Foreign keys of `model` to images and pages that its API fields show: read with the page (select_related)."""
    api_names = {field if isinstance(field, str) else field.name for field in getattr(model, "api_fields", ())}
    image_model = get_image_model()
    return tuple(
        field.name
        for field in model._meta.get_fields()
        if isinstance(field, models.ForeignKey)
        and field.name in api_names
        and issubclass(field.related_model, (image_model, Page))
    )


def specific_with_links(base):
    """`base.specific` (the same object, attributes copied the same way), with linked_fields() in the same query."""
    model = base.specific_class
    if model is None or isinstance(base, model) or not linked_fields(model):
        return base.specific
    # Compiled once and prepared on the server (home.compiled_loads): building and planning the join
    # of the page with its images and municipality cost more than reading it.
    try:
        specific = load_specific(model, base.pk, linked_fields(model))
    except model.DoesNotExist:  # deleted meanwhile: Wagtail's own way raises or falls back as it does
        return base.specific
    for name, value in base.__dict__.items():
        specific.__dict__.setdefault(name, value)
    return specific


def tag_fields(model):
    return [field for field in model._meta.get_fields() if isinstance(field, ClusterTaggableManager)]


@cache
def _tag_sql(field):
    """(page id, tag id, name, slug) of the tags of a tag field, for the page ids in `{keys}` (written out: the ORM
    query cost more to build than to run)."""
    quote = connection.ops.quote_name
    through = field.through._meta
    owner, tag = through.get_field("content_object"), through.get_field("tag")
    tags = tag.related_model._meta
    return (
        f"SELECT t.{quote(owner.column)}, t.{quote(tag.column)}, g.{quote(tags.get_field('name').column)}, "
        f"g.{quote(tags.get_field('slug').column)} FROM {quote(through.db_table)} t "
        f"JOIN {quote(tags.db_table)} g ON g.{quote(tags.pk.column)} = t.{quote(tag.column)} "
        f"WHERE t.{quote(owner.column)} IN ({{keys}})"
    )


def attach_tag_lists(pages):
    """Give each listed page its tags as plain tuples: one query per tag field, no model instances.

    A prefetch would build a Tag instance per tag and a queryset per page, the larger part of a
    listing's serialization time; TagListSerializer reads these lists instead.
    """
    by_model = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    for model, items in by_model.items():
        for field in tag_fields(model):
            ids = [page.pk for page in items]
            loaded = defaultdict(dict)
            with connection.cursor() as cursor:
                prepared.execute(cursor, _tag_sql(field).format(keys=", ".join(["%s"] * len(ids))), ids)
                for page_id, tag_id, name, slug in cursor.fetchall():
                    loaded[page_id][tag_id] = (tag_id, name, slug)
            for page in items:
                page.__dict__.setdefault(TAG_LISTS_ATTR, {})[field.name] = list(loaded[page.pk].values())


def anonymous_view_restrictions(request):
    """(path, depth) of every page an anonymous visitor may not see, shared per content generation.

    Saving or deleting a view restriction and moving or deleting a page start a new generation
    (home.page_cache), so the list cannot outlive the restrictions it was read from.
    """

    def build():
        # Judged for an anonymous copy whatever the caller passes: the result is shared with every visitor.
        visitor = anonymous(request)
        restrictions = PageViewRestriction.objects.select_related("page")
        return tuple((r.page.path, r.page.depth) for r in restrictions if not r.accept_request(visitor))

    return shared(request, ("api-anonymous-view-restrictions",), build)


def public_roots(request):
    """The site's root page (and its translations) for `request`, or () if no site; Http404 for an unknown ?site=."""
    site = SiteFilterValidator(site=request.GET.get("site"), request=request).site_obj
    if not site:
        return ()
    roots = [site.root_page]
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        roots.extend(site.root_page.get_translations())
    return tuple((root.path, root.depth) for root in roots)


def public_pages_queryset(request, model=Page, with_roots=False):
    """Wagtail's get_public_pages_queryset for an anonymous request, without reading the restrictions each time.

    With a Page subclass as `model`, the same conditions apply to its pages' tree columns directly.
    `with_roots` also returns the (path, depth) of the roots whose subtrees the queryset is limited to.
    """
    queryset = model.objects.all().live()
    for path, depth in anonymous_view_restrictions(request):
        # Page.not_descendant_of(restricted page, inclusive=True)
        queryset = queryset.exclude(models.Q(path__startswith=path) & models.Q(depth__gte=depth))
    site = SiteFilterValidator(site=request.GET.get("site"), request=request).site_obj
    if not site:
        public, roots = queryset.none(), ()
    else:
        public = queryset.descendant_of(site.root_page, inclusive=True)
        roots = [site.root_page]
        if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            for translation in site.root_page.get_translations():
                public |= queryset.descendant_of(translation, inclusive=True)
                roots.append(translation)
        roots = tuple((root.path, root.depth) for root in roots)
    return (public, roots) if with_roots else public


class _RequestLookups:
    """Per-response memo for the URL fields; deliberately no HttpRequest (see PublicHtmlUrlField)."""

    def __init__(self, request):
        self.base_url = get_base_url(request)
        self.endpoints = {}
        self.serve_prefix = serve_prefix()


_UNKNOWN = object()


@cache
def _stock_page_urls(model):
    """Whether `model` builds its full URL with Wagtail's own methods (routing through wagtail_serve)."""
    return (
        all(getattr(model, name) in (getattr(Page, name), getattr(BasePage, name)) for name in _URL_METHODS)
        and WAGTAIL_APPEND_SLASH
        and not getattr(settings, "WAGTAIL_I18N_ENABLED", False)
    )


# (_get_site_root_paths may differ: it is called here as Wagtail calls it.)
_URL_METHODS = ("get_full_url", "get_url_parts", "_get_relevant_site_root_paths")


def _plain_full_url(page, lookups):
    """`page.get_full_url(lookups)` for a page of a stock model with a plain ASCII path; _UNKNOWN otherwise.

    Page.get_url_parts reverses the serve URL for each page; for such a path that is the prefix reversed
    once per response followed by the path.
    """
    if not _stock_page_urls(type(page)) or lookups.serve_prefix is None:
        return _UNKNOWN
    url_path = page.url_path
    for site_root in page._get_site_root_paths(lookups):  # the first site holding the page, as Wagtail picks it
        if url_path.startswith(site_root.root_path):
            relative = url_path[len(site_root.root_path) :]
            if not PLAIN_SERVE_PATH.fullmatch(relative):
                return _UNKNOWN
            return site_root.root_url + lookups.serve_prefix + relative
    return None


def _lookups(context):
    lookups = context.get("_public_api_lookups")
    if lookups is None:
        lookups = context["_public_api_lookups"] = _RequestLookups(context.get("request"))
    return lookups


class PublicHtmlUrlField(PageHtmlUrlField):
    """`page.full_url`, reading the site root paths once per response instead of from the cache per item.

    The memo object is passed where Wagtail takes a request only for caching: not being an HttpRequest,
    it does not switch Wagtail to preferring the request's site, so the URL is exactly `page.full_url`.
    A plain ASCII path is put behind the serve prefix reversed once per response (_plain_full_url).
    """

    def to_representation(self, page):
        lookups = _lookups(self.context)
        url = _plain_full_url(page, lookups)
        if url is not _UNKNOWN:
            return url
        try:
            return page.get_full_url(lookups)
        except NoReverseMatch:
            return None


# A primary key that no URL prefix contains, to find where the key goes in a reversed detail URL.
_PK_MARKER = 987654321


class PublicDetailUrlField(DetailUrlField):
    """Wagtail's detail URL, with the endpoint and the base URL looked up once per model and response.

    Wagtail reverses the URL for each item; the stock endpoints reverse `<namespace>:detail` with the
    key as the only argument, which only puts the key's digits into a fixed pattern, so the URL is
    reversed once per model with a marker key and then filled in.
    """

    def get_attribute(self, instance):
        lookups = _lookups(self.context)
        model = type(instance)
        if model not in lookups.endpoints:
            lookups.endpoints[model] = self._url_parts(model, lookups)
        parts = lookups.endpoints[model]
        if parts is None:
            raise SkipField
        if len(parts) == 2:
            return f"{parts[0]}{instance.pk}{parts[1]}"
        return self._url(parts[0], parts[1], model, instance.pk, lookups)

    def _url_parts(self, model, lookups):
        """(head, tail) around the key, or (namespace, endpoint) if the URL cannot be filled in; None if none."""
        router = self.context["router"]
        endpoint = router.get_model_endpoint(model)
        if not endpoint:
            return None
        namespace, view = f"{router.url_namespace}:{endpoint[0]}", endpoint[1]
        marker = str(_PK_MARKER)
        if view.get_object_detail_urlpath.__func__ is not BaseAPIViewSet.get_object_detail_urlpath.__func__:
            return namespace, view, None
        path = self._url(namespace, view, model, _PK_MARKER, lookups)
        if path is None or path.count(marker) != 1:
            return namespace, view, None
        head, tail = path.split(marker)
        return head, tail

    def _url(self, namespace, view, model, pk, lookups):
        path = view.get_object_detail_urlpath(model, pk, namespace=namespace)
        if not path:
            raise SkipField
        return path if path.startswith(("http://", "https://")) else (lookups.base_url or "") + path


class PublicParentField(PageParentField):
    """The parent page if the public may see it, in one query (Wagtail loads it, then asks if it is public).

    No query at all when the page came with its parent already loaded (a district profile's municipality,
    see PublicPagesAPIViewSet.get_object): the view judges it by the conditions of its public queryset.
    """

    def get_attribute(self, instance):
        if len(instance.path) <= instance.steplen:
            return None
        parent_path = instance.path[: -instance.steplen]
        view = self.context.get("view")
        judge = getattr(view, "publicly_visible", None)
        if judge is not None:
            for related in instance._state.fields_cache.values():
                if isinstance(related, Page) and related.path == parent_path:
                    visible = judge(related)
                    if visible is not None:
                        return related if visible else None
        return self.context["base_queryset"].filter(path=parent_path).first()

    def to_representation(self, value):
        # Wagtail's representation, from a serializer class made once per page model instead of per response.
        return _parent_serializer_class(type(value))(context=self.context).to_representation(value)


# Serializer class -> {language: fields as get_fields() builds them}; weak, as Wagtail makes classes on the fly.
_FIELD_PROTOTYPES = weakref.WeakKeyDictionary()


class PublicPageSerializer(PageSerializer):
    # Map points (home.geo.PointField) come out as numbers, {"lat": …, "lng": …}.
    serializer_field_mapping = {**PageSerializer.serializer_field_mapping, PointField: LocationSerializer}
    html_url = PublicHtmlUrlField(read_only=True)
    detail_url = PublicDetailUrlField(read_only=True)
    parent = PublicParentField(read_only=True)

    def get_fields(self):
        """A copy of this class's fields, built once per class and language.

        DRF builds every field anew for each serializer object (reading the model's field options and
        translating their labels), although they depend only on the class; copying is DRF's own way of
        handing out declared fields.
        """
        by_language = _FIELD_PROTOTYPES.setdefault(type(self), {})
        language = get_language()
        prototype = by_language.get(language)
        if prototype is None:
            prototype = by_language[language] = super().get_fields()
        return OrderedDict((name, _copy_field(field)) for name, field in prototype.items())

    def _field_split(self):
        # Wagtail sorts the fields into meta and core fields again for every item; the field set is fixed.
        split = self.__dict__.get("_public_field_split")
        if split is None:
            model = getattr(getattr(self, "Meta", None), "model", None)
            fields = [(field, _plain_attname(model, field)) for field in self.fields.values() if not field.write_only]
            meta_fields = [item for item in fields if item[0].field_name in self.meta_fields]
            core_fields = [item for item in fields if item[0].field_name not in self.meta_fields]
            has_id = any(field.field_name == "id" for field, _attname in core_fields)
            split = self.__dict__["_public_field_split"] = (model, meta_fields, core_fields, has_id)
        return split

    def to_representation(self, instance):
        """Wagtail's BaseSerializer.to_representation, with the fields sorted once per serializer.

        A plain column's value is read from the instance's __dict__ where it is loaded (what DRF's
        get_attribute returns for it, without its generic lookup).
        """
        model, meta_fields, core_fields, has_id = self._field_split()
        loaded = instance.__dict__ if type(instance) is model else _NOTHING_LOADED
        data = OrderedDict()
        if has_id:
            data["id"] = None  # keeps `id` first
        meta = OrderedDict()
        for field, attname in meta_fields:
            if attname in loaded:
                attribute = loaded[attname]
            else:
                try:
                    attribute = field.get_attribute(instance)
                except SkipField:
                    continue
            meta[field.field_name] = None if attribute is None else field.to_representation(attribute)
        if meta:
            data["meta"] = meta
        for field, attname in core_fields:
            if attname in loaded:
                attribute = loaded[attname]
            else:
                try:
                    if field.field_name == "admin_display_title":
                        instance = instance.specific_deferred
                    attribute = field.get_attribute(instance)
                except SkipField:
                    continue
            data[field.field_name] = None if attribute is None else field.to_representation(attribute)
        return data


_NOTHING_LOADED = {}


def _copy_field(field):
    """An unbound copy of a prototype field, ready for bind().

    DRF deep-copies fields by building them anew from their arguments (a SlugField compiles its validator's
    regex again: a third of a 20-item listing's serialization). A field without nested fields or serializers
    only gets its name, parent and source set by bind(), and reads the rest: a shallow copy does.
    """
    if isinstance(field, BaseSerializer) or hasattr(field, "child") or hasattr(field, "child_relation"):
        return copy.deepcopy(field)
    return copy.copy(field)


def _plain_attname(model, field):
    """The attname under which `model` instances hold what `field.get_attribute()` returns, or None.

    Only for DRF's own get_attribute on a plain concrete column (a DeferredAttribute: the loaded value as it is).
    """
    if model is None or type(field).get_attribute is not Field.get_attribute:
        return None
    if len(getattr(field, "source_attrs", ())) != 1 or field.field_name == "admin_display_title":
        return None
    name = field.source_attrs[0]
    try:
        model_field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    if model_field.is_relation or not model_field.concrete or model_field.attname != name:
        return None
    if type(getattr(model, name, None)) is not DeferredAttribute:
        return None
    return name


@cache  # one class per page model
def _parent_serializer_class(model):
    """What Wagtail's PageParentField serializes a parent with, on the public base (the same bytes, see its tests)."""
    fields, meta_fields = ["id", "type", "detail_url", "html_url", "title"], ["type", "detail_url", "html_url"]
    return get_serializer_class(model, fields, meta_fields=meta_fields, base=PublicPageSerializer)


# DRF's JSON renderer first (same bytes, written faster with Wagtail's indent), then whatever else Wagtail offers.
RENDERER_CLASSES = [APIJSONRenderer, *PagesAPIViewSet.renderer_classes[1:]]


class PublicPagesAPIViewSet(PagesAPIViewSet):
    renderer_classes = RENDERER_CLASSES
    base_serializer_class = PublicPageSerializer
    filter_backends = [
        SafeFieldsFilter,
        TagsFilter,
        StatusFilter,
        EventDateFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        LocaleFilter,
        SiteSearchFilter,  # must stay last: search results cannot be filtered further
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(CUSTOM_FILTER_PARAMETERS)

    def get_object(self):
        """Wagtail's object, with the specific page read together with the pages and images it links to.

        Wagtail reads the specific row alone (`base.specific`); its serializers then load each linked
        page or image with a query of its own.
        """
        base = BaseAPIViewSet.get_object(self)  # filtered, 404 and permission checks, cached per request
        if "specific" not in base.__dict__ and self.action == "detail_view":
            base.__dict__["specific"] = specific_with_links(base)
        return base.specific

    def listing_view(self, request):
        """Wagtail's listing; an unfiltered one of one page type reads its rows with SQL of config/api_rows.py.

        The same steps as BaseAPIViewSet.listing_view (parameter checks, pagination with its errors, serializer
        class per field selection, paginated response), without building the ORM querysets it would not run.
        """
        model = self._fast_listing_model()
        if model is None:
            return super().listing_view(request)
        pages = self.paginator.paginate_queryset(self._public_rows(model), request, view=self)
        attach_tag_lists(pages)
        serializer_class = self._get_serializer_class(
            request.wagtailapi_router, model, self._fields_config(), show_details=False
        )
        serializer = serializer_class(pages, many=True, context=self.get_serializer_context())
        return self.get_paginated_response(serializer.data)

    def _fast_listing_model(self):
        """The page type of a listing whose parameters only choose the type, window, fields and site; else None."""
        parameters = set(self.request.GET)
        if not parameters <= FAST_LISTING_PARAMETERS or "type" not in parameters:
            return None
        model = self.requested_model()
        if model is None or not page_subclass_only(model) or parameters & _db_field_names(type(self), model):
            return None
        return model

    def _public_rows(self, model):
        if not hasattr(self, "_anonymous_request"):
            self._anonymous_request = anonymous(self.request)
        try:
            roots = public_roots(self._anonymous_request)
        except Http404 as error:  # raised by Wagtail for an unknown ?site=
            raise BadRequestError("site not found") from error
        if getattr(self, "_now", None) is None:
            self._now = timezone.now()
        restrictions = anonymous_view_restrictions(self._anonymous_request)
        return PublicPageRows(model, roots, restrictions, self._now)

    def _fields_config(self):
        if "fields" not in self.request.GET:
            return []
        try:
            return parse_fields_parameter(self.request.GET["fields"])
        except ValueError as error:
            raise BadRequestError(f"fields error: {error}") from error

    def get_serializer_context(self):
        # The base queryset only serves a parent field (detail only): built when asked for.
        context = BaseAPIViewSet.get_serializer_context(self)
        context["base_queryset"] = SimpleLazyObject(self.get_base_queryset)
        return context

    def publicly_visible(self, page):
        """Whether `page` is in the public page queryset (True/False), judged in Python; None if unknown.

        The same conditions as _public_pages() without search: live, not expired at the same moment,
        outside every anonymous view restriction and inside the site's root (or a translation of it).
        """
        conditions = getattr(self, "_public_conditions", None)
        if conditions is None or "search" in self.request.GET:
            return None
        now, roots, restrictions = conditions
        if not page.live or (page.expire_at is not None and page.expire_at <= now):
            return False
        path, depth = page.path, page.depth
        if any(path.startswith(r_path) and depth >= r_depth for r_path, r_depth in restrictions):
            return False
        return any(path.startswith(root_path) and depth >= root_depth for root_path, root_depth in roots)

    def get_base_queryset(self):
        # Wagtail asks for this three times per request (queryset, serializer class, serializer context);
        # each time would cost a view-restriction and a site query.
        if getattr(self, "_base_queryset", None) is None:
            self._base_queryset = self._public_pages()
        return self._base_queryset

    def _public_pages(self, model=Page):
        if not hasattr(self, "_anonymous_request"):
            # One copy per request, so that Wagtail's site lookup cached on it is reused.
            self._anonymous_request = anonymous(self.request)
        try:
            queryset, roots = public_pages_queryset(self._anonymous_request, model, with_roots=True)
        except Http404 as error:  # raised by Wagtail for an unknown ?site=
            raise BadRequestError("site not found") from error
        if getattr(self, "_now", None) is None:
            self._now = timezone.now()  # one moment per request: the count and the items agree on expiry
        now = self._now
        if model is Page:
            self._public_conditions = (now, roots, anonymous_view_restrictions(self._anonymous_request))
        if "search" in self.request.GET:
            # By id: the search backend can only filter on indexed fields (`id` is one, `expire_at` is not).
            return queryset.exclude(pk__in=Page.objects.filter(expire_at__lte=now).values("pk"))
        # Directly otherwise: the id subquery scans the whole page table (no index on `expire_at`).
        return queryset.filter(models.Q(expire_at__isnull=True) | models.Q(expire_at__gt=now))

    def implied_model(self):
        """`status` only makes sense for profiles and the date filters only for events: imply the type."""
        if "type" in self.request.GET:
            return None
        if "status" in self.request.GET:
            return DistrictProfilePage
        if any(name in self.request.GET for name in EVENT_PARAMETERS):
            return EventPage
        return None

    def get_queryset(self):
        # Wagtail calls this once more just to learn the model for the serializer class.
        if getattr(self, "_queryset", None) is None:
            self._queryset = self._build_queryset()
        return self._queryset.all()

    def requested_model(self):
        """The one page type asked for (`type`, or implied by the filters); None for several, Page or an error."""
        model = self.implied_model()
        if model is None and "type" in self.request.GET:
            try:
                models = page_models_from_string(self.request.GET["type"])
            except (LookupError, ValueError):
                return None  # Wagtail answers this with a 400
            model = models[0] if len(models) == 1 else None
        return None if model is Page else model

    def _build_queryset(self):
        model = self.requested_model()
        if model is not None and "search" not in self.request.GET:
            # Wagtail selects `model.objects.filter(pk__in=<public pages>)`: the same rows, but PostgreSQL
            # then walked the whole page tree in path order to find the first pages of the type. The type
            # condition is implied by the join on the model's table; with it the pages are read in path
            # order from the (content_type_id, path) index of home/migrations/0005.
            queryset = self._public_pages(model).type(model)
        elif model is not None:
            queryset = model.objects.filter(pk__in=self.get_base_queryset().values_list("pk", flat=True))
        else:
            queryset = super().get_queryset()
        if self.action == "listing_view":
            queryset = with_related_data(queryset)
            if hasattr(queryset, "defer_streamfields"):
                queryset = queryset.defer_streamfields()
        return queryset

    def paginate_queryset(self, queryset):
        total = self._type_count()
        if total is not None:
            queryset = _KnownCount(queryset, total)
        page = super().paginate_queryset(queryset)
        if page is not None and self.action == "listing_view":
            page = list(page)
            attach_tag_lists(page)
        return page

    def _type_count(self):
        """`total_count` of an unfiltered listing of one type, counted from the page table alone; None otherwise.

        Every condition of such a listing is on the page table (the type included: the join with the model's
        table only adds its columns), so the count needs no join and PostgreSQL reads it from the covering
        (content_type_id, path) index of home/migrations/0006 without touching a table (0.8 -> 0.3 ms at
        2,000 profiles). Any other parameter may filter on the model's own fields: then Wagtail's count.
        """
        if self.action != "listing_view" or not set(self.request.GET) <= COUNT_NEUTRAL_PARAMETERS:
            return None
        model = self.requested_model()
        if model is None:
            return None
        return self._public_pages(Page).type(model).count()

    @classmethod
    def _get_serializer_class(cls, router, model, fields_config, show_details=False, nested=False):
        # Wagtail builds the serializer class (and those of nested objects) anew for every request,
        # although it depends on nothing but these arguments.
        return _serializer_class(cls, router, model, _frozen_fields(fields_config), show_details, nested)

    @classmethod
    def _build_serializer_class(cls, router, model, fields_config, show_details, nested):
        if show_details:
            return super()._get_serializer_class(router, model, fields_config, show_details, nested)
        detail_only = detail_only_field_names(model)
        for name, negated, _sub_fields in fields_config:
            if name in detail_only and not negated:
                raise BadRequestError(f"'{name}' is only available from the detail endpoint (/api/v2/pages/<id>/)")
        return super(PublicPagesAPIViewSet, _listing_endpoint(cls, tuple(detail_only)))._get_serializer_class(
            router, model, fields_config, show_details, nested
        )

    def get_serializer_class(self):
        # Validate ?fields= before Wagtail does, so that a syntax error is a 400 on every code path.
        if "fields" in self.request.GET:
            try:
                parse_fields_parameter(self.request.GET["fields"])
            except ValueError as error:
                raise BadRequestError(f"fields error: {error}") from error
        return super().get_serializer_class()


# Parameters that do not change which pages a listing holds (only their order, fields and window).
COUNT_NEUTRAL_PARAMETERS = frozenset({"type", "fields", "limit", "offset", "order", "site", "format"})
# Parameters of a listing read by PublicPageRows: which type, fields and window, from which site (in path order).
FAST_LISTING_PARAMETERS = COUNT_NEUTRAL_PARAMETERS - {"order"}


@cache
def _db_field_names(endpoint, model):
    """Parameters that Wagtail's field filter would filter on for `model` (as FieldsFilter finds them)."""
    return frozenset(endpoint.get_available_fields(model, db_fields_only=True)) - {"locale"}


class _KnownCount:
    """A queryset whose count is already known, as Wagtail's paginator uses it (count it, then slice it)."""

    def __init__(self, queryset, count):
        self._queryset, self._count = queryset, count

    def count(self):
        return self._count

    def __getitem__(self, window):
        return self._queryset[window]


def _frozen_fields(fields_config):
    """parse_fields_parameter's list as nested tuples (Wagtail only iterates and slices it)."""
    return tuple((name, negated, _frozen_fields(sub) if sub else sub) for name, negated, sub in fields_config)


@lru_cache(maxsize=256)  # bounded: clients choose `fields`
def _serializer_class(endpoint, router, model, fields_config, show_details, nested):
    return endpoint._build_serializer_class(router, model, fields_config, show_details, nested)


@cache
def _listing_endpoint(endpoint, detail_only):
    """A subclass of `endpoint` that treats `detail_only` as detail-only fields (cached per model's field set)."""
    return type(endpoint.__name__, (endpoint,), {"detail_only_fields": [*endpoint.detail_only_fields, *detail_only]})


class TagNamesField(Field):
    """Wagtail's tag list (names, alphabetical), read from the prefetched tags instead of a query per item."""

    def to_representation(self, manager):
        return sorted(tag.name for tag in manager.all())


class TagPrefetchingImageSerializer(ImageSerializer):
    tags = TagNamesField(read_only=True)


class TagPrefetchingDocumentSerializer(DocumentSerializer):
    tags = TagNamesField(read_only=True)


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    renderer_classes = RENDERER_CLASSES
    base_serializer_class = TagPrefetchingImageSerializer
    filter_backends = [SafeFieldsFilter, OrderingFilter, SiteSearchFilter]

    def get_queryset(self):
        # Collections restricted for anyone, not just for this client (see home.api_visibility.anonymous).
        hidden = restricted_collection_ids(self.request)
        return self.model.objects.exclude(collection__in=hidden).order_by("id").prefetch_related("tags")


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    renderer_classes = RENDERER_CLASSES
    base_serializer_class = TagPrefetchingDocumentSerializer
    filter_backends = [SafeFieldsFilter, OrderingFilter, SiteSearchFilter]

    def get_queryset(self):
        # Collections restricted for anyone, not just for this client (see home.api_visibility.anonymous).
        hidden = restricted_collection_ids(self.request)
        return self.model.objects.exclude(collection__in=hidden).order_by("id").prefetch_related("tags")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
api_router.register_endpoint("page_preview", preview_endpoint(PublicPagesAPIViewSet))
