"""The page cache (home/page_cache.py): anonymous pages come from it, every change visitors
could see retires them, and nothing private ever goes in or comes out.

Each invalidation test fills the cache with a real page of the demo site, checks it is served
from there, makes one change the way the admin makes it (committed: the generation is replaced
on commit), then reads the page again as a visitor.
"""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.snippets.models import get_snippet_models

from catalogue.models import FreeAlternative
from directory.models import Offering, Region
from guides.models import GuidePage
from home.content_changes import PendingReplacement, is_watched_model
from home.groups import EDITORS
from home.models import SiteSettings
from home.page_cache import GENERATION_KEY, STATUS_HEADER
from tests.helpers import log_in
from webinars import booking
from webinars.models import Registration, RegistrationStatus, WebinarPage

GUIDE = "/guides/la-triple-domination/"
SECRET = "mot-secret-du-brouillon"


@pytest.fixture(autouse=True)
def page_cache_on(settings, demo_site, db):
    settings.PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def visit(url, client=None):
    response = (client or Client()).get(url)
    return response, response.content.decode()


def cached(url):
    """Fill the cache with `url` as an anonymous visitor; the second visit comes from it."""
    first, _ = visit(url)
    assert first.status_code == 200, url
    assert first[STATUS_HEADER] == "miss", url
    again, content = visit(url)
    assert again[STATUS_HEADER] == "hit", url
    return content


def guide():
    return GuidePage.objects.get(url_path__endswith="/la-triple-domination/")


def test_a_second_anonymous_visit_is_served_from_the_cache_without_sql():
    first, first_content = visit(GUIDE)
    assert first[STATUS_HEADER] == "miss"
    with CaptureQueriesContext(connection) as queries:
        again, content = visit(GUIDE)
    assert again[STATUS_HEADER] == "hit"
    assert len(queries) == 0, [query["sql"] for query in queries]
    assert content == first_content
    assert "La triple domination" in content
    # The headers the other middleware added are kept with the page and come back on a hit.
    assert "default-src" in again["Content-Security-Policy"]
    assert again["Content-Type"].startswith("text/html")
    for header in (
        "Content-Security-Policy", "Permissions-Policy", "X-Content-Type-Options",
        "Referrer-Policy", "Cross-Origin-Opener-Policy", "X-Frame-Options", "Content-Language",
    ):  # fmt: skip
        assert again[header] == first[header], header


def test_a_hit_runs_no_other_middleware(monkeypatch):
    """The page cache comes first: a page from the cache costs one round trip to the cache."""
    from home import security_headers

    visit(GUIDE)
    ran = []
    monkeypatch.setattr(
        security_headers.ContentSecurityPolicyMiddleware,
        "process_response",
        lambda self, request, response: ran.append(request.path) or response,
    )
    again, _content = visit(GUIDE)
    assert again[STATUS_HEADER] == "hit" and ran == []


def test_publishing_a_guide_shows_it_on_the_guide_and_the_listing(committed):
    cached(GUIDE)
    cached("/guides/")
    page = guide()
    page.title = "La triple domination, revue"
    with committed():
        page.save_revision().publish()
    for url in (GUIDE, "/guides/"):
        response, content = visit(url)
        assert response[STATUS_HEADER] == "miss", url
        assert "La triple domination, revue" in content, url


def test_unpublishing_a_guide_takes_it_off_the_site(committed):
    assert "La triple domination" in cached("/guides/")
    cached(GUIDE)
    with committed():
        guide().unpublish()
    assert visit(GUIDE)[0].status_code == 404
    assert "la-triple-domination" not in visit("/guides/")[1]


def test_deleting_a_page_takes_it_off_the_site(committed):
    cached(GUIDE)
    with committed():
        guide().delete()
    assert visit(GUIDE)[0].status_code == 404


def test_moving_a_page_serves_it_only_at_its_new_address(committed):
    cached("/a-propos/")
    about = Page.objects.get(url_path="/accueil/a-propos/")
    charter = Page.objects.get(url_path="/accueil/charte-de-l-annuaire/")
    with committed():
        about.move(charter, pos="last-child")
    moved = visit("/a-propos/")[0]
    assert moved.status_code == 301  # Wagtail's redirect from the old address
    assert moved["Location"] == "/charte-de-l-annuaire/a-propos/"
    assert visit("/charte-de-l-annuaire/a-propos/")[0].status_code == 200


def test_the_navigation_follows_a_menu_page_published_then_unpublished(committed):
    assert 'href="/charte-de-l-annuaire/"' not in cached("/")
    charter = Page.objects.get(url_path="/accueil/charte-de-l-annuaire/").specific
    charter.show_in_menus = True
    with committed():
        charter.save_revision().publish()
    assert 'href="/charte-de-l-annuaire/"' in visit("/")[1]
    assert visit("/")[0][STATUS_HEADER] == "hit"
    with committed():
        charter.unpublish()
    assert 'href="/charte-de-l-annuaire/"' not in visit("/")[1]


def test_a_view_restriction_keeps_the_cached_page_from_visitors(committed):
    cached(GUIDE)
    with committed():
        PageViewRestriction.objects.create(
            page=guide(), restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
    response, content = visit(GUIDE)
    assert STATUS_HEADER not in response
    assert "Trois cercles" not in content
    assert 'type="password"' in content


def test_a_free_alternative_published_shows_on_the_catalogue(committed):
    assert "Thunderbird" in cached("/alternatives/")
    thunderbird = FreeAlternative.objects.get(slug="thunderbird")
    thunderbird.name = "Thunderbird Libre"
    with committed():
        thunderbird.save_revision().publish()
    assert "Thunderbird Libre" in visit("/alternatives/")[1]


def test_a_free_alternative_unpublished_or_deleted_leaves_the_catalogue(committed):
    assert "Thunderbird" in cached("/alternatives/")
    thunderbird = FreeAlternative.objects.get(slug="thunderbird")
    with committed():
        thunderbird.unpublish()
    assert "Thunderbird" not in visit("/alternatives/")[1]

    thunderbird.refresh_from_db()
    with committed():
        thunderbird.save_revision().publish()
    assert "Thunderbird" in cached("/alternatives/")
    with committed():
        thunderbird.delete()
    assert "Thunderbird" not in visit("/alternatives/")[1]


def test_a_draft_of_an_entry_leaves_the_cached_pages_alone(committed):
    """Saving a draft changes nothing visitors see: the page stays cached, without the draft."""
    cached("/alternatives/")
    thunderbird = FreeAlternative.objects.get(slug="thunderbird")
    thunderbird.name = SECRET
    with committed():
        thunderbird.save_revision()
    response, content = visit("/alternatives/")
    assert response[STATUS_HEADER] == "hit"
    assert SECRET not in content


def test_a_renamed_region_shows_in_the_directory_and_on_profiles(committed):
    cached("/annuaire/")
    cached("/annuaire/breizh-libre/")
    with committed():
        Region.objects.filter(slug="bretagne").update(name="Bretagne (Breizh)")
        Region.objects.get(slug="bretagne").save()
    for url in ("/annuaire/", "/annuaire/breizh-libre/"):
        assert "Bretagne (Breizh)" in visit(url)[1], url


def test_a_renamed_prestation_shows_on_the_profiles(committed):
    assert "Hébergement de services libres" in cached("/annuaire/breizh-libre/")
    offering = Offering.objects.get(name="Hébergement de services libres")
    offering.name = "Hébergement de logiciels libres"
    with committed():
        offering.save()
    assert "Hébergement de logiciels libres" in visit("/annuaire/breizh-libre/")[1]


def test_a_site_setting_changes_the_footer_of_every_page(committed):
    cached("/")
    cached(GUIDE)
    site_settings = SiteSettings.objects.get()
    site_settings.footer_text = "Un nouveau pied de page."
    with committed():
        site_settings.save()
    for url in ("/", GUIDE):
        assert "Un nouveau pied de page." in visit(url)[1], url


def test_an_image_described_anew_shows_its_new_text(committed):
    cached(GUIDE)
    image = get_image_model().objects.get(title="La triple domination")
    image.description = "Trois cercles entrelacés, vus autrement."
    with committed():
        image.save()
    assert "Trois cercles entrelacés, vus autrement." in visit(GUIDE)[1]


def test_a_confirmed_registration_changes_the_places_left(committed):
    url = "/webinaires/reunions-en-visio-sans-zoom/"
    webinar = WebinarPage.objects.get(url_path__endswith="/reunions-en-visio-sans-zoom/")
    places = webinar.places_left
    assert f"Il reste {places} places" in cached(url)
    pending = Registration.objects.create(
        webinar=webinar,
        name="Zoé",
        email="zoe@example.org",
        consent=True,
        status=RegistrationStatus.PENDING,
        emailed_at=timezone.now(),
    )
    with committed():
        booking.confirm(pending)
    assert Registration.objects.get(pk=pending.pk).status == RegistrationStatus.CONFIRMED
    assert f"Il reste {places - 1} place" in visit(url)[1]


def test_a_draft_or_a_preview_never_reaches_a_visitor(client, committed):
    """Published, rendered for a visitor, then a draft with a secret word, viewed and
    previewed by an editor: the visitor still gets the published page, from the cache."""
    cached(GUIDE)
    log_in(client, EDITORS)
    page = guide()
    page.title = SECRET
    with committed():
        revision = page.save_revision()
    draft = client.get(f"/admin/pages/{page.pk}/view_draft/")
    assert SECRET in draft.content.decode()
    # A preview's simulated request without the editor's cookies must not get the cached page.
    preview = revision.as_object().make_preview_request(RequestFactory().get(GUIDE))
    assert SECRET in preview.content.decode()
    response, content = visit(GUIDE)
    assert response[STATUS_HEADER] == "hit"
    assert SECRET not in content


def test_a_logged_in_editor_never_gets_nor_fills_the_cache(client):
    log_in(client, EDITORS)
    response = client.get(GUIDE)
    assert response.status_code == 200
    assert STATUS_HEADER not in response
    assert visit(GUIDE)[0][STATUS_HEADER] == "miss"  # the editor's visit stored nothing
    assert visit(GUIDE)[0][STATUS_HEADER] == "hit"
    response = client.get(GUIDE)
    assert STATUS_HEADER not in response
    assert "wagtail-userbar" in response.content.decode()


def test_a_response_that_sets_a_cookie_is_not_stored():
    """The contact form's page sets the CSRF cookie: its token belongs to one visitor."""
    url = "/annuaire/breizh-libre/contacter/"
    for _ in range(2):
        response, _ = visit(url)
        assert response.status_code == 200
        assert "csrftoken" in response.cookies
        assert STATUS_HEADER not in response


def test_a_request_with_a_session_or_messages_cookie_bypasses_the_cache():
    cached(GUIDE)
    for cookie in ("sessionid", "messages"):
        visitor = Client()
        visitor.cookies[cookie] = "quelque-chose"
        assert STATUS_HEADER not in visit(GUIDE, visitor)[0], cookie
    visitor = Client()
    visitor.cookies["csrftoken"] = "x" * 32
    assert visit(GUIDE, visitor)[0][STATUS_HEADER] == "hit"


def test_a_post_is_never_served_from_nor_stored_in_the_cache():
    cached("/guides/")
    response = Client().post("/guides/", {"q": "mail"})
    assert STATUS_HEADER not in response
    caches["pages"].clear()
    Client().post("/guides/")
    assert visit("/guides/")[0][STATUS_HEADER] == "miss"


def test_a_page_that_is_not_found_is_not_stored():
    for _ in range(2):
        response, _ = visit("/guides/page-qui-n-existe-pas/")
        assert response.status_code == 404
        assert STATUS_HEADER not in response


def test_the_directory_is_cached_by_its_full_address():
    everyone = cached("/annuaire/")
    bretagne = cached("/annuaire/?region=bretagne")
    assert bretagne != everyone


def test_the_diagnostic_result_with_its_answers_is_never_stored():
    """The answers are one association's: only the blank form is cached."""
    cached("/passer-au-libre/")
    url = "/passer-au-libre/?services=gmail&taille=petite"
    for _ in range(2):
        response, _ = visit(url)
        assert response.status_code == 200
        assert STATUS_HEADER not in response
        assert "private" in response["Cache-Control"]


def test_the_search_is_never_cached():
    """Each search is counted for the editors' list of popular searches."""
    for _ in range(2):
        response, _ = visit("/recherche/?q=courriel")
        assert response.status_code == 200
        assert STATUS_HEADER not in response


def test_a_lost_generation_never_brings_back_an_older_page():
    """Evicted (Redis under memory pressure, the database cache culling): a new token."""
    cached(GUIDE)
    caches["pages"].delete(GENERATION_KEY)
    assert visit(GUIDE)[0][STATUS_HEADER] == "miss"


def test_one_commit_replaces_the_generation_once(committed):
    with committed() as callbacks:
        for name in ("Un", "Deux", "Trois"):
            Offering.objects.create(slug=name.lower(), name=name)
    # The directory's listing index has its own version, replaced at commit too.
    assert len([call for call in callbacks if isinstance(call, PendingReplacement)]) == 1


def test_every_kind_of_content_editors_publish_retires_the_cached_pages():
    """A new page type, snippet or setting that nobody declared with `watch()` fails here."""
    models = [*get_page_models(), *get_snippet_models(), *settings_registry]
    assert [model for model in models if not is_watched_model(model)] == []
