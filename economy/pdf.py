"""The economy page as a PDF for the political committee (WeasyPrint). Figures only."""

from django.template.loader import render_to_string
from django.utils import timezone

from accounts.access import actor_log
from audit.models import Action

from . import selectors


def economy_pdf(actor, *, today, request=None) -> bytes:
    from weasyprint import HTML  # imported here: loading pango costs time every other page does not need

    html = render_to_string(
        "economy/page_pdf.html",
        {
            "data": selectors.economy(actor, today=today),
            "printed": timezone.localtime(),
            "municipality": actor.municipality,
        },
    )
    actor_log(actor, Action.EXPORT, "Økonomien i indsatsen mod hjemløshed", detail=f"PDF {today.isoformat()}")
    base_url = request.build_absolute_uri("/") if request is not None else None
    return HTML(string=html, base_url=base_url).write_pdf()
