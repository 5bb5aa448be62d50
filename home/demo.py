"""Demo content of the site itself: home page, standard pages, site settings, admin account."""

from wagtail.models import Site

from home.demo_tools import ensure_home_page, ensure_user, upsert_page
from home.models import SiteSettings, StandardPage

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "emancipasso-admin"  # noqa: S105 - a demo login, printed on purpose

HOME_INTRODUCTION = (
    "Emancip'Asso aide les associations à quitter les services des géants du numérique pour "
    "des outils libres et éthiques, et à trouver une structure de confiance pour les "
    "accompagner dans ce changement."
)

HOME_BODY = [
    {"type": "heading", "value": {"text": "Changer d'outils, pas à pas", "level": "h2"}},
    {
        "type": "paragraph",
        "value": (
            "<p>Beaucoup d'associations utilisent une messagerie, un drive ou un réseau social "
            "parce qu'un membre les connaissait déjà. Ces services semblent gratuits, mais les "
            "données des adhérents et la dépendance à un fournisseur en sont souvent le prix.</p>"
            "<p>Ici, vous trouverez des arguments pour en parler en bureau ou en conseil "
            "d'administration, des guides pratiques, un catalogue d'alternatives libres et un "
            "annuaire de structures qui accompagnent les associations.</p>"
        ),
    },
    {
        "type": "callout",
        "value": {
            "kind": "info",
            "title": "Libre ne veut pas dire gratuit",
            "text": (
                "<p>Un service libre et éthique a un coût : l'hébergement, la formation et le "
                "temps d'accompagnement se paient. En échange, l'association sait ce qu'elle "
                "paie, garde ses données et peut changer de prestataire.</p>"
            ),
        },
    },
    {
        "type": "faq",
        "value": {
            "title": "Questions fréquentes",
            "items": [
                {
                    "question": "Combien de temps faut-il pour changer d'outils ?",
                    "answer": (
                        "<p>Comptez plutôt deux à trois ans pour une démarche complète. On peut "
                        "commencer par un seul outil et avancer au rythme des bénévoles.</p>"
                    ),
                },
                {
                    "question": "Par où commencer ?",
                    "answer": (
                        "<p>Par une décision collective : le conseil d'administration s'engage, "
                        "puis un diagnostic des outils et des usages permet d'établir un plan "
                        "d'action et de formation.</p>"
                    ),
                },
            ],
        },
    },
]

STANDARD_PAGES = [
    (
        "a-propos",
        "À propos",
        "Emancip'Asso est né d'une initiative commune de Framasoft et d'Animafac pour "
        "l'émancipation numérique du monde associatif.",
        [
            "Les associations portent des valeurs d'émancipation, de solidarité et de justice "
            "sociale. Leurs outils numériques, souvent choisis par défaut, les rendent pourtant "
            "dépendantes d'entreprises dont le modèle repose sur la concentration des données "
            "et du pouvoir.",
            "Le projet recense des structures capables d'accompagner les associations sur tous "
            "les aspects d'une migration : diagnostic, analyse des besoins, recherche de "
            "financements, hébergement, migration des données, formation et documentation.",
        ],
        True,
    ),
    (
        "mentions-legales",
        "Mentions légales",
        "Qui publie ce site et qui l'héberge.",
        [
            "Ce site est édité par le collectif Emancip'Asso. Les contenus sont publiés sous "
            "licence Creative Commons BY-SA 4.0 sauf mention contraire.",
            "Le site est hébergé par un hébergeur associatif, sur des serveurs situés en France.",
        ],
        False,
    ),
    (
        "confidentialite",
        "Politique de confidentialité",
        "Ce site ne vous piste pas : aucun outil de mesure d'audience, aucun cookie publicitaire.",
        [
            "La consultation des pages ne dépose aucun cookie. Les vidéos intégrées ne sont "
            "chargées qu'après un clic de votre part.",
            "Les pages qui contiennent un formulaire (demande de contact, demande de "
            "référencement, inscription à un webinaire, confirmation ou annulation d'une "
            "inscription) déposent un seul cookie technique, « csrftoken ». Il protège le "
            "formulaire contre les envois falsifiés depuis un autre site, ne contient rien sur "
            "vous et n'est lu que par ce site ; il expire au bout d'un an. Strictement nécessaire "
            "au formulaire, il ne demande pas votre consentement.",
            "Les personnes qui se connectent à l'administration (équipes éditoriales, "
            "prestataires) reçoivent aussi un cookie de session, « sessionid », qui les garde "
            "connectées : il disparaît à la fermeture du navigateur, ou au bout de deux semaines "
            "si elles ont coché « Se souvenir de moi ».",
            "Pour protéger ces comptes, chaque connexion échouée à l'administration est "
            "enregistrée : identifiant saisi, adresse IP, navigateur et heure. Après 5 échecs "
            "pour un même identifiant depuis une même adresse, ou 20 depuis une même adresse, "
            "la connexion est suspendue 30 minutes. Ces enregistrements ne servent plus au bout "
            "de 30 minutes et sont effacés au plus tard la nuit suivante. Les connexions "
            "réussies ne sont pas enregistrées.",
            "Pour limiter les abus, les envois de formulaires et les demandes de nouveau mot de "
            "passe sont comptés pendant une heure par adresse IP (et par adresse électronique "
            "pour les mots de passe) : seule une empreinte de l'adresse est gardée, jamais "
            "l'adresse elle-même ni le contenu envoyé.",
            "Les informations que vous envoyez par un formulaire servent uniquement à traiter "
            "votre demande et sont supprimées après une durée limitée, indiquée sur chaque "
            "formulaire.",
        ],
        False,
    ),
    (
        "accessibilite",
        "Déclaration d'accessibilité",
        "Le site vise la conformité au RGAA et aux règles WCAG 2.1 niveau AA.",
        [
            "Chaque page est vérifiée automatiquement : contrastes, intitulés des champs, ordre "
            "des titres, navigation au clavier et fonctionnement sans JavaScript.",
            "Si vous rencontrez une difficulté, écrivez-nous : nous vous répondrons et "
            "corrigerons le problème.",
        ],
        False,
    ),
]


def _paragraphs(texts):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts]


def load(stdout):
    home = ensure_home_page()
    home = upsert_page(
        home.get_parent(),
        type(home),
        home.slug,
        title="Accueil",
        hero_title="Des outils numériques à la hauteur de vos valeurs",
        introduction=HOME_INTRODUCTION,
        body=HOME_BODY,
    )
    pages = {}
    for slug, title, introduction, paragraphs, in_menu in STANDARD_PAGES:
        pages[slug] = upsert_page(
            home,
            StandardPage,
            slug,
            title=title,
            introduction=introduction,
            body=_paragraphs(paragraphs),
            show_in_menus=in_menu,
        )

    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    site_settings.organisation_name = "Emancip'Asso"
    site_settings.contact_email = "contact@example.org"
    site_settings.fediverse_url = "https://framapiaf.org/@emancipasso"
    site_settings.peertube_url = "https://framatube.org/c/emancipasso"
    site_settings.footer_text = (
        "Un projet porté par Framasoft et Animafac pour l'émancipation numérique des "
        "associations. Sans pisteur, sans publicité."
    )
    site_settings.legal_notice_page = pages["mentions-legales"]
    site_settings.privacy_page = pages["confidentialite"]
    site_settings.accessibility_page = pages["accessibilite"]
    site_settings.save()

    ensure_user(
        ADMIN_USERNAME,
        ADMIN_PASSWORD,
        email="admin@example.org",
        superuser=True,
        first_name="Admin",
        last_name="Démo",
    )
    stdout.write(f"Compte administrateur : {ADMIN_USERNAME} / {ADMIN_PASSWORD} (/admin/)")
