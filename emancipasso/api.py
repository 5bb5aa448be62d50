"""The read-only public API (/api/v2/): live public pages only.

No images or documents endpoint: Wagtail's would list every upload, including those no page
uses and those of private collections, and no public page exposes an image or a document
through the API (no `api_fields` names one). Pages show their images and link their
documents themselves; documents are served by Wagtail's view, which checks their privacy.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
