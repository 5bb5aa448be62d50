"""The two forms under a result: "send me this plan by e-mail" and "ask for help".

Both carry the result's answers as a hidden query string (`reponses`) and read it again with
the diagnostic's own form, so the plan and the providers offered are recomputed on the
server: a posted provider id counts only if it is among the providers matched for those
answers and accepting new associations, whatever else the request says.
"""

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from home.form_protection import ProtectedFormMixin, reject_markup

from .forms import DiagnosticForm

ANSWERS_FIELD = "reponses"
MAX_PROVIDERS = 3
MAX_ANSWERS_LENGTH = 4000

EMAIL_ERRORS = {
    "required": _("Indiquez l'adresse e-mail où recevoir le courriel."),
    "invalid": _("Saisissez une adresse e-mail valide, par exemple nom@exemple.org."),
}


def result_form(query):
    """The diagnostic form read from a posted query string: unknown values are dropped."""
    return DiagnosticForm(QueryDict((query or "").lstrip("?")[:MAX_ANSWERS_LENGTH]))


class ResultForm(ProtectedFormMixin, forms.Form):
    """A form posted from a result: it carries the answers and refuses a result without tools."""

    reponses = forms.CharField(widget=forms.HiddenInput, required=False)

    answers_message = _(
        "Nous n'avons pas retrouvé vos réponses au diagnostic. Refaites-le, puis envoyez à "
        "nouveau : rien n'a été envoyé."
    )

    auto_id_prefix = "resultat"

    def __init__(self, answers, *args, **kwargs):
        # Two forms share the result page: each prefixes its ids so none repeats.
        kwargs.setdefault("auto_id", f"{self.auto_id_prefix}-%s")
        super().__init__(*args, **kwargs)
        self.answers = answers

    @property
    def shown_fields(self):
        """The fields people fill in: neither the hidden answers nor the robots' trap."""
        return [field for field in self.visible_fields() if field.name != self.honeypot.name]

    def clean(self):
        cleaned = super().clean()
        if not self.answers.is_complete:
            raise forms.ValidationError(self.answers_message, code="answers")
        return cleaned


class PlanByEmailForm(ResultForm):
    auto_id_prefix = "plan"
    email = forms.EmailField(
        label=_("Votre adresse e-mail"),
        max_length=254,
        error_messages=EMAIL_ERRORS,
        help_text=_(
            "Elle sert une seule fois : nous l'effaçons dès que le courriel est parti "
            "(ou après le dernier essai, s'il n'a pas pu partir)."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    field_order = ["email"]


class SupportRequestForm(ResultForm):
    """The request for support: 1 to 3 of the providers matched for these answers."""

    auto_id_prefix = "aide"

    providers = forms.TypedMultipleChoiceField(
        label=_("Les structures à qui envoyer votre demande (trois au plus)"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Cochez au moins une structure."),
            "invalid_choice": _(
                "Choisissez parmi les structures proposées pour votre plan : une autre "
                "structure ne peut pas recevoir cette demande."
            ),
        },
    )
    association_name = forms.CharField(
        label=_("Nom de votre association"),
        max_length=150,
        error_messages={"required": _("Indiquez le nom de votre association.")},
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    email = forms.EmailField(
        label=_("Adresse e-mail où vous répondre"),
        max_length=254,
        error_messages=EMAIL_ERRORS,
        help_text=_("Les structures vous répondront à cette adresse ; vous recevez une copie."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    message = forms.CharField(
        label=_("Votre message"),
        max_length=1500,
        error_messages={"required": _("Écrivez quelques mots sur votre projet.")},
        help_text=_("Quelques phrases : votre projet, vos délais (1\u00a0500 caractères au plus)."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    consent = forms.BooleanField(
        label=_(
            "J'accepte que ces structures reçoivent ma demande et mon plan, et me "
            "recontactent à ce sujet."
        ),
        error_messages={
            "required": _("Cochez la case pour que les structures puissent vous répondre.")
        },
    )

    field_order = ["providers", "association_name", "email", "message", "consent"]

    def __init__(self, answers, matches, *args, **kwargs):
        super().__init__(answers, *args, **kwargs)
        self.offered = [match for match in matches if match.accepting]
        self.fields["providers"].choices = [
            (match.provider.pk, match.provider.title) for match in self.offered
        ]
        for name in ("association_name", "message"):
            self.fields[name].validators.append(reject_markup)

    def clean_providers(self):
        chosen = self.cleaned_data["providers"]
        if len(chosen) > MAX_PROVIDERS:
            raise forms.ValidationError(
                _("Cochez trois structures au plus (vous en avez coché %(count)s).")
                % {"count": len(chosen)},
                code="too_many",
            )
        return chosen

    def chosen_providers(self):
        """The chosen ProviderPages, in the order of the result."""
        chosen = set(self.cleaned_data["providers"])
        return [match.provider for match in self.offered if match.provider.pk in chosen]
