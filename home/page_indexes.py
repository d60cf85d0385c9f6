"""Indexes this project adds to Wagtail's page table, as reversible migration operations.

Wagtail owns `wagtailcore_page`, so the indexes public routing and listings need are created with SQL
from home's migrations (0004, 0005), with the column list per database vendor.
"""

from django.db import migrations


def page_index_operation(indexes):
    """A RunPython creating {name: {vendor or "default": "(columns)"}} on wagtailcore_page, dropping them on
    reverse; an index without a "default" exists only on the vendors it names."""

    def create(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for name, columns in indexes.items():
            definition = columns.get(vendor, columns.get("default"))
            if definition is not None:
                schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page {definition}")

    def drop(apps, schema_editor):
        for name in indexes:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")

    return migrations.RunPython(create, drop)


def replace_postgresql_index(old_name, old_sql, new_name, new_sql):
    """A RunPython replacing the index `old_name` by `new_name` (each with its CREATE statement) on
    PostgreSQL, and back on reverse; other databases keep what they have."""

    def swap(schema_editor, create, drop):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(create)
            schema_editor.execute(f"DROP INDEX IF EXISTS {drop}")

    return migrations.RunPython(
        lambda apps, schema_editor: swap(schema_editor, new_sql, old_name),
        lambda apps, schema_editor: swap(schema_editor, old_sql, new_name),
    )
