"""The body of a webinar page, composed from the shared blocks."""

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


class WebinarStreamBlock(blocks.StreamBlock):
    """What an editor needs to present a session: text, a programme, extracts, resources."""

    heading = HeadingBlock()
    paragraph = RichTextBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    video = VideoEmbedBlock()
    document = DocumentBlock()
    call_to_action = CallToActionBlock()
    faq = FAQBlock()
