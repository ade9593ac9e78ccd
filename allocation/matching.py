"""Matching people on the housing needs list to vacant homes: plain data in, ranked proposals out.

No Django here (STYLE.md): the rules are tested in microseconds and the global proposal runs on
national-scale data. Issue 4 item 3 and seed 004 ch. 2 (principle 1):
- affordability is the one HARD rule: rent + utilities minus an estimate of housing benefit must be
  within what the person can pay (``payment``; the services refuse every step into a home with it);
- wishes and fit (area, rooms, alone/shared, ordinary building vs skæv bolig, pets, accessibility) are
  soft: they move the score, they never exclude;
- time homeless and urgency order the rest.
There is deliberately no field for housing readiness, sobriety, treatment or earlier tenancies: the
only demand on the citizen is the lease (principle 1). A test asserts that no such field exists.

The housing benefit estimate (boligstøtteloven) is housing/benefit.py: the one rule, which this module
applies to every (candidate, home) pair.
"""

from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linear_sum_assignment

from core.messages import Msg, Seq
from housing.benefit import BOLIGYDELSE, PENSION_NONE, Payment, benefit_parts, income_of, size_of
from housing.benefit import payment as benefit_payment

SHARING_ALONE, SHARING_SHARED, SHARING_EITHER = "alone", "shared", "either"


# Not frozen: a frozen dataclass sets each of its 14 fields through object.__setattr__, which made building
# Copenhagen's 5,400 candidates (3x national scale) cost 80 ms; nothing changes a candidate once built.
@dataclass
class Candidate:
    person_id: int
    can_pay: int  # kr. a month the person can pay for rent + utilities after housing benefit
    homeless_days: int
    monthly_income: int | None = None  # for the housing-benefit estimate; None = not recorded
    areas: tuple[str, ...] = ()  # wished areas; empty = no wish
    min_rooms: int | None = None
    sharing: str = SHARING_EITHER
    wants_ordinary_building: bool = True
    has_pet: bool = False
    needs_accessible: bool = False
    urgency: str = "normal"
    # The household, for the housing-benefit estimate (default: one adult, no children, not a pensioner).
    adults: int = 1
    children: int = 0  # children under 18 living in the household
    pension: str = PENSION_NONE


@dataclass(frozen=True)
class Home:
    vacancy_id: int
    rent: int
    utilities: int
    rooms: int
    area: str = ""
    shared: bool = False
    ordinary_building: bool = True
    pets_allowed: bool = False
    accessible: bool = False
    size_m2: int | None = None  # None: not recorded, the whole rent counts


@dataclass
class Fit:
    person_id: int
    vacancy_id: int
    feasible: bool
    score: float
    net_cost: int
    benefit: int
    reasons: list[str] = field(default_factory=list)
    payment: Payment | None = None


def gettext_noop(text: str) -> str:
    """Marks a message id for makemessages; the text itself is returned unchanged (no Django import: the
    reasons are core.messages.Msg, Danish text the Django layer shows in the user's language)."""
    return text


# The two housing benefit schemes by name, as the reasons show them.
gettext_noop("boligsikring")
gettext_noop("boligydelse")


def _kr(value) -> str:
    return f"{int(round(value)):,} kr.".replace(",", ".")


def _household_arrays(candidates: list[Candidate], params: dict):
    return (
        np.array([income_of(c.monthly_income, params) for c in candidates]),
        np.array([c.adults for c in candidates]),
        np.array([c.children for c in candidates]),
        np.array([c.pension for c in candidates]),
    )


def _benefit_matrix(candidates: list[Candidate], homes: list[Home], params: dict) -> dict[str, np.ndarray]:
    incomes, adults, children, pensions = _household_arrays(candidates, params)
    return benefit_parts(
        np.array([h.rent for h in homes]),
        np.array([size_of(h.size_m2) for h in homes]),
        incomes,
        adults,
        children,
        pensions,
        params,
    )


def payment(candidate: Candidate, home: Home, params: dict) -> Payment:
    """What the citizen pays for the home after estimated housing benefit (housing/benefit.py), and
    whether they can pay it."""
    return benefit_payment(
        rent=home.rent,
        utilities=home.utilities,
        size_m2=home.size_m2,
        can_pay=candidate.can_pay,
        monthly_income=candidate.monthly_income,
        params=params,
        adults=candidate.adults,
        children=candidate.children,
        pension=candidate.pension,
    )


def payment_text(p: Payment) -> str:
    """The arithmetic in plain Danish, marked as an estimate."""
    notes = []
    if p.income_assumed:
        notes.append(Msg(gettext_noop("indkomst ikke oplyst: anslået ud fra kontanthjælp")))
    if p.counted_m2:
        notes.append(
            Msg(
                gettext_noop("huslejen tæller kun for %(counted)s af boligens %(size)s m²"),
                {"counted": p.counted_m2, "size": p.size_m2},
            )
        )
    if p.capped_15:
        # xgettext:no-python-format
        notes.append(
            Msg(gettext_noop("højst 15 % af boligudgiften, da der ikke er børn under 18 i husstanden"))
        )
    if p.scheme == BOLIGYDELSE:
        notes.append(Msg(gettext_noop("boligydelse for pensionister er beregnet forenklet")))
    params = {
        "total": _kr(p.total),
        "scheme": Msg(p.scheme),
        "benefit": _kr(p.benefit),
        "net": _kr(p.net),
        "can_pay": _kr(p.can_pay),
    }
    if notes:
        return Msg(
            gettext_noop(
                "husleje og forbrug %(total)s minus anslået %(scheme)s %(benefit)s (%(notes)s) giver %(net)s om "
                "måneden, og borgeren kan betale %(can_pay)s"
            ),
            params | {"notes": Seq(notes, "; ")},
        )
    return Msg(
        gettext_noop(
            "husleje og forbrug %(total)s minus anslået %(scheme)s %(benefit)s giver %(net)s om måneden, og "
            "borgeren kan betale %(can_pay)s"
        ),
        params,
    )


def _wishes_area(candidate: Candidate, area: str) -> bool:
    return bool(area) and area.strip().lower() in {a.strip().lower() for a in candidate.areas}


def evaluate(candidate: Candidate, home: Home, params: dict) -> Fit:
    """One pair with its plain-Danish explanation; the same arithmetic as ``score_matrix``."""
    pay = payment(candidate, home, params)
    net, benefit = pay.net, pay.benefit
    if not pay.feasible:
        return Fit(
            candidate.person_id,
            home.vacancy_id,
            False,
            0.0,
            net,
            benefit,
            [Msg(gettext_noop("Kan ikke betales: %(payment)s"), {"payment": payment_text(pay)})],
            pay,
        )
    # The payment text ends with an amount ("... kr."), which ends the sentence too.
    reasons = [Msg(gettext_noop("Kan betales (anslået): %(payment)s"), {"payment": payment_text(pay)})]
    score = float(params["SCORE_BASE"])
    if candidate.areas:
        if _wishes_area(candidate, home.area):
            score += params["SCORE_AREA_WISH"]
            reasons.append(Msg(gettext_noop("Ligger i et ønsket område (%(area)s)."), {"area": home.area}))
        else:
            reasons.append(Msg(gettext_noop("Ligger ikke i de ønskede områder.")))
    if candidate.min_rooms and home.rooms < candidate.min_rooms:
        score += params["SCORE_ROOMS_SHORT"]
        reasons.append(
            Msg(
                gettext_noop("Har %(rooms)s værelse(r); borgeren ønsker mindst %(wanted)s."),
                {"rooms": home.rooms, "wanted": candidate.min_rooms},
            )
        )
    if candidate.sharing == SHARING_ALONE and home.shared:
        score += params["SCORE_SHARING_UNWANTED"]
        reasons.append(Msg(gettext_noop("Er et bofællesskab; borgeren ønsker at bo alene.")))
    elif candidate.sharing == SHARING_SHARED and not home.shared:
        score += params["SCORE_SHARING_UNWANTED"]
        reasons.append(Msg(gettext_noop("Er ikke et bofællesskab; borgeren ønsker at bo sammen med andre.")))
    elif candidate.sharing != SHARING_EITHER:
        score += params["SCORE_SHARING_MATCH"]
        reasons.append(Msg(gettext_noop("Passer til ønsket om at bo alene eller i fællesskab.")))
    if not home.ordinary_building:
        if candidate.wants_ordinary_building:
            score += params["SCORE_SKAEV_UNWANTED"]
            reasons.append(
                Msg(
                    gettext_noop(
                        "Er ikke almindeligt byggeri; borgeren har ikke ønsket en skæv bolig (princip 4)."
                    )
                )
            )
        else:
            score += params["SCORE_SKAEV_WANTED"]
            reasons.append(Msg(gettext_noop("Er en skæv bolig, som borgeren har ønsket.")))
    if candidate.has_pet and not home.pets_allowed:
        score += params["SCORE_PET_NOT_ALLOWED"]
        reasons.append(Msg(gettext_noop("Husdyr er ikke tilladt, og borgeren har et dyr.")))
    if candidate.needs_accessible and not home.accessible:
        score += params["SCORE_NOT_ACCESSIBLE"]
        reasons.append(Msg(gettext_noop("Boligen er ikke tilgængelig, og borgeren har brug for det.")))
    months = min(candidate.homeless_days // 30, params["SCORE_MONTHS_CAP"])
    score += months * params["SCORE_PER_MONTH_HOMELESS"]
    reasons.append(Msg(gettext_noop("Hjemløs i %(days)s dage."), {"days": candidate.homeless_days}))
    urgency = params["SCORE_URGENCY"].get(candidate.urgency, 0)
    if urgency:
        score += urgency
        reasons.append(
            Msg(gettext_noop("Sagen haster."))
            if candidate.urgency == "high"
            else Msg(gettext_noop("Sagen er akut."))
        )
    return Fit(candidate.person_id, home.vacancy_id, True, max(score, 1.0), net, benefit, reasons, pay)


def rank(candidates: list[Candidate], home: Home, params: dict) -> list[Fit]:
    """Everyone who can afford the home, best fit first; ties by time homeless, then person id."""
    fits = [(evaluate(c, home, params), c) for c in candidates]
    feasible = [(f, c) for f, c in fits if f.feasible]
    feasible.sort(key=lambda fc: (-fc[0].score, -fc[1].homeless_days, fc[1].person_id))
    return [f for f, _ in feasible]


def score_matrix(candidates: list[Candidate], homes: list[Home], params: dict) -> np.ndarray:
    """Scores for every (candidate, home), 0 where the home cannot be afforded; vectorised for scale."""
    n = len(candidates)
    if not n or not homes:
        return np.zeros((n, len(homes)))
    total = np.array([h.rent + h.utilities for h in homes])
    rooms = np.array([h.rooms for h in homes])
    shared = np.array([h.shared for h in homes])
    ordinary = np.array([h.ordinary_building for h in homes])
    pets = np.array([h.pets_allowed for h in homes])
    accessible = np.array([h.accessible for h in homes])
    can_pay = np.array([c.can_pay for c in candidates])
    net = total[None, :] - _benefit_matrix(candidates, homes, params)["monthly"]
    feasible = net <= can_pay[:, None]

    score = np.full(net.shape, float(params["SCORE_BASE"]))
    area_names = sorted({h.area.strip().lower() for h in homes if h.area})
    if area_names:
        index = {a: i for i, a in enumerate(area_names)}
        wish = np.zeros((n, len(area_names)), dtype=bool)
        for i, c in enumerate(candidates):
            for a in c.areas:
                j = index.get(a.strip().lower())
                if j is not None:
                    wish[i, j] = True
        home_area = np.array([index.get(h.area.strip().lower(), -1) if h.area else -1 for h in homes])
        has_area = home_area >= 0
        hit = np.zeros(net.shape, dtype=bool)
        hit[:, has_area] = wish[:, home_area[has_area]]
        score += hit * params["SCORE_AREA_WISH"]
    min_rooms = np.array([c.min_rooms or 0 for c in candidates])
    score += (rooms[None, :] < min_rooms[:, None]) * params["SCORE_ROOMS_SHORT"]
    sharing = np.array([c.sharing for c in candidates])
    alone, together = (sharing == SHARING_ALONE)[:, None], (sharing == SHARING_SHARED)[:, None]
    unwanted = (alone & shared[None, :]) | (together & ~shared[None, :])
    matched = (alone | together) & ~unwanted
    score += unwanted * params["SCORE_SHARING_UNWANTED"] + matched * params["SCORE_SHARING_MATCH"]
    wants_ordinary = np.array([c.wants_ordinary_building for c in candidates])[:, None]
    skaev = ~ordinary[None, :]
    score += (skaev & wants_ordinary) * params["SCORE_SKAEV_UNWANTED"] + (skaev & ~wants_ordinary) * params[
        "SCORE_SKAEV_WANTED"
    ]
    has_pet = np.array([c.has_pet for c in candidates])[:, None]
    score += (has_pet & ~pets[None, :]) * params["SCORE_PET_NOT_ALLOWED"]
    needs_access = np.array([c.needs_accessible for c in candidates])[:, None]
    score += (needs_access & ~accessible[None, :]) * params["SCORE_NOT_ACCESSIBLE"]
    months = np.minimum(np.array([c.homeless_days // 30 for c in candidates]), params["SCORE_MONTHS_CAP"])
    urgency = np.array([params["SCORE_URGENCY"].get(c.urgency, 0) for c in candidates])
    score += (months * params["SCORE_PER_MONTH_HOMELESS"] + urgency)[:, None]
    return np.where(feasible, np.maximum(score, 1.0), 0.0)


@dataclass
class Assignment:
    pairs: list[tuple[int, int]]  # (person_id, vacancy_id)
    total_score: float
    matched: int


def optimal_assignment(
    candidates: list[Candidate], homes: list[Home], params: dict, scores: np.ndarray | None = None
) -> Assignment:
    """The assignment with the highest total score (Hungarian method, scipy's linear_sum_assignment);
    pairs that cannot be afforded score 0 and are dropped, so they never appear in the proposal."""
    scores = score_matrix(candidates, homes, params) if scores is None else scores
    if not scores.size:
        return Assignment([], 0.0, 0)
    rows, cols = linear_sum_assignment(scores, maximize=True)
    keep = scores[rows, cols] > 0
    pairs = [(candidates[r].person_id, homes[c].vacancy_id) for r, c in zip(rows[keep], cols[keep])]
    return Assignment(pairs, float(scores[rows[keep], cols[keep]].sum()), len(pairs))


def greedy_assignment(
    candidates: list[Candidate], homes: list[Home], params: dict, scores: np.ndarray | None = None
) -> Assignment:
    """The by-hand baseline: take the homes one by one (in the order given, e.g. by deadline) and give
    each to the best remaining candidate who can afford it."""
    scores = score_matrix(candidates, homes, params) if scores is None else scores
    if not scores.size:
        return Assignment([], 0.0, 0)
    taken = np.zeros(scores.shape[0], dtype=bool)
    pairs, total = [], 0.0
    for j in range(scores.shape[1]):
        column = np.where(taken, 0.0, scores[:, j])
        i = int(np.argmax(column))
        if column[i] > 0:
            taken[i] = True
            pairs.append((candidates[i].person_id, homes[j].vacancy_id))
            total += float(column[i])
    return Assignment(pairs, total, len(pairs))


def without_pairs(
    scores: np.ndarray, candidates: list[Candidate], homes: list[Home], pairs: set[tuple[int, int]]
) -> np.ndarray:
    """The scores with the given (person_id, vacancy_id) pairs set to 0, so no assignment proposes them:
    a citizen who has declined a home is not proposed for it again (issue 9 item 4); the broker may
    still choose them by hand, with the decline shown."""
    if not pairs or not scores.size:
        return scores
    row = {c.person_id: i for i, c in enumerate(candidates)}
    col = {h.vacancy_id: j for j, h in enumerate(homes)}
    out = scores.copy()
    for person_id, vacancy_id in pairs:
        if person_id in row and vacancy_id in col:
            out[row[person_id], col[vacancy_id]] = 0.0
    return out
