"""The committee's agenda and decisions as a PDF (WeasyPrint), for the minutes and the landlords' files."""

from django.template.loader import render_to_string
from django.utils import timezone


def meeting_pdf_bytes(meeting, items, *, request=None) -> bytes:
    from weasyprint import HTML  # imported here: loading pango costs time every other page does not need

    html = render_to_string(
        "allocation/meeting_pdf.html", {"meeting": meeting, "items": items, "printed": timezone.localtime()}
    )
    base_url = request.build_absolute_uri("/") if request is not None else None
    return HTML(string=html, base_url=base_url).write_pdf()
