"""JSON-LD blocks stay inert data, whatever editors type; guides' authors and dates."""

import json
import re
from datetime import UTC, date, datetime

import pytest
from wagtail_factories import ImageFactory

from home.structured_data import json_ld_script, named_party
from tests.factories.guides import GuidePageFactory

pytestmark = pytest.mark.django_db
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def test_a_value_cannot_close_the_block():
    script = json_ld_script({"name": "</script><script>alert(1)</script> & <!--"})
    assert script.count("</script>") == 1
    assert "<" not in script.removeprefix('<script type="application/ld+json">')[:-9]
    assert json.loads(JSON_LD.search(script).group(1)) == {
        "name": "</script><script>alert(1)</script> & <!--"
    }


def test_a_hostile_title_stays_inside_its_blocks(client, guide_index):
    guide = GuidePageFactory(parent=guide_index, title="</script><script>alert(1)</script>")
    html = client.get(guide.url).content.decode()
    blocks = [json.loads(text) for text in JSON_LD.findall(html)]
    assert {block["@type"] for block in blocks} == {"BreadcrumbList", "Article"}
    assert "<script>alert(1)" not in html


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Camille Martin", "Person"),
        ("L'équipe de Framasoft", "Organization"),
        ("L’équipe d’Animafac", "Organization"),
        ("Le collectif CHATONS", "Organization"),
        ("La Quadrature", "Organization"),
        ("Léa Dubois", "Person"),
    ],
)
def test_a_name_with_an_article_is_a_group(name, kind):
    assert named_party(name) == {"@type": kind, "name": name}


def test_a_guide_names_each_author_and_dates_its_last_review(client, guide_index):
    guide = GuidePageFactory(
        parent=guide_index,
        authors="Camille Martin, L'équipe de Framasoft",
        first_published_at=datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
        last_published_at=datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
        last_reviewed=date(2026, 10, 1),
    )
    html = client.get(guide.url).content.decode()
    article = next(json.loads(t) for t in JSON_LD.findall(html) if '"Article"' in t)
    assert article["author"] == [
        {"@type": "Person", "name": "Camille Martin"},
        {"@type": "Organization", "name": "L'équipe de Framasoft"},
    ]
    assert article["datePublished"] == "2026-03-02T09:00:00Z"
    assert article["dateModified"] == "2026-10-01"
    assert article["inLanguage"] == "fr"
    assert article["publisher"]["@type"] == "Organization"
    assert '<meta property="og:type" content="article">' in html


def test_a_guide_whose_image_file_is_missing_is_still_served_without_a_sharing_image(
    client, guide_index
):
    """An original lost from the storage (a restore without media, another server's disk)
    must not take the page down: the sharing image is left out, like Wagtail's own tag does."""
    image = ImageFactory(description="Un bureau associatif")
    guide = GuidePageFactory(parent=guide_index, listing_image=image)
    image.file.storage.delete(image.file.name)
    response = client.get(guide.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "og:image" not in html
    article = next(json.loads(t) for t in JSON_LD.findall(html) if '"Article"' in t)
    assert "image" not in article
