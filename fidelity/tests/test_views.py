"""Pages of the fidelity app through the test client: the leader's run of a quarter, results and
exports, the citizen's page without login, and who may see what."""

import io
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from fidelity import conf, services
from fidelity.models import FidelityAssessment, Statement, SurveyResponse
from fidelity.quarters import Quarter

from .factories import full_answers, leader_actor, make_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def leader(users_a, municipality_a):
    return leader_actor(users_a, municipality_a)


def statements():
    return list(Statement.objects.filter(theme__form_version__current=True).order_by("number"))


def test_the_form_page_shows_the_16_statements_and_the_scale(leader, login, users_a):
    unit = make_unit(leader)
    client = login(users_a[Role.LEADER])
    response = client.post(
        reverse("fidelity:assessment_start"),
        {"unit": unit.pk, "quarter": str(Quarter.of(timezone.localdate()))},
    )
    a = FidelityAssessment.objects.get()
    assert response.url == reverse("fidelity:assessment", args=[a.pk])
    page = client.get(response.url).content.decode()
    for s in statements():
        assert s.text in page
    for label in ("Helt enig", "Enig", "Hverken enig/uenig", "Uenig", "Helt uenig", "Ikke besvaret"):
        assert f">{label}</label>" in page


def test_posting_the_form_saves_a_draft_then_completes_and_shows_results(leader, login, users_a):
    unit = make_unit(leader)
    a = services.assessment_start(actor=leader, unit=unit, quarter=Quarter(2026, 1))
    client = login(users_a[Role.LEADER])
    st = statements()
    data = {f"s{s.id}-value": "4" for s in st}
    data[f"s{st[0].id}-value"] = ""  # left unanswered
    data[f"s{st[5].id}-value"] = "2"
    data.update(
        {
            f"s{st[5].id}-what": "Flere samarbejdsaftaler",
            f"s{st[5].id}-who": "Leder",
            f"s{st[5].id}-due": "2026-06-30",
            "action": "draft",
        }
    )
    assert client.post(reverse("fidelity:assessment", args=[a.pk]), data).status_code == 302
    a.refresh_from_db()
    assert a.status == "draft" and a.actions.count() == 1
    data.pop(f"s{st[5].id}-what"), data.pop(f"s{st[5].id}-who"), data.pop(f"s{st[5].id}-due")
    data.update({"action": "complete", "meeting_on": "2026-03-20", "participants": "Leder, to medarbejdere"})
    # statement 1 is unanswered: the page asks for confirmation, names it and links to it; nothing is saved
    asked = client.post(reverse("fidelity:assessment", args=[a.pk]), data)
    assert asked.status_code == 200
    panel = asked.content.decode().split('id="unanswered"')[1].split("</div>")[0]
    assert "1 udsagn er ikke besvaret. Vil I afslutte vurderingen alligevel?" in panel
    assert f'<a href="#statement-1">Udsagn 1: {st[0].text}</a>' in panel
    assert 'name="confirmed_unanswered" value="1"' in panel and 'value="complete_confirmed"' in panel
    a.refresh_from_db()
    assert a.status == "draft" and a.meeting_on is None
    data.update({"action": "complete_confirmed", "confirmed_unanswered": "1"})
    response = client.post(reverse("fidelity:assessment", args=[a.pk]), data)
    assert response.status_code == 302 and "resultater" in response.url
    page = client.get(response.url).content.decode()
    assert "mangler" in page  # the unanswered statement
    assert "Svageste udsagn" in page and st[5].text in page
    assert "Data findes ikke endnu" in page  # support indicators


def test_an_incomplete_action_names_the_statement(leader, login, users_a):
    a = services.assessment_start(actor=leader, unit=make_unit(leader), quarter=Quarter(2026, 1))
    st = statements()
    response = login(users_a[Role.LEADER]).post(
        reverse("fidelity:assessment", args=[a.pk]), {f"s{st[2].id}-what": "Kursus", "action": "draft"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Aftalt handling ved udsagn 3: udfyld også hvem og senest." in page
    assert f'href="#id_s{st[2].id}-who"' in page


def test_exports_pdf_and_xlsx(leader, login, users_a):
    unit = make_unit(leader)
    a = services.assessment_start(actor=leader, unit=unit, quarter=Quarter(2026, 1))
    services.assessment_save(
        actor=leader,
        assessment=a,
        meeting={"meeting_on": date(2026, 3, 1), "participants": "Alle"},
        answers=full_answers(statements()[:15], 3),
        new_actions=[],
        follow_ups={},
        complete=True,
        now=timezone.now(),
        confirmed_unanswered={16},
    )
    client = login(users_a[Role.LEADER])
    url = reverse("fidelity:results_export", args=["xlsx"]) + f"?enhed={unit.pk}&kvartal=2026-K1"
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(client.get(url).getvalue()))
    rows = list(book["Udsagn"].iter_rows(values_only=True))
    assert rows[3][4] == 3 and rows[18][4] == "mangler"  # statement 16 unanswered: "mangler", not 0
    pdf = client.get(reverse("fidelity:results_export", args=["pdf"]) + f"?enhed={unit.pk}&kvartal=2026-K1")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_inspire_results_only_for_five_or_more(leader, login, users_a, municipality_a):
    unit = make_unit(leader)
    for i in range(4):
        SurveyResponse.objects.create(
            municipality=municipality_a,
            unit=unit,
            instrument="brief_inspire",
            year=2026,
            quarter=1,
            answers={},
            score=50 + i,
        )
    client = login(users_a[Role.LEADER])
    url = reverse("fidelity:results") + f"?enhed={unit.pk}&kvartal=2026-K1"
    assert "Færre end 5 svar: vises ikke" in client.get(url).content.decode()
    SurveyResponse.objects.create(
        municipality=municipality_a,
        unit=unit,
        instrument="brief_inspire",
        year=2026,
        quarter=1,
        answers={},
        score=60,
    )
    page = client.get(url).content.decode()
    assert "<td>5</td>" in page and (
        "<td>53,2</td>" in page or "<td>53.2</td>" in page
    )  # mean of 50..53 and 60


def test_the_citizen_answers_without_login_once(leader, client, municipality_a):
    _, token = services.invitation_create(
        actor=leader, unit=make_unit(leader), mode="link", now=timezone.now()
    )
    url = reverse("fidelity:answer", args=[municipality_a.code, token])
    page = client.get(url)
    assert page.status_code == 200 and "Min medarbejder hjælper mig" in page.content.decode()
    missing = client.post(url, {"connectedness": "4"})
    assert "Vælg et svar til udsagn 2" in missing.content.decode()
    done = client.post(
        url, {"connectedness": "4", "hope": "4", "identity": "3", "meaning": "na", "empowerment": "2"}
    )
    assert "Tak for dine svar" in done.content.decode()
    again = client.get(url)
    assert again.status_code == 410 and "allerede brugt" in again.content.decode()


def test_a_token_under_another_municipality_code_is_not_found(leader, client, municipality_a, municipality_b):
    _, token = services.invitation_create(
        actor=leader, unit=make_unit(leader), mode="link", now=timezone.now()
    )
    assert client.get(reverse("fidelity:answer", args=[municipality_b.code, token])).status_code == 404


def test_overview_reminds_of_missing_assessment_and_overdue_actions(leader, login, users_a):
    unit = make_unit(leader, "Team Vest")
    past = Quarter.of(timezone.localdate()).previous()
    a = services.assessment_start(actor=leader, unit=unit, quarter=past)
    services.assessment_save(
        actor=leader,
        assessment=a,
        meeting={"meeting_on": past.end, "participants": "Alle"},
        answers={},
        follow_ups={},
        complete=True,
        now=timezone.now(),
        confirmed_unanswered=range(1, 17),
        new_actions=[{"statement_id": None, "what": "Borgermøde", "who": "Anna", "due_on": past.end}],
    )
    page = login(users_a[Role.LEADER]).get(reverse("fidelity:overview")).content.decode()
    assert "Mangler afsluttet vurdering" in page and "Team Vest" in page
    assert "Borgermøde (Anna" in page


@pytest.mark.parametrize("role, status", [(Role.ANALYST, 200), (Role.ADMINISTRATOR, 403)])
def test_who_sees_the_results(role, status, login, users_a):
    assert login(users_a[role]).get(reverse("fidelity:results")).status_code == status


def test_an_analyst_cannot_fill_the_form(leader, login, users_a):
    a = services.assessment_start(actor=leader, unit=make_unit(leader), quarter=Quarter(2026, 1))
    assert login(users_a[Role.ANALYST]).get(reverse("fidelity:assessment", args=[a.pk])).status_code == 403


# --- WHO-5 -----------------------------------------------------------------------------------------------


def test_the_invitation_form_makes_a_who5_link(leader, login, users_a):
    unit = make_unit(leader)
    client = login(users_a[Role.LEADER])
    page = client.get(reverse("fidelity:invitation_create")).content.decode()
    assert 'value="brief_inspire" checked' in page and ">WHO-5 Trivselsindeks</label>" in page
    response = client.post(
        reverse("fidelity:invitation_create"), {"unit": unit.pk, "instrument": "who5", "mode": "link"}
    )
    assert "Engangslink til WHO-5 Trivselsindeks for en borger i Team Nord" in response.content.decode()
    from fidelity.models import SurveyInvitation

    assert SurveyInvitation.objects.get().instrument == "who5"


def test_the_citizen_answers_who5_on_the_page_the_invitation_names(leader, client, municipality_a):
    _, token = services.invitation_create(
        actor=leader, unit=make_unit(leader), mode="link", instrument="who5", now=timezone.now()
    )
    url = reverse("fidelity:answer", args=[municipality_a.code, token])
    page = client.get(url).content.decode()
    assert "Hvordan har du haft det?" in page and "Min medarbejder hjælper mig" not in page
    assert (
        "I de sidste 2 uger …" in page
        and ">På intet tidspunkt</label>" in page
        and "Ikke relevant" not in page
    )
    # each question's name for a screen reader is the whole sentence
    assert (
        '<span class="visually-hidden">I de sidste 2 uger har jeg været glad og i godt humør</span>' in page
    )
    missing = client.post(url, {"cheerful": "5", "calm": "4"}).content.decode()
    assert "Vælg et svar til udsagn 3" in missing and 'href="#q-active-legend"' in missing
    assert 'id="q-cheerful-5" value="5" checked' in missing  # the answers given are kept
    done = client.post(url, {"cheerful": "5", "calm": "4", "active": "3", "rested": "0", "interested": "1"})
    assert "Tak for dine svar" in done.content.decode()
    response = SurveyResponse.objects.get()
    assert (response.instrument, response.score) == ("who5", 52.0)
    again = client.get(url)
    assert again.status_code == 410 and "allerede brugt" in again.content.decode()
    assert (
        client.post(
            url, dict.fromkeys(("cheerful", "calm", "active", "rested", "interested"), "5")
        ).status_code
        == 410
    )
    assert SurveyResponse.objects.count() == 1


def test_an_expired_who5_link_is_closed(leader, client, municipality_a, settings):
    from datetime import timedelta

    days = conf.value("LINK_VALID_DAYS")
    _, token = services.invitation_create(
        actor=leader,
        unit=make_unit(leader),
        mode="link",
        instrument="who5",
        now=timezone.now() - timedelta(days=days, minutes=1),
    )
    response = client.get(reverse("fidelity:answer", args=[municipality_a.code, token]))
    assert response.status_code == 410 and "udløbet" in response.content.decode()


def test_a_who5_token_under_another_municipality_code_is_not_found(leader, client, municipality_b):
    _, token = services.invitation_create(
        actor=leader, unit=make_unit(leader), mode="link", instrument="who5", now=timezone.now()
    )
    url = reverse("fidelity:answer", args=[municipality_b.code, token])
    assert client.get(url).status_code == 404
    assert (
        client.post(
            url, dict.fromkeys(("cheerful", "calm", "active", "rested", "interested"), "5")
        ).status_code
        == 404
    )
    assert not SurveyResponse.objects.exists()


def _who5(municipality, unit, scores, quarter=1):
    for s in scores:
        SurveyResponse.objects.create(
            municipality=municipality,
            unit=unit,
            instrument="who5",
            year=2026,
            quarter=quarter,
            answers={},
            score=s,
        )


def test_who5_results_only_for_five_or_more(leader, login, users_a, municipality_a):
    unit = make_unit(leader)
    _who5(municipality_a, unit, [40, 44, 48, 52])
    # five Brief INSPIRE answers in the same quarter do not lift WHO-5 over the threshold
    for s in (50, 60, 70, 80, 90):
        SurveyResponse.objects.create(
            municipality=municipality_a,
            unit=unit,
            instrument="brief_inspire",
            year=2026,
            quarter=1,
            answers={},
            score=s,
        )
    client = login(users_a[Role.LEADER])
    url = reverse("fidelity:results") + f"?enhed={unit.pk}&kvartal=2026-K1"
    page = client.get(url).content.decode()
    table = page[page.index('id="who5-table"') :]
    table = table[: table.index("</table>")]
    assert "<td>4</td>" in table and "Færre end 5 svar: vises ikke" in table
    assert "46" not in table  # the mean of the four is never shown
    assert "28 eller derunder på mulig depression" in page and "aldrig en diagnose" in page
    _who5(municipality_a, unit, [66])
    table = client.get(url).content.decode().split('id="who5-table"')[1].split("</table>")[0]
    assert "<td>5</td>" in table and ("<td>50,0</td>" in table or "<td>50.0</td>" in table)


def test_who5_change_from_the_quarter_before(leader, municipality_a, users_a):
    from fidelity import selectors

    unit = make_unit(leader)
    _who5(municipality_a, unit, [40, 40, 40, 40, 40], quarter=1)
    _who5(municipality_a, unit, [52, 52, 52, 52, 52], quarter=2)
    _who5(municipality_a, unit, [60, 60], quarter=3)
    rows = selectors.who5_trend(
        leader, unit=unit, quarters=[Quarter(2026, 1), Quarter(2026, 2), Quarter(2026, 3)]
    )
    assert [(r["n"], r["mean"], r["change"]) for r in rows] == [
        (5, 40.0, None),
        (5, 52.0, 12.0),
        (2, None, None),
    ]


def test_who5_in_the_xlsx_export_under_the_same_threshold(leader, login, users_a, municipality_a):
    unit = make_unit(leader)
    _who5(municipality_a, unit, [40, 44, 48, 52, 56], quarter=1)
    _who5(municipality_a, unit, [80, 80], quarter=2)
    from openpyxl import load_workbook

    url = reverse("fidelity:results_export", args=["xlsx"]) + f"?enhed={unit.pk}&kvartal=2026-K2"
    book = load_workbook(io.BytesIO(login(users_a[Role.LEADER]).get(url).getvalue()))
    rows = [r for r in book["Borgernes stemme"].iter_rows(values_only=True) if r[0] == "WHO-5 Trivselsindeks"]
    by_quarter = {r[1]: r[2:4] for r in rows}
    assert by_quarter["1. kvartal 2026"] == (5, 48)
    assert by_quarter["2. kvartal 2026"] == (2, "vises ikke (for få svar)")


def test_who5_in_the_pdf_report(leader, users_a, municipality_a):
    from django.template.loader import render_to_string

    from fidelity import selectors

    unit = make_unit(leader)
    _who5(municipality_a, unit, [40, 44, 48, 52, 56])
    data = selectors.results(leader, unit=unit, quarter=Quarter(2026, 1))
    html = render_to_string("fidelity/report_pdf.html", {"data": data, "min_group": 5})
    assert "WHO-5 Trivselsindeks pr. kvartal for Team Nord" in html and "<td>48" in html


def test_four_all_not_relevant_answers_and_one_real_one_show_no_result_on_any_output(leader, login, users_a):
    """Anonymity counts answers that carry a score: four citizens who answered "Ikke relevant for mig" to
    everything and one who answered 3 to everything must not show that one citizen's 75 anywhere."""
    from django.template.loader import render_to_string
    from openpyxl import load_workbook

    from fidelity import inspire, selectors

    unit = make_unit(leader)
    today = date(2026, 2, 10)
    for raw in [{i.key: "na" for i in inspire.ITEMS}] * 4 + [{i.key: "3" for i in inspire.ITEMS}]:
        _, token = services.invitation_create(actor=leader, unit=unit, mode="link", now=timezone.now())
        services.survey_answer(
            municipality=leader.municipality, token=token, raw=raw, now=timezone.now(), today=today
        )
    assert sorted(SurveyResponse.objects.values_list("score", flat=True), key=str) == [
        75.0,
        None,
        None,
        None,
        None,
    ]
    client = login(users_a[Role.LEADER])
    query = f"?enhed={unit.pk}&kvartal=2026-K1"

    page = client.get(reverse("fidelity:results") + query).content.decode()
    table = page.split('id="inspire-table"')[1].split("</table>")[0]
    assert "Færre end 5 svar: vises ikke" in table and "75" not in table

    data = selectors.results(leader, unit=unit, quarter=Quarter(2026, 1))
    pdf_html = render_to_string("fidelity/report_pdf.html", {"data": data, "min_group": 5})
    pdf_table = pdf_html.split('id="inspire-table"')[1].split("</table>")[0]
    assert "Færre end 5 svar: vises ikke" in pdf_table and "75" not in pdf_table

    book = load_workbook(
        io.BytesIO(client.get(reverse("fidelity:results_export", args=["xlsx"]) + query).getvalue())
    )
    rows = [
        r
        for r in book["Borgernes stemme"].iter_rows(values_only=True)
        if r[:2] == ("Brief INSPIRE", "1. kvartal 2026")
    ]
    assert rows == [("Brief INSPIRE", "1. kvartal 2026", 1, "vises ikke (for få svar)", None)]


def _completed(leader, unit):
    a = services.assessment_start(actor=leader, unit=unit, quarter=Quarter(2026, 1))
    services.assessment_save(
        actor=leader,
        assessment=a,
        meeting={"meeting_on": date(2026, 3, 1), "participants": "Alle"},
        answers=full_answers(statements(), 3),
        new_actions=[],
        follow_ups={},
        complete=True,
        now=timezone.now(),
    )
    return a


def test_a_leader_reopens_a_completed_assessment_from_the_results_page(leader, login, users_a):
    unit = make_unit(leader)
    a = _completed(leader, unit)
    client = login(users_a[Role.LEADER])
    results = reverse("fidelity:results") + f"?enhed={unit.pk}&kvartal=2026-K1"
    page = client.get(results).content.decode()
    assert (
        f'action="{reverse("fidelity:assessment_reopen", args=[a.pk])}"' in page
        and "Genåbn vurderingen" in page
    )
    refused = client.post(reverse("fidelity:assessment_reopen", args=[a.pk]), {"reason": ""}, follow=True)
    assert "Skriv, hvorfor vurderingen genåbnes." in refused.content.decode()
    a.refresh_from_db()
    assert a.is_completed
    response = client.post(
        reverse("fidelity:assessment_reopen", args=[a.pk]), {"reason": "Forkert svar på udsagn 4"}
    )
    assert response.status_code == 302 and response.url == reverse("fidelity:assessment", args=[a.pk])
    a.refresh_from_db()
    assert a.status == "draft" and a.answers.count() == 16
    form = client.get(response.url).content.decode()
    assert "Vurderingen for" in form and "er genåbnet som kladde." in form
    assert "Genåbn vurderingen" not in client.get(results).content.decode()  # no longer completed


@pytest.mark.parametrize("role", [r for r in Role if r != Role.LEADER])
def test_only_a_leader_sees_or_uses_the_reopen_button(role, leader, login, users_a):
    unit = make_unit(leader)
    a = _completed(leader, unit)
    client = login(users_a[role])
    page = client.get(reverse("fidelity:results") + f"?enhed={unit.pk}&kvartal=2026-K1")
    assert "Genåbn vurderingen" not in page.content.decode()
    assert (
        client.post(reverse("fidelity:assessment_reopen", args=[a.pk]), {"reason": "Fejl"}).status_code == 403
    )
    a.refresh_from_db()
    assert a.is_completed
