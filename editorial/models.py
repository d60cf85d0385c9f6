from django.contrib.auth.models import Group
from django.db import models
from wagtail.models import Collection


class MunicipalityAccess(models.Model):
    """Links a municipality to the group of its editors and the collection for its images and documents.

    Stored explicitly (instead of matching names) so renaming a municipality can rename both safely.
    """

    municipality = models.OneToOneField(
        "profiles.MunicipalityPage",
        verbose_name="Kommune",
        on_delete=models.CASCADE,
        related_name="editorial_access",
    )
    group = models.OneToOneField(
        Group, verbose_name="Gruppe", on_delete=models.CASCADE, related_name="municipality_access"
    )
    collection = models.OneToOneField(
        Collection, verbose_name="Sammlung", on_delete=models.CASCADE, related_name="municipality_access"
    )

    class Meta:
        verbose_name = "Zugang einer Kommune"
        verbose_name_plural = "Zugänge der Kommunen"

    def __str__(self):
        return f"{self.municipality.title}: {self.group.name}, {self.collection.name}"
