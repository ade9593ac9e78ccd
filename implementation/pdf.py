"""The plan's status report as a PDF for the political committee (WeasyPrint): per focus area the
initiatives, status, owner, deadline, latest note and linked goals with their progress. No citizen's data."""

from django.template.loader import render_to_string
from django.utils import timezone

from accounts.access import actor_log
from audit.models import Action

from . import selectors


def status_report_pdf(actor, *, today, request=None) -> bytes:
    from weasyprint import HTML  # imported here: loading pango costs time every other page does not need

    html = render_to_string(
        "implementation/report_pdf.html",
        {
            "data": selectors.status_report(actor, today=today),
            "today": today,
            "printed": timezone.localtime(),
            "municipality": actor.municipality,
        },
    )
    actor_log(
        actor,
        Action.EXPORT,
        "Implementeringsplanens status til det politiske udvalg",
        detail=f"PDF {today.isoformat()}",
    )
    base_url = request.build_absolute_uri("/") if request is not None else None
    return HTML(string=html, base_url=base_url).write_pdf()
