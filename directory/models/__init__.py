from .access import ProviderMaintainer
from .pages import DirectoryIndexPage, ProviderLink, ProviderPage
from .submissions import ContactRequest, ProviderApplication, ReviewReminder
from .taxonomy import Competency, Department, OfferType, Region, StructureType, SupportLevel

__all__ = [
    "Competency",
    "ContactRequest",
    "Department",
    "DirectoryIndexPage",
    "OfferType",
    "ProviderApplication",
    "ProviderLink",
    "ProviderMaintainer",
    "ProviderPage",
    "Region",
    "ReviewReminder",
    "StructureType",
    "SupportLevel",
]
