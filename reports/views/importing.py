"""Import a report from a .docx, a .txt or pasted text.

The import takes two steps. The first reads the file and keeps its text in the session under a random
token; the second shows what was recognised and stores it only when confirmed. The second step parses
the kept text again rather than keeping the parse: parsing is deterministic and takes milliseconds.

A very long text (10,000 items: issue 15 #11) is shown collapsed: each section's first items with their
kind to correct, and a count of the rest, which are imported as read. The form holds fields only for what
the page shows, so its POST stays small whatever the length; the items come from the kept text.
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
from reports.deadlines import reporting_year
from reports.forms import ConfirmImportForm, ImportForm
from reports.importing import ReportExists
from reports.importing.parser import split_inline_list
from reports.importing.preview import (
    drop_page_lines,
    figure_suggestion,
    item_key,
    item_kind,
    iter_items,
    offered_figures,
    other_year,
    preview_import,
    set_item_kind,
)
from reports.importing.save import ReportLocked, save_import
from reports.models import Report, default_title
from reports.permissions import Action, refusal, units_user_can_write_for
from reports.rendering.numbering import heading_label, item_labels

SESSION_KEY = "report_imports"
PENDING_MAX = 3  # imports started and not confirmed, kept per session (the oldest goes first)
BODY_START_CHARS = 40
ITEMS_SHOWN = 20  # of each section, on the confirmation page; the rest are counted
ITEMS_SHOWN_MAX = 400  # in all: past it, sections show their counts only
WARNINGS_SHOWN = 50


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
        form.initial["year"] = reporting_year()  # as the home page's new report: this year's in December
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
    indicators = list(Indicator.objects.for_year(unit.district, year))
    preview = preview_import(pending["text"], indicators)
    parsed = preview.parsed
    existing = Report.objects.filter(unit=unit, year=year).first()
    locked = refusal(request.user, existing, Action.EDIT) if existing else None
    value_keys = {f"keep-{s.indicator.pk}": s for s in preview.suggestions}
    # What the sheet of the report to overwrite already holds: kept unless the user picks the import's.
    typed = (
        {v.indicator_id: v for v in existing.indicator_values.select_related("indicator")} if existing else {}
    )
    figure_keys = {f"figure-{n}": match for n, match in enumerate(offered_figures(preview))}
    shown = _shown_items(parsed)
    form = ConfirmImportForm(
        request.POST or None,
        item_kinds={key: item_kind(item) for key, _, item in iter_items(parsed) if key in shown},
        value_keys=list(value_keys),
        value_indicators={key: s.indicator for key, s in value_keys.items()},
        to_confirm=[key for key, s in value_keys.items() if s.indicator.pk in preview.to_confirm],
        typed={pk: v.display for pk, v in typed.items()},
        overwrite=existing is not None,
        section_kinds={f"kind-{n}": section.kind for n, section in enumerate(parsed.sections)},
        split_keys=[
            inline.key for inline in preview.inline_lists if item_key(inline.section, inline.item) in shown
        ],
        page_lines=bool(parsed.page_lines),
        untitled=not parsed.title,
        figures=figure_keys,
        indicators=indicators,
    )
    if request.method == "POST":
        if locked:
            raise PermissionDenied(locked)
        if form.is_valid():
            _apply_choices(form.cleaned_data, preview, year)
            kept = [s for key, s in value_keys.items() if form.cleaned_data[key]]
            chosen = form.chosen_figures()
            kept += [figure_suggestion(figure_keys[key], indicator) for key, indicator in chosen]
            # Ticked over a typed value, or a figure put on an indicator the sheet already fills: chosen.
            overwrite_typed = {s.indicator.pk for s in kept if s.indicator.pk in typed}
            aliases = form.taught_wordings()
            try:
                report = save_import(
                    parsed,
                    unit,
                    year,
                    request.user,
                    suggestions=kept,
                    aliases=aliases,
                    source=pending["source"],
                    replace=form.cleaned_data.get("overwrite", False),
                    overwrite_typed=overwrite_typed,
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
        "parsed": parsed,
        "page_lines": [parsed.preamble[i] for i in parsed.page_lines],
        "default_title": default_title(year),
        "sections": _section_rows(preview, form, shown),
        "warnings": preview.warnings[:WARNINGS_SHOWN],
        "other_year": other_year(parsed, year),
        "more_warnings": max(0, len(preview.warnings) - WARNINGS_SHOWN),
        "more_figures": len(preview.unmatched) - len(figure_keys),
        "values": [
            (
                form[key],
                s,
                _quoted(s),
                _typed_row(typed.get(s.indicator.pk), s),
                s.indicator.pk in preview.to_confirm,
            )
            for key, s in value_keys.items()
        ],
        "figures": [
            (form[key], form[f"{key}-teach"], form[f"{key}-phrase"], match, _quoted_figure(match))
            for key, match in figure_keys.items()
        ],
        "existing": existing,
        "locked": locked,
    }
    return render(request, "reports/import_confirm.html", context, status=400 if form.errors else 200)


def _apply_choices(data, preview, year):
    """The user's corrections, applied to the parse before it is stored: kinds of sections and items, the
    inline lists to split (last first, so the items' places hold), the page's lines, the default title."""
    parsed = preview.parsed
    for number, section in enumerate(parsed.sections):
        section.kind = data[f"kind-{number}"]
    for key, _, item in iter_items(parsed):
        if key in data:  # an item the page did not list keeps the kind read
            set_item_kind(item, data[key])
    for inline in reversed(preview.inline_lists):
        if data.get(inline.key):
            split_inline_list(parsed, inline)
    if data.get("drop_page_lines"):
        drop_page_lines(parsed)
    if data.get("default_title"):
        parsed.title = default_title(year)


def _forget(session, token):
    pending = session.get(SESSION_KEY, {})
    pending.pop(token, None)
    session[SESSION_KEY] = pending


def _shown_items(parsed):
    """The keys of the items the confirmation page lists: each section's first ``ITEMS_SHOWN``, at most
    ``ITEMS_SHOWN_MAX`` in all."""
    shown = []
    for s, section in enumerate(parsed.sections):
        take = min(len(section.items), ITEMS_SHOWN, ITEMS_SHOWN_MAX - len(shown))
        shown += [item_key(s, i) for i in range(take)]
    return frozenset(shown)


def _section_rows(preview, form, shown):
    """Sections with the items the page lists: generated label, heading, start of the body, and the list
    inside the item that can be split; ``more`` counts those not listed."""
    parsed = preview.parsed
    splits = {
        (inline.section, inline.item): form[inline.key]
        for inline in preview.inline_lists
        if inline.key in form.fields
    }
    rows = []
    for number, section in enumerate(parsed.sections, start=1):
        items = []
        labels = item_labels(section.items)
        for index, (item, label) in enumerate(zip(section.items, labels, strict=True)):
            key = item_key(number - 1, index)
            if key not in shown:
                break
            body = "".join(item.body)
            items.append(
                {
                    "label": label,
                    "heading": item.heading,
                    "body_start": body[:BODY_START_CHARS] + ("…" if len(body) > BODY_START_CHARS else ""),
                    "paragraphs": len(item.body),
                    "field": form[key],
                    "split": splits.get((number - 1, index)),
                }
            )
        rows.append(
            {
                "label": heading_label(1, number),
                "heading": section.heading,
                "kind_field": form[f"kind-{number - 1}"],
                "from_position": section.kind_from_position,
                "items": items,
                "count": len(section.items),
                "more": len(section.items) - len(items),
            }
        )
    return rows


def _typed_row(value, suggestion):
    """What the sheet already holds for the suggestion's indicator: None, or (display, same as imported)."""
    if value is None:
        return None
    same = (
        not value.not_applicable
        and value.value == suggestion.value
        and value.qualifier == suggestion.qualifier
    )
    return value.display, same


def _quoted(suggestion):
    """The sentence cut around the quote, so the page can mark what was read: (before, quote, after)."""
    sentence, quote = suggestion.sentence, suggestion.quote
    at = sentence.find(quote)
    if at < 0:
        return sentence, "", ""
    return sentence[:at], quote, sentence[at + len(quote) :]


def _quoted_figure(match):
    """The sentence cut around the figure: (before, figure, after)."""
    sentence, text = match.figure.sentence, match.figure.text
    at = sentence.find(text)
    if at < 0:
        return sentence, "", ""
    return sentence[:at], text, sentence[at + len(text) :]
