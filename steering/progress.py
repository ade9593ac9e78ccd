"""Whether a goal is on track. No Django.

A goal moves a measure from its value when the goal was set (the baseline) to a target by a deadline,
"at most" (fewer homeless, fewer days) or "at least" (more still housed). The straight line from the
baseline to the target is the path; a goal is on track when today's value is at least as good as the
path's value today. The trend is the least-squares slope of the monthly values behind the chart (per
30 days), carried forward to the deadline: it tells whether the present pace reaches the target.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

AT_MOST = "at_most"
AT_LEAST = "at_least"


class State(StrEnum):
    REACHED = "reached"
    ON_TRACK = "on_track"
    OFF_TRACK = "off_track"
    MISSED = "missed"
    NO_DATA = "no_data"


@dataclass(frozen=True)
class Progress:
    state: State
    expected: float | None  # the path's value today
    projected: float | None  # the trend's value at the deadline
    projection_reaches: bool | None
    share_done: float | None  # % of the way from baseline to target


def better_or_equal(value: float, than: float, direction: str) -> bool:
    return value <= than if direction == AT_MOST else value >= than


def slope_per_30_days(points: list[tuple[date, float]]) -> float | None:
    pts = [(d.toordinal(), v) for d, v in points if v is not None]
    if len(pts) < 3:
        return None
    n = len(pts)
    mx = sum(x for x, _ in pts) / n
    my = sum(y for _, y in pts) / n
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    if sxx == 0:
        return None
    return 30 * sum((x - mx) * (y - my) for x, y in pts) / sxx


def assess(
    *,
    direction: str,
    target: float,
    deadline: date,
    baseline: float | None,
    baseline_on: date,
    current: float | None,
    today: date,
    series: list[tuple[date, float]] = (),
) -> Progress:
    if current is None:
        return Progress(State.NO_DATA, None, None, None, None)
    slope = slope_per_30_days(list(series)[-6:])
    projected = None if slope is None else round(current + slope * max(0, (deadline - today).days) / 30, 1)
    reaches = None if projected is None else better_or_equal(projected, target, direction)
    share = None
    if baseline is not None and baseline != target:
        share = round(100 * (baseline - current) / (baseline - target), 1)
    if better_or_equal(current, target, direction):
        return Progress(State.REACHED, float(target), projected, reaches, share)
    if today > deadline:
        return Progress(State.MISSED, float(target), projected, reaches, share)
    if baseline is None:
        return Progress(State.NO_DATA, None, projected, reaches, share)
    total = (deadline - baseline_on).days
    elapsed = min(max((today - baseline_on).days, 0), total) if total > 0 else total
    fraction = elapsed / total if total > 0 else 1
    expected = round(baseline + (target - baseline) * fraction, 1)
    state = State.ON_TRACK if better_or_equal(current, expected, direction) else State.OFF_TRACK
    return Progress(state, expected, projected, reaches, share)
