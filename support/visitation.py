"""The visitation block of the person page (seed 004, 4.2): the citizen's support workers, and for whoever
may assign one (services.may_assign_worker), a search among the municipality's support workers with the
matching ones as the form's choices. The person page (templatetags) and its search (views) share it."""

from support import selectors, services
from support.forms import AssignWorkerForm

QUERY_PARAM = "medarbejder"


def visitation_context(actor, person, *, query: str = "") -> dict:
    query = " ".join(str(query or "").split())[:100]
    may_assign = services.may_assign_worker(actor, person)
    choices, more = (
        selectors.workers_to_assign(actor, person=person, query=query) if may_assign else ([], False)
    )
    return {
        "support_workers": list(
            selectors.workers_for_assignment(actor).filter(user__in=person.workers.all())
        ),
        "may_assign": may_assign,
        "worker_query": query,
        "more_workers": more,
        "choices_limit": selectors.ASSIGN_CHOICES,
        "assign_form": AssignWorkerForm(workers=choices, auto_id="assign-%s") if choices else None,
    }
