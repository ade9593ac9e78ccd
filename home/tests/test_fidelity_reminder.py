import pytest
from django.urls import reverse

from accounts.roles import Role
from fidelity.models import OrganisationalUnit

pytestmark = pytest.mark.django_db


def test_leader_front_page_reminds_of_units_without_this_quarters_fidelity_form(
    login, users_a, municipality_a, municipality_b
):
    OrganisationalUnit.objects.create(
        municipality=municipality_a, name="HF-teamet", leader=users_a[Role.LEADER]
    )
    OrganisationalUnit.objects.create(municipality=municipality_b, name="Andet kommunes team")
    html = login(users_a[Role.LEADER]).get(reverse("home:leader")).content.decode()
    assert "HF-teamet: ikke påbegyndt" in html
    assert "Andet kommunes team" not in html
    assert reverse("fidelity:overview") in html
