"""The economy page's figures as xlsx (XlsxWriter through core/exports.py, constant memory): every month,
every year, the cohorts, the payback months and the prices with their sources. Figures only; logged as an
export in the actor's name."""

from django.utils.translation import gettext as _

from accounts.access import actor_log
from audit.models import Action
from core.exports import export_file, write_row, xlsx_workbook

from . import selectors


def _period_sheet(book, bold, name: str, rows: list[dict], methods: list[str], first: str) -> None:
    ws = book.add_worksheet(name)
    write_row(
        ws,
        0,
        0,
        [first, _("Døgn på boform"), _("Boform (§ 110), kr.")]
        + [f"{m}, kr." for m in methods]
        + [_("Brutto, kr."), _("Refusion § 110, kr."), _("Refusion § 176 a, kr."), _("Netto, kr.")],
        bold,
    )
    for i, r in enumerate(rows, start=1):
        label = r["label"].strftime("%m.%Y") if hasattr(r["label"], "strftime") else r["label"]
        write_row(
            ws,
            i,
            0,
            [label, r["shelter_days"], r["shelter_gross"], *r["support"], r["gross"], r["refund_110"]]
            + [r["refund_176a"], r["net"]],
        )


def xlsx(actor, *, today):
    data = selectors.economy(actor, today=today)
    file = export_file()
    book = xlsx_workbook(file)
    bold = book.add_format({"bold": True})
    _period_sheet(book, bold, _("Måneder"), data["months"], data["methods"], _("Måned"))
    _period_sheet(book, bold, _("År"), data["years"], data["methods"], _("År"))
    ws = book.add_worksheet(_("Årgange"))
    write_row(
        ws,
        0,
        0,
        [_("Indflytningsår"), _("Borgere"), _("År"), _("Fulgt"), _("Brutto pr. borger, kr.")]
        + [_("Netto pr. borger, kr."), _("Døgn på boform pr. borger")],
        bold,
    )
    row = 1
    for c in [
        *data["cohorts"],
        {"year": _("Alle"), "people": data["pooled_people"], "offsets": data["pooled"]},
    ]:
        for o in c["offsets"]:
            write_row(
                ws,
                row,
                0,
                [
                    c["year"],
                    c["people"],
                    str(o["label"]),
                    o["people"],
                    o["gross"],
                    o["net"],
                    o["shelter_days"],
                ],
            )
            row += 1
    ws = book.add_worksheet(_("Tilbagebetaling"))
    write_row(
        ws,
        0,
        0,
        [_("Måned efter indflytning"), _("Fulgt"), _("Sparet på boform, brutto"), _("Støtte, brutto")]
        + [_("Sparet på boform, netto"), _("Støtte, netto")],
        bold,
    )
    for i, r in enumerate(data["payback"]["rows"], start=1):
        write_row(
            ws,
            i,
            0,
            [r["month"], r["people"], r["cum_saving_gross"], r["cum_support_gross"], r["cum_saving_net"]]
            + [r["cum_support_net"]],
        )
    ws = book.add_worksheet(_("Priser"))
    write_row(ws, 0, 0, [_("Pris"), _("År"), _("Beløb"), _("Enhed"), _("Kommunens egen"), _("Kilde")], bold)
    for i, p in enumerate(data["prices"], start=1):
        write_row(
            ws,
            i,
            0,
            [
                str(p["label"]),
                data["price_year"],
                p["amount"],
                str(p["unit"]),
                _("ja") if p["own"] else _("nej"),
            ]
            + [p["source"]],
        )
    book.close()
    actor_log(
        actor, Action.EXPORT, "Økonomien i indsatsen mod hjemløshed", detail=f"xlsx {today.isoformat()}"
    )
    return file
