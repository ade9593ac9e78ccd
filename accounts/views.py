from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from accounts.access import with_actor
from core.forms import apply_error
from core.pagination import PAGE_PARAM, page_of
from core.params import int_param

from . import services
from .forms import MfaRolesForm, RoleForm, UserCreateForm
from .membership import SESSION_KEY
from .models import Membership
from .roles import Capability

# Users a page on the user list (issue 11 item 5).
USERS_PAGE_SIZE = 50


def _memberships(actor):
    return (
        Membership.objects.filter(municipality=actor.municipality)
        .select_related("user")
        .order_by("user__username", "id")
    )


@with_actor(Capability.MANAGE_USERS)
def user_list(request, actor):
    mfa_form = MfaRolesForm(initial={"roles": actor.municipality.mfa_required_roles})
    page = page_of(_memberships(actor), request.GET.get(PAGE_PARAM), size=USERS_PAGE_SIZE)
    return render(
        request,
        "accounts/user_list.html",
        {
            "page": page,
            "memberships": page.object_list,
            "mfa_form": mfa_form,
            "create_form": UserCreateForm(),
        },
    )


@with_actor(Capability.MANAGE_USERS)
def user_create(request, actor):
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.user_create(actor=actor, **form.cleaned_data)
        except services.AccountError as exc:
            apply_error(form, exc)
        else:
            messages.success(
                request, gettext("Brugeren %(username)s er oprettet.") % {"username": user.username}
            )
            return redirect("accounts:users")
    return render(request, "accounts/user_create.html", {"form": form})


@require_POST
@with_actor(Capability.MANAGE_USERS)
def user_role(request, actor, membership_id):
    membership = get_object_or_404(_memberships(actor), pk=membership_id)
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            services.membership_change_role(
                actor=actor, membership=membership, role=form.cleaned_data["role"]
            )
            messages.success(
                request,
                gettext("Rollen for %(username)s er ændret.") % {"username": membership.user.username},
            )
        except services.AccountError as exc:
            messages.error(request, exc.message)
    return redirect("accounts:users")


@require_POST
@with_actor(Capability.MANAGE_USERS)
def user_remove(request, actor, membership_id):
    membership = get_object_or_404(_memberships(actor), pk=membership_id)
    try:
        services.membership_deactivate(actor=actor, membership=membership)
        messages.success(request, gettext("Brugerens adgang til kommunen er fjernet."))
    except services.AccountError as exc:
        messages.error(request, exc.message)
    return redirect("accounts:users")


@require_POST
@with_actor(Capability.MANAGE_USERS)
def mfa_roles(request, actor):
    form = MfaRolesForm(request.POST)
    if form.is_valid():
        services.municipality_set_mfa_roles(actor=actor, roles=form.cleaned_data["roles"])
        messages.success(request, gettext("Kravet om totrinsbekræftelse er gemt."))
    return redirect("accounts:users")


@login_required
def switch_municipality(request):
    """A user with roles in several municipalities works in one at a time."""
    memberships = Membership.objects.filter(user=request.user).select_related("municipality")
    if request.method == "POST":
        chosen = memberships.filter(municipality_id=int_param(request.POST, "municipality")).first()
        if chosen:
            request.session[SESSION_KEY] = chosen.municipality_id
            messages.success(
                request,
                gettext("Du arbejder nu i %(municipality)s.") % {"municipality": chosen.municipality.name},
            )
            return redirect("home:start")
        messages.error(request, gettext("Vælg en af dine kommuner."))
    return render(request, "accounts/switch.html", {"memberships": memberships})


@login_required
def mfa_intro(request):
    """The step before setting up a second factor, when the user's municipality has started to require one
    for the user's role (accounts.middleware.MfaRequiredMiddleware sends them here): why, what they need
    and how long it takes, then allauth's own setup page."""
    membership = getattr(request, "membership", None)
    return render(
        request, "accounts/mfa_intro.html", {"municipality": membership.municipality if membership else None}
    )


@require_POST
def session_extend(request):
    """The timeout warning's "Forlæng": the session is saved now with a full age (other requests save it
    at most once a minute: accounts/session_activity.py); this one does nothing else, reads nothing and
    answers with no personal data."""
    if not request.user.is_authenticated:
        return JsonResponse({"expired": True}, status=401)
    request.session.modified = True
    return JsonResponse({"expires_in": settings.SESSION_COOKIE_AGE})
