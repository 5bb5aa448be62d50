"""The logo named in an organization file, made into a Wagtail image once the provider chose it.

It comes through the same safe fetcher and size limit as the properties files. Only bitmap
formats are kept: an SVG file may carry scripts. Its description (the text read to people
who do not see it) says whose logo it is, which is what a logo tells.
"""

from io import BytesIO

from django.core.files.images import ImageFile
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from willow.image import Image as WillowImage
from willow.image import UnrecognisedImageFormatError

from .fetch import Fetcher, FetchError

FORMATS = {"png": "png", "jpeg": "jpg", "gif": "gif", "webp": "webp"}
MAX_SIDE = 4000


def logo_image(url, organization_name, user):
    """A saved Wagtail image made from the file at `url`, or FetchError saying why not."""
    body, _content_type = Fetcher().get(url)
    try:
        image = WillowImage.open(BytesIO(body))
        width, height = image.get_size()
    except (UnrecognisedImageFormatError, OSError, ValueError) as error:
        raise FetchError(not_an_image(url)) from error
    if image.format_name not in FORMATS:
        raise FetchError(not_an_image(url))
    if max(width, height) > MAX_SIDE:
        raise FetchError(
            _("Le logo est trop grand (%(width)s × %(height)s pixels, %(max)s au plus).")
            % {"width": width, "height": height, "max": MAX_SIDE}
        )
    name = f"logo-{slugify(organization_name) or 'structure'}.{FORMATS[image.format_name]}"
    logo = get_image_model()(
        title=_("Logo de %(name)s") % {"name": organization_name},
        description=_("Logo de %(name)s") % {"name": organization_name},
        file=ImageFile(BytesIO(body), name=name),
        uploaded_by_user=user,
    )
    logo._set_image_file_metadata()
    logo.save()
    return logo


def not_an_image(url):
    return _("%(url)s n'est pas une image PNG, JPEG, GIF ou WebP.") % {"url": url}
