"""Reads for the economy page and the prices: aggregates only, never names, in the actor's municipality.
The costs come from the snapshot the figures app keeps (economy/aggregates.py); labels are put on here in
the reader's language."""

from datetime import date

from django.utils.translation import gettext, gettext_lazy

import figures
from accounts.access import require
from accounts.roles import Capability, has_capability

from . import aggregates, conf, costs
from .models import Kind, Unit

COMPONENT_LABELS = {
    costs.CTI: "CTI",
    costs.ICM: "ICM",
    costs.ACT: "ACT",
    costs.S85: gettext_lazy("§ 85-støtte"),
}
OFFSET_LABELS = {
    "-1": gettext_lazy("Året før"),
    "1": gettext_lazy("1. år"),
    "2": gettext_lazy("2. år"),
    "3": gettext_lazy("3. år"),
    "4": gettext_lazy("4. år"),
    "5": gettext_lazy("5. år"),
}


def _kr(x: float | None) -> int | None:
    return None if x is None else round(x)


def _row(label, raw: dict) -> dict:
    """A month's or year's figures in whole kr.: shelter days and cost, support by method, refunds, net."""
    t = costs.totals(raw)
    return {
        "label": label,
        "shelter_days": raw["shelter_days"],
        "shelter_gross": _kr(raw["shelter_gross"]),
        "support": [_kr(raw["support"][m]["gross"]) for m in costs.METHODS],
        "support_days": [raw["support"][m]["days"] for m in costs.METHODS],
        "gross": _kr(t["gross"]),
        "refund_110": _kr(raw["shelter_refund"]),
        "refund_176a": _kr(t["support_refund"]),
        "refund": _kr(t["refund"]),
        "net": _kr(t["net"]),
    }


def _offsets(offsets: dict, follow_years: int) -> list[dict]:
    out = []
    for key, label in OFFSET_LABELS.items():
        if int(key) > follow_years:
            continue
        t = offsets.get(key)
        people = t["people"] if t else 0
        gross = (t["shelter_gross"] + t["support_gross"]) if t else 0
        refund = (t["shelter_refund"] + t["support_refund"]) if t else 0
        out.append(
            {
                "key": key,
                "label": label,
                "people": people,
                "gross": _kr(gross / people) if people else None,
                "net": _kr((gross - refund) / people) if people else None,
                "shelter_gross": _kr(t["shelter_gross"] / people) if people else None,
                "support_gross": _kr(t["support_gross"] / people) if people else None,
                "shelter_days": round(t["shelter_days"] / people, 1) if people else None,
            }
        )
    return out


def _savings(pooled: list[dict]) -> list[dict]:
    """The average cost per citizen the year before, less each year after (gross and net)."""
    before = next((o for o in pooled if o["key"] == "-1"), None)
    out = []
    for o in pooled:
        if o["key"] == "-1":
            continue
        ok = before and before["people"] and o["people"]
        out.append(
            {
                **o,
                "saving_gross": before["gross"] - o["gross"] if ok else None,
                "saving_net": before["net"] - o["net"] if ok else None,
            }
        )
    return out


def price_rows(prices: costs.PriceBook, year: int) -> list[dict]:
    """Each kind's price for the year: the municipality's own or the default, its unit and source."""
    out = []
    for kind in Kind:
        e = prices.entry(kind.value, year)
        out.append(
            {
                "kind": kind.value,
                "label": kind.label,
                "amount": e.amount,
                "unit": Unit(e.unit).label if e.unit in Unit.values else e.unit,
                "unit_code": e.unit,
                "own": e.own,
                "source": e.source,
                "note": e.note,
            }
        )
    return out


def prices(actor, *, year: int) -> list[dict]:
    require(actor, Capability.VIEW_FIGURES)
    return price_rows(aggregates.price_book(actor.municipality), year)


def economy(actor, *, today: date) -> dict:
    """Everything the economy page, its workbook and its PDF show. Analysts see the same; no names."""
    require(actor, Capability.VIEW_FIGURES)
    snap = figures.read(actor.municipality, aggregates.KEY, today)
    data = snap.data
    follow = conf.value("FOLLOW_YEARS")
    months = [_row(date.fromisoformat(m["month"]), m) for m in data["months"]]
    years = [_row(y["year"], y) for y in data["years"]]
    pooled = _offsets(data["all_cohorts"]["offsets"], follow)
    payback = data["payback"]
    this_year = next((y for y in years if y["label"] == today.year), None)
    last_year = next((y for y in years if y["label"] == today.year - 1), None)
    return {
        "today": today,
        "computed_at": snap.computed_at,
        "methods": [str(COMPONENT_LABELS[m]) for m in costs.METHODS],
        "months": months,
        "months_shown": months[-conf.value("MONTHS_SHOWN") :],
        "years": years,
        "this_year": this_year,
        "last_year": last_year,
        "cohorts": [
            {"year": c["year"], "people": c["people"], "offsets": _offsets(c["offsets"], follow)}
            for c in data["cohorts"]
        ],
        "pooled": pooled,
        "pooled_people": data["all_cohorts"]["people"],
        "savings": _savings(pooled),
        "offset_labels": [str(v) for k, v in OFFSET_LABELS.items() if int(k) <= follow],
        "payback": {
            "month_gross": payback["month_gross"],
            "month_net": payback["month_net"],
            "followed": len(payback["rows"]),
            "rows": [
                {
                    "month": r["month"],
                    "people": r["people"],
                    "cum_saving_gross": _kr(r["cum_saving_gross"]),
                    "cum_support_gross": _kr(r["cum_support_gross"]),
                    "cum_saving_net": _kr(r["cum_saving_net"]),
                    "cum_support_net": _kr(r["cum_support_net"]),
                }
                for r in payback["rows"]
            ],
        },
        "odense": {"saving": conf.value("ODENSE_SAVING_YEAR_5"), "source": conf.value("ODENSE_SOURCE")},
        "prices": price_rows(aggregates.price_book(actor.municipality), today.year),
        "price_year": today.year,
        "reform_date": date.fromisoformat(conf.value("REFORM_DATE")),
        "refund_years": conf.value("REFUND_176A_YEARS"),
        "follow_years": follow,
        "may_edit_prices": has_capability(actor.role, Capability.STEER),
    }


def price_years(today: date) -> list[int]:
    """The years a leader may choose on the price page: the last five, this one and the next."""
    return list(range(today.year - 5, today.year + 2))


def unit_choices(kind: str) -> list[tuple[str, str]]:
    return [(u, Unit(u).label) for u in costs.UNITS.get(kind, ())]


def kind_label(kind: str) -> str:
    return gettext(Kind(kind).label) if kind in Kind.values else kind
