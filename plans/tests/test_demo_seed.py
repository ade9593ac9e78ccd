"""The demo has assessments, decisions, plans and consents, and reviews due for the demo support worker."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.access import Actor
from accounts.models import User
from accounts.roles import Role
from plans import selectors
from plans.models import ActionPlan, Assessment, Consent, MethodDecision, PlanGoal
from support.selectors import my_citizens
from tenants.models import Municipality

pytestmark = pytest.mark.django_db


def test_demo_plans_and_reviews_due_for_the_support_worker(client):
    call_command("seed_demo", stdout=__import__("io").StringIO())
    frederikssund = Municipality.objects.get(code="0250")
    assert Assessment.objects.filter(municipality=frederikssund, is_current=True).count() >= 15
    assert Assessment.objects.filter(municipality=frederikssund, version=2).exists()
    assert ActionPlan.objects.filter(municipality=frederikssund).exclude(wishes="").count() >= 15
    assert PlanGoal.objects.filter(municipality=frederikssund).exists()
    assert Consent.objects.filter(municipality=frederikssund).count() >= 10
    assert MethodDecision.objects.filter(municipality=frederikssund).exclude(reason="").exists()
    worker = User.objects.get(username="stoettemedarbejder")
    actor = Actor(user=worker, municipality=frederikssund, role=Role.SUPPORT_WORKER)
    due = selectors.reviews_due(actor, today=timezone.localdate(), people=my_citizens(actor))
    assert len(due) >= 5
    assert any(p.overdue for p in due)
    client.force_login(worker)
    person = due[0].person
    assert client.get(reverse("plans:plan", args=[person.pk])).status_code == 200
    call_command("seed_demo", stdout=__import__("io").StringIO())  # a rerun resets cleanly
