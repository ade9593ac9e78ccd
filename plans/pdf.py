"""The action plan as the citizen's own paper (issue 14 item 8), rendered by core/pdf.py: plain language,
the citizen's wishes, dreams and hopes first (principle 7, seed 004 ch. 2), then each goal with where it
stands and its dates. No CPR number, no codes, no internal numbers."""

from django.utils import timezone

from core.pdf import render_pdf


def citizen_plan_pdf_bytes(data: dict, *, municipality, worker_name: str, request=None) -> bytes:
    return render_pdf(
        "plans/plan_citizen_pdf.html",
        data | {"municipality": municipality, "worker_name": worker_name, "printed": timezone.localdate()},
        request=request,
    )
