"""What the public API may say about a page a guide links to: only a live, public one."""

from rest_framework import serializers


class LivePageField(serializers.Field):
    """A page chosen on a guide, as id, title and type; null while it is a draft or private.

    The chooser accepts any page of the right type, published or not; the API must not
    reveal the title of a page visitors cannot see.
    """

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, page):
        if page is None or not page.live or page.get_view_restrictions().exists():
            return None
        return {"id": page.pk, "title": page.title}
