"""Security headers: a strict CSP on public pages, a looser one in the admin whose previews still
work, the other headers on every response, production's HTTPS settings and `check --deploy`."""

import secrets
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ImproperlyConfigured
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from tests.factories.home import StandardPageFactory
from tests.helpers import fresh_settings, start_project_python

STRICT_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "frame-src": ["https:"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}
DENIED_FEATURES = ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"]


def policy_of(response):
    directives = (part.split() for part in response["Content-Security-Policy"].split(";"))
    return {name: values for name, *values in directives}


def assert_common_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    denied = response["Permissions-Policy"].split(", ")
    assert all(f"{feature}=()" in denied for feature in DENIED_FEATURES)


@pytest.mark.django_db
def test_a_public_page_gets_the_strict_policy_and_every_header(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    assert policy_of(response) == STRICT_POLICY
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert_common_headers(response)


@pytest.mark.django_db
def test_error_pages_get_the_headers_too(client, home_page):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert policy_of(response) == STRICT_POLICY
    assert_common_headers(response)


@pytest.mark.django_db
def test_the_admin_gets_its_own_policy(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    policy = policy_of(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert_common_headers(response)


@pytest.mark.django_db
def test_the_admin_preview_renders_the_public_page_in_a_same_origin_frame(
    client, home_page, admin_user
):
    page = StandardPageFactory(parent=home_page, title="Page à prévisualiser")
    client.force_login(admin_user)
    data = nested_form_data(
        {
            "title": "Titre en cours de relecture",
            "slug": page.slug,
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    preview_url = f"/admin/pages/{page.pk}/edit/preview/"
    assert client.post(preview_url, data).json()["is_valid"]

    preview = client.get(preview_url, {"mode": "", "in_preview_panel": "true"})
    assert preview.status_code == 200
    assert "Titre en cours de relecture" in preview.content.decode()
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    assert policy_of(preview)["frame-ancestors"] == ["'self'"]
    assert policy_of(preview)["frame-src"] == ["'self'", "https:"]


HTTPS_SETTINGS = (
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
)


def https_settings(**env):
    """Production's HTTPS_SETTINGS, read anew from the environment plus `env`."""
    production = fresh_settings(
        "emancipasso.settings.production",
        **{"SITE_URL": "https://example.org", **env, "SECRET_KEY": secrets.token_urlsafe(50)},
    )
    return [getattr(production, name) for name in HTTPS_SETTINGS]


def test_production_is_https_only_by_default():
    assert https_settings() == [True, 31536000, True, True]


def test_production_https_settings_come_from_the_environment():
    """Behind a proxy that redirects to https itself, or while trying HSTS with a short max-age."""
    by_environment = {
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "300",
        "SECURE_HSTS_PRELOAD": "0",
    }
    refusal = "SECURE_HSTS_INCLUDE_SUBDOMAINS doit valoir true ou false"
    with pytest.raises(ImproperlyConfigured, match=refusal):  # "non" is refused, not guessed
        https_settings(**by_environment, SECURE_HSTS_INCLUDE_SUBDOMAINS="non")
    relaxed = https_settings(**by_environment, SECURE_HSTS_INCLUDE_SUBDOMAINS="no")
    assert relaxed == [False, 300, False, False]


@pytest.mark.django_db
def test_https_headers_with_the_production_values(client, home_page, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    plain = client.get("/")
    assert plain.status_code == 301
    assert plain["Location"] == "https://testserver/"
    secure = client.get("/", secure=True)
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert policy_of(secure) == STRICT_POLICY


def test_check_deploy_reports_nothing_with_production_settings():
    """Django started for real on production settings, in a process of its own."""
    check = start_project_python(
        ["manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        "emancipasso.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        SITE_URL="https://example.org",
        ALLOWED_HOSTS="example.org",
    )
    try:
        stdout, stderr = check.communicate(timeout=120)
    finally:
        check.kill()  # still running only after the timeout
    assert check.returncode == 0, stderr
    assert "System check identified no issues" in stdout


class PageScan(HTMLParser):
    """What a strict CSP would block (inline scripts, styles, event handlers), the page's
    same-site links, and whether it has a form that posts (and so needs a CSRF cookie)."""

    def __init__(self, html):
        super().__init__()
        self.inline_code, self.links, self.posts = [], set(), False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        is_data = attributes.get("type") in ("application/json", "application/ld+json")  # never run
        if tag == "script" and not attributes.get("src") and not is_data:
            self.inline_code.append("<script> inline")
        if tag == "style":
            self.inline_code.append("<style>")
        for name, value in attributes.items():
            if name == "style":
                self.inline_code.append(f'<{tag} style="{value}">')
            if name.startswith("on"):
                self.inline_code.append(f"<{tag} {name}=…>")
            if name in {"href", "src", "action"} and (value or "").startswith("javascript:"):
                self.inline_code.append(f"<{tag} {name}=javascript:…>")
        href = attributes.get("href") or ""
        if tag == "a" and href.startswith("/") and not href.startswith("//"):
            self.links.add(urlsplit(href).path)
        if tag == "form" and (attributes.get("method") or "").lower() == "post":
            self.posts = True


def test_the_page_scan_finds_each_kind_of_inline_code():
    html = (
        '<script>alert(1)</script><script src="/a.js"></script>'
        '<script type="application/json">{}</script><style>p{}</style>'
        '<p style="color:red" onclick="x()"><a href="javascript:x()">x</a></p>'
    )
    assert PageScan(html).inline_code == [
        "<script> inline",
        "<style>",
        '<p style="color:red">',
        "<p onclick=…>",
        "<a href=javascript:…>",
    ]
