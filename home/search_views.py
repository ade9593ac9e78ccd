"""The header's search page (home/search.py composes the domains' selectors; this view only parses and renders)."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from accounts.access import with_actor
from accounts.roles import Capability
from core.params import text_param

from . import search

MAX_LENGTH = 100  # what the box takes; the page's address may carry CPR tokens, which are longer
MAX_ADDRESS_LENGTH = 2000


@with_actor(Capability.SEARCH)
def search_page(request, actor):
    # The header's box posts; the answer is a redirect to the page's address with every CPR number as an
    # expiring token, so a number typed is in no URL, browser history or server log (as the by-name list).
    if request.method == "POST":
        q = text_param(request.POST, "q", max_length=MAX_LENGTH)
        return redirect(_url(q))
    q = text_param(request.GET, "q", max_length=MAX_ADDRESS_LENGTH)
    if search.has_plain_cpr(q):
        return redirect(_url(q))  # an address typed with a CPR number in it
    kinds = search.global_search(actor, q=q, today=timezone.localdate())
    return render(
        request,
        "home/search.html",
        {"q": q, "shown": search.shown(q), "kinds": {k.key: k for k in kinds}, "limit": search.LIMIT},
    )


def _url(q: str) -> str:
    q = search.tokenised(q)
    return reverse("home:search") + (f"?{urlencode({'q': q})}" if q else "")
