"""The figures the run and comparison pages show, from the runs' stored results (plain data; the pages'
JSON for Chart.js, drawn by static/simulation/js/simulation.js, and the same numbers as tables)."""

from django.utils.translation import gettext as _

METRICS = ("homeless", "shelter", "waiting_home", "waiting_support")
COLOURS = ("#0059b3", "#b35900", "#358000", "#6b2e8f", "#a3195b")


def metric_labels() -> dict:
    return {
        "homeless": _("Hjemløse"),
        "shelter": _("På boform (§ 110)"),
        "waiting_home": _("Venter på en bolig"),
        "waiting_support": _("Venter på støtte"),
    }


def _band(summary: dict, t: int) -> dict | None:
    if t >= len(summary["p50"]):
        return None
    return {"p10": summary["p10"][t], "p50": summary["p50"][t], "p90": summary["p90"][t]}


def _key_figures(summary: dict, label: str, *, savings: bool) -> dict:
    return {
        "label": label,
        "homeless_end": _band(summary["homeless"], len(summary["homeless"]["p50"]) - 1),
        "shelter_end": _band(summary["shelter"], len(summary["shelter"]["p50"]) - 1),
        "wait_home": summary["wait_home_months"],
        "wait_support": summary["wait_support_months"],
        "total_cost": summary["total_cost"],
        "total_savings": summary.get("total_savings") if savings else None,
    }


def run_summary(run) -> dict:
    result = run.result
    return {
        "rows": [
            _key_figures(result["base"], _("Uden ændringer"), savings=False),
            _key_figures(result["scenario"], run.scenario.name, savings=True),
        ],
        "result": result,
    }


def comparison(pairs: list) -> dict | None:
    """Two or more scenarios' newest finished runs side by side, with the base of the newest run."""
    if not pairs:
        return None
    newest = max((run for _s, run in pairs), key=lambda r: (r.finished_at, r.pk))
    base = newest.result
    columns = [{"label": _("Uden ændringer"), "summary": base["base"], "colour": "#505050"}]
    for i, (scenario, run) in enumerate(pairs):
        columns.append(
            {"label": scenario.name, "summary": run.result["scenario"], "colour": COLOURS[i % len(COLOURS)]}
        )
    labels = max((run.result["labels"] for _s, run in pairs), key=len)
    names = metric_labels()
    tables = []
    for metric in METRICS:
        rows = []
        for t, label in enumerate(labels):
            rows.append({"month": label, "cells": [_band(c["summary"][metric], t) for c in columns]})
        tables.append({"metric": metric, "label": names[metric], "rows": rows})
    chart = {
        "labels": labels,
        "series": {
            metric: [
                {
                    "label": c["label"],
                    "colour": c["colour"],
                    "p10": c["summary"][metric]["p10"],
                    "p50": c["summary"][metric]["p50"],
                    "p90": c["summary"][metric]["p90"],
                }
                for c in columns
            ]
            for metric in ("homeless", "shelter")
        },
        "band_label": _("10-90 %"),
    }
    key = [_key_figures(base["base"], _("Uden ændringer"), savings=False)] + [
        _key_figures(run.result["scenario"], scenario.name, savings=True) for scenario, run in pairs
    ]
    return {
        "columns": columns,
        "tables": tables,
        "chart": chart,
        "key": key,
        "backtest": backtest_rows(base.get("backtest")),
        "base_result": base,
        "newest": newest,
    }


def backtest_rows(backtest: dict | None) -> dict | None:
    if not backtest:
        return None
    names = {
        "homeless": _("Hjemløse ved månedens udgang"),
        "shelter": _("På boform ved månedens udgang"),
        "inflow": _("Tilgang i måneden"),
    }
    metrics = []
    for key in ("homeless", "shelter", "inflow"):
        m = backtest["metrics"][key]
        rows = [
            {
                "month": month[5:7] + "." + month[:4],
                "actual": m["actual"][t],
                "p50": m["p50"][t],
                "p10": m["p10"][t],
                "p90": m["p90"][t],
                "error": m["error"][t],
            }
            for t, month in enumerate(backtest["months"])
        ]
        metrics.append(
            {"key": key, "label": names[key], "mae": m["mae"], "inside": m["inside_band"], "rows": rows}
        )
    return {"metrics": metrics, "months": len(backtest["months"]), "start": backtest["start"]}
