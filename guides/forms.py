"""The guide index filters: plain GET parameters, so they work without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

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
