"""The chart data the economy page embeds as JSON (static/economy/js/economy.js draws it); the tables on
the page hold the same numbers."""

from django.utils.translation import gettext as _


def page(data: dict) -> dict:
    months = data["months_shown"]
    return {
        "month_labels": [r["label"].strftime("%m.%Y") for r in months],
        "series": [
            {"label": _("Boform (§ 110)"), "data": [r["shelter_gross"] for r in months]},
            *(
                {"label": label, "data": [r["support"][i] for r in months]}
                for i, label in enumerate(data["methods"])
            ),
        ],
        "net_label": _("Netto efter refusion"),
        "net": [r["net"] for r in months],
        "saving_labels": [str(s["label"]) for s in data["savings"]],
        "saving_label": _("Besparelse pr. borger pr. år mod året før (brutto)"),
        "saving": [s["saving_gross"] for s in data["savings"]],
        "odense_label": _("Odense efter 5 år (reference)"),
        "odense": data["odense"]["saving"],
        "payback_labels": [str(r["month"]) for r in data["payback"]["rows"]],
        "cum_saving_label": _("Sparet på boform, akkumuleret pr. borger"),
        "cum_saving": [r["cum_saving_gross"] for r in data["payback"]["rows"]],
        "cum_support_label": _("Støtte, akkumuleret pr. borger"),
        "cum_support": [r["cum_support_gross"] for r in data["payback"]["rows"]],
    }
