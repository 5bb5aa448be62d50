"""Guides in the site search, registered in wagtail_hooks (home.search's hook)."""

from django.utils.translation import gettext_lazy as _

from home.search import Result, ResultKind

from .models import GuideKind, GuidePage


def guide_result(page, fields, search):
    return Result(
        kind=GUIDE_KIND,
        title=page.title,
        url=page.get_url(search.request),
        summary=fields["introduction"] or page.search_description,
        detail=GuideKind(fields["kind"]).label if fields["kind"] in GuideKind else "",
        relevance=page.relevance,
        page_id=page.pk,
    )


GUIDE_KIND = ResultKind(
    slug="guide",
    label=_("Guide"),
    plural=_("Guides"),
    order=30,
    page_model=GuidePage,
    page_fields=("introduction", "kind"),
    page_result=guide_result,
)


def result_kinds():
    return [GUIDE_KIND]
