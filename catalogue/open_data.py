"""The catalogue as open data: every published free alternative and what it replaces."""

from django.db.models import Prefetch

from home.open_data import Column, Dataset

from .models import CatalogueIndexPage, FreeAlternative, ProprietaryService


def published_alternatives():
    """Live alternatives of a live category, each with its live replaced services."""
    catalogue = CatalogueIndexPage.objects.live().public().first()
    alternatives = list(
        FreeAlternative.objects.live()
        .filter(category__live=True)
        .select_related("category")
        .prefetch_related(
            Prefetch(
                "replaces",
                queryset=ProprietaryService.objects.live().order_by("name"),
                to_attr="live_replaces",
            )
        )
        .order_by("name")
    )
    for alternative in alternatives:
        alternative.hub_url = hub_url(catalogue, alternative)
    return alternatives


def hub_url(catalogue, alternative):
    """Where the hub presents it: the "Remplacer …" page of its first replaced service."""
    if catalogue is None or not alternative.live_replaces:
        return ""
    route = catalogue.reverse_subpage("service", args=[alternative.live_replaces[0].slug])
    return f"{catalogue.full_url}{route}#alternative-{alternative.slug}"


CATALOGUE = Dataset(
    slug="catalogue",
    title="Catalogue des alternatives libres",
    description=(
        "Les logiciels et services libres que le hub recommande, et les services des géants "
        "du numérique que chacun remplace. Seules les entrées publiées y figurent."
    ),
    columns=[
        Column("identifiant", "Identifiant stable de l'alternative.", lambda a: a.slug),
        Column("nom", "Nom du logiciel ou du service libre.", lambda a: a.name),
        Column("description", "Description courte.", lambda a: a.description, text=True),
        Column(
            "categorie", "Usage auquel il répond (messagerie, visio…).", lambda a: a.category.name
        ),
        Column("licence", "Licence du logiciel.", lambda a: a.licence),
        Column("site_web", "Site du projet.", lambda a: a.website),
        Column(
            "auto_hebergeable",
            "Peut être installé sur son propre serveur.",
            lambda a: a.self_hostable,
        ),
        Column(
            "difficulte",
            "Difficulté d'adoption : 1 facile, 2 moyenne, 3 exigeante.",
            lambda a: a.difficulty,
        ),
        Column(
            "difficulte_libelle",
            "Difficulté d'adoption, en mots.",
            lambda a: a.get_difficulty_display(),
        ),
        Column(
            "remplace",
            "Services propriétaires qu'il remplace (liste).",
            lambda a: [s.name for s in a.live_replaces],
        ),
        Column("page", "Sa présentation sur le hub.", lambda a: a.hub_url),
    ],
    rows=published_alternatives,
)
