"""The guide index filters: plain GET parameters, so they work without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from catalogue.models import Category, ProprietaryService
from guides.models.choices import ASSOCIATION_SIZES, AssociationKind, Audience, GuideKind
from home.french_order import sort_choices_in_french


class GuideFilterForm(forms.Form):
    """Filters of every guide, then filters on a testimony's facts (they show testimonies only)."""

    TESTIMONY_FIELDS = ("association_kind", "association_size", "tool_before")

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
    association_kind = forms.ChoiceField(
        label=_("Domaine de l'association"),
        required=False,
        choices=[("", _("Tous les domaines")), *AssociationKind.choices],
    )
    association_size = forms.ChoiceField(
        label=_("Taille de l'association"),
        required=False,
        choices=[("", _("Toutes les tailles")), *ASSOCIATION_SIZES],
    )
    tool_before = forms.ModelChoiceField(
        label=_("Outil quitté"),
        required=False,
        queryset=ProprietaryService.objects.live().only("name", "slug").order_by("name"),
        to_field_name="slug",
        empty_label=_("Tous les outils"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The choices read in one query: the template's {% for %}, like list(), asks their
        # number first, a COUNT query of its own.
        for name in ("topic", "tool_before"):
            self.fields[name].choices = list(iter(self.fields[name].choices))

    def guide_fields(self):
        return [field for field in self if field.name not in self.TESTIMONY_FIELDS]

    def testimony_fields(self):
        return [self[name] for name in self.TESTIMONY_FIELDS]

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
        if any(data.get(name) for name in self.TESTIMONY_FIELDS):
            guides = guides.filter(kind=GuideKind.TESTIMONY)
        if data.get("association_kind"):
            guides = guides.filter(association_kind=data["association_kind"])
        if data.get("association_size"):
            guides = guides.filter(association_size=data["association_size"])
        if data.get("tool_before"):
            guides = guides.filter(tools_before=data["tool_before"])
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
    # Long lists of catalogue entries, offered in French alphabetical order.
    FRENCH_ORDERED = ("topics", "services", "tools_before", "tools_after")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.FRENCH_ORDERED:
            if name in self.fields:
                sort_choices_in_french(self.fields[name])

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("kind") == GuideKind.TESTIMONY:
            for name, message in self.TESTIMONY_TOOLS.items():
                if name in self.fields and not cleaned_data.get(name):
                    self.add_error(name, message)
        return cleaned_data
