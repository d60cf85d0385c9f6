"""Model instances from plain rows, built as Model.from_db builds them but without __init__ where that is safe.

Constructing a page through Django's, modelcluster's and Wagtail's __init__ costs about 24 µs; for a
row loaded from the database those methods do nothing but set its field values (Wagtail fills in a
content type, modelcluster child relations and show_in_menus only for new or keyword-built objects),
so where the __init__ chain and the init receivers are known, the instance is made with __new__ and
its values set directly (1.5 µs). Anything unknown goes through from_db. Used by the API listing's
hand-written SQL (config/api_rows.py) and the routing query (home/routing.py); tests/test_api_rows.py
and tests/test_site_routing_rows.py compare the instances with the ORM's.
"""

from functools import cache

from django.db import connection, models
from django.db.models import signals
from django.db.models.base import ModelState
from django.db.models.expressions import Col


def _quote(name):
    return connection.ops.quote_name(name)


def column_converters(columns):
    """What SQLCompiler.get_converters applies to each selected (field, table alias) column, the backend's
    converters first, then the field's: [(position, [converter, ...], expression)] for those that have any
    (SQLite returns dates and times as text; PostgreSQL needs none for most columns)."""
    found = []
    for position, (field, alias) in enumerate(columns):
        expression = Col(alias, field)
        functions = connection.ops.get_db_converters(expression) + field.get_db_converters(connection)
        if functions:
            found.append((position, functions, expression))
    return found


def converted(values, converters):
    """A row's values as field values, through column_converters()."""
    values = list(values)
    for position, functions, expression in converters:
        for function in functions:
            values[position] = function(values[position], expression, connection)
    return values


# __init__ methods that do nothing more for a row loaded from the database than set its field values (Wagtail
# fills in a content type, modelcluster child relations and show_in_menus only for new or keyword-built
# objects), with the attributes that the others set on every instance.
_KNOWN_INITS = {
    ("django.db.models.base", "Model.__init__"): {},
    ("modelcluster.models", "ClusterableModel.__init__"): {},
    ("wagtail.models.pages", "AbstractPage.__init__"): {},
    ("wagtail.models.pages", "ShowInMenusMixin.__init__"): {},
    ("wagtail.images.models", "AbstractImage.__init__"): {"decorative": False, "contextual_alt_text": None},
}


@cache
def init_extras(model):
    """The attributes `model`'s __init__ chain sets beyond field values, or None if it may do anything else."""
    extras = {}
    for cls in model.__mro__:
        init = cls.__dict__.get("__init__")
        if init is None or cls is object:
            continue
        known = _KNOWN_INITS.get((getattr(init, "__module__", None), getattr(init, "__qualname__", None)))
        if known is None:
            return None
        extras.update(known)
    return extras


def _dimension_fields(model):
    """ImageFields of `model` whose post_init receiver (filling missing width/height) a built instance must run."""
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.ImageField) and (field.width_field or field.height_field)
    ]


def _only_dimension_receivers(model):
    """Whether `model`'s init receivers are just its ImageFields' update_dimension_fields (as for Wagtail's images)."""
    if signals.pre_init.has_listeners(model):
        return False
    expected = {(id(field), "update_dimension_fields") for field in _dimension_fields(model)}
    found = set()
    for receivers in signals.post_init._live_receivers(model):
        for receiver in receivers:
            owner = getattr(receiver, "__self__", None)
            found.add((id(owner), getattr(receiver, "__name__", None)))
    return found <= expected


class InstanceMaker:
    """Makes instances of `model` from field values as from_db does, without __init__ where that is safe."""

    def __init__(self, model):
        self.model = model
        self.dimension_fields = _dimension_fields(model)
        # Built without __init__ only if that does what __init__ and the init receivers would do; else from_db.
        self.extras = init_extras(model) if _only_dimension_receivers(model) else None

    def make(self, attnames, values, db):
        if self.extras is None:
            return self.model.from_db(db, attnames, values)
        instance = self.model.__new__(self.model)
        instance.__dict__.update(zip(attnames, values, strict=True))
        state = instance._state = ModelState()
        state.adding = False
        state.db = db
        if self.extras:
            instance.__dict__.update(self.extras)
        for field in self.dimension_fields:
            # What its post_init receiver does: nothing while the dimensions are filled in (as loaded images have them).
            if (field.width_field and not instance.__dict__.get(field.width_field)) or (
                field.height_field and not instance.__dict__.get(field.height_field)
            ):
                field.update_dimension_fields(instance)
        return instance


class Reader:
    """Columns (field, table alias) with the ORM's converters; builds instances without running __init__."""

    def __init__(self, model, columns):
        self.model = model
        self.maker = InstanceMaker(model)
        self.attnames = [field.attname for field, _alias in columns]
        self.columns = [f"{alias}.{_quote(field.column)}" for field, alias in columns]
        self.converters = column_converters(columns)

    def build(self, values, db):
        if self.converters:
            values = converted(values, self.converters)
        return self.maker.make(self.attnames, values, db)
