"""Answering a contact request from the admin: a "Répondre" link that opens the provider's own
mail program, addressed to the association and with a subject it will recognise.

The admin sends nothing itself: the provider writes from its own address, and the exchange
goes on between the two of them, as the contact form promised.
"""

from urllib.parse import quote

from django.utils.html import format_html
from django.utils.translation import gettext as _

from home.modeladmin import ScopedInspectView


def reply_subject(contact_request):
    return _("Re: votre demande à %(provider)s via Emancip'Asso") % {
        "provider": contact_request.provider.title
    }


def reply_mailto(contact_request):
    """`mailto:` the association's address, with the subject already filled in."""
    address = quote(contact_request.email, safe="@")
    return f"mailto:{address}?subject={quote(reply_subject(contact_request))}"


def reply_link(contact_request):
    """The list's "Répondre" link; the association's name tells screen readers which row."""
    return format_html(
        '<a href="{}">{}<span class="w-sr-only"> {}</span></a>',
        reply_mailto(contact_request),
        _("Répondre"),
        _("à %(name)s") % {"name": contact_request.association_name},
    )


class ContactRequestInspectView(ScopedInspectView):
    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "reply_url": reply_mailto(self.instance)}
