"""The report editor: the whole report on one page, saved as one form, autosaved by static/js/autosave.js.

Structural changes (add, move, delete) are submit buttons of the same form, so the text typed so far is
saved first and nothing is lost, with JavaScript or without.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import prefetch_related_objects
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from reports import actions, precheck
from reports.common import autosave as autosave_reply
from reports.common.autosave import is_autosave
from reports.common.people import name_of
from reports.common.text import word_count
from reports.consistency import consistency_warnings
from reports.forms import ItemForm, ReportHeaderForm, SectionForm
from reports.models import Item, Section
from reports.permissions import Action, get_report_or_refuse
from reports.rendering.numbering import heading_label, item_labels
from reports.views import operations

UNDO_SESSION_KEY = "editor_undo_item"
# Sections where last year's promises are the checklist for what was done.
SECTIONS_SHOWING_LAST_YEAR_PLANS = {
    Section.Kind.MEASURES,
    Section.Kind.MEASURES_AND_RESULTS,
    Section.Kind.ACHIEVEMENTS,
}


class EditorForms:
    """The header form plus one form per section and per item, prefixed by id.

    ``discarding`` is an item the button pressed deletes: its fields are neither checked nor saved, so an
    item that cannot be saved as it is can still be deleted."""

    def __init__(self, report, sections, data=None, discarding=None):
        self.report = report
        self.sections = sections
        self.discarding = discarding
        self.header = ReportHeaderForm(data, instance=report, prefix="report")
        self.section_forms = {s.pk: SectionForm(data, instance=s, prefix=f"s{s.pk}") for s in sections}
        self.item_forms = {
            item.pk: ItemForm(data, instance=item, prefix=f"i{item.pk}")
            for s in sections
            for item in s.items.all()
        }

    def all_forms(self):
        return [self.header, *self.section_forms.values(), *self.item_forms.values()]

    def checked_forms(self):
        return [form for form in self.all_forms() if form is not self.item_forms.get(self.discarding)]

    def is_valid(self):
        return all([form.is_valid() for form in self.checked_forms()])  # a list: validate every form

    def outline(self, comments=None, limits=None):
        """Sections and items in order with their generated labels, open comments, 字数 and the district's
        limit for the section's kind, for the template."""
        comments = comments or {}
        limits = limits or {}
        rows = []
        for number, section in enumerate(self.sections, start=1):
            items = list(section.items.all())
            rows.append(
                {
                    "section": section,
                    "label": heading_label(1, number),
                    "form": self.section_forms[section.pk],
                    "shows_last_year_plans": section.kind in SECTIONS_SHOWING_LAST_YEAR_PLANS,
                    "comments": comments.get(f"section-{section.pk}", []),
                    "words": precheck.section_words(section),
                    "limit": limits.get(section.kind),
                    "items": [
                        {
                            "item": item,
                            "label": label,
                            "form": self.item_forms[item.pk],
                            "comments": comments.get(f"item-{item.pk}", []),
                        }
                        for item, label in zip(items, item_labels(items), strict=True)
                    ],
                }
            )
        return rows

    def content(self):
        """What ``actions.save_report_content`` takes, from the valid forms."""
        return {
            "base_version": self.header.cleaned_data["version"],
            "header": self.header.cleaned_data,
            "sections": {pk: form.cleaned_data for pk, form in self.section_forms.items()},
            "items": {
                pk: _item_data(form.cleaned_data)
                for pk, form in self.item_forms.items()
                if pk != self.discarding
            },
        }


def _item_data(cleaned):
    return {name: cleaned[name] for name in actions.ITEM_CONTENT_FIELDS}


def _load(report, organs=False):
    if organs:  # an unbound header form shows them, and the warnings: one query for both
        prefetch_related_objects([report], "organs")
    return list(report.sections_with_items())


@login_required
def edit(request, pk):
    report = get_report_or_refuse(request.user, pk, Action.EDIT)
    autosave = is_autosave(request)
    if request.method != "POST":
        return _render(request, report, EditorForms(report, _load(report, organs=True)))

    op = request.POST.get("op", "")
    forms = EditorForms(report, _load(report), data=request.POST, discarding=operations.item_to_delete(op))
    if not forms.is_valid():
        if autosave:
            return autosave_reply.invalid("有内容未通过检查，请点击“保存”查看。")
        messages.error(request, "有内容需要修改，见下方红色提示；您填写的内容都还在，尚未保存。")
        return _render(request, report, forms, status=400)
    try:
        version = actions.save_report_content(report, request.user, **forms.content())
    except actions.EditConflict as conflict:
        if autosave:
            return autosave_reply.conflict(_conflict_message(conflict.report))
        return _render_conflict(request, conflict.report, forms)

    if autosave:
        return autosave_reply.saved(version)
    if op != "undo-delete":  # "撤销删除" is offered until the next save or change, not for minutes after
        request.session.pop(UNDO_SESSION_KEY, None)
    anchor = _apply_operation(request, report, op)
    if not op:
        messages.success(request, f"已保存（{autosave_reply.clock()}）。")
    return redirect(reverse("reports:edit", args=[report.pk]) + anchor)


def _conflict_message(latest):
    who = name_of(latest.updated_by, nobody="其他人")
    when = timezone.localtime(latest.updated_at).strftime("%H:%M")
    return f"{who}在{when}保存了这份报告，您的修改没有覆盖它。"


def _apply_operation(request, report, value):
    """Carry out the structural change a button asked for; returns the anchor to scroll back to."""
    if not value:
        return ""
    undo = request.session.get(UNDO_SESSION_KEY) if value == "undo-delete" else None
    outcome = operations.run(
        report, request.user, value, undo=actions.DeletedItem.from_session(undo) if undo else None
    )
    if value == "undo-delete":
        request.session.pop(UNDO_SESSION_KEY, None)
    if outcome.deleted is not None:
        request.session[UNDO_SESSION_KEY] = outcome.deleted.as_session()
    if outcome.message:
        extra_tags = "undo" if outcome.deleted is not None else ""
        messages.add_message(request, outcome.level, outcome.message, extra_tags=extra_tags)
    return outcome.anchor


def _render_conflict(request, latest, forms):
    """Keep the user's text, show the newer saved text beside each field that differs, and let them merge."""
    fresh = EditorForms(latest, _load(latest, organs=True))
    theirs = {}
    for mine, saved in zip(forms.all_forms(), fresh.all_forms(), strict=False):
        for name in mine.fields:
            if name == "version":
                continue
            key = mine.add_prefix(name)
            saved_value = saved[name].value()
            saved_text = "" if saved_value is None else str(saved_value)
            if str(mine.data.get(key, "")).strip() != saved_text.strip():
                theirs[key] = saved_text
    forms.header.data = forms.header.data.copy()
    forms.header.data[forms.header.add_prefix("version")] = latest.version
    messages.warning(
        request,
        _conflict_message(latest) + "下方保留了您的内容，黄色框里是对方保存的内容；请合并后再点“保存”。",
    )
    return _render(request, latest, forms, theirs=theirs, status=409)


def _open_comments(report):
    comments = {}
    for comment in report.comments.filter(parent__isnull=True, resolved_at__isnull=True).select_related(
        "author"
    ):
        comments.setdefault(comment.anchor, []).append(comment)
    return comments


def _render(request, report, forms, theirs=None, status=200):
    undo = request.session.get(UNDO_SESSION_KEY)
    comments = _open_comments(report)
    limits = precheck.word_limits_for(report)
    outline = forms.outline(comments, limits)
    context = {
        "report": report,
        "forms": forms,
        "outline": outline,
        "words": word_count(report.preamble) + sum(row["words"] for row in outline),
        "word_limit": limits.get(precheck.TOTAL),
        "report_comments": comments.get("report", []),
        "theirs": theirs or {},
        "last_year_plans": _last_year_plans(report),
        "warnings": consistency_warnings(report, forms.sections),
        "can_undo": bool(undo and undo.get("report_id") == report.pk),
        "unsaved": status != 200,  # the page shows what was typed, not what is saved
    }
    return render(request, "reports/editor.html", context, status=status)


def _last_year_plans(report):
    """Last year's "next-year plans": this year's checklist of what was promised."""
    return list(
        Item.objects.filter(
            section__report__unit_id=report.unit_id,
            section__report__year=report.year - 1,
            section__kind=Section.Kind.NEXT_YEAR_PLANS,
        ).order_by("section__position", "position")
    )
