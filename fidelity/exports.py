"""The results for the leader network as xlsx (XlsxWriter) and PDF (WeasyPrint). Missing answers are
written as "mangler", never as 0; the citizens' questionnaires (Brief INSPIRE, WHO-5) only for groups at
the anonymity threshold, as on the page."""

from core.exports import (  # text as text: never a formula (OWASP CSV injection)
    export_file,
    write_row,
    xlsx_workbook,
)

MISSING = "mangler"


def _v(score):
    return MISSING if score is None or score.value is None else score.value


def xlsx(data):
    """The workbook in a temporary file (constant memory, core.exports), rewound."""
    file = export_file()
    book = xlsx_workbook(file)
    bold = book.add_format({"bold": True})
    ws = book.add_worksheet("Udsagn")
    write_row(ws, 0, 0, ["Enhed", data["unit"].name, "Kvartal", data["quarter"].label], bold)
    write_row(ws, 2, 0, ["Tema", "Princip", "Nr.", "Udsagn", "Svar (5 = helt enig)", "Kommentar"], bold)
    row = 3
    detail = data["detail"]
    for block in data["structure"]:
        for s in block["statements"]:
            answer = detail["answers"].get(s.id) if detail else None
            value = answer.value if answer and answer.value is not None else MISSING
            write_row(
                ws,
                row,
                0,
                [
                    block["theme"].title,
                    s.principle.title,
                    s.number,
                    s.text,
                    value,
                    answer.comment if answer else "",
                ],
            )
            row += 1
    ws.set_column(3, 3, 80)
    ws2 = book.add_worksheet("Temaer over tid")
    write_row(ws2, 0, 0, ["Kvartal"] + [b["theme"].title for b in data["structure"]], bold)
    for i, t in enumerate(data["trend"], start=1):
        write_row(
            ws2,
            i,
            0,
            [t["quarter"].label]
            + [_v(t["themes"][b["theme"].number]) if t["themes"] else MISSING for b in data["structure"]],
        )
    ws3 = book.add_worksheet("Praksis")
    write_row(
        ws3,
        0,
        0,
        ["Princip", "Indikator", "Værdi", "Enhed", "Antal", "Selvvurdering", "Uoverensstemmelse", "Note"],
        bold,
    )
    for i, r in enumerate(data["practice"], start=1):
        v = r["value"]
        write_row(
            ws3,
            i,
            0,
            [
                f"{r['principle']}. {r['principle_title']}",
                r["indicator"].label,
                v.value if v.available and v.value is not None else MISSING,
                r["indicator"].unit,
                v.n,
                r["self_score"] if r["self_score"] is not None else MISSING,
                "ja" if r["disagrees"] else "",
                v.note,
            ],
        )
    ws4 = book.add_worksheet("Handlinger")
    write_row(ws4, 0, 0, ["Udsagn", "Hvad", "Hvem", "Senest", "Status"], bold)
    for i, a in enumerate(detail["actions"] if detail else [], start=1):
        write_row(
            ws4,
            i,
            0,
            [
                a.statement.number if a.statement else "",
                a.what,
                a.who,
                a.due_on.isoformat(),
                a.get_status_display(),
            ],
        )
    ws5 = book.add_worksheet("Borgernes stemme")
    write_row(
        ws5,
        0,
        0,
        ["Spørgeskema", "Kvartal", "Antal svar", "Gennemsnit (0-100)", "Ændring fra kvartalet før"],
        bold,
    )
    row = 1
    for title, rows in (("Brief INSPIRE", data["inspire"]), ("WHO-5 Trivselsindeks", data["who5"])):
        for r in rows:
            write_row(
                ws5,
                row,
                0,
                [
                    title,
                    r["quarter"].label,
                    r["n"],
                    _survey_mean(r),
                    r["change"] if r.get("change") is not None else "",
                ],
            )
            row += 1
    ws5.set_column(0, 0, 22)
    ws5.set_column(3, 3, 28)
    book.close()
    file.seek(0)
    return file


def _survey_mean(row):
    """A questionnaire's mean, or why there is none: under the anonymity threshold no score is written."""
    if not row["n"]:
        return "ingen svar"
    if not row["shown"]:
        return "vises ikke (for få svar)"
    return MISSING if row["mean"] is None else row["mean"]
