"""Wagtail's admin password reset form, throttled so it cannot be used to flood a mailbox.

Wagtail takes this form from `WAGTAILADMIN_USER_PASSWORD_RESET_FORM` and keeps its own views.
Requests are counted with django-ratelimit in the default cache (shared by every worker), per
address typed and per client address (its "ip" key reads home.client_address.client_ip, IPv6
grouped by /64). Past either limit the form sends nothing, but the visitor sees the same
"check your e-mail" page as usual: the form never tells whether an account exists.
The message goes through the outbox like any other; its text, the sign-in link, is erased
there once it is sent or given up.
"""

from django.conf import settings
from django_ratelimit.core import is_ratelimited
from wagtail.admin.forms.auth import PasswordResetForm

from outbox.mail import erase_content_once_sent


class ThrottledPasswordResetForm(PasswordResetForm):
    def save(self, *args, request=None, **kwargs):
        if request is not None and self.is_throttled(request):
            return
        super().save(*args, request=request, **kwargs)

    def send_mail(self, *args, **kwargs):
        """The link signs in: the outbox erases the message's text once it is sent."""
        with erase_content_once_sent():
            super().send_mail(*args, **kwargs)

    def is_throttled(self, request):
        """Count this request against both limits; True when either one is exceeded."""
        email = self.cleaned_data["email"].strip().lower()
        rates = settings.PASSWORD_RESET_RATES
        by_email = is_ratelimited(
            request,
            group="password-reset-email",
            key=lambda group, request: email,
            rate=rates["email"],
            increment=True,
        )
        by_client = is_ratelimited(
            request,
            group="password-reset-client",
            key="ip",
            rate=rates["client"],
            increment=True,
        )
        return by_email or by_client
