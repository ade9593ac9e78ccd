"""Stock analysis (seed 001, Indsats 3): the homes, how many become vacant each year and how long
the people on the housing needs list can expect to wait. Plain data in, plain data out; no Django.

Groups are rent band x room group. Rent bands come from ``RENT_BAND_LIMITS`` (upper limits, the last
band open-ended); room groups from ``ROOM_GROUPS`` (the last one means "that many or more").

Vacancies of a unit in a year = the largest of its tenancy starts, tenancy ends and (when the
allocation app exists) its vacancies that year: a move-out followed by a move-in is one vacancy, not two.
Vacancies per year = vacancies in the last ``years`` whole calendar years / ``years``.

Expected waiting time of a group (band b, rooms r), in years:
    W(b, r) = sum of applicants in bands <= b needing r rooms / sum of vacancies per year in bands <= b with r rooms
Everyone who can pay a band's rent can also take the cheaper bands, so within a room group the cheap
homes are shared by everyone queued at or above them; each home is counted once. An applicant's band
is the band holding the rent they can pay; their room group is the one holding their minimum rooms
(none given: 1). Room groups are treated as separate markets (a simplification: someone content with
1 room may in practice take a 2-room home). No vacancies -> no finite waiting time (None); nobody queued
(no applicants at or below the band) -> no waiting time either (None, shown as no queue).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass


@dataclass(frozen=True)
class UnitRow:
    unit_id: int
    rent: int
    rooms: int
    type_name: str
    area: str


@dataclass(frozen=True)
class Applicant:
    max_rent: int
    min_rooms: int | None


@dataclass(frozen=True)
class Band:
    index: int
    low: int  # inclusive, kr.
    high: int | None  # inclusive; None = open-ended

    @property
    def label(self) -> str:
        if self.high is None:
            return f"over {self.low - 1:,} kr.".replace(",", ".")
        if self.low == 0:
            return f"højst {self.high:,} kr.".replace(",", ".")
        return f"{self.low:,}-{self.high:,} kr.".replace(",", ".")


def bands(limits: list[int]) -> list[Band]:
    out, low = [], 0
    for i, high in enumerate(sorted(limits)):
        out.append(Band(i, low, high))
        low = high + 1
    out.append(Band(len(out), low, None))
    return out


def band_of(rent: int, all_bands: list[Band]) -> Band:
    return next(b for b in all_bands if b.high is None or rent <= b.high)


def room_group(rooms: int | None, groups: list[int]) -> int:
    rooms = rooms or 1
    return max([g for g in groups if g <= rooms] or [min(groups)])


def room_label(group: int, groups: list[int]) -> str:
    if group == max(groups):
        return f"{group}+ vær."
    return f"{group} vær."


def vacancies_per_unit_year(
    *, starts: list[tuple[int, int]], ends: list[tuple[int, int]], vacancies: list[tuple[int, int]] = ()
) -> Counter:
    """(unit_id, year) -> vacancies, the largest of starts, ends and vacancies in that year."""
    counts = [Counter(starts), Counter(ends), Counter(vacancies)]
    keys = set().union(*counts)
    return Counter({k: max(c[k] for c in counts) for k in keys})


def analyse(
    *,
    units: list[UnitRow],
    unit_year_vacancies: Counter,
    applicants: list[Applicant],
    years: list[int],
    limits: list[int],
    room_groups: list[int],
    threshold: int,
) -> dict:
    all_bands = bands(limits)
    by_unit = {u.unit_id: u for u in units}
    n_years = max(len(years), 1)
    stock = Counter()
    vacant = Counter()
    min_rent = {}
    for u in units:
        key = (band_of(u.rent, all_bands).index, room_group(u.rooms, room_groups))
        stock[key] += 1
        min_rent[key] = min(min_rent.get(key, u.rent), u.rent)
    per_year_total = Counter()
    by_type_area = defaultdict(Counter)
    for (unit_id, year), n in unit_year_vacancies.items():
        u = by_unit.get(unit_id)
        if u is None or year not in years:
            continue
        vacant[(band_of(u.rent, all_bands).index, room_group(u.rooms, room_groups))] += n
        per_year_total[year] += n
        by_type_area[(u.type_name, u.area or "Uoplyst område")][year] += n
    demand = Counter()
    for a in applicants:
        demand[(band_of(a.max_rent, all_bands).index, room_group(a.min_rooms, room_groups))] += 1
    groups = []
    for r in room_groups:
        cum_demand = cum_supply = 0.0
        for b in all_bands:
            key = (b.index, r)
            supply = vacant[key] / n_years
            cum_demand += demand[key]
            cum_supply += supply
            lowest = min_rent.get(key)
            can_afford = sum(
                1
                for a in applicants
                if lowest is not None and a.max_rent >= lowest and room_group(a.min_rooms, room_groups) == r
            )
            wait = cum_demand / cum_supply if cum_supply and cum_demand else None
            groups.append(
                {
                    "band": b.label,
                    "rooms": room_label(r, room_groups),
                    "units": stock[key],
                    "vacancies_per_year": round(supply, 1),
                    "applicants": demand[key],
                    "can_afford": can_afford,
                    "waiting_years": None if wait is None else round(wait, 1),
                    "waiting_months": None if wait is None else round(wait * 12),
                    "queue": int(cum_demand),
                }
            )
    at_threshold = [u for u in units if u.rent <= threshold]
    ids_at = {u.unit_id for u in at_threshold}
    vac_at = sum(n for (uid, y), n in unit_year_vacancies.items() if uid in ids_at and y in years)
    return {
        "groups": groups,
        "years": years,
        "per_year": [(y, per_year_total[y]) for y in years],
        "by_type_area": sorted(
            (
                {
                    "type": t,
                    "area": a,
                    "counts": [c[y] for y in years],
                    "per_year": round(sum(c[y] for y in years) / n_years, 1),
                }
                for (t, a), c in by_type_area.items()
            ),
            key=lambda row: (row["type"], row["area"]),
        ),
        "threshold": threshold,
        "units_total": len(units),
        "units_at_threshold": len(at_threshold),
        "vacancies_at_threshold_per_year": round(vac_at / n_years, 1),
        "applicants_total": len(applicants),
        # People on the list who can pay no more than the threshold: homes at or below it are all they can take.
        "applicants_at_threshold": sum(1 for a in applicants if a.max_rent <= threshold),
        "applicants_can_afford_threshold_home": sum(
            1 for a in applicants if at_threshold and a.max_rent >= min(u.rent for u in at_threshold)
        ),
    }
