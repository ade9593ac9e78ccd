"""Who may fill a citizen's count form (accounts/roles.py may_fill_count_form): pure, no database."""

import pytest

from accounts.roles import Role, may_fill_count_form


@pytest.mark.parametrize(
    ("role", "own", "has_workers", "protected", "allowed"),
    [
        (Role.OUTREACH_WORKER, True, True, False, True),  # the citizen's own worker
        (Role.SUPPORT_WORKER, False, True, False, False),  # another worker's citizen: health answers
        (Role.SUPPORT_WORKER, False, False, False, True),  # nobody's citizen: anyone on the count
        (Role.SUPPORT_WORKER, False, False, True, False),  # ... unless protected
        (Role.LEADER, False, True, True, True),  # the leader, as for health details
        (Role.HOUSING_BROKER, True, True, False, False),  # brokers do not work on the count
        (Role.ANALYST, False, False, False, False),  # aggregates only
        (Role.ADMINISTRATOR, False, False, False, False),
        (None, True, True, False, False),
    ],
)
def test_who_may_fill_a_count_form(role, own, has_workers, protected, allowed):
    assert (
        may_fill_count_form(role=role, is_own_worker=own, has_own_workers=has_workers, protected=protected)
        is allowed
    )
