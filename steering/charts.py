"""The chart data the front page embeds as JSON (static/js/steering.js draws it); the tables on the page
hold the same numbers."""

from . import catalogue


def front(page: dict) -> dict:
    series = page["data"]["series"]
    labels = [r["month"][5:7] + "." + r["month"][:4] for r in series]
    charts = {"labels": labels, "reference_days": catalogue.DAYS_TO_HOUSING_REFERENCE}
    for m in catalogue.MEASURES:
        if m.series:
            charts[m.code] = [m.series(r) for r in series]
    charts["situation_labels"] = [s["label"] for s in page["situations"]]
    charts["situation_now"] = [s["now"] for s in page["situations"]]
    charts["situation_then"] = [s["then"] for s in page["situations"]]
    flows = page["flows"]["rows"]
    charts["flow_labels"] = [r.month.strftime("%m.%Y") for r in flows]
    charts["inflow"] = [r.inflow for r in flows]
    charts["outflow"] = [r.outflow for r in flows]
    return charts
