"""/robots.txt: every public page open to crawlers, not the admin, the search results or the
pages a form leads to (a thank-you page, a confirmation link, a diagnostic's answers).

Apps above home add the paths of their own result pages through ROBOTS_DISALLOW_HOOK: a
function called with the request that returns path patterns (`*` matches any characters,
as RFC 9309 allows).
"""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail import hooks

ROBOTS_DISALLOW_HOOK = "robots_disallow"
# Result routes several apps share: thank-you pages, e-mailed confirmation and cancel links.
FORM_RESULT_PATTERNS = ["/*/merci/", "/*/confirmation/", "/*/annulation/"]


def disallowed_paths(request):
    paths = [reverse("wagtailadmin_home"), reverse("search"), *FORM_RESULT_PATTERNS]
    for contribute in hooks.get_hooks(ROBOTS_DISALLOW_HOOK):
        paths.extend(contribute(request))
    return list(dict.fromkeys(paths))


@require_GET
def robots_txt(request):
    context = {
        "disallowed": disallowed_paths(request),
        "sitemap_url": settings.SITE_URL + reverse("sitemap"),
    }
    return render(request, "robots.txt", context, content_type="text/plain; charset=utf-8")
