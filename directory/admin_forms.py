"""The profile editor's form: a provider picks among published catalogue entries only, and
sees only the fields it maintains.

The page's address, its search-engine texts, its place in menus and its publication
schedule are the moderators' decisions. Wagtail hides a panel whose field the form lacks
(`FieldPanel.is_shown`), and a field the form lacks ignores whatever a POST sends for it,
so removing them per account here does both, as a panel's `permission=` would.
"""

from wagtail.admin.forms import WagtailAdminPageForm

from catalogue.models import FreeAlternative
from home.french_order import sort_choices_in_french

from .roles import is_provider_only

MODERATOR_FIELDS = ("slug", "seo_title", "search_description", "show_in_menus")
SCHEDULE_FIELDS = ("go_live_at", "expire_at")


class ProviderPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "tools" in self.fields:
            self.fields["tools"].queryset = FreeAlternative.objects.live()
        for name in ("tools", "regions"):  # long lists, in French alphabetical order
            if name in self.fields:
                sort_choices_in_french(self.fields[name])
        if self.for_user is not None and is_provider_only(self.for_user):
            for name in (*MODERATOR_FIELDS, *SCHEDULE_FIELDS):
                self.fields.pop(name, None)
