"""What homelessness and Housing First cost the municipality, from its own records: day counting by month,
the state refunds with their caps and windows, cohorts by year of moving in, and the payback time of the
support. No Django import: plain data in, plain data out.

Days are half-open, as everywhere on the platform (people/durations.py): a situation period runs from its
start up to (not including) its end date, the next situation's start; an open one up to today. A night at
a shelter is one day. An episode's active days run from its start to its end, less its pauses (from the
pause up to the resume), which free the worker (support.services counts only active episodes).

Prices are per year (a day costs the price of its calendar year). The refund rules (DOMAIN.md, the law
after the homelessness reform, in force 1 October 2023; Social- og Boligstyrelsen, "Omstilling af
hjemløshedsområdet"):

- § 110: the state refunds a share (50 %) of a shelter day. From the reform only a capped number of days
  (120, then 90) per running year that starts at the citizen's first admission and resets one year after
  it; before the reform, every day.
- § 176 a: the state refunds a share (50 %) of § 85 a support (CTI, ICM, ACT) for up to two years after the
  citizen's discharge from a § 110 shelter, counted from the first discharge and not restarted by a new
  stay within the two years (stk. 3). The platform does not record when support was decided, so all § 85 a
  support in the two years counts (the law asks for a decision before the discharge).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

# Price kinds.
SHELTER_DAY = "s110_day"  # a day at a § 110 shelter (forsorgshjem, herberg)
S107_DAY = "s107_day"  # a day of a temporary residential stay (§ 107)
S108_DAY = "s108_day"  # a day of a long-term residential stay (§ 108)
CTI, ICM, ACT = "cti", "icm", "act"  # § 85 a, the specialised Housing First methods
S85 = "s85"  # ordinary support in one's own home (§ 85)
REFUND_110_SHARE = "refund_110_share"  # per cent of a shelter day
REFUND_110_CAP = "refund_110_cap_days"  # refunded days per running year (None: no cap)
REFUND_176A_SHARE = "refund_176a_share"  # per cent of § 85 a support

KINDS = (
    SHELTER_DAY,
    S107_DAY,
    S108_DAY,
    CTI,
    ICM,
    ACT,
    S85,
    REFUND_110_SHARE,
    REFUND_110_CAP,
    REFUND_176A_SHARE,
)
METHODS = (CTI, ICM, ACT, S85)  # support priced per citizen-year (the platform's method codes)
SECTION_85A = frozenset({CTI, ICM, ACT})
SHELTER = "shelter"  # the component of a shelter day (people.situations.Situation.SHELTER)
COMPONENTS = (SHELTER, *METHODS)

# Units.
PER_DAY = "day"
PER_CITIZEN_YEAR = "citizen_year"
PER_WORKER_YEAR = "worker_year"
PERCENT = "percent"
DAYS = "days"
UNITS = {
    SHELTER_DAY: (PER_DAY,),
    S107_DAY: (PER_DAY,),
    S108_DAY: (PER_DAY,),
    CTI: (PER_CITIZEN_YEAR, PER_WORKER_YEAR),
    ICM: (PER_CITIZEN_YEAR, PER_WORKER_YEAR),
    ACT: (PER_CITIZEN_YEAR, PER_WORKER_YEAR),
    S85: (PER_CITIZEN_YEAR,),
    REFUND_110_SHARE: (PERCENT,),
    REFUND_110_CAP: (DAYS,),
    REFUND_176A_SHARE: (PERCENT,),
}
DAYS_A_YEAR = 365  # a price per citizen-year is spread over 365 days


# --- dates ---------------------------------------------------------------------------------------------


def month_start(d: date) -> date:
    return d.replace(day=1)


def add_months(d: date, n: int) -> date:
    """The same day n months later (or earlier), the month's last day where it has fewer days."""
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise ValueError(d)  # pragma: no cover - day 28 exists in every month


def add_years(d: date, n: int) -> date:
    return add_months(d, 12 * n)


def month_pieces(start: date, end: date) -> list[tuple[date, date]]:
    """[start, end) split at the first day of each month."""
    out = []
    while start < end:
        nxt = min(end, add_months(month_start(start), 1))
        out.append((start, nxt))
        start = nxt
    return out


def union(spans: Iterable[tuple[date, date]]) -> list[tuple[date, date]]:
    """Half-open spans merged where they overlap or touch; a day is counted once."""
    out: list[list[date]] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def clip(start: date, end: date | None, today: date) -> tuple[date, date] | None:
    """A period up to today (an open one runs to today); None if nothing of it lies before today."""
    e = today if end is None else min(end, today)
    return (start, e) if e > start else None


# --- prices --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    amount: float | None
    unit: str
    own: bool  # the municipality's own price for the year (else the default)
    source: str = ""
    note: str = ""


@dataclass
class PriceBook:
    """The prices by kind and year: the municipality's own where set, else the default.

    ``own``: (kind, year) -> Entry; ``defaults``: kind -> {"amount", "unit", "by_year", "source", "note"}
    (economy/conf.py); ``caseloads``: method -> citizens per worker, to turn a price per worker-year into a
    price per citizen-year."""

    own: dict = field(default_factory=dict)
    defaults: dict = field(default_factory=dict)
    caseloads: dict = field(default_factory=dict)

    def default(self, kind: str, year: int) -> Entry:
        d = self.defaults.get(kind) or {}
        amount = d.get("amount")
        steps = {int(k): v for k, v in (d.get("by_year") or {}).items()}
        earlier = [y for y in steps if y <= year]
        if earlier:
            amount = steps[max(earlier)]
        return Entry(amount, d.get("unit", UNITS[kind][0]), False, d.get("source", ""), d.get("note", ""))

    def entry(self, kind: str, year: int) -> Entry:
        return self.own.get((kind, year)) or self.default(kind, year)

    def per_citizen_year(self, method: str, year: int) -> float:
        e = self.entry(method, year)
        if e.amount is None:
            return 0.0
        if e.unit == PER_WORKER_YEAR:
            per_worker = self.caseloads.get(method)
            return float(e.amount) / per_worker if per_worker else 0.0
        return float(e.amount)

    def daily(self, component: str, year: int) -> float:
        """kr. a day: a shelter day's price, or a method's price per citizen-year / 365."""
        if component == SHELTER:
            amount = self.entry(SHELTER_DAY, year).amount
            return float(amount or 0)
        return self.per_citizen_year(component, year) / DAYS_A_YEAR

    def share(self, kind: str, year: int) -> float:
        amount = self.entry(kind, year).amount
        return float(amount or 0) / 100

    def cap(self, year: int) -> int | None:
        amount = self.entry(REFUND_110_CAP, year).amount
        return None if amount is None else int(amount)


# --- segments: days at one rate ------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """Days [start, end) of one component at one rate: gross kr. a day and the refund kr. a day."""

    start: date
    end: date
    component: str
    gross: float
    refund: float

    @property
    def days(self) -> int:
        return (self.end - self.start).days


def _split_at(start: date, end: date, cuts: Iterable[date]) -> list[tuple[date, date]]:
    points = sorted({c for c in cuts if start < c < end})
    out, s = [], start
    for c in points:
        out.append((s, c))
        s = c
    out.append((s, end))
    return out


def shelter_segments(spans: list[tuple[date, date]], prices: PriceBook, *, reform: date) -> list[Segment]:
    """A citizen's shelter days (merged spans) at the year's day price, with the § 110 refund: before the
    reform every day at the share; from it at most the year's cap of days per running year from the first
    admission, the year resetting one year after that admission (the next day at a shelter opens a new one)."""
    out: list[Segment] = []
    window_end: date | None = None
    used = 0
    for span_start, span_end in union(spans):
        for ps, pe in month_pieces(span_start, span_end):
            for s, e in _split_at(ps, pe, [reform]):
                year = s.year
                price = prices.daily(SHELTER, year)
                share = prices.share(REFUND_110_SHARE, year)
                if s < reform:
                    out.append(Segment(s, e, SHELTER, price, price * share))
                    continue
                while s < e:
                    if window_end is None or s >= window_end:
                        window_end, used = add_years(s, 1), 0
                    sub_end = min(e, window_end)
                    n = (sub_end - s).days
                    cap = prices.cap(year)
                    refunded = n if cap is None else max(0, min(n, cap - used))
                    used += refunded
                    mid = s + timedelta(days=refunded)
                    if refunded:
                        out.append(Segment(s, mid, SHELTER, price, price * share))
                    if mid < sub_end:
                        out.append(Segment(mid, sub_end, SHELTER, price, 0.0))
                    s = sub_end
    return out


def discharges(periods: Iterable[tuple[date, date | None]], today: date) -> list[date]:
    """The days a citizen left a § 110 shelter: the end of each merged stay that has ended by today."""
    closed = [(s, e) for s, e in periods if e is not None and e > s]
    still_open = [s for s, e in periods if e is None]
    out = []
    for _start, e in union(closed):
        if e > today:
            continue
        # A stay that an open period continues or overlaps (it began on or before this end) has not ended.
        if any(o <= e for o in still_open):
            continue
        out.append(e)
    return out


def refund_windows(discharge_days: Iterable[date], *, reform: date, years: int) -> list[tuple[date, date]]:
    """§ 176 a: the two years after a discharge (from the reform on), counted from the first discharge and
    not restarted by a later one within them (stk. 3)."""
    out: list[tuple[date, date]] = []
    for d in sorted(discharge_days):
        if d < reform or (out and d < out[-1][1]):
            continue
        out.append((d, add_years(d, years)))
    return out


def active_intervals(
    start: date, end: date | None, pauses: Iterable[tuple[date, date | None]], today: date
) -> list[tuple[date, date]]:
    """An episode's active days up to today: [start, end) less its pauses [paused, resumed)."""
    whole = clip(start, end, today)
    if whole is None:
        return []
    out = [whole]
    for ps, pe in sorted(pauses):
        pe = whole[1] if pe is None else pe
        nxt = []
        for s, e in out:
            if pe <= s or ps >= e:
                nxt.append((s, e))
                continue
            if s < ps:
                nxt.append((s, ps))
            if pe < e:
                nxt.append((pe, e))
        out = nxt
    return [(s, e) for s, e in out if e > s]


def support_segments(
    method: str, intervals: list[tuple[date, date]], prices: PriceBook, *, windows: list[tuple[date, date]]
) -> list[Segment]:
    """Support days at the method's price per citizen-year / 365, with the § 176 a refund of § 85 a
    support inside a window after a discharge."""
    if method not in METHODS:
        return []
    cuts = [d for w in windows for d in w]
    out = []
    for start, end in intervals:
        for ps, pe in month_pieces(start, end):
            for s, e in _split_at(ps, pe, cuts):
                rate = prices.daily(method, s.year)
                inside = method in SECTION_85A and any(ws <= s < we for ws, we in windows)
                refund = rate * prices.share(REFUND_176A_SHARE, s.year) if inside else 0.0
                out.append(Segment(s, e, method, rate, refund))
    return out


# --- a citizen ------------------------------------------------------------------------------------------


@dataclass
class Episode:
    method: str
    start: date
    end: date | None
    pauses: list = field(default_factory=list)  # [(paused on, resumed on or None)]


@dataclass
class Citizen:
    shelter: list = field(default_factory=list)  # [(start, end or None)] of situation periods "shelter"
    episodes: list = field(default_factory=list)  # [Episode]
    housed_on: date | None = None  # the day the citizen moved into an own home


def segments(c: Citizen, prices: PriceBook, *, today: date, reform: date, refund_years: int) -> list[Segment]:
    spans = [x for x in (clip(s, e, today) for s, e in c.shelter) if x]
    out = shelter_segments(spans, prices, reform=reform)
    windows = refund_windows(discharges(c.shelter, today), reform=reform, years=refund_years)
    for ep in c.episodes:
        out += support_segments(
            ep.method, active_intervals(ep.start, ep.end, ep.pauses, today), prices, windows=windows
        )
    return out


def in_window(segs: Iterable[Segment], start: date, end: date) -> dict:
    """Days and kr. of the segments inside [start, end), by shelter and support."""
    t = {
        "shelter_days": 0,
        "shelter_gross": 0.0,
        "shelter_refund": 0.0,
        "support_gross": 0.0,
        "support_refund": 0.0,
    }
    for g in segs:
        s, e = max(g.start, start), min(g.end, end)
        n = (e - s).days
        if n <= 0:
            continue
        if g.component == SHELTER:
            t["shelter_days"] += n
            t["shelter_gross"] += n * g.gross
            t["shelter_refund"] += n * g.refund
        else:
            t["support_gross"] += n * g.gross
            t["support_refund"] += n * g.refund
    return t


# --- the municipality ------------------------------------------------------------------------------------


def _empty_month() -> dict:
    return {
        "shelter_days": 0,
        "shelter_gross": 0.0,
        "shelter_refund": 0.0,
        "support": {m: {"days": 0, "gross": 0.0, "refund": 0.0} for m in METHODS},
    }


def _add(row: dict, g: Segment) -> None:
    if g.component == SHELTER:
        row["shelter_days"] += g.days
        row["shelter_gross"] += g.days * g.gross
        row["shelter_refund"] += g.days * g.refund
    else:
        m = row["support"][g.component]
        m["days"] += g.days
        m["gross"] += g.days * g.gross
        m["refund"] += g.days * g.refund


def by_month(all_segments: Iterable[Segment]) -> dict[date, dict]:
    """Every segment lies inside one month (they are split at month starts)."""
    out: dict[date, dict] = defaultdict(_empty_month)
    for g in all_segments:
        _add(out[month_start(g.start)], g)
    return out


def totals(row: dict) -> dict:
    """Gross, refunds and net of a month's or a year's row."""
    support_gross = sum(m["gross"] for m in row["support"].values())
    support_refund = sum(m["refund"] for m in row["support"].values())
    gross = row["shelter_gross"] + support_gross
    refund = row["shelter_refund"] + support_refund
    return {
        "support_gross": support_gross,
        "support_refund": support_refund,
        "gross": gross,
        "refund": refund,
        "net": gross - refund,
    }


def by_year(months: dict[date, dict]) -> dict[int, dict]:
    out: dict[int, dict] = defaultdict(_empty_month)
    for month, row in months.items():
        y = out[month.year]
        y["shelter_days"] += row["shelter_days"]
        y["shelter_gross"] += row["shelter_gross"]
        y["shelter_refund"] += row["shelter_refund"]
        for m, v in row["support"].items():
            for k in ("days", "gross", "refund"):
                y["support"][m][k] += v[k]
    return out


# --- cohorts and payback -------------------------------------------------------------------------------

OFFSETS = (-1, 1, 2, 3, 4, 5)  # the year before moving in, and years 1-5 after


def offset_window(housed_on: date, offset: int) -> tuple[date, date]:
    """The year before moving in (offset -1) or the offset-th year after it (1 = the first year)."""
    if offset < 0:
        return add_years(housed_on, offset), housed_on
    return add_years(housed_on, offset - 1), add_years(housed_on, offset)


def _zero() -> dict:
    return {
        "people": 0,
        "shelter_days": 0,
        "shelter_gross": 0.0,
        "shelter_refund": 0.0,
        "support_gross": 0.0,
        "support_refund": 0.0,
    }


def cohorts(people: Iterable[tuple[date, list[Segment]]], *, today: date, follow_years: int = 5) -> dict:
    """Citizens by the year they moved into their own home: for the year before and each year after (up to
    ``follow_years``), the sums over the citizens followed that whole year (it has ended by today) and how
    many they are. Averages are the sums / people. Keys: cohort year -> offset -> sums; "all" pools them."""
    out: dict = {}
    offsets = [o for o in OFFSETS if o <= follow_years]
    for housed_on, segs in people:
        for key in (housed_on.year, "all"):
            cohort = out.setdefault(key, {"people": 0, "offsets": {o: _zero() for o in offsets}})
            cohort["people"] += 1
            for o in offsets:
                start, end = offset_window(housed_on, o)
                if end > today:
                    continue
                t = cohort["offsets"][o]
                t["people"] += 1
                for k, v in in_window(segs, start, end).items():
                    t[k] += v
    return out


def payback(people: Iterable[tuple[date, list[Segment]]], *, today: date, months: int = 60) -> dict:
    """When the support pays for itself: month by month after moving in, the average saving in shelter cost
    against the year before (its monthly average) and the average support cost, over the citizens followed
    that whole month; the payback month is the first in which the cumulative saving reaches the cumulative
    support cost. Gross, and net of refunds."""
    rows = [
        {
            "month": m,
            "people": 0,
            "saving_gross": 0.0,
            "saving_net": 0.0,
            "support_gross": 0.0,
            "support_net": 0.0,
        }
        for m in range(1, months + 1)
    ]
    for housed_on, segs in people:
        before = in_window(segs, add_years(housed_on, -1), housed_on)
        base_gross = before["shelter_gross"] / 12
        base_net = (before["shelter_gross"] - before["shelter_refund"]) / 12
        for r in rows:
            start, end = add_months(housed_on, r["month"] - 1), add_months(housed_on, r["month"])
            if end > today:
                break
            t = in_window(segs, start, end)
            r["people"] += 1
            r["saving_gross"] += base_gross - t["shelter_gross"]
            r["saving_net"] += base_net - (t["shelter_gross"] - t["shelter_refund"])
            r["support_gross"] += t["support_gross"]
            r["support_net"] += t["support_gross"] - t["support_refund"]
    return payback_from_sums([r for r in rows if r["people"]])


def payback_from_sums(rows: list[dict]) -> dict:
    """Averages per citizen followed, their cumulative sums, and the first month the saving reaches the
    support cost (None: not within the months followed)."""
    out_rows, found = [], {"gross": None, "net": None}
    cum = {"saving_gross": 0.0, "saving_net": 0.0, "support_gross": 0.0, "support_net": 0.0}
    for r in rows:
        avg = {k: r[k] / r["people"] for k in cum}
        for k in cum:
            cum[k] += avg[k]
        for basis in ("gross", "net"):
            if (
                found[basis] is None
                and cum[f"support_{basis}"] > 0
                and cum[f"saving_{basis}"] >= cum[f"support_{basis}"]
            ):
                found[basis] = r["month"]
        out_rows.append(
            {"month": r["month"], "people": r["people"], **avg, **{f"cum_{k}": v for k, v in cum.items()}}
        )
    return {"rows": out_rows, "month_gross": found["gross"], "month_net": found["net"]}


def compute(
    citizens: Iterable[Citizen],
    prices: PriceBook,
    *,
    today: date,
    reform: date,
    refund_years: int = 2,
    follow_years: int = 5,
    payback_months: int = 60,
) -> dict:
    """Everything the economy page shows, as plain data (ISO dates, codes)."""
    all_segments: list[Segment] = []
    housed: list[tuple[date, list[Segment]]] = []
    for c in citizens:
        segs = segments(c, prices, today=today, reform=reform, refund_years=refund_years)
        all_segments += segs
        if c.housed_on is not None and c.housed_on <= today:
            housed.append((c.housed_on, segs))
    months = by_month(all_segments)
    years = by_year(months)
    found_cohorts = cohorts(housed, today=today, follow_years=follow_years)
    return {
        "months": [{"month": m.isoformat(), **months[m]} for m in sorted(months)],
        "years": [{"year": y, **years[y]} for y in sorted(years)],
        "cohorts": [
            {"year": k, "people": v["people"], "offsets": {str(o): t for o, t in v["offsets"].items()}}
            for k, v in sorted(((k, v) for k, v in found_cohorts.items() if k != "all"), key=lambda kv: kv[0])
        ],
        "all_cohorts": {
            "people": found_cohorts.get("all", {}).get("people", 0),
            "offsets": {str(o): t for o, t in found_cohorts.get("all", {}).get("offsets", {}).items()},
        },
        "payback": payback(housed, today=today, months=payback_months),
    }


def average(t: dict, key: str) -> float | None:
    """A cohort year's average per citizen followed (None when nobody has been followed that long)."""
    return t[key] / t["people"] if t and t.get("people") else None
