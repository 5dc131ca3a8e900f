"""The district office's year set-up: the deadline and the outline of sections every report starts from."""

from django import forms

from reports.common.text import CleanTextMixin
from reports.deadlines import default_deadline
from reports.forms import DayField
from reports.models import ReportingYear, Section
from reports.precheck import TOTAL


class DeadlineForm(forms.ModelForm):
    class Meta:
        model = ReportingYear
        fields = ["deadline"]
        labels = {"deadline": "报送截止日期"}
        field_classes = {"deadline": DayField}

    def __init__(self, *args, year, **kwargs):
        super().__init__(*args, **kwargs)
        self.year = year
        default = default_deadline(year)
        self.fields[
            "deadline"
        ].help_text = f"各单位须在此日期前报送{year}年度报告（默认为次年3月1日：{default:%Y-%m-%d}）。按“年-月-日”填写。"

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline.year not in (self.year, self.year + 1):
            raise forms.ValidationError(f"截止日期应在{self.year}年或{self.year + 1}年内。")
        return deadline


class WordLimitsForm(forms.Form):
    """The district's word limits for the year: the whole report and each kind of section, each optional.
    Exceeding one is a warning in the check before submitting and shown red in the editor."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kinds = [(TOTAL, "全文（导语和各部分）"), *Section.Kind.choices]
        for key, label in kinds:
            self.fields[key] = forms.IntegerField(
                label=str(label),
                required=False,
                min_value=1,
                max_value=1_000_000,
                error_messages={
                    "invalid": f"“{label}”的字数上限请填写整数，如3000；空着表示不限。",
                    "min_value": f"“{label}”的字数上限应在1到1000000之间；空着表示不限。",
                    "max_value": f"“{label}”的字数上限应在1到1000000之间；空着表示不限。",
                },
                widget=forms.NumberInput(attrs={"class": "form-control", "placeholder": "不限"}),
            )

    def limits(self):
        """{key: limit} of the limits set; an empty box is no limit."""
        return {key: value for key, value in self.cleaned_data.items() if value}


class OutlineRowForm(CleanTextMixin, forms.Form):
    kind = forms.ChoiceField(label="类别", choices=Section.Kind.choices, initial=Section.Kind.OTHER)
    heading = forms.CharField(label="标题", max_length=200, required=False)  # a blank row is ignored


class BaseOutlineFormSet(forms.BaseFormSet):
    def rows(self):
        """(kind, heading) in the order the rows' numbers give, without deleted rows and rows left blank."""
        rows = [(f.cleaned_data["kind"], f.cleaned_data["heading"]) for f in self.ordered_forms]
        return [(kind, heading) for kind, heading in rows if heading]

    def with_blank_row(self):
        """The posted data with one more (blank) row, for "增加一行": nothing typed is lost."""
        data = self.data.copy()
        row = self.total_form_count()
        data[f"{self.prefix}-TOTAL_FORMS"] = row + 1
        data[f"{self.prefix}-{row}-kind"] = Section.Kind.OTHER  # as the blank rows start
        return data


OutlineFormSet = forms.formset_factory(
    OutlineRowForm, formset=BaseOutlineFormSet, extra=2, can_order=True, can_delete=True
)


def outline_formset(rows=(), data=None):
    """The outline as editable rows numbered 1, 2, 3…, and two blank rows to add sections; or, with
    ``data``, the rows as posted."""
    initial = [{"kind": kind, "heading": heading, "ORDER": n} for n, (kind, heading) in enumerate(rows, 1)]
    formset = OutlineFormSet(data, initial=None if data else initial, prefix="outline")
    for form in formset:
        form.fields["ORDER"].label = "顺序"
        form.fields["DELETE"].label = "删除"
        form.fields["DELETE"].widget.attrs.update({"class": "form-check-input", "aria-label": "删除这一行"})
        for name, css in (("ORDER", "form-control"), ("kind", "form-select"), ("heading", "form-control")):
            invalid = " is-invalid" if form.is_bound and form.errors.get(name) else ""
            form.fields[name].widget.attrs.update(
                {"class": css + invalid, "aria-label": form.fields[name].label}
            )
    return formset
