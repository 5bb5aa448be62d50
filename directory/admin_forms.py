"""The profile editor's form: a provider picks among published catalogue entries only."""

from wagtail.admin.forms import WagtailAdminPageForm

from catalogue.models import FreeAlternative


class ProviderPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "tools" in self.fields:
            self.fields["tools"].queryset = FreeAlternative.objects.live()
