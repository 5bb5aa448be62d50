"""The curated body of a guide: shared blocks plus the ones that carry the hub's arguments."""

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from catalogue.models import ProprietaryService
from home.blocks import (
    CalloutBlock,
    CallToActionBlock,
    CaptionedImageBlock,
    DocumentBlock,
    FAQBlock,
    HeadingBlock,
    QuoteBlock,
    RichTextBlock,
    VideoEmbedBlock,
)

__all__ = [
    "AlternativesBlock",
    "ArgumentBlock",
    "ChecklistBlock",
    "GuideStreamBlock",
    "StepsBlock",
]


def _is_blank(value):
    """True for None, "" and rich text that shows nothing (`<p> </p>`)."""
    source = getattr(value, "source", value) or ""
    return not strip_tags(source).strip()


class SectionTitleMixin:
    """Section blocks open with an h2 whose anchor the guide's table of contents links to."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor"] = slugify(value["title"])
        return context


class SourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre de la source"), max_length=200)
    url = blocks.URLBlock(label=_("Adresse"), required=False)


class ArgumentBlock(SectionTitleMixin, blocks.StructBlock):
    """A why-change argument, built the way a board is convinced: problem, stakes, answer."""

    title = blocks.CharBlock(label=_("Titre de l'argument"), max_length=120)
    problem = RichTextBlock(label=_("Le problème"), required=False)
    why_it_matters = RichTextBlock(
        label=_("Pourquoi c'est important pour une association"), required=False
    )
    ethical_answer = RichTextBlock(label=_("La réponse éthique"), required=False)
    sources = blocks.ListBlock(SourceBlock(), label=_("Sources"), default=[])

    REQUIRED_PARTS = {
        "problem": _("Décrivez le problème : c'est le point de départ de l'argument."),
        "why_it_matters": _("Expliquez pourquoi cela concerne une association."),
        "ethical_answer": _("Donnez la réponse éthique : que peut faire l'association ?"),
    }

    def clean(self, value):
        value = super().clean(value)
        errors = {
            name: ValidationError(message)
            for name, message in self.REQUIRED_PARTS.items()
            if _is_blank(value.get(name))
        }
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "pick"
        label = _("Argument : pourquoi changer")
        template = "components/streamfield/argument_block.html"
        preview_value = {
            "title": "La triple domination",
            "problem": "<p>Les géants du numérique dominent à la fois l'économie, la technique "
            "et la culture du numérique.</p>",
            "why_it_matters": "<p>Une association qui défend la solidarité renforce, sans le "
            "vouloir, des entreprises aux valeurs opposées.</p>",
            "ethical_answer": "<p>Choisir des logiciels libres chez des hébergeurs éthiques.</p>",
            "sources": [
                {
                    "title": "Framasoft, Dégooglisons Internet",
                    "url": "https://degooglisons-internet.org",
                }
            ],
        }
        description = _(
            "Un argument complet : le problème, l'enjeu pour l'association, la réponse "
            "éthique, les sources."
        )


class AlternativesBlock(SectionTitleMixin, blocks.StructBlock):
    """ "Au lieu de X, utilisez Y", chosen from the catalogue so that facts stay in one place."""

    title = blocks.CharBlock(label=_("Titre"), max_length=120, default="Par quoi remplacer ?")
    service = SnippetChooserBlock("catalogue.ProprietaryService", label=_("Au lieu de…"))
    alternatives = blocks.ListBlock(
        SnippetChooserBlock("catalogue.FreeAlternative"), label=_("Utilisez…"), min_num=1
    )

    def get_context(self, value, parent_context=None):
        """Published entries only: a draft chosen here stays off the site until it is approved."""
        context = super().get_context(value, parent_context)
        service = value["service"]
        context["service"] = service if service is not None and service.live else None
        context["alternatives"] = [
            alternative
            for alternative in value["alternatives"]
            if alternative is not None and alternative.live
        ]
        return context

    def get_preview_value(self):
        """A service of the catalogue that has alternatives, since ids differ between sites."""
        service = ProprietaryService.objects.live().filter(alternatives__live=True).first()
        if service is None:
            return None
        alternatives = service.alternatives.live()[:3]
        return self.to_python(
            {
                "title": f"Remplacer {service.name}",
                "service": service.pk,
                "alternatives": [alternative.pk for alternative in alternatives],
            }
        )

    class Meta:
        icon = "resubmit"
        label = _("Alternatives du catalogue")
        template = "components/streamfield/alternatives_block.html"
        description = _("« Au lieu de X, utilisez Y », avec les hébergeurs qui le proposent.")


class ChecklistBlock(SectionTitleMixin, blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=120)
    introduction = blocks.TextBlock(label=_("Introduction"), max_length=400, required=False)
    items = blocks.ListBlock(
        blocks.CharBlock(max_length=250), label=_("Points à vérifier"), min_num=1
    )

    class Meta:
        icon = "tasks"
        label = _("Liste de vérification")
        template = "components/streamfield/checklist_block.html"
        preview_value = {
            "title": "Les questions à se poser",
            "items": [
                "Le logiciel et son hébergeur sont-ils dignes de confiance ?",
                "Pourrons-nous en changer sans tout perdre ?",
            ],
        }
        description = _(
            "Des questions ou des points à cocher, par exemple avant de choisir un outil."
        )


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Étape"), max_length=120)
    text = RichTextBlock(label=_("Explication"), required=False)


class StepsBlock(SectionTitleMixin, blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=120)
    # A new block opens with the two steps it requires, rather than one and an error on save.
    steps = blocks.ListBlock(
        StepBlock(),
        label=_("Étapes"),
        min_num=2,
        default=[{"title": "", "text": ""}, {"title": "", "text": ""}],
    )

    class Meta:
        icon = "list-ol"
        label = _("Étapes")
        template = "components/streamfield/steps_block.html"
        preview_value = {
            "title": "Le chemin d'une migration",
            "steps": [
                {
                    "title": "La décision du conseil d'administration",
                    "text": "<p>On s'engage ensemble.</p>",
                },
                {"title": "Le diagnostic", "text": "<p>Quels outils, pour quels usages ?</p>"},
                {"title": "Le plan d'action et de formation", "text": "<p>Un outil à la fois.</p>"},
            ],
        }
        description = _("Un parcours en étapes numérotées, par exemple celui d'une migration.")


class GuideStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = RichTextBlock()
    argument = ArgumentBlock()
    alternatives = AlternativesBlock()
    checklist = ChecklistBlock()
    steps = StepsBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    faq = FAQBlock()
    image = CaptionedImageBlock()
    video = VideoEmbedBlock()
    document = DocumentBlock()
    call_to_action = CallToActionBlock()
