"""Writes of the count app: keyword-only, one transaction each, taking the Actor, logged.

Opening a count week makes one person form for everyone the count includes (count/questionnaire.py:
active on the by-name list during the week and staying in one of the count's nine situations), filled
with what the platform knows; workers complete the rest (VIVE's person form, count/forms_2024.py).
"""

from collections import defaultdict
from datetime import date

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.access import Actor, actor_log, require
from accounts.roles import Capability, may_fill_count_form
from audit.models import Action
from audit.services import log_many_reads
from core.errors import DomainError
from people.durations import Period
from people.models import NeedsListEntry, Person, SituationPeriod, StatusChange
from people.situations import HOMELESS
from plans.models import ActionPlan

from . import questionnaire as q
from .models import CountForm, CountWeek, WeekStatus

PURPOSE = "Hjemløsetællingen (VIVE, uge 6)"
FIRST_COUNT_YEAR = 2007  # VIVE's (then SFI's) first national count (DOMAIN.md)


class CountError(DomainError):
    """Bad input with a Danish message saying what and where (field code or None)."""


class AnswersInvalid(CountError):
    """Answers that do not fit the form: ``problems`` holds (field code, Danish message) for each, in the
    form's order, so the page can show every one beside its question. Nothing is saved."""

    def __init__(self, problems: list[tuple[str, str]]):
        super().__init__(problems[0][0], problems[0][1])
        self.problems = problems


def problem_message(problem: q.Problem, field: q.Field | None) -> str:
    question = field.question if field else problem.field
    if problem.kind == "unknown_field":
        return _("Skemaet har ikke spørgsmålet '%(code)s'.") % {"code": problem.field}
    if problem.kind == "not_an_option":
        return _("Vælg et af svarene på spørgsmålet '%(question)s'.") % {"question": question}
    if problem.kind == "not_a_number":
        return _("Skriv et helt tal ved '%(question)s'.") % {"question": question}
    if problem.kind == "out_of_range":
        return _("'%(question)s' skal være mellem %(min)s og %(max)s.") % {
            "question": question,
            "min": problem.params.get("min"),
            "max": problem.params.get("max"),
        }
    if problem.kind == "too_long":
        return _("'%(question)s' må højst være %(max_length)s tegn.") % {
            "question": question,
            "max_length": problem.params.get("max_length"),
        }
    return _("Svaret på '%(question)s' kan ikke bruges.") % {"question": question}


# --- opening and closing a count week ----------------------------------------------------------------


@transaction.atomic
def week_open(*, actor: Actor, year: int, today: date | None = None) -> CountWeek:
    """Open the count week of ``year`` (week 6) and make a pre-filled form for each person it counts."""
    require(actor, Capability.RUN_COUNT)
    today = today or timezone.localdate()
    if not isinstance(year, int) or not FIRST_COUNT_YEAR <= year <= today.year:
        raise CountError(
            "year",
            _("Vælg et år mellem %(first)s og %(last)s.") % {"first": FIRST_COUNT_YEAR, "last": today.year},
        )
    start = q.week_start(year)
    if start > today:
        raise CountError(
            "year",
            _("Tælleugen %(year)s begynder mandag den %(date)s og kan åbnes, når den er begyndt.")
            % {"year": year, "date": f"{start:%d.%m.%Y}"},
        )
    municipality = actor.municipality
    if CountWeek.objects.select_for_update().filter(municipality=municipality, year=year).exists():
        raise CountError("year", _("Tælleugen %(year)s er allerede åbnet.") % {"year": year})
    week = CountWeek.objects.create(
        municipality=municipality,
        year=year,
        week_start=start,
        form_version=q.CURRENT,
        opened_by=actor.user if getattr(actor.user, "pk", None) else None,
    )
    prefilled = prefill_week(municipality=municipality, start=start)
    CountForm.objects.bulk_create(
        [
            CountForm(
                municipality=municipality,
                count_week=week,
                person_id=pid,
                answers=answers,
                prefilled=answers,
                complete=not q.missing(q.questionnaire(week.form_version), answers),
            )
            for pid, answers in prefilled.items()
        ]
    )
    actor_log(
        actor,
        Action.CREATE,
        PURPOSE,
        detail=f"Tælleuge {year} åbnet: {len(prefilled)} personskemaer udfyldt med platformens oplysninger",
    )
    # Each person's data was used to fill their form: one row per person, in one statement.
    log_many_reads(
        actor=actor.user,
        municipality=municipality,
        person_ids=list(prefilled),
        purpose=PURPOSE,
        role=actor.role,
        path=actor.path,
        action=Action.CREATE,
    )
    return week


def prefill_week(*, municipality, start: date) -> dict[int, dict]:
    """{person id: pre-filled answers} for everyone the count week beginning ``start`` counts, in a fixed
    number of queries whatever the number of people."""
    end = q.week_end(start)
    overlapping = SituationPeriod.objects.filter(
        municipality=municipality, situation__in=[s.value for s in HOMELESS], start_date__lte=end
    ).filter(Q(end_date__isnull=True) | Q(end_date__gt=start))
    candidates = set(overlapping.values_list("person_id", flat=True))
    if not candidates:
        return {}
    periods = defaultdict(list)
    for pid, situation, s, e in (
        SituationPeriod.objects.filter(
            municipality=municipality, person_id__in=candidates, start_date__lte=end
        )
        .order_by("start_date", "id")
        .values_list("person_id", "situation", "start_date", "end_date")
    ):
        periods[pid].append(Period(situation, s, e))
    changes = defaultdict(list)
    for pid, on, status in StatusChange.objects.filter(
        municipality=municipality, person_id__in=candidates, changed_on__lte=end
    ).values_list("person_id", "changed_on", "status"):
        changes[pid].append((on, status))
    waiting = set(
        NeedsListEntry.objects.filter(
            municipality=municipality, person_id__in=candidates, registered_on__lte=end
        )
        .filter(Q(removed_on__isnull=True) | Q(removed_on__gt=start))
        .values_list("person_id", flat=True)
    )
    # An action plan made by the week's end (plans: one row per version; the first version counts).
    with_plan = set(
        ActionPlan.objects.filter(
            municipality=municipality, person_id__in=candidates, created_at__date__lte=end
        ).values_list("person_id", flat=True)
    )
    out = {}
    for person in Person.objects.filter(municipality=municipality, pk__in=candidates).order_by("id"):
        if not q.active_in_week(changes[person.pk], start, end):
            continue
        facts = q.PersonFacts(
            gender=person.gender,
            age=person.age_on(start),
            initials=q.initials_of(person.first_name, person.last_name, person.initials),
            municipality=municipality.name,
            on_waiting_list=person.pk in waiting,
            has_action_plan=person.pk in with_plan,
        )
        answers = q.prefill(facts, periods[person.pk], start, end)
        if answers is not None:
            out[person.pk] = answers
    return out


@transaction.atomic
def week_set_status(*, actor: Actor, week: CountWeek, status: str) -> CountWeek:
    """Close the week (its forms can no longer be changed; its result counts among earlier counts) or
    open it again."""
    require(actor, Capability.RUN_COUNT)
    if status not in WeekStatus.values:
        raise CountError("status", _("Ukendt status for tælleugen."))
    week = CountWeek.objects.select_for_update().get(pk=week.pk, municipality=actor.municipality)
    if week.status == status:
        return week
    before = week.status
    week.status = status
    week.closed_at = timezone.now() if status == WeekStatus.CLOSED else None
    week.save(update_fields=["status", "closed_at"])
    actor_log(
        actor,
        Action.UPDATE,
        PURPOSE,
        detail=f"Tælleuge {week.year}: {week.get_status_display()}",
        changes={"status": [before, status]},
    )
    return week


# --- a worker completes a form -----------------------------------------------------------------------


def may_fill(actor: Actor, person: Person) -> bool:
    workers = set(person.workers.values_list("pk", flat=True))
    return may_fill_count_form(
        role=actor.role,
        is_own_worker=getattr(actor.user, "pk", None) in workers,
        has_own_workers=bool(workers),
        protected=person.protected,
    )


@transaction.atomic
def form_save(*, actor: Actor, form: CountForm, answers: dict) -> CountForm:
    """Save the worker's answers (every field given; an empty one is cleared). Each answer is checked
    against the week's form version; one wrong answer saves nothing. The change is logged, health and
    substance answers without their values."""
    require(actor, Capability.FILL_COUNT)
    form = (
        CountForm.objects.select_for_update()
        .select_related("count_week", "person")
        .get(pk=form.pk, municipality=actor.municipality)
    )
    if form.count_week.status != WeekStatus.OPEN:
        raise CountError(None, _("Tælleugen er afsluttet: skemaerne kan ikke længere ændres."))
    if not may_fill(actor, form.person):
        raise CountError(None, _("Skemaet udfyldes af borgerens egne medarbejdere eller deres leder."))
    questions = q.questionnaire(form.count_week.form_version)
    cleaned, problems = q.clean(questions, answers)
    if problems:
        raise AnswersInvalid(
            [(p.field, problem_message(p, questions.by_code.get(p.field))) for p in problems]
        )
    new = {code: value for code, value in form.answers.items() if code not in answers} | cleaned
    changes = {}
    for f in questions.fields:
        old_value, new_value = form.answers.get(f.code), new.get(f.code)
        if old_value != new_value:
            changes[f.code] = ["***", "***"] if f.sensitive else [f.label(old_value), f.label(new_value)]
    if not changes:
        return form
    now = timezone.now()
    was_complete = form.complete
    form.answers = new
    form.complete = not q.missing(questions, new)
    form.updated_by, form.updated_at = actor.user, now
    if form.complete and not was_complete:
        form.completed_by, form.completed_at = actor.user, now
    elif not form.complete:
        form.completed_by = form.completed_at = None
    form.save(
        update_fields=["answers", "complete", "updated_by", "updated_at", "completed_by", "completed_at"]
    )
    actor_log(
        actor,
        Action.UPDATE,
        PURPOSE,
        form.person_id,
        detail=f"Personskema, tælleuge {form.count_week.year}"
        + (": udfyldt" if form.complete and not was_complete else ""),
        changes=changes,
    )
    return form
