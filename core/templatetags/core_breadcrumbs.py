"""The breadcrumbs above a page's heading (DKFDS's breadcrumbs component, templates/includes/breadcrumbs.html)."""

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

register = template.Library()


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(*trail):
    """``{% breadcrumbs "people:list" _("Hjemløselisten") person_url person.display_name _("Udredning") %}``:
    pairs of a link (a URL name without arguments, or an address) and its label, then the current page's
    label. The start page comes first."""
    *pairs, current = trail or ("",)
    items = [{"url": reverse("home:start"), "label": _("Forside")}]
    for url, label in zip(pairs[::2], pairs[1::2], strict=False):
        if url and "/" not in str(url):
            try:
                url = reverse(url)
            except NoReverseMatch:
                url = ""
        items.append({"url": url, "label": label})
    return {"items": [i for i in items if i["label"]], "current": current}
