"""Caseload rules of the Housing First methods (seed 004, ch. 4 and 3.1). No Django import.

CTI at most 10 and ICM at most 8 citizens per worker; a leader may set a worker's own limit lower (e.g.
when the worker also gives ordinary § 85 support or has several citizens moving in at once; seed 004,
3.1 and 4.1), never higher. An ACT team has a maximum (default 80) and an average of at most 8 citizens
per team member. The limits come from support/conf.py, never from literals here.
"""

from dataclasses import dataclass

from plans.methods import LABELS, Method


@dataclass(frozen=True)
class Refusal:
    """Why an assignment is refused, in Danish for the user; the citizen goes on the waiting list."""

    message: str
    why: str = ""  # the rule that is broken, without what happens to the citizen (e.g. on resuming)


def worker_limit(*, method_limit: int, own_limit: int | None) -> int:
    """The limit that applies to one worker: their own if set lower, never above the method's."""
    if own_limit is None:
        return method_limit
    return min(own_limit, method_limit)


def act_team_max(*, own_max: int | None, ceiling: int) -> int:
    """An ACT team's maximum: its own if set, never above the configured ceiling (about 70-80 citizens,
    seed 004 ch. 4), so a row saved before the ceiling existed cannot lift the limit."""
    if own_max is None:
        return ceiling
    return max(1, min(own_max, ceiling))


def act_team_limit(*, team_max: int, members: int, per_member: int) -> int:
    """How many citizens an ACT team may have: its maximum, and at most per_member on average."""
    return min(team_max, members * per_member)


def check_worker(
    *, method: str, worker_name: str, active: int, method_limit: int, own_limit: int | None
) -> Refusal | None:
    limit = worker_limit(method_limit=method_limit, own_limit=own_limit)
    if active + 1 > limit:
        why = (
            f"{worker_name} har allerede {active} borgere i {LABELS[Method(method)].split(' (')[0]} og må højst have "
            f"{limit}."
        )
        return Refusal(f"{why} Borgeren er sat på ventelisten til metoden.", why=why)
    return None


def check_act_team(
    *, team_name: str, active: int, team_max: int, members: int, per_member: int
) -> Refusal | None:
    limit = act_team_limit(team_max=team_max, members=members, per_member=per_member)
    if active + 1 > limit:
        if members * per_member < team_max:
            why = f"højst {per_member} pr. medarbejder i gennemsnit med {members} medarbejdere giver {limit}"
        else:
            why = f"teamets maksimum er {team_max}"
        why = f"ACT-teamet {team_name} har {active} borgere ({why})."
        return Refusal(f"{why} Borgeren er sat på ventelisten til ACT.", why=why)
    return None


def use_share(active: int, limit: int) -> int | None:
    """Use of capacity in whole percent; None where there is no capacity."""
    return round(100 * active / limit) if limit else None
