"""Load model instances by primary key with the SQL compiled once per process.

Routing loads the page it serves with `model.objects.select_related(...).get(pk=...)` on every page
view, and the chooser blocks of a district profile load their contact persons and documents with
`in_bulk()`. For a profile (page table, profile table, two images and the municipality) building and
compiling the query cost 0.6 ms of CPU, running it 0.1 ms; for two contact persons 0.5 ms. These
statements differ only in the ids, so each is compiled once per model, related fields, number of ids
and database connection; rows become instances the way Django's ModelIterable makes them (same
converters, same related populators; without __init__ where home.row_instances finds that safe: for
the twenty hits of a search that took 0.9 ms), so the result is what the ORM returns
(tests/test_site_compiled_loads.py compares them). On PostgreSQL they are also prepared on the server
once per session (home.prepared_statements): planning the five-table join cost more than running it.
"""

import copy
import threading

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models.query import get_related_populators

from .prepared_statements import Statement
from .row_instances import InstanceMaker

# Stand in for the ids while compiling; replaced by the real ids in the parameters.
_MARKER = 2_000_000_017
# Longer id lists go through the ORM: a statement per length is kept, and these are rare.
MAX_COMPILED_IDS = 50


class _Prepared:
    def __init__(self, model, related, using, count):
        markers = [_MARKER + offset for offset in range(count or 1)]
        # select_related() without names would follow every non-null foreign key. Unordered, as get()
        # asks and as a dict by id needs (Wagtail's page manager would sort by path).
        manager = (model.objects.select_related(*related) if related else model.objects.all()).order_by()
        queryset = manager.filter(pk=markers[0]) if count is None else manager.filter(pk__in=markers)
        compiler = queryset.query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        self.statement = Statement(sql)
        self.params = list(params)
        self.positions = [self.params.index(marker) for marker in markers]
        self.compiler = compiler
        klass_info, select = compiler.klass_info, compiler.select
        self.converters = compiler.get_converters([column[0] for column in select[: compiler.col_count]])
        fields = klass_info["select_fields"]
        self.start, self.end = fields[0], fields[-1] + 1
        self.init_list = [column[0].target.attname for column in select[self.start : self.end]]
        self.related_populators = get_related_populators(klass_info, select, using)
        self.model = klass_info["model"]
        self.maker = InstanceMaker(self.model)
        self.using = using

    def run(self, connection, ids):
        params = list(self.params)
        for position, value in zip(self.positions, ids, strict=True):
            params[position] = value
        with connection.cursor() as cursor:
            self.statement.execute(cursor, params)
            rows = cursor.fetchall()
        if self.converters:
            rows = self.compiler.apply_converters(rows, self.converters)
        instances = []
        for row in rows:
            instance = self.maker.make(self.init_list, row[self.start : self.end], self.using)
            for populator in self.related_populators:
                populator.populate(row, instance)
            instances.append(instance)
        return instances


_prepared = {}
_lock = threading.Lock()


def _statement(model, related, using, count):
    # Keyed on the connection object as well: Django gives each thread its own, and a compiler
    # keeps the one it was made with.
    connection = connections[using]
    key = (model, related, count, using, id(connection))
    prepared = _prepared.get(key)
    if prepared is None:
        with _lock:
            prepared = _prepared.setdefault(key, _Prepared(model, related, using, count))
    return prepared, connection


def load_specific(model, pk, related=(), using=DEFAULT_DB_ALIAS):
    """`model.objects.select_related(*related).get(pk=pk)`, compiled once; raises model.DoesNotExist."""
    prepared, connection = _statement(model, tuple(related), using, None)
    instances = prepared.run(connection, [model._meta.pk.get_prep_value(pk)])
    if not instances:
        raise model.DoesNotExist(f"{model._meta.object_name} matching query does not exist.")
    return instances[0]


def load_in_bulk(model, ids, related=(), using=DEFAULT_DB_ALIAS):
    """`model.objects.select_related(*related).in_bulk(ids)` ({pk: instance}), compiled once per number of ids."""
    prepare = model._meta.pk.get_prep_value
    # As the ORM does: None never matches, and each id is asked for once.
    distinct = list(dict.fromkeys(prepare(value) for value in ids if value is not None))
    if not distinct:
        return {}
    if len(distinct) > MAX_COMPILED_IDS:
        manager = model.objects.select_related(*related) if related else model.objects
        return manager.in_bulk(distinct)
    prepared, connection = _statement(model, tuple(related), using, len(distinct))
    return {instance.pk: instance for instance in prepared.run(connection, distinct)}


def chooser_values(model, values, related=()):
    """What Wagtail's ChooserBlock.bulk_to_python returns (instances in the order of `values`, None kept,
    a copy for a repeated id), with the statement compiled once (home.blocks.DocumentBlock,
    profiles.blocks.ContactPersonBlock)."""
    # An empty value ("" from an import, say) stands for no choice, as None does.
    objects = load_in_bulk(model, [value for value in values if value], related)
    result, seen = [], set()
    for value in values:
        instance = objects.get(value) if value else None
        if instance is not None and value in seen:
            instance = copy.copy(instance)
        result.append(instance)
        seen.add(value)
    return result
