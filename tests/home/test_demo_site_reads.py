"""Checks that only read the demo site: they share one load of it (about a minute each)."""

import pytest
from wagtail.models import Page

from guides.demo import FEATURED_GUIDES
from guides.models import GuideKind, GuidePage
from tests.home.test_security_headers import STRICT_POLICY, PageScan, policy_of

pytestmark = pytest.mark.django_db
NOT_PAGES = ("/admin/", "/documents/", "/media/", "/static/", "/api/")


def test_demo_guides_cover_every_kind_and_every_block(demo_site):
    guides = GuidePage.objects.live()
    assert guides.count() >= 8
    assert set(guides.values_list("kind", flat=True)) == set(GuideKind.values)
    used_blocks = {block.block_type for guide in guides for block in guide.body}
    assert used_blocks == set(GuidePage.body.field.stream_block.child_blocks)
    assert all(guide.topics.exists() for guide in guides)
    assert set(FEATURED_GUIDES) <= set(guides.values_list("slug", flat=True))


def test_no_public_page_of_the_demo_site_has_inline_code_or_an_unannounced_cookie(
    client, django_user_model, settings, demo_site
):
    """Every page of the demo site, and the pages they link to: no inline script or style, the
    strict policy, and, as the privacy policy says, no cookie but `csrftoken` on a form page."""
    pages = {page.url for page in Page.objects.live().public().specific() if page.url}
    to_visit, visited, problems, form_pages = sorted(pages), set(pages), {}, set()
    for url in to_visit:
        client.cookies.clear()
        response = client.get(url)
        if not response["Content-Type"].startswith("text/html"):
            continue
        scan = PageScan(response.content.decode())
        problems[url] = scan.inline_code
        assert policy_of(response) == STRICT_POLICY, url
        assert set(response.cookies) == ({"csrftoken"} if scan.posts else set()), url
        if scan.posts:
            form_pages.add(url)
            assert response.cookies["csrftoken"]["max-age"] == settings.CSRF_COOKIE_AGE
        if url in pages:  # one level down from the pages: form routes, filtered listings
            links = {link for link in scan.links if not link.startswith(NOT_PAGES)}
            to_visit.extend(sorted(links - visited))
            visited |= links

    assert len(visited) > 40, visited  # every page model, the form routes, the filters' pages
    assert len(form_pages) >= 3, form_pages  # contact, application, webinar registration
    assert {url: found for url, found in problems.items() if found} == {}

    # Editors see Wagtail's user bar on public pages: it must work under the same policy.
    client.force_login(django_user_model.objects.get(username="admin"))
    html = client.get("/").content.decode()
    assert "wagtail-userbar" in html
    assert PageScan(html).inline_code == []
