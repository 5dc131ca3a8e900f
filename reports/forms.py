"""The editor's, the review's and the import's forms, and the audit trail's search. Text from users is
cleaned by ``clean_text``."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from .common.text import CleanTextMixin, clean_text
from .importing import TOO_LARGE, ImportRefused, read_report_file
from .importing.preview import figure_choices, normalise_wording, taught_by_default, wording_problem
from .models import AuditEntry, Item, Report, Section
from .publishing import CONFIRM, MASK

ORGANS_MAX = 6

# A date as offices write it: 2026-01-31, 2026/1/31, 2026.1.31 or 2026年1月31日 (no ``[...]`` class: Chromium
# compiles ``pattern`` with the v flag, where an unescaped "-" or "/" in a class voids the whole pattern).
DAY_PATTERN = r"\s*\d{4}\s*(-|/|\.|年)\s*\d{1,2}\s*(-|/|\.|月)\s*\d{1,2}\s*日?\s*"
DAY_SEPARATOR = re.compile(r"\s*[-/.年月]\s*")


class DayInput(forms.DateInput):
    """A date typed as "2026-01-31" in a text box. Not ``type="date"``: Chromium shows that in the
    browser's own locale (mm/dd/yyyy on an English system) whatever the page's ``lang`` says."""

    input_type = "text"

    def __init__(self, attrs=None):
        defaults = {
            "placeholder": "如：2026-01-31",  # "如：": an example, not a date already filled in
            "pattern": DAY_PATTERN,
            "title": "格式：年-月-日，如2026-01-31",
            "autocomplete": "off",
        }
        super().__init__({**defaults, **(attrs or {})}, format="%Y-%m-%d")


class DayField(forms.DateField):
    """A date field reading "2026-01-31", "2026/1/31", "2026.1.31" and "2026年1月31日" alike."""

    widget = DayInput
    default_error_messages = {"invalid": "请按“2026-01-31”的格式填写日期（年-月-日）。"}

    def to_python(self, value):
        if isinstance(value, str):
            value = DAY_SEPARATOR.sub("-", value.strip()).removesuffix("日")
        try:
            return super().to_python(value)
        except ValidationError:
            raise ValidationError(
                _no_such_day(value) or self.error_messages["invalid"], code="invalid"
            ) from None


def _no_such_day(value):
    """ "2027年2月没有30日" for a date written year first whose month or day does not exist, else None (the
    format message is then the one that helps)."""
    parts = value.split("-") if isinstance(value, str) else []
    if len(parts) != 3 or not all(part.isdigit() for part in parts) or len(parts[0]) != 4:
        return None
    year, month, day = (int(part) for part in parts)
    if not 1 <= month <= 12:
        return f"没有{month}月，请检查日期。"
    return f"{year}年{month}月没有{day}日，请检查日期。"


def organ_lines(text):
    return [line.strip() for line in clean_text(text).split("\n") if line.strip()]


class ReportHeaderForm(CleanTextMixin, forms.ModelForm):
    same_markup = True  # a field's markup depends only on the prefix and its value (common/field_shapes.py)

    issuing_organs = forms.CharField(
        label="发文机关",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="每行一个；联合行文时写两行，如党工委和办事处。",
    )
    signing_organs = forms.CharField(
        label="落款机关",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="每行一个，印在正文之后；提交前须填写（提交前检查）。",
    )
    version = forms.IntegerField(widget=forms.HiddenInput(attrs={"data-version": ""}))

    class Meta:
        model = Report
        fields = ["title", "document_number", "addressee", "preamble", "signing_date"]
        widgets = {
            "preamble": forms.Textarea(attrs={"rows": 5}),
        }
        field_classes = {"signing_date": DayField}
        help_texts = {
            "title": "标题较长时按词回行，各行长短相近；要在某处换行，在那里输入一个空格（空格不打印）。",
            "preamble": "标题之后、“一、”之前的导语，常以“现将……报告如下：”结尾。",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = True
        self.fields["preamble"].validators.append(_max_length(Report.PREAMBLE_MAX))
        if not self.is_bound:
            report = self.instance
            self.initial["issuing_organs"] = "\n".join(o.name for o in report.issuing_organs)
            self.initial["signing_organs"] = "\n".join(o.name for o in report.signing_organs)
            self.initial["version"] = report.version

    def clean_issuing_organs(self):
        return _clean_organs(self.cleaned_data["issuing_organs"])

    def clean_signing_organs(self):
        return _clean_organs(self.cleaned_data["signing_organs"])


def _clean_organs(text):
    lines = organ_lines(text)
    if len(lines) > ORGANS_MAX:
        raise ValidationError(f"最多{ORGANS_MAX}个机关，现在有{len(lines)}个。")
    too_long = [line for line in lines if len(line) > 100]
    if too_long:
        raise ValidationError(f"机关名称不能超过100个字：“{too_long[0][:20]}…”")
    return lines


def _max_length(limit):
    def check(value):
        if len(value) > limit:
            raise ValidationError(f"不能超过{limit}个字，现在有{len(value)}个字。请删减或分成几段、几条。")

    return check


class SectionForm(CleanTextMixin, forms.ModelForm):
    same_markup = True  # a field's markup depends only on the prefix and its value (common/field_shapes.py)

    class Meta:
        model = Section
        fields = ["heading", "kind"]
        labels = {"heading": "部分标题", "kind": "对应条例要求"}


class ItemForm(CleanTextMixin, forms.ModelForm):
    same_markup = True  # a field's markup depends only on the prefix and its value (common/field_shapes.py)

    class Meta:
        model = Item
        fields = ["style", "level", "joins_previous", "heading", "body"]
        widgets = {
            "style": forms.Select(attrs={"class": "form-select form-select-sm"}),
            "level": forms.Select(attrs={"class": "form-select form-select-sm"}),
            "joins_previous": forms.CheckboxInput(attrs={"class": "form-check-input"}),
            "body": forms.Textarea(attrs={"rows": 4}),
            "heading": forms.TextInput(attrs={"placeholder": "可不填，如：高度重视，落实责任。"}),
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "：")  # the editor prints "样式：", not Django's ASCII colon
        super().__init__(*args, **kwargs)
        self.fields["body"].validators.append(_max_length(Item.BODY_MAX))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("style") == Item.Style.HEADING and not cleaned.get("heading"):
            self.add_error("heading", "“标题单独成行”的条目需要填写小标题。")
        return cleaned


class UnitAndYearForm(forms.Form):
    """A unit among those the user writes for (hidden when there is one) and a year among those open."""

    unit = forms.ModelChoiceField(label="单位", queryset=None, empty_label=None)
    year = forms.TypedChoiceField(label="年度", coerce=int)

    def __init__(self, *args, units, years, **kwargs):
        kwargs.setdefault("label_suffix", "：")
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["year"].choices = [(year, f"{year}年度") for year in years]
        if len(units) == 1:
            self.fields["unit"].widget = forms.HiddenInput()
            self.initial["unit"] = units[0].pk


class NewReportForm(UnitAndYearForm):
    def clean(self):
        cleaned = super().clean()
        unit, year = cleaned.get("unit"), cleaned.get("year")
        if unit and year and Report.objects.filter(unit=unit, year=year).exists():
            raise ValidationError(f"{unit.short_name}{year}年度报告已经存在，请在列表中打开它。")
        return cleaned


class CommentForm(CleanTextMixin, forms.Form):
    body = forms.CharField(label="意见", max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    target = forms.CharField(required=False, widget=forms.HiddenInput)  # "item-12", "section-3" or ""
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


# --- Importing a report from a file or pasted text (reports/views/importing.py) ---------------------------

# An item's level and style in one choice, as the import's confirmation page offers them.
ITEM_KINDS = [
    ("heading:2", "（一）标题单独成行"),
    ("run_in:2", "（一）标题接排正文"),
    ("heading:3", "1. 标题单独成行"),
    ("run_in:3", "1. 标题接排正文"),
    ("heading:4", "（1）标题单独成行"),
    ("run_in:4", "（1）标题接排正文"),
    ("enumerated", "一是、二是……"),
    ("plain", "无序号段落"),
]
IMPORT_TEXT_MAX = 200_000  # characters kept in the session between the two steps; a report has ~5,000


class ImportForm(CleanTextMixin, UnitAndYearForm):
    file = forms.FileField(
        label="上传文件",
        required=False,
        help_text="Word 文档（.docx）或文本文件（.txt），不超过10 MB。",
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.txt"}),
    )
    text = forms.CharField(
        label="或者粘贴报告全文",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "placeholder": "从 Word、WPS 或网页复制全文，粘贴在这里"}),
    )

    def __init__(self, *args, too_large_uploads=frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        self.too_large_uploads = too_large_uploads  # refused while the request was read (common/uploads.py)

    def clean(self):
        cleaned = super().clean()
        upload, text = cleaned.get("file"), cleaned.get("text", "")
        if "file" in self.too_large_uploads:
            self.add_error("file", TOO_LARGE)
            return cleaned
        if upload and text:
            raise ValidationError("请只选择一种方式：上传文件，或粘贴文字。")
        if upload:
            try:
                text = clean_text(read_report_file(upload.name, upload.read()))
            except ImportRefused as error:
                self.add_error("file", str(error))
                return cleaned
        if not text:
            if not self.has_error("file"):
                raise ValidationError("请上传文件，或粘贴报告全文。")
            return cleaned
        if len(text) > IMPORT_TEXT_MAX:
            raise ValidationError(f"文字超过{IMPORT_TEXT_MAX}字，不像是一份年度报告，请检查文件。")
        cleaned["text"] = text
        cleaned["source"] = upload.name[:100] if upload else "粘贴的文字"
        return cleaned


class ConfirmImportForm(CleanTextMixin, forms.Form):
    """The confirmation step: overwrite (when the year's report exists), each section's and item's kind,
    inline lists to split, the web page's lines to drop, a default title for a text without one, values to
    keep, and unmatched figures to put on the sheet (teaching the catalogue their wording).

    ``item_kinds`` and ``section_kinds`` map a field name to the kind read; ``value_keys`` are the suggested
    values' names, keyed by the indicator they fill (``value_indicators``), those in ``to_confirm`` left
    unticked for the user to confirm; ``split_keys`` the inline
    lists'; ``figures`` maps an unmatched figure's field name to its match, offered on the ``indicators`` it
    may fill (``figure_choices``), the scored fallback's guess marked 推测 but not selected: a form sent
    without reading puts no guessed value on the sheet (docs/figures-corpus.md). Its proposed wording
    (``phrase``) may be corrected into words of its sentence before it is taught; "记住这个说法" starts as
    ``taught_by_default`` says; a wording is checked only when it is to be taught.
    """

    def __init__(
        self,
        *args,
        item_kinds,
        value_keys,
        overwrite,
        section_kinds=None,
        split_keys=(),
        page_lines=False,
        untitled=False,
        figures=None,
        indicators=(),
        value_indicators=None,
        typed=None,
        to_confirm=(),
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.value_indicators = value_indicators or {}
        self.figure_indicators = {}
        self.figures = figures or {}
        if page_lines:
            self.fields["drop_page_lines"] = forms.BooleanField(
                label="删除这些网页信息行", required=False, initial=True, widget=_checkbox()
            )
        if untitled:
            self.fields["default_title"] = forms.BooleanField(
                label="使用默认标题", required=False, widget=_checkbox()
            )
        for name, kind in (section_kinds or {}).items():
            self.fields[name] = forms.ChoiceField(
                label="部分类别", choices=Section.Kind.choices, initial=kind, widget=_select()
            )
        for name in split_keys:
            self.fields[name] = forms.BooleanField(
                label="拆分为“一是、二是……”各条", required=False, widget=_checkbox()
            )
        for name, match in self.figures.items():
            choices = figure_choices(match, indicators)
            self.figure_indicators[name] = {str(i.pk): i for i in choices}
            self.fields[name] = forms.ChoiceField(
                label="加入指标表",
                required=False,
                choices=[("", "不加入")]
                + [(str(i.pk), _figure_choice(i, typed or {}, guessed=i == match.guess)) for i in choices],
                widget=_select(),
            )
            self.fields[f"{name}-teach"] = forms.BooleanField(
                label="记住这个说法", required=False, initial=taught_by_default(match), widget=_checkbox()
            )
            # No maxlength: a wording pasted too long is refused with a message, not cut without one.
            self.fields[f"{name}-phrase"] = forms.CharField(
                label="要记住的说法",
                required=False,
                initial=match.phrase,
                widget=forms.TextInput(
                    attrs={"class": "form-control form-control-sm import-phrase", "autocomplete": "off"}
                ),
            )
        if overwrite:
            self.fields["overwrite"] = forms.BooleanField(
                label="覆盖已有的报告？旧版本保存在历史记录中",
                error_messages={"required": "请勾选确认覆盖已有的报告，或返回重新选择年度。"},
            )
        for name, kind in item_kinds.items():
            self.fields[name] = forms.ChoiceField(
                label="类型",
                choices=ITEM_KINDS,
                initial=kind,
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
            )
        for name in value_keys:
            # A value already typed in the sheet wins unless the user ticks the imported one instead.
            has_typed = self.value_indicators.get(name) is not None and self.value_indicators[name].pk in (
                typed or {}
            )
            self.fields[name] = forms.BooleanField(
                label="改用导入的数值" if has_typed else "保留",
                required=False,
                initial=not has_typed and name not in to_confirm,
                widget=forms.CheckboxInput({"class": "form-check-input"}),
            )

    def chosen_figures(self):
        """(field name, indicator) for each unmatched figure the user put on the sheet."""
        return [
            (name, self.figure_indicators[name][self.cleaned_data[name]])
            for name in self.figure_indicators
            if self.cleaned_data.get(name)
        ]

    def taught_wordings(self):
        """(indicator, wording) for each figure put on the sheet with "记住这个说法" ticked, the wording as
        the user left it."""
        return [
            (indicator, self.cleaned_data[f"{name}-phrase"])
            for name, indicator in self.chosen_figures()
            if self.cleaned_data.get(f"{name}-teach")
        ]

    def clean(self):
        cleaned = super().clean()
        filled = {
            self.value_indicators[name].pk: self.value_indicators[name]
            for name in self.value_indicators
            if cleaned.get(name)
        }
        for name, indicator in self.chosen_figures() if not self.errors else []:
            if indicator.pk in filled:
                self.add_error(name, f"“{indicator.name}”已有一个数值，请只保留一个。")
            filled[indicator.pk] = indicator
        for name in self.figure_indicators:
            key = f"{name}-phrase"
            cleaned[key] = normalise_wording(cleaned.get(key, ""))
            if not (cleaned.get(name) and cleaned.get(f"{name}-teach")):
                continue  # nothing taught: any wording will do, and stays as typed
            problem = wording_problem(cleaned[key], self.figures[name].figure.sentence)
            if problem:
                self.add_error(key, problem)
        return cleaned


def _figure_choice(indicator, typed, guessed=False):
    label = f"{'推测：' if guessed else ''}{indicator.name}（{indicator.unit}）"
    if indicator.pk in typed:
        label += f"——指标表已填“{typed[indicator.pk]}”，选择即替换"
    return label


def _checkbox():
    return forms.CheckboxInput({"class": "form-check-input"})


def _select():
    return forms.Select(attrs={"class": "form-select form-select-sm"})


class AuditSearchForm(forms.Form):
    """The audit administrator's search: every field optional, all that are given must match."""

    user = forms.CharField(label="用户名", required=False, max_length=150, help_text="包含这些字即可")
    action = forms.ChoiceField(
        label="事件", required=False, choices=[("", "全部"), *AuditEntry.Action.choices]
    )
    result = forms.ChoiceField(
        label="结果", required=False, choices=[("", "全部"), *AuditEntry.Result.choices]
    )
    date_from = DayField(label="从", required=False)
    date_to = DayField(label="到", required=False)
    text = forms.CharField(
        label="对象或详情", required=False, max_length=200, help_text="对象名称、类型、编号或详情中包含这些字"
    )

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise ValidationError("开始日期晚于结束日期，请调换。")
        return data

    def search(self, entries):
        """``entries`` narrowed to what the (valid) form asks for, newest first."""
        data = self.cleaned_data
        if data["user"]:
            entries = entries.filter(username__icontains=data["user"].strip())
        if data["action"]:
            entries = entries.filter(action=data["action"])
        if data["result"]:
            entries = entries.filter(result=data["result"])
        if data["date_from"]:
            entries = entries.filter(at__date__gte=data["date_from"])
        if data["date_to"]:
            entries = entries.filter(at__date__lte=data["date_to"])
        if text := data["text"].strip():
            entries = entries.filter(
                models.Q(object_repr__icontains=text)
                | models.Q(object_type__icontains=text)
                | models.Q(object_id=text)
                | models.Q(detail__icontains=text)
            )
        return entries.order_by("-pk")


class PublishForm(forms.Form):
    """The personal-information check before publishing: each finding masked or confirmed publishable.

    One radio pair per finding (``reports.publishing.findings``), the last publication's choice
    preselected; publishing is refused until every one is chosen.
    """

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, findings, version, **kwargs):
        super().__init__(*args, **kwargs)
        self.findings = findings
        self.fields["version"].initial = version
        self.expected_version = version
        for index, finding in enumerate(findings):
            self.fields[f"decision_{index}"] = forms.ChoiceField(
                label=f"{finding.hit.kind_label}：{finding.hit.text}",
                choices=[(MASK, f"遮盖为“{finding.hit.masked}”"), (CONFIRM, "确认可以公开")],
                widget=forms.RadioSelect,
                initial=finding.previous or None,
                error_messages={"required": "请选择“遮盖”或“确认可以公开”。"},
            )

    def clean_version(self):
        if self.cleaned_data["version"] != self.expected_version:
            raise ValidationError("报告在您打开本页后有了变化，请重新检查后再公开。")
        return self.cleaned_data["version"]

    def rows(self):
        """(finding, its bound radio field) in document order, for the template."""
        return [(finding, self[f"decision_{i}"]) for i, finding in enumerate(self.findings)]

    def decisions(self):
        return {
            finding.hit.key: self.cleaned_data[f"decision_{i}"] for i, finding in enumerate(self.findings)
        }


class WithdrawForm(CleanTextMixin, forms.Form):
    reason = forms.CharField(
        label="撤回理由",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "撤回公开需要填写理由。"},
    )


class RestoreSnapshotForm(forms.Form):
    """The restore's confirmation: the version the page showed, so a save meanwhile is not overwritten."""

    base_version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
