"""The site's URLs with the laptop's media serving, which DEBUG alone switches on."""

from emancipasso.urls import urlpatterns as site_urlpatterns
from home.dev_media import media_urlpatterns

urlpatterns = [*media_urlpatterns(), *site_urlpatterns]
