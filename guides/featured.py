"""What the home page shows of the guides: the chosen ones, and their why-change arguments."""

from django.utils.text import slugify

from guides.models import GuideKind, GuidePage


def featured_guides(stream):
    """The live, public guides chosen in a `featured_guides` stream, in the editor's order."""
    guides = [block.value for block in stream if block.value is not None]
    visible = set(
        GuidePage.objects.filter(pk__in=[guide.pk for guide in guides])
        .live()
        .public()
        .values_list("pk", flat=True)
    )
    return [guide for guide in guides if guide.pk in visible]


def why_change_arguments(guides):
    """Each argument block of the chosen argumentaires, with the guide it links to."""
    return [
        {"guide": guide, "argument": block.value, "anchor": slugify(block.value["title"])}
        for guide in guides
        if guide.kind == GuideKind.ARGUMENT
        for block in guide.body
        if block.block_type == "argument"
    ]
