"""The report editor: the whole report on one page, saved as one form, autosaved by static/js/autosave.js.

Structural changes (add, move, delete) are submit buttons of the same form, so the text typed so far is
saved first and nothing is lost, with JavaScript or without. With JavaScript (static/js/editor.js) the
button is sent in the background and the answer is the sections it changed, rendered again, in JSON: the
page changes in place instead of loading again.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import prefetch_related_objects
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse

from reports import actions, precheck
from reports.common import autosave as autosave_reply
from reports.common.autosave import is_autosave, is_in_place
from reports.common.text import clean_text, word_count
from reports.consistency import consistency_warnings, warning_messages
from reports.forms import ItemForm, ReportHeaderForm, SectionForm
from reports.models import Item, Section, attach_sources
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
    item that cannot be saved as it is can still be deleted.

    An item or section posted exactly as it is stored has nothing to check or save: its form is built only
    if the page is shown (``item_forms``, ``section_forms``). On a save of a long report that is nearly
    every item: a form per item was most of the time of every autosave and button (issue 15 #12,
    bench/editor_operations.py); the sections' forms were a fifth of an autosave's (issue 13)."""

    def __init__(self, report, sections, data=None, discarding=None, header=True):
        self.report = report
        self.sections = sections
        self.data = data
        self.discarding = discarding
        self.header = ReportHeaderForm(data, instance=report, prefix="report") if header else None
        self.items = {item.pk: item for s in sections for item in s.items.all()}
        # What the save compares with, read before the model forms write their cleaned data on the rows.
        self.stored_sections = {
            s.pk: {name: getattr(s, name) for name in SectionForm._meta.fields} for s in sections
        }
        self.stored_items = {
            pk: {name: getattr(item, name) for name in actions.ITEM_CONTENT_FIELDS}
            for pk, item in self.items.items()
        }
        self.changed_section_forms = {
            s.pk: self._section_form(s)
            for s in sections
            if data is not None and not _section_posted_as_stored(s, data)
        }
        self.changed_item_forms = {
            pk: self._item_form(item)
            for pk, item in self.items.items()
            if data is not None and not _posted_as_stored(item, data)
        }
        self._section_forms = None
        self._item_forms = None

    def _section_form(self, section):
        return SectionForm(self.data, instance=section, prefix=f"s{section.pk}")

    def _item_form(self, item):
        return ItemForm(self.data, instance=item, prefix=f"i{item.pk}")

    @property
    def section_forms(self):
        """Every section's form, in order, for the page."""
        if self._section_forms is None:
            self._section_forms = {
                s.pk: self.changed_section_forms.get(s.pk) or self._section_form(s) for s in self.sections
            }
        return self._section_forms

    @property
    def item_forms(self):
        """Every item's form, in order, for the page."""
        if self._item_forms is None:
            self._item_forms = {
                pk: self.changed_item_forms.get(pk) or self._item_form(item)
                for pk, item in self.items.items()
            }
        return self._item_forms

    def all_forms(self):
        return [self.header, *self.section_forms.values(), *self.item_forms.values()]

    def checked_forms(self):
        items = [form for pk, form in self.changed_item_forms.items() if pk != self.discarding]
        return [self.header, *self.changed_section_forms.values(), *items]

    def is_valid(self):
        return all([form.is_valid() for form in self.checked_forms()])  # a list: validate every form

    def outline(self, comments=None, limits=None):
        """Sections and items in order with their generated labels, open comments, 字数 and the district's
        limit for the section's kind, for the template."""
        count = len(self.sections)
        return [
            self.row(section, number, count, comments or {}, limits or {})
            for number, section in enumerate(self.sections, start=1)
        ]

    def row(self, section, number, count, comments, limits=None):
        """One section as ``_editor_section.html`` shows it: the ``number``-th of ``count``."""
        items = list(section.items.all())
        return {
            "section": section,
            "label": heading_label(1, number),
            "first": number == 1,
            "last": number == count,
            "form": self.section_forms[section.pk],
            "shows_last_year_plans": section.kind in SECTIONS_SHOWING_LAST_YEAR_PLANS,
            "comments": comments.get(f"section-{section.pk}", []),
            "words": precheck.section_words(section),
            "limit": (limits or {}).get(section.kind),
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

    def content(self):
        """What ``actions.save_report_content`` takes, from the valid forms."""
        return {
            "base_version": self.header.cleaned_data["version"],
            "header": self.header.cleaned_data,
            "sections": {pk: form.cleaned_data for pk, form in self.changed_section_forms.items()},
            "items": {
                pk: _item_data(form.cleaned_data)
                for pk, form in self.changed_item_forms.items()
                if pk != self.discarding
            },
        }


def _posted_as_stored(item, data):
    """Whether ``data`` holds ``item`` as stored: its choices exactly, its texts once the form's cleaning
    (``clean_text``) is done, which is what the save compares (a browser sends CRLF line ends; a client
    that keeps the line break HTML puts after ``<textarea>``, as bench/load.py's lxml does, sends it).
    Anything else goes through the form."""
    prefix = f"i{item.pk}-"
    for name in ("style", "level"):
        posted = data.get(prefix + name)
        if posted is None or str(posted) != str(getattr(item, name)):
            return False
    for name in ("heading", "body"):
        posted = data.get(prefix + name)
        if posted is None or clean_text(str(posted)) != getattr(item, name):
            return False
    return data.get(prefix + "joins_previous") == ("on" if item.joins_previous else None)


def _section_posted_as_stored(section, data):
    """Whether ``data`` holds ``section`` exactly as stored, its kind one the form offers."""
    prefix = f"s{section.pk}-"
    heading, kind = data.get(prefix + "heading"), data.get(prefix + "kind")
    return (
        heading is not None
        and str(heading).replace("\r\n", "\n") == section.heading
        and kind == section.kind
        and kind in Section.Kind.values
    )


def _item_data(cleaned):
    return {name: cleaned[name] for name in actions.ITEM_CONTENT_FIELDS}


def _load(report, organs=False, sources=True):
    """The sections with their items; ``sources``: what the page shows of an item's source (a save that
    answers in JSON does not show it)."""
    if organs:  # an unbound header form shows them, and the warnings: one query for both
        prefetch_related_objects([report], "organs")
    sections = list(report.sections_with_items())
    if sources:
        attach_sources(sections)
    return sections


@login_required
def edit(request, pk):
    report = get_report_or_refuse(request.user, pk, Action.EDIT)
    autosave = is_autosave(request)
    in_place = is_in_place(request)
    if request.method != "POST":
        return _render(request, report, EditorForms(report, _load(report, organs=True)))

    op = request.POST.get("op", "")
    forms = EditorForms(
        report,
        _load(report, sources=not (autosave or in_place)),  # these answer in JSON, never the page
        data=request.POST,
        discarding=operations.item_to_delete(op),
    )
    if not forms.is_valid():
        if autosave or in_place:  # the page then submits the form itself, to show what to correct
            return autosave_reply.invalid("有内容未通过检查，请点击“保存”查看。")
        messages.error(request, "有内容需要修改，见下方红色提示；您填写的内容都还在，尚未保存。")
        return _render(request, report, forms, status=400)
    try:
        version = actions.save_report_content(
            report,
            request.user,
            **forms.content(),
            stored_sections=forms.stored_sections,
            stored_items=forms.stored_items,
        )
    except actions.EditConflict as conflict:
        if autosave or in_place:
            return autosave_reply.conflict(_conflict_message(conflict.report, request.user))
        return _render_conflict(request, conflict.report, forms)

    if autosave:
        return autosave_reply.saved(version, warning_messages(report))
    if op != "undo-delete":  # "撤销删除" is offered until the next save or change, not for minutes after
        request.session.pop(UNDO_SESSION_KEY, None)
    outcome = _run_operation(request, report, op)
    if in_place:
        return _in_place(request, report, outcome, before=[s.pk for s in forms.sections])
    if outcome.message:
        extra_tags = "undo" if outcome.deleted is not None else ""
        messages.add_message(request, outcome.level, outcome.message, extra_tags=extra_tags)
    if not op:
        messages.success(request, f"已保存（{autosave_reply.clock()}）。")
    return redirect(reverse("reports:edit", args=[report.pk]) + outcome.anchor)


def _conflict_message(latest, user):
    return autosave_reply.saved_since(latest, user) + "，这里的修改没有覆盖它。"


def _run_operation(request, report, value):
    """Carry out the structural change a button asked for (none for 保存), keeping what "撤销删除" needs."""
    if not value:
        return operations.Outcome()
    undo = request.session.get(UNDO_SESSION_KEY) if value == "undo-delete" else None
    outcome = operations.run(
        report, request.user, value, undo=actions.DeletedItem.from_session(undo) if undo else None
    )
    if value == "undo-delete":
        request.session.pop(UNDO_SESSION_KEY, None)
    if outcome.deleted is not None:
        request.session[UNDO_SESSION_KEY] = outcome.deleted.as_session()
    return outcome


NOTICE_LEVELS = {messages.ERROR: "error", messages.INFO: "info", messages.SUCCESS: "success"}


def _in_place(request, report, outcome, before):
    """The answer to a button pressed in place: the new version, the order and labels of the sections, and
    rendered again only the sections that changed: those the button changed (and "show", the section whose
    items' style or level was changed, for its numbering) and the first and last, whose 上移/下移 follow
    their place. ``before`` is the order of the sections when the button was pressed."""
    order = list(report.sections.order_by("position").values_list("pk", flat=True))
    changed = {*outcome.sections, *_shown_sections(request)}
    for end in (0, -1):  # a section that became or stopped being the first or last: its 上移/下移
        if before and order and before[end] != order[end]:
            changed |= {before[end], order[end]}
    sections = list(report.sections_with_items().filter(pk__in=changed))
    attach_sources(sections)
    forms = EditorForms(report, sections, header=False)
    comments = _open_comments(report)
    limits = precheck.word_limits_for(report)
    plans = (
        _last_year_plans(report) if any(s.kind in SECTIONS_SHOWING_LAST_YEAR_PLANS for s in sections) else []
    )
    html = {
        section.pk: render_to_string(
            "reports/_editor_section.html",
            {
                "row": forms.row(section, order.index(section.pk) + 1, len(order), comments, limits),
                "report": report,
                "last_year_plans": plans,
                "theirs": {},
            },
            request,
        )
        for section in sections
    }
    undo = request.session.get(UNDO_SESSION_KEY)
    return JsonResponse(
        {
            "status": "saved",
            "version": report.version,
            "saved_at": autosave_reply.clock(),
            "warnings": warning_messages(report),
            "order": order,
            "labels": {pk: heading_label(1, number) for number, pk in enumerate(order, start=1)},
            "sections": html,
            "undo": render_to_string(
                "reports/_editor_undo.html", {"can_undo": bool(undo and undo.get("report_id") == report.pk)}
            ),
            "notice": "" if outcome.deleted else outcome.message,  # the 撤销删除 bar says it
            "notice_level": NOTICE_LEVELS.get(outcome.level, "info"),
            "focus": outcome.focus,
        }
    )


def _shown_sections(request):
    return [int(pk) for pk in request.POST.getlist("show") if pk.isdigit()]


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
            if clean_text(str(mine.data.get(key, ""))) != clean_text(saved_text):  # CRLF is LF
                theirs[key] = saved_text
    forms.header.data = forms.header.data.copy()
    forms.header.data[forms.header.add_prefix("version")] = latest.version
    messages.warning(
        request,
        _conflict_message(latest, request.user)
        + "下方保留了这里的内容，黄色框里是较新保存的内容；请合并后再点“保存”。",
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
