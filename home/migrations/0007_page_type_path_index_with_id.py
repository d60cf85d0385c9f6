from django.db import migrations

from home.page_indexes import replace_postgresql_index

# The teaser listings and the municipality counts join the page table with the model's table by id;
# with the id in the index PostgreSQL answers their page conditions from the index alone.
OLD = (
    "CREATE INDEX IF NOT EXISTS home_page_content_type_path_cov_idx "
    "ON wagtailcore_page (content_type_id, path) INCLUDE (live, depth, expire_at)"
)
NEW = (
    "CREATE INDEX IF NOT EXISTS home_page_type_path_id_idx "
    "ON wagtailcore_page (content_type_id, path) INCLUDE (id, live, depth, expire_at)"
)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_page_content_type_path_covering_index"),
    ]

    operations = [replace_postgresql_index("home_page_content_type_path_cov_idx", OLD, "home_page_type_path_id_idx", NEW)]
