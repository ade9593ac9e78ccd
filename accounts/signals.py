from django.contrib.auth.signals import user_logged_in
from django.core.cache import cache
from django.dispatch import receiver
from django.utils import timezone


@receiver(user_logged_in)
def run_daily_jobs_on_login(sender, request, user, **kwargs):
    """Retention and inactivity also run without a scheduler: at most once a day, on a login.
    Production should still run `purge_logs` and `mark_inactive` from cron (README)."""
    from audit.services import purge_expired_logs_if_due
    from people.services import mark_inactive
    from tenants.rls import system_access

    purge_expired_logs_if_due()
    today = timezone.localdate()
    with system_access():
        for membership in user.memberships.select_related("municipality"):
            if cache.add(f"people:inactive-run:{membership.municipality_id}:{today}", True, timeout=24 * 3600):
                mark_inactive(municipality=membership.municipality, today=today)
