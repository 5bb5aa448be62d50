"""What each provider can be filtered on, written when its profile is saved (see listing_facts).

One row per (provider, filter, value): its type, CHATONS membership, remote work, prestations,
tools, and areas with a région's départements and a département's région already worked out.
The directory counts its choices from these rows in the database, whatever its size.
Values are primary keys for what editors may rename (tools, prestations, areas).
"""

from django.db import models


class ListingFact(models.Model):
    provider = models.ForeignKey(
        "directory.ProviderPage", on_delete=models.CASCADE, related_name="listing_facts"
    )
    facet = models.CharField(max_length=12)
    value = models.CharField(max_length=40)
    # The provider's remote work on each of its rows: an area's count leaves remote providers
    # out of its rows (they count once for every area) without another join.
    remote = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["facet", "value", "provider"], name="unique_listing_fact"
            )
        ]

    def __str__(self):
        return f"{self.facet}={self.value}"
