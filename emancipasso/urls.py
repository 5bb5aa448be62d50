from django.conf import settings
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from directory import open_data
from directory.chatons import export as chatonsinfos
from emancipasso.api import api_router
from home import robots
from home import views as home_views
from home.dev_media import media_urlpatterns

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots.robots_txt, name="robots_txt"),
    path("recherche/", home_views.search, name="search"),
    # Open data: directory/open_data.py (JSON, CSV) and directory/chatons/export.py.
    path("donnees/", open_data.open_data_page, name="open_data"),
    re_path(
        r"^donnees/(?P<slug>annuaire|catalogue)\.(?P<extension>json|csv)$",
        open_data.download,
        name="open_data_download",
    ),
    path(
        "donnees/chatonsinfos/federation.properties",
        chatonsinfos.federation,
        name="chatonsinfos_federation",
    ),
    path(
        "donnees/chatonsinfos/<slug:slug>/organization.properties",
        chatonsinfos.organization,
        name="chatonsinfos_organization",
    ),
    path(
        "donnees/chatonsinfos/<slug:slug>/services/<slug:tool_slug>.properties",
        chatonsinfos.service,
        name="chatonsinfos_service",
    ),
]

if settings.DEBUG:
    urlpatterns += staticfiles_urlpatterns()
    # Uploaded images only, with headers that keep them from running script: home/dev_media.py.
    urlpatterns += media_urlpatterns()

urlpatterns += [
    # Calendar files (/webinaires/agenda.ics) are page routes too; Wagtail's own pattern has no dot.
    re_path(r"^((?:[\w\-]+/)*[\w\-]+\.ics)$", wagtail_views.serve, name="wagtail_serve_ics"),
    path("", include(wagtail_urls)),
]

# 503 while the database cannot be reached, 500 otherwise: home/errors.py.
handler500 = "home.errors.server_error"
