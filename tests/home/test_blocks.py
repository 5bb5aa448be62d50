import pytest
from wagtail.blocks import StructBlockValidationError

from home.blocks import CallToActionBlock, CaptionedImageBlock, VideoEmbedBlock, embed_url_for
from tests.factories.home import CaptionedImageBlockFactory


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


def image_errors(block, value):
    """The errors of the image inside a captioned image block, which must refuse `value`."""
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    return error.value.block_errors["image"].block_errors


@pytest.mark.django_db
def test_image_block_requires_alt_text():
    """Blank alt text is refused in French unless the image is decorative; real text is kept."""
    block = CaptionedImageBlock()
    for blank in ("", "   "):
        errors = image_errors(block, CaptionedImageBlockFactory(image__alt_text=blank))
        assert set(errors) == {"alt_text"}
        assert "Décrivez l'image pour qui ne la voit pas" in str(errors["alt_text"])
    decorative = CaptionedImageBlockFactory(image__decorative=True, image__alt_text="")
    assert block.clean(decorative)["image"].decorative
    described = CaptionedImageBlockFactory(image__alt_text="Un atelier")
    assert block.clean(described)["image"].contextual_alt_text == "Un atelier"


@pytest.mark.django_db
def test_image_block_renders_its_alt_text_for_this_page_and_none_when_decorative():
    block = CaptionedImageBlock()
    html = block.render(CaptionedImageBlockFactory(image__alt_text="Un atelier", caption="Légende"))
    assert 'alt="Un atelier"' in html and "<figcaption>Légende</figcaption>" in html
    html = block.render(CaptionedImageBlockFactory(image__decorative=True))
    assert 'alt=""' in html and "<figcaption>" not in html


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
