"""How a provider account is confined to the profile pages it maintains.

Every provider belongs to the one shared "Prestataires" group (admin access, its contact
requests, a logo). Which profile it may edit is recorded on the page (`ProviderMaintainer`),
and the page permission policy below turns each record into "change" on that page only.
Without "publish", each change it submits goes through the moderation workflow. No group is
created per provider, so `/admin/groups/` does not grow with the directory.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from wagtail.models import GroupPagePermission
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

from .models import ProviderMaintainer, ProviderPage
from .roles import PROVIDERS_GROUP

MAINTAINER_ACTIONS = {"change"}


class MaintainerPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, plus "change" on each provider page a user maintains.

    A maintainer record becomes an unsaved `GroupPagePermission` without group, so every
    check Wagtail makes (editor, explorer, listings, choosers) sees it like a group's.
    """

    def get_all_permissions_for_user(self, user):
        permissions = list(super().get_all_permissions_for_user(user))
        if not user.is_active or user.is_anonymous or user.is_superuser:
            return permissions
        change = Permission(codename="change_page", name="Can change page")
        pages = ProviderPage.objects.filter(maintainers__user=user).only("pk", "path", "depth")
        return permissions + [GroupPagePermission(page=page, permission=change) for page in pages]

    def users_with_any_permission_for_instance(self, actions, instance, include_superusers=True):
        users = super().users_with_any_permission_for_instance(
            actions, instance, include_superusers
        )
        if not MAINTAINER_ACTIONS & set(actions):
            return users
        maintainers = Q(maintained_provider_pages__page_id=instance.pk, is_active=True)
        return users.model._default_manager.filter(Q(pk__in=users.values("pk")) | maintainers)


def grant_provider_access(user, page):
    """Let `user` maintain `page` (and no other page): a record on the page, one shared group."""
    ProviderMaintainer.objects.get_or_create(page=page, user=user)
    user.groups.add(Group.objects.get(name=PROVIDERS_GROUP))


def editable_provider_pages(user):
    """The provider pages this user may change: those it maintains, or all for a moderator."""
    policy = policy_registry.get_by_type(ProviderPage)
    editable = policy.instances_user_has_permission_for(user, "change")
    return ProviderPage.objects.filter(pk__in=editable.values("pk"))


def is_provider(user):
    return user.is_authenticated and user.groups.filter(name=PROVIDERS_GROUP).exists()
