"""A provider page's data for search engines and link previews (base.html keeps a slot)."""

from django import template

from directory.structured_data import LOGO_RENDITION, provider_organization
from home.structured_data import absolute_rendition_url, json_ld_script

register = template.Library()


@register.simple_tag(takes_context=True)
def provider_json_ld(context, provider):
    return json_ld_script(provider_organization(provider, context["request"]))


@register.simple_tag
def provider_social_image(provider):
    """The logo's absolute URL for og:image, or an empty string."""
    return absolute_rendition_url(provider.logo, LOGO_RENDITION) or ""
