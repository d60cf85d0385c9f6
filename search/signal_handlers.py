"""Keep the search index in step with publishing.

Wagtail indexes a page in its post_save handler, but modelcluster saves a page's tags only after
the page row, so the entry written on publish would carry the old tags. Indexing again once
publishing is complete fixes that. Drafts never reach the index: saving a revision writes only
bookkeeping columns of the page row, and the indexer reads the row, not the draft.

A change to an editors' pick starts a new content generation like any content change
(home.page_cache.invalidate_for_content): popular searches are kept in the page cache with their
picks, and the set of queries with picks (results.promoted_query_strings) is kept per generation.
"""

from wagtail.search import index
from wagtail.signals import page_published

from profiles.models import MunicipalityPage


def reindex_published_page(sender, instance, **kwargs):
    index.insert_or_update_object(instance)
    # District profiles are found by their municipality's name: a renamed municipality renames them.
    if isinstance(instance, MunicipalityPage):
        for profile in instance.district_profiles.all():
            index.insert_or_update_object(profile)


def register_signal_handlers():
    page_published.connect(reindex_published_page, dispatch_uid="sitesearch_reindex_published_page")
