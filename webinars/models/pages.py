"""Webinar pages: the index (upcoming sessions, then replays) and one page per session."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from catalogue.api import LiveEntriesField
from catalogue.models import Category
from guides.api import LivePageField
from home.blocks import (
    RICH_TEXT_FEATURES,
    UNSUPPORTED_VIDEO_MESSAGE,
    BaseStreamBlock,
    VideoEmbedBlock,
    embed_url_for,
)
from home.models import BasePage
from home.routes import ViewRoutesMixin
from webinars.api import LivePagesField
from webinars.forms import TopicFilterForm
from webinars.models.registrations import RegistrationStatus
from webinars.state import Schedule, webinar_state

PARIS = ZoneInfo("Europe/Paris")


class Platform(models.TextChoices):
    BIGBLUEBUTTON = "bigbluebutton", "BigBlueButton"
    JITSI = "jitsi", "Jitsi Meet"
    PEERTUBE_LIVE = "peertube", _("PeerTube (diffusion en direct)")
    OTHER = "other", _("Autre outil libre")


class WebinarIndexPage(ViewRoutesMixin, RoutablePageMixin, BasePage):
    """`/webinaires/`: what is coming, soonest first, then past sessions and their replays."""

    template = "pages/webinars/webinar_index_page.html"
    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["webinars.WebinarPage"]
    past_per_page = 10
    # The index shows the soonest sessions; /webinaires/a-venir/ lists them all, a page at a time.
    upcoming_on_index = 6
    upcoming_per_page = 12

    class Meta:
        verbose_name = _("index des webinaires")

    def webinars(self):
        """Live webinars below this index, with what a card shows, in constant queries."""
        return (
            WebinarPage.objects.child_of(self)
            .live()
            .public()
            .defer_streamfields()
            .defer("transcript")
            .annotate(
                confirmed_count=Count(
                    "registrations",
                    filter=Q(registrations__status=RegistrationStatus.CONFIRMED),
                    distinct=True,
                )
            )
            .prefetch_related("topics", "speakers")
        )

    def get_context(self, request, *args, listing=None, **kwargs):
        """The index, or with `listing="upcoming"` every session to come (`upcoming_page`)."""
        context = super().get_context(request, *args, **kwargs)
        webinars = self.webinars()
        filter_form = TopicFilterForm(
            request.GET or None,
            topics=Category.objects.filter(
                pk__in=WebinarPage.topics.through.objects.filter(
                    webinarpage__in=WebinarPage.objects.child_of(self).live().public()
                ).values("category_id")
            ),
        )
        topic = filter_form.selected_topic()
        if topic is not None:
            webinars = webinars.filter(topics=topic)
        now = timezone.now()
        upcoming = webinars.filter(ends_at__gt=now).order_by("start")
        context.update(filter_form=filter_form, topic=topic)
        if listing == "upcoming":
            paginator = Paginator(upcoming, self.upcoming_per_page)
            context["upcoming_page"] = paginator.get_page(request.GET.get("page"))
            return context
        past = Paginator(webinars.filter(ends_at__lte=now).order_by("-start"), self.past_per_page)
        past_page = past.get_page(request.GET.get("page"))
        soonest = []
        if past_page.number == 1:
            soonest = list(upcoming[: self.upcoming_on_index + 1])
        context.update(
            upcoming=soonest[: self.upcoming_on_index],
            more_upcoming=len(soonest) > self.upcoming_on_index,
            upcoming_url=self.upcoming_url(topic),
            past_page=past_page,
        )
        return context

    def upcoming_url(self, topic=None):
        url = self.url + self.reverse_subpage("upcoming")
        return f"{url}?theme={topic.slug}" if topic else url

    @path("a-venir/", name="upcoming")
    def upcoming(self, request):
        return self.serve_route("upcoming", request)

    @property
    def feed_url(self):
        return self.url + self.reverse_subpage("feed").rstrip("/")

    @path("agenda.ics/", name="feed")
    def calendar_feed(self, request):
        return self.serve_route("feed", request)

    @property
    def rss_feed_url(self):
        return self.url + self.reverse_subpage("rss_feed")

    @property
    def atom_feed_url(self):
        return self.url + self.reverse_subpage("atom_feed")

    @path("rss/", name="rss_feed")
    def rss_feed(self, request):
        return self.serve_route("rss_feed", request)

    @path("atom/", name="atom_feed")
    def atom_feed(self, request):
        return self.serve_route("atom_feed", request)


class WebinarPage(ViewRoutesMixin, RoutablePageMixin, BasePage):
    """One session: when and where it happens, who speaks, how to register, then its replay."""

    start = models.DateTimeField(_("début"), help_text=_("Heure de Paris."))
    duration = models.PositiveSmallIntegerField(
        _("durée (minutes)"), default=60, help_text=_("Entre 15 minutes et 8 heures.")
    )
    ends_at = models.DateTimeField(_("fin"), editable=False, db_index=True)
    audience = models.CharField(
        _("public"),
        max_length=200,
        blank=True,
        help_text=_("Par exemple : « Bénévoles et salariés d'associations, sans prérequis »."),
    )
    topics = ParentalManyToManyField(
        "catalogue.Category", verbose_name=_("thèmes"), related_name="webinars", blank=True
    )
    platform = models.CharField(
        _("outil de diffusion"),
        max_length=20,
        choices=Platform.choices,
        default=Platform.BIGBLUEBUTTON,
    )
    join_url = models.URLField(
        _("lien pour rejoindre"),
        blank=True,
        help_text=_("Envoyé aux personnes inscrites dans la confirmation et les rappels."),
    )
    show_join_url = models.BooleanField(
        _("afficher le lien sur la page"),
        default=False,
        help_text=_("Cochez pour un webinaire ouvert à tous, sans inscription nécessaire."),
    )
    live_subtitles = models.BooleanField(_("sous-titres en direct"), default=False)
    sign_language = models.BooleanField(_("interprétation en langue des signes"), default=False)
    accessibility_notes = models.CharField(
        _("autres informations d'accessibilité"), max_length=300, blank=True
    )
    capacity = models.PositiveIntegerField(
        _("nombre de places"),
        null=True,
        blank=True,
        help_text=_("Laissez vide pour un nombre illimité. Au-delà : liste d'attente."),
    )
    registration_deadline = models.DateTimeField(
        _("date limite d'inscription"),
        null=True,
        blank=True,
        help_text=_("Laissez vide : les inscriptions ferment au début du webinaire."),
    )
    external_registration_url = models.URLField(
        _("inscription sur un autre site"),
        blank=True,
        help_text=_("Remplace le formulaire d'inscription du site par ce lien."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("présentation"))
    slides = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("support de présentation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    replay_url = models.URLField(
        _("adresse du replay"),
        blank=True,
        help_text=_("Une vidéo PeerTube de préférence (https://instance/w/…), ou YouTube, Vimeo."),
    )
    transcript = RichTextField(_("transcription"), blank=True, features=RICH_TEXT_FEATURES)
    related_guides = ParentalManyToManyField(
        "guides.GuidePage", verbose_name=_("guides liés"), related_name="webinars", blank=True
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("duration")]),
                FieldPanel("platform"),
                FieldPanel("audience"),
                FieldPanel("topics"),
            ],
            heading=_("Quand, où, pour qui"),
        ),
        InlinePanel("speakers", label=_("Intervenants"), min_num=1),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("live_subtitles"),
                FieldPanel("sign_language"),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Accessibilité"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_deadline")]),
                FieldPanel("external_registration_url"),
                FieldPanel("join_url"),
                FieldPanel("show_join_url"),
            ],
            heading=_("Inscriptions et participation"),
        ),
        MultiFieldPanel(
            [FieldPanel("replay_url"), FieldPanel("slides"), FieldPanel("transcript")],
            heading=_("Après le webinaire"),
        ),
        FieldPanel("related_guides"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("transcript"),
        index.SearchField("audience"),
        index.RelatedFields("speakers", [index.SearchField("name")]),
        index.FilterField("start"),
        index.FilterField("ends_at"),
    ]
    # The join link (sent to registered people) and registrations stay out of the API.
    api_fields = [
        *BasePage.api_fields,
        APIField("start"),
        APIField("duration"),
        APIField("ends_at"),
        APIField("audience"),
        APIField("topics", serializer=LiveEntriesField()),
        APIField("platform"),
        APIField("speakers"),
        APIField("live_subtitles"),
        APIField("sign_language"),
        APIField("accessibility_notes"),
        APIField("capacity"),
        APIField("registration_deadline"),
        APIField("external_registration_url"),
        APIField("body"),
        APIField("replay_url"),
        APIField("transcript"),
        APIField("related_guides", serializer=LivePagesField()),
    ]

    template = "pages/webinars/webinar_page.html"
    parent_page_types = ["webinars.WebinarIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("webinaire")
        verbose_name_plural = _("webinaires")

    def clean(self):
        super().clean()
        errors = {}
        if self.duration is not None and not 15 <= self.duration <= 480:
            errors["duration"] = _("La durée doit être comprise entre 15 minutes et 8 heures.")
        if self.replay_url and not embed_url_for(self.replay_url):
            errors["replay_url"] = UNSUPPORTED_VIDEO_MESSAGE
        if self.start and self.registration_deadline and self.registration_deadline > self.start:
            errors["registration_deadline"] = _(
                "La date limite d'inscription doit précéder le début du webinaire."
            )
        if self.capacity is not None and self.capacity < 1:
            errors["capacity"] = _("Indiquez au moins une place, ou laissez vide.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.start is not None:
            self.ends_at = self.start + timedelta(minutes=self.duration or 0)
        super().save(*args, **kwargs)

    @property
    def start_in_paris(self):
        return timezone.localtime(self.start, PARIS)

    @property
    def end_in_paris(self):
        return timezone.localtime(self.ends_at, PARIS)

    @property
    def uses_registration_form(self):
        return not self.external_registration_url

    def confirmed_registrations(self):
        return self.registrations.filter(status=RegistrationStatus.CONFIRMED)

    @cached_property
    def confirmed_count(self):
        """One query here; listings annotate the same name, which then takes precedence."""
        return self.confirmed_registrations().count()

    def state_at(self, now):
        schedule = Schedule(
            start=self.start,
            end=self.ends_at,
            registration_deadline=self.registration_deadline,
            capacity=self.capacity if self.uses_registration_form else None,
            has_replay=bool(self.replay_url),
        )
        counted = self.uses_registration_form and self.capacity is not None
        return webinar_state(
            schedule, now=now, confirmed_count=self.confirmed_count if counted else 0
        )

    @cached_property
    def state(self):
        return self.state_at(timezone.now())

    @property
    def places_left(self):
        if self.capacity is None or not self.uses_registration_form:
            return None
        return max(self.capacity - self.confirmed_count, 0)

    def replay_html(self):
        """The replay through the shared click-to-load video block: no request before a click."""
        if not self.replay_url:
            return ""
        block = VideoEmbedBlock()
        value = block.to_python(
            {"url": self.replay_url, "title": self.title, "duration": f"{self.duration} min"}
        )
        return block.render(value)

    @property
    def ics_url(self):
        return self.url + self.reverse_subpage("ics").rstrip("/")

    @property
    def registration_url(self):
        return self.url + self.reverse_subpage("register")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["state"] = self.state
        context["topics"] = self.topics.all()
        context["speakers"] = self.speakers.select_related("provider")
        guides = self.related_guides.all()
        if hasattr(guides, "live"):  # a preview holds them in memory, already chosen by the editor
            guides = guides.live().public().defer_streamfields()
        context["related_guides"] = guides
        return context

    @path("agenda.ics/", name="ics")
    def calendar_file(self, request):
        return self.serve_route("ics", request)

    @path("inscription/", name="register")
    def register(self, request):
        return self.serve_route("register", request)

    @path("inscription/merci/", name="registered")
    def registered(self, request):
        return self.serve_route("registered", request)

    @re_path(r"^confirmation/(?P<token>[\w-]+)/$", name="confirm")
    def confirm(self, request, token):
        return self.serve_route("confirm", request, token)

    @re_path(r"^annulation/(?P<token>[\w-]+)/$", name="cancel")
    def cancel(self, request, token):
        return self.serve_route("cancel", request, token)


class WebinarSpeaker(Orderable):
    """Who speaks; a provider of the directory can be linked to its profile."""

    webinar = ParentalKey(WebinarPage, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("nom"), max_length=120)
    role = models.CharField(_("rôle"), max_length=120, blank=True)
    organisation = models.CharField(_("structure"), max_length=120, blank=True)
    provider = models.ForeignKey(
        "directory.ProviderPage",
        verbose_name=_("fiche dans l'annuaire"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="webinar_appearances",
        help_text=_("Si la structure de l'intervenant figure dans l'annuaire."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("provider"),
    ]
    api_fields = [
        APIField("name"),
        APIField("role"),
        APIField("organisation"),
        APIField("provider", serializer=LivePageField()),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("intervenant")
        verbose_name_plural = _("intervenants")

    def __str__(self):
        return self.name
