"""How housing's tables are merged when a leader merges two records of one citizen (people/merge.py).

One current lease per citizen: when both records have one, the merge is refused until the wrong one is
ended. Ended leases and the plans while waiting for a home move as they are (the latest plan applies).
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from people.merge_registry import Resolution, register


def tenancies(survivor_rows, duplicate_rows, *, today):
    if (
        survivor_rows.filter(ends_on__isnull=True).exists()
        and duplicate_rows.filter(ends_on__isnull=True).exists()
    ):
        return Resolution(
            refuse=_(
                "Begge borgere har et aktuelt lejemål. Afslut det lejemål, der ikke er borgerens, før "
                "registreringerne lægges sammen."
            )
        )
    return Resolution()


def register_rules() -> None:
    register("housing.Tenancy", title=gettext_lazy("lejemål"), rule=tenancies, order=40)
    register("housing.WaitingPlan", title=gettext_lazy("planer for ventetiden"), order=41)
