"""Demo directory: fictional providers (example.org), two provider logins, a few messages.

Every structure here is invented; none of them is an endorsement of a real company.
"""

import datetime

from catalogue.models import FreeAlternative
from directory.models import (
    Competency,
    ContactRequest,
    Department,
    DirectoryIndexPage,
    ProviderApplication,
    ProviderPage,
    Region,
)
from directory.permissions import grant_provider_access
from home.demo_tools import ensure_home_page, ensure_user, upsert_page

PROVIDER_PASSWORD = "prestataire-demo"  # noqa: S105 - a demo login, printed on purpose

# (slug, name, city, type, CHATONS, remote, régions, départements, services, tools,
#  support level, offer type, (price min, price max), adapted prices, last reviewed)
# fmt: off
PROVIDERS = [
    ("breizh-libre", "Breizh Libre", "Rennes", "association", True, True, ["bretagne"], [],
     ["hebergement", "installation-migration", "formation-utilisateurs"],
     ["nextcloud", "collabora-online", "framadate"], "general", "both", (250, 400), True,
     "2026-09-12"),
    ("coop-des-communs", "Coopérative des Communs Numériques", "Nantes", "cooperative", True,
     True, ["pays-de-la-loire", "bretagne"], [],
     ["diagnostic", "analyse-besoins", "financement", "installation-migration"],
     ["nextcloud", "mattermost", "paheko"], "specialist", "full", (450, 650), True,
     "2026-05-03"),
    ("lyon-numerique-solidaire", "Lyon Numérique Solidaire", "Lyon", "association", False, False,
     [], ["69", "01", "38"], ["mediation", "formation-utilisateurs", "formation-referents"],
     ["libreoffice", "firefox", "thunderbird"], "information", "a_la_carte", (150, 300), True,
     "2026-02-20"),
    ("alpes-hebergement", "Alpes Hébergement Éthique", "Grenoble", "company", True, True,
     ["auvergne-rhone-alpes"], [], ["hebergement", "support-documentation"],
     ["nextcloud", "jitsi-meet", "bigbluebutton", "peertube"], "specialist", "a_la_carte",
     (500, 750), False, "2025-06-18"),
    ("toulouse-logiciels-libres", "Toulouse Logiciels Libres", "Toulouse", "association", False,
     False, ["occitanie"], [], ["diagnostic", "mediation", "formation-utilisateurs"],
     ["libreoffice", "linux-mint", "firefox"], "general", "a_la_carte", (120, 250), True,
     "2026-07-01"),
    ("atelier-du-clic", "L'Atelier du Clic", "Montpellier", "sole_trader", False, True, [],
     ["34", "30"], ["formation-utilisateurs", "support-documentation"],
     ["nextcloud", "etherpad", "framadate"], "general", "a_la_carte", (300, 420), True,
     "2026-04-11"),
    ("bordeaux-autonomie", "Bordeaux Autonomie Numérique", "Bordeaux", "cooperative", False, False,
     ["nouvelle-aquitaine"], [], ["diagnostic", "analyse-besoins", "installation-migration"],
     ["nextcloud", "onlyoffice-docs", "sympa"], "general", "full", (400, 600), True,
     "2026-08-27"),
    ("chatons-du-nord", "Les Chatons du Nord", "Lille", "association", True, False,
     ["hauts-de-france"], [], ["hebergement", "support-documentation", "mediation"],
     ["nextcloud", "mastodon", "mobilizon", "framadate"], "general", "both", (0, 200), True,
     "2026-10-05"),
    ("grand-est-cloud", "Grand Est Cloud Solidaire", "Strasbourg", "company", False, True,
     ["grand-est"], [], ["hebergement", "installation-migration"],
     ["nextcloud", "collabora-online", "rocket-chat"], "specialist", "a_la_carte", (550, 800),
     False, "2025-03-14"),
    ("paris-asso-numerique", "Paris Asso Numérique", "Paris", "association", False, False,
     ["ile-de-france"], [], ["diagnostic", "financement", "analyse-besoins"],
     ["paheko", "yakforms", "limesurvey"], "general", "full", (350, 500), True, "2026-06-22"),
    ("seine-saint-denis-libre", "Collectif Libre 93", "Montreuil", "collective", False, False,
     [], ["93", "94", "75"], ["mediation", "formation-utilisateurs"],
     ["firefox", "linux-mint", "signal"], "information", "a_la_carte", (0, 150), True,
     "2026-01-30"),
    ("normandie-numerique-ethique", "Normandie Numérique Éthique", "Caen", "cooperative", True,
     True, ["normandie"], [], ["hebergement", "installation-migration", "formation-referents"],
     ["nextcloud", "element", "peertube"], "specialist", "both", (380, 560), True,
     "2026-03-09"),
    ("dijon-accompagnement", "Dijon Accompagnement Associatif", "Dijon", "sole_trader", False,
     False, [], ["21", "71", "89"], ["diagnostic", "analyse-besoins", "support-documentation"],
     ["libreoffice", "nextcloud-agenda", "kanboard"], "general", "a_la_carte", (280, 380), True,
     "2024-11-02"),
    ("val-de-loire-libre", "Val de Loire Libre", "Tours", "association", False, True,
     ["centre-val-de-loire"], [], ["mediation", "formation-utilisateurs", "formation-referents"],
     ["thunderbird", "libreoffice", "framadate"], "information", "a_la_carte", (100, 220), True,
     "2026-09-01"),
    ("provence-services-libres", "Provence Services Libres", "Marseille", "company", False, False,
     ["provence-alpes-cote-dazur"], [], ["hebergement", "installation-migration",
                                          "support-documentation"],
     ["wordpress", "nextcloud", "listmonk"], "specialist", "a_la_carte", (450, 700), False,
     "2026-05-19"),
    ("nice-mediation", "Azur Médiation Numérique", "Nice", "association", False, False, [],
     ["06", "83"], ["mediation", "formation-utilisateurs"], ["firefox", "thunderbird"],
     "information", "a_la_carte", (80, 180), True, "2026-08-08"),
    ("reunion-libre", "Réunion Libre", "Saint-Denis", "association", True, True,
     ["la-reunion"], [], ["hebergement", "formation-utilisateurs", "mediation"],
     ["nextcloud", "jitsi-meet", "framadate"], "general", "both", (200, 350), True,
     "2026-02-02"),
    ("limousin-numerique", "Limousin Numérique Partagé", "Limoges", "collective", False, True, [],
     ["87", "19", "23"], ["diagnostic", "mediation"], ["libreoffice", "etherpad"],
     "information", "a_la_carte", (0, 120), True, "2025-01-17"),
    ("auvergne-cooperative", "Auvergne Coop Numérique", "Clermont-Ferrand", "cooperative", False,
     False, [], ["63", "03", "15", "43"], ["diagnostic", "financement", "installation-migration",
                                           "formation-referents"],
     ["nextcloud", "dolibarr", "bookstack"], "specialist", "full", (420, 620), True,
     "2026-04-28"),
    ("visio-ethique", "Visio Éthique", "Angers", "company", False, True, [], ["49"],
     ["hebergement", "support-documentation"], ["bigbluebutton", "jitsi-meet", "peertube"],
     "specialist", "a_la_carte", (600, 900), False, "2026-06-05"),
    ("besancon-libre-ensemble", "Besançon Libre Ensemble", "Besançon", "association", True, False,
     ["bourgogne-franche-comte"], [], ["hebergement", "mediation", "formation-utilisateurs"],
     ["nextcloud", "mobilizon", "discourse"], "general", "both", (150, 280), True,
     "2026-07-15"),
    ("formation-referents-numeriques", "Référents & Co", "Poitiers", "sole_trader", False, True,
     [], ["86", "79"], ["formation-referents", "support-documentation", "analyse-besoins"],
     ["nextcloud", "wekan", "bookstack"], "general", "a_la_carte", (350, 450), True,
     "2026-03-25"),
    ("corse-numerique-libre", "Corse Numérique Libre", "Ajaccio", "association", False, False,
     ["corse"], [], ["mediation", "diagnostic"], ["libreoffice", "firefox", "framadate"],
     "information", "a_la_carte", (90, 200), True, "2026-05-30"),
    ("metz-hebergeur-associatif", "Hébergeur Associatif Lorrain", "Metz", "association", True,
     False, [], ["57", "54", "55", "88"], ["hebergement", "support-documentation"],
     ["nextcloud", "sympa", "roundcube"], "general", "a_la_carte", (0, 160), True,
     "2026-09-20"),
    ("migrations-sans-frontieres", "Migrations Sans Frontières", "Rouen", "company", False, True,
     [], ["76"], ["installation-migration", "diagnostic", "financement"],
     ["nextcloud", "onlyoffice-docs", "thunderbird", "roundcube"], "specialist", "full",
     (500, 780), False, "2025-08-30"),
    ("etabli-numerique", "L'Établi Numérique", "Lyon", "cooperative", False, True, [], ["69"],
     ["formation-utilisateurs", "formation-referents", "support-documentation"],
     ["nextcloud", "libreoffice", "bookstack"], "general", "a_la_carte", (300, 450), True,
     "2026-08-19"),
    ("liberons-nos-ordis", "Libérons nos ordis", "Villeurbanne", "association", False, False,
     [], ["69", "42"], ["mediation", "installation-migration"], ["linux-mint", "debian", "firefox"],
     "information", "a_la_carte", (0, 120), True, "2026-06-11"),
    ("zoomacom", "Zoomacom", "Saint-Étienne", "association", False, False, [], ["42"],
     ["mediation", "analyse-besoins"], ["mastodon"], "general", "both", (0, 0), False,
     "2026-04-02"),
    ("pau-pyrenees-libre", "Pyrénées Libre", "Pau", "collective", False, False, [],
     ["64", "65", "40"], ["mediation", "formation-utilisateurs"],
     ["framadate", "etherpad", "mastodon"], "information", "a_la_carte", (0, 100), True,
     "2026-10-10"),
]
# fmt: on

# Zoomacom is a real structure the seed documents name: only what they say about it.
DESCRIPTIONS = {
    "zoomacom": (
        "<p>Zoomacom accompagne depuis plusieurs années des associations, groupes et collectifs "
        "engagés dans des démarches de transition, pour un coup de main ponctuel ou un "
        "accompagnement plus long. Elle apporte ses compétences sur le volet numérique au "
        "collectif « La Fabrique de la Transition », et a notamment accompagné le Collectif "
        "pour une Transition Citoyenne dans la Loire.</p>"
    ),
}

DEMO_ACCOUNTS = [("prestataire1", "breizh-libre"), ("prestataire2", "coop-des-communs")]

# fmt: off
CONTACT_REQUESTS = [
    ("breizh-libre", "Les Jardins Partagés de Rennes", "Maëlle Le Goff", "bretagne",
     ["hebergement", "formation-utilisateurs"],
     "Notre association de 40 bénévoles partage ses documents sur un drive gratuit. Nous "
     "voudrions un espace de fichiers libre et une demi-journée de formation."),
    ("breizh-libre", "Théâtre en Marche", "Yann Prigent", "bretagne", ["installation-migration"],
     "Nous aimerions transférer nos agendas et nos contacts vers des outils libres avant la "
     "prochaine saison."),
    ("coop-des-communs", "Fédération des Amicales Laïques", "Sophie Martin", "pays-de-la-loire",
     ["diagnostic", "financement"],
     "Nous cherchons un accompagnement complet pour nos 12 associations membres, et de l'aide "
     "pour monter un dossier de financement."),
]
# fmt: on

# fmt: off
APPLICATIONS = [
    ("Numérique Paysan", "association", "Albi", ["mediation", "formation-utilisateurs"],
     ["occitanie"], "pending", ""),
    ("Octets Coopératifs", "cooperative", "Orléans", ["hebergement", "installation-migration"],
     ["centre-val-de-loire"], "pending", ""),
    ("Cloud Express", "company", "Paris", ["hebergement"], ["ile-de-france"], "rejected",
     "Votre offre repose sur un hébergement chez un grand fournisseur américain : elle ne "
     "correspond pas à la charte de l'annuaire."),
]
# fmt: on


def _summary(name, city, services):
    return (
        f"{name} accompagne les associations autour de {city} : "
        + ", ".join(service.lower() for service in services[:3])
        + "."
    )


def _set_relations(page, relations):
    """Set many-to-many fields and publish only when they differ from what is live."""
    changed = False
    for name, objects in relations.items():
        wanted = {obj.pk for obj in objects}
        if set(getattr(page, name).values_list("pk", flat=True)) != wanted:
            getattr(page, name).set(objects)
            changed = True
    if changed:
        page.save_revision().publish()


def load_providers(index):
    competencies = {c.slug: c for c in Competency.objects.all()}
    regions = {r.slug: r for r in Region.objects.all()}
    departments = {d.code: d for d in Department.objects.all()}
    tools = {t.slug: t for t in FreeAlternative.objects.all()}
    pages = {}
    for (
        slug,
        name,
        city,
        structure_type,
        chatons,
        remote,
        region_slugs,
        department_codes,
        service_slugs,
        tool_slugs,
        support,
        offer,
        (price_min, price_max),
        adapted,
        reviewed,
    ) in PROVIDERS:
        services = [competencies[s] for s in service_slugs]
        page = upsert_page(
            index,
            ProviderPage,
            slug,
            title=name,
            introduction=_summary(name, city, [s.name for s in services]),
            description=DESCRIPTIONS.get(
                slug,
                f"<p>{name} travaille avec des associations de toutes tailles. Nous "
                "commençons toujours par écouter vos usages avant de proposer des outils.</p>",
            ),
            structure_type=structure_type,
            chatons_member=chatons,
            remote=remote,
            city=city,
            support_level=support,
            offer_type=offer,
            price_information=(
                "Devis gratuit ; tarif à la journée pour l'accompagnement." if price_max else ""
            ),
            price_min=price_min or None,
            price_max=price_max or None,
            prices_adapted=adapted,
            website="" if slug in DESCRIPTIONS else f"https://{slug}.example.org",
            fediverse_url="" if slug in DESCRIPTIONS else f"https://social.example.org/@{slug}",
            languages="français",
            last_reviewed=datetime.date.fromisoformat(reviewed),
            contact_email=f"contact@{slug}.example.org",
        )
        _set_relations(
            page,
            {
                "services": services,
                "tools": [tools[t] for t in tool_slugs if t in tools],
                "regions": [regions[r] for r in region_slugs],
                "departments": [departments[d] for d in department_codes],
            },
        )
        pages[slug] = page
    return pages


def load_accounts(pages, stdout):
    for username, slug in DEMO_ACCOUNTS:
        page = pages[slug]
        user = ensure_user(
            username,
            PROVIDER_PASSWORD,
            email=f"{username}@{slug}.example.org",
            first_name=page.title,
        )
        grant_provider_access(user, page)
        stdout.write(
            f"Compte prestataire : {username} / {PROVIDER_PASSWORD} (fiche « {page.title} »)"
        )


def load_messages(pages):
    competencies = {c.slug: c for c in Competency.objects.all()}
    for slug, association, person, region, needs, message in CONTACT_REQUESTS:
        request, _ = ContactRequest.objects.get_or_create(
            provider=pages[slug],
            association_name=association,
            defaults={
                "person_name": person,
                "email": f"contact@{association.lower().replace(' ', '-')[:30]}.example.org",
                "region": Region.objects.get(slug=region),
                "message": message,
                "consent": True,
            },
        )
        request.needs.set([competencies[n] for n in needs])
    for name, structure_type, city, services, regions, status, reason in APPLICATIONS:
        application, _ = ProviderApplication.objects.get_or_create(
            structure_name=name,
            defaults={
                "structure_type": structure_type,
                "city": city,
                "summary": f"{name} souhaite accompagner les associations de sa région.",
                "contact_name": "Dominique Exemple",
                "contact_email": f"contact@{name.lower().replace(' ', '-')}.example.org",
                "charter_accepted": True,
                "status": status,
                "rejection_reason": reason,
            },
        )
        application.services.set(Competency.objects.filter(slug__in=services))
        application.regions.set(Region.objects.filter(slug__in=regions))


def load(stdout):
    index = upsert_page(
        ensure_home_page(),
        DirectoryIndexPage,
        "annuaire",
        title="Annuaire des prestataires",
        introduction=(
            "Des structures qui accompagnent les associations vers des outils libres : "
            "diagnostic, hébergement, migration, formation. Filtrez par territoire, par "
            "service ou par outil, puis contactez-les directement."
        ),
        show_in_menus=True,
    )
    pages = load_providers(index)
    load_accounts(pages, stdout)
    load_messages(pages)
