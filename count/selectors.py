"""Reads of the count app, scoped to the actor's municipality. Completeness and the result are aggregates
(no person in them); the list of forms and a form name people and log each one shown; the export logs
each person in it."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404
from django.utils.translation import gettext as _

from accounts.access import require
from accounts.roles import Capability, has_capability, may_fill_count_form
from audit.models import Action
from audit.services import log_access, log_many_reads
from core.pagination import page_of
from people import cpr as cpr_rules
from people.models import Person
from people.selectors import person_get

from . import conf
from . import questionnaire as q
from .models import CountForm, CountWeek, WeekStatus
from .services import PURPOSE, may_fill


def weeks(actor):
    """The municipality's count weeks, newest first, with their number of forms and complete forms."""
    require(actor, Capability.VIEW_FIGURES)
    return CountWeek.objects.filter(municipality=actor.municipality).annotate(
        total=Count("forms"), completed=Count("forms", filter=Q(forms__complete=True))
    )


def week_get(actor, week_id: int) -> CountWeek:
    require(actor, Capability.VIEW_FIGURES)
    week = CountWeek.objects.filter(municipality=actor.municipality, pk=week_id).first()
    if week is None:
        raise Http404(_("Tælleugen findes ikke."))
    return week


def _forms(actor, week: CountWeek):
    return CountForm.objects.filter(municipality=actor.municipality, count_week=week)


def completeness(actor, week: CountWeek) -> q.Completeness:
    """Forms complete out of all, and per question how many forms still lack an answer (aggregates)."""
    require(actor, Capability.VIEW_FIGURES)
    return q.completeness(
        q.questionnaire(week.form_version), _forms(actor, week).values_list("answers", flat=True).iterator()
    )


def may_see_names(actor) -> bool:
    """Names on the count's pages: for the roles that work on the count (never analysts)."""
    return has_capability(actor.role, Capability.VIEW_PEOPLE) and has_capability(
        actor.role, Capability.FILL_COUNT
    )


def forms_page(actor, week: CountWeek, *, page, missing_only: bool = False):
    """One page of the week's forms with their citizens (incomplete first, then by name), and the number
    of forms hidden because the citizen is protected (only their own workers see them in lists). Each
    citizen on the page is logged."""
    require(actor, Capability.VIEW_PEOPLE)
    require(actor, Capability.FILL_COUNT)
    own = Person.workers.through.objects.filter(person_id=OuterRef("person_id"), user_id=actor.user.pk)
    forms = _forms(actor, week).annotate(own=Exists(own))
    visible = forms.filter(Q(person__protected=False) | Q(own=True))
    hidden = forms.count() - visible.count()
    if missing_only:
        visible = visible.filter(complete=False)
    shown = page_of(
        visible.select_related("person").order_by(
            "complete", "person__last_name", "person__first_name", "id"
        ),
        page,
        size=conf.value("LIST_PAGE_SIZE"),
    )
    ids = [f.person_id for f in shown.object_list]
    with_workers = set(
        Person.workers.through.objects.filter(person_id__in=ids)
        .values_list("person_id", flat=True)
        .distinct()
    )
    questions = q.questionnaire(week.form_version)
    for f in shown.object_list:
        f.may_fill = may_fill_count_form(
            role=actor.role,
            is_own_worker=f.own,
            has_own_workers=f.person_id in with_workers,
            protected=f.person.protected,
        )
        f.missing_count = len(q.missing(questions, f.answers))
    if ids:
        log_many_reads(
            actor=actor.user,
            municipality=actor.municipality,
            person_ids=ids,
            purpose=PURPOSE,
            role=actor.role,
            path=actor.path,
        )
    return shown, hidden


def form_get(actor, form_id: int) -> CountForm:
    """One form, if the actor may fill it (the citizen's own workers and leader, or any counting worker
    for a citizen with no own worker); the read is logged."""
    require(actor, Capability.FILL_COUNT)
    form = (
        CountForm.objects.filter(municipality=actor.municipality, pk=form_id)
        .select_related("count_week")
        .first()
    )
    if form is None:
        raise Http404(_("Skemaet findes ikke."))
    person = person_get(actor, form.person_id, purpose=PURPOSE, log=False)  # protected: 404 for others
    if not may_fill(actor, person):
        raise PermissionDenied(_("Skemaet udfyldes af borgerens egne medarbejdere eller deres leder."))
    form.person = person
    log_access(
        actor=actor.user,
        municipality=actor.municipality,
        action=Action.READ,
        purpose=PURPOSE,
        person_id=person.pk,
        detail=f"Personskema, tælleuge {form.count_week.year}; helbred og rusmidler vist",
        role=actor.role,
        path=actor.path,
    )
    return form


# --- the result --------------------------------------------------------------------------------------


def result(actor, week: CountWeek) -> dict:
    """The week's count by the nine situations, gender and age group, and the municipality's earlier
    closed counts beside the national totals (conf NATIONAL_TOTALS). Aggregates only."""
    require(actor, Capability.VIEW_FIGURES)
    questions = q.questionnaire(week.form_version)
    tally = q.tally(questions, _forms(actor, week).values_list("answers", flat=True).iterator())
    earlier = {
        w["year"]: w["total"]
        for w in CountWeek.objects.filter(
            municipality=actor.municipality, status=WeekStatus.CLOSED, year__lt=week.year
        )
        .annotate(total=Count("forms"))
        .values("year", "total")
    }
    local = earlier | {week.year: tally.total}
    national = {int(y): n for y, n in conf.value("NATIONAL_TOTALS").items()}
    years = sorted(set(local) | set(national))
    return {
        "questions": questions,
        "tally": tally,
        "history": [{"year": y, "local": local.get(y), "national": national.get(y)} for y in years],
        "national_source": conf.value("NATIONAL_SOURCE"),
    }


# --- the export --------------------------------------------------------------------------------------


def export_rows(actor, week: CountWeek):
    """(headers, rows) of the week's forms in the count's layout: one row per form, the questions in the
    form's order as headers, answers as the count writes them. The CPR number where the platform knows it
    (in full only for a role that may see it, else its birth date part), else the initials. Each person in
    the file and the export itself are logged before a row is read."""
    require(actor, Capability.RUN_COUNT)
    require(actor, Capability.EXPORT_PEOPLE)
    questions = q.questionnaire(week.form_version)
    forms = _forms(actor, week).select_related("person").order_by("id")
    ids = list(forms.values_list("person_id", flat=True))
    full_cpr = has_capability(actor.role, Capability.VIEW_FULL_CPR)
    log_many_reads(
        actor=actor.user,
        municipality=actor.municipality,
        person_ids=ids,
        purpose=PURPOSE,
        role=actor.role,
        path=actor.path,
        action=Action.EXPORT,
    )
    log_access(
        actor=actor.user,
        municipality=actor.municipality,
        action=Action.EXPORT,
        purpose=PURPOSE,
        detail=f"Personskemaer, tælleuge {week.year}: {len(ids)} borgere (xlsx; CPR {'fuldt' if full_cpr else 'maskeret'})",
        role=actor.role,
        path=actor.path,
    )

    def identification(form) -> str:
        person = form.person
        if person.cpr_encrypted:
            return cpr_rules.Cpr(person.cpr).formatted if full_cpr else person.cpr_masked
        return form.answers.get("identification", "")

    def rows():
        for form in forms.iterator(chunk_size=500):
            yield [
                identification(form) if f.code == "identification" else _cell(f, form.answers.get(f.code))
                for f in questions.fields
            ]

    return [f.question for f in questions.fields], rows()


def _cell(field: q.Field, value):
    if field.kind == "integer" and value is not None:
        return value
    return field.label(value)
