"""The count's pages: completeness equals a recomputation, names only for roles that work on the count, the
form page saves and shows the count's messages, the result and the export in the count's layout."""

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from accounts.roles import Role
from audit.models import AccessLogEntry, Action
from core.tests.test_english import english
from count import questionnaire as q
from count import services
from count.models import CountForm, CountWeek, WeekStatus
from people.models import Person

pytestmark = pytest.mark.django_db

Q = q.questionnaire()


def full(answers):
    out = {
        f.code: (["unknown"] if f.kind == "multi" else f.options[-1][0] if f.options else "x")
        for f in Q.fields
    }
    out["age"] = 40
    return out | answers


@pytest.fixture
def week_a(worker_a, person_factory, municipality_a):
    """A's count week of 2026 with four forms: two complete, one missing income, one almost empty."""
    week = CountWeek.objects.create(
        municipality=municipality_a, year=2026, week_start=q.week_start(2026), form_version="2024"
    )
    specs = [
        ("Anders", "Andersen", "030377-1113", full({"situation": "1", "gender": "male", "age": 19})),
        ("Birgit", "Bech", "", full({"situation": "3", "gender": "female", "age": 45})),
        (
            "Carl",
            "Clausen",
            "",
            {k: v for k, v in full({"situation": "3", "gender": "male", "age": 62}).items() if k != "income"},
        ),
        ("Dorte", "Dahl", "", {"situation": "5", "identification": "DD"}),
    ]
    for first, last, cpr, answers in specs:
        person = person_factory(worker_a, first_name=first, last_name=last, cpr=cpr, start=date(2025, 6, 1))
        CountForm.objects.create(
            municipality=municipality_a,
            count_week=week,
            person=person,
            answers=answers,
            prefilled={},
            complete=not q.missing(Q, answers),
        )
    return week


def test_week_page_shows_completeness_equal_to_a_recomputation(week_a, login, users_a):
    response = login(users_a[Role.LEADER]).get(f"/optaelling/{week_a.pk}/")
    assert response.status_code == 200
    done = response.context["done"]
    answers = list(CountForm.objects.filter(count_week=week_a).values_list("answers", flat=True))
    assert done.total == 4 == len(answers)
    assert (
        done.complete == sum(all(a.get(f.code) not in (None, "", []) for f in Q.fields) for a in answers) == 2
    )
    for f in Q.fields:
        assert done.missing_by_field[f.code] == sum(1 for a in answers if a.get(f.code) in (None, "", []))
    assert done.missing_by_field["income"] == 2 and done.missing_by_field["situation"] == 0
    assert "2 / 4" in response.content.decode()


def test_week_page_lists_forms_by_name_and_logs_each_for_a_leader(week_a, login, users_a):
    response = login(users_a[Role.LEADER]).get(f"/optaelling/{week_a.pk}/")
    text = response.content.decode()
    assert "Dorte Dahl" in text and "Anders Andersen" in text
    # Incomplete forms come first.
    assert text.index("Dorte Dahl") < text.index("Anders Andersen")
    logged = set(
        AccessLogEntry.objects.filter(action=Action.READ, purpose=services.PURPOSE).values_list(
            "person_id", flat=True
        )
    )
    assert logged == set(CountForm.objects.filter(count_week=week_a).values_list("person_id", flat=True))


def test_missing_only_filter_lists_the_incomplete_forms(week_a, login, users_a):
    text = login(users_a[Role.LEADER]).get(f"/optaelling/{week_a.pk}/?mangler=1").content.decode()
    assert "Carl Clausen" in text and "Dorte Dahl" in text
    assert "Anders Andersen" not in text


def test_analyst_sees_only_aggregates(week_a, login, users_a):
    client = login(users_a[Role.ANALYST])
    for path in (f"/optaelling/{week_a.pk}/", f"/optaelling/{week_a.pk}/resultat/", "/optaelling/"):
        response = client.get(path)
        assert response.status_code == 200
        text = response.content.decode()
        assert not any(name in text for name in ("Andersen", "Bech", "Clausen", "Dahl"))
    assert client.get(f"/optaelling/{week_a.pk}/").context["done"].total == 4
    form = CountForm.objects.filter(count_week=week_a).first()
    assert client.get(f"/optaelling/skema/{form.pk}/").status_code == 403
    assert client.get(f"/optaelling/{week_a.pk}/skemaer.xlsx").status_code == 403
    assert not AccessLogEntry.objects.filter(action=Action.READ).exists()


def test_a_leader_opens_a_week_from_the_page(worker_a, person_factory, login, users_a):
    person_factory(worker_a, first_name="Gert", last_name="Gade", situation="street", start=date(2025, 3, 1))
    response = login(users_a[Role.LEADER]).post("/optaelling/aabn/", {"year": "2026"})
    week = CountWeek.objects.get(year=2026)
    assert response.status_code == 302 and response["Location"] == f"/optaelling/{week.pk}/"
    assert week.forms.get().person.last_name == "Gade"


def test_opening_an_unknown_year_says_why(login, users_a):
    response = login(users_a[Role.LEADER]).post("/optaelling/aabn/", {"year": "1999"})
    assert response.status_code == 400
    assert "Vælg et år mellem 2007 og" in response.content.decode()
    assert not CountWeek.objects.exists()


def test_a_worker_may_not_open_a_week(login, users_a):
    assert login(users_a[Role.OUTREACH_WORKER]).post("/optaelling/aabn/", {"year": "2026"}).status_code == 403


def form_of(week, last_name):
    return CountForm.objects.get(count_week=week, person__last_name=last_name)


def post_data(answers):
    data = {}
    for f in Q.fields:
        value = answers.get(f.code, "")
        data[f.code] = value if isinstance(value, list) else str(value)
    return data


def test_the_form_page_saves_a_workers_answers(week_a, login, users_a):
    form = form_of(week_a, "Dahl")
    client = login(users_a[Role.OUTREACH_WORKER])
    page = client.get(f"/optaelling/skema/{form.pk}/")
    assert page.status_code == 200 and "Dorte Dahl" in page.content.decode()
    answers = full({"situation": "5", "identification": "DD", "causes": ["breakup", "economy"]})
    response = client.post(f"/optaelling/skema/{form.pk}/", post_data(answers))
    assert response.status_code == 302
    form.refresh_from_db()
    assert form.complete and form.answers["causes"] == ["economy", "breakup"] and form.answers["age"] == 40


def test_the_form_page_shows_the_counts_messages_and_saves_nothing(week_a, login, users_a):
    form = form_of(week_a, "Dahl")
    data = post_data({"situation": "5", "age": "fyrre", "income": "lotto"})
    response = login(users_a[Role.OUTREACH_WORKER]).post(f"/optaelling/skema/{form.pk}/", data)
    assert response.status_code == 400
    text = response.content.decode()
    assert "Skriv et helt tal ved &#x27;Alder&#x27;." in text
    assert "Vælg et af svarene på spørgsmålet &#x27;Primært forsørgelsesgrundlag&#x27;." in text
    form.refresh_from_db()
    assert form.answers == {"situation": "5", "identification": "DD"}


def test_another_workers_citizen_is_not_theirs_to_fill(week_a, login, users_a):
    form = form_of(week_a, "Dahl")  # the outreach worker's own citizen
    assert login(users_a[Role.SUPPORT_WORKER]).get(f"/optaelling/skema/{form.pk}/").status_code == 403


def test_result_by_situation_gender_and_age_beside_earlier_counts(
    week_a, municipality_a, person_factory, worker_a, login, users_a
):
    earlier = CountWeek.objects.create(
        municipality=municipality_a,
        year=2024,
        week_start=q.week_start(2024),
        form_version="2024",
        status=WeekStatus.CLOSED,
    )
    for person in Person.objects.filter(last_name__in=["Andersen", "Bech"]):
        CountForm.objects.create(
            municipality=municipality_a, count_week=earlier, person=person, answers={"situation": "1"}
        )
    response = login(users_a[Role.LEADER]).get(f"/optaelling/{week_a.pk}/resultat/")
    assert response.status_code == 200
    ctx = response.context
    assert [s["count"] for s in ctx["situations"]] == [1, 0, 2, 0, 1, 0, 0, 0, 0]
    assert {g["label"]: g["count"] for g in ctx["genders"]} == {
        "Mand": 2,
        "Kvinde": 1,
        "Andet": 0,
        "Ikke oplyst": 1,
    }
    ages = {a["label"]: a["count"] for a in ctx["ages"]}
    assert (ages["18-24"], ages["40-49"], ages["60 og derover"], ages["Ikke oplyst"]) == (1, 1, 1, 1)
    assert ctx["history"] == [
        {"year": 2019, "local": None, "national": 6431},
        {"year": 2022, "local": None, "national": 5789},
        {"year": 2024, "local": 2, "national": 5989},
        {"year": 2026, "local": 4, "national": None},
    ]
    assert ctx["chart"]["history"]["local"] == [None, None, 2, 4]
    assert "VIVE" in response.content.decode()


def test_export_has_the_counts_headers_and_one_row_per_form(week_a, login, users_a):
    response = login(users_a[Role.LEADER]).get(f"/optaelling/{week_a.pk}/skemaer.xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    assert list(rows[0]) == [f.question for f in Q.fields]
    assert len(rows) == 1 + 4
    by_id = {r[0]: r for r in rows[1:]}
    # The leader may not see full CPR numbers: the birth date part only; initials where no CPR is known.
    assert "030377-XXXX" in by_id and "DD" in by_id
    anders = by_id["030377-XXXX"]
    col = {f.code: i for i, f in enumerate(Q.fields)}
    assert anders[col["situation"]] == dict(Q["situation"].options)["1"]
    assert anders[col["gender"]] == "Mand" and anders[col["age"]] == 19
    assert anders[col["causes"]] == "Ved ikke"
    exported = AccessLogEntry.objects.filter(action=Action.EXPORT, purpose=services.PURPOSE)
    assert set(exported.exclude(person_id=None).values_list("person_id", flat=True)) == set(
        CountForm.objects.filter(count_week=week_a).values_list("person_id", flat=True)
    )
    assert exported.filter(person_id=None, detail__contains="4 borgere").exists()


def test_a_closed_week_is_closed_and_reopened_by_a_leader(week_a, login, users_a):
    client = login(users_a[Role.LEADER])
    assert client.post(f"/optaelling/{week_a.pk}/status/", {"status": "closed"}).status_code == 302
    week_a.refresh_from_db()
    assert week_a.status == "closed"
    assert client.post(f"/optaelling/{week_a.pk}/status/", {"status": "open"}).status_code == 302
    week_a.refresh_from_db()
    assert week_a.status == "open"


def test_the_navigation_names_the_count_for_a_leader_and_an_analyst(login, users_a):
    for role in (Role.LEADER, Role.ANALYST):
        groups = login(users_a[role]).get("/optaelling/").context["nav_groups"]
        assert any(link["url"] == "/optaelling/" for g in groups for link in g["links"])


def test_english_pages(week_a, login, users_a):
    client = english(login(users_a[Role.LEADER]))
    text = client.get(f"/optaelling/{week_a.pk}/").content.decode()
    assert 'lang="en"' in text
    assert "<h1>Homelessness count 2026</h1>" in text and "Missing answers per question" in text
    assert "Homelessness count" in client.get("/optaelling/").content.decode()
