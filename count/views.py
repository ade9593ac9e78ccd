"""Pages of the national homelessness count: the count weeks, a week with its completeness and forms, a
citizen's form, the result beside earlier counts, and the export in the count's layout. Thin: parse, call
a selector or service, render."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import with_actor
from accounts.roles import Capability, has_capability
from core.downloads import XLSX, file_download
from core.exports import export_file, write_row, xlsx_workbook
from core.forms import apply_error
from core.params import parse_id
from people.figures import AGE_GROUPS

from . import questionnaire as q
from . import selectors, services
from .forms import answer_form
from .models import WeekStatus


def _default_year(today) -> int:
    """The latest count week that has begun."""
    return today.year if q.week_start(today.year) <= today else today.year - 1


def _weeks_page(request, actor, *, error=None, year=None, status=200):
    today = timezone.localdate()
    return render(
        request,
        "count/weeks.html",
        {
            "weeks": selectors.weeks(actor),
            "may_run": has_capability(actor.role, Capability.RUN_COUNT),
            "year": year or _default_year(today),
            "error": error,
            "source": q.questionnaire().source,
        },
        status=status,
    )


@with_actor(Capability.VIEW_FIGURES)
def weeks(request, actor):
    return _weeks_page(request, actor)


@require_POST
@with_actor(Capability.RUN_COUNT)
def week_open(request, actor):
    year = parse_id(request.POST.get("year"))
    try:
        week = services.week_open(actor=actor, year=year or 0)
    except services.CountError as exc:
        return _weeks_page(request, actor, error=exc.message, year=request.POST.get("year"), status=400)
    return redirect("count:week", week_id=week.pk)


@with_actor(Capability.VIEW_FIGURES)
def week(request, actor, week_id):
    week = selectors.week_get(actor, week_id)
    questions = q.questionnaire(week.form_version)
    done = selectors.completeness(actor, week)
    missing_only = request.GET.get("mangler") == "1"
    page = hidden = None
    if selectors.may_see_names(actor):
        page, hidden = selectors.forms_page(
            actor, week, page=request.GET.get("side"), missing_only=missing_only
        )
    gaps = [{"field": f, "missing": done.missing_by_field[f.code]} for f in questions.fields]
    return render(
        request,
        "count/week.html",
        {
            "week": week,
            "questions": questions,
            "done": done,
            "gaps": gaps,
            "page": page,
            "hidden": hidden,
            "missing_only": missing_only,
            "may_run": has_capability(actor.role, Capability.RUN_COUNT),
            "may_export": has_capability(actor.role, Capability.RUN_COUNT)
            and has_capability(actor.role, Capability.EXPORT_PEOPLE),
        },
    )


@require_POST
@with_actor(Capability.RUN_COUNT)
def week_status(request, actor, week_id):
    week = selectors.week_get(actor, week_id)
    status = request.POST.get("status", "")
    if status not in WeekStatus.values:
        raise Http404(_("Ukendt status."))
    services.week_set_status(actor=actor, week=week, status=status)
    return redirect("count:week", week_id=week.pk)


@with_actor(Capability.FILL_COUNT)
def form_fill(request, actor, form_id):
    count_form = selectors.form_get(actor, form_id)
    week = count_form.count_week
    questions = q.questionnaire(week.form_version)
    is_open = week.status == WeekStatus.OPEN
    if request.method == "POST" and is_open:
        form = answer_form(questions, prefilled=count_form.prefilled, data=request.POST)
        if form.is_valid():
            try:
                services.form_save(actor=actor, form=count_form, answers=form.cleaned_data)
            except services.AnswersInvalid as exc:
                for field, message in exc.problems:
                    form.add_error(field if field in form.fields else None, message)
            except services.CountError as exc:
                apply_error(form, exc)
            else:
                return redirect(
                    f"{_week_url(week)}?mangler=1" if request.POST.get("next") == "list" else request.path
                )
    else:
        form = answer_form(questions, prefilled=count_form.prefilled, initial=count_form.answers)
    missing = q.missing(questions, count_form.answers)
    return render(
        request,
        "count/form.html",
        {
            "count_form": count_form,
            "person": count_form.person,
            "week": week,
            "form": form,
            "questions": questions,
            "missing": [questions[c].question for c in missing],
            "is_open": is_open,
        },
        status=400 if form.errors else 200,
    )


def _week_url(week) -> str:
    return reverse("count:week", kwargs={"week_id": week.pk})


@with_actor(Capability.VIEW_FIGURES)
def result(request, actor, week_id):
    week = selectors.week_get(actor, week_id)
    data = selectors.result(actor, week)
    questions, tally = data["questions"], data["tally"]
    situations = [
        {"code": code, "label": label, "count": tally.situation[code]}
        for code, label in questions["situation"].options
    ]
    genders = [{"label": label, "count": tally.gender[code]} for code, label in questions["gender"].options]
    genders.append({"label": _("Ikke oplyst"), "count": tally.gender["unknown"]})
    ages = [{"label": label, "count": tally.age[code]} for code, label, *_r in AGE_GROUPS]
    ages.append({"label": _("Ikke oplyst"), "count": tally.age["unknown"]})
    chart = {
        "situations": {"labels": [s["code"] for s in situations], "counts": [s["count"] for s in situations]},
        "history": {
            "labels": [str(h["year"]) for h in data["history"]],
            "local": [h["local"] for h in data["history"]],
            "national": [h["national"] for h in data["history"]],
            "local_label": actor.municipality.name,
            "national_label": _("Hele landet"),
        },
        "situation_label": _("Borgere"),
    }
    return render(
        request,
        "count/result.html",
        {
            "week": week,
            "tally": tally,
            "situations": situations,
            "genders": genders,
            "ages": ages,
            "history": data["history"],
            "national_source": data["national_source"],
            "chart": chart,
        },
    )


@with_actor(Capability.RUN_COUNT)
def export(request, actor, week_id):
    """The week's forms as xlsx in the count's layout, streamed from a temporary file."""
    week = selectors.week_get(actor, week_id)
    headers, rows = selectors.export_rows(actor, week)
    file = export_file()
    book = xlsx_workbook(file)
    sheet = book.add_worksheet(_("Personskemaer"))
    bold = book.add_format({"bold": True, "text_wrap": True})
    write_row(sheet, 0, 0, headers, bold)
    for n, row in enumerate(rows, start=1):
        write_row(sheet, n, 0, row)
    sheet.set_column(0, len(headers) - 1, 24)
    book.close()
    return file_download(
        file, content_type=XLSX, filename=f"hjemloesetaelling-{week.year}-personskemaer.xlsx"
    )
