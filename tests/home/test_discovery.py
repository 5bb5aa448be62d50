"""What search engines, feed readers and link previews read on the demo site: the sitemap,
robots.txt, canonical addresses, Open Graph tags and JSON-LD, page kind by page kind."""

import html as html_module
import json
import re

import pytest
from django.conf import settings as django_settings
from django.core.files.storage import default_storage
from wagtail.models import Page

from catalogue.models import CatalogueIndexPage, ProprietaryService
from directory.models import ProviderPage
from guides.models import GuidePage
from tests.factories.catalogue import ProprietaryServiceFactory
from tests.factories.home import StandardPageFactory
from webinars.models import WebinarPage

pytestmark = pytest.mark.django_db
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def get_html(client, url):
    response = client.get(url, HTTP_HOST="127.0.0.1")
    assert response.status_code == 200, url
    return response.content.decode()


def structured_data(html):
    """Every JSON-LD block of the page, parsed, by @type."""
    blocks = [json.loads(text) for text in JSON_LD.findall(html)]
    return {block["@type"]: block for block in blocks}


def meta(html, name):
    """The content of a <meta property=…> (Open Graph) or <link rel="canonical">."""
    if name == "canonical":
        found = re.search(r'<link rel="canonical" href="([^"]*)">', html)
    else:
        found = re.search(rf'<meta property="{name}" content="([^"]*)">', html)
    return html_module.unescape(found.group(1)) if found else None


def site_url(path):
    return django_settings.SITE_URL + path


def one_of(model):
    return model.objects.live().public().order_by("path").first()


def sitemap_entries(client):
    """{location: last modification date or None} of every <url> of the sitemap."""
    xml = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1").content.decode()
    return [
        (location, lastmod or None)
        for location, lastmod in re.findall(
            r"<url><loc>([^<]+)</loc>(?:<lastmod>([^<]+)</lastmod>)?", xml
        )
    ]


def test_the_sitemap_lists_every_live_page_and_every_published_service_page(client, demo_site):
    home = Page.objects.get(depth=2)
    StandardPageFactory(parent=home, title="Brouillon", slug="brouillon", live=False)
    ProprietaryServiceFactory(slug="service-en-brouillon", live=False)
    catalogue = CatalogueIndexPage.objects.live().get()
    pages = {page.get_full_url() for page in Page.objects.live().public().filter(depth__gt=1)}
    services = {
        site_url(f"{catalogue.url}remplacer/{slug}/")
        for slug in ProprietaryService.objects.live().values_list("slug", flat=True)
    }
    entries = sitemap_entries(client)
    locations = [location for location, _ in entries]
    assert len(locations) == len(set(locations))
    # Every entry, service pages included, says when it last changed.
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", lastmod or "") for _, lastmod in entries)
    assert set(locations) == pages | services
    assert len(services) >= 20 and len(pages) >= 50
    assert not any("brouillon" in location for location in locations)


def test_robots_txt_opens_public_pages_and_points_to_the_sitemap(client, demo_site, settings):
    settings.SITE_URL = "https://hub.example.org"
    response = client.get("/robots.txt", HTTP_HOST="127.0.0.1")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /recherche/",
        "Disallow: /*/merci/",
        "Disallow: /*/confirmation/",
        "Disallow: /*/annulation/",
        "Disallow: /passer-au-libre/*?",
        "Allow: /",
        "",
        "Sitemap: https://hub.example.org/sitemap.xml",
    ]


PAGE_KINDS = [
    ("accueil", lambda: Page.objects.get(depth=2).specific, "website"),
    ("page simple", lambda: Page.objects.get(slug="a-propos").specific, "website"),
    ("index des guides", lambda: Page.objects.get(slug="guides").specific, "website"),
    ("guide", lambda: GuidePage.objects.get(slug="la-triple-domination"), "article"),
    ("index des webinaires", lambda: Page.objects.get(slug="webinaires").specific, "website"),
    ("webinaire", lambda: one_of(WebinarPage), "website"),
    ("annuaire", lambda: Page.objects.get(slug="annuaire").specific, "website"),
    ("prestataire", lambda: one_of(ProviderPage), "website"),
    ("catalogue", lambda: Page.objects.get(slug="alternatives").specific, "website"),
]


@pytest.mark.parametrize(
    ("label", "find_page", "og_type"), PAGE_KINDS, ids=[k[0] for k in PAGE_KINDS]
)
def test_each_page_kind_has_its_canonical_address_and_open_graph_tags(
    client, demo_site, label, find_page, og_type
):
    page = find_page()
    html = get_html(client, page.url + "?utm_source=lettre&q=x")
    assert meta(html, "canonical") == page.get_full_url() == site_url(page.url)
    assert meta(html, "og:url") == page.get_full_url()
    assert meta(html, "og:title") == (page.seo_title or page.title)
    assert meta(html, "og:description") == page.meta_description[:300].strip()
    assert meta(html, "og:type") == og_type
    assert meta(html, "og:site_name") == "Emancip'Asso"
    assert meta(html, "og:locale") == "fr_FR"


def test_a_service_page_is_its_own_canonical_address_and_last_breadcrumb(client, demo_site):
    html = get_html(client, "/alternatives/remplacer/gmail/?usage=courriel")
    assert meta(html, "canonical") == site_url("/alternatives/remplacer/gmail/")
    assert meta(html, "og:title") == "Remplacer Gmail"
    trail = structured_data(html)["BreadcrumbList"]["itemListElement"]
    assert [(item["name"], item["item"]) for item in trail] == [
        ("Accueil", site_url("/")),
        ("Alternatives libres", site_url("/alternatives/")),
        ("Remplacer Gmail", site_url("/alternatives/remplacer/gmail/")),
    ]


def test_a_listing_keeps_its_page_number_in_its_canonical_address(client, demo_site):
    assert meta(get_html(client, "/webinaires/?page=2&theme=x"), "canonical") == site_url(
        "/webinaires/?page=2"
    )
    for query in ("?page=1", "?page=abc", "?page=-2"):
        assert meta(get_html(client, "/webinaires/" + query), "canonical") == site_url(
            "/webinaires/"
        )


def test_a_guide_with_an_image_shows_it_in_link_previews(client, demo_site):
    guide = GuidePage.objects.get(slug="la-triple-domination")
    html = get_html(client, guide.url)
    image = meta(html, "og:image")
    assert image.startswith(site_url("/media/images/")), image
    assert meta(html, "og:image:alt") == guide.listing_image.description
    assert structured_data(html)["Article"]["image"] == image
    stored = image.removeprefix(site_url(django_settings.MEDIA_URL))
    assert default_storage.exists(stored), stored
    other = GuidePage.objects.live().filter(listing_image=None).first()
    assert meta(get_html(client, other.url), "og:image") is None


def test_every_page_with_breadcrumbs_describes_them_and_every_json_ld_parses(client, demo_site):
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        html = get_html(client, page.url)
        data = structured_data(html)  # json.loads of every block
        if page.depth == 2:
            assert "BreadcrumbList" not in data and 'class="breadcrumbs' not in html
            continue
        trail = data["BreadcrumbList"]["itemListElement"]
        ancestors = list(page.get_ancestors().filter(depth__gte=2))
        assert [item["item"] for item in trail] == [site_url(p.url) for p in [*ancestors, page]], (
            page.url
        )
        assert [item["position"] for item in trail] == list(range(1, len(trail) + 1))
        assert trail[0]["name"] == "Accueil" and trail[-1]["name"] == page.title


def test_a_guide_is_an_article(client, demo_site):
    guide = GuidePage.objects.get(slug="la-triple-domination")
    article = structured_data(get_html(client, guide.url))["Article"]
    assert article["@context"] == "https://schema.org"
    assert article["headline"] == guide.title
    assert article["description"] == guide.introduction
    assert article["url"] == article["mainEntityOfPage"] == site_url(guide.url)
    assert article["datePublished"].startswith(guide.first_published_at.date().isoformat())
    assert article["dateModified"]
    assert article["author"] == [{"@type": "Organization", "name": guide.authors}]
    assert article["publisher"]["name"] == "Emancip'Asso"
    assert article["publisher"]["url"] == site_url("/")
    assert article["inLanguage"] == "fr"
    assert article["keywords"] == [topic.name for topic in guide.topics.all()]


def test_a_webinar_is_an_online_event_with_its_replay(client, demo_site):
    webinar = WebinarPage.objects.live().exclude(replay_url="").first()
    html = get_html(client, webinar.url)
    event = structured_data(html)["Event"]
    assert event["name"] == webinar.title
    assert event["startDate"] == webinar.start_in_paris.isoformat()
    assert event["endDate"] == webinar.end_in_paris.isoformat()
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert event["location"] == {"@type": "VirtualLocation", "url": site_url(webinar.url)}
    assert event["organizer"]["name"] == "Emancip'Asso"
    assert event["recordedIn"]["@type"] == "VideoObject"
    assert event["recordedIn"]["url"] == webinar.replay_url
    assert [person["name"] for person in event["performer"]] == [
        speaker.name for speaker in webinar.speakers.all()
    ]


def test_an_upcoming_webinar_has_no_recording_and_never_its_join_link(client, demo_site):
    webinar = WebinarPage.objects.live().filter(replay_url="").exclude(join_url="").first()
    webinar.show_join_url = True  # shown on the page, still never in the data
    webinar.save_revision().publish()
    html = get_html(client, webinar.url)
    event = structured_data(html)["Event"]
    assert "recordedIn" not in event
    assert webinar.join_url in html
    assert webinar.join_url not in json.dumps(event)


def test_a_provider_is_an_organization_with_public_facts_only(client, demo_site):
    provider = one_of(ProviderPage)
    html = get_html(client, provider.url)
    organization = structured_data(html)["Organization"]
    assert organization["name"] == provider.title
    assert organization["url"] == (provider.website or site_url(provider.url))
    assert organization["mainEntityOfPage"] == site_url(provider.url)
    assert organization["description"] == provider.introduction
    assert organization["address"]["addressLocality"] == provider.city
    assert organization["areaServed"]
    assert provider.website in organization["sameAs"]
    # The address requests are sent to is private: nowhere in the page, data or tags.
    assert provider.contact_email
    assert provider.contact_email not in html
