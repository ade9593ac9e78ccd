"""The fidelity pages make the same number of queries whatever the number of units, quarters, actions and
citizens' answers (an N+1 fails here). Measured on a small and a four times larger municipality."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from fidelity import services
from fidelity.models import SurveyResponse
from fidelity.quarters import Quarter

from .factories import full_answers, leader_actor, make_unit
from .test_views import statements

pytestmark = pytest.mark.django_db


def populate(actor, municipality, *, units: int, start: int = 0) -> list:
    """Units with a completed assessment in each of the last four quarters, an agreed action per
    assessment and eight anonymous answers of each questionnaire per quarter."""
    made = []
    st = statements()
    this = Quarter.of(timezone.localdate())
    for u in range(start, start + units):
        unit = make_unit(actor, name=f"Enhed {u}")
        q = this
        for k in range(4):
            q = q.previous() if k else q
            a = services.assessment_start(actor=actor, unit=unit, quarter=q)
            services.assessment_save(
                actor=actor,
                assessment=a,
                meeting={"meeting_on": q.start, "participants": "Leder, medarbejdere"},
                answers=full_answers(st, value=2 + (u + k) % 4),
                new_actions=[
                    {
                        "statement_id": st[k].id,
                        "what": f"Handling {k}",
                        "who": "Leder",
                        "due_on": timezone.localdate() - timedelta(days=10 - k),
                    }
                ],
                follow_ups={},
                complete=True,
                now=timezone.now(),
            )
            for i in range(8):
                SurveyResponse.objects.create(
                    municipality=municipality,
                    unit=unit,
                    instrument="brief_inspire",
                    year=q.year,
                    quarter=q.number,
                    answers={},
                    score=40 + i,
                )
                SurveyResponse.objects.create(
                    municipality=municipality,
                    unit=unit,
                    instrument="who5",
                    year=q.year,
                    quarter=q.number,
                    answers={},
                    score=44 + i,
                )
        made.append(unit)
    return made


def count(client, url) -> int:
    client.get(url)  # warm up session and caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_fidelity_pages_do_not_grow_with_the_data(login, users_a, municipality_a):
    actor = leader_actor(users_a, municipality_a)
    units = populate(actor, municipality_a, units=2)
    client = login(users_a[Role.LEADER])
    unit = units[0]
    this = Quarter.of(timezone.localdate())
    draft = services.assessment_start(actor=actor, unit=unit, quarter=this.next())
    urls = {
        "overview": reverse("fidelity:overview"),
        "results": reverse("fidelity:results") + f"?enhed={unit.pk}&kvartal={this}",
        "form": reverse("fidelity:assessment", args=[draft.pk]),
        "leader front page": reverse("home:leader"),
    }
    small = {name: count(client, url) for name, url in urls.items()}
    populate(actor, municipality_a, units=6, start=2)
    large = {name: count(client, url) for name, url in urls.items()}
    assert large == small
