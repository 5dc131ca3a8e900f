"""The report editor: the whole report on one page, saved as one form, autosaved by static/js/editor.js.

Structural changes (add, move, delete) are submit buttons of the same form, so the text typed so far is
saved first and nothing is lost, with JavaScript or without.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from indicators.consistency import consistency_warnings
from reports import actions
from reports.forms import ItemForm, ReportHeaderForm, SectionForm
from reports.models import Item, Section
from reports.permissions import Action, get_report_or_refuse
from reports.rendering.numbering import heading_label, item_labels
from reports.views import autosave as autosave_reply
from reports.views.autosave import is_autosave
from reports.views.review import comment_anchor

UNDO_SESSION_KEY = "editor_undo_item"
# Sections where last year's promises are the checklist for what was done.
SECTIONS_SHOWING_LAST_YEAR_PLANS = {
    Section.Kind.MEASURES,
    Section.Kind.MEASURES_AND_RESULTS,
    Section.Kind.ACHIEVEMENTS,
}


class EditorForms:
    """The header form plus one form per section and per item, prefixed by id."""

    def __init__(self, report, sections, data=None):
        self.report = report
        self.sections = sections
        self.header = ReportHeaderForm(data, instance=report, prefix="report")
        self.section_forms = {s.pk: SectionForm(data, instance=s, prefix=f"s{s.pk}") for s in sections}
        self.item_forms = {
            item.pk: ItemForm(data, instance=item, prefix=f"i{item.pk}")
            for s in sections
            for item in s.items.all()
        }

    def all_forms(self):
        return [self.header, *self.section_forms.values(), *self.item_forms.values()]

    def is_valid(self):
        return all([form.is_valid() for form in self.all_forms()])  # a list: validate every form

    def errors(self):
        return {form.prefix: form.errors for form in self.all_forms() if form.errors}

    def outline(self, comments=None):
        """Sections and items in order with their generated labels and open comments, for the template."""
        comments = comments or {}
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

    def save(self, user):
        return actions.save_report_content(
            self.report,
            user,
            base_version=self.header.cleaned_data["version"],
            header=self.header.cleaned_data,
            sections={pk: form.cleaned_data for pk, form in self.section_forms.items()},
            items={pk: _item_data(form.cleaned_data) for pk, form in self.item_forms.items()},
        )


def _item_data(cleaned):
    return {name: cleaned[name] for name in actions.ITEM_CONTENT_FIELDS}


def _load(report):
    return list(report.sections.prefetch_related("items"))


@login_required
def edit(request, pk):
    report = get_report_or_refuse(request.user, pk, Action.EDIT)
    autosave = is_autosave(request)
    if request.method != "POST":
        return _render(request, report, EditorForms(report, _load(report)))

    forms = EditorForms(report, _load(report), data=request.POST)
    if not forms.is_valid():
        if autosave:
            return autosave_reply.invalid("有内容未通过检查，请点击“保存”查看。")
        messages.error(request, "有内容需要修改，见下方红色提示；您填写的内容都还在，尚未保存。")
        return _render(request, report, forms, status=400)
    try:
        version = forms.save(request.user)
    except actions.EditConflict as conflict:
        if autosave:
            return autosave_reply.conflict(_conflict_message(conflict.report))
        return _render_conflict(request, conflict.report, forms)

    if autosave:
        return autosave_reply.saved(version)
    anchor = _apply_operation(request, report, request.POST.get("op", ""))
    if not request.POST.get("op"):
        messages.success(request, f"已保存（{autosave_reply.clock()}）。")
    return redirect(reverse("report-edit", args=[report.pk]) + anchor)


def _conflict_message(latest):
    who = (latest.updated_by.get_full_name() or latest.updated_by.username) if latest.updated_by else "其他人"
    when = timezone.localtime(latest.updated_at).strftime("%H:%M")
    return f"{who}在{when}保存了这份报告，您的修改没有覆盖它。"


def _apply_operation(request, report, op):
    """Carry out the structural change a button asked for; returns the anchor to scroll back to."""
    if not op:
        return ""
    name, _, rest = op.partition(":")
    args = rest.split(":") if rest else []
    user = request.user
    try:
        if name == "add-section":
            section = actions.add_section(report, user)
            return f"#section-{section.pk}"
        if name == "undo-delete":
            return _undo_delete(request, report)
        if name == "resolve-comment":
            comment = _get_or_404(report.comments.filter(parent__isnull=True), args[0])
            actions.set_comment_resolved(comment, user)
            return f"#{comment_anchor(comment)}"
        if name in {"add-item", "move-section", "delete-section"}:
            section = _get_or_404(report.sections, args[0])
            if name == "add-item":
                return f"#item-{actions.add_item(report, user, section).pk}"
            if name == "move-section":
                actions.move_section(report, user, section, int(args[1]))
                return f"#section-{section.pk}"
            actions.delete_section(report, user, section)
            messages.success(request, f"已删除部分“{section.heading}”。")
            return ""
        if name in {"move-item", "delete-item"}:
            item = _get_or_404(Item.objects.filter(section__report=report), args[0])
            if name == "move-item":
                actions.move_item(report, user, item, int(args[1]))
                return f"#item-{item.pk}"
            deleted = actions.delete_item(report, user, item)
            request.session[UNDO_SESSION_KEY] = deleted.as_session()
            messages.info(request, "已删除一个条目。", extra_tags="undo")
            return f"#section-{item.section_id}"
    except (IndexError, ValueError) as error:
        messages.error(request, str(error) if isinstance(error, ValueError) and str(error) else "操作无效。")
        return ""
    raise Http404("unknown editor operation")


def _get_or_404(queryset, pk):
    try:
        return queryset.get(pk=int(pk))
    except (ValueError, queryset.model.DoesNotExist) as error:
        raise Http404("not part of this report") from error


def _undo_delete(request, report):
    data = request.session.pop(UNDO_SESSION_KEY, None)
    if not data or data["report_id"] != report.pk:
        messages.error(request, "没有可以撤销的删除。")
        return ""
    try:
        item = actions.restore_item(report, request.user, actions.DeletedItem.from_session(data))
    except Section.DoesNotExist:
        messages.error(request, "条目所在的部分已被删除，无法恢复。")
        return ""
    messages.success(request, "已恢复删除的条目。")
    return f"#item-{item.pk}"


def _render_conflict(request, latest, forms):
    """Keep the user's text, show the newer saved text beside each field that differs, and let them merge."""
    fresh = EditorForms(latest, _load(latest))
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
        comments.setdefault(comment_anchor(comment), []).append(comment)
    return comments


def _render(request, report, forms, theirs=None, status=200):
    undo = request.session.get(UNDO_SESSION_KEY)
    comments = _open_comments(report)
    context = {
        "report": report,
        "forms": forms,
        "outline": forms.outline(comments),
        "report_comments": comments.get("report", []),
        "theirs": theirs or {},
        "last_year_plans": _last_year_plans(report),
        "warnings": consistency_warnings(report, forms.sections),
        "can_undo": bool(undo and undo.get("report_id") == report.pk),
    }
    return render(request, "reports/editor.html", context, status=status)


def _last_year_plans(report):
    """Last year's "next-year plans": this year's checklist of what was promised."""
    sections = Section.objects.filter(
        report__unit_id=report.unit_id, report__year=report.year - 1, kind=Section.Kind.NEXT_YEAR_PLANS
    ).prefetch_related("items")
    return [item for section in sections for item in section.items.all()]
