"""How allocation's tables are merged when a leader merges two records of one citizen (people/merge.py).

Offers: a citizen holds one accepted home at a time, and one live offer per vacancy; when the two
records would break either, the merge is refused until the broker has closed the extra offer. The
household facts for allocation are one per citizen (one-to-one): the survivor's apply and the
duplicate's stay with it (people.merge's rule for one-to-one tables). Committee items name the citizen
proposed or chosen and move with the citizen.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from people.merge_registry import Resolution, register

from .models import HOLDS_PERSON, LIVE


def offers(survivor_rows, duplicate_rows, *, today):
    if (
        survivor_rows.filter(status__in=HOLDS_PERSON).exists()
        and duplicate_rows.filter(status__in=HOLDS_PERSON).exists()
    ):
        return Resolution(
            refuse=_(
                "Begge borgere har takket ja til en bolig. Afslut det tilbud, der ikke skal gælde, før "
                "registreringerne lægges sammen."
            )
        )
    live = set(survivor_rows.filter(status__in=LIVE).values_list("vacancy_id", flat=True))
    if duplicate_rows.filter(status__in=LIVE, vacancy_id__in=live).exists():
        return Resolution(
            refuse=_(
                "Begge borgere har et igangværende tilbud på den samme ledige bolig. Afslut det ene tilbud, "
                "før registreringerne lægges sammen."
            )
        )
    return Resolution()


def register_rules() -> None:
    register("allocation.Offer", title=gettext_lazy("boligtilbud"), rule=offers, order=50)
    register("allocation.CandidateProfile", title=gettext_lazy("oplysninger til anvisning"), order=51)
    register(
        "allocation.AgendaItem",
        field="proposed_person",
        title=gettext_lazy("punkter i boligudvalget (foreslået)"),
        order=52,
    )
    register(
        "allocation.AgendaItem",
        field="chosen_person",
        title=gettext_lazy("punkter i boligudvalget (valgt)"),
        order=53,
    )
