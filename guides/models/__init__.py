from .choices import AssociationKind, Audience, CostRange, GuideKind, SwitchDuration
from .pages import GuideIndexPage, GuidePage

__all__ = [
    "AssociationKind",
    "Audience",
    "CostRange",
    "GuideIndexPage",
    "GuideKind",
    "GuidePage",
    "SwitchDuration",
]
