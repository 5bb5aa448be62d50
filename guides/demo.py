"""Demo guides: the arguments of the seed documents, practical guides, a testimony, tool sheets.

Every kind of guide and every block of the guide body appears at least once, so that editors
see what each one gives. Also creates an editor and a moderator account to try the workflow.
"""

import datetime
import io

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Workflow, WorkflowPage

from catalogue.models import CatalogueIndexPage, Category, FreeAlternative, ProprietaryService
from guides.models import Audience, GuideIndexPage, GuideKind, GuidePage
from home.demo_tools import ensure_home_page, ensure_user, upsert_page
from home.groups import EDITORS, MODERATION_WORKFLOW_NAME, MODERATORS

EDITOR_LOGIN = ("editrice", "emancipasso-editrice")
MODERATOR_LOGIN = ("moderateur", "emancipasso-moderateur")

FRAMASOFT = "L'équipe de Framasoft"
ANIMAFAC = "L'équipe d'Animafac"
FEATURED_GUIDES = (
    "la-triple-domination",
    "logiciel-libre-et-hebergeur-ethique",
    "deux-facons-de-migrer",
    "temoignage-convaincre-sans-culpabiliser",
)
VIDEO_URL = "https://framatube.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d"

DOMINATION_ALT = (
    "Trois cercles qui se chevauchent, intitulés économie, technique et culture : au centre, "
    "là où ils se recouvrent, la place qu'occupent les géants du numérique."
)


def ensure_domination_image():
    """A small illustration drawn here, so the demo needs no file from elsewhere."""
    image_model = get_image_model()
    image = image_model.objects.filter(title="La triple domination").first()
    if image:
        return image
    picture = PillowImage.new("RGB", (960, 540), "#fffdf8")
    draw = ImageDraw.Draw(picture)
    for (x, y), colour in (
        ((330, 210), "#6b2fa5"),
        ((630, 210), "#1f7a3d"),
        ((480, 350), "#1f4f8a"),
    ):
        draw.ellipse((x - 170, y - 170, x + 170, y + 170), outline=colour, width=10)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return image_model.objects.create(
        title="La triple domination",
        file=ContentFile(buffer.getvalue(), name="triple-domination.png"),
    )


QUESTIONS_TEXT = """Avant de choisir un outil numérique pour l'association

1. Le logiciel est-il libre ? Son code peut-il être lu, vérifié et adapté ?
2. Qui héberge le service, et cet hébergeur est-il digne de confiance ?
3. Vit-il de la publicité ou de la revente de données ?
4. Pourrons-nous récupérer nos données, dans un format ouvert, pour changer d'outil ?
5. Les données des adhérents sont-elles protégées ? Qui peut y accéder ?
6. Que paie-t-on, et à qui ? Le prix est-il clair ?
7. Qui, dans l'association, saura s'en servir et former les autres ?
"""


def ensure_questions_document():
    document_model = get_document_model()
    document = document_model.objects.filter(
        title="Les questions à se poser (aide-mémoire)"
    ).first()
    if document:
        return document
    return document_model.objects.create(
        title="Les questions à se poser (aide-mémoire)",
        file=ContentFile(QUESTIONS_TEXT.encode(), name="questions-a-se-poser.txt"),
    )


def paragraph(*texts):
    return {"type": "paragraph", "value": "".join(f"<p>{text}</p>" for text in texts)}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def argument(title, problem, why_it_matters, answer, sources=()):
    return {
        "type": "argument",
        "value": {
            "title": title,
            "problem": f"<p>{problem}</p>",
            "why_it_matters": f"<p>{why_it_matters}</p>",
            "ethical_answer": f"<p>{answer}</p>",
            "sources": [{"title": name, "url": url} for name, url in sources],
        },
    }


def alternatives(service_slug, *alternative_slugs, title=None):
    service = ProprietaryService.objects.get(slug=service_slug)
    chosen = FreeAlternative.objects.in_bulk(alternative_slugs, field_name="slug")
    return {
        "type": "alternatives",
        "value": {
            "title": title or f"Par quoi remplacer {service.name} ?",
            "service": service.pk,
            "alternatives": [chosen[slug].pk for slug in alternative_slugs],
        },
    }


def checklist(title, entries, introduction=""):
    return {
        "type": "checklist",
        "value": {"title": title, "introduction": introduction, "items": list(entries)},
    }


def steps(title, entries):
    return {
        "type": "steps",
        "value": {
            "title": title,
            "steps": [{"title": name, "text": f"<p>{text}</p>"} for name, text in entries],
        },
    }


def callout(kind, title, text):
    return {"type": "callout", "value": {"kind": kind, "title": title, "text": f"<p>{text}</p>"}}


def quote(text, attribution, role=""):
    return {"type": "quote", "value": {"quote": text, "attribution": attribution, "role": role}}


def faq(*entries, title="Questions fréquentes"):
    return {
        "type": "faq",
        "value": {
            "title": title,
            "items": [{"question": q, "answer": f"<p>{a}</p>"} for q, a in entries],
        },
    }


def call_to_action(title, text, link_text, page):
    return {
        "type": "call_to_action",
        "value": {"title": title, "text": text, "link_text": link_text, "page": page.pk, "url": ""},
    }


MIGRATION_STEPS = [
    (
        "La décision du conseil d'administration",
        "Le changement est un choix politique qui demande du temps et des moyens : il se "
        "décide collectivement, et le bureau le porte.",
    ),
    (
        "Le diagnostic",
        "Faire la liste des outils, de qui les utilise et pour quoi. Un prestataire peut aider "
        "à poser ce diagnostic et à formuler les besoins.",
    ),
    (
        "Le plan d'action et de formation",
        "Choisir les outils, un calendrier réaliste et les personnes référentes ; chercher les "
        "financements possibles (par exemple auprès du dispositif local d'accompagnement).",
    ),
    (
        "La formation et l'accompagnement",
        "Former les bénévoles et les salariés, documenter les usages, garder un contact pour "
        "les questions des premiers mois.",
    ),
]


def guides_content(image, document, catalogue):
    """(slug, fields) of every demo guide; fixed review dates keep the demo idempotent."""
    return [
        (
            "la-triple-domination",
            {
                "title": "La triple domination des géants du numérique",
                "introduction": (
                    "Pourquoi les outils « gratuits » de Google, Meta ou Microsoft posent un "
                    "problème aux associations qui défendent la solidarité et l'émancipation."
                ),
                "kind": GuideKind.ARGUMENT,
                "audience": Audience.ALL,
                "authors": FRAMASOFT,
                "last_reviewed": datetime.date(2026, 10, 6),
                "listing_image": image,
                "listing_image_alt": DOMINATION_ALT,
                "topics": ["reseaux-sociaux", "partage-de-fichiers", "courriel"],
                "services": ["gmail", "google-drive", "facebook"],
                "body": [
                    paragraph(
                        "Les messageries, les drives et les réseaux sociaux les plus courants "
                        "appartiennent à une poignée d'entreprises. Leur domination n'est pas "
                        "seulement commerciale : elle est aussi technique et culturelle."
                    ),
                    argument(
                        "Une domination économique, technique et culturelle",
                        "Quelques entreprises concentrent une part inédite des ressources, des "
                        "données, des revenus et donc du pouvoir. Elles fixent les règles des "
                        "outils que tout le monde utilise, et la manière même de s'en servir.",
                        "Une association qui porte des valeurs de justice sociale, d'égalité ou "
                        "de solidarité renforce, sans le vouloir, des acteurs dont le projet "
                        "est opposé au sien : chaque membre inscrit et chaque donnée partagée "
                        "augmentent leur poids.",
                        "Choisir des logiciels libres, hébergés par des structures qui ne vivent "
                        "pas de nos données, c'est mettre ses outils en cohérence avec ses "
                        "valeurs et soutenir des communs numériques.",
                        sources=[
                            (
                                "Framasoft, Dégooglisons Internet",
                                "https://degooglisons-internet.org",
                            ),
                        ],
                    ),
                    {
                        "type": "image",
                        "value": {
                            "image": image.pk,
                            "alt_text": DOMINATION_ALT,
                            "caption": "Économie, technique, culture : les trois leviers.",
                        },
                    },
                    argument(
                        "Le prix caché de la gratuité",
                        "Un service gratuit se finance autrement : par la publicité ciblée, donc "
                        "par le profilage de ses utilisateurs et par l'attention qu'il capte.",
                        "Ce sont les données des adhérents, des donateurs et des bénévoles qui "
                        "paient. L'association en est pourtant responsable.",
                        "Payer un service clair à un hébergeur éthique, c'est savoir ce que l'on "
                        "achète et garder la maîtrise des données.",
                    ),
                    quote(
                        "Choisir des outils, c'est transférer du pouvoir : le reprendre, ou en "
                        "être dépossédé.",
                        "Libérons nos ordis",
                        "association d'accompagnement",
                    ),
                    call_to_action(
                        "Par quoi commencer ?",
                        "Le catalogue recense, usage par usage, des alternatives libres et des "
                        "hébergeurs qui les proposent.",
                        "Voir les alternatives",
                        catalogue,
                    ),
                ],
            },
        ),
        (
            "les-questions-a-se-poser",
            {
                "title": "Les questions à poser à un outil ou à un hébergeur",
                "introduction": (
                    "Sept questions simples pour juger un outil numérique avant de l'adopter, "
                    "et un aide-mémoire à imprimer pour la prochaine réunion."
                ),
                "kind": GuideKind.PRACTICAL,
                "audience": Audience.SMALL,
                "authors": ANIMAFAC,
                "last_reviewed": datetime.date(2026, 9, 22),
                "topics": ["partage-de-fichiers", "bureautique"],
                "services": ["google-drive", "dropbox"],
                "body": [
                    paragraph(
                        "Un service numérique, ce sont des logiciels et les données qu'ils "
                        "traitent. Ils tournent sur vos appareils ou sur les serveurs d'un "
                        "hébergeur. Dans les deux cas, quelques questions suffisent pour savoir "
                        "à qui l'on fait confiance."
                    ),
                    checklist(
                        "Les questions à se poser",
                        [
                            "Le logiciel est-il libre ? Son code peut-il être lu et vérifié ?",
                            "L'hébergeur est-il digne de confiance ? De quoi vit-il ?",
                            "Pourrons-nous changer d'outil sans perdre nos données ?",
                            "Les données des adhérents sont-elles à l'abri d'une exploitation "
                            "commerciale ou politique ?",
                            "Que paie-t-on, et à qui ?",
                            "Qui saura s'en servir et former les autres ?",
                        ],
                        introduction="À passer en revue en bureau, outil par outil.",
                    ),
                    callout(
                        "tip",
                        "Une question à la fois",
                        "Inutile de tout trancher d'un coup : commencez par l'outil qui pose le "
                        "plus de problèmes, ou celui que tout le monde utilise.",
                    ),
                    {
                        "type": "document",
                        "value": {
                            "document": document.pk,
                            "title": "Télécharger l'aide-mémoire des questions",
                        },
                    },
                    faq(
                        (
                            "Et si personne dans l'association n'y connaît rien ?",
                            "C'est le cas le plus courant. Des structures de l'annuaire "
                            "accompagnent justement les associations dans ce diagnostic.",
                        ),
                        (
                            "Faut-il tout héberger nous-mêmes ?",
                            "Non. Un hébergeur éthique peut faire tourner les logiciels libres "
                            "pour vous ; c'est souvent le plus simple.",
                        ),
                    ),
                ],
            },
        ),
        (
            "logiciel-libre-et-hebergeur-ethique",
            {
                "title": "Ce qui fait un logiciel libre et un hébergeur éthique",
                "introduction": (
                    "Transparence, partage, absence de revente des données, réversibilité : "
                    "les critères pour reconnaître un outil et un hébergeur de confiance."
                ),
                "kind": GuideKind.ARGUMENT,
                "audience": Audience.ALL,
                "authors": FRAMASOFT,
                "last_reviewed": datetime.date(2026, 10, 1),
                "topics": ["partage-de-fichiers", "courriel", "systeme"],
                "services": ["microsoft-365", "windows"],
                "body": [
                    argument(
                        "Un logiciel libre, c'est un logiciel transparent",
                        "Un logiciel fermé peut contenir des fonctions cachées, et seul son "
                        "éditeur décide de son avenir.",
                        "L'association ne peut ni vérifier ce que l'outil fait de ses données, "
                        "ni l'adapter, ni le garder si l'éditeur change ses conditions.",
                        "Le code d'un logiciel libre peut être lu, audité par des personnes "
                        "indépendantes, adapté et partagé : le travail des uns profite à tous.",
                    ),
                    argument(
                        "Un hébergeur éthique ne vit pas de vos données",
                        "Un hébergeur commercial peut être racheté, changer de modèle ou se "
                        "mettre à exploiter ce qu'il stocke.",
                        "Ce sont les données de vos membres qui sont en jeu, et votre capacité "
                        "à continuer de travailler si le service disparaît.",
                        "Un hébergeur éthique n'utilise que des logiciels libres, ne confie pas "
                        "vos données à des tiers, vous fait payer un service clair et vous "
                        "permet de repartir avec vos données dans des formats ouverts.",
                        sources=[("Le collectif CHATONS", "https://www.chatons.org")],
                    ),
                    faq(
                        (
                            "Libre veut-il dire gratuit ?",
                            "Non. Le logiciel peut s'obtenir sans payer de licence, mais "
                            "l'hébergement, la formation et l'accompagnement ont un coût.",
                        ),
                        (
                            "Où trouver un hébergeur éthique ?",
                            "Les membres du collectif CHATONS s'engagent sur une charte ; "
                            "l'annuaire du site présente aussi des structures qui accompagnent "
                            "les associations.",
                        ),
                    ),
                ],
            },
        ),
        (
            "deux-facons-de-migrer",
            {
                "title": "Un outil à la fois, ou tout repenser : deux façons de migrer",
                "introduction": (
                    "Remplacer progressivement chaque outil ou revoir d'un coup tous ses "
                    "usages : les deux démarches, et le chemin commun à suivre."
                ),
                "kind": GuideKind.PRACTICAL,
                "audience": Audience.MEDIUM,
                "authors": f"{FRAMASOFT}, {ANIMAFAC}",
                "last_reviewed": datetime.date(2026, 10, 12),
                "topics": ["bureautique", "gestion-de-projet"],
                "services": ["google-drive", "microsoft-365", "trello"],
                "body": [
                    heading("Deux démarches possibles"),
                    paragraph(
                        "<strong>Remplacer progressivement</strong>, un à un, les outils "
                        "actuels : on avance par petites victoires, au rythme des bénévoles.",
                        "<strong>Repenser globalement</strong> ses usages du numérique : plus "
                        "exigeant, mais l'occasion de simplifier et de mettre à plat ce qui "
                        "s'était empilé.",
                    ),
                    callout(
                        "warning",
                        "Comptez large",
                        "Une démarche complète prend souvent deux à trois ans. Ce n'est pas un "
                        "échec d'avancer lentement : c'est la condition pour que tout le monde "
                        "suive.",
                    ),
                    steps("Le chemin d'une migration", MIGRATION_STEPS),
                    heading("Qui peut aider ?"),
                    paragraph(
                        "Les structures de l'annuaire accompagnent les associations sur tout ou "
                        "partie de ce chemin : diagnostic, recherche de financements, "
                        "hébergement, migration des données, formation."
                    ),
                    call_to_action(
                        "Repérer les outils à remplacer",
                        "Le catalogue liste pour chaque service les alternatives libres.",
                        "Ouvrir le catalogue",
                        catalogue,
                    ),
                ],
            },
        ),
        (
            "temoignage-convaincre-sans-culpabiliser",
            {
                "title": "Témoignage : convaincre son association sans culpabiliser personne",
                "introduction": (
                    "Un bénévole raconte comment son association sportive a quitté Google "
                    "Drive et les groupes Facebook, en prenant le temps d'expliquer."
                ),
                "kind": GuideKind.TESTIMONY,
                "audience": Audience.SMALL,
                "authors": "Récit recueilli par l'équipe d'Animafac (anonymisé)",
                "last_reviewed": datetime.date(2026, 8, 30),
                "topics": ["partage-de-fichiers", "discussion"],
                "services": ["google-drive", "groupes-facebook"],
                "body": [
                    paragraph(
                        "« Chacun avait ses raisons de rester sur Google Drive ou sur Facebook. "
                        "Ceux qui n'avaient pas de compte Facebook rataient une partie des "
                        "discussions, mais personne ne s'en rendait compte. »",
                        "« J'ai d'abord voulu tout changer seul, et je me suis épuisé. Ce qui a "
                        "marché, c'est de présenter les enjeux en assemblée générale, sans "
                        "reprocher à personne ses habitudes, puis de faire voter le projet. »",
                    ),
                    quote(
                        "Le jour où le bureau a voté, ce n'était plus mon combat : c'était le "
                        "projet de l'association.",
                        "Un bénévole",
                        "association sportive",
                    ),
                    alternatives("groupes-facebook", "mobilizon", "sympa"),
                    {
                        "type": "video",
                        "value": {
                            "url": VIDEO_URL,
                            "title": "Présentation d'Emancip'Asso",
                            "duration": "45 min",
                            "transcript": "",
                        },
                    },
                    callout(
                        "info",
                        "Ce qui a aidé",
                        "Un hébergeur associatif pour les fichiers, une liste de diffusion pour "
                        "les annonces, et une après-midi de prise en main pour tous.",
                    ),
                ],
            },
        ),
        (
            "fiche-framadate",
            {
                "title": "Fiche outil : trouver une date de réunion sans Doodle",
                "introduction": (
                    "Framadate et Rallly font la même chose que Doodle, sans publicité ni "
                    "compte obligatoire pour les participants."
                ),
                "kind": GuideKind.TOOL_SHEET,
                "audience": Audience.ALL,
                "authors": FRAMASOFT,
                "last_reviewed": datetime.date(2026, 9, 15),
                "topics": ["sondages"],
                "services": ["doodle"],
                "body": [
                    alternatives("doodle", "framadate", "rallly"),
                    steps(
                        "Créer un sondage de dates en trois minutes",
                        [
                            ("Créer le sondage", "Choisir « sondage de dates » et le nommer."),
                            ("Proposer des créneaux", "Ajouter les jours et les horaires."),
                            ("Partager le lien", "L'envoyer par courriel ou sur la liste."),
                        ],
                    ),
                    callout(
                        "tip",
                        "Un lien d'administration à garder",
                        "Conservez le lien d'administration reçu à la création : c'est lui qui "
                        "permet de modifier ou de clore le sondage.",
                    ),
                ],
            },
        ),
        (
            "fiche-visio-sans-zoom",
            {
                "title": "Fiche outil : une visio sans Zoom",
                "introduction": (
                    "Jitsi Meet pour les réunions courantes, BigBlueButton pour les formations : "
                    "des visios libres, sans compte pour les participants."
                ),
                "kind": GuideKind.TOOL_SHEET,
                "audience": Audience.MEDIUM,
                "authors": ANIMAFAC,
                "last_reviewed": datetime.date(2026, 10, 3),
                "topics": ["visioconference"],
                "services": ["zoom", "google-meet", "microsoft-teams"],
                "body": [
                    alternatives("zoom", "jitsi-meet", "bigbluebutton", "nextcloud-talk"),
                    checklist(
                        "Avant la réunion",
                        [
                            "Tester le lien la veille, avec un navigateur à jour.",
                            "Prévoir un numéro de téléphone pour qui n'a pas de connexion.",
                            "Couper les caméras si la connexion est faible.",
                        ],
                    ),
                    faq(
                        (
                            "Combien de personnes peuvent participer ?",
                            "Jitsi Meet convient bien aux petites réunions ; pour une assemblée "
                            "nombreuse, BigBlueButton ou un hébergeur dimensionné est plus sûr.",
                        ),
                    ),
                ],
            },
        ),
        (
            "fiche-fichiers-partages",
            {
                "title": "Fiche outil : des fichiers partagés avec Nextcloud",
                "introduction": (
                    "Un espace de fichiers commun qui appartient à l'association et non à la "
                    "personne qui l'a créé."
                ),
                "kind": GuideKind.TOOL_SHEET,
                "audience": Audience.LARGE,
                "authors": FRAMASOFT,
                "last_reviewed": datetime.date(2026, 9, 8),
                "topics": ["partage-de-fichiers", "agenda"],
                "services": ["google-drive", "dropbox", "onedrive", "google-agenda"],
                "body": [
                    alternatives("google-drive", "nextcloud", "seafile"),
                    alternatives("google-agenda", "nextcloud-agenda"),
                    paragraph(
                        "Avec un compte pour l'association et des dossiers partagés par groupe, "
                        "les documents restent quand les bénévoles s'en vont."
                    ),
                ],
            },
        ),
        (
            "proteger-les-donnees-des-adherents",
            {
                "title": "Protéger les données des adhérents",
                "introduction": (
                    "Le fichier des membres, les dons, les inscriptions : des données dont "
                    "l'association est responsable, et qu'elle peut garder chez elle."
                ),
                "kind": GuideKind.ARGUMENT,
                "audience": Audience.SMALL,
                "authors": ANIMAFAC,
                "last_reviewed": datetime.date(2026, 9, 28),
                "topics": ["adhesions-comptabilite", "formulaires"],
                "services": ["google-sheets", "google-forms"],
                "body": [
                    argument(
                        "Les données des membres ne sont pas une monnaie d'échange",
                        "Un tableur en ligne ou un formulaire gratuit confie les coordonnées "
                        "des membres à une entreprise qui vit de l'exploitation des données.",
                        "L'association est responsable de ces données devant ses membres et "
                        "devant la loi ; elle doit savoir où elles sont et qui y accède.",
                        "Un logiciel de gestion libre comme Paheko et des formulaires "
                        "hébergés par une structure éthique gardent ces données à l'abri.",
                    ),
                    alternatives("google-sheets", "paheko", "dolibarr"),
                    alternatives("google-forms", "yakforms", "limesurvey"),
                ],
            },
        ),
    ]


def load(stdout):
    home = ensure_home_page()
    index = upsert_page(
        home,
        GuideIndexPage,
        "guides",
        title="Guides",
        introduction=(
            "Des arguments pour convaincre, des guides pratiques, des témoignages et des "
            "fiches outils pour changer d'outils numériques pas à pas."
        ),
        show_in_menus=True,
    )
    WorkflowPage.objects.get_or_create(
        page=index, defaults={"workflow": Workflow.objects.get(name=MODERATION_WORKFLOW_NAME)}
    )
    catalogue = CatalogueIndexPage.objects.get()
    categories = {category.slug: category for category in Category.objects.all()}
    services = {service.slug: service for service in ProprietaryService.objects.all()}
    guides = []
    for slug, fields in guides_content(
        ensure_domination_image(), ensure_questions_document(), catalogue
    ):
        topics = [categories[name] for name in fields.pop("topics")]
        chosen_services = [services[name] for name in fields.pop("services")]
        guides.append(upsert_guide(index, slug, topics, chosen_services, **fields))
    upsert_page(
        home.get_parent(),
        type(home),
        home.slug,
        featured_guides=[
            {"type": "guide", "value": guide.pk}
            for guide in guides
            if guide.slug in FEATURED_GUIDES
        ],
    )
    ensure_user(
        *EDITOR_LOGIN, email="editrice@example.org", groups=[Group.objects.get(name=EDITORS)]
    )
    ensure_user(
        *MODERATOR_LOGIN,
        email="moderateur@example.org",
        groups=[Group.objects.get(name=MODERATORS)],
    )
    stdout.write(
        f"Guides : {len(guides)} guides sur /guides/. Comptes de relecture : "
        f"{EDITOR_LOGIN[0]} / {EDITOR_LOGIN[1]} (éditrice), "
        f"{MODERATOR_LOGIN[0]} / {MODERATOR_LOGIN[1]} (modérateur)."
    )


def upsert_guide(index, slug, topics, services, **fields):
    """upsert_page, then the many-to-many choices, published only when they changed."""
    guide = upsert_page(index, GuidePage, slug, **fields)
    current = (
        {topic.pk for topic in guide.topics.all()},
        {service.pk for service in guide.services.all()},
    )
    if current != ({topic.pk for topic in topics}, {service.pk for service in services}):
        guide.topics.set(topics)
        guide.services.set(services)
        guide.save_revision().publish()
    return guide
