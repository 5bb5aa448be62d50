"""What the public API may say about a webinar's related pages: only live, public ones."""

from rest_framework import serializers


class LivePagesField(serializers.Field):
    """Pages chosen on a webinar (its related guides), as id and title; drafts left out.

    The chooser accepts unpublished guides; the API must not reveal their titles.
    """

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, pages):
        return [
            {"id": page.pk, "title": page.title} for page in pages.live().public().order_by("title")
        ]
