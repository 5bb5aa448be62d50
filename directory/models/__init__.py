from .access import ProviderMaintainer
from .listing import ListingFact
from .pages import DirectoryIndexPage, ProviderLink, ProviderPage
from .submissions import ContactRequest, ProviderApplication, ReviewReminder
from .taxonomy import Department, Offering, OfferType, Region, StructureType, SupportLevel

__all__ = [
    "ContactRequest",
    "Department",
    "DirectoryIndexPage",
    "ListingFact",
    "OfferType",
    "Offering",
    "ProviderApplication",
    "ProviderLink",
    "ProviderMaintainer",
    "ProviderPage",
    "Region",
    "ReviewReminder",
    "StructureType",
    "SupportLevel",
]
