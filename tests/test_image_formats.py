"""Images reach visitors in modern formats at the sizes the layout uses: AVIF, then WebP, then
the original kind for older browsers, in a <picture>: guide cards, a provider's logo on its page
and on its directory card."""

import re

import pytest
from wagtail_factories import ImageFactory

from tests.factories.directory import DirectoryIndexPageFactory, ProviderPageFactory
from tests.factories.guides import GuidePageFactory

pytestmark = pytest.mark.django_db


def pictures(html):
    """Each <picture>: its sources' types and sizes, and its fallback <img>."""
    found = []
    for inner in re.findall(r"<picture>(.*?)</picture>", html, re.S):
        sources = re.findall(r'<source[^>]*srcset="([^"]+)"[^>]*type="([^"]+)"', inner)
        fallback = re.search(r'<img[^>]*src="([^"]+)"', inner).group(1)
        found.append(([kind for _src, kind in sources], [src for src, _ in sources], fallback))
    return found


def assert_modern_then_fallback(picture, size, fallback_extension):
    kinds, sources, fallback = picture
    assert kinds == ["image/avif", "image/webp"]
    assert sources[0].endswith(".avif") and sources[1].endswith(".webp")
    assert all(size in src for src in [*sources, fallback])
    assert fallback.endswith(fallback_extension)


@pytest.fixture
def logo():
    return ImageFactory(title="Logo", description="Un chat vert", width=300, height=300)


def test_a_provider_logo_on_its_page_and_on_its_directory_card(client, home_page, logo):
    directory = DirectoryIndexPageFactory(parent=home_page)
    provider = ProviderPageFactory(parent=directory, title="Chat Vert", logo=logo)
    page = pictures(client.get(provider.url).content.decode())
    card = pictures(client.get(directory.url).content.decode())
    assert len(page) == 1 and len(card) == 1
    assert_modern_then_fallback(page[0], "max-160x160", ".png")
    assert_modern_then_fallback(card[0], "fill-64x64", ".png")
    assert 'alt="Un chat vert"' in client.get(directory.url).content.decode()


def test_a_guide_card_image(client, guide_index):
    image = ImageFactory(title="Photo", description="Une réunion", width=960, height=540)
    GuidePageFactory(parent=guide_index, title="Un guide illustré", listing_image=image)
    cards = pictures(client.get(guide_index.url).content.decode())
    assert len(cards) == 1
    assert_modern_then_fallback(cards[0], "fill-480x270", ".jpg")
