"""Reads of the fidelity app, scoped to the actor's municipality. Fidelity data are about units, not
people: nothing here reads a person's record (the practice indicators count, they never list)."""

from django.http import Http404

from accounts.access import actor_log
from accounts.roles import Capability, has_capability
from audit.models import Action

from . import anonymity, conf, formdata, indicators, who5
from .models import (
    ActionStatus,
    AgreedAction,
    AssessmentStatus,
    FidelityAssessment,
    FormVersion,
    Instrument,
    OrganisationalUnit,
    Principle,
    Statement,
    SurveyResponse,
)
from .quarters import Quarter, last_n
from .scoring import StatementRef, disagrees, score, weakest


def units(actor, *, active_only=True):
    qs = OrganisationalUnit.objects.filter(municipality=actor.municipality)
    return qs.filter(active=True) if active_only else qs


def unit_get(actor, pk) -> OrganisationalUnit:
    unit = units(actor, active_only=False).filter(pk=pk).first()
    if unit is None:
        raise Http404
    return unit


def assessment_get(actor, pk) -> FidelityAssessment:
    a = (
        FidelityAssessment.objects.filter(municipality=actor.municipality, pk=pk)
        .select_related("unit", "form_version")
        .first()
    )
    if a is None:
        raise Http404
    return a


def form_structure(version: FormVersion):
    """Themes with principles and statements, in form order, in three queries."""
    themes = list(version.themes.all())
    principles = {}
    for p in Principle.objects.filter(theme__form_version=version).order_by("theme__number", "id"):
        principles.setdefault(p.theme_id, []).append(p)
    statements = {}
    for s in (
        Statement.objects.filter(theme__form_version=version).select_related("principle").order_by("number")
    ):
        statements.setdefault(s.theme_id, []).append(s)
    return [
        {"theme": t, "principles": principles.get(t.id, []), "statements": statements.get(t.id, [])}
        for t in themes
    ]


def refs(structure) -> list[StatementRef]:
    return [
        StatementRef(s.id, s.number, s.text, s.principle.number, block["theme"].number)
        for block in structure
        for s in block["statements"]
    ]


def completed(actor, *, unit=None):
    qs = FidelityAssessment.objects.filter(municipality=actor.municipality, status=AssessmentStatus.COMPLETED)
    return qs.filter(unit=unit) if unit else qs


def results_export(actor, *, unit: OrganisationalUnit, quarter: Quarter, fmt: str) -> dict:
    """The results for the PDF or xlsx to the leaders' network; the export is logged (aggregates, no
    person in it)."""
    data = results(actor, unit=unit, quarter=quarter)
    actor_log(
        actor,
        Action.EXPORT,
        "Efterlevelse: resultater til ledernetværket",
        detail=f"{unit} {quarter} ({fmt})",
    )
    return data


def results(actor, *, unit: OrganisationalUnit, quarter: Quarter, n_quarters: int = 6) -> dict:
    """Everything the results page, the PDF and the xlsx show for one unit and quarter."""
    version = formdata.current_version()
    structure = form_structure(version)
    statement_refs = refs(structure)
    quarters = last_n(quarter, n_quarters)
    assessments = {
        (a.year, a.quarter): a
        for a in completed(actor, unit=unit).filter(year__gte=quarters[0].year).prefetch_related("answers")
    }
    trend = []
    for q in quarters:
        a = assessments.get((q.year, q.number))
        r = score(statement_refs, {x.statement_id: x.value for x in a.answers.all()}) if a else None
        trend.append(
            {
                "quarter": q,
                "assessment": a,
                "themes": {t: r.themes.get(t) for t in range(1, 5)} if r else None,
            }
        )
    current = assessments.get((quarter.year, quarter.number))
    detail = None
    if current:
        answers = {x.statement_id: x for x in current.answers.all()}
        values = {sid: a.value for sid, a in answers.items()}
        result = score(statement_refs, values)
        weak_ids = {s.id for s in weakest(statement_refs, values, limit=conf.value("WEAKEST_SHOWN"))}
        detail = {
            "assessment": current,
            "result": result,
            "answers": answers,
            "weak_ids": weak_ids,
            "weakest": [s for s in statement_refs if s.id in weak_ids],
            "actions": list(current.actions.select_related("statement").order_by("due_on")),
        }
    practice = practice_vs_self(
        actor, unit=unit, quarter=quarter, result=detail["result"] if detail else None, structure=structure
    )
    return {
        "unit": unit,
        "quarter": quarter,
        "structure": structure,
        "trend": trend,
        "detail": detail,
        "practice": practice,
        "comparison": comparison(actor, quarter=quarter, statement_refs=statement_refs),
        "inspire": inspire_trend(actor, unit=unit, quarters=quarters),
        "who5": who5_trend(actor, unit=unit, quarters=quarters),
        "who5_reading": who5_reading(),
        "scale": version.scale,
        "form_version": version,
    }


def practice_vs_self(actor, *, unit, quarter, result, structure) -> list[dict]:
    """Per principle: the self-assessed mean beside each indicator, with disagreements called out."""
    principle_titles = {p.number: p.title for block in structure for p in block["principles"]}
    rows = []
    for ind, value in indicators.evaluate_all(unit=unit, quarter=quarter, municipality=actor.municipality):
        for p in ind.principles:
            self_score = result.principles[p].value if result and p in result.principles else None
            rows.append(
                {
                    "principle": p,
                    "principle_title": principle_titles.get(p, ""),
                    "indicator": ind,
                    "value": value,
                    "self_score": self_score,
                    "disagrees": disagrees(self_score, value.meets, agree_from=conf.value("AGREE_FROM")),
                }
            )
    rows.sort(key=lambda r: r["principle"])
    return rows


def comparison(actor, *, quarter, statement_refs) -> list[dict]:
    """Every unit's theme means for the quarter (completed assessments only)."""
    out = []
    for a in (
        completed(actor)
        .filter(year=quarter.year, quarter=quarter.number)
        .select_related("unit")
        .prefetch_related("answers")
    ):
        r = score(statement_refs, {x.statement_id: x.value for x in a.answers.all()})
        out.append({"unit": a.unit, "themes": [r.themes.get(t) for t in range(1, 5)], "overall": r.overall})
    out.sort(key=lambda row: row["unit"].name)
    return out


def survey_trend(actor, *, unit, quarters, instrument: str) -> list[dict]:
    """One questionnaire's mean score per quarter for the unit, shown only for groups of at least MIN_GROUP
    answers that carry a score (anonymity.group_summary, the one rule for the page, the PDF and the xlsx):
    below it the count, never the score."""
    rows = SurveyResponse.objects.filter(
        municipality=actor.municipality, unit=unit, instrument=instrument, year__gte=quarters[0].year
    ).values_list("year", "quarter", "score")
    by_q = {}
    for year, q, s in rows:
        by_q.setdefault((year, q), []).append(s)
    return [
        {
            "quarter": q,
            **anonymity.group_summary(by_q.get((q.year, q.number), []), min_group=conf.value("MIN_GROUP")),
        }
        for q in quarters
    ]


def inspire_trend(actor, *, unit, quarters) -> list[dict]:
    """Brief INSPIRE per quarter for the unit (see survey_trend)."""
    return survey_trend(actor, unit=unit, quarters=quarters, instrument=Instrument.BRIEF_INSPIRE)


def who5_trend(actor, *, unit, quarters) -> list[dict]:
    """WHO-5 per quarter for the unit (see survey_trend), with the change from the quarter before when
    both quarters are shown."""
    rows = survey_trend(actor, unit=unit, quarters=quarters, instrument=Instrument.WHO5)
    for previous, row in zip([{}] + rows, rows):
        row["change"] = who5.change(previous, row)
    return rows


def who5_reading() -> dict:
    """The reading aids for WHO-5 (Topp et al. 2015), shown as text beside the means, never applied to
    anyone: poor wellbeing at or below, likely depression at or below, a meaningful change."""
    return {
        "poor": conf.value("WHO5_POOR_WELLBEING"),
        "depression": conf.value("WHO5_LIKELY_DEPRESSION"),
        "change": conf.value("WHO5_CHANGE"),
    }


def overview(actor, *, today) -> dict:
    """The leader's front page: which units lack a completed form this quarter, actions past their date."""
    current = Quarter.of(today)
    unit_list = list(units(actor))
    this_quarter = {
        a.unit_id: a
        for a in FidelityAssessment.objects.filter(
            municipality=actor.municipality, year=current.year, quarter=current.number
        )
    }
    rows = [{"unit": u, "assessment": this_quarter.get(u.id)} for u in unit_list]
    overdue = list(
        AgreedAction.objects.filter(
            municipality=actor.municipality, status=ActionStatus.OPEN, due_on__lt=today
        )
        .select_related("assessment__unit", "statement")
        .order_by("due_on")
    )
    mine = [r for r in rows if r["unit"].leader_id == actor.user.pk] or rows
    return {
        "quarter": current,
        "rows": rows,
        "missing": [r for r in mine if not (r["assessment"] and r["assessment"].is_completed)],
        "overdue": overdue,
        "may_run": has_capability(actor.role, Capability.RUN_FIDELITY),
    }


def latest_results(actor) -> list[dict]:
    """Each active unit's latest completed quarterly assessment with its overall and theme scores: the
    leader's front page shows where fidelity stands (aggregates, no person)."""
    structure_refs = refs(form_structure(formdata.current_version()))
    out = []
    newest = {}
    for pk, unit_id in completed(actor).order_by("year", "quarter", "id").values_list("id", "unit_id"):
        newest[unit_id] = pk
    latest = {
        a.unit_id: a for a in completed(actor).filter(pk__in=newest.values()).prefetch_related("answers")
    }
    for unit in units(actor):
        a = latest.get(unit.id)
        r = score(structure_refs, {x.statement_id: x.value for x in a.answers.all()}) if a else None
        out.append(
            {
                "unit": unit.name,
                "quarter": Quarter(a.year, a.quarter) if a else None,
                "overall": r.overall.value if r else None,
                "themes": [r.themes[t].value if t in r.themes else None for t in sorted(r.themes)]
                if r
                else [],
            }
        )
    return out
