"""How the people app's own tables are merged (people/merge_registry.py), registered in PeopleConfig.ready.

- Situations: the two histories become one, in date order; a period that is open or runs past the
  next one's start ends where it begins (people/merging.py chain_periods), so there is one open period.
- Status changes and contacts: moved as they are (a log of what happened; the survivor's status stays).
- The housing needs list: one open entry per person. When both records have one, the survivor's stays
  open and the duplicate's is closed with today's date (undo reopens it).
- Own workers: moved; a worker the survivor already has stays on the duplicate record (the same link).
- A record's link to the record it merged into and the merges themselves never move.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.selectors import register_merged_ids

from . import merge, merging
from .merge_registry import Resolution, register


def situations(survivor_rows, duplicate_rows, *, today):
    periods = list(survivor_rows.values_list("pk", "start_date", "end_date")) + list(
        duplicate_rows.values_list("pk", "start_date", "end_date")
    )
    ends = merging.chain_periods(periods)
    notes = []
    if ends:
        notes.append(
            _("Situationerne sættes i datoorden: %(n)s periode(r) afsluttes, hvor den næste begynder.")
            % {"n": len(ends)}
        )
    return Resolution(changes=[(pk, {"end_date": end}) for pk, end in ends.items()], notes=notes)


def needs_list(survivor_rows, duplicate_rows, *, today):
    if not survivor_rows.filter(removed_on__isnull=True).exists():
        return Resolution()
    open_rows = list(duplicate_rows.filter(removed_on__isnull=True).values_list("pk", "registered_on"))
    if not open_rows:
        return Resolution()
    return Resolution(
        changes=[(pk, {"removed_on": max(today, registered)}) for pk, registered in open_rows],
        notes=[
            _(
                "Begge står på boligbehovslisten: den tilbageværende registrerings plads gælder, dublettens "
                "lukkes i dag."
            )
        ],
    )


def register_rules() -> None:
    register("people.SituationPeriod", title=gettext_lazy("situationer"), rule=situations, order=10)
    register("people.StatusChange", title=gettext_lazy("statusændringer"), order=11)
    register("people.Contact", title=gettext_lazy("kontakter"), order=12)
    register(
        "people.NeedsListEntry", title=gettext_lazy("pladser på boligbehovslisten"), rule=needs_list, order=13
    )
    register("people.Person_workers", title=gettext_lazy("egne medarbejdere"), order=14)
    register("people.Person", field="merged_into", keep=True)
    register("people.PersonMerge", field="survivor", keep=True)
    register("people.PersonMerge", field="duplicate", keep=True)
    # A citizen's access log and access report include the rows about the records merged into theirs.
    register_merged_ids(merge.merged_ids)
