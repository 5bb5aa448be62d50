"""The admin screens of the import: the address, then each change to review, then a draft.

A provider imports into the profiles it maintains, a moderator into any profile; an editor,
who may change profiles but neither keeps nor publishes them, does not bring outside data in.
The review travels signed in the form, so what is confirmed is what was shown; nothing is
saved before the confirmation, and then only as a draft revision the provider submits.
"""

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_ratelimit.core import is_ratelimited
from wagtail.admin import messages
from wagtail.admin.ui.menus.pages import PageMenuItem

from directory.models import ProviderMaintainer, ProviderPage

from .changes import FIELDS, apply_changes, review
from .fetch import FetchError
from .importing import proposed_values, read_source
from .logo import logo_image

URL_NAME = "directory_chatons_import"
SIGNING_SALT = "directory.chatons.import"
REVIEW_MAX_AGE = 3600  # seconds: a review left open longer is fetched again


class AddressForm(forms.Form):
    # A plain text field: the fetcher says in French why an address is refused.
    url = forms.CharField(
        label=gettext_lazy("Adresse de votre fichier organization.properties"),
        max_length=2000,
        help_text=gettext_lazy(
            "Par exemple https://votre-chaton.example/chatonsinfos/organization.properties. "
            "Ce fichier et les fichiers de services qu'il cite seront lus, puis chaque "
            "changement vous sera montré avant d'être enregistré."
        ),
    )


def may_import(user, page):
    """Its maintainers and whoever may publish it; a locked page (in review) waits."""
    permissions = page.permissions_for_user(user)
    return permissions.can_edit() and (
        permissions.can_publish()
        or ProviderMaintainer.objects.filter(page_id=page.pk, user_id=user.pk).exists()
    )


def import_view(request, page_id):
    page = get_object_or_404(ProviderPage, pk=page_id)
    if not may_import(request.user, page):
        raise PermissionDenied
    lock = page.get_lock()
    if lock and lock.for_user(request.user):
        messages.error(
            request,
            _(
                "Cette fiche est verrouillée (en cours de relecture)\u00a0: l'import sera "
                "possible une fois la relecture terminée."
            ),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    if request.method == "POST" and "proposal" in request.POST:
        return confirm(request, page)
    form = AddressForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        if too_many_imports(request):
            form.add_error(
                "url",
                _("Trop d'imports en peu de temps\u00a0: réessayez dans une heure."),
            )
        else:
            try:
                source = read_source(form.cleaned_data["url"])
            except FetchError as error:
                form.add_error("url", str(error))
            else:
                return show_review(request, page, source)
    return TemplateResponse(
        request, "directory/admin/chatons_import.html", {"page": page, "form": form}
    )


def too_many_imports(request):
    """Each import makes up to 32 requests to another server: a limit per account."""
    return is_ratelimited(
        request,
        group="chatons-import",
        key="user",
        rate=settings.CHATONS_IMPORT_RATE,
        increment=True,
    )


def show_review(request, page, source):
    proposal = proposed_values(source)
    draft = page.get_latest_revision_as_object()
    return TemplateResponse(
        request,
        "directory/admin/chatons_import_review.html",
        {
            "page": page,
            "source": source,
            "changes": review(draft, proposal.values),
            "unmatched_software": proposal.unmatched_software,
            "signed": signing.dumps(
                {"page": page.pk, "values": proposal.values, "url": source.url},
                salt=SIGNING_SALT,
                compress=True,
            ),
        },
    )


def confirm(request, page):
    try:
        proposal = signing.loads(
            request.POST["proposal"], salt=SIGNING_SALT, max_age=REVIEW_MAX_AGE
        )
    except signing.BadSignature:
        messages.error(request, _("Cette relecture a expiré\u00a0: importez de nouveau."))
        return redirect(URL_NAME, page.pk)
    if proposal["page"] != page.pk:
        raise PermissionDenied
    values = proposal["values"]
    chosen = [name for name in FIELDS if name in values and name in request.POST.getlist("apply")]
    if not chosen:
        messages.warning(request, _("Aucun changement coché\u00a0: rien n'a été enregistré."))
        return redirect(URL_NAME, page.pk)
    draft = page.get_latest_revision_as_object()
    try:
        with transaction.atomic():
            logo = None
            if "logo" in chosen:
                logo = logo_image(values["logo"], values.get("title") or page.title, request.user)
            apply_changes(draft, values, chosen, request.user, logo=logo)
    except (FetchError, ValidationError) as error:
        messages.error(
            request,
            _("Rien n'a été enregistré\u00a0: %(reason)s") % {"reason": reason(error)},
        )
        return redirect(URL_NAME, page.pk)
    messages.success(
        request,
        _(
            "Les changements choisis sont enregistrés en brouillon. Relisez votre fiche, "
            "puis soumettez-la à la relecture\u00a0: la fiche publique ne change pas d'ici là."
        ),
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


def reason(error):
    return " ".join(error.messages) if isinstance(error, ValidationError) else str(error)


def admin_urls():
    return [
        path(
            "annuaire/fiches/<int:page_id>/importer-chatonsinfos/",
            import_view,
            name=URL_NAME,
        )
    ]


class ImportMenuItem(PageMenuItem):
    """ "Importer depuis ChatonsInfos" in a profile's header menu, for who may import."""

    label = gettext_lazy("Importer depuis ChatonsInfos")
    icon_name = "download"
    url_name = URL_NAME
    priority = 70

    def is_shown(self, user):
        return may_import(user, self.page)


def header_buttons(page, user, view_name, next_url=None):
    """`register_page_header_buttons` hook: the import, on provider profiles only."""
    if page.specific_class is ProviderPage:
        yield ImportMenuItem(page=page)
