"""Thin views: parse input, call a selector or service, render."""

import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import with_actor
from accounts.roles import Capability, may_correct_note, may_delete_document
from core.downloads import file_download
from core.forms import apply_error
from core.pagination import PAGE_PARAM
from core.params import parse_id

from . import conf, filetypes, selectors, services
from .forms import CorrectForm, DeleteForm, DocumentForm, NoteForm
from .models import NoteKind
from .services import CasefileError

# --- documents -----------------------------------------------------------------------------------


@with_actor(Capability.CASE_DOCUMENTS)
def documents(request, actor, person_id):
    page_number = request.GET.get(PAGE_PARAM)
    person, _show = selectors.case_person(
        actor,
        person_id,
        capability=Capability.CASE_DOCUMENTS,
        purpose=selectors.DOCUMENTS_PURPOSE,
        what=f"dokumenter, side {parse_id(page_number) or 1}",
    )
    form = DocumentForm()
    if request.method == "POST":
        form = DocumentForm(request.POST, request.FILES)
        if form.is_valid():
            d = form.cleaned_data
            upload = d["file"]
            try:
                # Read one byte past the limit at most: the service refuses what is larger.
                document = services.document_upload(
                    actor=actor,
                    person=person,
                    kind=d["kind"],
                    title=d["title"],
                    expires_on=d["expires_on"],
                    file_name=upload.name,
                    data=upload.read(conf.value("MAX_UPLOAD_BYTES") + 1),
                )
            except CasefileError as exc:
                apply_error(form, exc)
            else:
                messages.success(request, _("Dokumentet er gemt."))
                return redirect("casefile:document", person_id=person.pk, document_id=document.pk)
    page = selectors.documents_page(actor, person, page_number=page_number)
    return render(
        request,
        "casefile/documents.html",
        {"person": person, "page": page, "form": form, "accept": _accept(), "today": timezone.localdate()},
    )


def _accept() -> str:
    types = [filetypes.FileType(t) for t in conf.value("ALLOWED_TYPES")]
    return ",".join(
        [e for t in types for e in filetypes.EXTENSIONS[t]] + [filetypes.CONTENT_TYPES[t] for t in types]
    )


@with_actor(Capability.CASE_DOCUMENTS)
def document(request, actor, person_id, document_id):
    person, doc = selectors.document_view(actor, person_id, document_id)
    return render(
        request,
        "casefile/document.html",
        {
            "person": person,
            "document": doc,
            "may_delete": not doc.is_deleted
            and may_delete_document(role=actor.role, is_uploader=doc.uploaded_by_id == actor.user.pk),
            "delete_form": DeleteForm(),
            "today": timezone.localdate(),
        },
    )


@with_actor(Capability.CASE_DOCUMENTS)
def document_download(request, actor, person_id, document_id):
    doc, data = selectors.document_download(actor, person_id, document_id)
    response = file_download(
        io.BytesIO(data),
        content_type=filetypes.CONTENT_TYPES[filetypes.FileType(doc.file_type)],
        filename=doc.file_name,
    )
    # Never kept by a browser or proxy, never rendered as anything but what it is, nothing it could run.
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response


@require_POST
@with_actor(Capability.CASE_DOCUMENTS)
def document_delete(request, actor, person_id, document_id):
    person, doc = selectors.document_view(actor, person_id, document_id)
    form = DeleteForm(request.POST)
    if form.is_valid():
        try:
            services.document_delete(actor=actor, document=doc, reason=form.cleaned_data["reason"])
        except CasefileError as exc:
            apply_error(form, exc)
        except PermissionDenied:
            return render(request, "core/no_access.html", status=403)
        else:
            messages.success(request, _("Dokumentet er slettet."))
            return redirect("casefile:documents", person_id=person.pk)
    return render(
        request,
        "casefile/document.html",
        {
            "person": person,
            "document": doc,
            "may_delete": True,
            "delete_form": form,
            "today": timezone.localdate(),
        },
        status=400,
    )


# --- journal -------------------------------------------------------------------------------------


def _journal_person(actor, person_id, what):
    return selectors.case_person(
        actor, person_id, capability=Capability.JOURNAL, purpose=selectors.JOURNAL_PURPOSE, what=what
    )


@with_actor(Capability.JOURNAL)
def journal(request, actor, person_id):
    page_number = request.GET.get(PAGE_PARAM)
    episode_id = parse_id(request.GET.get("forloeb"))
    person, show_health = _journal_person(actor, person_id, f"journal, side {parse_id(page_number) or 1}")
    episodes = selectors.person_episodes(actor, person)
    if episode_id not in {e.pk for e in episodes}:
        episode_id = None
    page = selectors.notes_page(
        actor, person, show_health=show_health, page_number=page_number, episode_id=episode_id
    )
    return render(
        request,
        "casefile/journal.html",
        {
            "person": person,
            "page": page,
            "show_health": show_health,
            "episodes": episodes,
            "episode_id": episode_id,
            "kinds": NoteKind.choices,
        },
    )


@with_actor(Capability.JOURNAL)
def note_new(request, actor, person_id):
    person, show_health = _journal_person(actor, person_id, "ny journalnote")
    episodes = selectors.person_episodes(actor, person)
    if request.method == "POST":
        form = NoteForm(request.POST, episodes=episodes)
        if form.is_valid():
            d = form.cleaned_data
            episode = next((e for e in episodes if e.pk == d.get("episode")), None)
            try:
                services.note_write(
                    actor=actor,
                    person=person,
                    kind=d["kind"],
                    written_on=d["written_on"],
                    text=d["text"],
                    health=d["health"],
                    episode=episode,
                )
            except CasefileError as exc:
                apply_error(form, exc)
            else:
                messages.success(request, _("Noten er gemt i journalen."))
                return redirect("casefile:journal", person_id=person.pk)
    else:
        kind = request.GET.get("type")
        kind = kind if kind in NoteKind.values else NoteKind.FREE
        episode_id = parse_id(request.GET.get("forloeb"))
        form = NoteForm(
            initial={
                "kind": kind,
                "text": conf.note_template(kind),
                "episode": episode_id if episode_id in {e.pk for e in episodes} else "",
            },
            episodes=episodes,
        )
    return render(
        request,
        "casefile/note_edit.html",
        {"person": person, "form": form, "show_health": show_health, "kinds": NoteKind.choices, "note": None},
    )


@with_actor(Capability.JOURNAL)
def note(request, actor, person_id, note_id):
    person, show_health = _journal_person(actor, person_id, f"journalnote {note_id} med historik")
    obj = selectors.note_get(actor, person, note_id)
    row = selectors.note_row(obj, show_health=show_health)
    return render(
        request,
        "casefile/note.html",
        {
            "person": person,
            "row": row,
            "versions": selectors.note_versions(actor, obj, show_health=show_health),
            "may_correct": not row.hidden
            and may_correct_note(role=actor.role, is_author=obj.created_by_id == actor.user.pk),
        },
    )


@with_actor(Capability.JOURNAL)
def note_correct(request, actor, person_id, note_id):
    person, show_health = _journal_person(actor, person_id, f"ret journalnote {note_id}")
    obj = selectors.note_get(actor, person, note_id)
    row = selectors.note_row(obj, show_health=show_health)
    if row.hidden or not may_correct_note(role=actor.role, is_author=obj.created_by_id == actor.user.pk):
        return render(request, "core/no_access.html", status=403)
    if request.method == "POST":
        form = CorrectForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.note_correct(
                    actor=actor,
                    note=obj,
                    text=d["text"],
                    written_on=d["written_on"],
                    health=d["health"],
                    reason=d["reason"],
                )
            except CasefileError as exc:
                apply_error(form, exc)
            else:
                messages.success(request, _("Rettelsen er gemt som en ny version."))
                return redirect("casefile:note", person_id=person.pk, note_id=obj.pk)
    else:
        form = CorrectForm(initial={"written_on": obj.written_on, "text": obj.text, "health": obj.health})
    return render(
        request,
        "casefile/note_edit.html",
        {"person": person, "form": form, "show_health": show_health, "note": obj},
    )
