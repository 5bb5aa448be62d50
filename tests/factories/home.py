"""Pages and StreamField blocks of the home app, built with wagtail-factories."""

import factory
import wagtail_factories
from wagtail.rich_text import RichText

from home.blocks import AccessibleImageBlock, CaptionedImageBlock, HeadingBlock, RichTextBlock
from home.models import StandardPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = "Une page simple"
    introduction = "Une introduction courte."

    class Meta:
        model = StandardPage


def rich_text(html):
    """A rich text value, as a block of the body holds it: `problem=rich_text("<p>…</p>")`."""
    return RichText(html)


class ParagraphBlockFactory(wagtail_factories.blocks.BlockFactory):
    """A paragraph: `body__0__paragraph__value="<p>…</p>"`."""

    value = "<p>Un paragraphe de texte.</p>"

    class Meta:
        model = RichTextBlock

    @classmethod
    def _construct_block(cls, block_class, *args, **kwargs):
        return rich_text(kwargs["value"])


class HeadingBlockFactory(wagtail_factories.StructBlockFactory):
    text = factory.Sequence(lambda n: f"Intertitre {n}")
    level = "h2"

    class Meta:
        model = HeadingBlock


class AccessibleImageBlockFactory(wagtail_factories.ImageBlockFactory):
    """An image with its alt text for the page; `decorative=True` leaves the alt text out."""

    decorative = False

    class Meta:
        model = AccessibleImageBlock


class CaptionedImageBlockFactory(wagtail_factories.StructBlockFactory):
    image = factory.SubFactory(AccessibleImageBlockFactory)
    caption = ""

    class Meta:
        model = CaptionedImageBlock
