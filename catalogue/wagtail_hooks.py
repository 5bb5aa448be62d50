from wagtail.snippets.models import register_snippet

from catalogue.viewsets import CatalogueViewSetGroup

register_snippet(CatalogueViewSetGroup)
