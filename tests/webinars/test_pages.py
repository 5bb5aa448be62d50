from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.demo_tools import ensure_home_page
from home.models import HomePage
from tests.factories.catalogue import CategoryFactory
from tests.factories.webinars import (
    RegistrationFactory,
    WebinarIndexPageFactory,
    WebinarPageFactory,
)
from tests.helpers import assert_query_budget
from webinars.models import WebinarIndexPage, WebinarPage, WebinarSpeaker

REPLAY = "https://framatube.org/w/9c9de5e8-0a1e-484a-b099-e80766180a6d"


class WebinarPageTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = ensure_home_page()
        cls.index = WebinarIndexPageFactory(parent=cls.home)

    def test_index_under_home_once_and_webinars_under_the_index(self):
        self.assertAllowedParentPageTypes(WebinarIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(WebinarIndexPage, {WebinarPage})
        self.assertAllowedParentPageTypes(WebinarPage, {WebinarIndexPage})
        self.assertAllowedSubpageTypes(WebinarPage, set())
        self.assertFalse(WebinarIndexPage.can_create_at(self.home))
        self.assertCanCreateAt(WebinarIndexPage, WebinarPage)

    def test_webinar_page_renders_and_previews(self):
        webinar = WebinarPageFactory(parent=self.index, title="Quitter Zoom", slug="quitter-zoom")
        self.assertPageIsRenderable(webinar)
        self.assertPageIsRenderable(self.index)
        post_data = nested_form_data(
            {
                "title": "Quitter Zoom",
                "slug": "quitter-zoom",
                "introduction": "Aperçu",
                "start": "2030-03-14 18:00",
                "duration": 60,
                "platform": "bigbluebutton",
                "speakers": inline_formset([{"name": "Alex", "role": "Formatrice"}]),
                "body": streamfield([("paragraph", rich_text("<p>Programme</p>"))]),
                "transcript": rich_text(""),
            }
        )
        self.assertPageIsPreviewable(webinar, post_data=post_data)


def make_webinar(index, *, days, topic=None, replay="", speakers=2, registrations=2):
    webinar = WebinarPageFactory(
        parent=index,
        start=timezone.now() + timedelta(days=days),
        replay_url=replay,
        capacity=10,
    )
    if topic:
        webinar.topics.add(topic)
        webinar.save()
    for number in range(speakers):
        WebinarSpeaker.objects.create(webinar=webinar, name=f"Intervenant {number}")
    RegistrationFactory.create_batch(registrations, webinar=webinar)
    return webinar


@pytest.fixture
def topics(db):
    return (
        CategoryFactory(name="Visioconférence", slug="visio"),
        CategoryFactory(name="Messagerie", slug="messagerie"),
    )


@pytest.mark.django_db
def test_index_lists_upcoming_soonest_first_then_past_most_recent_first(
    client, webinar_index, topics
):
    far = make_webinar(webinar_index, days=20)
    near = make_webinar(webinar_index, days=2)
    old = make_webinar(webinar_index, days=-60)
    recent = make_webinar(webinar_index, days=-5, replay=REPLAY)
    html = client.get(webinar_index.url).content.decode()
    upcoming, past = html.split('id="a-venir"')[1].split('id="replays"')
    assert upcoming.index(near.title) < upcoming.index(far.title)
    assert past.index(recent.title) < past.index(old.title)
    assert old.title not in upcoming and near.title not in past
    assert "Replay disponible" in past
    assert "Inscriptions ouvertes" in upcoming


@pytest.mark.django_db
def test_index_filters_by_topic_with_a_get_form(client, webinar_index, topics):
    visio, mail = topics
    about_visio = make_webinar(webinar_index, days=3, topic=visio)
    about_mail = make_webinar(webinar_index, days=4, topic=mail)
    html = client.get(webinar_index.url, {"theme": "visio"}).content.decode()
    assert about_visio.title in html
    assert about_mail.title not in html
    assert '<option value="visio" selected>Visioconférence</option>' in html

    unknown = client.get(webinar_index.url, {"theme": "inconnu"}).content.decode()
    assert "Ce thème n&#x27;a pas de webinaire" in unknown
    assert 'id="id_theme_error"' in unknown
    assert 'aria-describedby="id_theme_error"' in unknown
    assert about_visio.title in unknown and about_mail.title in unknown


@pytest.mark.django_db
def test_index_paginates_past_webinars(client, webinar_index):
    past = [make_webinar(webinar_index, days=-n, speakers=0, registrations=0) for n in range(1, 13)]
    upcoming = make_webinar(webinar_index, days=3, speakers=0, registrations=0)
    first = client.get(webinar_index.url).content.decode()
    second = client.get(webinar_index.url, {"page": 2}).content.decode()
    assert past[9].title in first and past[10].title not in first
    assert past[10].title in second and past[11].title in second
    assert "Page 2 sur 2" in second
    assert upcoming.title in first and upcoming.title not in second


@pytest.mark.django_db
def test_index_shows_the_soonest_and_every_upcoming_one_on_its_own_pages(
    client, webinar_index, topics, monkeypatch
):
    visio, _mail = topics
    soon = [
        make_webinar(webinar_index, days=n, topic=visio if n % 2 else None, speakers=0)
        for n in range(1, 9)
    ]
    index = client.get(webinar_index.url).content.decode()
    upcoming = index.split('id="a-venir"')[1].split('id="replays"')[0]
    assert all(webinar.title in upcoming for webinar in soon[:6])
    assert soon[6].title not in upcoming and soon[7].title not in upcoming
    assert f'<a href="{webinar_index.url}a-venir/">Voir tous les webinaires à venir</a>' in upcoming

    monkeypatch.setattr(WebinarIndexPage, "upcoming_per_page", 5)
    first = client.get(f"{webinar_index.url}a-venir/").content.decode()
    second = client.get(f"{webinar_index.url}a-venir/", {"page": 2}).content.decode()
    assert [first.index(webinar.title) for webinar in soon[:5]] == sorted(
        first.index(webinar.title) for webinar in soon[:5]
    )
    assert soon[5].title not in first and 'id="replays"' not in first
    assert all(webinar.title in second for webinar in soon[5:]) and "Page 2 sur 2" in second

    filtered = client.get(webinar_index.url, {"theme": "visio"}).content.decode()
    assert "a-venir/?theme=visio" not in filtered  # four sessions on visio: all on the index
    on_visio = client.get(f"{webinar_index.url}a-venir/", {"theme": "visio"}).content.decode()
    assert soon[0].title in on_visio and soon[1].title not in on_visio


@pytest.mark.django_db
def test_index_links_to_every_upcoming_webinar_of_the_chosen_theme(client, webinar_index, topics):
    visio, _mail = topics
    for n in range(1, 8):
        make_webinar(webinar_index, days=n, topic=visio, speakers=0, registrations=0)
    html = client.get(webinar_index.url, {"theme": "visio"}).content.decode()
    assert f'href="{webinar_index.url}a-venir/?theme=visio"' in html


@pytest.mark.django_db
def test_index_query_count_does_not_grow_with_webinars(client, webinar_index, topics):
    def add_batch():
        for offset, topic in enumerate(topics):
            make_webinar(webinar_index, days=3 + offset, topic=topic)
            make_webinar(webinar_index, days=-3 - offset, topic=topic, replay=REPLAY)

    add_batch()
    # Budget: today's count; the count stays the same with twice the webinars.
    html = assert_query_budget(client, webinar_index.url, 9, add_batch).content.decode()
    assert html.count('class="card webinar-card"') == 8


@pytest.mark.django_db
def test_webinar_page_query_count_does_not_grow_with_speakers_and_registrations(
    client, webinar_index, topics
):
    webinar = make_webinar(webinar_index, days=3, topic=topics[0], speakers=1, registrations=1)

    def add_speakers_registrations_and_a_topic():
        for number in range(5):
            WebinarSpeaker.objects.create(webinar=webinar, name=f"Autre {number}")
        RegistrationFactory.create_batch(5, webinar=webinar)
        webinar.topics.add(topics[1])

    # Budget: today's count; the count stays the same with more people and topics.
    html = assert_query_budget(
        client, webinar.url, 6, add_speakers_registrations_and_a_topic
    ).content.decode()
    assert html.count("<strong>Autre") == 5
    assert "Il reste 4 places." in html


@pytest.mark.django_db
def test_past_webinar_shows_click_to_load_replay_slides_and_transcript(client, webinar_index):
    webinar = WebinarPageFactory(
        parent=webinar_index,
        start=timezone.now() - timedelta(days=2),
        replay_url=REPLAY,
        transcript="<p>Bonjour à toutes et à tous.</p>",
    )
    html = client.get(webinar.url).content.decode()
    assert (
        'data-embed-src="https://framatube.org/videos/embed/9c9de5e8-0a1e-484a-b099-e80766180a6d"'
        in html
    )
    assert "<iframe" not in html
    assert "<summary>Lire la transcription</summary>" in html
    assert "Bonjour à toutes et à tous." in html
    assert "S'inscrire" not in html


@pytest.mark.django_db
def test_past_webinar_without_replay_says_it_is_coming(client, webinar_index):
    webinar = WebinarPageFactory(parent=webinar_index, start=timezone.now() - timedelta(days=2))
    html = client.get(webinar.url).content.decode()
    assert "le replay sera publié ici dans quelques jours" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"replay_url": "https://example.org/video.mp4"}, "replay_url"),
        ({"duration": 5}, "duration"),
        ({"capacity": 0}, "capacity"),
        ({"registration_deadline_after_start": True}, "registration_deadline"),
    ],
)
def test_editor_mistakes_are_refused_in_french(webinar_index, fields, field):
    webinar = WebinarPageFactory.build(start=timezone.now() + timedelta(days=3))
    if fields.pop("registration_deadline_after_start", False):
        fields["registration_deadline"] = webinar.start + timedelta(hours=1)
    for name, value in fields.items():
        setattr(webinar, name, value)
    with pytest.raises(ValidationError) as error:
        webinar.clean()
    assert field in error.value.message_dict
    message = error.value.message_dict[field][0]
    assert any(word in message for word in ("doit", "Indiquez", "n'est pas"))


@pytest.mark.django_db
def test_end_follows_start_and_duration(webinar_index):
    webinar = WebinarPageFactory(parent=webinar_index, duration=90)
    assert webinar.ends_at - webinar.start == timedelta(minutes=90)


@pytest.mark.django_db
def test_speakers_link_to_live_provider_profiles_and_related_guides_show(client, webinar_index):
    from tests.factories.directory import DirectoryIndexPageFactory, ProviderPageFactory
    from tests.factories.guides import GuideIndexPageFactory, GuidePageFactory

    home = webinar_index.get_parent()
    directory = DirectoryIndexPageFactory(parent=home)
    provider = ProviderPageFactory(parent=directory, title="L'Établi Numérique", slug="etabli")
    hidden = ProviderPageFactory(parent=directory, title="Structure en attente", slug="attente")
    hidden.unpublish()
    guides = GuideIndexPageFactory(parent=home)
    guide = GuidePageFactory(parent=guides, title="Organiser une visio sans Zoom")
    draft = GuidePageFactory(parent=guides, title="Guide en brouillon")
    draft.unpublish()

    webinar = WebinarPageFactory(parent=webinar_index)
    WebinarSpeaker.objects.create(webinar=webinar, name="Alex", provider=provider)
    WebinarSpeaker.objects.create(webinar=webinar, name="Sam", provider=hidden)
    webinar.related_guides.set([guide, draft])
    webinar.save_revision().publish()

    html = client.get(webinar.url).content.decode()
    assert f'<a href="{provider.url}">L&#x27;Établi Numérique dans l\'annuaire</a>' in html
    assert hidden.url not in html
    assert "Organiser une visio sans Zoom" in html
    assert "Guide en brouillon" not in html
