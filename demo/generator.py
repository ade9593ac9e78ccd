"""Generated people with dated histories, as plain data, for the demo and for national-scale tests.

No Django import: the loaders (demo/loader.py, demo/national.py) turn these into rows. The histories
are built through ``_History``, which applies the same rules as people/services.py (situation
record, contact record, status change, the nightly inactivity job), so every status sequence passes
``check_transition`` and the denormalised summary equals what the services would have left.

Shapes come from the seeds and the national count (DOMAIN.md): many sofa surfers and § 110 shelter
stays, fewer rough sleepers; young people mostly sofa surfing (seed 001: about 30 young people in
Frederikssund's dark number); 80-90 % stay housed after Housing First, 10-20 % return (seeds 002,
004); needs-list rents around 3,000-5,500 kr./month (seed 001: too few homes at <= 3,500 kr.).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from faker import Faker

from people.durations import Period, current_spell_start
from people.situations import Situation, category
from people.statuses import Status, check_transition, is_active, reentry_status

S = Situation
INACTIVE_REASON = "Ingen kontakt eller opdatering i {days} dage"

# Starting situations, weights per age group. Young people are mostly sofa surfers (seed 001).
FIRST_SITUATION = {
    "young": [
        (S.SOFA_SURFER, 55),
        (S.SHELTER, 12),
        (S.STREET, 4),
        (S.NIGHT_SHELTER, 3),
        (S.HOTEL, 2),
        (S.TRANSITIONAL, 2),
        (S.LEAVING_CARE, 12),
        (S.OTHER_RISK, 5),
        (S.EVICTION_CASE, 3),
        (S.OTHER_EMERGENCY, 2),
    ],
    "adult": [
        (S.SHELTER, 33),
        (S.SOFA_SURFER, 24),
        (S.STREET, 9),
        (S.NIGHT_SHELTER, 5),
        (S.HOTEL, 2),
        (S.TRANSITIONAL, 4),
        (S.PRISON_RELEASE, 4),
        (S.HOSPITAL_DISCHARGE, 3),
        (S.OTHER_EMERGENCY, 3),
        (S.EVICTION_CASE, 10),
        (S.OTHER_RISK, 3),
    ],
}
# Where a homeless or at-risk person goes next when it is not a home of their own.
NEXT_SITUATION = {
    "young": [
        (S.SOFA_SURFER, 60),
        (S.SHELTER, 18),
        (S.STREET, 5),
        (S.NIGHT_SHELTER, 5),
        (S.TRANSITIONAL, 6),
        (S.HOTEL, 3),
        (S.OTHER_EMERGENCY, 3),
    ],
    "adult": [
        (S.SHELTER, 40),
        (S.SOFA_SURFER, 25),
        (S.STREET, 10),
        (S.NIGHT_SHELTER, 6),
        (S.TRANSITIONAL, 7),
        (S.HOTEL, 2),
        (S.PRISON_RELEASE, 3),
        (S.HOSPITAL_DISCHARGE, 4),
        (S.OTHER_EMERGENCY, 3),
    ],
}
# Mean stay in a situation before the next recorded change, in days.
MEAN_STAY = {
    S.STREET: 60,
    S.NIGHT_SHELTER: 30,
    S.SHELTER: 110,
    S.HOTEL: 14,
    S.SOFA_SURFER: 90,
    S.TRANSITIONAL: 160,
    S.PRISON_RELEASE: 25,
    S.HOSPITAL_DISCHARGE: 20,
    S.OTHER_EMERGENCY: 80,
    S.EVICTION_CASE: 75,
    S.LEAVING_CARE: 90,
    S.OTHER_RISK: 90,
}
# Chance that a stay ends in silence (no contact, so the person becomes inactive). A § 110 shelter
# notifies the municipality of every stay, so shelter residents do not drop out of sight.
SILENCE = {
    S.SOFA_SURFER: 0.22,
    S.STREET: 0.2,
    S.NIGHT_SHELTER: 0.15,
    S.HOTEL: 0.1,
    S.OTHER_EMERGENCY: 0.15,
    S.OTHER_RISK: 0.15,
    S.EVICTION_CASE: 0.08,
    S.LEAVING_CARE: 0.12,
}
CONTACT_KINDS = {
    S.STREET: [("outreach", 6), ("phone", 1), ("meeting", 1)],
    S.NIGHT_SHELTER: [("outreach", 3), ("meeting", 2), ("phone", 1)],
    S.SHELTER: [("shelter", 6), ("meeting", 2), ("phone", 1)],
    S.HOSPITAL_DISCHARGE: [("hospital", 4), ("phone", 1)],
    S.PRISON_RELEASE: [("prison", 4), ("phone", 1)],
    S.OWN_HOME: [("home_visit", 6), ("phone", 2), ("text", 1), ("note_at_door", 1)],
}
DEFAULT_KINDS = [("meeting", 4), ("phone", 4), ("text", 2), ("outreach", 1)]
PLACES = {
    S.SHELTER: ["Forsorgshjemmet", "Herberget", "Kirkens Korshærs Herberg", "Boformen (§ 110)"],
    S.NIGHT_SHELTER: ["Natvarmestuen", "Værestedet"],
    S.HOSPITAL_DISCHARGE: ["Psykiatrisk Center", "Hospitalet", "Behandlingshjemmet"],
    S.PRISON_RELEASE: ["Arresthuset", "Statsfængslet"],
    S.TRANSITIONAL: ["Udslusningsboligen"],
    S.HOTEL: ["Vandrerhjemmet", "Hotellet"],
}
CONTACT_NOTES = [
    "Talt om bolig",
    "Aftalt nyt møde",
    "Hjulpet med ansøgning",
    "Fulgt til lægen",
    "Talt om økonomi",
    "Ikke truffet",
    "Kort snak",
    "Talt om boligbehov og husleje",
    "",
]
NEEDS_NOTES = [
    "",
    "",
    "Har hund",
    "Ønsker stueetage",
    "Har brug for ro omkring sig",
    "Samvær med børn",
    "Skal tæt på behandlingstilbud",
    "Ønsker ikke bofællesskab",
]


@dataclass(slots=True)
class SituationRow:
    situation: str
    start: date
    end: date | None
    place: str = ""


@dataclass(slots=True)
class StatusRow:
    status: str
    changed_on: date
    previous_status: str
    days_on_list: int | None
    reason: str


@dataclass(slots=True)
class ContactRow:
    contacted_on: date
    kind: str
    reached: bool
    note: str = ""


@dataclass(slots=True)
class NeedsRow:
    registered_on: date
    removed_on: date | None
    max_rent: int
    areas: str = ""
    min_rooms: int | None = None
    sharing: str = "either"
    ordinary_building: bool = True
    special_needs: str = ""


@dataclass
class PersonData:
    first_name: str
    last_name: str
    initials: str
    gender: str
    birth_date: date
    cpr: str = ""  # ten digits, or empty: not every citizen's CPR is known
    protected: bool = False
    situations: list[SituationRow] = field(default_factory=list)
    status_changes: list[StatusRow] = field(default_factory=list)
    contacts: list[ContactRow] = field(default_factory=list)
    needs: list[NeedsRow] = field(default_factory=list)
    # The denormalised summary (people.models.Person), filled by summarise().
    identified_on: date | None = None
    current_status: str = ""
    status_since: date | None = None
    current_situation: str = ""
    situation_since: date | None = None
    homeless_since: date | None = None
    last_activity_on: date | None = None
    on_needs_list: bool = False
    last_contact_on: date | None = None
    last_reached_on: date | None = None

    @property
    def event_count(self) -> int:
        return len(self.situations) + len(self.status_changes) + len(self.contacts) + len(self.needs)


def summarise(person: PersonData, *, today: date, last_activity: date | None) -> None:
    """Fill the summary from the history, as people/services.py keeps it."""
    periods = [Period(p.situation, p.start, p.end) for p in person.situations]
    current = next((p for p in reversed(person.situations) if p.end is None), None)
    last = person.status_changes[-1] if person.status_changes else None
    person.identified_on = person.situations[0].start if person.situations else None
    person.current_status = last.status if last else ""
    person.status_since = last.changed_on if last else None
    person.current_situation = current.situation if current else ""
    person.situation_since = current.start if current else None
    person.homeless_since = current_spell_start(periods, today)
    person.last_activity_on = last_activity
    person.on_needs_list = any(n.removed_on is None for n in person.needs)
    person.last_contact_on = max((c.contacted_on for c in person.contacts), default=None)
    person.last_reached_on = max((c.contacted_on for c in person.contacts if c.reached), default=None)


class _History:
    """One person's history, recorded with the rules of people/services.py."""

    def __init__(self, person: PersonData, *, inactive_after: int, today: date):
        self.p = person
        self.today = today
        self.after = inactive_after
        self.status: str | None = None
        self.since: date | None = None
        self.last_activity: date | None = None

    def catch_up(self, day: date) -> None:
        # The nightly job (services.mark_inactive) marks an active person inactive N days after the
        # last recorded activity (issue 2).
        if is_active(self.status) and self.last_activity and (day - self.last_activity).days >= self.after:
            self._status(
                self.last_activity + timedelta(days=self.after),
                Status.INACTIVE,
                INACTIVE_REASON.format(days=self.after),
            )

    def _status(self, day: date, status: Status, reason: str) -> None:
        check_transition(self.status, status)
        leaving = is_active(self.status) and not is_active(status)
        days = (day - self.since).days if leaving and self.since else None
        self.p.status_changes.append(StatusRow(status.value, day, self.status or "", days, reason))
        self.status, self.since = status.value, day

    def _touch(self, day: date) -> None:
        self.last_activity = max(self.last_activity or day, day)

    def situation(self, day: date, situation: Situation, place: str = "") -> None:
        self.catch_up(day)
        rows = self.p.situations
        if rows and rows[-1].end is None:
            rows[-1].end = day
        rows.append(SituationRow(situation.value, day, None, place))
        kind = category(situation)
        if kind == "housed" and is_active(self.status):
            self._status(day, Status.HOUSED, "Flyttet i egen bolig")
        elif kind != "housed" and not is_active(self.status) and self.status != Status.DIED:
            reason = "Registreret på listen" if self.status is None else "Ny situation registreret"
            self._status(day, reentry_status(self.status), reason)
        self._touch(day)

    def contact(self, day: date, kind: str, reached: bool, note: str = "") -> None:
        self.catch_up(day)
        self.p.contacts.append(ContactRow(day, kind, reached, note))
        if self.status == Status.INACTIVE and reached:
            self._status(day, Status.RETURNED_FROM_INACTIVE, "Kontakt genoptaget")
        self._touch(day)

    def leave(self, day: date, status: Status, reason: str) -> None:
        """Moved away, died or no longer homeless: where the person stays is no longer followed, so
        the open situation ends that day (a closed shelter stay must not count at month ends)."""
        self.catch_up(day)
        self._status(day, status, reason)
        rows = self.p.situations
        if rows and rows[-1].end is None:
            rows[-1].end = day


def _pick(rng: random.Random, weighted) -> object:
    total = sum(w for _, w in weighted)
    x = rng.random() * total
    for value, w in weighted:
        x -= w
        if x < 0:
            return value
    return weighted[-1][0]


def _stay(rng: random.Random, situation: Situation) -> int:
    return max(3, int(rng.gammavariate(2.0, MEAN_STAY[situation] / 2.0)))


def _cpr(rng: random.Random, born: date, gender: str, used: set[str]) -> str:
    """A CPR number with the right date, century digit and gender parity (not a real person's)."""
    for _ in range(50):
        seventh = rng.randint(0, 3) if born.year < 2000 else 4
        serial = f"{seventh}{rng.randint(0, 99):02d}"
        last = rng.randrange(1, 10, 2) if gender == "male" else rng.randrange(0, 10, 2)
        digits = f"{born:%d%m%y}{serial}{last}"
        if digits not in used:
            used.add(digits)
            return digits
    return ""


@dataclass
class Params:
    """Knobs for the simulation; the defaults give a Frederikssund-like demo (seed 001)."""

    inactive_after_days: int = 90
    contact_interval_days: float = 24.0  # mean days between contacts while on the active list
    p_housed: float = 0.30  # chance a stay ends with a home of one's own
    p_return_from_housing: float = (
        0.2  # seeds 002/004: 10-20 % need another offer (some returns fall after today)
    )
    p_back_after_silence: float = 0.45
    p_needs_list: float = 0.85
    p_protected: float = 0.03
    p_cpr: float = 0.8
    details: bool = True  # places and notes; off at national scale to keep rows small
    areas: tuple[str, ...] = ()


def generate_people(
    rng: random.Random,
    *,
    count: int,
    start: date,
    end: date,
    params: Params | None = None,
) -> Iterator[PersonData]:
    """``count`` people identified between ``start`` and ``end`` (today), with their histories up to
    ``end``. Deterministic for the state of ``rng``."""
    params = params or Params()
    fake = Faker("da_DK")
    fake.seed_instance(rng.getrandbits(64))
    used_cpr: set[str] = set()
    span = (end - start).days
    for _ in range(count):
        yield _person(rng, fake, start + timedelta(days=rng.randrange(span)), end, params, used_cpr)


def _person(
    rng: random.Random, fake: Faker, identified: date, today: date, params: Params, used_cpr: set[str]
) -> PersonData:
    # About 4 in 5 in the national count are men; about a third are under 30 (seed 001's dark number).
    gender = "male" if rng.random() < 0.76 else "female"
    young = rng.random() < 0.33
    age = rng.randint(18, 29) if young else max(30, min(80, int(rng.gauss(46, 10))))
    born = identified - timedelta(days=age * 365 + rng.randrange(365))
    first = fake.first_name_male() if gender == "male" else fake.first_name_female()
    last = fake.last_name()
    person = PersonData(
        first_name=first,
        last_name=last,
        initials=(first[:1] + last[:1]).upper(),
        gender=gender,
        birth_date=born,
        protected=rng.random() < params.p_protected,
    )
    if rng.random() < params.p_cpr:
        person.cpr = _cpr(rng, born, gender, used_cpr)
    group = "young" if young else "adult"
    h = _History(person, inactive_after=params.inactive_after_days, today=today)
    situation: Situation = _pick(rng, FIRST_SITUATION[group])
    day = identified
    h.situation(day, situation, _place(rng, situation, params))
    while day <= today:
        if situation == S.OWN_HOME:
            day = _housed(rng, h, day, today, params)
            if day is None:
                break
            situation = _pick(rng, NEXT_SITUATION[group])
            h.situation(day, situation, _place(rng, situation, params))
            continue
        stay_end = day + timedelta(days=_stay(rng, situation))
        silent = rng.random() < SILENCE.get(situation, 0.0)
        last_contact = _contacts(rng, h, day, stay_end, situation, params, stop_early=silent)
        if silent:
            # Out of sight: inactive after N days; some turn up again much later.
            if rng.random() >= params.p_back_after_silence:
                break
            day = (last_contact or day) + timedelta(days=rng.randint(params.inactive_after_days + 10, 700))
            if day > today:
                break
            if rng.random() < 0.5:
                h.contact(
                    day, _pick(rng, CONTACT_KINDS.get(situation, DEFAULT_KINDS)), True, _note(rng, params)
                )
                continue
            situation = _pick(rng, NEXT_SITUATION[group])
            h.situation(day, situation, _place(rng, situation, params))
            continue
        day = stay_end
        if day > today:
            break
        elderly = today.year - born.year >= 55
        x = rng.random()
        p_died = 0.03 if (situation == S.STREET or elderly) else 0.012
        p_house = params.p_housed * (1.5 if situation in (S.EVICTION_CASE, S.OTHER_RISK) else 1.0)
        if x < p_house:
            h.catch_up(day)
            if h.status == Status.INACTIVE:
                # Found again at the move-in: the meeting brings them back, so the move counts as housed.
                h.contact(day, "meeting", True, _note(rng, params))
            situation = S.OWN_HOME
            h.situation(day, situation, "")
        elif x < p_house + 0.035:
            h.leave(day, Status.MOVED_AWAY, "Flyttet til anden kommune; indsatsen overdraget")
            break
        elif x < p_house + 0.035 + p_died:
            h.leave(day, Status.DIED, "Død")
            break
        elif x < p_house + 0.035 + p_died + 0.045:
            h.leave(day, Status.NO_LONGER_HOMELESS, "Bor nu fast hos familie")
            break
        else:
            nxt = _pick(rng, NEXT_SITUATION[group])
            if nxt == situation:
                h.contact(
                    day, _pick(rng, CONTACT_KINDS.get(situation, DEFAULT_KINDS)), True, _note(rng, params)
                )
            else:
                situation = nxt
                h.situation(day, situation, _place(rng, situation, params))
    h.catch_up(today)
    _needs(rng, person, today, params)
    summarise(person, today=today, last_activity=h.last_activity)
    return person


def _contacts(
    rng, h: _History, start: date, stop: date, situation: Situation, params: Params, *, stop_early: bool
) -> date | None:
    """Contacts during a stay; a silent stay has its contacts stop somewhere in its first part."""
    interval = params.contact_interval_days * rng.uniform(0.6, 1.4)
    cut = start + timedelta(days=int((stop - start).days * rng.random() * 0.5)) if stop_early else stop
    last = None
    day = start + timedelta(days=max(1, int(rng.expovariate(1 / interval))))
    kinds = CONTACT_KINDS.get(situation, DEFAULT_KINDS)
    p_reached = 0.65 if situation == S.STREET else 0.85
    while day < cut and day <= h.today:
        h.contact(day, _pick(rng, kinds), rng.random() < p_reached, _note(rng, params))
        last = day
        day += timedelta(days=max(1, int(rng.expovariate(1 / interval))))
    return last


def _housed(rng, h: _History, day: date, today: date, params: Params) -> date | None:
    """Support follows the citizen into the home (principle 5, seed 004); CTI runs 9 months. Returns
    the day homelessness begins again, or None if the person stays housed."""
    support_end = day + timedelta(days=rng.randint(120, 365))
    interval = params.contact_interval_days * 1.5
    d = day + timedelta(days=max(1, int(rng.expovariate(1 / interval))))
    while d < support_end and d <= today:
        h.contact(d, _pick(rng, CONTACT_KINDS[S.OWN_HOME]), rng.random() < 0.85, _note(rng, params))
        d += timedelta(days=max(1, int(rng.expovariate(1 / interval))))
    if rng.random() >= params.p_return_from_housing:
        return None
    back = day + timedelta(days=rng.randint(60, 900))
    return back if back <= today else None


def _place(rng, situation: Situation, params: Params) -> str:
    if not params.details or situation not in PLACES:
        return ""
    return rng.choice(PLACES[situation])


def _note(rng, params: Params) -> str:
    return rng.choice(CONTACT_NOTES) if params.details else ""


def _spells(person: PersonData, today: date) -> list[tuple[date, date | None, str]]:
    """Active-list spells: (entered, left or None, the status that ended it)."""
    spells, entered = [], None
    for change in person.status_changes:
        if is_active(change.status) and entered is None:
            entered = change.changed_on
        elif not is_active(change.status) and entered is not None:
            spells.append((entered, change.changed_on, change.status))
            entered = None
    if entered is not None:
        spells.append((entered, None, ""))
    return spells


def _needs(rng, person: PersonData, today: date, params: Params) -> None:
    """The housing needs list (seed 001, Indsats 4): most people on the active list are registered
    within weeks; the entry ends when they are housed, leave or die, and the housing broker removes
    some inactive people after a while."""
    rent = int(min(6500, max(2800, rng.triangular(3000, 5500, 4000))) // 100 * 100)
    open_entry: NeedsRow | None = None
    spells = _spells(person, today)
    for i, (entered, left, how) in enumerate(spells):
        if open_entry is None:
            if rng.random() >= params.p_needs_list:
                continue
            reg = entered + timedelta(days=rng.randint(0, 45))
            if reg > today or (left is not None and reg >= left):
                continue
            open_entry = NeedsRow(
                registered_on=reg,
                removed_on=None,
                max_rent=rent,
                areas=rng.choice(params.areas) if params.areas and params.details else "",
                min_rooms=rng.choice([1, 1, 1, 2, 2, None]),
                sharing=_pick(rng, [("alone", 6), ("either", 3), ("shared", 1)]),
                ordinary_building=rng.random() < 0.9,
                special_needs=rng.choice(NEEDS_NOTES) if params.details else "",
            )
            person.needs.append(open_entry)
        if left is None:
            continue
        if how == Status.INACTIVE:
            removal = left + timedelta(days=rng.randint(30, 300))
            back = spells[i + 1][0] if i + 1 < len(spells) else None
            if rng.random() < 0.7 and removal <= today and (back is None or removal < back):
                open_entry.removed_on = removal
                open_entry = None
        else:
            open_entry.removed_on = left
            open_entry = None
