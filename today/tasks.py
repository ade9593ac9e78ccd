"""I dag on the database queue (django-tasks): the bell's count refreshed when stale (queued by
today.services.bell_read) and the daily e-mail (``manage.py enqueue_daily_jobs``)."""

from django.utils import timezone
from django_tasks import task

from accounts.access import Actor
from accounts.models import Membership
from tenants.rls import system_access

from . import selectors, services
from .models import TodayState


def _actor(membership) -> Actor:
    return Actor(user=membership.user, municipality=membership.municipality, role=membership.role, path="")


@task()
def refresh_bell(user_id: int, municipality_id: int) -> int:
    """The user's stored count in that municipality, computed again: the count."""
    today = timezone.localdate()
    with system_access():
        membership = (
            Membership.objects.select_related("user", "municipality")
            .filter(user_id=user_id, municipality_id=municipality_id)
            .first()
        )
        if membership is None or not selectors.has_today(membership.role):
            return 0
        return services.bell_refresh(actor=_actor(membership), today=today).count


@task()
def send_daily_digests() -> int:
    """Every user who asked for the daily e-mail gets it, once a day, if anything needs them: mails sent."""
    today = timezone.localdate()
    sent = 0
    with system_access():
        wanted = TodayState.objects.filter(digest=True).exclude(digest_sent_on=today)
        for user_id, municipality_id in wanted.values_list("user_id", "municipality_id"):
            membership = (
                Membership.objects.select_related("user", "municipality")
                .filter(user_id=user_id, municipality_id=municipality_id, user__is_active=True)
                .first()
            )
            if membership is None or not selectors.has_today(membership.role):
                continue
            sent += services.digest_send(actor=_actor(membership), today=today)
    return sent
