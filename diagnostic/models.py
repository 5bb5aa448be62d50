"""`/passer-au-libre/`: from the tools an association uses to a plan and the providers that fit.

The page holds what editors write (introduction, the plan's steps, the board decision draft,
the honest expectations); the form, the matching and the plan are computed per request from
the GET parameters, and nothing is stored. Routes hand the request to diagnostic.views.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from diagnostic.blocks import PlanStreamBlock
from home.blocks import RICH_TEXT_FEATURES
from home.models import BasePage
from home.routes import ViewRoutesMixin


class DiagnosticPage(ViewRoutesMixin, RoutablePageMixin, BasePage):
    """The "Passer au libre" diagnostic: a GET form, its result, a board kit and a print view."""

    steps = StreamField(
        PlanStreamBlock(),
        verbose_name=_("étapes du plan"),
        help_text=_(
            "Une étape par type (décision, diagnostic, premiers changements, un outil à la "
            "fois, refonte d'ensemble, formation, suivi) : le résultat choisit et ordonne "
            "celles qui conviennent à l'association."
        ),
    )
    board_decision_draft = models.TextField(
        _("modèle de décision du conseil d'administration"),
        max_length=3000,
        help_text=_(
            "Un texte prêt à adapter, repris dans le résultat et le kit pour le conseil. "
            "Texte simple : les lignes vides séparent les paragraphes."
        ),
    )
    expectations = RichTextField(
        _("ce qu'il faut savoir avant de se lancer"),
        features=RICH_TEXT_FEATURES,
        max_length=3000,
        help_text=_("Le temps (deux à trois ans), le coût (le libre n'est pas gratuit)…"),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("steps"),
        FieldPanel("board_decision_draft"),
        FieldPanel("expectations"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("steps"),
        index.SearchField("expectations"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("steps"),
        APIField("board_decision_draft"),
        APIField("expectations"),
    ]

    template = "pages/diagnostic/diagnostic_page.html"
    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("diagnostic « Passer au libre »")

    def step_blocks(self):
        """The editor's text for each kind of step: {step: block value}, first one wins."""
        found = {}
        for block in self.steps:
            if block.block_type == "step":
                found.setdefault(block.value["step"], block.value)
        return found

    @path("", name="diagnostic")
    def diagnostic(self, request):
        return self.serve_route("diagnostic", request)

    @path("kit-conseil/", name="board_kit")
    def board_kit(self, request):
        return self.serve_route("board_kit", request)

    @path("imprimer/", name="print")
    def print_view(self, request):
        return self.serve_route("print", request)

    @path("envoyer/", name="send_plan")
    def send_plan(self, request):
        return self.serve_route("send_plan", request)

    @path("demander-de-l-aide/", name="ask_help")
    def ask_help(self, request):
        return self.serve_route("ask_help", request)

    @path("demande-envoyee/", name="support_sent")
    def support_sent(self, request):
        return self.serve_route("support_sent", request)
