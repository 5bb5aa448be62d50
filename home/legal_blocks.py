"""A block for the site's own pages (legal notice, privacy policy, accessibility statement).

It prints the publisher's details from the site settings rather than from the page's text, so
that an editor changes an address once, in Paramètres › Réglages du site, and every legal page
and the footer follow.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class PublisherContactBlock(blocks.StructBlock):
    show_director = blocks.BooleanBlock(
        label=_("Afficher la direction de la publication"),
        required=False,
        help_text=_("Pour les mentions légales."),
    )

    class Meta:
        template = "components/streamfield/publisher_contact_block.html"
        icon = "mail"
        label = _("Coordonnées de l'éditeur")
        help_text = _(
            "Affiche l'éditeur, l'adresse postale et l'adresse de contact saisis dans "
            "Paramètres › Réglages du site."
        )
