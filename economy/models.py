"""A municipality's own prices per year (economy/costs.py kinds and units); a price not set here is the
default in economy/conf.py, shown as such with its source."""

import pghistory
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.models import TenantModel

from . import costs


class Kind(models.TextChoices):
    SHELTER_DAY = costs.SHELTER_DAY, _("Døgn på boform (§ 110)")
    S107_DAY = costs.S107_DAY, _("Døgn på midlertidigt botilbud (§ 107)")
    S108_DAY = costs.S108_DAY, _("Døgn på længerevarende botilbud (§ 108)")
    CTI = costs.CTI, _("CTI (§ 85 a)")
    ICM = costs.ICM, _("ICM (§ 85 a)")
    ACT = costs.ACT, _("ACT (§ 85 a)")
    S85 = costs.S85, _("Støtte i eget hjem (§ 85)")
    REFUND_110_SHARE = costs.REFUND_110_SHARE, _("Statsrefusion af boformsdøgn (§ 110)")
    REFUND_110_CAP = costs.REFUND_110_CAP, _("Højst antal døgn med refusion pr. løbende år (§ 110)")
    REFUND_176A_SHARE = costs.REFUND_176A_SHARE, _("Statsrefusion af bostøtte efter § 85 a (§ 176 a)")


class Unit(models.TextChoices):
    PER_DAY = costs.PER_DAY, _("kr. pr. døgn")
    PER_CITIZEN_YEAR = costs.PER_CITIZEN_YEAR, _("kr. pr. borger pr. år")
    PER_WORKER_YEAR = costs.PER_WORKER_YEAR, _("kr. pr. medarbejder pr. år")
    PERCENT = costs.PERCENT, _("procent")
    DAYS = costs.DAYS, _("døgn")


@pghistory.track()
class Price(TenantModel):
    """One kind's price (or refund rule) for one year in one municipality, with where it comes from."""

    kind = models.CharField(_("pris"), max_length=24, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("år"))
    amount = models.DecimalField(_("beløb"), max_digits=12, decimal_places=2)
    unit = models.CharField(_("enhed"), max_length=16, choices=Unit.choices)
    source = models.CharField(_("kilde"), max_length=300)
    note = models.CharField(_("note"), max_length=500, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["year", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "kind", "year"], name="one_price_per_kind_and_year"
            )
        ]
