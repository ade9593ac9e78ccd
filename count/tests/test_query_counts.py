"""The count week's list of forms shows one page: a link to the next, only the people on the page logged,
and a query count that does not grow with the forms."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.roles import Role
from audit.models import AccessLogEntry, Action
from count import questionnaire as q
from count.models import CountForm, CountWeek

pytestmark = pytest.mark.django_db

PAGE, N = 2, 3


@pytest.fixture
def week(settings, municipality_a):
    settings.HF = {**settings.HF, "COUNT": {"LIST_PAGE_SIZE": PAGE}}
    return CountWeek.objects.create(
        municipality=municipality_a, year=2026, week_start=q.week_start(2026), form_version=q.CURRENT
    )


def add_forms(week, worker, person_factory, n, start=0):
    for i in range(start, start + n):
        person = person_factory(worker, first_name=f"Person{i:03d}", last_name="Talt")
        CountForm.objects.create(
            municipality=week.municipality, count_week=week, person=person, answers={"situation": "1"}
        )


def test_the_week_page_shows_one_page_of_forms_and_logs_only_those(
    week, worker_a, person_factory, login, users_a
):
    add_forms(week, worker_a, person_factory, N)
    client = login(users_a[Role.LEADER])
    before = AccessLogEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
    response = client.get(f"/optaelling/{week.pk}/")
    page = response.context["page"]
    assert len(page.object_list) == PAGE and page.paginator.count == N
    assert "side=2" in response.content.decode()
    logged = AccessLogEntry.objects.filter(id__gt=before, action=Action.READ).values_list(
        "person_id", flat=True
    )
    assert sorted(logged) == sorted(f.person_id for f in page.object_list)
    assert len(client.get(f"/optaelling/{week.pk}/?side=2").context["page"].object_list) == N - PAGE


def test_the_week_pages_query_count_does_not_grow_with_its_forms(
    week, worker_a, person_factory, login, users_a
):
    client = login(users_a[Role.LEADER])
    counts, made = [], 0
    for n in (N, 2 * N):
        add_forms(week, worker_a, person_factory, n, start=made)
        made += n
        client.get(f"/optaelling/{week.pk}/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/optaelling/{week.pk}/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
