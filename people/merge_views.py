"""The merge pages (people/merge.py): pick the other record, the preview, the result with undo, the list
of recent merges. Leaders only (Capability.MERGE_PEOPLE)."""

from datetime import timedelta

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import with_actor
from accounts.roles import Capability
from core.params import text_param

from . import conf, crypto, merge, search, selectors
from . import cpr as cpr_rules
from .views import _tokenised

PICK_SIZE = 20


@with_actor(Capability.MERGE_PEOPLE)
def merge_pick(request, actor, pk):
    person = selectors.person_get(actor, pk, purpose=merge.PURPOSE)
    q = text_param(request.GET, "q", max_length=200)
    if any(search.is_cpr(t) for t in search.split_terms(q)):
        # A CPR number searched for is a token in the address, never the number (as on the list).
        return redirect(f"{reverse('people:merge_pick', args=[pk])}?{urlencode({'q': _tokenised(q)})}")
    found = []
    if q:
        found = merge.merge_candidates(actor, person=person, q=q, today=timezone.localdate(), limit=PICK_SIZE)
    shown_q = " ".join(
        cpr_rules.mask(d) if (d := crypto.digits_from_search_token(t)) else t for t in search.split_terms(q)
    )
    return render(
        request,
        "people/merge_pick.html",
        {"person": person, "q": shown_q, "searched": bool(q), "found": found, "size": PICK_SIZE},
    )


@with_actor(Capability.MERGE_PEOPLE)
def merge_preview(request, actor, pk, other):
    if request.method == "POST":
        try:
            done = merge.person_merge(actor=actor, survivor_id=pk, duplicate_id=other)
        except merge.MergeError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Registreringerne er lagt sammen."))
            return redirect("people:merge_result", merge_id=done.pk)
    plan = merge.merge_preview(actor, survivor_id=pk, duplicate_id=other, today=timezone.localdate())
    labels = {f: merge.Person._meta.get_field(f).verbose_name for f in merge.OWN_FIELDS}
    fields = [
        {
            "label": labels[c.field],
            "survivor": _shown(plan.survivor, c.field, c.survivor),
            "duplicate": _shown(plan.duplicate, c.field, c.duplicate),
            "result": _shown(plan.survivor, c.field, c.result),
            "from_duplicate": c.from_duplicate,
        }
        for c in plan.differences
    ]
    cpr = None
    if plan.survivor.cpr_hash != plan.duplicate.cpr_hash:
        cpr = {
            "survivor": plan.survivor.cpr_masked or "–",
            "duplicate": plan.duplicate.cpr_masked or "–",
            "result": plan.survivor.cpr_masked or plan.duplicate.cpr_masked or "–",
            "from_duplicate": not plan.survivor.cpr_hash,
        }
    return render(request, "people/merge_preview.html", {"plan": plan, "fields": fields, "cpr": cpr})


def _shown(person, field, value):
    if value in (None, ""):
        return "–"
    if isinstance(value, bool):
        return _("Ja") if value else _("Nej")
    if field == "gender":
        return dict(merge.Person._meta.get_field("gender").choices).get(value, value)
    if hasattr(value, "strftime"):
        return value.strftime("%d.%m.%Y")
    return value


@with_actor(Capability.MERGE_PEOPLE)
def merge_list(request, actor):
    page = merge.merges_page(actor, page=request.GET.get("side"))
    return render(request, "people/merge_list.html", {"page": page})


@with_actor(Capability.MERGE_PEOPLE)
def merge_result(request, actor, merge_id):
    done = merge.merge_get(actor, merge_id)
    problems = [] if done.undone_at else merge.undo_problems(done)
    deadline = timezone.localtime(done.merged_at) + timedelta(days=conf.value("MERGE_UNDO_DAYS"))
    return render(
        request,
        "people/merge_result.html",
        {"merge": done, "problems": problems, "deadline": deadline, "moved": _moved(done)},
    )


def _moved(done) -> list[tuple[str, int]]:
    titles = {t.key: t.title for t in merge.related_tables()}
    return [(titles.get(key, key), len(ids)) for key, ids in done.moved.items()]


@require_POST
@with_actor(Capability.MERGE_PEOPLE)
def merge_undo(request, actor, merge_id):
    try:
        done = merge.person_merge_undo(actor=actor, merge_id=merge_id)
    except merge.MergeError as exc:
        messages.error(request, exc.message)
        return redirect("people:merge_result", merge_id=merge_id)
    messages.success(
        request, _("Sammenlægningen er fortrudt. Begge registreringer findes igen hver for sig.")
    )
    return redirect("people:detail", pk=done.duplicate_id)
