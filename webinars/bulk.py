"""Webinars by the hundred, past (most with a replay) and to come (generate_bulk_content).

Two thirds are past, spread over three years, one third to come over the next year; each has
one or two speakers, some from the directory. Each webinar is drawn from its own seeded random
source, so a later, larger run adds the webinars a fresh one would have made.
"""

import datetime

from django.utils import timezone

from catalogue.models import Category
from directory.models import ProviderPage
from guides.models import GuidePage
from home.bulk_pages import add_live_children, seeded, series_to_top_up

from .models import Platform, WebinarIndexPage, WebinarPage, WebinarSpeaker

OPTION = "webinars"
HELP = "nombre de webinaires générés (passés et à venir)"
SLUG_PREFIX = "bulk-webinaire-"
SUBJECTS = ["Quitter Google Drive", "Une visio sans Zoom", "Nos courriels chez un hébergeur",
            "Former les bénévoles", "Un site web libre", "Gérer les adhésions"]  # fmt: skip
SPEAKERS = ["Camille Martin", "Alex Durand", "Sacha Bernard", "Dominique Petit", "Claude Moreau"]


def draw_webinar(number, seed, topics, providers, guides):
    rng = seeded(seed, "webinar", number)
    past = rng.random() < 2 / 3
    days = -rng.randint(1, 3 * 365) if past else rng.randint(1, 365)
    start = (timezone.now() + datetime.timedelta(days=days)).replace(
        hour=rng.choice([10, 14, 18]), minute=0, second=0, microsecond=0
    )
    duration = rng.choice([45, 60, 90, 120])
    title = f"{rng.choice(SUBJECTS)} (session {number + 1})"
    page = WebinarPage(
        title=title,
        slug=f"{SLUG_PREFIX}{number:05d}",
        introduction=f"{title} : une heure pour comprendre et poser vos questions.",
        start=start,
        duration=duration,
        ends_at=start + datetime.timedelta(minutes=duration),
        platform=rng.choice(Platform.values),
        audience="Bénévoles et salariés d'associations, sans prérequis",
        capacity=rng.choice([None, 30, 50, 100]),
        live_subtitles=rng.random() < 0.3,
        sign_language=rng.random() < 0.1,
        replay_url=(
            f"https://framatube.org/w/{number:05d}aBcDeFgHiJkLmNoPqRs"
            if past and rng.random() < 0.7
            else ""
        ),
    )
    speakers = [
        WebinarSpeaker(
            webinar=page,
            sort_order=order,
            name=rng.choice(SPEAKERS),
            role="Formatrice" if order else "Animatrice",
            provider=rng.choice(providers) if providers and rng.random() < 0.4 else None,
        )
        for order in range(rng.randint(1, 2))
    ]
    relations = {
        "topics": rng.sample(topics, min(len(topics), rng.randint(1, 2))),
        "related_guides": rng.sample(guides, min(len(guides), rng.randint(0, 2))),
    }
    return page, speakers, relations


def generate(count, seed):
    """Bring the bulk webinars up to `count`, never twice; return how many were added."""
    series = series_to_top_up(
        WebinarIndexPage,
        WebinarPage,
        SLUG_PREFIX,
        count,
        "Aucun index des webinaires : chargez d'abord la démonstration.",
    )
    if series is None:
        return 0
    index, existing = series
    topics = list(Category.objects.live().order_by("pk"))
    providers = list(ProviderPage.objects.live().order_by("pk")[:200])
    guides = list(GuidePage.objects.live().order_by("pk")[:200])
    drawn = [draw_webinar(n, seed, topics, providers, guides) for n in range(existing, count)]
    pages = [page for page, _speakers, _relations in drawn]
    speakers = {id(page): people for page, people, _relations in drawn}
    relations = {name: [rel[name] for *_, rel in drawn] for name in drawn[0][2]}
    add_live_children(
        index, pages, many_to_many=relations, children=lambda page: speakers[id(page)]
    )
    return len(pages)
