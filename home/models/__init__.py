from .pages import BasePage, HomePage, StandardPage
from .settings import SiteSettings

__all__ = ["BasePage", "HomePage", "SiteSettings", "StandardPage"]
