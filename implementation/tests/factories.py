"""Objects of the implementation app for tests and the sweeps (tenancy, logging, malformed input)."""

from datetime import date, timedelta

from implementation.models import FocusArea, Initiative, MapActor, Meeting, Network, NetworkMember


def make_plan(municipality) -> dict:
    """A focus area with an initiative, a network with a member and a meeting, and an actor on the Landkort,
    all of ``municipality``; made once and found again."""
    area = FocusArea.objects.filter(municipality=municipality).first()
    if area is None:
        today = date.today()
        area = FocusArea.objects.create(
            municipality=municipality, number=3, title="Flere billige boliger", source="Indsats 3"
        )
        Initiative.objects.create(
            municipality=municipality,
            focus_area=area,
            title="Samarbejdsaftale med boligorganisationerne",
            owner="Socialchefen",
            start=today - timedelta(days=60),
            deadline=today + timedelta(days=120),
            principles=[1, 4],
        )
        network = Network.objects.create(municipality=municipality, kind="leaders", name="Ledernetværket")
        NetworkMember.objects.create(
            municipality=municipality, network=network, name="Lise Leder", organisation="Socialafdelingen"
        )
        Meeting.objects.create(municipality=municipality, network=network, held_on=today - timedelta(days=10))
        MapActor.objects.create(
            municipality=municipality, kind="shelter", name="Herberget ved havnen", phone="47 35 10 00"
        )
    return {
        "area": area,
        "initiative": Initiative.objects.filter(municipality=municipality).first(),
        "network": Network.objects.filter(municipality=municipality).first(),
        "member": NetworkMember.objects.filter(municipality=municipality).first(),
        "meeting": Meeting.objects.filter(municipality=municipality).first(),
        "actor": MapActor.objects.filter(municipality=municipality).first(),
    }


def make_b_plan(world) -> dict:
    return make_plan(world.person_b.municipality)
