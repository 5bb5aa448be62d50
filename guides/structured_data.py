"""A guide as a schema.org Article (JSON-LD), for search engines and link previews."""

from home.structured_data import (
    SCHEMA,
    absolute_rendition_url,
    named_party,
    publisher_for_request,
    without_empty_values,
)

SOCIAL_IMAGE = "fill-1200x630"


def guide_authors(guide):
    """The comma-separated signature, one author per name."""
    return [named_party(name.strip()) for name in guide.authors.split(",") if name.strip()]


def modified_at(guide):
    """The last publication or the last review, whichever is later (reviews are dates)."""
    published = guide.last_published_at
    reviewed = guide.last_reviewed
    if published is None or (reviewed is not None and reviewed > published.date()):
        return reviewed
    return published


def guide_article(guide, request):
    url = guide.get_full_url(request)
    return without_empty_values(
        {
            "@context": SCHEMA,
            "@type": "Article",
            "headline": guide.title[:110],
            "description": guide.meta_description,
            "url": url,
            "mainEntityOfPage": url,
            "datePublished": guide.first_published_at,
            "dateModified": modified_at(guide),
            "author": guide_authors(guide),
            "publisher": publisher_for_request(request),
            "inLanguage": "fr",
            "articleSection": str(guide.get_kind_display()),
            "keywords": [topic.name for topic in guide.topics.all()],
            "image": absolute_rendition_url(guide.listing_image, SOCIAL_IMAGE),
        }
    )
