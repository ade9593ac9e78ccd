"""Housing benefit (boligstøtte, boligstøtteloven): the estimate that decides whether a citizen can pay a
home. Plain data in, amounts out; no Django here (STYLE.md), so the rule is tested in microseconds and
the global proposal (allocation/matching.py) applies it to national-scale data. The Django side (the
citizen's facts, the rates in force, the refusal) is housing/affordability.py.

Boligsikring for tenants who are not pensioners (and førtidspension granted from 1 January 2003) is 60 %
of the yearly housing cost less 18 % of the household income above a threshold (raised per child beyond
the first, up to four children), never more than the housing cost less the tenant's yearly minimum
payment, never more than the maximum, and, with no children under 18 in the household, never more than
15 % of the housing cost whatever the income (not for førtidspension). Boligydelse (folkepension,
førtidspension before 2003) has its own shares and limits and no 15 % cap. The rent counts only for the
area allowed (65 m² for one person, 20 m² more per extra person). It is an estimate, never Udbetaling
Danmark's decision. The dated rates are DEFAULTS["BENEFIT_RULES"] below; an installation overrides them
in settings.HF["HOUSING"] (housing/conf.py).
"""

from dataclasses import dataclass

import numpy as np

DEFAULTS = {
    # Housing benefit (boligstøtte, boligstøtteloven) as dated configuration: the estimate that decides
    # whether a citizen can pay a home. Replace the whole block each year with the new rates from
    # Udbetaling Danmark. 2026 rates as summarised by Ældresagen ("Beregning af boligstøtte", 14.01.2026).
    # Not modelled (so the estimate is an estimate, never Udbetaling Danmark's decision): assets
    # (formuetillæg), the yearly rent maximum, the raises for a member who is severely disabled or has
    # round-the-clock help, boligydelse without maximum in almen bolig, ældrebolig and plejebolig, the
    # smallest amount paid out.
    "BENEFIT_RULES": {
        "year": 2026,
        "source": "boligstøtteloven; satser fra Udbetaling Danmark for 2026",
        # The rent counts in full only up to this area: 65 m² for one person, 20 m² more per extra person.
        "area_first_person_m2": 65,
        "area_per_extra_person_m2": 20,
        # Children beyond the first raise the income threshold, counted up to this many children.
        "children_counted": 4,
        # Boligsikring: tenants who are not pensioners, and førtidspension granted from 1 January 2003.
        "boligsikring": {
            "rent_share": 0.60,  # of the yearly housing cost
            "income_share": 0.18,  # of the household income above the threshold
            "income_threshold": 171_500,  # kr. a year
            "threshold_per_child": 45_200,  # kr. a year per child beyond the first
            "min_own_payment": 28_900,  # kr. a year the tenant always pays
            "own_payment_income_share": 0.0,  # (boligydelse only)
            "rent_addition": 0,  # (boligydelse only)
            "max_yearly": 50_760,  # kr. a year (4,230 kr. a month)
            "max_raise": 0.25,  # raised 25 % ...
            "max_raise_children_over": 4,  # ... with more than four children
            # With no children under 18 in the household: never more than 15 % of the housing cost,
            # whatever the income; not for førtidspension (granted from 2003).
            "no_children_cap_share": 0.15,
        },
        # Boligydelse: folkepension, and førtidspension granted before 1 January 2003.
        "boligydelse": {
            "rent_share": 0.75,
            "rent_addition": 8_500,  # added to the yearly housing cost before the share
            "income_share": 0.225,
            "income_threshold": 201_400,
            "threshold_per_child": 53_100,
            "min_own_payment": 21_300,
            "own_payment_income_share": 0.11,  # the tenant pays at least 11 % of the household income
            "max_yearly": 59_628,  # kr. a year (4,969 kr. a month)
            "max_raise": 0.25,
            "max_raise_children_over": 3,  # four or more children
            "no_children_cap_share": None,  # the 15 % cap does not apply
        },
    },
    # When the income is not recorded the estimate assumes cash benefit (kontanthjælp) for a person over
    # 30 without children, approx. 12,550 kr. a month in 2024 (borger.dk): the usual income on the list.
    "ASSUMED_MONTHLY_INCOME": 12_550,
}

# Pension type of the household (decides the kind of housing benefit and the 15 % cap).
PENSION_NONE = "none"
PENSION_OLD_AGE = "folkepension"
PENSION_EARLY_BEFORE_2003 = "early_before_2003"
PENSION_EARLY_FROM_2003 = "early_from_2003"
BOLIGSIKRING, BOLIGYDELSE = "boligsikring", "boligydelse"


def scheme_of(pension: str) -> str:
    return BOLIGYDELSE if pension in (PENSION_OLD_AGE, PENSION_EARLY_BEFORE_2003) else BOLIGSIKRING


@dataclass(frozen=True)
class Payment:
    """What a citizen would pay for a home each month, after an estimate of housing benefit."""

    rent: int
    utilities: int
    benefit: int  # estimated housing benefit, kr. a month
    scheme: str  # BOLIGSIKRING or BOLIGYDELSE
    net: int  # rent + utilities - benefit
    can_pay: int
    feasible: bool
    year: int  # the year of the rates used
    income_assumed: bool  # no income recorded: the assumed cash-benefit level was used
    counted_m2: int | None  # the area the rent counts for, when the home is larger
    size_m2: int | None
    capped_15: bool  # the 15 % cap (no children under 18) decided the amount

    @property
    def total(self) -> int:
        return self.rent + self.utilities

    @property
    def shortfall(self) -> int:
        return max(self.net - self.can_pay, 0)


def housing_benefit(
    *,
    rent: int,
    monthly_income: int | None,
    params: dict,
    size_m2: int | None = None,
    adults: int = 1,
    children: int = 0,
    pension: str = PENSION_NONE,
) -> int:
    """Estimated housing benefit in kr. a month for one household and one home."""
    parts = _one_household(rent, size_m2, monthly_income, adults, children, pension, params)
    return int(parts["monthly"][0, 0])


def _one_household(rent, size_m2, monthly_income, adults, children, pension, params) -> dict:
    """benefit_parts for a single household and home (the vectorised rule with arrays of one)."""
    return benefit_parts(
        np.array([rent]),
        np.array([size_of(size_m2)]),
        np.array([income_of(monthly_income, params)]),
        np.array([adults]),
        np.array([children]),
        np.array([pension]),
        params,
    )


def income_of(monthly_income, params) -> float:
    """The monthly income the estimate uses: the assumed cash-benefit level when none is recorded."""
    return float(params["ASSUMED_MONTHLY_INCOME"] if monthly_income is None else monthly_income)


def size_of(size_m2) -> float:
    """A home's size for benefit_parts: NaN when not recorded (then the whole rent counts)."""
    return float(size_m2) if size_m2 else np.nan


def benefit_parts(
    rents: np.ndarray,
    sizes: np.ndarray,
    incomes: np.ndarray,
    adults: np.ndarray,
    children: np.ndarray,
    pensions: np.ndarray,
    params: dict,
) -> dict[str, np.ndarray]:
    """The benefit for every (household, home) pair, rows are households and columns homes, with the
    parts the explanation needs. The one place the rule is computed (payment below and the matching's
    score matrix, allocation/matching.py, both call it). Amounts are yearly until ``monthly``."""
    rules = params["BENEFIT_RULES"]
    adults = np.maximum(adults.astype(float), 1.0)[:, None]
    children = np.maximum(children.astype(float), 0.0)[:, None]
    ydelse = np.isin(pensions, [PENSION_OLD_AGE, PENSION_EARLY_BEFORE_2003])[:, None]

    def rate(key):
        bs, by = rules["boligsikring"][key], rules["boligydelse"][key]
        return np.where(
            ydelse, float(by if by is not None else np.nan), float(bs if bs is not None else np.nan)
        )

    # The area the rent counts for: 65 m² for one person, 20 m² more per extra person.
    allowed = rules["area_first_person_m2"] + rules["area_per_extra_person_m2"] * (adults + children - 1)
    size = sizes.astype(float)[None, :]
    over = np.nan_to_num(size, nan=0.0) > allowed
    factor = np.where(over, allowed / np.where(over, size, 1.0), 1.0)
    cost = rents.astype(float)[None, :] * 12 * factor  # yearly housing cost counted
    income = incomes.astype(float)[:, None] * 12
    extra_children = np.maximum(np.minimum(children, rules["children_counted"]) - 1, 0)
    threshold = rate("income_threshold") + extra_children * rate("threshold_per_child")
    raw = rate("rent_share") * (cost + rate("rent_addition")) - rate("income_share") * np.maximum(
        0.0, income - threshold
    )
    own_payment = np.maximum(rate("min_own_payment"), rate("own_payment_income_share") * income)
    maximum = rate("max_yearly") * (1 + rate("max_raise") * (children > rate("max_raise_children_over")))
    before_cap = np.minimum(np.minimum(raw, cost - own_payment), maximum)
    cap_share = rate("no_children_cap_share")
    capped = (children == 0) & ~np.isnan(cap_share) & (pensions != PENSION_EARLY_FROM_2003)[:, None]
    cap = np.where(capped, np.nan_to_num(cap_share) * cost, np.inf)
    yearly = np.maximum(np.minimum(before_cap, cap), 0.0)
    # A yearly amount of whole kroner divisible by 12 must not lose a krone to floating point (0.15 * x).
    return {
        "monthly": np.floor(yearly / 12 + 1e-6),
        "allowed_m2": np.broadcast_to(allowed, yearly.shape),
        "area_limited": np.broadcast_to(over, yearly.shape),
        "capped_15": capped & (cap < np.maximum(before_cap, 0.0)),
    }


def payment(
    *,
    rent: int,
    utilities: int,
    size_m2: int | None,
    can_pay: int,
    monthly_income: int | None,
    params: dict,
    adults: int = 1,
    children: int = 0,
    pension: str = PENSION_NONE,
) -> Payment:
    """What the household pays for the home after estimated housing benefit, and whether it can pay it."""
    parts = _one_household(rent, size_m2, monthly_income, adults, children, pension, params)
    benefit = int(parts["monthly"][0, 0])
    net = rent + utilities - benefit
    return Payment(
        rent=rent,
        utilities=utilities,
        benefit=benefit,
        scheme=scheme_of(pension),
        net=net,
        can_pay=can_pay,
        feasible=net <= can_pay,
        year=params["BENEFIT_RULES"]["year"],
        income_assumed=monthly_income is None,
        counted_m2=int(parts["allowed_m2"][0, 0]) if parts["area_limited"][0, 0] else None,
        size_m2=size_m2,
        capped_15=bool(parts["capped_15"][0, 0]),
    )
