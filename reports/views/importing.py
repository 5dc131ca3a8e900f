"""Import a report from a .docx, a .txt or pasted text.

The import takes two steps. The first reads the file and keeps its text in the session under a random
token; the second shows what was recognised and stores it only when confirmed. The second step parses
the kept text again rather than keeping the parse: parsing is deterministic and takes milliseconds.
"""

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from indicators.models import Indicator
from reports.common.uploads import too_large_uploads
from reports.forms import ConfirmImportForm, ImportForm
from reports.importing import ReportExists
from reports.importing.preview import item_kind, iter_items, preview_import, set_item_kind
from reports.importing.save import ReportLocked, save_import
from reports.models import Report, Section
from reports.permissions import Action, refusal, units_user_can_write_for
from reports.rendering.numbering import heading_label, item_labels

SESSION_KEY = "report_imports"
PENDING_MAX = 3  # imports started and not confirmed, kept per session (the oldest goes first)
BODY_START_CHARS = 40


def import_years():
    this_year = timezone.localdate().year
    return list(range(this_year, this_year - 6, -1))


@login_required
def start(request):
    units = units_user_can_write_for(request.user)
    if not units:
        raise PermissionDenied("只有单位的填报员和审核领导可以导入报告。")
    form = ImportForm(
        request.POST or None,
        request.FILES or None,
        units=units,
        years=import_years(),
        too_large_uploads=too_large_uploads(request),
    )
    if request.method != "POST":
        form.initial["year"] = timezone.localdate().year - 1  # written early in the year after
    if request.method == "POST" and form.is_valid():
        token = _remember(request.session, form.cleaned_data)
        return redirect("reports:import-confirm", token)
    status = 400 if request.method == "POST" else 200
    return render(request, "reports/import_start.html", {"form": form}, status=status)


def _remember(session, data):
    pending = session.get(SESSION_KEY, {})
    while len(pending) >= PENDING_MAX:
        pending.pop(next(iter(pending)))
    token = secrets.token_urlsafe(16)
    pending[token] = {
        "unit": data["unit"].pk,
        "year": data["year"],
        "text": data["text"],
        "source": data["source"],
    }
    session[SESSION_KEY] = pending
    return token


@login_required
def confirm(request, token):
    pending = request.session.get(SESSION_KEY, {}).get(token)
    if pending is None:
        raise Http404("导入内容已过期，请重新上传。")
    unit = get_object_or_404(units_user_can_write_for(request.user), pk=pending["unit"])
    year = pending["year"]
    preview = preview_import(pending["text"], Indicator.objects.for_year(unit.district, year))
    existing = Report.objects.filter(unit=unit, year=year).first()
    locked = refusal(request.user, existing, Action.EDIT) if existing else None
    value_keys = {f"keep-{s.indicator.pk}": s for s in preview.suggestions}
    form = ConfirmImportForm(
        request.POST or None,
        item_kinds={key: item_kind(item) for key, _, item in iter_items(preview.parsed)},
        value_keys=list(value_keys),
        overwrite=existing is not None,
    )
    if request.method == "POST":
        if locked:
            raise PermissionDenied(locked)
        if form.is_valid():
            for key, _, item in iter_items(preview.parsed):
                set_item_kind(item, form.cleaned_data[key])
            kept = [s for key, s in value_keys.items() if form.cleaned_data[key]]
            try:
                report = save_import(
                    preview.parsed,
                    unit,
                    year,
                    request.user,
                    suggestions=kept,
                    source=pending["source"],
                    replace=form.cleaned_data.get("overwrite", False),
                )
            except (ReportExists, ReportLocked) as error:
                messages.error(request, f"{error}。请重新确认。")
                return redirect("reports:import-confirm", token)
            _forget(request.session, token)
            messages.success(request, f"已导入：{report}（草稿），请检查后继续编辑。")
            return redirect("reports:edit", report.pk)
    context = {
        "form": form,
        "unit": unit,
        "year": year,
        "source": pending["source"],
        "preview": preview,
        "parsed": preview.parsed,
        "sections": _section_rows(preview.parsed, form),
        "values": [(form[key], s, _quoted(s)) for key, s in value_keys.items()],
        "existing": existing,
        "locked": locked,
    }
    return render(request, "reports/import_confirm.html", context, status=400 if form.errors else 200)


def _forget(session, token):
    pending = session.get(SESSION_KEY, {})
    pending.pop(token, None)
    session[SESSION_KEY] = pending


def _section_rows(parsed, form):
    """Sections with their items as the page lists them: generated label, heading, start of the body."""
    keys = iter(key for key, _, _ in iter_items(parsed))
    rows = []
    for number, section in enumerate(parsed.sections, start=1):
        items = []
        for item, label in zip(section.items, item_labels(section.items), strict=True):
            body = "".join(item.body)
            items.append(
                {
                    "label": label,
                    "heading": item.heading,
                    "body_start": body[:BODY_START_CHARS] + ("…" if len(body) > BODY_START_CHARS else ""),
                    "paragraphs": len(item.body),
                    "field": form[next(keys)],
                }
            )
        rows.append(
            {
                "label": heading_label(1, number),
                "heading": section.heading,
                "kind": Section.Kind(section.kind).label,
                "items": items,
            }
        )
    return rows


def _quoted(suggestion):
    """The sentence cut around the quote, so the page can mark what was read: (before, quote, after)."""
    sentence, quote = suggestion.sentence, suggestion.quote
    at = sentence.find(quote)
    if at < 0:
        return sentence, "", ""
    return sentence[:at], quote, sentence[at + len(quote) :]
