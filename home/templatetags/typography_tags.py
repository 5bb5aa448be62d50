"""`french_typography`: non-breaking spaces in editorial text, applied to rendered HTML.

{{ page.title|french_typography }}
{% filter french_typography %}{% include_block block %}{% endfilter %}
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from home.typography import french_spacing

register = template.Library()


@register.filter(is_safe=True, needs_autoescape=True)
def french_typography(value, autoescape=True):
    """Plain text is escaped first (as `{{ }}` would), so the result is always safe to print."""
    html = conditional_escape(value) if autoescape else str(value)
    return mark_safe(french_spacing(str(html)))  # noqa: S308 - escaped above, or rendered HTML
