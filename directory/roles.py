"""Who counts as a provider-only account, known without loading any model.

The profile's edit form (loaded with the page models) needs this answer as much as the
admin's allow-list does, so it lives apart from modules that import the directory's models.
"""

PROVIDERS_GROUP = "Prestataires"


def is_provider_only(user):
    """A provider account with no other role: the allow-list and the short form apply to it."""
    if not user.is_authenticated or user.is_superuser:
        return False
    if not hasattr(user, "_is_provider_only"):
        user._is_provider_only = set(user.groups.values_list("name", flat=True)) == {
            PROVIDERS_GROUP
        }
    return user._is_provider_only
