"""Count objects for tests, including municipality B's for the tenancy and logging sweeps."""

from count import questionnaire as q
from count.models import CountForm, CountWeek


def make_b_count(world):
    """A count week of the sweep person's municipality with a form for that person, made once per world.

    Created directly (not through the services) so the municipality's access log, which the sweeps read
    before the fillers run, stays as it was."""
    if getattr(world, "count_b", None) is None:
        person = world.person_b
        week = CountWeek.objects.create(
            municipality=person.municipality, year=2026, week_start=q.week_start(2026), form_version=q.CURRENT
        )
        answers = {"identification": "BB", "situation": "3", "gender": "female", "age": 40}
        form = CountForm.objects.create(
            municipality=person.municipality,
            count_week=week,
            person=person,
            answers=answers,
            prefilled=answers,
        )
        world.count_b = {"week": week, "form": form}
    return world.count_b
