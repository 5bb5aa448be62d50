from wagtail import hooks
from wagtail.snippets.models import register_snippet

from catalogue.search import result_kinds
from catalogue.viewsets import CatalogueViewSetGroup
from home.search import HOOK as SEARCH_RESULT_KINDS

register_snippet(CatalogueViewSetGroup)
hooks.register(SEARCH_RESULT_KINDS, result_kinds)
