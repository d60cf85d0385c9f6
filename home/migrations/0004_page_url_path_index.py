from django.db import migrations

from home.page_indexes import page_index_operation

# Public routing (home/routing.py) fetches the pages on a URL and the home page's children in one
# query: by url_path, and by depth plus a path prefix. Wagtail's own table indexes neither, so every
# request scanned all pages (1.2 ms at 10,000 pages, growing with the tree; 0.04 ms with these).
# PostgreSQL needs varchar_pattern_ops for a LIKE prefix under a non-C collation.
INDEXES = {
    "home_page_url_path_idx": {"postgresql": "(url_path)", "default": "(url_path)"},
    "home_page_depth_path_idx": {"postgresql": "(depth, path varchar_pattern_ops)", "default": "(depth, path)"},
}


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_contactperson_workflow"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [page_index_operation(INDEXES)]
