from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class Municipality(models.Model):
    """A Danish municipality: the tenant. Codes are the 4-digit codes used by DAWA (DOMAIN.md)."""

    code = models.CharField(
        _("kommunekode"), max_length=4, unique=True, validators=[RegexValidator(r"^\d{4}$")]
    )
    name = models.CharField(_("navn"), max_length=100)
    # Per-municipality settings (core/conf.py); None means the installation's value (people/conf.py).
    inactive_after_days = models.PositiveIntegerField(
        _("inaktiv efter dage uden aktivitet"), null=True, blank=True
    )
    mfa_required_roles = models.JSONField(_("roller der kræver totrinsbekræftelse"), default=list, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")

    def __str__(self):
        return f"{self.name} ({self.code})"


class TenantModel(models.Model):
    """Base of every table of case data: one municipality owns each row.

    ``objects`` raises when no django-scopes scope is active, so a query that forgot its tenant
    fails loudly instead of leaking; on PostgreSQL row-level security is the second line (rls.py).
    """

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+", db_index=True)

    objects = ScopedManager(municipality="municipality")

    class Meta:
        abstract = True
