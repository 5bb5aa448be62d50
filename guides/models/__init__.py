from .choices import AssociationKind, Audience, CostRange, GuideKind, SwitchDuration
from .pages import GuideIndexPage, GuidePage, recently_reviewed_first

__all__ = [
    "AssociationKind",
    "Audience",
    "CostRange",
    "GuideIndexPage",
    "GuideKind",
    "GuidePage",
    "SwitchDuration",
    "recently_reviewed_first",
]
