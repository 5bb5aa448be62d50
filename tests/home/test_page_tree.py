from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.demo_tools import ensure_home_page
from home.models import HomePage, StandardPage
from tests.factories.home import StandardPageFactory


class PageTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = ensure_home_page()

    def test_home_page_sits_at_the_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_there_is_only_one_home_page(self):
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))

    def test_standard_pages_nest_under_home_and_each_other(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})

    def test_pages_render_and_preview(self):
        page = StandardPageFactory(parent=self.home, title="À propos", slug="a-propos")
        for target in (self.home, page):
            self.assertPageIsRenderable(target)
            post_data = nested_form_data(
                {
                    "title": target.title,
                    "slug": target.slug,
                    "introduction": "Aperçu",
                    "hero_title": "",
                    "featured_guides": streamfield([]),
                    "body": streamfield(
                        [("paragraph", rich_text("<p>Un aperçu avant publication.</p>"))]
                    ),
                }
            )
            self.assertPageIsPreviewable(target, post_data=post_data)
