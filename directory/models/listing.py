"""What each provider can be filtered on, written when its profile is saved (see listing_facts).

One row per (provider, filter, value): its type, CHATONS membership, remote work, whether it
is open to new associations, prestations, tools, and areas with a région's départements and a
département's région already worked out. The directory's index (listing_index) is built from
these rows in one query, whatever its size.
Values are primary keys for what editors may rename (tools, prestations, areas).
"""

from django.db import models


class ListingFact(models.Model):
    provider = models.ForeignKey(
        "directory.ProviderPage", on_delete=models.CASCADE, related_name="listing_facts"
    )
    facet = models.CharField(max_length=12)
    value = models.CharField(max_length=40)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["facet", "value", "provider"], name="unique_listing_fact"
            )
        ]

    def __str__(self):
        return f"{self.facet}={self.value}"
