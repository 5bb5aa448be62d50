"""A webinar page's data for search engines (base.html keeps a slot for it)."""

from django import template

from home.structured_data import json_ld_script
from webinars.structured_data import webinar_event

register = template.Library()


@register.simple_tag(takes_context=True)
def webinar_json_ld(context, webinar):
    return json_ld_script(webinar_event(webinar, context["request"]))
