"""The guide index filters: plain GET parameters, so they work without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from catalogue.models import Category
from guides.models.choices import Audience, GuideKind


class GuideFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Tous les types")), *GuideKind.choices]
    )
    topic = forms.ModelChoiceField(
        label=_("Thème"),
        required=False,
        queryset=Category.objects.live().only("name", "slug"),
        to_field_name="slug",
        empty_label=_("Tous les thèmes"),
    )
    audience = forms.ChoiceField(
        label=_("Public"),
        required=False,
        choices=[("", _("Toutes les tailles")), *Audience.choices[1:]],
        help_text=_("Les guides écrits pour toutes les associations sont toujours inclus."),
    )

    def filter(self, guides):
        """Narrow a GuidePage queryset; an invalid value is reported and ignored, not the others."""
        if not self.is_bound:
            return guides
        self.is_valid()
        data = self.cleaned_data
        if data.get("kind"):
            guides = guides.filter(kind=data["kind"])
        if data.get("topic"):
            guides = guides.filter(topics=data["topic"])
        if data.get("audience"):
            guides = guides.filter(audience__in=[data["audience"], Audience.ALL])
        return guides


class GuidePageForm(WagtailAdminPageForm):
    """The guide editor: a testimony names the tools it left and the ones it adopted.

    Checked here and not in `GuidePage.clean()`, which runs before the form hands the
    many-to-many choices to the page.
    """

    TESTIMONY_TOOLS = {
        "tools_before": _("Choisissez au moins un outil que l'association a quitté."),
        "tools_after": _("Choisissez au moins un outil libre que l'association a adopté."),
    }

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("kind") == GuideKind.TESTIMONY:
            for name, message in self.TESTIMONY_TOOLS.items():
                if name in self.fields and not cleaned_data.get(name):
                    self.add_error(name, message)
        return cleaned_data
