"""The read-only public API (/api/v2/): live public pages only.

No images or documents endpoint: Wagtail's would list every upload, including those no page
uses and those of private collections, and no public page exposes an image or a document
through the API (no `api_fields` names one). Pages show their images and link their
documents themselves; documents are served by Wagtail's view, which checks their privacy.

Two query parameters Wagtail passes to the database unchecked are refused with a 400, in the
API's own words, instead of a 500: an offset too large for SQL, and a `find/?id=` that is
not a number.
"""

from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

MAX_OFFSET = 1_000_000
MAX_ID_DIGITS = 18  # any such number fits PostgreSQL's bigint


def is_number(value, max_digits):
    """ASCII digits only, and few enough to parse and to fit the database."""
    return value.isascii() and value.isdigit() and len(value) <= max_digits


class BoundedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "0")
        if offset.isdecimal() and not (is_number(offset, 7) and int(offset) <= MAX_OFFSET):
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class PublicPagesAPIViewSet(PagesAPIViewSet):
    pagination_class = BoundedPagination

    def find_object(self, queryset, request):
        if "id" in request.GET and not is_number(request.GET["id"], MAX_ID_DIGITS):
            raise BadRequestError("id must be a positive integer")
        return super().find_object(queryset, request)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
