"""The protection every public form shares: honeypot, rate limits that hold, allowed methods."""

import io
import uuid
from datetime import timedelta

import pytest
import redis
import time_machine
from django import forms
from django.core.cache import cache, caches
from django.core.management import call_command
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import override_settings

from home.form_protection import (
    ProtectedFormMixin,
    accept_submission,
    public_form_view,
    response_status,
)
from tests.helpers import fresh_settings, start_project_python

REDIS_URL = "redis://127.0.0.1:6379/15"
DATABASE_CACHE = {"BACKEND": "home.cache.DatabaseCache", "LOCATION": "emancipasso_cache"}


class ProbeForm(ProtectedFormMixin, forms.Form):
    message = forms.CharField(error_messages={"required": "Écrivez votre message."})


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def submit(message="Bonjour", remote="203.0.113.5", forwarded=None, **extra):
    """Post the probe form as one visitor; (accepted, form)."""
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    request = RequestFactory().post("/", {"message": message, "site_web": "", **extra}, **meta)
    form = ProbeForm(request.POST)
    return accept_submission(request, form, "probe"), form


def test_a_filled_honeypot_is_refused_in_french():
    accepted, form = submit(site_web="https://spam.example.com")
    assert not accepted
    assert form.non_field_errors() == [
        "Votre envoi a été bloqué car le champ « Ne pas remplir » contenait du texte. "
        "Videz-le puis envoyez à nouveau."
    ]
    assert [field.name for field in form.visible_fields_without_honeypot] == ["message"]


def test_valid_submissions_are_limited_and_the_refusal_is_a_429(settings):
    settings.PUBLIC_FORM_SUBMISSION_RATE = "3/h"
    assert [submit()[0] for _ in range(4)] == [True, True, True, False]
    accepted, form = submit()
    assert not accepted
    [message] = form.non_field_errors()
    assert message.startswith("Vous avez fait beaucoup d'envois en peu de temps.")
    assert "réessayez dans" in message and "minute" in message
    assert response_status(form) == 429
    assert response_status(ProbeForm({"message": ""})) == 200


def test_mistakes_do_not_count_against_valid_submissions(settings):
    settings.PUBLIC_FORM_SUBMISSION_RATE = "2/h"
    for _ in range(5):
        accepted, form = submit(message="")
        assert not accepted
        assert form.errors == {"message": ["Écrivez votre message."]}
    assert [submit()[0] for _ in range(3)] == [True, True, False]


def test_every_post_counts_against_the_robot_limit(settings):
    settings.PUBLIC_FORM_POST_RATE = "4/h"
    for _ in range(4):
        assert submit(site_web="robot")[0] is False
    accepted, form = submit()
    assert not accepted
    assert "réessayez dans" in form.non_field_errors()[0]


def test_the_limit_ends_with_its_period(settings):
    settings.PUBLIC_FORM_SUBMISSION_RATE = "1/h"
    with time_machine.travel("2030-01-01 10:00:00+00:00", tick=False) as traveller:
        assert submit()[0] is True
        assert submit()[0] is False
        traveller.shift(timedelta(hours=1, minutes=1))
        assert submit()[0] is True


def test_ipv6_visitors_are_grouped_by_their_slash_64(settings):
    """One household or phone changes the end of its IPv6 address at will, not its /64."""
    settings.PUBLIC_FORM_SUBMISSION_RATE = "2/h"
    assert submit(remote="2001:db8:1:2::1")[0] is True
    assert submit(remote="2001:db8:1:2:ffff:ffff:ffff:ffff")[0] is True
    assert submit(remote="2001:db8:1:2::abcd")[0] is False
    assert submit(remote="2001:db8:1:3::1")[0] is True


def test_behind_the_proxy_each_visitor_has_its_own_counter_and_cannot_reset_it(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    settings.PUBLIC_FORM_SUBMISSION_RATE = "2/h"
    behind_proxy = {"remote": "127.0.0.1"}
    assert submit(forwarded="198.51.100.1", **behind_proxy)[0] is True
    assert submit(forwarded="198.51.100.1", **behind_proxy)[0] is True
    assert submit(forwarded="198.51.100.1", **behind_proxy)[0] is False
    # Another visitor through the same proxy is not refused because of the first one.
    assert submit(forwarded="198.51.100.2", **behind_proxy)[0] is True
    # The first visitor writes its own X-Forwarded-For; nginx appends the real address.
    forged = "203.0.113.77, 198.51.100.1"
    assert submit(forwarded=forged, **behind_proxy)[0] is False
    assert submit(forwarded="10.9.8.7, 198.51.100.1", **behind_proxy)[0] is False


def test_other_methods_get_a_405_explained_in_french():
    view = public_form_view(lambda request, page: HttpResponse("formulaire"))
    for method in ("get", "head", "post"):
        assert view(getattr(RequestFactory(), method)("/"), None).status_code == 200
    for method in ("put", "patch", "delete", "options"):
        response = view(getattr(RequestFactory(), method)("/"), None)
        assert response.status_code == 405
        assert response["Allow"] == "GET, HEAD, POST"
        assert "seulement à afficher un formulaire et à l'envoyer" in response.content.decode()


def run_workers(backend, location, *, processes=3, attempts=4, database_url=""):
    """Start the processes, let them submit together, return how many each got through."""
    env = {"DATABASE_URL": database_url} if database_url else {}
    scope = f"processes-{uuid.uuid4().hex}"
    module = ["-m", "tests.home.rate_limit_worker", backend, location, scope, str(attempts)]
    workers = [
        start_project_python(module, "emancipasso.settings.test", **env) for _ in range(processes)
    ]
    try:
        for worker in workers:
            assert worker.stdout.readline().strip() == "prête", worker.stderr.read()
        for worker in workers:
            worker.stdin.write("go\n")
            worker.stdin.flush()
        outputs = [worker.communicate(timeout=120) for worker in workers]
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
    assert all(worker.returncode == 0 for worker in workers), [err for _, err in outputs]
    return [int(out.strip()) for out, _ in outputs]


def postgresql_url():
    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def test_the_limit_holds_across_processes_sharing_the_database_cache(transactional_db):
    """Three workers submitting at once, 12 valid submissions: 5 (the limit) get through."""
    if connection.vendor != "postgresql":
        pytest.skip("plusieurs processus ne partagent la base de test que sur PostgreSQL")
    with override_settings(CACHES={"default": DATABASE_CACHE}):
        call_command("createcachetable")
    accepted = run_workers(
        DATABASE_CACHE["BACKEND"], DATABASE_CACHE["LOCATION"], database_url=postgresql_url()
    )
    assert sum(accepted) == 5, accepted


def test_the_limit_holds_across_processes_sharing_redis():
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.ConnectionError:
        pytest.skip(f"Redis ne répond pas sur {REDIS_URL}")
    accepted = run_workers("django_redis.cache.RedisCache", REDIS_URL)
    assert sum(accepted) == 5, accepted


@pytest.mark.django_db
def test_the_database_cache_keeps_a_counter_until_its_own_expiry():
    """Django's own incr() rewrites the entry with the default 5-minute timeout."""
    with override_settings(CACHES={"default": DATABASE_CACHE}):
        call_command("createcachetable")
        counters = caches["default"]
        with time_machine.travel("2030-01-01 10:00:00+00:00", tick=False) as traveller:
            assert counters.add("compteur", 0, timeout=3600)
            assert [counters.incr("compteur") for _ in range(3)] == [1, 2, 3]
            traveller.shift(timedelta(minutes=30))
            assert counters.incr("compteur", 2) == 5
            assert counters.get("compteur") == 5
            traveller.shift(timedelta(minutes=31))
            assert counters.get("compteur") is None
            with pytest.raises(ValueError):
                counters.incr("compteur")


@pytest.mark.parametrize(
    ("env", "backend"),
    [({}, "home.cache.DatabaseCache"), ({"REDIS_URL": REDIS_URL}, "django_redis.cache.RedisCache")],
)
def test_outside_tests_the_cache_is_shared_by_every_process(env, backend):
    """The laptop settings' default cache passes django-ratelimit's check, which refuses a
    cache of one process only."""
    laptop = fresh_settings("emancipasso.settings.dev", drop=["REDIS_URL"], **env)
    assert laptop.CACHES["default"]["BACKEND"] == backend
    output = io.StringIO()
    with override_settings(
        CACHES=laptop.CACHES, SILENCED_SYSTEM_CHECKS=laptop.SILENCED_SYSTEM_CHECKS
    ):
        call_command("check", tags=["caches"], stdout=output)
    assert "System check identified no issues" in output.getvalue()
