"""Thin views: upload a list, download the template, follow a job's progress."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from accounts.access import with_actor
from accounts.roles import Capability

from . import parsing, services
from .forms import UploadForm
from .models import ImportJob

RECENT_JOBS = 10


def _jobs(actor):
    # The uploaded file (possibly megabytes) is never needed for display.
    return (
        ImportJob.objects.filter(municipality=actor.municipality)
        .select_related("uploaded_by")
        .defer("content")
    )


@with_actor(Capability.IMPORT_PEOPLE)
def upload(request, actor):
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            job = services.job_create(actor=actor, file_name=upload.name, data=upload.read())
            return redirect("imports:status", pk=job.pk)
    else:
        form = UploadForm()
    context = {
        "form": form,
        "columns": parsing.COLUMNS,
        "required": [parsing.BY_KEY[k].header for k in parsing.REQUIRED],
        "required_keys": parsing.REQUIRED,
        "jobs": _recent_jobs(actor),
    }
    return render(request, "imports/upload.html", context)


def _recent_jobs(actor):
    jobs = list(_jobs(actor)[:RECENT_JOBS])
    for job in jobs:
        services.job_fail_if_stale(job=job)  # a dead worker's job is shown as failed, never as running
    return jobs


@with_actor(Capability.IMPORT_PEOPLE)
def template_csv(request, actor):
    """An empty list with the right headers, for Danish Excel: semicolon, UTF-8 with BOM."""
    body = ("\ufeff" + ";".join(parsing.template_headers()) + "\r\n").encode("utf-8")
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="skabelon-indlaesning.csv"'
    return response


@with_actor(Capability.IMPORT_PEOPLE)
def status(request, actor, pk):
    job = get_object_or_404(_jobs(actor), pk=pk)
    services.job_fail_if_stale(job=job)
    processed = job.processed_rows  # written by the worker (services._LiveCount)
    context = {
        "job": job,
        "processed": processed,
        "percent": round(100 * processed / job.total_rows) if job.total_rows else 0,
    }
    template = "imports/_status.html" if request.htmx else "imports/status.html"
    return render(request, template, context)
