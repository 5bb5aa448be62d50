"""Joining the directory: an application is stored, reviewed, then approved or rejected.

Approval creates the provider's account, its draft profile page and its permissions, and
queues an invitation to choose a password. Both decisions lock the application row and
do nothing unless it is still pending, so a second click creates nothing twice.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Site

from home.models import SiteSettings
from outbox.mail import queue_templated_email

from .application_facts import application_facts
from .models import DirectoryIndexPage, ProviderApplication, ProviderPage
from .permissions import grant_provider_access


def editorial_addresses():
    """Where news for the editorial team goes: the site's contact address."""
    site = Site.objects.filter(is_default_site=True).first()
    address = SiteSettings.for_site(site).contact_email if site else ""
    return [address] if address else [settings.DEFAULT_FROM_EMAIL]


@transaction.atomic
def receive_application(form):
    """Store the application, tell the editorial team it is waiting, and tell the applicant
    what happens next."""
    application = form.save()
    name = " ".join(application.structure_name.split())
    facts = application_facts(application)
    queue_templated_email(
        editorial_addresses(),
        _("Nouvelle demande de référencement : %(name)s") % {"name": name},
        "directory_application_received",
        {
            "application": application,
            "facts": facts,
            "admin_url": _admin_url(
                "directory_providerapplication_modeladmin_inspect", application.pk
            ),
        },
        reply_to=[application.contact_email],
    )
    queue_templated_email(
        [application.contact_email],
        _("Nous avons bien reçu votre demande de référencement"),
        "directory_application_acknowledged",
        {
            "application": application,
            "facts": facts,
            "charter_url": charter_url(),
        },
        reply_to=editorial_addresses(),
    )
    return application


def charter_url():
    """The published charter the directory page points to, or "" if it has none."""
    index = DirectoryIndexPage.objects.live().select_related("charter_page").first()
    charter = index.published_charter if index else None
    return charter.full_url if charter else ""


def _admin_url(name, *args):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def _unique_username(application):
    base = slugify(application.contact_email.split("@")[0])[:30] or "prestataire"
    User = get_user_model()
    username, number = base, 1
    while User.objects.filter(username=username).exists():
        number += 1
        username = f"{base}-{number}"
    return username


def _unique_slug(index, name):
    base = slugify(name)[:60] or "prestataire"
    slug, number = base, 1
    while index.get_children().filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _create_draft_page(application, index, owner):
    page = ProviderPage(
        title=application.structure_name,
        slug=_unique_slug(index, application.structure_name),
        introduction=application.summary,
        structure_type=application.structure_type,
        chatons_member=application.chatons_member,
        city=application.city,
        website=application.website,
        remote=application.remote,
        price_information=application.price_information,
        price_min=application.price_min,
        price_max=application.price_max,
        prices_adapted=application.prices_adapted,
        contact_email=application.contact_email,
        owner=owner,
        live=False,
    )
    page.offerings = list(application.offerings.all())
    page.tools = list(application.tools.filter(live=True))
    page.regions = list(application.regions.all())
    page.departments = list(application.departments.all())
    index.add_child(instance=page)
    page.save_revision(user=owner, log_action=False)
    return page


@transaction.atomic
def approve_application(application_pk, moderator):
    """Create account, draft page, permissions and invitation; None if already decided."""
    application = ProviderApplication.objects.select_for_update().get(pk=application_pk)
    if application.status != ProviderApplication.Status.PENDING:
        return None
    index = DirectoryIndexPage.objects.get()
    User = get_user_model()
    user = User.objects.create_user(
        username=_unique_username(application),
        email=application.contact_email,
        first_name=application.contact_name[:150],
    )
    user.set_unusable_password()
    user.save()
    page = _create_draft_page(application, index, user)
    grant_provider_access(user, page)

    application.status = ProviderApplication.Status.APPROVED
    application.reviewed_at = timezone.now()
    application.reviewed_by = moderator
    application.account = user
    application.provider_page = page
    application.save()

    set_password_url = _admin_url(
        "wagtailadmin_password_reset_confirm",
        urlsafe_base64_encode(force_bytes(user.pk)),
        default_token_generator.make_token(user),
    )
    queue_templated_email(
        [user.email],
        _("Bienvenue dans l'annuaire Emancip'Asso"),
        "directory_application_approved",
        {
            "application": application,
            "user": user,
            "set_password_url": set_password_url,
            "edit_url": _admin_url("wagtailadmin_pages:edit", page.pk),
            "valid_days": settings.PASSWORD_RESET_TIMEOUT // 86400,
        },
    )
    return application


@transaction.atomic
def reject_application(application_pk, moderator, reason):
    """Record the refusal and send its reason; None if the application was already decided."""
    application = ProviderApplication.objects.select_for_update().get(pk=application_pk)
    if application.status != ProviderApplication.Status.PENDING:
        return None
    application.status = ProviderApplication.Status.REJECTED
    application.rejection_reason = reason
    application.reviewed_at = timezone.now()
    application.reviewed_by = moderator
    application.save()
    queue_templated_email(
        [application.contact_email],
        _("Votre demande de référencement dans l'annuaire Emancip'Asso"),
        "directory_application_rejected",
        {"application": application},
    )
    return application
