"""How plans' tables are merged when a leader merges two records of one citizen (people/merge.py).

Assessments and action plans are numbered versions per person: the duplicate's versions are numbered
after the survivor's highest, and the survivor's current version stays the current one (the record that
stays wins). Method decisions and consents move as they are.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from people import merging
from people.merge_registry import Resolution, register


def versions(survivor_rows, duplicate_rows, *, today):
    shifts = merging.shifted_versions(
        list(survivor_rows.values_list("version", flat=True)),
        list(duplicate_rows.values_list("pk", "version")),
    )
    survivor_current = survivor_rows.filter(is_current=True).exists()
    current = (
        set(duplicate_rows.filter(is_current=True).values_list("pk", flat=True))
        if survivor_current
        else set()
    )
    changes = []
    for pk, version in shifts:
        change = {"version": version}
        if pk in current:
            change["is_current"] = False
        changes.append((pk, change))
    changes += [(pk, {"is_current": False}) for pk in current if pk not in dict(shifts)]
    notes = []
    if shifts:
        notes.append(_("Dublettens versioner nummereres efter den tilbageværende registrerings."))
    if current:
        notes.append(_("Den tilbageværende registrerings aktuelle version er fortsat den aktuelle."))
    return Resolution(changes=changes, notes=notes)


def register_rules() -> None:
    register("plans.Assessment", title=gettext_lazy("udredninger"), rule=versions, order=20)
    register("plans.MethodDecision", title=gettext_lazy("metodebeslutninger"), order=21)
    register("plans.ActionPlan", title=gettext_lazy("handleplaner"), rule=versions, order=22)
    register("plans.Consent", title=gettext_lazy("samtykker"), order=23)
