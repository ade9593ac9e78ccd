"""Pages as PDF documents (WeasyPrint): the committee's agenda, fidelity results, goals, the economy, the
plan's status report and the rent-subsidy figures are each a template rendered here."""

from django.http import HttpResponse
from django.template.loader import render_to_string


def html_to_pdf(html: str, *, request=None) -> bytes:
    from weasyprint import HTML  # imported here: loading pango costs time every other page does not need

    base_url = request.build_absolute_uri("/") if request is not None else None
    return HTML(string=html, base_url=base_url).write_pdf()


def render_pdf(template: str, context: dict, *, request=None) -> bytes:
    return html_to_pdf(render_to_string(template, context), request=request)


def pdf_response(content: bytes, *, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
