"""The editorial roles: groups, their Wagtail permissions, collections and the review workflow.

Every function here is idempotent: it creates what is missing and leaves existing objects alone, so
`setup_editorial` can run on every deploy and after every demo-content load.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from home.models import ContactPerson

from .models import MunicipalityAccess

EDITORS_GROUP = "Redaktion"
REVIEWERS_GROUP = "Freigabe"
MUNICIPALITY_GROUP_PREFIX = "Kommune "
WORKFLOW_NAME = "Redaktionelle Freigabe"
REVIEW_TASK_NAME = "Freigabe durch die Geschäftsstelle"
MUNICIPALITIES_COLLECTION = "Kommunen"
SHARED_COLLECTION = "Gemeinsame Medien"

# Page permission types (Wagtail's PAGE_PERMISSION_TYPES) per role, granted on a page and its subtree.
EDITOR_PAGE_PERMISSIONS = ["add", "change", "lock"]
REVIEWER_PAGE_PERMISSIONS = ["add", "change", "lock", "unlock", "publish", "bulk_delete"]
MUNICIPALITY_PAGE_PERMISSIONS = ["add", "change", "lock"]

# Collection permissions for images and documents.
MEDIA_EDIT = ["add", "change", "choose"]
MEDIA_FULL = ["add", "change", "choose", "delete"]
MEDIA_CHOOSE = ["choose"]

CONTACT_EDIT = ["add", "change"]
CONTACT_FULL = ["add", "change", "delete", "publish", "lock", "unlock"]


def _model_permission(model, action):
    content_type = ContentType.objects.get_for_model(model)
    return Permission.objects.get(content_type=content_type, codename=f"{action}_{model._meta.model_name}")


def _admin_access():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def _grant_pages(group, page, actions):
    for action in actions:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=_model_permission(Page, action))


def _grant_media(group, collection, actions):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    for model in (get_image_model(), get_document_model()):
        for action in actions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_model_permission(model, action)
            )


def _grant_model(group, model, actions):
    group.permissions.add(*[_model_permission(model, action) for action in actions])


def _child_collection(parent, name):
    existing = parent.get_children().filter(name=name).first()
    return existing or parent.add_child(name=name)


def municipalities_collection():
    return _child_collection(Collection.get_first_root_node(), MUNICIPALITIES_COLLECTION)


def shared_collection():
    return _child_collection(Collection.get_first_root_node(), SHARED_COLLECTION)


def municipality_group_name(municipality):
    return f"{MUNICIPALITY_GROUP_PREFIX}{municipality.title}"


def _free_group_name(name, current_group=None):
    """Group names are unique; two municipalities with the same title get their page id appended."""
    taken = Group.objects.filter(name=name)
    if current_group is not None:
        taken = taken.exclude(pk=current_group.pk)
    return name if not taken.exists() else None


@transaction.atomic
def ensure_core_groups():
    """Create `Redaktion` and `Freigabe` with rights on the whole tree and all media."""
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    editors, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS_GROUP)
    for group, page_actions, media_actions, contact_actions in (
        (editors, EDITOR_PAGE_PERMISSIONS, MEDIA_EDIT, CONTACT_EDIT),
        (reviewers, REVIEWER_PAGE_PERMISSIONS, MEDIA_FULL, CONTACT_FULL),
    ):
        group.permissions.add(_admin_access())
        _grant_pages(group, root_page, page_actions)
        _grant_media(group, root_collection, media_actions)
        _grant_model(group, ContactPerson, contact_actions)
    shared_collection()
    return editors, reviewers


@transaction.atomic
def ensure_municipality_access(municipality):
    """Create (or rename) the group and collection of one municipality and grant their rights."""
    access = MunicipalityAccess.objects.select_related("group", "collection").filter(municipality=municipality).first()
    title = municipality.title
    wanted_name = municipality_group_name(municipality)
    if access is None:
        name = _free_group_name(wanted_name) or f"{wanted_name} ({municipality.pk})"
        group, _ = Group.objects.get_or_create(name=name)
        collection = _child_collection(municipalities_collection(), title)
        access = MunicipalityAccess.objects.create(municipality=municipality, group=group, collection=collection)
    else:
        group, collection = access.group, access.collection
        if group.name != wanted_name:
            group.name = _free_group_name(wanted_name, group) or f"{wanted_name} ({municipality.pk})"
            group.save(update_fields=["name"])
        if collection.name != title:
            collection.name = title
            collection.save(update_fields=["name"])

    group.permissions.add(_admin_access())
    _grant_pages(group, municipality, MUNICIPALITY_PAGE_PERMISSIONS)
    _grant_media(group, collection, MEDIA_EDIT)
    _grant_media(group, shared_collection(), MEDIA_CHOOSE)
    _grant_model(group, ContactPerson, CONTACT_EDIT)
    return access


@transaction.atomic
def ensure_workflow():
    """One group approval task for `Freigabe`, on the whole page tree and on contact persons."""
    _, reviewers = ensure_core_groups()
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK_NAME)
    task.groups.add(reviewers)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=Page.get_first_root_node(), defaults={"workflow": workflow})
    WorkflowContentType.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(ContactPerson), defaults={"workflow": workflow}
    )
    return workflow


def setup_all():
    """Everything `setup_editorial` does, in order; returns the municipality accesses."""
    from profiles.models import MunicipalityPage

    ensure_core_groups()
    ensure_workflow()
    return [ensure_municipality_access(page) for page in MunicipalityPage.objects.order_by("path")]
