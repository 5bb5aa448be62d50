"""A provider page's data for search engines and link previews (base.html keeps a slot)."""

from django import template
from django.db.models import prefetch_related_objects

from directory.structured_data import LOGO_RENDITION, provider_organization
from home.structured_data import absolute_rendition_url, json_ld_script

register = template.Library()


@register.simple_tag(takes_context=True)
def provider_json_ld(context, provider):
    """Fetches the areas and links once for the page too, which lists them below (a preview
    keeps the editor's unsaved choices)."""
    if not getattr(context["request"], "is_preview", False):
        prefetch_related_objects([provider], "regions", "departments", "links")
    return json_ld_script(provider_organization(provider, context["request"]))


@register.simple_tag
def provider_social_image(provider):
    """The logo's absolute URL for og:image, or an empty string."""
    return absolute_rendition_url(provider.logo, LOGO_RENDITION) or ""
