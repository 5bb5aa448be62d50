from .entries import Category, Difficulty, FreeAlternative, ProprietaryService
from .pages import CatalogueIndexPage

__all__ = ["CatalogueIndexPage", "Category", "Difficulty", "FreeAlternative", "ProprietaryService"]
