from .choices import Audience, GuideKind
from .pages import GuideIndexPage, GuidePage

__all__ = ["Audience", "GuideIndexPage", "GuideKind", "GuidePage"]
