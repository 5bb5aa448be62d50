import re

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_factories import ImageFactory

from guides.models import Audience, GuideIndexPage, GuideKind, GuidePage
from home.demo_tools import ensure_home_page
from home.models import HomePage, StandardPage
from tests.factories.catalogue import (
    CategoryFactory,
    FreeAlternativeFactory,
    ProprietaryServiceFactory,
)
from tests.factories.directory import DirectoryIndexPageFactory, ProviderPageFactory
from tests.factories.guides import GuideIndexPageFactory, GuidePageFactory, words
from tests.helpers import assert_query_budget

pytestmark = pytest.mark.django_db


class GuideTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = ensure_home_page()
        cls.index = GuideIndexPageFactory(parent=cls.home)
        cls.topic = CategoryFactory(name="Visioconférence")
        cls.guide = GuidePageFactory(parent=cls.index, topics=[cls.topic])

    def test_guides_live_only_under_the_single_guide_index(self):
        self.assertAllowedParentPageTypes(GuideIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(GuideIndexPage, {GuidePage})
        self.assertAllowedParentPageTypes(GuidePage, {GuideIndexPage})
        self.assertAllowedSubpageTypes(GuidePage, set())
        self.assertCanNotCreateAt(StandardPage, GuidePage)
        self.assertFalse(GuideIndexPage.can_create_at(self.home))

    def test_index_and_guide_render_and_preview(self):
        self.assertPageIsRenderable(self.index)
        self.assertPageIsPreviewable(self.index)
        self.assertPageIsRenderable(self.guide)
        post_data = nested_form_data(
            {
                "title": "Un guide en aperçu",
                "slug": self.guide.slug,
                "introduction": "Aperçu",
                "kind": GuideKind.ARGUMENT,
                "audience": Audience.SMALL,
                "authors": "Framasoft",
                "last_reviewed": "2026-10-01",
                "body": streamfield(
                    [
                        ("heading", {"text": "Pourquoi changer", "level": "h2"}),
                        ("paragraph", rich_text("<p>Un aperçu avant publication.</p>")),
                        (
                            "checklist",
                            {
                                "title": "À vérifier",
                                "introduction": "",
                                "items": {
                                    "count": 1,
                                    "0": {
                                        "value": "Le logiciel est-il libre ?",
                                        "order": 0,
                                        "deleted": "",
                                        "id": "",
                                    },
                                },
                            },
                        ),
                    ]
                ),
                "comments": inline_formset([]),
            }
        )
        post_data["topics"] = [self.topic.pk]
        self.assertPageIsPreviewable(self.guide, post_data=post_data)


def test_reading_time_follows_the_length_of_the_body(guide_index):
    short = GuidePageFactory(parent=guide_index, body__0__paragraph__value=words(150))
    long = GuidePageFactory(parent=guide_index, body__0__paragraph__value=words(1000))
    assert (short.reading_minutes, long.reading_minutes) == (1, 5)


def test_a_guide_shows_its_table_of_contents_and_facts(client, guide_index):
    topic = CategoryFactory(name="Courrier électronique")
    guide = GuidePageFactory(
        parent=guide_index,
        topics=[topic],
        authors="L'équipe de Framasoft",
        body__0__heading__text="Le constat",
        body__1__paragraph__value="<p>Du texte.</p>",
        body__2__heading__text="Un détail",
        body__2__heading__level="h3",
        body__3__heading__text="Les solutions",
    )
    response = client.get(guide.url)
    html = response.content.decode()
    assert guide.table_of_contents == [
        ("le-constat", "Le constat"),
        ("les-solutions", "Les solutions"),
    ]
    assert '<a href="#le-constat">Le constat</a>' in html
    assert '<a href="#un-detail">' not in html
    assert "L&#x27;équipe de Framasoft" in html
    assert "Courrier électronique" in html
    assert "Set-Cookie" not in response.headers


def test_related_guides_share_a_topic_and_exclude_the_guide_itself(client, guide_index):
    mail, video = CategoryFactory(name="Courriel"), CategoryFactory(name="Vidéo")
    guide = GuidePageFactory(parent=guide_index, title="Quitter Gmail", topics=[mail])
    sibling = GuidePageFactory(parent=guide_index, title="Choisir un webmail", topics=[mail])
    GuidePageFactory(parent=guide_index, title="Quitter YouTube", topics=[video])
    draft = GuidePageFactory(parent=guide_index, title="Brouillon courriel", topics=[mail])
    draft.unpublish()
    assert [related.pk for related in guide.related_guides()] == [sibling.pk]
    html = client.get(guide.url).content.decode()
    assert "Choisir un webmail" in html and "Quitter YouTube" not in html


def test_a_listing_image_needs_a_description(guide_index):
    """The image's description is its alt text: a guide refuses an image without one."""
    guide = GuidePageFactory(parent=guide_index)
    guide.listing_image = ImageFactory(description="  ")
    with pytest.raises(ValidationError) as error:
        guide.full_clean()
    assert "n'a pas de description" in str(error.value.message_dict["listing_image"])
    guide.listing_image = ImageFactory(description="Un bureau associatif")
    guide.full_clean()


def test_the_listing_image_is_shown_with_its_description_in_constant_queries(client, guide_index):
    GuidePageFactory(
        parent=guide_index, listing_image=ImageFactory(description="Un bureau associatif")
    )

    def add_guides_with_images():
        for number in range(3):
            GuidePageFactory(
                parent=guide_index, listing_image=ImageFactory(description=f"Image {number}")
            )

    # Budget: today's count; the count stays the same with four images.
    # (The first view of a new image creates its rendition; the helper counts a later one.)
    html = assert_query_budget(client, "/guides/", 8, add_guides_with_images).content.decode()
    assert 'alt="Un bureau associatif"' in html and 'alt="Image 2"' in html


def who_can_help(html):
    """The links of the "Qui peut aider ?" block, or None when the guide has none."""
    block = re.search(r'<aside class="guide-help".*?</aside>', html, re.S)
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', block.group(0)) if block else None


def test_who_can_help_links_the_directory_filtered_by_the_tools_of_the_guide(
    client, guide_index, home_page
):
    """The tools that lead away from the guide's services (and a testimony's adopted tools),
    counted among published providers; a tool nobody offers is not offered as a way out."""
    directory = DirectoryIndexPageFactory(parent=home_page)
    gmail = ProprietaryServiceFactory(name="Gmail", slug="gmail")
    zimbra = FreeAlternativeFactory(name="Zimbra", slug="zimbra", replaces=[gmail])
    FreeAlternativeFactory(name="Thunderbird", slug="thunderbird", replaces=[gmail])
    adopted = FreeAlternativeFactory(name="Nextcloud", slug="nextcloud")
    elsewhere = FreeAlternativeFactory(name="Jitsi", slug="jitsi")
    ProviderPageFactory(parent=directory, tools=[zimbra, adopted])
    ProviderPageFactory(parent=directory, tools=[zimbra, elsewhere])
    ProviderPageFactory(parent=directory, tools=[zimbra]).unpublish()
    guide = GuidePageFactory(parent=guide_index, services=[gmail])
    guide.tools_after.add(adopted)
    guide.save_revision().publish()

    assert who_can_help(client.get(guide.url).content.decode()) == [
        ("/annuaire/?outil=nextcloud", "Nextcloud : 1 structure"),
        ("/annuaire/?outil=zimbra", "Zimbra : 2 structures"),
        ("/annuaire/", "Chercher une structure près de chez vous"),
    ]


def test_who_can_help_without_tools_offers_the_directory_and_without_it_nothing(
    client, guide_index, home_page
):
    guide = GuidePageFactory(parent=guide_index)
    assert who_can_help(client.get(guide.url).content.decode()) is None
    DirectoryIndexPageFactory(parent=home_page)
    assert who_can_help(client.get(guide.url).content.decode()) == [
        ("/annuaire/", "Chercher une structure près de chez vous")
    ]


def test_who_can_help_costs_the_same_whatever_the_number_of_providers(
    client, guide_index, home_page
):
    directory = DirectoryIndexPageFactory(parent=home_page)
    gmail = ProprietaryServiceFactory(name="Gmail", slug="gmail")
    guide = GuidePageFactory(parent=guide_index, services=[gmail])

    def add_providers():
        for _ in range(2):
            ProviderPageFactory(parent=directory, tools=[FreeAlternativeFactory(replaces=[gmail])])

    add_providers()
    # Budget: today's count; the count stays the same with twice the providers.
    html = assert_query_budget(client, guide.url, 4, add_providers).content.decode()
    assert len(who_can_help(html)) == 5  # four tools, and the whole directory
