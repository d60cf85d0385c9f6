from wagtail.models import PagePermissionTester


class LeafAwarePagePermissionTester(PagePermissionTester):
    """Answers `can_delete` for leaf pages from the page row itself.

    Wagtail asks the database whether any page in the subtree is live, once per row of the page
    explorer, for every editor without publish rights. A leaf's subtree is the page itself, so
    the answer is already loaded; the rules are Wagtail's own, restricted to that case.
    """

    def can_delete(self, ignore_bulk=False):
        if self.page.numchild or self.page_is_root or not self.user.is_active or self.user.is_superuser:
            return super().can_delete(ignore_bulk)
        may_publish = "publish" in self.permissions
        if "change" in self.permissions:
            return may_publish or not self.page.live
        if "add" in self.permissions:
            return self.page.owner_id == self.user.pk and (may_publish or not self.page.live)
        return False
