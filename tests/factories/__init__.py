"""Factories of the test suite, one module per app."""


class SavedOnceAfterRelations:
    """Relations set by post-generation hooks are written by one save after the last hook.

    A cluster's many-to-many is written when the object is saved, and each hook used to save:
    a provider with offerings, tools, régions and départements was saved five times, each save
    indexing it for the search, updating the reference index and rewriting its listing facts.
    Each hook returns True when it set something; one save then writes them all.
    Put first among the bases.
    """

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create and results and any(results.values()):
            instance.save()
