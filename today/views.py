"""The I dag page, its full lists, the bell and the e-mail preference (issue 14 items 1-2). Thin: the
selectors compose the domains' reads, the services keep what was seen and the preference."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.access import with_actor
from accounts.roles import Capability
from core.errors import DomainError

from . import conf, selectors, services


class DigestForm(forms.Form):
    digest = forms.BooleanField(
        label=gettext_lazy("Send mig en daglig e-mail med det, der venter"),
        required=False,
        help_text=gettext_lazy("E-mailen nævner kun borgernes initialer og et link hertil."),
    )


def _no_today(request):
    return render(request, "core/no_access.html", status=403)


@with_actor(Capability.VIEW_PEOPLE)
def page(request, actor):
    if not selectors.has_today(actor.role):
        return _no_today(request)
    today = timezone.localdate()
    sections = selectors.today_sections(actor, today=today)
    new = services.visit_record(actor=actor, sections=sections)
    return render(
        request,
        "today/page.html",
        {
            "sections": sections,
            "new": new,
            "total": sum(s.total for s in sections),
            "today": today,
            "form": DigestForm(initial={"digest": selectors.digest_on(actor)}),
            "has_email": bool((actor.user.email or "").strip()),
            "section_size": conf.value("SECTION_SIZE"),
        },
    )


@with_actor(Capability.VIEW_PEOPLE)
def section(request, actor, kind):
    if not selectors.has_today(actor.role):
        return _no_today(request)
    found = selectors.section_full(actor, kind, today=timezone.localdate())
    if found is None:
        raise Http404(_("Listen findes ikke."))
    return render(
        request,
        "today/section.html",
        {"section": found, "today": timezone.localdate(), "max_rows": conf.value("SECTION_PAGE_SIZE")},
    )


@with_actor(Capability.VIEW_PEOPLE)
def bell(request, actor):
    """The bell's count (an htmx fragment; as a page without htmx it is the same link)."""
    if not selectors.has_today(actor.role):
        return _no_today(request)
    state = services.bell_read(actor=actor, today=timezone.localdate())
    template = "today/_link.html" if request.GET.get("som") == "link" else "today/_bell.html"
    return render(request, template, {"bell": state, "filled": True})


@require_POST
@with_actor(Capability.VIEW_PEOPLE)
def digest(request, actor):
    if not selectors.has_today(actor.role):
        return _no_today(request)
    form = DigestForm(request.POST)
    if form.is_valid():
        try:
            state = services.digest_set(actor=actor, on=form.cleaned_data["digest"])
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request,
                _("Du får en daglig e-mail.") if state.digest else _("Du får ikke længere en daglig e-mail."),
            )
    return redirect("today:page")
