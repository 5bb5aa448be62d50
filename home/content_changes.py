"""The changes visitors could see, which retire what is cached from the content: the whole
pages kept for anonymous visitors (home/page_cache.py) and the site structure every page reads
(home/site_structure.py). One receiver per kind of event, for the models each app declares
with `watch()` in its AppConfig.ready().

A page or a catalogue entry (drafts, revisions, moderation) counts when it goes live, is saved
whole, goes offline, moves or is deleted: creating a draft, saving a revision, locking it or
starting a workflow leaves what visitors see unchanged, and so leaves the caches alone. Any
other watched model (settings, images, view restrictions, the directory's taxonomy...) counts
on every save or deletion, except for the figures Wagtail records about an image or a
document's file and the default settings Wagtail creates on first read.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import DraftStateMixin
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from home import page_cache, site_structure

# Saves that touch only these columns change nothing a visitor sees: a draft revision, a lock,
# a comment, the size and hash Wagtail notes about a file the first time it reads it.
BOOKKEEPING_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "wagtail_admin_comments",
    "locked",
    "locked_at",
    "locked_by",
    "file_size",
    "file_hash",
}

_watched = []


def watch(*models):
    """Retire what is cached whenever a row of one of these models changes.

    A model's subclasses are watched with it (every page type, every site setting).
    """
    _watched.extend(models)


def is_watched(instance):
    return is_watched_model(type(instance))


def is_watched_model(model):
    return issubclass(model, tuple(_watched))


def changes_what_visitors_see(instance, update_fields, created=False):
    if update_fields is not None and set(update_fields) <= BOOKKEEPING_FIELDS:
        return False
    if not created:
        return True
    # Wagtail creates a site's settings with their defaults the first time a page reads them.
    if isinstance(instance, (BaseSiteSetting, BaseGenericSetting)):
        return False
    # A new draft, never published, is offline.
    return not isinstance(instance, DraftStateMixin) or instance.live


def content_changed(**kwargs):
    """The site structure is stale at once (the rest of this request reads the change); both
    it and the cached pages are replaced once the transaction commits: a page rendered in
    between from the old rows is stored under the old token and never served."""
    site_structure.new_version()
    connection = transaction.get_connection()
    pending = getattr(connection, "pending_content_change", None)
    if pending is not None and pending.is_still_due(connection):
        return
    connection.pending_content_change = PendingReplacement(connection.run_on_commit)
    transaction.on_commit(connection.pending_content_change)


class PendingReplacement:
    """The replacement scheduled for the transaction under way: once per transaction, however
    many rows it changes (a demo load saves hundreds).

    Django gives the connection a new list of on-commit callbacks when the transaction ends
    and when a savepoint is rolled back: while the list is the one it joined and it has not
    run, it is still due, and a second change needs no second replacement.
    """

    def __init__(self, queue):
        self.queue = queue
        self.done = False

    def is_still_due(self, connection):
        in_the_same_transaction = connection.run_on_commit is self.queue
        return connection.in_atomic_block and in_the_same_transaction and not self.done

    def __call__(self):
        self.done = True
        site_structure.new_version()
        page_cache.new_generation()


def on_save(sender, instance, created=False, update_fields=None, **kwargs):
    if is_watched(instance) and changes_what_visitors_see(instance, update_fields, created):
        content_changed()


def on_many_to_many(sender, instance, action, **kwargs):
    changed = action.startswith("post_") and is_watched(instance)
    if changed and changes_what_visitors_see(instance, None):
        content_changed()


def on_delete(sender, instance, **kwargs):
    if is_watched(instance):
        content_changed()


def connect():
    post_save.connect(on_save, dispatch_uid="content_changes_save")
    post_delete.connect(on_delete, dispatch_uid="content_changes_delete")
    m2m_changed.connect(on_many_to_many, dispatch_uid="content_changes_many_to_many")
    # Going offline and moving change a page without saving it live; publishing saves it live,
    # and `published` comes once its many-to-many relations are written too.
    for signal in (page_published, published, page_unpublished, unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"content_changes_{id(signal)}")
