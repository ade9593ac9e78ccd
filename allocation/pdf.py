"""The committee's agenda and decisions as a PDF (WeasyPrint), for the minutes and the landlords' files."""

from django.utils import timezone

from core.pdf import render_pdf


def meeting_pdf_bytes(meeting, items, *, request=None) -> bytes:
    return render_pdf(
        "allocation/meeting_pdf.html",
        {"meeting": meeting, "items": items, "printed": timezone.localtime()},
        request=request,
    )
