from django.urls import reverse

from . import selectors


def bell(request):
    """The bell's place in the header (today/_bell.html) for roles with an I dag page. No query: the count
    is fetched by the bell itself after the page (htmx, today.views.bell), from the count stored per user
    (today.models.TodayState) and refreshed on the task queue when stale, so no page pays for the sources
    and no page's own query count changes."""
    membership = getattr(request, "membership", None)
    if not (membership and selectors.has_today(membership.role)):
        return {}
    return {"today_bell": {"url": reverse("today:page"), "bell_url": reverse("today:bell")}}
