"""The public forms of the webinars section: the topic filter and the registration form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.form_protection import ProtectedFormMixin, reject_markup


class TopicFilterForm(forms.Form):
    """A GET form, so filtering works without JavaScript and the URL can be shared."""

    theme = forms.ModelChoiceField(
        label=_("Thème"),
        queryset=None,
        to_field_name="slug",
        required=False,
        empty_label=_("Tous les thèmes"),
        error_messages={
            "invalid_choice": _("Ce thème n'a pas de webinaire ; voici tous les webinaires.")
        },
    )

    def __init__(self, *args, topics, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = topics

    def selected_topic(self):
        return self.cleaned_data.get("theme") if self.is_valid() else None


class RegistrationForm(ProtectedFormMixin, forms.Form):
    """A request only: the address owner confirms it by the e-mailed link (webinars/booking.py)."""

    name = forms.CharField(
        label=_("Votre nom"),
        max_length=120,
        validators=[reject_markup],
        error_messages={"required": _("Indiquez votre nom.")},
    )
    email = forms.EmailField(
        label=_("Votre adresse électronique"),
        error_messages={
            "required": _("Indiquez votre adresse électronique."),
            "invalid": _(
                "Cette adresse électronique n'est pas valide (exemple : nom@exemple.org)."
            ),
        },
        help_text=_(
            "Vous y recevrez d'abord un lien pour confirmer votre inscription, "
            "puis le lien pour rejoindre le webinaire et les rappels."
        ),
    )
    organisation = forms.CharField(
        label=_("Votre association (facultatif)"),
        max_length=160,
        required=False,
        validators=[reject_markup],
    )
    consent = forms.BooleanField(
        error_messages={"required": _("Cochez cette case pour vous inscrire.")},
    )

    def __init__(self, *args, retention_days, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = _(
            "J'accepte que ces informations servent uniquement à organiser ce webinaire. "
            "Elles sont supprimées %(days)s jours après le webinaire."
        ) % {"days": retention_days}
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def cleaned_data_for_booking(self):
        return {key: self.cleaned_data[key] for key in ("name", "email", "organisation")}
