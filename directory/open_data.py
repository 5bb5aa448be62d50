"""The directory as open data, and the "Données ouvertes" page that documents both datasets.

Only live, public profiles, and only what a profile page shows: never the contact e-mail.
"""

from django.conf import settings
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.models import Site

from catalogue.open_data import CATALOGUE
from home.open_data import (
    DATA_LICENCE,
    DATA_LICENCE_URL,
    LIST_SEPARATOR,
    TEXT_LICENCE,
    TEXT_LICENCE_URL,
    Column,
    Dataset,
    download_response,
    plain_text,
)

from .models import ProviderPage

CHUNK = 500


def published_providers():
    """Live public profiles, read by chunks (each with its relations) rather than all at once,
    sharing one copy of the site's root paths (else each profile's URL reads the cache)."""
    providers = (
        ProviderPage.objects.live()
        .public()
        .prefetch_related("offerings", "regions", "departments", "links", "tools")
        .order_by("title")
    )
    root_paths = Site.get_site_root_paths()
    for provider in providers.iterator(chunk_size=CHUNK):
        provider._wagtail_cached_site_root_paths = root_paths
        yield provider


def chatonsinfos_url(provider):
    path = reverse("chatonsinfos_organization", args=[provider.slug])
    return settings.SITE_URL + path


def live_tool_names(provider):
    return sorted(tool.name for tool in provider.tools.all() if tool.live)


DIRECTORY = Dataset(
    slug="annuaire",
    title="Annuaire des prestataires",
    description=(
        "Les structures qui accompagnent les associations vers des outils libres : ce "
        "qu'elles proposent, où, à quel prix, avec quels outils. Seules les fiches publiées "
        "y figurent, sans leur adresse de contact (privée)."
    ),
    columns=[
        Column("identifiant", "Identifiant stable de la fiche.", lambda p: p.slug),
        Column("nom", "Nom de la structure.", lambda p: p.title),
        Column("page", "Sa fiche sur le hub.", lambda p: p.full_url),
        Column(
            "introduction",
            "Présentation en deux ou trois phrases.",
            lambda p: p.introduction,
            text=True,
        ),
        Column(
            "presentation",
            "Présentation complète, en texte brut.",
            lambda p: plain_text(p.description),
            text=True,
        ),
        Column(
            "type_structure",
            "Code : association, cooperative, company, sole_trader, collective.",
            lambda p: p.structure_type,
        ),
        Column(
            "type_structure_libelle",
            "Type de structure, en mots.",
            lambda p: p.get_structure_type_display(),
        ),
        Column(
            "membre_chatons",
            "Membre du collectif CHATONS (vérifié par l'équipe).",
            lambda p: p.chatons_member,
        ),
        Column(
            "prestations",
            "Prestations proposées (liste).",
            lambda p: [o.name for o in p.offerings.all()],
        ),
        Column(
            "accepte_nouvelles_associations",
            "Accepte de nouvelles associations en ce moment.",
            lambda p: p.accepting_new_associations,
        ),
        Column(
            "niveau_accompagnement",
            "Code : information, general, specialist.",
            lambda p: p.support_level,
        ),
        Column("type_offre", "Code : a_la_carte, full, both.", lambda p: p.offer_type),
        Column(
            "outils",
            "Outils libres hébergés ou maîtrisés, noms du catalogue (liste).",
            live_tool_names,
        ),
        Column("a_distance", "Intervient à distance, partout en France.", lambda p: p.remote),
        Column(
            "regions",
            "Régions couvertes (liste de noms).",
            lambda p: [r.name for r in p.regions.all()],
        ),
        Column(
            "departements",
            "Départements couverts (liste de numéros).",
            lambda p: [d.code for d in p.departments.all()],
        ),
        Column("ville", "Ville.", lambda p: p.city),
        Column("tarifs", "Comment la structure facture.", lambda p: p.price_information, text=True),
        Column(
            "tarif_journalier_min",
            "Tarif journalier indicatif minimal, en euros.",
            lambda p: p.price_min,
        ),
        Column(
            "tarif_journalier_max",
            "Tarif journalier indicatif maximal, en euros.",
            lambda p: p.price_max,
        ),
        Column("tarifs_adaptes", "Tarifs adaptés aux associations.", lambda p: p.prices_adapted),
        Column("site_web", "Site web.", lambda p: p.website),
        Column("fediverse", "Compte Fediverse.", lambda p: p.fediverse_url),
        Column(
            "liens",
            "Autres liens publics (liste d'adresses).",
            lambda p: [link.url for link in p.links.all()],
        ),
        Column("langues", "Langues parlées.", lambda p: p.languages),
        Column(
            "relue_le",
            "Date de la dernière relecture de la fiche (AAAA-MM-JJ).",
            lambda p: p.last_reviewed.isoformat(),
        ),
        Column(
            "chatonsinfos",
            "Sa fiche au format ChatonsInfos (organization.properties).",
            chatonsinfos_url,
        ),
    ],
    rows=published_providers,
)

DATASETS = {dataset.slug: dataset for dataset in (DIRECTORY, CATALOGUE)}


def page_url():
    return settings.SITE_URL + reverse("open_data")


def download(request, slug, extension):
    return download_response(request, DATASETS[slug], extension, page_url())


def open_data_page(request):
    return TemplateResponse(
        request,
        "pages/open_data.html",
        {
            "datasets": DATASETS.values(),
            "data_licence": DATA_LICENCE,
            "data_licence_url": DATA_LICENCE_URL,
            "text_licence": TEXT_LICENCE,
            "text_licence_url": TEXT_LICENCE_URL,
            "list_separator": LIST_SEPARATOR.strip(),
            "federation_url": reverse("chatonsinfos_federation"),
        },
    )
