"""The economy page, its workbook and PDF, and the leaders' price page. Thin: parse, call, render."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.access import with_actor
from accounts.roles import Capability
from core.downloads import XLSX, file_download
from core.forms import apply_error
from core.pdf import pdf_response

from . import charts, costs, exports, pdf, selectors, services
from .errors import PriceDataError
from .forms import PriceForm


@with_actor(Capability.VIEW_FIGURES)
def page(request, actor):
    data = selectors.economy(actor, today=timezone.localdate())
    return render(request, "economy/page.html", {"data": data, "chart": charts.page(data)})


@with_actor(Capability.VIEW_FIGURES)
def workbook(request, actor):
    today = timezone.localdate()
    file = exports.xlsx(actor, today=today)
    return file_download(file, content_type=XLSX, filename=f"oekonomi-{today.isoformat()}.xlsx")


@with_actor(Capability.VIEW_FIGURES)
def pdf_report(request, actor):
    today = timezone.localdate()
    content = pdf.economy_pdf(actor, today=today, request=request)
    return pdf_response(content, filename=f"oekonomi-{today.isoformat()}.pdf")


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


@with_actor(Capability.STEER)
def prices(request, actor):
    """The municipality's prices for a year: its own where set, else the default with its source. A leader
    sets a price for the year or removes it (the default counts again)."""
    today = timezone.localdate()
    source = request.POST if request.method == "POST" else request.GET
    year = _int(source.get("year") or source.get("aar"), today.year)
    kind = source.get("kind") or source.get("pris") or costs.SHELTER_DAY
    if kind not in costs.KINDS:
        kind = costs.SHELTER_DAY
    rows = selectors.prices(actor, year=year)
    current = next(r for r in rows if r["kind"] == kind)
    form = PriceForm(
        request.POST or None,
        initial={
            "kind": kind,
            "year": year,
            "amount": current["amount"],
            "unit": current["unit_code"],
            "source": current["source"] if current["own"] else "",
            "note": current["note"] if current["own"] else "",
        },
    )
    status = 200
    if request.method == "POST":
        status = 400
        back = f"{reverse('economy:prices')}?aar={year}&pris={kind}"
        try:
            if request.POST.get("action") == "clear":
                services.price_clear(actor=actor, kind=kind, year=year, today=today)
                messages.success(request, _("Standardprisen gælder igen for %(year)s.") % {"year": year})
                return redirect(back)
            if form.is_valid():
                services.price_save(actor=actor, today=today, **form.cleaned_data)
                messages.success(request, _("Prisen er gemt. Økonomien regnes med den nye pris."))
                return redirect(back)
        except PriceDataError as exc:
            apply_error(form, exc)
    return render(
        request,
        "economy/prices.html",
        {
            "form": form,
            "rows": rows,
            "year": year,
            "kind": kind,
            "current": current,
            "years": selectors.price_years(today),
        },
        status=status,
    )
