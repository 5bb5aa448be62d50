"""What the public API may say about catalogue entries: published ones only."""

from rest_framework import serializers


class LiveEntriesField(serializers.Field):
    """A relation to catalogue entries, listed as Wagtail's API lists related objects.

    Drafts are left out: an entry nobody has published yet must not show even by its id.
    """

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, entries):
        return [
            {"id": entry.pk, "meta": {"type": f"{entry._meta.app_label}.{type(entry).__name__}"}}
            for entry in entries.filter(live=True)
        ]
