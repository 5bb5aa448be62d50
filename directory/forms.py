"""Public forms of the directory: contacting a provider, applying to be listed."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from catalogue.models import FreeAlternative
from home.form_protection import ProtectedFormMixin, reject_markup

from .models import ContactRequest, Department, Offering, ProviderApplication, Region
from .widgets import CompactCheckboxSelectMultiple, GroupedCheckboxSelectMultiple, grouped_choices

# More numbers than France has départements is not an answer.
MAX_DEPARTMENT_CODES = 101


class DepartmentCodesField(forms.Field):
    """Département numbers typed in one field ("35, 56, 2A"), not 101 checkboxes to scroll.

    Gives the Department objects in the order typed; any unknown number is named in the
    error, and nothing is saved until every number is right."""

    widget = forms.TextInput

    def prepare_value(self, value):
        if isinstance(value, list | tuple):  # the departments of an instance
            return ", ".join(getattr(department, "code", str(department)) for department in value)
        return value

    def to_python(self, value):
        codes = [code.upper().zfill(2) for code in re.split(r"[\s,;]+", value or "") if code]
        if len(codes) > MAX_DEPARTMENT_CODES:
            raise ValidationError(_("Indiquez au plus 101 numéros de département."))
        known = Department.objects.in_bulk(codes, field_name="code")
        unknown = [code for code in dict.fromkeys(codes) if code not in known]
        if unknown:
            raise ValidationError(
                ngettext(
                    "Aucun département ne porte le numéro %(codes)s : indiquez des numéros "
                    "comme 35, 2A ou 974, séparés par des virgules.",
                    "Aucun département ne porte les numéros %(codes)s : indiquez des numéros "
                    "comme 35, 2A ou 974, séparés par des virgules.",
                    len(unknown),
                )
                % {"codes": ", ".join(code[:10] for code in unknown[:5])}
            )
        return [known[code] for code in dict.fromkeys(codes)]


class ContactForm(ProtectedFormMixin, forms.ModelForm):
    consent = forms.BooleanField(
        label=_("J'accepte que cette structure me recontacte à propos de ma demande."),
        error_messages={
            "required": _("Cochez la case pour que la structure puisse vous répondre.")
        },
    )

    class Meta:
        model = ContactRequest
        fields = ["association_name", "person_name", "email", "region", "needs", "message"]
        labels = {
            "association_name": _("Nom de votre association"),
            "person_name": _("Votre nom"),
            "email": _("Votre adresse e-mail"),
            "region": _("Votre région"),
            "needs": _("Vos besoins"),
            "message": _("Votre message"),
        }
        help_texts = {
            "email": _("La structure vous répondra à cette adresse."),
            "message": _("Décrivez votre association et votre projet (3 000 caractères au plus)."),
        }
        widgets = {
            "needs": forms.CheckboxSelectMultiple,
            "message": forms.Textarea(attrs={"rows": 8}),
        }
        error_messages = {
            "association_name": {"required": _("Indiquez le nom de votre association.")},
            "person_name": {"required": _("Indiquez votre nom.")},
            "email": {
                "required": _("Indiquez l'adresse e-mail où vous répondre."),
                "invalid": _("Saisissez une adresse e-mail valide, par exemple nom@exemple.org."),
            },
            "message": {"required": _("Écrivez votre message.")},
        }

    field_order = [
        "association_name",
        "person_name",
        "email",
        "region",
        "needs",
        "message",
        "consent",
    ]

    def __init__(self, *args, provider=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = Region.objects.order_by("slug")
        self.fields["region"].empty_label = _("Choisissez une région")
        # Only what this provider offers (every prestation for a profile that lists none).
        offered = provider.offerings.all() if provider is not None else Offering.objects.none()
        self.fields["needs"].queryset = offered if offered.exists() else Offering.objects.all()
        for name in ("association_name", "person_name", "message"):
            self.fields[name].validators.append(reject_markup)

    def save(self, commit=True):
        self.instance.consent = self.cleaned_data["consent"]
        return super().save(commit)


class ApplicationForm(ProtectedFormMixin, forms.ModelForm):
    website = forms.URLField(
        label=_("Site web"), required=False, max_length=200, assume_scheme="https"
    )
    departments = DepartmentCodesField(
        label=_("Ou seulement certains départements"),
        required=False,
        help_text=_(
            "Leurs numéros, séparés par des virgules : 35, 56, 2A. Inutile pour les "
            "départements d'une région déjà cochée."
        ),
        widget=forms.TextInput(attrs={"maxlength": 500, "size": 30}),
    )
    charter_accepted = forms.BooleanField(
        label=_(
            "Nous acceptons la charte de l'annuaire : proposer des outils libres, respecter "
            "les données des associations, afficher des tarifs clairs et tenir notre fiche à jour."
        ),
        error_messages={
            "required": _("L'annuaire n'accepte que les structures qui signent sa charte.")
        },
    )

    class Meta:
        model = ProviderApplication
        fields = [
            "structure_name",
            "structure_type",
            "chatons_member",
            "city",
            "website",
            "summary",
            "offerings",
            "tools",
            "remote",
            "regions",
            "departments",
            "price_min",
            "price_max",
            "prices_adapted",
            "price_information",
            "contact_name",
            "contact_email",
        ]
        labels = {
            "structure_name": _("Nom de la structure"),
            "summary": _("Présentez votre structure en quelques phrases"),
            "offerings": _("Vos prestations"),
            "tools": _("Les outils libres que vous hébergez ou maîtrisez"),
            "remote": _("Nous accompagnons aussi à distance, partout en France"),
            "regions": _("Régions où vous intervenez sur place"),
            "price_min": _("Tarif journalier indicatif, à partir de (€)"),
            "price_max": _("Tarif journalier indicatif, jusqu'à (€)"),
            "prices_adapted": _("Nous pratiquons des tarifs adaptés aux associations"),
            "price_information": _("Comment vous facturez"),
            "contact_name": _("Personne à contacter"),
            "contact_email": _("Son adresse e-mail"),
        }
        help_texts = {
            "summary": _("600 caractères au plus ; vous pourrez compléter votre fiche ensuite."),
            "tools": _(
                "Les outils du catalogue, rangés par usage. Facultatif : vous pourrez en "
                "ajouter sur votre fiche."
            ),
            "regions": _("Laissez vide si vous travaillez seulement à distance."),
            "price_min": _("Facultatif, en euros, sans centimes."),
            "price_information": _(
                "Facultatif : à la journée, au forfait, par abonnement… (1 000 caractères au plus)"
            ),
            "contact_email": _("Le compte de votre structure sera créé avec cette adresse."),
        }
        widgets = {
            "offerings": CompactCheckboxSelectMultiple,
            "tools": GroupedCheckboxSelectMultiple,
            "regions": CompactCheckboxSelectMultiple,
            "summary": forms.Textarea(attrs={"rows": 5}),
            "price_information": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "contact_email": {
                "invalid": _("Saisissez une adresse e-mail valide, par exemple nom@exemple.org.")
            },
            "offerings": {"required": _("Cochez au moins une prestation que vous proposez.")},
            "price_min": {"invalid": _("Indiquez un montant en euros, sans centimes.")},
            "price_max": {"invalid": _("Indiquez un montant en euros, sans centimes.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offerings"].queryset = Offering.objects.all()
        self.fields["regions"].queryset = Region.objects.order_by("slug")
        tools = self.fields["tools"]
        tools.queryset = FreeAlternative.objects.live().select_related("category")
        tools.choices = grouped_choices(tools.queryset, lambda tool: tool.category.name)
        for name in ("price_min", "price_max"):
            self.fields[name].widget.attrs.update(min=0, step=1)
        for name in ("structure_name", "city", "summary", "contact_name", "price_information"):
            self.fields[name].validators.append(reject_markup)

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("regions") or cleaned.get("departments") or cleaned.get("remote")):
            self.add_error(
                "regions",
                _(
                    "Cochez au moins une région ou indiquez un département, ou que vous "
                    "travaillez à distance."
                ),
            )
        low, high = cleaned.get("price_min"), cleaned.get("price_max")
        if low and high and low > high:
            self.add_error("price_max", _("Le tarif maximal doit être supérieur au tarif minimal."))
        return cleaned

    def save(self, commit=True):
        self.instance.charter_accepted = self.cleaned_data["charter_accepted"]
        return super().save(commit)
