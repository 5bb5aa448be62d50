"""Public forms of the directory: contacting a provider, applying to be listed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.form_protection import ProtectedFormMixin, reject_markup

from .models import ContactRequest, Offering, ProviderApplication, Region


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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = Region.objects.order_by("slug")
        self.fields["region"].empty_label = _("Choisissez une région")
        self.fields["needs"].queryset = Offering.objects.all()
        for name in ("association_name", "person_name", "message"):
            self.fields[name].validators.append(reject_markup)

    def save(self, commit=True):
        self.instance.consent = self.cleaned_data["consent"]
        return super().save(commit)


class ApplicationForm(ProtectedFormMixin, forms.ModelForm):
    website = forms.URLField(
        label=_("Site web"), required=False, max_length=200, assume_scheme="https"
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
            "regions",
            "remote",
            "contact_name",
            "contact_email",
        ]
        labels = {
            "structure_name": _("Nom de la structure"),
            "summary": _("Présentez votre structure en quelques phrases"),
            "contact_name": _("Personne à contacter"),
            "contact_email": _("Son adresse e-mail"),
        }
        help_texts = {
            "summary": _("600 caractères au plus ; vous pourrez compléter votre fiche ensuite."),
            "contact_email": _("Le compte de votre structure sera créé avec cette adresse."),
            "regions": _("Laissez vide si vous travaillez seulement à distance."),
        }
        widgets = {
            "offerings": forms.CheckboxSelectMultiple,
            "regions": forms.CheckboxSelectMultiple,
            "summary": forms.Textarea(attrs={"rows": 5}),
        }
        error_messages = {
            "contact_email": {
                "invalid": _("Saisissez une adresse e-mail valide, par exemple nom@exemple.org.")
            },
            "offerings": {"required": _("Cochez au moins une prestation que vous proposez.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offerings"].queryset = Offering.objects.all()
        self.fields["regions"].queryset = Region.objects.order_by("slug")
        for name in ("structure_name", "city", "summary", "contact_name"):
            self.fields[name].validators.append(reject_markup)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("regions") and not cleaned.get("remote"):
            self.add_error(
                "regions",
                _("Cochez au moins une région, ou indiquez que vous travaillez à distance."),
            )
        return cleaned

    def save(self, commit=True):
        self.instance.charter_accepted = self.cleaned_data["charter_accepted"]
        return super().save(commit)
