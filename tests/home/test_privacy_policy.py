"""The privacy policy of the demo site says what the site really keeps, with today's settings.

What the pages really set (no cookie on a page, only `csrftoken` on a page with a form) is
checked over the whole demo site in test_demo_site_reads.py.
"""

from datetime import timedelta

import pytest
from django.utils.html import strip_tags

from home.models import StandardPage


@pytest.fixture
def policy(client, db, home_demo_site):
    page = StandardPage.objects.get(slug="confidentialite")
    response = client.get(page.url)
    assert response.status_code == 200
    return " ".join(strip_tags(response.content.decode()).split())


@pytest.mark.django_db
def test_it_names_the_form_cookie_and_its_lifetime(policy, settings):
    assert "un seul cookie technique, « csrftoken »" in policy
    assert "il ne demande pas votre consentement" in policy
    assert timedelta(days=360) < timedelta(seconds=settings.CSRF_COOKIE_AGE) <= timedelta(days=366)
    assert "il expire au bout d'un an" in policy


@pytest.mark.django_db
def test_it_names_the_session_cookie_of_people_who_log_in(policy, settings):
    assert settings.SESSION_COOKIE_NAME == "sessionid"
    assert timedelta(seconds=settings.SESSION_COOKIE_AGE) == timedelta(weeks=2)
    assert "« sessionid »" in policy
    assert "au bout de deux semaines si elles ont coché « Se souvenir de moi »" in policy


@pytest.mark.django_db
def test_it_says_what_failed_logins_leave_and_for_how_long(policy, settings):
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    assert (
        f"Après {settings.AXES_FAILURE_LIMIT} échecs pour un même identifiant depuis une même "
        f"adresse, ou {settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS} depuis une même adresse, la "
        f"connexion est suspendue {minutes} minutes." in policy
    )
    assert "identifiant saisi, adresse IP, navigateur et heure" in policy
    assert settings.AXES_DISABLE_ACCESS_LOG
    assert "Les connexions réussies ne sont pas enregistrées." in policy


@pytest.mark.django_db
def test_it_says_how_long_abuse_counters_last(policy, settings):
    hour = ("/h", "/1h")
    assert settings.PASSWORD_RESET_RATES["email"].endswith(hour)
    assert settings.PASSWORD_RESET_RATES["client"].endswith(hour)
    assert settings.PUBLIC_FORM_SUBMISSION_RATE.endswith(hour)
    assert settings.PUBLIC_FORM_POST_RATE.endswith(hour)
    assert "sont comptés pendant une heure par adresse IP" in policy
