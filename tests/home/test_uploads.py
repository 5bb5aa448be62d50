"""Uploaded files never run script on the site's origin, and private documents stay private."""

import html
import io
import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from home.groups import EDITORS
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

EVIL_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script></svg>"
)
Image = get_image_model()
Document = get_document_model()


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def editor_client(client):
    log_in(client, EDITORS, "editrice")
    return client


def upload_image(client, name, content):
    return client.post(
        "/admin/images/add/",
        {
            "title": "Logo",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.mark.parametrize(
    ("name", "expected_error"),
    [
        ("evil.svg", "Format d'image non supporté. Formats supportés : GIF, JPG, JPEG, PNG, WEBP."),
        # Willow reads the content, not the name: an SVG renamed .png is still an SVG.
        ("evil.png", "L'extension de fichier ne correspond pas au format du fichier (svg)"),
    ],
)
def test_an_svg_image_is_refused_even_renamed(editor_client, name, expected_error):
    response = upload_image(editor_client, name, EVIL_SVG)
    assert response.status_code == 200
    assert expected_error in html.unescape(response.content.decode())
    assert not Image.objects.exists()


@pytest.mark.parametrize("name", ["evil.svg", "evil.png"])
def test_the_multiple_upload_endpoint_refuses_svg_too(editor_client, name):
    response = editor_client.post(
        "/admin/images/multiple/add/", {"files[]": SimpleUploadedFile(name, EVIL_SVG)}
    )
    assert json.loads(response.content)["success"] is False
    assert not Image.objects.exists()


def test_a_real_png_is_still_accepted(editor_client):
    response = upload_image(editor_client, "logo.png", png_bytes())
    assert response.status_code == 302
    assert Image.objects.get().title == "Logo"


def make_document(name, content, collection=None):
    document = Document(title=name, collection=collection or Collection.get_first_root_node())
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


def test_a_document_is_linked_through_wagtails_view_never_from_media(home_page):
    document = make_document("tarifs.csv", b"nom;prix\n")
    assert document.url == f"/documents/{document.pk}/{document.filename}"
    assert "/media/" not in document.url


def test_a_document_is_downloaded_as_an_attachment_with_no_sniffing(client, home_page):
    document = make_document("page.txt", b"<html><script>alert(1)</script></html>")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"].startswith("text/plain")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_a_private_collection_document_is_not_given_to_an_anonymous_visitor(client, home_page):
    private = Collection.get_first_root_node().add_child(name="Interne")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = make_document("compte-rendu.txt", b"secret du bureau", private)

    response = client.get(document.url)
    assert response.status_code == 302
    assert response["Location"] == f"/_util/login/?next={document.url}"
    assert b"secret du bureau" not in b"".join(response)


@pytest.fixture
def media_files(settings, tmp_path):
    """An SVG stored before SVG was refused, and a document, in a media folder of their own."""
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "original_images").mkdir()
    (tmp_path / "original_images" / "evil.svg").write_bytes(EVIL_SVG)
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "compte-rendu.txt").write_bytes(b"secret du bureau")


@pytest.mark.urls("tests.home.dev_media_urls")
def test_dev_media_serving_sandboxes_images(client, media_files):
    response = client.get("/media/original_images/evil.svg")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


@pytest.mark.urls("tests.home.dev_media_urls")
@pytest.mark.parametrize(
    "path",
    [
        "/media/documents/compte-rendu.txt",
        "/media/original_images/../documents/compte-rendu.txt",
        "/media//documents/compte-rendu.txt",
    ],
)
def test_dev_media_serving_never_gives_a_document(client, media_files, path):
    response = client.get(path)
    assert response.status_code == 404
    assert b"secret du bureau" not in response.content
