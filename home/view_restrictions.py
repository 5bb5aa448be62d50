"""Which sections of the tree are under a view restriction, read from the cached structure.

Wagtail's `.public()` reads every restriction again on each call, and its check before serving
a page reads the page's ancestors and their restrictions: three or four calls on a page cost
as many queries. The restricted paths change only with a restriction, a move or a deletion,
which replace the cached structure (home/site_structure.py).
"""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from home.site_structure import cached


def restricted_paths():
    """The paths of the pages that carry a view restriction; it covers their descendants."""
    return cached(
        "restricted-paths",
        lambda: tuple(
            PageViewRestriction.objects.order_by("page__path")
            .values_list("page__path", flat=True)
            .distinct()
        ),
    )


def alias_paths():
    """The paths of alias pages: an alias takes the restrictions of the page it copies."""
    return cached(
        "alias-paths",
        lambda: tuple(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)),
    )


def private_sections_q():
    """What Wagtail's `PageQuerySet.private_q` matches (the restricted pages and everything
    below them), without a query."""
    q = Q()
    for path in restricted_paths():
        q |= Q(path__startswith=path)
    return q if q else Q(pk__in=[])


def may_be_restricted(page):
    """False when no restriction can apply to `page`: neither it nor an ancestor carries one,
    and none is an alias (whose source page may). True asks Wagtail's own exact check."""
    if page.alias_of_id is not None:
        return True
    suspects = (*restricted_paths(), *alias_paths())
    return any(page.path.startswith(path) for path in suspects)
