"""The changes that retire every cached page (home/page_cache.py): one receiver per kind of
event, for the models each app declares with `watch()` in its AppConfig.ready().

A page or a catalogue entry (drafts, revisions, moderation) counts when it goes live, changes
while live, goes offline, moves or is deleted: saving a draft, locking it or starting a
workflow leaves what visitors see unchanged, and so leaves the cache alone. Any other watched
model (settings, images, view restrictions, the directory's taxonomy...) counts on every save
or deletion, except for the figures Wagtail records about an image or a document's file.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import DraftStateMixin
from wagtail.signals import page_unpublished, post_page_move, unpublished

from home.page_cache import invalidate

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
    """Retire the cached pages whenever a row of one of these models changes.

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
    # Wagtail creates a site's settings with their defaults the first time a page reads them.
    if created and isinstance(instance, (BaseSiteSetting, BaseGenericSetting)):
        return False
    # A draft that was never published, or an unpublished one edited: offline either way.
    # Going offline itself is the `unpublished` signal's business.
    return not isinstance(instance, DraftStateMixin) or instance.live


def on_save(sender, instance, created=False, update_fields=None, **kwargs):
    if is_watched(instance) and changes_what_visitors_see(instance, update_fields, created):
        invalidate()


def on_many_to_many(sender, instance, action, **kwargs):
    changed = action.startswith("post_") and is_watched(instance)
    if changed and changes_what_visitors_see(instance, None):
        invalidate()


def on_delete(sender, instance, **kwargs):
    if is_watched(instance):
        invalidate()


def on_page_event(sender, **kwargs):
    invalidate()


def connect():
    post_save.connect(on_save, dispatch_uid="page_cache_save")
    post_delete.connect(on_delete, dispatch_uid="page_cache_delete")
    m2m_changed.connect(on_many_to_many, dispatch_uid="page_cache_many_to_many")
    # Publishing saves the live row (post_save); these change it without saving it live.
    for signal in (page_unpublished, unpublished, post_page_move):
        signal.connect(on_page_event, dispatch_uid=f"page_cache_{id(signal)}")
