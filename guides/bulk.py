"""Guides by the thousand, spread over kinds, audiences and topics (generate_bulk_content).

Practical guides are the most common, then arguments, tool sheets and testimonies (with the
facts a testimony needs). Each guide is drawn from its own seeded random source, so a later,
larger run adds the guides a fresh one would have made.
"""

import datetime
import json

from django.utils import timezone

from catalogue.models import Category, FreeAlternative, ProprietaryService
from home.bulk_pages import add_live_children, seeded, series_to_top_up

from .models import GuideIndexPage, GuidePage
from .models.choices import (
    ASSOCIATION_SIZES,
    AssociationKind,
    Audience,
    CostRange,
    GuideKind,
    SwitchDuration,
)
from .reading import reading_minutes

OPTION = "guides"
HELP = "nombre de guides générés"
SLUG_PREFIX = "bulk-guide-"
KIND_WEIGHTS = {GuideKind.PRACTICAL: 50, GuideKind.ARGUMENT: 20, GuideKind.TOOL_SHEET: 20,
                GuideKind.TESTIMONY: 10}  # fmt: skip
TITLES = {
    GuideKind.PRACTICAL: "Passer à {tool} pas à pas",
    GuideKind.ARGUMENT: "Pourquoi quitter {service}",
    GuideKind.TOOL_SHEET: "{tool} en bref",
    GuideKind.TESTIMONY: "Comment notre association a adopté {tool}",
}
PARAGRAPH = (
    "<p>Une association y gagne en autonomie : ses données restent chez elle ou chez un "
    "hébergeur de confiance, ses bénévoles apprennent un outil qu'ils peuvent partager. "
    "Prenez le temps de présenter le changement, de former une personne référente et de "
    "garder l'ancien outil quelques semaines.</p>"
)


def body_of(rng, title):
    blocks = [{"type": "paragraph", "value": PARAGRAPH}]
    for number in range(rng.randint(1, 4)):
        blocks.append({"type": "heading", "value": {"text": f"Étape {number + 1}", "level": "h2"}})
        blocks.append({"type": "paragraph", "value": f"<p>{title}.</p>{PARAGRAPH}"})
    return json.dumps(blocks)


def draw_guide(number, seed, topics, tools, services):
    rng = seeded(seed, "guide", number)
    kind = rng.choices(list(KIND_WEIGHTS), list(KIND_WEIGHTS.values()))[0]
    tool, service = rng.choice(tools), rng.choice(services)
    title = f"{TITLES[kind].format(tool=tool.name, service=service.name)} ({number + 1})"
    page = GuidePage(
        title=title,
        slug=f"{SLUG_PREFIX}{number:05d}",
        introduction=f"{title} : ce qu'il faut savoir avant de changer d'outil.",
        kind=kind,
        audience=rng.choice(Audience.values),
        authors=rng.choice(["L'équipe de Framasoft", "L'équipe d'Animafac", "Des bénévoles"]),
        last_reviewed=timezone.localdate() - datetime.timedelta(days=rng.randint(0, 900)),
        body=body_of(rng, title),
    )
    page.reading_minutes = reading_minutes(page.body)
    testimony = kind == GuideKind.TESTIMONY
    if testimony:
        page.association_kind = rng.choice(AssociationKind.values)
        page.association_size = rng.choice(ASSOCIATION_SIZES)[0]
        page.switch_duration = rng.choice(SwitchDuration.values)
        page.cost_range = rng.choice(CostRange.values)
    relations = {
        "topics": list({t.pk: t for t in [tool.category, *rng.sample(topics, 2)]}.values()),
        "services": [service] if rng.random() < 0.5 else [],
        "tools_before": [service] if testimony else [],
        "tools_after": [tool] if testimony else [],
    }
    return page, relations


def generate(count, seed):
    """Bring the bulk guides up to `count`, never twice; return how many were added."""
    series = series_to_top_up(
        GuideIndexPage,
        GuidePage,
        SLUG_PREFIX,
        count,
        "Aucun index des guides : chargez d'abord la démonstration.",
    )
    if series is None:
        return 0
    index, existing = series
    topics = list(Category.objects.live().order_by("pk"))
    tools = list(FreeAlternative.objects.live().select_related("category").order_by("pk"))
    services = list(ProprietaryService.objects.live().order_by("pk"))
    drawn = [draw_guide(n, seed, topics, tools, services) for n in range(existing, count)]
    pages = [page for page, _relations in drawn]
    relations = {name: [rel[name] for _page, rel in drawn] for name in drawn[0][1]}
    add_live_children(index, pages, many_to_many=relations)
    return len(pages)
