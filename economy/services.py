"""Writes of prices: only leaders set the municipality's own (Capability.STEER); each change is logged
with before and after values and kept as a version (django-pghistory). A price removed falls back to the
default in economy/conf.py."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.access import Actor, actor_log, require
from accounts.roles import Capability
from audit.models import Action

from . import costs
from .errors import PriceDataError
from .models import Price

PURPOSE = "Priser til beregning af økonomien i indsatsen mod hjemløshed"
FIRST_YEAR = 2000
YEARS_AHEAD = 5
MAX_AMOUNT = Decimal("100000000")  # kr.; a day, a citizen-year or a worker-year never costs more


def _snapshot(price: Price | None) -> dict:
    if price is None:
        return {}
    return {k: str(getattr(price, k)) for k in ("amount", "unit", "source", "note")}


def _year(year, today: date) -> int:
    try:
        year = int(year)
    except (TypeError, ValueError):
        raise PriceDataError("year", _("Skriv året som et tal, fx 2025.")) from None
    if not FIRST_YEAR <= year <= today.year + YEARS_AHEAD:
        raise PriceDataError(
            "year",
            _("Året skal ligge mellem %(first)s og %(last)s.")
            % {"first": FIRST_YEAR, "last": today.year + YEARS_AHEAD},
        )
    return year


def _kind(kind: str) -> str:
    if kind not in costs.KINDS:
        raise PriceDataError("kind", _("Vælg en af priserne på listen."))
    return kind


def _amount(kind: str, unit: str, amount) -> Decimal:
    if unit not in costs.UNITS[kind]:
        raise PriceDataError("unit", _("Vælg en enhed, der passer til prisen."))
    try:
        value = Decimal(str(amount))
    except (InvalidOperation, ValueError):
        raise PriceDataError("amount", _("Skriv beløbet som et tal, fx 1507.")) from None
    if not value.is_finite() or value < 0:
        raise PriceDataError("amount", _("Beløbet skal være et tal på 0 eller derover."))
    if unit == costs.PERCENT and value > 100:
        raise PriceDataError("amount", _("En refusion i procent kan højst være 100."))
    if unit == costs.DAYS and (value != value.to_integral_value() or value > 366):
        raise PriceDataError("amount", _("Antal døgn skal være et helt tal mellem 0 og 366."))
    if value > MAX_AMOUNT:
        raise PriceDataError("amount", _("Beløbet er for stort. Skriv det i kr., fx 1507."))
    return value.quantize(Decimal("0.01"))


@transaction.atomic
def price_save(
    *, actor: Actor, kind: str, year, amount, unit: str, source: str, note: str = "", today: date
) -> Price:
    """Set the municipality's own price of a kind for a year (a new one, or a change of the one set)."""
    require(actor, Capability.STEER)
    kind = _kind(kind)
    year = _year(year, today)
    value = _amount(kind, unit, amount)
    source = (source or "").strip()
    if not source:
        raise PriceDataError("source", _("Skriv hvor prisen kommer fra, fx kommunens budget 2025."))
    price = (
        Price.objects.select_for_update()
        .filter(municipality=actor.municipality, kind=kind, year=year)
        .first()
    )
    before = _snapshot(price)
    price = price or Price(municipality=actor.municipality, kind=kind, year=year)
    price.amount, price.unit, price.source, price.note = value, unit, source[:300], (note or "").strip()[:500]
    price.updated_by = actor.user
    price.save()
    after = _snapshot(price)
    changes = {k: [before.get(k, ""), v] for k, v in after.items() if before.get(k) != v}
    actor_log(
        actor,
        Action.UPDATE if before else Action.CREATE,
        PURPOSE,
        detail=f"pris {kind} {year}",
        changes=changes,
    )
    return price


@transaction.atomic
def price_clear(*, actor: Actor, kind: str, year, today: date) -> None:
    """Remove the municipality's own price of a kind for a year: the default counts again."""
    require(actor, Capability.STEER)
    kind = _kind(kind)
    year = _year(year, today)
    price = Price.objects.filter(municipality=actor.municipality, kind=kind, year=year).first()
    if price is None:
        return
    before = _snapshot(price)
    price.delete()
    actor_log(
        actor,
        Action.DELETE,
        PURPOSE,
        detail=f"pris {kind} {year}: standardprisen gælder igen",
        changes={k: [v, ""] for k, v in before.items()},
    )
