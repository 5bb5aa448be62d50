"""Which uploads (images, documents) an account may see in the admin: those it could edit.

Editors and moderators may change every upload; an account that may only add (a provider,
for its logo) sees its own. The admin API, the choosers and the provider's image chooser
all ask here.
"""

from wagtail.permissions import policy_registry


def editable_by(user, model):
    """The uploads of `model` this user may change: those of its collections, or its own."""
    policy = policy_registry.get_by_type(model)
    return policy.instances_user_has_any_permission_for(user, ["change"])


def only_editable(queryset, user):
    return queryset.filter(pk__in=editable_by(user, queryset.model).values("pk"))
