"""One process of tests/home/test_form_protection.py's cross-process test (not a test itself).

python -m tests.home.rate_limit_worker <cache backend> <cache location> <scope> <attempts>

Prints "prête" once Django is loaded, waits for a line on stdin so that every process starts
together, submits a valid form <attempts> times as the same visitor, then prints how many
submissions the protection accepted.
"""

import sys

import django

django.setup()

from django import forms  # noqa: E402 - Django must be set up first
from django.test import RequestFactory  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from home.form_protection import ProtectedFormMixin, accept_submission  # noqa: E402


class ProbeForm(ProtectedFormMixin, forms.Form):
    message = forms.CharField()


def main(backend, location, scope, attempts):
    caches = {"default": {"BACKEND": backend, "LOCATION": location}}
    with override_settings(CACHES=caches, PUBLIC_FORM_SUBMISSION_RATE="5/h"):
        print("prête", flush=True)
        sys.stdin.readline()
        accepted = 0
        for _ in range(int(attempts)):
            data = {"message": "Bonjour", "site_web": ""}
            request = RequestFactory().post("/", data, REMOTE_ADDR="203.0.113.5")
            accepted += accept_submission(request, ProbeForm(request.POST), scope)
    print(accepted, flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
