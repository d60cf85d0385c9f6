"""Keep the title vectors of Wagtail's search index inside the row too (PostgreSQL only).

Ranking reads every match's title vector. With the body vector kept in the row (0001), a row often
still exceeds PostgreSQL's TOAST threshold, and the toaster then moves the small title vector out of
line: for a word on most pages that was three index and TOAST lookups per match (9,100 instead of
3,300 buffer reads on the benchmark database, about 2.5 ms). Title vectors are short, so keeping
them in the row costs little space; the plain texts and the autocomplete vector still move out.
Nothing the table holds changes.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER TABLE wagtailsearch_indexentry ALTER COLUMN title SET STORAGE MAIN")
    # As in 0001: an identical new value, which the new storage rule places inside the row.
    schema_editor.execute("UPDATE wagtailsearch_indexentry SET title = title || ''::tsvector")
    schema_editor.execute("VACUUM ANALYZE wagtailsearch_indexentry")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER TABLE wagtailsearch_indexentry ALTER COLUMN title SET STORAGE EXTENDED")


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("sitesearch", "0001_indexentry_document_index")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
