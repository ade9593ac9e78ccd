"""Account administration inside one municipality: create users, change roles, deactivate,
and which roles must use a second factor. Every change is written to the access log."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext

from audit.models import Action
from core.errors import DomainError

from .access import actor_log
from .models import Membership, User
from .roles import Role


class AccountError(DomainError):
    """Bad input in user administration."""


def _log(actor, detail: str, changes: dict | None = None):
    actor_log(actor, Action.UPDATE, "Brugeradministration", detail=detail, changes=changes or {})


@transaction.atomic
def user_create(
    *, actor, username: str, first_name: str, last_name: str, email: str, role: str, password: str
) -> User:
    Role(role)
    username = username.strip()
    if User.objects.filter(username__iexact=username).exists():
        raise AccountError("username", gettext("Brugernavnet er allerede i brug."))
    try:
        validate_password(password)
    except ValidationError as exc:
        raise AccountError("password", " ".join(exc.messages)) from exc
    user = User.objects.create_user(
        username=username, password=password, first_name=first_name, last_name=last_name, email=email
    )
    Membership.objects.create(user=user, municipality=actor.municipality, role=role)
    _log(actor, f"Bruger oprettet: {username}", {"role": ["", role]})
    return user


@transaction.atomic
def membership_change_role(*, actor, membership: Membership, role: str) -> Membership:
    Role(role)
    if membership.municipality_id != actor.municipality.pk:
        raise AccountError("role", gettext("Brugeren hører ikke til din kommune."))
    if membership.user_id == actor.user.pk:
        raise AccountError("role", gettext("Du kan ikke ændre din egen rolle."))
    before = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    _log(actor, f"Rolle ændret for {membership.user.username}", {"role": [before, role]})
    return membership


@transaction.atomic
def membership_deactivate(*, actor, membership: Membership) -> None:
    """Removes the user's access to this municipality; a user with no municipality left is
    deactivated. History and logs keep the user."""
    if membership.user_id == actor.user.pk:
        raise AccountError("user", gettext("Du kan ikke fjerne din egen adgang."))
    user = membership.user
    membership.delete()
    if not user.memberships.exists():
        user.is_active = False
        user.save(update_fields=["is_active"])
    _log(actor, f"Adgang fjernet for {user.username}")


@transaction.atomic
def municipality_set_mfa_roles(*, actor, roles: list[str]) -> None:
    roles = sorted({Role(r).value for r in roles})
    municipality = actor.municipality
    before = municipality.mfa_required_roles
    municipality.mfa_required_roles = roles
    municipality.save(update_fields=["mfa_required_roles"])
    _log(
        actor,
        "Krav om totrinsbekræftelse ændret",
        {"mfa_required_roles": [", ".join(before or []), ", ".join(roles)]},
    )
