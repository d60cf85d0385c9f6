"""Index the words of Wagtail's search index bodies that carry the high weights A and B (PostgreSQL only).

search/ranked.py finds the first pages of a one-word search without scoring every match: a match whose
title lacks the word and whose body has it only with the low weights C and D cannot score above a small
bound, and every other match is found through an index: Wagtail's own on the title vector, and this one
on the body's A and B positions. The site's body fields carry no boost, so this index is nearly empty
and costs little to keep; without it the search stays correct but the fast path scans the table.
Nothing the table holds changes.
"""

from django.db import migrations

INDEX_NAME = "sitesearch_indexentry_body_ab_gin"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # The expression must stay exactly the one search/ranked.py matches against.
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON wagtailsearch_indexentry USING gin ((ts_filter(body, '{{a,b}}')))"
    )
    schema_editor.execute("ANALYZE wagtailsearch_indexentry")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("sitesearch", "0002_indexentry_title_in_row")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
