"""Small builders of schema.org data (JSON-LD) shared by every app, and its safe rendering.

JSON-LD is data, not code: a `<script type="application/ld+json">` block is never executed,
so the strict Content-Security-Policy (no inline script) does not apply to it. Its text is
escaped like Django's `json_script`, so that no value can close the block.
"""

import json
import logging
from urllib.parse import urljoin

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils.safestring import mark_safe

from home.models import SiteSettings

logger = logging.getLogger(__name__)

SCHEMA = "https://schema.org"
# Characters that could end the <script> element or start markup inside it.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def absolute_url(url):
    """A path made absolute on the configured site address; absolute URLs stay as they are."""
    return urljoin(settings.SITE_URL + "/", url)


def absolute_rendition_url(image, spec):
    """The absolute URL of a rendition of `image`; None without an image, or when its original
    file is missing (the page is still served, as Wagtail's {% image %} tag does)."""
    if image is None:
        return None
    try:
        return absolute_url(image.get_rendition(spec).url)
    except OSError:  # Wagtail's SourceImageIOError, or the storage's FileNotFoundError
        logger.warning("Image %s : original introuvable, pas d'aperçu de partage", image.pk)
        return None


def without_empty_values(data):
    """Drop keys whose value is empty, so that no property is announced without content."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def publisher(organisation_name):
    """The hub's publisher, as articles and events name it."""
    return {
        "@type": "Organization",
        "name": organisation_name,
        "url": absolute_url("/"),
        "logo": {"@type": "ImageObject", "url": absolute_url(static("img/favicon.svg"))},
    }


def named_party(name):
    """A Person or, when the name starts with a French article (« L'équipe de… », « Le
    collectif… »), an Organization: people's names do not take an article."""
    words = name.replace("’", "'").split()
    first = words[0].lower() if words else ""
    is_group = first in ("le", "la", "les") or first.startswith("l'")
    return {"@type": "Organization" if is_group else "Person", "name": name}


def publisher_for_request(request):
    """The hub as publisher, named as its site settings name it."""
    return publisher(SiteSettings.for_request(request).organisation_name)


def breadcrumb_list(trail):
    """A BreadcrumbList from (name, absolute URL) pairs, root first."""
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def json_ld_script(data):
    """The data as an inert `<script type="application/ld+json">` block."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
