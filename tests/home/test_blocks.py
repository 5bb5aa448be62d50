import pytest
from wagtail.blocks import StructBlockValidationError
from wagtail_factories import ImageFactory

from home.blocks import CallToActionBlock, ImageBlock, VideoEmbedBlock, embed_url_for


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://framatube.org/w/kkGMgK9ZtnKfYAgnEtQxbv",
            "https://framatube.org/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv",
        ),
        (
            "https://peertube.example.org/videos/watch/9c9de5e8-0a1e-484a-b099-e80766180a6d",
            "https://peertube.example.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d",
        ),
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"),
        ("http://framatube.org/w/kkGMgK9ZtnKfYAgnEtQxbv", None),
        ("https://example.org/une-page", None),
    ],
)
def test_embed_url_for(url, expected):
    assert embed_url_for(url) == expected


def test_video_block_rejects_an_unknown_host_in_french():
    block = VideoEmbedBlock()
    value = block.to_python({"url": "https://example.org/page", "title": "Vidéo"})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "PeerTube" in str(error.value.block_errors["url"])


def test_video_block_renders_no_iframe_before_a_click():
    block = VideoEmbedBlock()
    value = block.to_python(
        {"url": "https://framatube.org/w/kkGMgK9ZtnKfYAgnEtQxbv", "title": "Présentation"}
    )
    html = block.render(value)
    assert "<iframe" not in html
    assert 'data-embed-src="https://framatube.org/videos/embed/kkGMgK9ZtnKfYAgnEtQxbv"' in html
    assert 'href="https://framatube.org/w/kkGMgK9ZtnKfYAgnEtQxbv"' in html


@pytest.mark.django_db
def test_image_block_requires_alt_text():
    """Blank alt text is refused with its own French message; real alt text is kept."""
    block = ImageBlock()
    image = ImageFactory()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"image": image.pk, "alt_text": "  ", "caption": ""}))
    assert set(error.value.block_errors) == {"alt_text"}
    assert "Le texte alternatif est obligatoire." in str(error.value.block_errors["alt_text"])
    described = {"image": image.pk, "alt_text": "Un atelier", "caption": ""}
    assert block.clean(block.to_python(described))["alt_text"] == "Un atelier"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "links", [{}, {"page": None, "url": ""}, {"url": "https://example.org", "page": 1}]
)
def test_call_to_action_needs_exactly_one_target(links, home_page):
    if links.get("page"):
        links["page"] = home_page.pk
    block = CallToActionBlock()
    value = block.to_python({"title": "T", "link_text": "Aller", **links})
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert "pas les deux" in str(error.value.block_errors["page"])
