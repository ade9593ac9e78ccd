"""Every figure on the economy page equals an independent recomputation from the raw rows: plain SQL for
the rows, then a day-by-day walk in plain Python (no segments, no shared code with economy/costs.py), on
histories generated through the services, with some of the municipality's own prices (SQLite and
PostgreSQL)."""

from collections import defaultdict
from datetime import date, timedelta

import pytest
from django.db import connection

from accounts.roles import Role
from economy import selectors
from economy.conf import DEFAULTS
from economy.models import Price
from economy.tests.factories import generate

TODAY = date.today()
REFORM = date(2023, 10, 1)
CASELOAD = {"cti": 10, "icm": 8, "act": 8}
METHODS = ["cti", "icm", "act", "s85"]
ONE_DAY = timedelta(days=1)


def _rows(sql, params):
    with connection.cursor() as c:
        c.execute(sql, params)
        return c.fetchall()


def _d(v):
    return v if isinstance(v, date) or v is None else date.fromisoformat(str(v))


def _plus_years(d, n):
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return date(d.year + n, 2, 28)


def _plus_months(d, n):
    y, m = divmod(d.month - 1 + n, 12)
    for day in (d.day, 30, 29, 28):
        try:
            return date(d.year + y, m + 1, day)
        except ValueError:
            pass


class Prices:
    """The municipality's own price for the year, else the default (step by year)."""

    def __init__(self, m):
        self.own = {
            (k, y): (float(a), u)
            for k, y, a, u in _rows(
                "SELECT kind, year, amount, unit FROM economy_price WHERE municipality_id = %s", [m.pk]
            )
        }

    def amount(self, kind, year):
        if (kind, year) in self.own:
            return self.own[(kind, year)]
        d = DEFAULTS["PRICES"][kind]
        value = d["amount"]
        for y in sorted(d.get("by_year", {})):
            if y <= year:
                value = d["by_year"][y]
        return value, d["unit"]

    def day(self, component, year):
        if component == "shelter":
            return float(self.amount("s110_day", year)[0] or 0)
        value, unit = self.amount(component, year)
        per_year = float(value) / CASELOAD[component] if unit == "worker_year" else float(value)
        return per_year / 365


def recompute(m):
    p = Prices(m)
    shelter = defaultdict(list)
    for person, start, end in _rows(
        "SELECT person_id, start_date, end_date FROM people_situationperiod "
        "WHERE municipality_id = %s AND situation = 'shelter'",
        [m.pk],
    ):
        shelter[person].append((_d(start), _d(end)))
    # person -> day -> [component, gross, refund]
    days = defaultdict(dict)
    for person, periods in shelter.items():
        covered = set()
        for s, e in periods:
            d = s
            while d < min(e or TODAY, TODAY):
                covered.add(d)
                d += ONE_DAY
        window_end, used = None, 0
        for d in sorted(covered):
            price = p.day("shelter", d.year)
            share = float(p.amount("refund_110_share", d.year)[0]) / 100
            if d < REFORM:
                refunded = True
            else:
                if window_end is None or d >= window_end:
                    window_end, used = _plus_years(d, 1), 0
                cap = p.amount("refund_110_cap_days", d.year)[0]
                refunded = cap is None or used < cap
                used += refunded
            days[person][(d, "shelter")] = (price, price * share if refunded else 0.0)

    def at_shelter(person, d):
        return any(s <= d and (e is None or d < e) for s, e in shelter[person])

    windows = defaultdict(list)
    for person, periods in shelter.items():
        candidates = sorted({e for _s, e in periods if e is not None and e <= TODAY})
        for d in candidates:
            if at_shelter(person, d) or not at_shelter(person, d - ONE_DAY) or d < REFORM:
                continue
            if windows[person] and d < windows[person][-1][1]:
                continue
            windows[person].append((d, _plus_years(d, 2)))
    events = defaultdict(list)
    for episode, kind, on in _rows(
        'SELECT episode_id, kind, "on" FROM support_episodeevent WHERE municipality_id = %s '
        "AND kind IN ('pause', 'resume') ORDER BY episode_id, \"on\", id",
        [m.pk],
    ):
        events[episode].append((kind, _d(on)))
    for pk, person, method, start, end in _rows(
        "SELECT id, person_id, method, start_date, end_date FROM support_supportepisode WHERE municipality_id = %s",
        [m.pk],
    ):
        if method not in METHODS:
            continue
        start, end = _d(start), _d(end)
        d = start
        while d < min(end or TODAY, TODAY):
            paused = False
            for kind, on in events[pk]:
                if on <= d:
                    paused = kind == "pause"
            if not paused:
                rate = p.day(method, d.year)
                inside = method in ("cti", "icm", "act") and any(ws <= d < we for ws, we in windows[person])
                share = float(p.amount("refund_176a_share", d.year)[0]) / 100
                days[person][(d, method)] = (rate, rate * share if inside else 0.0)
            d += ONE_DAY
    return days, shelter


def housed(m):
    first_homeless = {
        p: _d(d)
        for p, d in _rows(
            "SELECT person_id, MIN(start_date) FROM people_situationperiod WHERE municipality_id = %s AND "
            "situation IN ('street','night_shelter','shelter','hotel','sofa_surfer','transitional',"
            "'prison_release','hospital_discharge','other_emergency') GROUP BY person_id",
            [m.pk],
        )
    }
    out = {}
    for p, d in _rows(
        "SELECT person_id, start_date FROM people_situationperiod WHERE municipality_id = %s AND "
        "situation = 'own_home' UNION ALL SELECT person_id, starts_on FROM housing_tenancy WHERE municipality_id = %s",
        [m.pk, m.pk],
    ):
        d = _d(d)
        if p in first_homeless and d > first_homeless[p] and (p not in out or d < out[p]):
            out[p] = d
    return out


@pytest.fixture
def world(municipality_a, users_a, actor_factory):
    actor = actor_factory(users_a[Role.LEADER], municipality_a, Role.LEADER)
    generate(actor, users_a, today=TODAY)
    # Own prices: a dearer shelter day this year, ICM per worker-year last year, a lower cap two years ago.
    Price.objects.create(
        municipality=municipality_a, kind="s110_day", year=TODAY.year, amount=2100, unit="day"
    )
    Price.objects.create(
        municipality=municipality_a, kind="icm", year=TODAY.year - 1, amount=720000, unit="worker_year"
    )
    Price.objects.create(
        municipality=municipality_a, kind="refund_110_cap_days", year=TODAY.year - 2, amount=60, unit="days"
    )
    return actor


@pytest.mark.django_db
def test_the_page_figures_equal_a_day_by_day_recomputation_from_the_raw_rows(world):
    m = world.municipality
    page = selectors.economy(world, today=TODAY)
    days, _shelter = recompute(m)
    assert days, "the generated data has shelter days and support"

    # By month and by year.
    for key, rows in (("month", page["months"]), ("year", page["years"])):
        expected = defaultdict(lambda: defaultdict(float))
        for person_days in days.values():
            for (d, comp), (gross, refund) in person_days.items():
                k = d.replace(day=1) if key == "month" else d.year
                e = expected[k]
                e[f"{comp}_gross"] += gross
                e[f"{comp}_refund"] += refund
                e[f"{comp}_days"] += 1
        assert sorted(r["label"] for r in rows) == sorted(expected)
        for r in rows:
            e = expected[r["label"]]
            assert r["shelter_days"] == e["shelter_days"]
            assert r["shelter_gross"] == pytest.approx(e["shelter_gross"], abs=1)
            assert r["refund_110"] == pytest.approx(e["shelter_refund"], abs=1)
            for i, method in enumerate(METHODS):
                assert r["support"][i] == pytest.approx(e[f"{method}_gross"], abs=1)
            assert r["refund_176a"] == pytest.approx(sum(e[f"{x}_refund"] for x in METHODS), abs=1)
            gross = e["shelter_gross"] + sum(e[f"{x}_gross"] for x in METHODS)
            refund = e["shelter_refund"] + sum(e[f"{x}_refund"] for x in METHODS)
            assert r["gross"] == pytest.approx(gross, abs=1)
            assert r["net"] == pytest.approx(gross - refund, abs=1)

    # Cohorts (all years pooled and each year): people followed, average cost gross and net.
    moved = housed(m)
    assert moved, "some generated citizens moved into a home"

    def window_sums(person, start, end):
        g = r = 0.0
        for (d, _comp), (gross, refund) in days.get(person, {}).items():
            if start <= d < end:
                g, r = g + gross, r + refund
        return g, r

    def offsets(people):
        out = {}
        for o in (-1, 1, 2, 3, 4, 5):
            n = g = r = 0
            for p in people:
                h = moved[p]
                start, end = (_plus_years(h, -1), h) if o < 0 else (_plus_years(h, o - 1), _plus_years(h, o))
                if end > TODAY:
                    continue
                wg, wr = window_sums(p, start, end)
                n, g, r = n + 1, g + wg, r + wr
            out[str(o)] = (n, g / n if n else None, (g - r) / n if n else None)
        return out

    def check(got, want):
        for o in got:
            n, g, net = want[o["key"]]
            assert o["people"] == n
            assert o["gross"] == (None if g is None else pytest.approx(g, abs=1))
            assert o["net"] == (None if net is None else pytest.approx(net, abs=1))

    assert page["pooled_people"] == len(moved)
    check(page["pooled"], offsets(list(moved)))
    for c in page["cohorts"]:
        members = [p for p, h in moved.items() if h.year == c["year"]]
        assert c["people"] == len(members)
        check(c["offsets"], offsets(members))

    # Payback: month by month after moving in, cumulative averages, and the month it is reached.
    cum = {"sg": 0.0, "cg": 0.0, "sn": 0.0, "cn": 0.0}
    found = {"gross": None, "net": None}
    for row in page["payback"]["rows"]:
        k = row["month"]
        sums = {"sg": 0.0, "cg": 0.0, "sn": 0.0, "cn": 0.0}
        n = 0
        for p, h in moved.items():
            start, end = _plus_months(h, k - 1), _plus_months(h, k)
            if end > TODAY:
                continue
            n += 1
            before = [
                v
                for (d, comp), v in days.get(p, {}).items()
                if comp == "shelter" and _plus_years(h, -1) <= d < h
            ]
            now = [(comp, v) for (d, comp), v in days.get(p, {}).items() if start <= d < end]
            sums["sg"] += sum(g for g, _r in before) / 12 - sum(v[0] for c, v in now if c == "shelter")
            sums["sn"] += sum(g - r for g, r in before) / 12 - sum(
                v[0] - v[1] for c, v in now if c == "shelter"
            )
            sums["cg"] += sum(v[0] for c, v in now if c != "shelter")
            sums["cn"] += sum(v[0] - v[1] for c, v in now if c != "shelter")
        assert row["people"] == n
        for key in cum:
            cum[key] += sums[key] / n
        assert row["cum_saving_gross"] == pytest.approx(cum["sg"], abs=1)
        assert row["cum_support_gross"] == pytest.approx(cum["cg"], abs=1)
        assert row["cum_saving_net"] == pytest.approx(cum["sn"], abs=1)
        assert row["cum_support_net"] == pytest.approx(cum["cn"], abs=1)
        for basis, s, c in (("gross", "sg", "cg"), ("net", "sn", "cn")):
            if found[basis] is None and cum[c] > 0 and cum[s] >= cum[c]:
                found[basis] = k
    assert page["payback"]["month_gross"] == found["gross"]
    assert page["payback"]["month_net"] == found["net"]
