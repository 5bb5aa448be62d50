"""Who maintains which provider profile: recorded on the page itself, never through groups.

A row gives one account the right to edit and submit one profile (several people of a
structure may share it). Because the row points at the page's id, renaming, moving or
re-using a slug hands nothing to anyone, and deleting the page deletes the rows.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ProviderMaintainer(models.Model):
    page = models.ForeignKey(
        "directory.ProviderPage",
        verbose_name=_("fiche"),
        on_delete=models.CASCADE,
        related_name="maintainers",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte"),
        on_delete=models.CASCADE,
        related_name="maintained_provider_pages",
    )
    added_at = models.DateTimeField(_("ajouté le"), auto_now_add=True)

    class Meta:
        verbose_name = _("accès à une fiche prestataire")
        verbose_name_plural = _("accès aux fiches prestataires")
        ordering = ["page__title", "user__username"]
        constraints = [
            models.UniqueConstraint(fields=["page", "user"], name="directory_one_access_per_user")
        ]

    def __str__(self):
        return f"{self.user} → {self.page}"
