"""Admin login and password reset under attack: brute force, password spraying, mail flooding.

Every test goes through Wagtail's own admin views (/admin/login/, /admin/password_reset/) with
django-axes turned on, as in production (the test settings turn it off for the rest of the suite).
"""

import io
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessLog
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

LOGIN_URL = "/admin/login/"
RESET_URL = "/admin/password_reset/"
PASSWORD = "le-bon-mot-de-passe"
ATTACKER = "203.0.113.5"
SOMEONE_ELSE = "198.51.100.7"


@pytest.fixture(autouse=True)
def protection_on(settings):
    settings.AXES_ENABLED = True
    settings.TRUSTED_PROXIES = []
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def provider(django_user_model):
    return django_user_model.objects.create_superuser(
        "prestataire1", "prestataire1@example.org", PASSWORD
    )


def log_in(client, username, password, address=ATTACKER, **headers):
    return client.post(
        LOGIN_URL,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        **headers,
    )


def is_logged_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.django_db
def test_five_wrong_passwords_lock_the_account_for_this_address(client, provider):
    for _ in range(4):
        response = log_in(client, "prestataire1", "devine")
        assert response.status_code == 200  # the login form again, with its error
    locked = log_in(client, "prestataire1", "devine")
    assert locked.status_code == 429
    assert "Connexion suspendue" in locked.content.decode()

    # The right password no longer opens the account from this address...
    response = log_in(client, "prestataire1", PASSWORD)
    assert response.status_code == 429
    assert "Trop de tentatives de connexion ont échoué" in response.content.decode()
    assert not is_logged_in(client)
    # ...and the page says nothing about whether the account exists.
    assert "prestataire1" not in response.content.decode()


@pytest.mark.django_db
def test_an_attacker_cannot_lock_the_provider_out_from_elsewhere(client, provider):
    for _ in range(6):
        log_in(client, "prestataire1", "devine", address=ATTACKER)
    response = log_in(client, "prestataire1", PASSWORD, address=SOMEONE_ELSE)
    assert response.status_code == 302
    assert is_logged_in(client)


@pytest.mark.django_db
def test_one_address_trying_many_usernames_is_locked(client, provider, settings):
    """Password spraying: four guesses on each of five usernames, no pair reaching five."""
    assert settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS == 20
    for name in ["alice", "bruno", "chloe", "djamel", "emma"]:
        for _ in range(4):
            log_in(client, name, "devine")
    response = log_in(client, "prestataire1", PASSWORD)
    assert response.status_code == 429
    assert not is_logged_in(client)
    assert log_in(client, "prestataire1", PASSWORD, address=SOMEONE_ELSE).status_code == 302


@pytest.mark.django_db
def test_behind_the_proxy_the_lockout_follows_the_visitor_not_the_proxy(client, provider, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    proxy = "10.0.0.2"
    # The attacker forges a left-most entry; nginx appends its real address.
    forged = {"HTTP_X_FORWARDED_FOR": f"{SOMEONE_ELSE}, {ATTACKER}"}
    for _ in range(5):
        log_in(client, "prestataire1", "devine", address=proxy, **forged)
    assert log_in(client, "prestataire1", PASSWORD, address=proxy, **forged).status_code == 429
    assert AccessAttempt.objects.get().ip_address == ATTACKER

    # Another visitor through the same proxy is not locked out.
    visitor = {"HTTP_X_FORWARDED_FOR": SOMEONE_ELSE}
    assert log_in(client, "prestataire1", PASSWORD, address=proxy, **visitor).status_code == 302


@pytest.mark.django_db
def test_a_successful_login_clears_the_count(client, provider):
    for _ in range(4):
        log_in(client, "prestataire1", "devine")
    assert log_in(client, "prestataire1", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert log_in(client, "prestataire1", "devine").status_code == 200
    assert log_in(client, "prestataire1", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_the_lock_ends_with_the_cool_off_and_old_attempts_are_purged(client, provider, settings):
    for _ in range(5):
        log_in(client, "prestataire1", "devine")
    assert log_in(client, "prestataire1", PASSWORD).status_code == 429

    out = io.StringIO()
    call_command("purge_login_attempts", stdout=out)
    assert AccessAttempt.objects.count() == 1  # still within the cool-off: kept

    over = timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(minutes=1)
    AccessAttempt.objects.update(attempt_time=over)
    call_command("purge_login_attempts", stdout=out)
    assert not AccessAttempt.objects.exists()
    assert "1 tentative(s) de connexion échouée(s) effacée(s)." in out.getvalue()
    assert log_in(client, "prestataire1", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_successful_logins_leave_no_record(client, provider):
    """The privacy policy says only failed attempts are kept."""
    log_in(client, "prestataire1", PASSWORD)
    assert is_logged_in(client)
    assert not AccessAttempt.objects.exists()
    assert not AccessLog.objects.exists()


def ask_reset(client, email, address=ATTACKER):
    return client.post(RESET_URL, {"email": email}, REMOTE_ADDR=address)


@pytest.mark.django_db
def test_password_reset_sends_at_most_three_mails_an_hour_to_one_address(client, provider):
    responses = [ask_reset(client, "prestataire1@example.org") for _ in range(15)]
    assert len(mail.outbox) == 3
    assert all(mail_.to == ["prestataire1@example.org"] for mail_ in mail.outbox)
    # Every answer, sent or not, is the same "check your e-mail" redirect.
    assert {(r.status_code, r["Location"]) for r in responses} == {
        (302, "/admin/password_reset/done/")
    }


@pytest.mark.django_db
def test_password_reset_counts_every_address_asked_from_one_client(client, django_user_model):
    for number in range(12):
        django_user_model.objects.create_user(
            f"membre{number}", f"membre{number}@example.org", PASSWORD
        )
    for number in range(11):
        response = ask_reset(client, f"membre{number}@example.org")
        assert response["Location"] == "/admin/password_reset/done/"
    assert len(mail.outbox) == 10
    # An address nobody has asked for yet, from another client, still gets its link.
    ask_reset(client, "membre11@example.org", address=SOMEONE_ELSE)
    assert len(mail.outbox) == 11
    assert mail.outbox[-1].to == ["membre11@example.org"]


@pytest.mark.django_db
def test_a_throttled_reset_looks_like_any_other(client, provider):
    for _ in range(3):
        ask_reset(client, "prestataire1@example.org")
    throttled = ask_reset(client, "prestataire1@example.org")
    unknown = ask_reset(client, "personne@example.org", address=SOMEONE_ELSE)
    assert (throttled.status_code, throttled["Location"]) == (
        unknown.status_code,
        unknown["Location"],
    )
    done = client.get(throttled["Location"])
    assert done.status_code == 200
    assert len(mail.outbox) == 3


@pytest.mark.django_db
def test_behind_the_proxy_each_visitor_has_its_own_reset_allowance(client, settings, provider):
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    proxy = "10.0.0.2"
    for number in range(11):
        client.post(
            RESET_URL,
            {"email": f"inconnu{number}@example.org"},
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR=ATTACKER,
        )
    client.post(
        RESET_URL,
        {"email": "prestataire1@example.org"},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR=SOMEONE_ELSE,
    )
    assert [message.to for message in mail.outbox] == [["prestataire1@example.org"]]
