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


class AssociationKind(models.TextChoices):
    """The field of activity of the association a testimony tells about."""

    SPORT = "sport", _("Sport")
    CULTURE = "culture", _("Culture")
    SOCIAL = "social", _("Solidarité, social")
    EDUCATION = "education", _("Éducation, jeunesse")
    ENVIRONMENT = "environment", _("Environnement")
    NETWORK = "network", _("Fédération ou réseau")
    OTHER = "other", _("Autre")


class SwitchDuration(models.TextChoices):
    """How long the switch took, in the coarse steps a board can plan with."""

    UNDER_3_MONTHS = "under_3_months", _("Moins de 3 mois")
    UP_TO_1_YEAR = "3_to_12_months", _("3 à 12 mois")
    UP_TO_2_YEARS = "1_to_2_years", _("1 à 2 ans")
    OVER_2_YEARS = "over_2_years", _("Plus de 2 ans")


class CostRange(models.TextChoices):
    """What the switch cost, in ranges: free software is not free of cost."""

    FREE = "free", _("Sans coût")
    UNDER_500 = "under_500", _("Moins de 500 €")
    UP_TO_2000 = "500_to_2000", _("500 à 2 000 €")
    OVER_2000 = "over_2000", _("Plus de 2 000 €")


ASSOCIATION_SIZES = Audience.choices[1:]
"""The sizes an association can have: the audiences without « toutes »."""
