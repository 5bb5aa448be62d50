"""The curated body of a guide: shared blocks plus the ones that carry the hub's arguments."""

from wagtail import blocks

from home.blocks import (
    CalloutBlock,
    CallToActionBlock,
    DocumentBlock,
    FAQBlock,
    HeadingBlock,
    ImageBlock,
    QuoteBlock,
    RichTextBlock,
    VideoEmbedBlock,
)

__all__ = ["GuideStreamBlock"]


class GuideStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = RichTextBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    faq = FAQBlock()
    image = ImageBlock()
    video = VideoEmbedBlock()
    document = DocumentBlock()
    call_to_action = CallToActionBlock()
