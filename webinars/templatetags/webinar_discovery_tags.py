"""A webinar page's data for search engines (base.html keeps a slot for it)."""

from django import template

from home.structured_data import json_ld_script
from webinars.structured_data import webinar_event

register = template.Library()


@register.simple_tag(takes_context=True)
def webinar_json_ld(context, webinar):
    """Reads the speakers and topics the page lists, so they are fetched once."""
    event = webinar_event(
        webinar, context["request"], speakers=context.get("speakers"), topics=context.get("topics")
    )
    return json_ld_script(event)
