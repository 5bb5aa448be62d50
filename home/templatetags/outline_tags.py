"""A long page's sections, listed beside its text: `{% body_with_outline page.body as body %}`.

The body is rendered once; each `<h2>` keeps its id or receives one, whether it comes from a
heading block or from rich text, so the summary links always land. The text gets the French
non-breaking spaces on the way.
"""

import re
from dataclasses import dataclass, field
from html import unescape

from django import template
from django.utils.html import conditional_escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify

from home.typography import french_spacing

register = template.Library()

SECTION_HEADING = re.compile(
    r"<h2(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>(?P<inner>.*?)</h2>", re.S | re.I
)
ID_ATTRIBUTE = re.compile(r"""\sid=["']([^"']+)["']""", re.I)


@dataclass
class OutlinedBody:
    html: SafeString
    sections: list = field(default_factory=list)  # (anchor, title) of each h2, in order


def outline(html):
    """The HTML with an id on every h2, and the (anchor, title) list of those headings."""
    sections = []
    taken = set(ID_ATTRIBUTE.findall(html))

    def anchor(match):
        attrs, inner = match.group("attrs"), match.group("inner")
        title = " ".join(unescape(strip_tags(inner)).split())
        existing = ID_ATTRIBUTE.search(attrs)
        if existing:
            sections.append((existing.group(1), title))
            return match.group()
        base = slugify(title) or "section"
        ident, number = base, 1
        while ident in taken:
            number += 1
            ident = f"{base}-{number}"
        taken.add(ident)
        sections.append((ident, title))
        return f'<h2 id="{ident}"{attrs}>{inner}</h2>'

    return OutlinedBody(mark_safe(SECTION_HEADING.sub(anchor, html)), sections)  # noqa: S308


@register.simple_tag(takes_context=True)
def body_with_outline(context, stream):
    """Renders the StreamField as `{% include_block %}` would, then outlines it."""
    flat = context.flatten()
    rendered = "".join(conditional_escape(block.render_as_block(context=flat)) for block in stream)
    return outline(french_spacing(rendered))
