"""The goals and their progress as a PDF for the political committee (WeasyPrint). Figures only."""

from django.template.loader import render_to_string
from django.utils import timezone

from accounts.access import actor_log
from audit.models import Action

from . import catalogue, selectors


def goals_pdf(actor, *, today, request=None) -> bytes:
    from weasyprint import HTML  # imported here: loading pango costs time every other page does not need

    data = selectors.homelessness(actor, today=today)
    html = render_to_string(
        "steering/goals_pdf.html",
        {
            "goals": selectors.goal_progress(actor, today=today, data=data),
            "rows": selectors.value_rows(data),
            "today": today,
            "printed": timezone.localtime(),
            "municipality": actor.municipality,
            "reference_days": catalogue.DAYS_TO_HOUSING_REFERENCE,
        },
    )
    actor_log(
        actor, Action.EXPORT, "Mål og fremdrift til det politiske udvalg", detail=f"PDF {today.isoformat()}"
    )
    base_url = request.build_absolute_uri("/") if request is not None else None
    return HTML(string=html, base_url=base_url).write_pdf()


def rent_subsidy_pdf(actor, *, today, request=None) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "steering/rent_subsidy_pdf.html",
        {
            "data": selectors.rent_subsidy(actor, today=today),
            "printed": timezone.localtime(),
            "municipality": actor.municipality,
        },
    )
    actor_log(actor, Action.EXPORT, "Tal til ansøgning om huslejetilskud", detail=f"PDF {today.isoformat()}")
    base_url = request.build_absolute_uri("/") if request is not None else None
    return HTML(string=html, base_url=base_url).write_pdf()
