"""Uploaded images on a laptop (DEBUG only; nginx serves /media/ in production).

Only the folders of Wagtail's images are served, with headers that keep any file from running
script (an SVG uploaded before SVG was refused, say). Documents are never served from here:
Wagtail's view (/documents/<id>/<name>) checks their collection's privacy first.
"""

import posixpath

from django.conf import settings
from django.http import Http404
from django.urls import re_path
from django.views.static import serve

IMAGE_FOLDERS = ("original_images", "images")
MEDIA_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
}


def serve_image_file(request, path):
    folder = posixpath.normpath(path).lstrip("/").partition("/")[0]
    if folder not in IMAGE_FOLDERS:
        raise Http404("Ce fichier n'est pas servi ici.")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    for header, value in MEDIA_HEADERS.items():
        response[header] = value
    return response


def media_urlpatterns():
    prefix = settings.MEDIA_URL.strip("/")
    return [re_path(rf"^{prefix}/(?P<path>.*)$", serve_image_file, name="dev_media")]
