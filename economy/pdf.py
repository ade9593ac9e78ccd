"""The economy page as a PDF for the political committee (WeasyPrint). Figures only."""

from django.utils import timezone

from accounts.access import actor_log
from audit.models import Action
from core.pdf import render_pdf

from . import selectors


def economy_pdf(actor, *, today, request=None) -> bytes:
    content = render_pdf(
        "economy/page_pdf.html",
        {
            "data": selectors.economy(actor, today=today),
            "printed": timezone.localtime(),
            "municipality": actor.municipality,
        },
        request=request,
    )
    actor_log(actor, Action.EXPORT, "Økonomien i indsatsen mod hjemløshed", detail=f"PDF {today.isoformat()}")
    return content
