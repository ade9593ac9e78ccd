"""Demo prices (called by demo/loader.py): Frederikssund has set a few prices of its own, so the economy
page shows the municipality's own prices beside the defaults and their sources. The amounts are examples
for the demo, each inside the public ranges in economy/conf.py."""

from accounts.access import Actor
from accounts.roles import Role

from . import costs, services
from .models import Price

FREDERIKSSUND = "0250"
NOTE = "Eksempel i demoen"


def reset(municipalities) -> None:
    Price.objects.filter(municipality__in=municipalities).delete()


def seed(*, municipality, staff, rng, today, areas) -> None:
    leader = staff.get(Role.LEADER)
    if leader is None or municipality.code != FREDERIKSSUND:
        return
    actor = Actor(user=leader, municipality=municipality, role=Role.LEADER, path="/demo/")
    own = [
        # kind, year, amount, unit, source
        (
            costs.SHELTER_DAY,
            today.year,
            1650,
            costs.PER_DAY,
            f"Takst for kommunens forsorgshjem {today.year}",
        ),
        (
            costs.SHELTER_DAY,
            today.year - 1,
            1600,
            costs.PER_DAY,
            f"Takst for kommunens forsorgshjem {today.year - 1}",
        ),
        # A worker-year of ICM: 8 citizens per worker, so 80,000 kr. per citizen-year.
        (costs.ICM, today.year, 640000, costs.PER_WORKER_YEAR, f"Budget for ICM-teamet {today.year}"),
        (costs.CTI, today.year, 52000, costs.PER_CITIZEN_YEAR, f"Budget for CTI-teamet {today.year}"),
    ]
    for kind, year, amount, unit, source in own:
        services.price_save(
            actor=actor, kind=kind, year=year, amount=amount, unit=unit, source=source, note=NOTE, today=today
        )
