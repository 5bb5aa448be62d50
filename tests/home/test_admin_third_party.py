"""The admin loads nothing from another host: no Gravatar avatar, no font or script from afar."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

# Attributes whose URL the browser fetches by itself, without a click.
FETCHED = {"src", "srcset", "poster", "data", "data-icon-url"}
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")


class FetchedUrls(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.urls = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if not value:
                continue
            if name in FETCHED:
                self.urls += [item.split()[0] for item in value.split(",") if item.strip()]
            if tag == "link" and name == "href":
                self.urls.append(value)
            if name == "style":
                self.urls += CSS_URL.findall(value)

    def handle_data(self, data):
        if self.lasttag == "style":
            self.urls += CSS_URL.findall(data)


def foreign_hosts(html):
    return {urlsplit(url).hostname for url in FetchedUrls(html).urls} - {None, "testserver"}


def test_the_scan_sees_a_protocol_relative_avatar():
    html = '<img class="avatar" src="//www.gravatar.com/avatar/abc?s=50&d=mm">'
    assert foreign_hosts(html) == {"www.gravatar.com"}


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/admin/", "/admin/account/", "/admin/users/"])
def test_admin_pages_fetch_nothing_from_another_host(client, admin_user, url):
    admin_user.email = "admin@example.org"  # Gravatar would hash this address into the URL
    admin_user.save()
    client.force_login(admin_user)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "avatar" in html  # the avatar is there, served by the site itself
    assert "gravatar" not in html.lower()
    assert foreign_hosts(html) == set()
