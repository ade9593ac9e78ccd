"""The goals and their progress as a PDF for the political committee (WeasyPrint). Figures only."""

from django.utils import timezone

from accounts.access import actor_log
from audit.models import Action
from core.pdf import render_pdf

from . import catalogue, selectors


def goals_pdf(actor, *, today, request=None) -> bytes:
    data = selectors.homelessness(actor, today=today)
    content = render_pdf(
        "steering/goals_pdf.html",
        {
            "goals": selectors.goal_progress(actor, today=today, data=data),
            "rows": selectors.value_rows(data),
            "today": today,
            "printed": timezone.localtime(),
            "municipality": actor.municipality,
            "reference_days": catalogue.DAYS_TO_HOUSING_REFERENCE,
        },
        request=request,
    )
    actor_log(
        actor, Action.EXPORT, "Mål og fremdrift til det politiske udvalg", detail=f"PDF {today.isoformat()}"
    )
    return content


def rent_subsidy_pdf(actor, *, today, request=None) -> bytes:
    content = render_pdf(
        "steering/rent_subsidy_pdf.html",
        {
            "data": selectors.rent_subsidy(actor, today=today),
            "printed": timezone.localtime(),
            "municipality": actor.municipality,
        },
        request=request,
    )
    actor_log(actor, Action.EXPORT, "Tal til ansøgning om huslejetilskud", detail=f"PDF {today.isoformat()}")
    return content
