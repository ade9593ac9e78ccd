"""What "I dag" keeps per person: not the items (they are derived from the current state, today/items.py)
but the bell's last count, which items the person has seen, and the e-mail preference."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.models import TenantModel


class TodayState(TenantModel):
    """One row per user and municipality (a user may work in two municipalities)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # The bell: every item of the role's sources, and how many of those shown are new since the last visit.
    count = models.PositiveIntegerField(default=0)
    new = models.PositiveIntegerField(default=0)
    # The keys (today/items.py Item.key) of the items shown when the person last opened I dag: bounded by
    # the sections' size, so it never grows with the municipality.
    seen_keys = models.JSONField(default=list, blank=True)
    seen_at = models.DateTimeField(null=True, blank=True)
    computed_at = models.DateTimeField(null=True, blank=True)
    # Set when a refresh is queued (today.tasks.refresh_bell), so a stale count is queued once.
    refresh_queued_at = models.DateTimeField(null=True, blank=True)
    digest = models.BooleanField(_("daglig e-mail"), default=False)
    digest_sent_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["municipality", "user"], name="one_today_state_per_user")
        ]
