from .pages import Audience, GuideIndexPage, GuideKind, GuidePage

__all__ = ["Audience", "GuideIndexPage", "GuideKind", "GuidePage"]
