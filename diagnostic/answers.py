"""What an association told the diagnostic, as plain values that the result is computed from.

Nothing is stored: the answers live in the page's GET parameters, so a result is a shareable
URL. `Answers.query_string()` writes them back in the form's parameter names.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db import models
from django.utils.translation import gettext_lazy as _

from guides.models.choices import Audience

# GET parameter names, shared by the form, the result links and the print and kit routes.
TOOLS = "outils"
AREA = "departement"
SIZE = "taille"
MEANS = "moyens"
WISHES = "souhaits"
PAIN = "probleme"
REMOTE = "distance"  # the value of AREA for "à distance / peu importe"

# The sizes an association can be; the guides' "all associations" is not one of them.
SIZES = [(value, label) for value, label in Audience.choices if value != Audience.ALL]


class Means(models.TextChoices):
    NONE = "aucun", _("Pas de budget")
    SMALL = "petit", _("Un petit budget")
    FUNDING = "financement", _("Un financement à chercher")


class Wish(models.TextChoices):
    DIY = "soi-meme", _("Faire nous-mêmes, avec de bonnes explications")
    TRAINED = "formation", _("Être formés, nous et nos bénévoles")
    ACCOMPANIED = "accompagnement", _("Être accompagnés, du diagnostic à la migration")
    HOSTED = "hebergement", _("Être hébergés : que quelqu'un fasse tourner les outils pour nous")


@dataclass(frozen=True)
class Answers:
    """The association's situation. Services are live catalogue entries, with their category."""

    services: tuple = ()
    department: object = None  # directory.Department, with its région
    region: object = None  # directory.Region
    remote_only: bool = True
    size: str = ""
    means: str = ""
    wishes: tuple = ()
    pain: object = None  # catalogue.ProprietaryService, the tool that hurts most

    @property
    def is_complete(self):
        """A plan needs at least one tool to replace."""
        return bool(self.services)

    @property
    def service_ids(self):
        return [service.pk for service in self.services]

    @property
    def category_ids(self):
        return sorted({service.category_id for service in self.services})

    @property
    def small_budget(self):
        return self.means in (Means.NONE, Means.SMALL)

    def wishes_for(self, wish):
        return wish in self.wishes

    def area_label(self):
        if self.department is None:
            return str(_("À distance, ou peu importe"))
        return f"{self.department.name} ({self.department.code}), {self.region.name}"

    def summary(self):
        """(label, value) pairs in French: what the plan was made from, for people and e-mails."""
        labels = dict(SIZES)
        rows = [
            (_("Outils utilisés"), ", ".join(service.name for service in self.services) or "—"),
            (_("Où"), self.area_label()),
            (_("Taille"), labels.get(self.size, "—")),
            (_("Moyens"), Means(self.means).label if self.means else "—"),
            (
                _("Souhaits"),
                ", ".join(str(Wish(wish).label) for wish in self.wishes) or "—",
            ),
        ]
        if self.pain is not None:
            rows.append((_("L'outil qui pose le plus problème"), self.pain.name))
        return [(str(label), str(value)) for label, value in rows]

    def query_params(self):
        """The GET parameters, as (name, value) pairs, that give back these answers."""
        params = [(TOOLS, service.slug) for service in self.services]
        params.append((AREA, self.department.code if self.department else REMOTE))
        if self.size:
            params.append((SIZE, self.size))
        if self.means:
            params.append((MEANS, self.means))
        params += [(WISHES, wish) for wish in self.wishes]
        if self.pain is not None:
            params.append((PAIN, self.pain.slug))
        return params

    def query_string(self):
        """`?outils=gmail&departement=35…`: the shareable URL's query, empty without tools."""
        if not self.is_complete:
            return ""
        return "?" + urlencode(self.query_params())
