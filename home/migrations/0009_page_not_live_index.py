from django.db import migrations

from home.page_indexes import page_index_operation

# The search counts each page type's matches as all of its index entries' matches less those of the
# pages a visitor may not find (search.results.hidden_pages_sql); the unpublished ones among them are
# read from this index, which holds only them (usually none or a few), instead of from every page row.
# PostgreSQL only, as that search is.
INDEXES = {
    "home_page_not_live_idx": {
        "postgresql": "(id) WHERE NOT live",
    },
}


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0008_page_path_covering_index"),
    ]

    operations = [page_index_operation(INDEXES)]
