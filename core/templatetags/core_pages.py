"""The page links under a paginated list (core/pagination.py)."""

from django import template

from core.pagination import PAGE_PARAM

register = template.Library()


@register.inclusion_tag("core/pagination.html", takes_context=True)
def pagination(context, page):
    """Previous/next links for ``page`` that keep the request's other query parameters (the filters)."""
    request = context.get("request")
    query = request.GET.copy() if request is not None else {}
    if query:
        query.pop(PAGE_PARAM, None)
    return {"page": page, "query": query.urlencode() if query else "", "param": PAGE_PARAM}
