"""How a provider account is confined to its own profile page.

Every provider belongs to the shared "Prestataires" group (admin access, read its contact
requests) and to a group of its own holding the "change" permission on its page only.
Without "publish", each change it submits goes through the moderation workflow.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission
from wagtail.permission_policies.pages import PagePermissionPolicy

PROVIDERS_GROUP = "Prestataires"


def provider_group_name(page):
    return f"Prestataire · {page.slug}"[:150]


def grant_provider_access(user, page):
    """Let `user` edit `page`, and nothing else in the page tree."""
    group, _ = Group.objects.get_or_create(name=provider_group_name(page))
    GroupPagePermission.objects.get_or_create(
        group=group,
        page=page,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="change_page"
        ),
    )
    user.groups.add(group, Group.objects.get(name=PROVIDERS_GROUP))
    return group


def editable_provider_pages(user):
    """The provider pages this user may change: its own for a provider, all for a moderator."""
    from directory.models import ProviderPage

    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return ProviderPage.objects.filter(pk__in=editable.values("pk"))


def is_provider(user):
    return user.is_authenticated and user.groups.filter(name=PROVIDERS_GROUP).exists()
