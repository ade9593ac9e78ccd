"""What the rent-subsidy pool brings within reach. No Django.

The subsidy lowers a home's rent to the limit (3,500 kr. a month) and pays at most a fixed sum per home a
year, so a home whose rent exceeds the limit by no more than that sum a month can be let at the limit."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Reach:
    limit: int  # kr. a month
    subsidy_month: int  # the most the subsidy pays a month per home, whole kroner
    reach_rent: int  # the highest rent the subsidy can bring down to the limit


def reach(*, limit: int, per_home_year: int) -> Reach:
    monthly = per_home_year // 12
    return Reach(limit=limit, subsidy_month=monthly, reach_rent=limit + monthly)


def yearly_cost(homes: int, *, per_home_year: int) -> int:
    """The subsidy a year for ``homes`` homes at the full rate."""
    return homes * per_home_year
