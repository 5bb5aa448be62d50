"""A guide page's data for search engines and link previews (base.html keeps a slot for it)."""

from django import template
from django.db.models import prefetch_related_objects

from guides.structured_data import SOCIAL_IMAGE, guide_article
from home.structured_data import absolute_rendition_url, json_ld_script

register = template.Library()


@register.simple_tag(takes_context=True)
def guide_json_ld(context, guide):
    """Fetches the topics once for the page too, which lists them below (a preview keeps
    the editor's unsaved choice)."""
    if not getattr(context["request"], "is_preview", False):
        prefetch_related_objects([guide], "topics")
    return json_ld_script(guide_article(guide, context["request"]))


@register.simple_tag
def guide_social_image(guide):
    """The listing image's absolute URL for og:image, or an empty string."""
    return absolute_rendition_url(guide.listing_image, SOCIAL_IMAGE) or ""
