"""The plan's status report as a PDF for the political committee (WeasyPrint): per focus area the
initiatives, status, owner, deadline, latest note and linked goals with their progress. No citizen's data."""

from django.utils import timezone

from accounts.access import actor_log
from audit.models import Action
from core.pdf import render_pdf

from . import selectors


def status_report_pdf(actor, *, today, request=None) -> bytes:
    content = render_pdf(
        "implementation/report_pdf.html",
        {
            "data": selectors.status_report(actor, today=today),
            "today": today,
            "printed": timezone.localtime(),
            "municipality": actor.municipality,
        },
        request=request,
    )
    actor_log(
        actor,
        Action.EXPORT,
        "Implementeringsplanens status til det politiske udvalg",
        detail=f"PDF {today.isoformat()}",
    )
    return content
