from django.db import models

from tenants.models import TenantModel


class FigureSnapshot(TenantModel):
    """One maintained figure of one municipality (figures/registry.py names them): the result of its
    computation over the raw rows, kept until a write to a table it depends on marks it stale.

    ``generation`` changes with every mark: a computation that began before a write only stores its
    result as fresh when nothing marked the row meanwhile (figures/services.py). ``fingerprint`` is the
    installation's settings the result was computed with (a changed limit recomputes it). Derived data:
    not history-tracked."""

    key = models.CharField(max_length=64)
    computed_for = models.DateField(null=True, blank=True)  # the "today" the figure was computed for
    computed_at = models.DateTimeField(null=True, blank=True)
    stale = models.BooleanField(default=True)
    generation = models.BigIntegerField(default=0)
    fingerprint = models.CharField(max_length=64, blank=True)
    data = models.JSONField(default=dict)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["municipality", "key"], name="one_snapshot_per_figure")
        ]

    def __str__(self):
        return f"{self.key} ({self.municipality_id})"
