from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from .roles import ROLE_LABELS, Role


class User(AbstractUser):
    """A person working in the platform; their roles are per municipality (Membership)."""

    class Meta:
        verbose_name = _("bruger")
        verbose_name_plural = _("brugere")

    def __str__(self):
        return self.get_full_name() or self.username


class Membership(models.Model):
    """A user's role in one municipality. A user works in one municipality at a time."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    municipality = models.ForeignKey(
        "tenants.Municipality", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("rolle"), max_length=32, choices=[(r.value, ROLE_LABELS[r]) for r in Role])

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "municipality"], name="one_role_per_municipality")
        ]
        verbose_name = _("medlemskab")
        verbose_name_plural = _("medlemskaber")

    def __str__(self):
        return f"{self.user} – {self.get_role_display()} i {self.municipality.name}"
