"""The indicator sheet: one small form per indicator, checked alone and against the district's rules."""

from django import forms

from reports.common.text import CleanTextMixin

from .extraction import parse_number
from .models import IndicatorValue, Qualifier, format_number
from .validation import rule_errors, value_errors


class IndicatorValueForm(CleanTextMixin, forms.Form):
    value = forms.CharField(label="数值", required=False, max_length=30)
    qualifier = forms.ChoiceField(label="限定", choices=Qualifier.choices, initial=Qualifier.EXACT)
    not_applicable = forms.BooleanField(label="不适用", required=False)
    note = forms.CharField(label="说明", required=False, max_length=300)

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        for field in self.fields.values():
            field.widget.attrs["aria-label"] = f"{indicator.name} {field.label}"

    def clean_value(self):
        text = self.cleaned_data["value"]
        if not text:
            return None
        number = parse_number(text)
        if number is None:
            raise forms.ValidationError(
                f"“{self.indicator.name}”的数值“{text}”无法识别，请填写数字，如 1705、1,705 或 1万。"
            )
        for message in value_errors(self.indicator, number):
            raise forms.ValidationError(message)
        return number

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("not_applicable") and cleaned.get("value") is not None:
            self.add_error("value", f"“{self.indicator.name}”已勾选“不适用”，请清空数值，或取消勾选。")
        return cleaned

    def as_value(self):
        """The cleaned data as an unsaved IndicatorValue, for the rules."""
        data = self.cleaned_data
        return IndicatorValue(
            indicator=self.indicator,
            value=data["value"],
            qualifier=data["qualifier"],
            not_applicable=data["not_applicable"],
            note=data["note"],
        )


class IndicatorSheet:
    """All of a report's indicator forms, keyed by indicator id, plus the report version they started from."""

    def __init__(self, report, indicators, saved, rules, data=None):
        self.report = report
        self.indicators = indicators
        self.rules = rules
        self.data = data
        self.forms = {}
        for indicator in indicators:
            value = saved.get(indicator.pk)
            initial = {}
            if value is not None:
                initial = {
                    "value": "" if value.value is None else format_number(value.value),
                    "qualifier": value.qualifier,
                    "not_applicable": value.not_applicable,
                    "note": value.note,
                }
            self.forms[indicator.pk] = IndicatorValueForm(
                data, initial=initial, indicator=indicator, prefix=f"v{indicator.pk}"
            )

    @property
    def base_version(self):
        try:
            return int(self.data.get("version", ""))
        except ValueError:
            return None

    def is_valid(self):
        if not all([form.is_valid() for form in self.forms.values()]):
            return False
        values = {pk: form.as_value() for pk, form in self.forms.items()}
        for indicator_id, message in rule_errors(self.rules, values):
            self.forms[indicator_id].add_error(None, message)
        return not any(form.errors for form in self.forms.values()) and self.base_version is not None

    def cleaned_rows(self):
        return {pk: form.cleaned_data for pk, form in self.forms.items()}
