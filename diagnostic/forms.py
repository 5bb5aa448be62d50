"""The diagnostic's GET form: reads any query string, keeps what it knows, says what it dropped.

A tampered or outdated URL (a tool removed from the catalogue, a made-up département) never
gives an error page: unknown values are left out and listed in a French notice, and the rest of
the answers still make a plan. The form reads its choices (the catalogue's live services, the
départements) from the cached site structure, which a change to either replaces.

The département is typed (its number or its name) rather than picked among 101 options, which
would weigh more than the rest of the form.
"""

import re
from dataclasses import dataclass, field
from itertools import groupby

from django.utils.translation import gettext as _

from catalogue.models import ProprietaryService
from diagnostic.answers import (
    AREA,
    MEANS,
    PAIN,
    REMOTE,
    SIZE,
    SIZES,
    TOOLS,
    WISHES,
    Answers,
    Means,
    Wish,
)
from directory.models import Department
from home.search_terms import fold
from home.site_structure import cached

# More values than the catalogue could ever offer is tampering: the rest is not even read.
MAX_VALUES = 60
# How an ignored value is quoted back: short, so that a notice cannot be used to post text.
QUOTED_LENGTH = 30
QUOTED_VALUES = 5


@dataclass
class Choice:
    value: str
    label: str
    selected: bool = False


@dataclass
class ChoiceGroup:
    """Choices under one heading: the tools of one use."""

    label: str
    choices: list = field(default_factory=list)


def live_services():
    return list(
        ProprietaryService.objects.live()
        .select_related("category")
        .order_by("category__sort_order", "category__name", "name")
    )


def departments():
    return list(Department.objects.select_related("region"))


class DiagnosticForm:
    """`DiagnosticForm(request.GET)`; `answers()` gives the Answers the result is made from."""

    def __init__(self, data):
        self.data = data
        self.is_bound = bool(data)
        self.ignored = []
        self._services = cached("diagnostic-services", live_services)
        self._departments = cached("diagnostic-departments", departments)
        self._answers = self._read()

    # Reading the query string -------------------------------------------------------------

    def _values(self, name):
        values = self.data.getlist(name) if hasattr(self.data, "getlist") else []
        if len(values) > MAX_VALUES:
            self._ignore(name, values[MAX_VALUES:])
            values = values[:MAX_VALUES]
        return list(dict.fromkeys(value.strip() for value in values if value.strip()))

    def _value(self, name):
        values = self._values(name)
        if len(values) > 1:
            self._ignore(name, values[1:])
        return values[0] if values else ""

    def _ignore(self, name, values):
        self.ignored.extend((name, value) for value in values)

    def _pick(self, name, known, many=False):
        """The known values of parameter `name`, in the order given; unknown ones are noted."""
        values = self._values(name) if many else [v for v in [self._value(name)] if v]
        kept = [value for value in values if value in known]
        self._ignore(name, [value for value in values if value not in known])
        return kept

    def _read(self):
        services = {service.slug: service for service in self._services}
        chosen = [services[slug] for slug in self._pick(TOOLS, services, many=True)]
        department = self._department()
        pain = self._pick(PAIN, services)
        return Answers(
            services=tuple(chosen),
            department=department,
            region=department.region if department else None,
            remote_only=department is None,
            size=next(iter(self._pick(SIZE, dict(SIZES))), ""),
            means=next(iter(self._pick(MEANS, Means.values)), ""),
            wishes=tuple(self._pick(WISHES, Wish.values, many=True)),
            pain=services[pain[0]] if pain else None,
        )

    def _department(self):
        """The département typed as "35", "5", "2a", "Ille-et-Vilaine" or "Ille-et-Vilaine (35)";
        None for "distance" or nothing, and an unknown one is noted."""
        typed = self._value(AREA)
        if not typed or typed == REMOTE:
            return None
        in_brackets = re.search(r"\(([^()]+)\)\s*$", typed)
        code = (in_brackets.group(1) if in_brackets else typed).strip().upper()
        by_key = {department.code: department for department in self._departments}
        by_key.update((_name_key(department.name), department) for department in self._departments)
        found = by_key.get(code.zfill(2)) or by_key.get(_name_key(typed))
        if found is None:
            self._ignore(AREA, [typed])
        return found

    # What the template and the views use --------------------------------------------------

    def answers(self):
        return self._answers

    @property
    def is_answered(self):
        return self._answers.is_complete

    @property
    def notice(self):
        """One French sentence listing what was ignored, or "" when everything was understood."""
        if not self.ignored:
            return ""
        quoted = [f"« {value[:QUOTED_LENGTH]} »" for _name, value in self.ignored[:QUOTED_VALUES]]
        more = len(self.ignored) - len(quoted)
        text = ", ".join(quoted) + (_(" et %(n)d autres") % {"n": more} if more else "")
        return _(
            "Certaines valeurs de l'adresse n'ont pas été reconnues et ont été ignorées : "
            "%(values)s. Le résultat tient compte du reste de vos réponses."
        ) % {"values": text}

    @property
    def missing_tools(self):
        """Answered something, but no known tool: the page asks for one instead of a plan."""
        return self.is_bound and not self._answers.is_complete

    def tool_groups(self):
        chosen = {service.pk for service in self._answers.services}
        return [
            ChoiceGroup(
                category_name,
                [Choice(s.slug, s.name, s.pk in chosen) for s in services],
            )
            for category_name, services in groupby(self._services, lambda s: s.category.name)
        ]

    @property
    def department_typed(self):
        """What the département field shows: "Ille-et-Vilaine (35)" once understood, which reads
        back as the same département; nothing for "à distance"."""
        department = self._answers.department
        return str(department) if department else ""

    def pain_choices(self):
        pain = self._answers.pain
        return [Choice(s.slug, s.name, s == pain) for s in sorted(self._services, key=str)]

    def size_choices(self):
        return [Choice(value, label, value == self._answers.size) for value, label in SIZES]

    def means_choices(self):
        means = self._answers.means
        return [Choice(value, label, value == means) for value, label in Means.choices]

    def wish_choices(self):
        wishes = self._answers.wishes
        return [Choice(value, label, value in wishes) for value, label in Wish.choices]


def _name_key(name):
    """ "Côtes-d'Armor", "cotes d armor" and "COTES D'ARMOR" give the same key."""
    return " ".join(re.split(r"[\s'’-]+", fold(name))).strip()
