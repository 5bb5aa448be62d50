"""A full disk during an upload: a clear French message on the same form, no image row and no
half-written file left behind."""

import errno
import os
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.deploy.uploads import PNG

MESSAGE = "le disque du serveur est plein"


def full_disk_fdopen(real_fdopen):
    """os.fdopen whose file takes a few bytes, then reports that the disk is full."""

    def fdopen(fd, mode="r", *args, **kwargs):
        real = real_fdopen(fd, mode, *args, **kwargs)

        class FullDiskFile:
            def write(self, chunk):
                real.write(chunk[:8])
                real.flush()
                raise OSError(errno.ENOSPC, "No space left on device")

            def close(self):
                real.close()

        return FullDiskFile()

    return fdopen


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def full_disk():
    with mock.patch("django.core.files.storage.filesystem.os.fdopen", full_disk_fdopen(os.fdopen)):
        yield


def files_under(root):
    return [path for path in root.rglob("*") if path.is_file()]


@pytest.mark.django_db
def test_the_image_form_says_the_disk_is_full_and_saves_nothing(
    admin_client, media_root, full_disk
):
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Affiche", "file": SimpleUploadedFile("affiche.png", PNG, "image/png")},
        HTTP_HOST="127.0.0.1",
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/images/add/"
    page = admin_client.get(response["Location"], HTTP_HOST="127.0.0.1").content.decode()
    assert MESSAGE in page
    assert not get_image_model().objects.filter(title="Affiche").exists()
    assert files_under(media_root) == []


# Wagtail saves inside a savepoint-less atomic block: only a real transaction shows what a
# visitor's request leaves behind.
@pytest.mark.django_db(transaction=True)
def test_the_multiple_upload_answers_in_french_and_saves_nothing(
    admin_client, media_root, full_disk
):
    if not Collection.objects.exists():  # an earlier transactional test emptied the tables
        Collection.add_root(name="Root")
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("affiche.png", PNG, "image/png")},
        HTTP_HOST="127.0.0.1",
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 507
    assert MESSAGE in response.json()["error_message"]
    assert not get_image_model().objects.exists()
    assert files_under(media_root) == []


@pytest.mark.django_db
def test_an_upload_with_room_on_the_disk_still_works(admin_client, media_root):
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Affiche", "file": SimpleUploadedFile("affiche.png", PNG, "image/png")},
        HTTP_HOST="127.0.0.1",
    )
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Affiche")
    assert (media_root / image.file.name).read_bytes() == PNG
