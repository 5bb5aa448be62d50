"""Demo webinars: two to come (one almost full), four past ones (three with a replay).

Dates are relative to today, at fixed hours in Paris, so the demo stays current while a second
run on the same day changes nothing.
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone
from wagtail.models import Workflow, WorkflowPage

from catalogue.models import Category
from directory.models import ProviderPage
from guides.models import GuidePage
from home.demo_tools import ensure_home_page, upsert_page
from home.groups import MODERATION_WORKFLOW_NAME
from webinars.models import (
    Platform,
    Registration,
    RegistrationStatus,
    WebinarIndexPage,
    WebinarPage,
    WebinarSpeaker,
)
from webinars.models.pages import PARIS

PRESENTATION_DAY = date(2024, 3, 14)
NEARLY_FULL_CAPACITY = 40
NEARLY_FULL_REGISTERED = 38


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def programme(*items):
    entries = "".join(f"<li>{item}</li>" for item in items)
    return [
        {"type": "heading", "value": {"text": "Au programme", "level": "h2"}},
        {"type": "paragraph", "value": f"<ul>{entries}</ul>"},
    ]


def at_paris(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=PARIS)


def webinars_content(today):
    """(slug, fields, speakers, topic slugs, guide slugs, registrations) of each demo webinar."""
    return [
        (
            "reunions-en-visio-sans-zoom",
            {
                "title": "Des réunions en visio sans Zoom",
                "introduction": (
                    "Une heure pour découvrir BigBlueButton et Jitsi Meet, choisir entre les deux "
                    "selon la taille de vos réunions, et trouver qui peut vous les héberger."
                ),
                "start": at_paris(today + timedelta(days=10), 18, 30),
                "duration": 60,
                "audience": "Bénévoles et salariés qui animent des réunions à distance",
                "platform": Platform.BIGBLUEBUTTON,
                "join_url": "https://visio.emancipasso.example.org/b/reunions-sans-zoom",
                "capacity": NEARLY_FULL_CAPACITY,
                "live_subtitles": True,
                "body": [
                    paragraph(
                        "Depuis le confinement, beaucoup d'associations se réunissent par écran "
                        "interposé, souvent avec l'outil qu'un membre avait sous la main. Nous "
                        "verrons ce qu'impliquent ces choix et comment en changer sans perdre "
                        "personne en route."
                    ),
                    *programme(
                        "Ce que deviennent vos réunions chez un service commercial",
                        "Démonstration de BigBlueButton et de Jitsi Meet",
                        "Trouver un hébergeur de confiance, et ce que cela coûte",
                        "Vos questions",
                    ),
                ],
            },
            [
                ("Claire Dumas", "Formatrice", "Alpes Hébergement Éthique", "alpes-hebergement"),
                (
                    "Malik Benali",
                    "Administrateur système",
                    "Les Chatons du Nord",
                    "chatons-du-nord",
                ),
            ],
            ["visioconference"],
            ["fiche-visio-sans-zoom"],
            NEARLY_FULL_REGISTERED,
        ),
        (
            "formulaires-sans-google",
            {
                "title": "Inscriptions et questionnaires sans Google Forms",
                "introduction": (
                    "Comment recueillir des inscriptions, des adhésions ou des avis avec des "
                    "formulaires libres, et garder les réponses de vos membres chez vous."
                ),
                "start": at_paris(today + timedelta(days=24), 12, 30),
                "duration": 45,
                "audience": "Toute personne qui gère des inscriptions dans une association",
                "platform": Platform.JITSI,
                "join_url": "https://visio.emancipasso.example.org/formulaires-sans-google",
                "sign_language": True,
                "body": [
                    paragraph(
                        "Un webinaire court, à l'heure du déjeuner, avec une démonstration pas à "
                        "pas : créer un formulaire, le partager, exporter les réponses."
                    ),
                ],
            },
            [("Inès Royer", "Formatrice", "L'Atelier du Clic", "atelier-du-clic")],
            ["formulaires"],
            ["les-questions-a-se-poser"],
            0,
        ),
        (
            "convaincre-son-conseil-d-administration",
            {
                "title": "Convaincre son conseil d'administration de changer d'outils",
                "introduction": (
                    "Des arguments, des exemples et une méthode pour porter le sujet en bureau "
                    "ou en conseil d'administration, sans culpabiliser personne."
                ),
                "start": at_paris(today - timedelta(days=5), 18, 0),
                "duration": 60,
                "audience": "Membres de bureau et de conseil d'administration",
                "platform": Platform.BIGBLUEBUTTON,
                "body": [
                    paragraph(
                        "Changer d'outils est un choix politique : il demande du temps et des "
                        "moyens, et se décide collectivement. Nous avons partagé des façons "
                        "d'ouvrir la discussion."
                    ),
                ],
            },
            [("Julien Moreau", "Chargé de projet", "Animafac", "")],
            ["courriel", "partage-de-fichiers"],
            ["la-triple-domination", "temoignage-convaincre-sans-culpabiliser"],
            0,
        ),
        (
            "migrer-ses-fichiers-partages",
            {
                "title": "Migrer ses fichiers partagés sans rien perdre",
                "introduction": (
                    "Les étapes d'une migration de Google Drive vers Nextcloud : inventaire, "
                    "droits d'accès, transfert, et accompagnement des bénévoles."
                ),
                "start": at_paris(today - timedelta(days=21), 18, 30),
                "duration": 75,
                "audience": "Les personnes qui s'occupent des outils de l'association",
                "platform": Platform.BIGBLUEBUTTON,
                "replay_url": "https://framatube.org/w/4d6f1c2e-8b3a-4f5e-9c1d-2a7b8e9f0a13",
                "body": [
                    paragraph(
                        "Un retour d'expérience concret, avec les erreurs à éviter et une liste "
                        "de vérifications avant de couper l'ancien service."
                    ),
                ],
            },
            [
                (
                    "Hugo Lefèvre",
                    "Accompagnateur",
                    "Bordeaux Autonomie Numérique",
                    "bordeaux-autonomie",
                )
            ],
            ["partage-de-fichiers"],
            ["fiche-fichiers-partages", "deux-facons-de-migrer"],
            0,
        ),
        (
            "choisir-un-hebergeur-ethique",
            {
                "title": "Choisir un hébergeur éthique : les bonnes questions",
                "introduction": (
                    "Logiciel libre, données protégées, possibilité de partir avec ses "
                    "données : comment reconnaître un hébergeur digne de confiance."
                ),
                "start": at_paris(today - timedelta(days=49), 18, 0),
                "duration": 60,
                "audience": "Associations qui comparent des offres d'hébergement",
                "platform": Platform.PEERTUBE_LIVE,
                "replay_url": "https://framatube.org/w/7b2e9a41-3c5d-4e6f-8a1b-0c9d8e7f6a25",
                "body": [
                    paragraph(
                        "Nous avons passé en revue les engagements qui distinguent un hébergeur "
                        "éthique, en nous appuyant sur la charte des CHATONS."
                    ),
                ],
            },
            [("Gwenn Le Bihan", "Administratrice système", "Breizh Libre", "breizh-libre")],
            ["courriel", "site-web"],
            ["logiciel-libre-et-hebergeur-ethique"],
            0,
        ),
        (
            "presentation-de-l-initiative-emancipasso",
            {
                "title": "Présentation de l'initiative Emancip'Asso",
                "introduction": (
                    "Le webinaire de lancement : pourquoi Framasoft et Animafac ont lancé le "
                    "projet, et comment il aide les associations à s'émanciper des géants du "
                    "numérique."
                ),
                "start": at_paris(PRESENTATION_DAY, 18, 0),
                "duration": 90,
                "audience": "Associations, fédérations et structures d'accompagnement",
                "platform": Platform.PEERTUBE_LIVE,
                "replay_url": "https://framatube.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d",
                "transcript": (
                    "<p>Bienvenue à toutes et à tous. Ce soir, nous vous présentons "
                    "Emancip'Asso : un projet né d'une envie commune de Framasoft et "
                    "d'Animafac, pour que les associations choisissent des outils numériques "
                    "cohérents avec leurs valeurs.</p>"
                    "<p>Nous parlerons d'abord de la dépendance aux services des grandes "
                    "plateformes, puis des deux façons de changer : remplacer les outils un à "
                    "un, ou repenser l'ensemble de ses usages. Enfin, nous présenterons les "
                    "structures qui peuvent vous accompagner.</p>"
                ),
                "body": [
                    paragraph(
                        "En mars 2024, le projet entrait dans sa dernière phase : convaincre les "
                        "associations d'adopter des outils éthiques et les accompagner dans ce "
                        "changement. Ce webinaire en présentait les raisons et les ressources."
                    ),
                    *programme(
                        "Ce que les outils « gratuits » coûtent vraiment aux associations",
                        "Logiciel libre et hébergeur éthique : de quoi parle-t-on ?",
                        "Par où commencer : décision collective, diagnostic, plan d'action",
                        "Le rôle des prestataires de l'annuaire",
                    ),
                ],
            },
            [
                ("Anaïs Perrin", "Coordinatrice du projet", "Framasoft", ""),
                ("Julien Moreau", "Chargé de projet", "Animafac", ""),
                (
                    "Nora Chevalier",
                    "Accompagnatrice",
                    "Coopérative des Communs Numériques",
                    "coop-des-communs",
                ),
            ],
            ["courriel", "partage-de-fichiers", "visioconference"],
            ["la-triple-domination", "logiciel-libre-et-hebergeur-ethique"],
            0,
        ),
    ]


def load(stdout):
    home = ensure_home_page()
    index = upsert_page(
        home,
        WebinarIndexPage,
        "webinaires",
        title="Webinaires",
        introduction=(
            "Des rendez-vous en ligne d'une heure pour comprendre, voir des outils libres en "
            "action et poser vos questions. Les replays restent disponibles ensuite."
        ),
        show_in_menus=True,
    )
    workflow = Workflow.objects.filter(name=MODERATION_WORKFLOW_NAME).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})

    today = timezone.localdate(timezone=PARIS)
    topics = {category.slug: category for category in Category.objects.all()}
    guides = {guide.slug: guide for guide in GuidePage.objects.all()}
    providers = {provider.slug: provider for provider in ProviderPage.objects.live()}
    linked = 0
    for slug, fields, speakers, topic_slugs, guide_slugs, registered in webinars_content(today):
        webinar = upsert_page(index, WebinarPage, slug, **fields)
        wanted_speakers = [
            (name, role, organisation, providers.get(provider_slug))
            for name, role, organisation, provider_slug in speakers
        ]
        linked += sum(1 for *_, provider in wanted_speakers if provider is not None)
        set_relations(
            webinar,
            wanted_speakers,
            [topics[s] for s in topic_slugs if s in topics],
            [guides[s] for s in guide_slugs if s in guides],
        )
        ensure_registrations(webinar, registered)
    stdout.write(
        f"Webinaires : {len(webinars_content(today))} sur /webinaires/, "
        f"{linked} intervenants liés à l'annuaire."
    )


def set_relations(webinar, speakers, topics, guides):
    """Speakers, topics and guides, published again only when one of them changed."""
    current = (
        [(s.name, s.role, s.organisation, s.provider_id) for s in webinar.speakers.all()],
        {topic.pk for topic in webinar.topics.all()},
        {guide.pk for guide in webinar.related_guides.all()},
    )
    wanted = (
        [
            (name, role, org, provider.pk if provider else None)
            for name, role, org, provider in speakers
        ],
        {topic.pk for topic in topics},
        {guide.pk for guide in guides},
    )
    if current == wanted:
        return
    webinar.speakers = [
        WebinarSpeaker(name=name, role=role, organisation=organisation, provider=provider)
        for name, role, organisation, provider in speakers
    ]
    webinar.topics.set(topics)
    webinar.related_guides.set(guides)
    webinar.save_revision().publish()


def ensure_registrations(webinar, count):
    """Demo people, already confirmed, without e-mails: the addresses belong to example.org."""
    for number in range(1, count + 1):
        Registration.objects.get_or_create(
            webinar=webinar,
            email=f"participant{number:02d}@example.org",
            defaults={
                "name": f"Participant·e {number}",
                "organisation": "Association de démonstration",
                "consent": True,
                "status": RegistrationStatus.CONFIRMED,
                "confirmed_at": timezone.now(),
            },
        )
