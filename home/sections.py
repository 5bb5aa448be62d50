"""The index page of a section (the catalogue, the directory...), as other pages link to it."""

from home.site_structure import cached


def section_index(model):
    """The first live, public page of the index type `model`, or None, from the cached
    structure: pages of other sections link to it on every request."""
    return cached(
        f"section-index:{model._meta.label_lower}",
        lambda: model.objects.live().public().defer_streamfields().first(),
    )
