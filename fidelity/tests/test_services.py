"""Services of the fidelity app: assessments as drafts then completed, actions followed up next quarter,
one-time links (used twice, expired, wrong municipality), anonymous answers."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from fidelity import conf, services
from fidelity.models import AgreedAction, AssessmentStatus, Statement, SurveyInvitation, SurveyResponse
from fidelity.quarters import Quarter
from fidelity.services import FidelityError

from .factories import full_answers, leader_actor, make_unit

pytestmark = pytest.mark.django_db
NOW = timezone.now()
MEETING = {
    "meeting_on": date(2026, 3, 20),
    "participants": "Leder og tre medarbejdere",
    "citizens_involved": True,
    "citizens_involvement": "Brief INSPIRE",
}


@pytest.fixture
def leader(users_a, municipality_a):
    return leader_actor(users_a, municipality_a)


@pytest.fixture
def statements():
    return list(Statement.objects.filter(theme__form_version__current=True).order_by("number"))


def test_a_draft_is_saved_with_missing_answers_and_completed_later(leader, statements):
    unit = make_unit(leader)
    a = services.assessment_start(actor=leader, unit=unit, quarter=Quarter(2026, 1))
    answers = {statements[0].id: (5, "God forståelse"), statements[1].id: (None, "")}
    services.assessment_save(
        actor=leader,
        assessment=a,
        meeting={},
        answers=answers,
        new_actions=[],
        follow_ups={},
        complete=False,
        now=NOW,
    )
    a.refresh_from_db()
    assert a.status == AssessmentStatus.DRAFT
    assert dict(a.answers.values_list("statement_id", "value")) == {
        statements[0].id: 5,
        statements[1].id: None,
    }
    # same quarter again: the same draft, not a second one
    assert services.assessment_start(actor=leader, unit=unit, quarter=Quarter(2026, 1)) == a
    services.assessment_save(
        actor=leader,
        assessment=a,
        meeting=MEETING,
        answers=full_answers(statements),
        new_actions=[],
        follow_ups={},
        complete=True,
        now=NOW,
    )
    a.refresh_from_db()
    assert a.is_completed and a.completed_by == leader.user and a.citizens_involved


def test_completing_needs_meeting_date_and_participants(leader, statements):
    a = services.assessment_start(actor=leader, unit=make_unit(leader), quarter=Quarter(2026, 1))
    with pytest.raises(FidelityError, match="mødedato og deltagere"):
        services.assessment_save(
            actor=leader,
            assessment=a,
            meeting={},
            answers={},
            new_actions=[],
            follow_ups={},
            complete=True,
            now=NOW,
        )


def test_a_completed_assessment_cannot_change(leader, statements):
    a = services.assessment_start(actor=leader, unit=make_unit(leader), quarter=Quarter(2026, 1))
    services.assessment_save(
        actor=leader,
        assessment=a,
        meeting=MEETING,
        answers=full_answers(statements),
        new_actions=[],
        follow_ups={},
        complete=True,
        now=NOW,
    )
    with pytest.raises(FidelityError, match="afsluttet"):
        services.assessment_save(
            actor=leader,
            assessment=a,
            meeting={},
            answers=full_answers(statements),
            new_actions=[],
            follow_ups={},
            complete=False,
            now=NOW,
        )


def test_completing_with_unanswered_statements_asks_for_confirmation_naming_them_and_saves_nothing(
    leader, statements
):
    a = services.assessment_start(actor=leader, unit=make_unit(leader), quarter=Quarter(2026, 1))
    answers = full_answers(statements)
    answers[statements[2].id] = (None, "Vi var uenige")
    answers[statements[15].id] = (None, "")
    with pytest.raises(services.UnansweredStatements) as asked:
        services.assessment_save(
            actor=leader,
            assessment=a,
            meeting=MEETING,
            answers=answers,
            new_actions=[],
            follow_ups={},
            complete=True,
            now=NOW,
        )
    assert [s.number for s in asked.value.statements] == [3, 16]
    assert asked.value.message == (
        "Udsagn 3, 16 er ikke besvaret. Besvar dem, eller bekræft, at vurderingen skal afsluttes uden."
    )
    a.refresh_from_db()
    assert a.status == AssessmentStatus.DRAFT and not a.answers.exists() and a.meeting_on is None


def test_unanswered_statements_saved_in_an_earlier_draft_also_need_confirmation(leader, statements):
    a = services.assessment_start(actor=leader, unit=make_unit(leader), quarter=Quarter(2026, 1))
    services.assessment_save(
        actor=leader,
        assessment=a,
        meeting={},
        answers={statements[0].id: (None, "")},
        new_actions=[],
        follow_ups={},
        complete=False,
        now=NOW,
    )
    with pytest.raises(services.UnansweredStatements) as asked:
        services.assessment_save(
            actor=leader,
            assessment=a,
            meeting=MEETING,
            answers={},
            new_actions=[],
            follow_ups={},
            complete=True,
            now=NOW,
        )
    assert [s.number for s in asked.value.statements] == list(range(1, 17))


def test_confirmed_unanswered_statements_complete_and_the_log_names_them(leader, statements):
    from audit.models import AccessLogEntry

    a = services.assessment_start(actor=leader, unit=make_unit(leader), quarter=Quarter(2026, 1))
    answers = full_answers(statements)
    answers[statements[2].id] = (None, "")
    with pytest.raises(services.UnansweredStatements):  # a confirmation covers only the statements it names
        services.assessment_save(
            actor=leader,
            assessment=a,
            meeting=MEETING,
            answers=answers | {statements[4].id: (None, "")},
            new_actions=[],
            follow_ups={},
            complete=True,
            now=NOW,
            confirmed_unanswered={3},
        )
    services.assessment_save(
        actor=leader,
        assessment=a,
        meeting=MEETING,
        answers=answers,
        new_actions=[],
        follow_ups={},
        complete=True,
        now=NOW,
        confirmed_unanswered={3},
    )
    a.refresh_from_db()
    assert a.is_completed and a.answers.get(statement=statements[2]).value is None
    assert AccessLogEntry.objects.filter(detail__contains="bekræftet uden svar på udsagn 3").count() == 1


def _completed(leader, statements):
    a = services.assessment_start(actor=leader, unit=make_unit(leader), quarter=Quarter(2026, 1))
    answers = full_answers(statements, 4)
    answers[statements[0].id] = (2, "Skal drøftes")
    services.assessment_save(
        actor=leader,
        assessment=a,
        meeting=MEETING,
        answers=answers,
        new_actions=[],
        follow_ups={},
        complete=True,
        now=NOW,
    )
    return a


def test_a_leader_reopens_a_completed_assessment_keeping_its_answers_and_the_log_says_why(leader, statements):
    from audit.models import AccessLogEntry, Action

    a = _completed(leader, statements)
    services.assessment_reopen(actor=leader, assessment=a, reason="Udsagn 1 blev besvaret forkert")
    a.refresh_from_db()
    assert a.status == AssessmentStatus.DRAFT and a.completed_at is None and a.completed_by is None
    assert a.answers.get(statement=statements[0]).comment == "Skal drøftes" and a.answers.count() == 16
    entry = AccessLogEntry.objects.filter(action=Action.UPDATE, detail__startswith="Genåbnet").get()
    assert entry.user == leader.user and "Begrundelse: Udsagn 1 blev besvaret forkert" in entry.detail
    # and it can be corrected and completed again
    services.assessment_save(
        actor=leader,
        assessment=a,
        meeting=MEETING,
        answers={statements[0].id: (4, "")},
        new_actions=[],
        follow_ups={},
        complete=True,
        now=NOW,
    )
    a.refresh_from_db()
    assert a.is_completed and a.answers.get(statement=statements[0]).value == 4


def test_reopening_needs_a_reason_and_a_completed_assessment(leader, statements):
    a = _completed(leader, statements)
    with pytest.raises(FidelityError, match="hvorfor") as no_reason:
        services.assessment_reopen(actor=leader, assessment=a, reason="  ")
    assert no_reason.value.field == "reason"
    services.assessment_reopen(actor=leader, assessment=a, reason="Fejl")
    with pytest.raises(FidelityError, match="ikke afsluttet"):
        services.assessment_reopen(actor=leader, assessment=a, reason="Igen")


def test_only_a_leader_may_reopen(leader, statements, users_a, municipality_a):
    from accounts.access import Actor
    from accounts.roles import Role

    a = _completed(leader, statements)
    for role in Role:
        if role != Role.LEADER:
            with pytest.raises(FidelityError, match="Kun en leder"):
                services.assessment_reopen(
                    actor=Actor(user=users_a[role], municipality=municipality_a, role=role),
                    assessment=a,
                    reason="Fejl",
                )
    a.refresh_from_db()
    assert a.is_completed


def test_an_answer_off_the_scale_names_the_statement_and_saves_nothing(leader, statements):
    a = services.assessment_start(actor=leader, unit=make_unit(leader), quarter=Quarter(2026, 1))
    answers = {statements[0].id: (5, ""), statements[2].id: (0, "")}
    with pytest.raises(FidelityError, match="Udsagn 3"):
        services.assessment_save(
            actor=leader,
            assessment=a,
            meeting={},
            answers=answers,
            new_actions=[],
            follow_ups={},
            complete=False,
            now=NOW,
        )
    assert not a.answers.exists()


def test_actions_agreed_one_quarter_are_followed_up_the_next(leader, statements):
    unit = make_unit(leader)
    q1 = services.assessment_start(actor=leader, unit=unit, quarter=Quarter(2026, 1))
    services.assessment_save(
        actor=leader,
        assessment=q1,
        meeting=MEETING,
        answers=full_answers(statements),
        new_actions=[
            {
                "statement_id": statements[4].id,
                "what": "Aftale med boligselskab",
                "who": "Leder",
                "due_on": date(2026, 5, 1),
            }
        ],
        follow_ups={},
        complete=True,
        now=NOW,
    )
    q2 = services.assessment_start(actor=leader, unit=unit, quarter=Quarter(2026, 2))
    open_actions = list(services.previous_open_actions(q2))
    assert [a.what for a in open_actions] == ["Aftale med boligselskab"]
    services.assessment_save(
        actor=leader,
        assessment=q2,
        meeting={},
        answers={},
        new_actions=[],
        follow_ups={open_actions[0].id: ("done", "Aftalen er underskrevet")},
        complete=False,
        now=NOW,
    )
    action = AgreedAction.objects.get()
    assert (action.status, action.follow_up, action.followed_up_in) == ("done", "Aftalen er underskrevet", q2)
    assert list(services.previous_open_actions(q2)) == []


def test_an_action_needs_what_who_and_when(leader, statements):
    a = services.assessment_start(actor=leader, unit=make_unit(leader), quarter=Quarter(2026, 1))
    with pytest.raises(FidelityError, match="udsagn 1: udfyld hvad, hvem"):
        services.assessment_save(
            actor=leader,
            assessment=a,
            meeting={},
            answers={},
            follow_ups={},
            complete=False,
            new_actions=[{"statement_id": statements[0].id, "what": "x", "who": "", "due_on": None}],
            now=NOW,
        )


def test_unit_names_are_unique_per_municipality(leader):
    make_unit(leader, "Team Syd")
    with pytest.raises(FidelityError, match="allerede"):
        make_unit(leader, "Team Syd")


# --- one-time links --------------------------------------------------------------------------------------

RAW = {"connectedness": "4", "hope": "3", "identity": "na", "meaning": "2", "empowerment": "3"}


def test_a_link_answers_once_anonymously_and_the_token_is_not_stored(leader, municipality_a):
    unit = make_unit(leader)
    invitation, token = services.invitation_create(actor=leader, unit=unit, mode="link", now=NOW)
    assert token not in invitation.token_hash
    response = services.survey_answer(
        municipality=municipality_a, token=token, raw=RAW, now=NOW, today=date(2026, 2, 3)
    )
    assert response.score == 100 * 3 / 4  # mean(4, 3, 2, 3) = 3 -> 75
    assert (response.year, response.quarter, response.unit) == (2026, 1, unit)
    # anonymous: the answer has no person and no link back to the invitation
    fields = {f.name for f in SurveyResponse._meta.get_fields()}
    assert not fields & {"person", "invitation", "created_by", "created_at"}
    with pytest.raises(FidelityError, match="allerede brugt"):
        services.survey_answer(
            municipality=municipality_a, token=token, raw=RAW, now=NOW, today=date(2026, 2, 3)
        )
    assert SurveyResponse.objects.count() == 1


def test_an_expired_link_is_refused(leader, municipality_a, settings):
    invitation, token = services.invitation_create(actor=leader, unit=make_unit(leader), mode="link", now=NOW)
    later = NOW + timedelta(days=conf.value("LINK_VALID_DAYS"), seconds=1)
    with pytest.raises(FidelityError, match="udløbet"):
        services.survey_answer(
            municipality=municipality_a, token=token, raw=RAW, now=later, today=later.date()
        )
    assert not SurveyResponse.objects.exists()


def test_a_link_of_another_municipality_is_not_found(leader, municipality_b):
    _, token = services.invitation_create(actor=leader, unit=make_unit(leader), mode="link", now=NOW)
    with pytest.raises(FidelityError, match="findes ikke"):
        services.survey_answer(municipality=municipality_b, token=token, raw=RAW, now=NOW, today=NOW.date())
    assert SurveyInvitation.objects.get().used_at is None


def test_an_incomplete_answer_keeps_the_link_usable(leader, municipality_a):
    _, token = services.invitation_create(actor=leader, unit=make_unit(leader), mode="link", now=NOW)
    with pytest.raises(FidelityError, match="udsagn 2"):
        services.survey_answer(
            municipality=municipality_a, token=token, raw={"connectedness": "4"}, now=NOW, today=NOW.date()
        )
    assert SurveyInvitation.objects.get().used_at is None


# --- WHO-5 -----------------------------------------------------------------------------------------------

WHO5_RAW = {"cheerful": "4", "calm": "3", "active": "3", "rested": "2", "interested": "5"}


def test_a_who5_link_stores_a_who5_answer_with_its_score_and_is_used_up(leader, municipality_a):
    unit = make_unit(leader)
    invitation, token = services.invitation_create(
        actor=leader, unit=unit, mode="tablet", instrument="who5", now=NOW
    )
    assert invitation.instrument == "who5"
    response = services.survey_answer(
        municipality=municipality_a, token=token, raw=WHO5_RAW, now=NOW, today=date(2026, 5, 3)
    )
    assert (response.instrument, response.score) == ("who5", 68.0)  # (4 + 3 + 3 + 2 + 5) x 4
    assert response.answers == {"cheerful": 4, "calm": 3, "active": 3, "rested": 2, "interested": 5}
    assert (response.year, response.quarter, response.unit) == (2026, 2, unit)
    assert SurveyInvitation.objects.get().used_at == NOW
    with pytest.raises(FidelityError, match="allerede brugt"):
        services.survey_answer(
            municipality=municipality_a, token=token, raw=WHO5_RAW, now=NOW, today=date(2026, 5, 3)
        )
    assert SurveyResponse.objects.count() == 1


def test_a_who5_link_is_parsed_as_who5_not_as_brief_inspire(leader, municipality_a):
    _, token = services.invitation_create(
        actor=leader, unit=make_unit(leader), mode="link", instrument="who5", now=NOW
    )
    with pytest.raises(FidelityError, match='udsagn 1: "… har jeg været glad og i godt humør"'):
        services.survey_answer(municipality=municipality_a, token=token, raw=RAW, now=NOW, today=NOW.date())
    assert SurveyInvitation.objects.get().used_at is None  # still usable


def test_an_invitation_defaults_to_brief_inspire_and_refuses_an_unknown_questionnaire(leader):
    unit = make_unit(leader)
    invitation, _ = services.invitation_create(actor=leader, unit=unit, mode="link", now=NOW)
    assert invitation.instrument == "brief_inspire"
    with pytest.raises(FidelityError, match="Vælg et spørgeskema"):
        services.invitation_create(actor=leader, unit=unit, mode="link", instrument="phq9", now=NOW)


def test_every_instrument_choice_has_a_questionnaire_module():
    from fidelity import instruments
    from fidelity.models import Instrument

    assert set(instruments.MODULES) == set(Instrument.values)
