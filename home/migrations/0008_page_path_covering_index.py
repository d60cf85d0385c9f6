from django.db import migrations

from home.page_indexes import page_index_operation

# The search counts its matches per page type among the searchable pages (live, on the site: a path
# prefix, outside private sections), which covers most of the page table. With seq scans disabled
# for that statement (search/ranked.py) PostgreSQL read them through the primary key, visiting every
# row (3 ms on the benchmark database); from this index alone it takes 1.5 ms. PostgreSQL only
# (INCLUDE); the LIKE prefix needs varchar_pattern_ops in any collation.
INDEXES = {
    "home_page_path_cov_idx": {
        "postgresql": "(path varchar_pattern_ops) INCLUDE (id, content_type_id, live, depth)",
    },
}


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_page_type_path_index_with_id"),
    ]

    operations = [page_index_operation(INDEXES)]
