"""Uploaded files on the local disk, with a full disk handled as a clear error.

Django's FileSystemStorage leaves a half-written file behind when the disk fills up during an
upload, and the visitor gets a 500. Here the partial file is removed and `StorageFull` is
raised: nothing is saved (the row is never inserted, since the file is written first), and
`StorageFullMiddleware` tells the person in French.
"""

import errno
import os

from django.contrib import messages
from django.core.files.storage import FileSystemStorage
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

NO_SPACE = {errno.ENOSPC, errno.EDQUOT}


class StorageFull(OSError):
    """The disk (or the account's quota) has no room for an uploaded file."""


class MediaStorage(FileSystemStorage):
    def _save(self, name, content):
        try:
            return super()._save(name, content)
        except OSError as error:
            if error.errno not in NO_SPACE:
                raise
            path = self.path(name)
            if os.path.exists(path):
                os.remove(path)  # never leave a truncated image or document behind
            raise StorageFull(error.errno, _("Espace disque insuffisant")) from error


def storage_full_message():
    return _(
        "Le fichier n'a pas été enregistré : le disque du serveur est plein. Rien n'a été "
        "modifié. Prévenez l'administrateur du site, puis réessayez."
    )


class StorageFullMiddleware:
    """Turn a full disk during an upload into a message on the same form, never a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, StorageFull):
            return None
        if request.headers.get("X-Requested-With") == "XMLHttpRequest":
            # The shape of Wagtail's multiple-upload answers, so that its page shows the text.
            return JsonResponse(
                {
                    "success": False,
                    "error_title": _("Espace disque insuffisant"),
                    "error_message": storage_full_message(),
                },
                status=507,
            )
        messages.error(request, storage_full_message())
        return redirect(request.get_full_path())
