"""How support's tables are merged when a leader merges two records of one citizen (people/merge.py).

A citizen has one open support episode at a time in practice (and the database allows one per method):
when both records have an open episode, the merge is refused until one is ended, since only a worker
knows which course of support is the real one. Two open places on a method's waiting list are refused
likewise. Closed episodes and waits move as they are.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from people.merge_registry import Resolution, register
from plans.labels import METHOD as METHOD_LABELS

from .models import OPEN_STATUSES


def _methods(rows) -> str:
    return ", ".join(str(METHOD_LABELS.get(m, m)) for m in sorted(set(rows)))


def episodes(survivor_rows, duplicate_rows, *, today):
    own = list(survivor_rows.filter(status__in=OPEN_STATUSES).values_list("method", flat=True))
    other = list(duplicate_rows.filter(status__in=OPEN_STATUSES).values_list("method", flat=True))
    if own and other:
        return Resolution(
            refuse=_(
                "Begge borgere har et åbent støtteforløb (%(own)s og %(other)s). Afslut det forløb, der ikke "
                "skal fortsætte, før registreringerne lægges sammen."
            )
            % {"own": _methods(own), "other": _methods(other)}
        )
    return Resolution()


def waits(survivor_rows, duplicate_rows, *, today):
    own = set(survivor_rows.filter(closed_on__isnull=True).values_list("method", flat=True))
    both = own & set(duplicate_rows.filter(closed_on__isnull=True).values_list("method", flat=True))
    if both:
        return Resolution(
            refuse=_(
                "Begge borgere står på ventelisten til %(methods)s. Luk den ene plads på ventelisten, før "
                "registreringerne lægges sammen."
            )
            % {"methods": _methods(both)}
        )
    return Resolution()


def register_rules() -> None:
    register("support.SupportEpisode", title=gettext_lazy("støtteforløb"), rule=episodes, order=30)
    register("support.WaitingListEntry", title=gettext_lazy("pladser på ventelister"), rule=waits, order=31)
