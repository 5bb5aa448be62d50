"""Testimonies of associations like the visitor's: what the diagnostic shows beside a plan."""

from django.db.models import Case, Count, IntegerField, Value, When

from guides.models import GuideKind, GuidePage, recently_reviewed_first

__all__ = ["similar_testimonies"]


def similar_testimonies(service_ids, audience=None, limit=3):
    """Live public testimonies that left at least one of `service_ids`, best first.

    Best means: more of those tools left, then an association of the same size as
    `audience` (a `guides.models.Audience` value; none or « toutes » prefers no size), then
    the most recently reviewed, then the title. One query, however many guides and tools
    there are, for what a list of links shows (title, introduction, address; no body);
    no query at all without a tool.
    """
    service_ids = list(service_ids)
    if not service_ids or limit < 1:
        return []
    same_size = Case(
        When(association_size=audience or "", then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    testimonies = (
        GuidePage.objects.live()
        .public()
        .filter(kind=GuideKind.TESTIMONY, tools_before__in=service_ids)
        .annotate(shared_tools=Count("tools_before", distinct=True), same_size=same_size)
        .defer_streamfields()
    )
    ranked = testimonies.order_by("-shared_tools", "-same_size", recently_reviewed_first(), "title")
    return list(ranked[:limit])
