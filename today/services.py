"""Writes of "I dag": what the person has seen, the bell's stored count and the e-mail preference. The
items themselves are never written: they are derived from the current state (today/selectors.py)."""

from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from accounts.access import Actor, actor_log, require
from accounts.roles import Capability
from audit.models import Action
from core.errors import DomainError

from . import conf, selectors
from .items import Section, new_keys, shown_keys, total_count
from .models import TodayState


class TodayError(DomainError):
    pass


def _state(actor: Actor, *, lock: bool = False) -> TodayState:
    qs = TodayState.objects.filter(municipality=actor.municipality, user=actor.user)
    state = (qs.select_for_update() if lock else qs).first()
    if state is None:
        # Two requests of one user may come at once (the bell and the leaders' link load together): the
        # row is created by whichever comes first, the other finds it (one row per user, a constraint).
        TodayState.objects.bulk_create(
            [TodayState(municipality=actor.municipality, user=actor.user)], ignore_conflicts=True
        )
        state = (qs.select_for_update() if lock else qs).get()
    return state


def _require_today(actor: Actor) -> None:
    require(actor, Capability.VIEW_PEOPLE)


@transaction.atomic
def visit_record(*, actor: Actor, sections: list[Section]) -> set[str]:
    """The person opened I dag and saw ``sections``: the count is stored as computed, the items shown become
    seen, and the keys that were new at this visit are returned (the page marks them "Ny")."""
    _require_today(actor)
    state = _state(actor, lock=True)
    new = new_keys(sections, state.seen_keys)
    now = timezone.now()
    state.seen_keys, state.seen_at = shown_keys(sections), now
    state.count, state.new, state.computed_at, state.refresh_queued_at = total_count(sections), 0, now, None
    state.save()
    return new


@transaction.atomic
def bell_refresh(*, actor: Actor, today: date) -> TodayState:
    """Compute the role's sections (nobody is shown, so nothing is logged) and store the count and how many
    of the items shown are new since the last visit."""
    sections = selectors.today_sections(actor, today=today, log=False)
    state = _state(actor, lock=True)
    state.count = total_count(sections)
    state.new = len(new_keys(sections, state.seen_keys))
    state.computed_at, state.refresh_queued_at = timezone.now(), None
    state.save()
    return state


def bell_read(*, actor: Actor, today: date) -> TodayState:
    """The bell's count without running the sources on every page: the stored row, computed at once the
    first time; when older than BELL_STALE_SECONDS a refresh is queued once (today.tasks.refresh_bell) and
    the stored count is shown meanwhile."""
    _require_today(actor)
    state = TodayState.objects.filter(municipality=actor.municipality, user=actor.user).first()
    if state is None or state.computed_at is None:
        return bell_refresh(actor=actor, today=today)
    now = timezone.now()
    stale = now - state.computed_at > timedelta(seconds=conf.value("BELL_STALE_SECONDS"))
    queued = state.refresh_queued_at and now - state.refresh_queued_at < timedelta(minutes=10)
    if stale and not queued:
        TodayState.objects.filter(pk=state.pk).update(refresh_queued_at=now)
        user_id, municipality_id = actor.user.pk, actor.municipality.pk
        transaction.on_commit(lambda: _enqueue_refresh(user_id, municipality_id))
    return state


def _enqueue_refresh(user_id: int, municipality_id: int) -> None:
    from .tasks import refresh_bell

    refresh_bell.enqueue(user_id, municipality_id)


@transaction.atomic
def digest_set(*, actor: Actor, on: bool) -> TodayState:
    """Switch the daily e-mail on or off; it needs an e-mail address on the user."""
    _require_today(actor)
    if on and not (actor.user.email or "").strip():
        raise TodayError(
            "digest",
            gettext(
                "Din bruger har ingen e-mailadresse, så den daglige e-mail kan ikke sendes. "
                "Bed en administrator om at tilføje din e-mailadresse."
            ),
        )
    state = _state(actor, lock=True)
    if state.digest != on:
        state.digest = on
        state.save(update_fields=["digest"])
        actor_log(
            actor,
            Action.UPDATE,
            "I dag: daglig e-mail",
            changes={"digest": [not on, on]},
        )
    return state


DIGEST_PURPOSE = "I dag: daglig e-mail med initialer"


def digest_send(*, actor: Actor, today: date) -> bool:
    """Send the day's e-mail to one person if anything needs them: per section its label and count, the
    initials of the citizens shown and a link to I dag; no name, address, CPR or reason (issue 14 item 2).
    The initials sent are logged. Returns whether a mail was sent."""
    state = _state(actor)
    if not state.digest or state.digest_sent_on == today or not (actor.user.email or "").strip():
        return False
    with translation.override(settings.LANGUAGE_CODE):
        sections = selectors.today_sections(actor, today=today, purpose=DIGEST_PURPOSE)
        total = total_count(sections)
        if total:
            link = settings.SITE_URL.rstrip("/") + reverse("today:page")
            context = {
                "sections": [s for s in sections if s.total],
                # Initials only, not tied to a section: what needs whom stays behind the login.
                "initials": sorted({i.initials for s in sections for i in s.items if i.initials}),
                "total": total,
                "link": link,
                "municipality": actor.municipality.name,
            }
            send_mail(
                subject=render_to_string("today/digest_subject.txt", context).strip(),
                message=render_to_string("today/digest.txt", context),
                from_email=None,
                recipient_list=[actor.user.email],
            )
    TodayState.objects.filter(pk=state.pk).update(
        digest_sent_on=today, count=total, computed_at=timezone.now(), refresh_queued_at=None
    )
    return bool(total)
