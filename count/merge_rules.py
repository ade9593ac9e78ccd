"""How the count's person forms are merged when a leader merges two records of one citizen
(people/merge.py). A citizen has one form per count week: when both records have a form in the same
week, the citizen was counted twice, and which form is right is for whoever runs the count to decide,
so the merge is refused with the count's year; forms of different weeks move as they are."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from people.merge_registry import Resolution, register


def forms(survivor_rows, duplicate_rows, *, today):
    weeks = set(survivor_rows.values_list("count_week_id", flat=True))
    years = sorted(
        set(duplicate_rows.filter(count_week_id__in=weeks).values_list("count_week__year", flat=True))
    )
    if years:
        return Resolution(
            refuse=_(
                "Begge registreringer har et personskema i hjemløsetællingen %(years)s, så borgeren er talt "
                "to gange. Den, der har ansvaret for tællingen, skal rette det, før registreringerne lægges "
                "sammen."
            )
            % {"years": ", ".join(str(y) for y in years)}
        )
    return Resolution()


def register_rules() -> None:
    register("count.CountForm", title=gettext_lazy("personskemaer i hjemløsetællingen"), rule=forms, order=60)
