from .entries import Category, Difficulty, FreeAlternative, ProprietaryService

__all__ = ["Category", "Difficulty", "FreeAlternative", "ProprietaryService"]
