"""Shared test helpers, also used by the tenancy sweep's FILLERS for municipality B's objects.

They write the rows directly, not through the services: the sweep fingerprints B's access log, and a
filler must not add to it."""

from datetime import timedelta

from django.utils import timezone

from plans.models import ActionPlan, Assessment, AssessmentDimension, Consent, Recipient


def make_versions(person, n: int = 2):
    """Assessment and action plan versions 1..n of a person (idempotent), returning 1."""
    for v in range(1, n + 1):
        a, created = Assessment.objects.get_or_create(
            municipality=person.municipality,
            person=person,
            version=v,
            defaults={"is_current": v == n, "services_use": "some", "note": f"Vurdering {v}"},
        )
        if created:
            AssessmentDimension.objects.create(
                municipality=person.municipality,
                assessment=a,
                dimension="mental_health",
                own_words="Hemmeligt helbred",
                level=3,
            )
        ActionPlan.objects.get_or_create(
            municipality=person.municipality,
            person=person,
            version=v,
            defaults={
                "is_current": v == n,
                "wishes": f"Ønske {v}",
                "next_review_on": timezone.localdate() + timedelta(days=3),
            },
        )
    return 1


def make_consent(person):
    consent, _ = Consent.objects.get_or_create(
        municipality=person.municipality,
        person=person,
        recipient=Recipient.LANDLORD,
        defaults={
            "scope": "Navn og kontaktoplysninger",
            "given_on": timezone.localdate() - timedelta(days=5),
        },
    )
    return consent


# For tenants/tests/test_tenancy_sweep.py FILLERS.
def sweep_version(world):
    return make_versions(world.person_b)


def sweep_consent(world):
    return make_consent(world.person_b).pk
