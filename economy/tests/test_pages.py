"""The economy page and the prices: who sees and edits what, the log, tenancy, the downloads, bad input."""

import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.roles import Role
from audit.models import AccessLogEntry, Action
from economy import selectors, services
from economy.errors import PriceDataError
from economy.models import Price

pytestmark = pytest.mark.django_db
TODAY = date.today()


@pytest.fixture
def a_leader(municipality_a, users_a, actor_factory):
    return actor_factory(users_a[Role.LEADER], municipality_a, Role.LEADER)


@pytest.fixture
def at_shelter(a_leader, person_factory):
    """Nielsen has been at a shelter for the last 40 nights."""
    return person_factory(
        a_leader, last_name="Nielsen", situation="shelter", start=TODAY - timedelta(days=40)
    )


def _year_row(actor):
    data = selectors.economy(actor, today=TODAY)
    return next(y for y in data["years"] if y["label"] == TODAY.year), data


def _nights_this_year():
    return min(40, (TODAY - date(TODAY.year, 1, 1)).days)


def test_the_shelter_nights_cost_the_default_day_price(a_leader, at_shelter):
    row, data = _year_row(a_leader)
    assert row["shelter_days"] == _nights_this_year()
    assert row["shelter_gross"] == round(_nights_this_year() * 1507)
    shelter_price = next(p for p in data["prices"] if p["kind"] == "s110_day")
    assert shelter_price["amount"] == 1507 and not shelter_price["own"]


def test_the_analyst_sees_the_page_without_names_and_no_read_is_logged(users_a, login, at_shelter):
    reads = AccessLogEntry.objects.filter(action=Action.READ).count()
    response = login(users_a[Role.ANALYST]).get(reverse("economy:page"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Nielsen" not in body and "Økonomi" in body
    assert f"{round(_nights_this_year() * 1507):,}".replace(",", ".") in body
    assert reverse("economy:prices") not in body  # only leaders edit prices
    assert AccessLogEntry.objects.filter(action=Action.READ).count() == reads


@pytest.mark.parametrize("role", [Role.ANALYST, Role.SUPPORT_WORKER, Role.HOUSING_BROKER, Role.ADMINISTRATOR])
def test_only_leaders_open_and_change_the_prices(users_a, login, role):
    client = login(users_a[role])
    assert client.get(reverse("economy:prices")).status_code == 403
    response = client.post(
        reverse("economy:prices"),
        {"kind": "s110_day", "year": TODAY.year, "amount": "1", "unit": "day", "source": "Forsøg"},
    )
    assert response.status_code == 403
    assert not Price.objects.exists()


def test_a_leader_sets_a_price_and_the_cost_follows_and_the_change_is_logged(
    users_a, login, a_leader, at_shelter
):
    client = login(users_a[Role.LEADER])
    response = client.post(
        reverse("economy:prices"),
        {
            "kind": "s110_day",
            "year": TODAY.year,
            "amount": "2000",
            "unit": "day",
            "source": "Takstaftale 2026",
            "action": "save",
        },
    )
    assert response.status_code == 302
    price = Price.objects.get()
    assert (price.kind, price.year, price.amount, price.source) == (
        "s110_day",
        TODAY.year,
        2000,
        "Takstaftale 2026",
    )
    entry = AccessLogEntry.objects.filter(action=Action.CREATE, purpose=services.PURPOSE).get()
    assert entry.changes["amount"] == ["", "2000.00"] and entry.person_id is None
    row, data = _year_row(a_leader)
    assert row["shelter_gross"] == _nights_this_year() * 2000
    own = next(p for p in data["prices"] if p["kind"] == "s110_day")
    assert own["own"] and own["source"] == "Takstaftale 2026"
    page = client.get(reverse("economy:prices") + f"?aar={TODAY.year}").content.decode()
    assert "Kommunens egen" in page and "Standardpris" in page


def test_removing_a_price_brings_the_default_back(a_leader, at_shelter):
    services.price_save(
        actor=a_leader,
        kind="s110_day",
        year=TODAY.year,
        amount=2000,
        unit="day",
        source="Budget",
        today=TODAY,
    )
    services.price_clear(actor=a_leader, kind="s110_day", year=TODAY.year, today=TODAY)
    assert not Price.objects.exists()
    row, _data = _year_row(a_leader)
    assert row["shelter_gross"] == round(_nights_this_year() * 1507)
    assert AccessLogEntry.objects.filter(action=Action.DELETE, purpose=services.PURPOSE).count() == 1


@pytest.mark.parametrize(
    "change, field",
    [
        ({"kind": "refund_110_share", "unit": "percent", "amount": 150}, "amount"),
        ({"kind": "refund_110_cap_days", "unit": "days", "amount": "90.5"}, "amount"),
        ({"kind": "s110_day", "unit": "citizen_year"}, "unit"),
        ({"kind": "s85", "unit": "worker_year"}, "unit"),
        ({"source": "  "}, "source"),
        ({"year": 1999}, "year"),
        ({"kind": "ukendt"}, "kind"),
    ],
)
def test_a_price_that_does_not_fit_is_refused_with_its_field(a_leader, change, field):
    values = {"kind": "s110_day", "year": TODAY.year, "amount": 1500, "unit": "day", "source": "Budget"}
    values.update(change)
    with pytest.raises(PriceDataError) as exc:
        services.price_save(actor=a_leader, today=TODAY, **values)
    assert exc.value.field == field
    assert not Price.objects.exists()


def test_the_form_shows_the_error_and_saves_nothing(users_a, login):
    response = login(users_a[Role.LEADER]).post(
        reverse("economy:prices"),
        {"kind": "refund_110_share", "year": TODAY.year, "amount": "150", "unit": "percent", "source": "X"},
    )
    assert response.status_code == 400
    assert "højst være 100" in response.content.decode()
    assert not Price.objects.exists()


def test_an_icm_price_per_worker_year_is_divided_by_the_caseload(a_leader, person_factory, users_a):
    from support import services as support_services

    person = person_factory(a_leader, situation="shelter", start=TODAY - timedelta(days=30))
    support_services.worker_save(
        actor=a_leader, user=users_a[Role.SUPPORT_WORKER], method="icm", team=None, caseload_limit=None
    )
    support_services.episode_start(
        actor=a_leader,
        person=person,
        method="icm",
        start_date=TODAY - timedelta(days=10),
        worker=users_a[Role.SUPPORT_WORKER],
    )
    services.price_save(
        actor=a_leader,
        kind="icm",
        year=TODAY.year,
        amount=730000,
        unit="worker_year",
        source="Løn",
        today=TODAY,
    )
    data = selectors.economy(a_leader, today=TODAY)
    days = sum(m["support_days"][1] for m in data["months"])  # the methods in order: CTI, ICM, ACT, § 85
    assert days == 10
    assert sum(m["support"][1] for m in data["months"]) == pytest.approx(10 * 730000 / 8 / 365, abs=2)


def test_another_municipalitys_prices_and_costs_are_never_shown(
    users_a, users_b, login, municipality_b, actor_factory, person_factory
):
    b_leader = actor_factory(users_b[Role.LEADER], municipality_b, Role.LEADER)
    person_factory(b_leader, last_name="Bornholmsen", situation="shelter", start=TODAY - timedelta(days=60))
    services.price_save(
        actor=b_leader,
        kind="s110_day",
        year=TODAY.year,
        amount=987654,
        unit="day",
        source="Odenses takst",
        today=TODAY,
    )
    client = login(users_a[Role.LEADER])
    for url in (reverse("economy:page"), reverse("economy:prices")):
        body = client.get(url).content.decode()
        assert "987" not in body and "Odenses takst" not in body and "Bornholmsen" not in body
    a = selectors.economy(
        actor_factory(users_a[Role.LEADER], users_a[Role.LEADER].memberships.get().municipality, Role.LEADER),
        today=TODAY,
    )
    assert a["years"] == [] and a["months"] == []


def test_the_workbook_and_the_pdf_hold_the_figures_and_are_logged(users_a, login, at_shelter, monkeypatch):
    client = login(users_a[Role.ANALYST])
    response = client.get(reverse("economy:xlsx"))
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    years = list(book["År"].iter_rows(values_only=True))
    assert years[-1][0] == TODAY.year and years[-1][1] == _nights_this_year()
    assert years[-1][2] == round(_nights_this_year() * 1507)
    prices = list(book["Priser"].iter_rows(values_only=True))
    assert any(r[0] == "Døgn på boform (§ 110)" and r[2] == 1507 for r in prices)

    response = client.get(reverse("economy:pdf"))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert AccessLogEntry.objects.filter(action=Action.EXPORT, purpose__startswith="Økonomien").count() == 2


def test_the_page_says_residential_stays_are_not_recorded(users_a, login):
    body = login(users_a[Role.LEADER]).get(reverse("economy:page")).content.decode()
    assert "registrerer ikke ophold på botilbud efter § 107 eller § 108" in body
