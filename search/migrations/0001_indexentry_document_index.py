"""Physical tuning of Wagtail's search index table for the site search (PostgreSQL only).

The database backend matches `title || body` against the query. Without an index on that expression
every search reads and concatenates every row, and the body vectors live out of line in TOAST, so
ranking fetches each one separately. The GIN index answers "which rows match" from the index alone
(no recheck for plain word queries), and STORAGE MAIN keeps the body vector inside the row (the plain
body text, which the site never reads, is moved out instead). Neither changes what the table holds.
"""

from django.db import migrations

INDEX_NAME = "sitesearch_indexentry_document_gin"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON wagtailsearch_indexentry USING gin ((title || body))"
    )
    schema_editor.execute("ALTER TABLE wagtailsearch_indexentry ALTER COLUMN body SET STORAGE MAIN")
    # Existing rows keep their out-of-line vectors until rewritten; concatenating an empty vector makes a
    # new, identical value, which the new storage rule then places inside the row.
    schema_editor.execute("UPDATE wagtailsearch_indexentry SET body = body || ''::tsvector")
    # Frees the old row versions (the update doubled the table) without locking out searches; this is
    # why the migration is not atomic (VACUUM cannot run inside a transaction).
    schema_editor.execute("VACUUM ANALYZE wagtailsearch_indexentry")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER TABLE wagtailsearch_indexentry ALTER COLUMN body SET STORAGE EXTENDED")
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
