"""Consent checks other apps call before sharing a person's details (issue 3, item 7).

A consent is in force from the day it is given through ``valid_until``; revoked on a day, it no longer
covers that day.
"""

from datetime import date

from django.db.models import Q

from .models import Consent, Recipient


class ConsentMissing(PermissionError):
    """A share that needs consent, without one; the message is Danish and names the recipient."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _in_force(*, person, recipient: str, on: date):
    return (
        Consent.objects.filter(
            municipality_id=person.municipality_id, person_id=person.pk, recipient=recipient, given_on__lte=on
        )
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on))
        .filter(Q(revoked_on__isnull=True) | Q(revoked_on__gt=on))
    )


def has_consent(*, person, recipient: str, on: date) -> bool:
    """Whether the person had agreed, on that day, to share with this kind of recipient."""
    recipient = Recipient(recipient)  # an unknown recipient is a programming error: raise
    return _in_force(person=person, recipient=recipient, on=on).exists()


def consent_require(*, person, recipient: str, on: date) -> None:
    """Refuse a share without consent, with a Danish message saying what is missing."""
    if not has_consent(person=person, recipient=recipient, on=on):
        label = Recipient(recipient).label
        raise ConsentMissing(
            f"{person.display_name} har ikke givet samtykke til at dele oplysninger med "
            f"{str(label).lower()} den {on:%d.%m.%Y}. Oplysningerne må ikke deles uden samtykke."
        )
