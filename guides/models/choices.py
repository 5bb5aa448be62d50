"""How guides are classified; shared by the page model and the index filters."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GuideKind(models.TextChoices):
    ARGUMENT = "argument", _("Argumentaire")
    PRACTICAL = "practical", _("Guide pratique")
    TESTIMONY = "testimony", _("Témoignage")
    TOOL_SHEET = "tool_sheet", _("Fiche outil")


class Audience(models.TextChoices):
    """The size of the association a guide is written for; ALL comes first on purpose."""

    ALL = "all", _("Toutes les associations")
    SMALL = "small", _("Petite association de bénévoles")
    MEDIUM = "medium", _("Association avec quelques salariés")
    LARGE = "large", _("Grande association, fédération ou réseau")
