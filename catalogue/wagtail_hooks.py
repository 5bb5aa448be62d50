from wagtail.snippets.models import register_snippet

from catalogue.views import CatalogueViewSetGroup

register_snippet(CatalogueViewSetGroup)
