from django.db import migrations

from home.page_indexes import replace_postgresql_index

# Counting the pages of one type below a page (news index paging, API `total_count`) reads only
# wagtailcore_page; with live, depth and expire_at in the index PostgreSQL answers from the index
# alone (0.9 ms instead of 2.3 ms for 4,900 news). SQLite has no INCLUDE and keeps 0005's index.
OLD = "CREATE INDEX IF NOT EXISTS home_page_content_type_path_idx ON wagtailcore_page (content_type_id, path)"
NEW = (
    "CREATE INDEX IF NOT EXISTS home_page_content_type_path_cov_idx "
    "ON wagtailcore_page (content_type_id, path) INCLUDE (live, depth, expire_at)"
)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_page_content_type_path_index"),
    ]

    operations = [
        replace_postgresql_index("home_page_content_type_path_idx", OLD, "home_page_content_type_path_cov_idx", NEW)
    ]
