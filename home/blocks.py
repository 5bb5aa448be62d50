"""Blocks shared by every app's StreamFields; each app composes its own StreamBlock from them."""

import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock as WagtailImageBlock

__all__ = [
    "CallToActionBlock",
    "CalloutBlock",
    "DocumentBlock",
    "FAQBlock",
    "HeadingBlock",
    "AccessibleImageBlock",
    "CaptionedImageBlock",
    "QuoteBlock",
    "RichTextBlock",
    "VideoEmbedBlock",
    "BaseStreamBlock",
    "embed_url_for",
    "UNSUPPORTED_VIDEO_MESSAGE",
    "MISSING_ALT_TEXT_MESSAGE",
]

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Texte")
        template = "components/streamfield/rich_text_block.html"
        preview_value = "<p>Un paragraphe de texte <b>mis en forme</b>.</p>"
        description = _("Paragraphes, listes et liens.")


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Titre"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Titre de section (h2)")), ("h3", _("Sous-titre (h3)"))],
        default="h2",
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = slugify(value["text"])
        return context

    class Meta:
        icon = "title"
        label = _("Intertitre")
        template = "components/streamfield/heading_block.html"
        preview_value = {"text": "Pourquoi changer d'outils ?", "level": "h2"}
        description = _("Un intertitre ; les titres de section alimentent le sommaire.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Citation"), max_length=800)
    attribution = blocks.CharBlock(label=_("Auteur ou autrice"), max_length=120)
    role = blocks.CharBlock(label=_("Fonction, structure"), max_length=160, required=False)

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "components/streamfield/quote_block.html"
        preview_value = {
            "quote": "Choisir ses outils, c'est choisir à qui l'on confie du pouvoir.",
            "attribution": "Une bénévole",
            "role": "Association de quartier",
        }
        description = _("Une citation avec son attribution.")


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Type"),
        choices=[("tip", _("Astuce")), ("info", _("À savoir")), ("warning", _("Attention"))],
        default="tip",
    )
    title = blocks.CharBlock(label=_("Titre"), max_length=120, required=False)
    text = RichTextBlock(label=_("Texte"))

    class Meta:
        icon = "warning"
        label = _("Encadré")
        template = "components/streamfield/callout_block.html"
        preview_value = {
            "kind": "tip",
            "title": "Astuce",
            "text": "<p>Commencez par un seul outil, celui qui agace le plus.</p>",
        }
        description = _("Un encadré : astuce, information ou mise en garde.")


MISSING_ALT_TEXT_MESSAGE = _(
    "Décrivez l'image pour qui ne la voit pas, ou cochez « L'image est décorative »."
)


class AccessibleImageBlock(WagtailImageBlock):
    """Wagtail's image block (alt text for this page, decorative flag), stricter on blanks.

    Wagtail refuses an image with neither alt text nor the decorative flag, but accepts alt
    text made of spaces; this block refuses that too, and says what to write. Drafts stay
    savable, as with Wagtail's own check.
    """

    def clean(self, value):
        if (
            not self.is_deferred_validation
            and value
            and not value.decorative
            and not (value.contextual_alt_text or "").strip()
        ):
            raise StructBlockValidationError(
                block_errors={"alt_text": ValidationError(MISSING_ALT_TEXT_MESSAGE)}
            )
        return super().clean(value)


class CaptionedImageBlock(blocks.StructBlock):
    """An image, its alt text for this page (or marked decorative) and an optional caption."""

    image = AccessibleImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Légende"), max_length=250, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/streamfield/image_block.html"
        description = _(
            "Une image avec son texte alternatif (ou marquée décorative) et une légende "
            "facultative."
        )


# Video hosts we know how to embed, PeerTube (any instance) first.
_PEERTUBE = re.compile(r"^/(?:w|videos/watch|videos/embed)/(?P<id>[A-Za-z0-9-]{6,})/?$")
_YOUTUBE = re.compile(r"^(?:www\.)?(?:youtube\.com|youtu\.be|youtube-nocookie\.com)$")
_VIMEO = re.compile(r"^(?:www\.)?vimeo\.com$")


UNSUPPORTED_VIDEO_MESSAGE = _(
    "Cette adresse n'est pas celle d'une vidéo PeerTube, YouTube ou Vimeo en https."
)


def embed_url_for(url):
    """The player URL for a video page URL, or None when the address is not one we can embed."""
    parts = urlsplit(url or "")
    if parts.scheme != "https" or not parts.hostname:
        return None
    host, path = parts.hostname, parts.path
    if _YOUTUBE.match(host):
        match = re.search(r"(?:v=|youtu\.be/|embed/)([A-Za-z0-9_-]{11})", url)
        return f"https://www.youtube-nocookie.com/embed/{match.group(1)}" if match else None
    if _VIMEO.match(host):
        match = re.match(r"^/(\d+)", path)
        return f"https://player.vimeo.com/video/{match.group(1)}" if match else None
    match = _PEERTUBE.match(path)
    if match:
        return f"https://{host}/videos/embed/{match.group('id')}"
    return None


class VideoEmbedBlock(blocks.StructBlock):
    """A video that loads nothing from its host until the reader asks for it."""

    url = blocks.URLBlock(
        label=_("Adresse de la vidéo"),
        help_text=_("Une vidéo PeerTube de préférence (https://instance/w/…), ou YouTube, Vimeo."),
    )
    title = blocks.CharBlock(label=_("Titre de la vidéo"), max_length=200)
    duration = blocks.CharBlock(label=_("Durée"), max_length=20, required=False)
    transcript = blocks.RichTextBlock(
        label=_("Transcription"), required=False, features=RICH_TEXT_FEATURES
    )

    def clean(self, value):
        value = super().clean(value)
        if not embed_url_for(value["url"]):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(UNSUPPORTED_VIDEO_MESSAGE)}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["embed_url"] = embed_url_for(value["url"])
        context["video_host"] = urlsplit(value["url"]).hostname
        return context

    class Meta:
        icon = "media"
        label = _("Vidéo")
        template = "components/streamfield/video_embed_block.html"
        preview_value = {
            "url": "https://framatube.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d",
            "title": "Présentation d'Emancip'Asso",
            "duration": "45 min",
        }
        description = _("Une vidéo chargée seulement quand on clique (PeerTube d'abord).")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Intitulé du lien"),
        max_length=160,
        required=False,
        help_text=_("Par défaut, le titre du document."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document à télécharger")
        template = "components/streamfield/document_block.html"
        description = _("Un document à télécharger, avec son format et son poids.")


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=120)
    text = blocks.TextBlock(label=_("Texte"), max_length=400, required=False)
    link_text = blocks.CharBlock(label=_("Texte du bouton"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page du site"), required=False)
    url = blocks.URLBlock(label=_("Ou adresse externe"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={
                    "page": ValidationError(
                        _("Choisissez une page du site ou une adresse externe, pas les deux.")
                    )
                }
            )
        return value

    class Meta:
        icon = "pick"
        label = _("Appel à l'action")
        template = "components/streamfield/call_to_action_block.html"
        preview_value = {
            "title": "Besoin d'aide pour changer ?",
            "text": "Des structures de confiance accompagnent les associations.",
            "link_text": "Trouver un accompagnement",
            "url": "https://example.org/annuaire/",
        }
        description = _("Un encadré qui invite à une action, avec un bouton.")


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    answer = RichTextBlock(label=_("Réponse"))


class FAQBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=120, default="Questions fréquentes")
    items = blocks.ListBlock(FAQItemBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "help"
        label = _("Questions fréquentes")
        template = "components/streamfield/faq_block.html"
        preview_value = {
            "title": "Questions fréquentes",
            "items": [
                {
                    "question": "Libre veut-il dire gratuit ?",
                    "answer": "<p>Non : un service libre se paie souvent, en toute clarté.</p>",
                },
            ],
        }
        description = _("Questions et réponses dépliables, accessibles au clavier.")


class BaseStreamBlock(blocks.StreamBlock):
    """The general-purpose body of standard and home pages."""

    heading = HeadingBlock()
    paragraph = RichTextBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    video = VideoEmbedBlock()
    document = DocumentBlock()
    call_to_action = CallToActionBlock()
    faq = FAQBlock()
