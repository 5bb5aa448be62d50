"""Page tree rules, rendering and preview of the directory and of a provider profile."""

import datetime

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from catalogue.models import CatalogueIndexPage
from directory.models import Department, DirectoryIndexPage, ProviderPage, Region
from guides.models import GuideIndexPage, GuidePage
from home.demo_tools import ensure_home_page
from home.models import HomePage
from tests.factories.catalogue import ProprietaryServiceFactory
from tests.factories.directory import DirectoryIndexPageFactory, ProviderPageFactory, ToolFactory


class DirectoryPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = ensure_home_page()
        cls.directory = DirectoryIndexPageFactory(parent=cls.home)
        cls.tool = ToolFactory(name="Nextcloud", slug="nextcloud")
        cls.provider = ProviderPageFactory(
            parent=cls.directory,
            title="Les Libristes",
            slug="les-libristes",
            chatons_member=True,
            remote=True,
            price_information="Forfait diagnostic puis journées de formation.",
            price_min=300,
            price_max=550,
            prices_adapted=True,
            last_reviewed=datetime.date(2026, 3, 2),
            offerings=["diagnostic", "formation-referents"],
            tools=[cls.tool],
            regions=["occitanie"],
            departments=["35"],
        )

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(DirectoryIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(DirectoryIndexPage, {ProviderPage})
        self.assertAllowedParentPageTypes(ProviderPage, {DirectoryIndexPage})
        self.assertAllowedSubpageTypes(ProviderPage, set())
        self.assertFalse(DirectoryIndexPage.can_create_at(self.home))  # max_count = 1

    def test_areas_and_offerings_are_shipped_as_data(self):
        self.assertEqual(Region.objects.count(), 18)
        self.assertEqual(Department.objects.count(), 101)
        self.assertEqual(Department.objects.filter(region__slug="bretagne").count(), 4)
        self.assertEqual(Department.objects.get(code="2A").region.name, "Corse")

    def test_the_profile_shows_what_an_association_needs(self):
        response = self.client.get("/annuaire/les-libristes/")
        html = response.content.decode()
        for text in (
            "Diagnostic des outils et des usages",
            "Formation des référent·es",
            "Occitanie",
            "Ille-et-Vilaine (35)",
            "À distance, partout en France",
            "de 300 € à 550 €",
            "Tarifs adaptés aux associations",
            "Membre du collectif CHATONS",
            "Mis à jour le 2 mars 2026",
        ):
            self.assertIn(text, html)
        self.assertEqual(html.count("<h1"), 1)

    def test_tools_link_to_the_catalogue_page_of_a_service_they_replace(self):
        self.home.add_child(instance=CatalogueIndexPage(title="Alternatives", slug="alternatives"))
        drive = ProprietaryServiceFactory(
            name="Google Drive", slug="google-drive", vendor="Google", category=self.tool.category
        )
        self.tool.replaces.add(drive)
        self.tool.save()  # a moderated entry writes its many-to-many on save
        html = self.client.get("/annuaire/les-libristes/").content.decode()
        self.assertIn(
            '<a href="/alternatives/remplacer/google-drive/#alternative-nextcloud">Nextcloud</a>',
            html,
        )
        service_page = self.client.get("/alternatives/remplacer/google-drive/").content.decode()
        self.assertIn("Des structures pour vous conseiller et vous former", service_page)
        self.assertIn('href="/annuaire/les-libristes/"', service_page)

    def test_related_guides_share_a_category_with_its_tools(self):
        guides = self.home.add_child(instance=GuideIndexPage(title="Guides", slug="guides"))
        related = GuidePage(title="Partager ses fichiers", slug="partager", authors="Framasoft")
        unrelated = GuidePage(title="Un autre sujet", slug="autre", authors="Animafac")
        for guide in (related, unrelated):
            guides.add_child(instance=guide)
        related.topics.add(self.tool.category)
        related.save_revision().publish()
        unrelated.save_revision().publish()
        html = self.client.get("/annuaire/les-libristes/").content.decode()
        self.assertIn("Partager ses fichiers", html)
        self.assertNotIn("Un autre sujet", html)

    def test_pages_render_and_preview(self):
        self.assertPageIsRenderable(self.directory)
        self.assertPageIsRenderable(self.provider)
        self.assertPageIsRenderable(self.provider, route_path="/contacter/")
        self.assertPageIsPreviewable(
            self.directory,
            post_data=nested_form_data(
                {"title": "Annuaire", "slug": "annuaire", "introduction": "Aperçu"}
            ),
        )
        data = nested_form_data(
            {
                "title": "Aperçu de fiche",
                "slug": "les-libristes",
                "introduction": "Une fiche en cours.",
                "structure_type": "association",
                "description": rich_text("<p>Présentation.</p>"),
                "support_level": "general",
                "offer_type": "both",
                "languages": "français",
                "contact_email": "x@example.org",
                "last_reviewed": "2026-03-02",
                "links": inline_formset([]),
                "comments": inline_formset([]),
            }
        )
        data["offerings"] = [str(pk) for pk in self.provider.offerings.values_list("pk", flat=True)]
        self.assertPageIsPreviewable(self.provider, post_data=data)

    def test_a_logo_needs_a_described_image_and_shows_its_description_as_alt(self):
        logo = Image.objects.create(title="logo-final.png", file=get_test_image_file())
        self.provider.logo = logo
        with self.assertRaises(ValidationError) as raised:
            self.provider.full_clean()
        [message] = raised.exception.message_dict["logo"]
        self.assertIn("Décrivez ce logo dans le champ « description » de l'image", message)

        logo.description = "Un arbre stylisé aux branches en circuits"
        logo.save()
        self.provider.full_clean()
        self.provider.save_revision().publish()
        alt = 'alt="Un arbre stylisé aux branches en circuits"'
        self.assertContains(self.client.get("/annuaire/les-libristes/"), alt)
        self.assertContains(self.client.get("/annuaire/"), alt)

    def test_a_new_profile_can_be_previewed_before_it_is_saved(self):
        url = f"/admin/pages/add/directory/providerpage/{self.directory.pk}/preview/"
        self.login()
        data = nested_form_data(
            {
                "title": "Nouvelle structure",
                "slug": "nouvelle-structure",
                "introduction": "Une fiche en préparation.",
                "structure_type": "cooperative",
                "description": rich_text("<p>Présentation.</p>"),
                "support_level": "general",
                "offer_type": "both",
                "languages": "français",
                "contact_email": "nouvelle@example.org",
                "last_reviewed": "2026-03-02",
                "links": inline_formset([]),
                "comments": inline_formset([]),
            }
        )
        data["offerings"] = [str(pk) for pk in self.provider.offerings.values_list("pk", flat=True)]
        data["tools"] = [str(self.tool.pk)]
        self.assertEqual(
            self.client.post(url, data).json(), {"is_valid": True, "is_available": True}
        )
        preview = self.client.get(url)
        self.assertContains(preview, "Nouvelle structure")
        self.assertContains(preview, "Nextcloud")


class ReviewAgeTests(WagtailPageTestCase):
    """A profile not reviewed for over a year says so, on the profile and on its card."""

    @classmethod
    def setUpTestData(cls):
        directory = DirectoryIndexPageFactory(parent=ensure_home_page())
        today = timezone.localdate()
        cls.old = ProviderPageFactory(
            parent=directory,
            title="Ancienne fiche",
            slug="ancienne",
            last_reviewed=today - relativedelta(years=1, days=2),
        )
        cls.recent = ProviderPageFactory(
            parent=directory,
            title="Fiche récente",
            slug="recente",
            last_reviewed=today - datetime.timedelta(days=300),
        )

    def test_an_old_profile_says_it_was_not_reviewed_for_a_year(self):
        old = self.client.get(self.old.url).content.decode()
        recent = self.client.get(self.recent.url).content.decode()
        self.assertIn("Cette fiche n'a pas été relue depuis plus d'un an", old)
        self.assertNotIn("relue depuis plus d'un an", recent)

    def card(self, title):
        listing = self.client.get("/annuaire/").content.decode()
        cards = listing.split('<li class="card provider-card">')[1:]
        return next(card for card in cards if f">{title}</a>" in card)

    def test_the_card_of_an_old_profile_says_so_too(self):
        self.assertIn("relue il y a plus d'un an", self.card("Ancienne fiche"))
        self.assertNotIn("relue il y a plus d'un an", self.card("Fiche récente"))

    def test_a_card_shows_the_prices_and_whether_they_suit_associations(self):
        ProviderPage.objects.filter(pk=self.recent.pk).update(
            price_min=250, price_max=400, prices_adapted=True
        )
        self.assertIn(
            "De 250 € à 400 € la journée · tarifs adaptés aux associations",
            self.card("Fiche récente"),
        )
        self.assertNotIn("la journée", self.card("Ancienne fiche"))
