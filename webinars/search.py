"""Webinars in the site search, registered in wagtail_hooks (home.search's hook)."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from home.search import Result, ResultKind

from .models import WebinarPage


def when(fields):
    """The day it happens, and once it is over, whether its replay can be watched."""
    day = date_format(timezone.localtime(fields["start"]), "j F Y")
    if fields["ends_at"] > timezone.now():
        return _("Le %(day)s") % {"day": day}
    if fields["replay_url"]:
        return _("Rediffusion du %(day)s") % {"day": day}
    return _("Tenu le %(day)s") % {"day": day}


def webinar_result(page, fields, search):
    return Result(
        kind=WEBINAR_KIND,
        title=page.title,
        url=page.get_url(search.request),
        summary=fields["introduction"] or page.search_description,
        detail=when(fields),
        relevance=page.relevance,
        page_id=page.pk,
    )


WEBINAR_KIND = ResultKind(
    slug="webinaire",
    label=_("Webinaire"),
    plural=_("Webinaires"),
    order=50,
    page_model=WebinarPage,
    page_fields=("introduction", "start", "ends_at", "replay_url"),
    page_result=webinar_result,
)


def result_kinds():
    return [WEBINAR_KIND]
