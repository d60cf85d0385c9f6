"""Keep the search index in step with publishing.

Wagtail indexes a page in its post_save handler, but modelcluster saves a page's tags only after
the page row, so the entry written on publish would carry the old tags. Indexing again once
publishing is complete fixes that. Drafts never reach the index: saving a revision writes only
bookkeeping columns of the page row, and the indexer reads the row, not the draft.

Also forgets the shared set of queries with editors' picks (results.promoted_query_strings) when a
pick changes.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search import index
from wagtail.signals import page_published

from profiles.models import MunicipalityPage

from .results import forget_promoted_query_strings


def reindex_published_page(sender, instance, **kwargs):
    index.insert_or_update_object(instance)
    # District profiles are found by their municipality's name: a renamed municipality renames them.
    if isinstance(instance, MunicipalityPage):
        for profile in instance.district_profiles.all():
            index.insert_or_update_object(profile)


def promotions_changed(sender, **kwargs):
    # Now for this process, and again after commit, so no request can cache the old set in between.
    forget_promoted_query_strings()
    transaction.on_commit(forget_promoted_query_strings)


def register_signal_handlers():
    page_published.connect(reindex_published_page, dispatch_uid="sitesearch_reindex_published_page")
    # Only picks matter: a new query record has none, and deleting one deletes its picks one by one.
    for signal in (post_save, post_delete):
        signal.connect(promotions_changed, sender=SearchPromotion, dispatch_uid=f"sitesearch_promotions_{id(signal)}")
