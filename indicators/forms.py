"""The indicator sheet: one small form per indicator, checked alone and against the district's rules."""

import re
import unicodedata

from django import forms

from reports.common.text import CleanTextMixin, clean_text

from .extraction import parse_number, qualifier_of
from .models import Indicator, IndicatorValue, Qualifier, format_number
from .validation import rule_errors, value_errors

# A value typed as reports write it: a qualifier before or after the number (in ``FIGURE``'s groups, read by
# ``qualifier_of``), a measure word after it.
WRITTEN_FIGURE = re.compile(
    r"(?P<before>大约|将近|接近|约|近|超过|逾)?\s*(?P<number>[\d,.]+[万千百亿]?)\s*(?P<more>余|多)?"
    r"\s*(?P<after>左右|以上)?\s*[^\d\s%]{0,3}"
)


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
        if (
            number is not None
            and ("%" in text or "％" in text)
            and self.indicator.kind != Indicator.Kind.PERCENT
        ):
            # "50%" typed for a count read as 50 of them
            raise forms.ValidationError(
                f"“{self.indicator.name}”以“{self.indicator.unit}”计，不是百分比：请只填数字，不带“%”。"
            )
        if number is None:
            raise forms.ValidationError(self._unreadable(text))
        for message in value_errors(self.indicator, number):
            raise forms.ValidationError(message)
        return number

    def _unreadable(self, text):
        """Why ``text`` is no number, saying what to type instead when it is one written as in a report
        ("12次", "约50", "400余")."""
        name = self.indicator.name
        written = WRITTEN_FIGURE.fullmatch(unicodedata.normalize("NFKC", text).strip())
        if written and parse_number(written["number"]) is not None:
            number = written["number"]
            qualifier = Qualifier(qualifier_of(written))
            if qualifier != Qualifier.EXACT:
                words = written["before"] or written["more"] or written["after"]
                return f"“{name}”请只填数字“{number}”，“{words}”请在右边的“限定”中选“{qualifier.label}”。"
            return f"“{name}”请只填数字“{number}”，不带单位（本指标以“{self.indicator.unit}”计）。"
        return f"“{name}”的数值“{text}”无法识别，请填写数字，如 1705、1,705 或 1万。"

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
    """All of a report's indicator forms, keyed by indicator id, plus the report version they started from.

    A row posted exactly as it is stored has nothing to check or save (an autosave changes one value of
    59): only the other rows get a form when the sheet is posted (``checked``), and a stored value the
    catalogue's limits now refuse still goes through its form, to say so as before. The rules across
    indicators see every row, the unchanged ones as stored. The page shows every row's form (``forms``,
    built on first use); an unposted page prints the stored values without forms (indicators/rows.py)."""

    def __init__(self, report, indicators, saved, rules, data=None):
        self.report = report
        self.indicators = indicators
        self.by_id = {indicator.pk: indicator for indicator in indicators}
        self.saved = saved
        self.rules = rules
        self.data = data
        self._forms = {}
        if data is not None:
            for indicator in indicators:
                if not self._posted_as_stored(indicator):
                    self._forms[indicator.pk] = self._form(indicator)
        self.checked = list(self._forms)  # the rows a save writes

    def initial(self, indicator):
        value = self.saved.get(indicator.pk)
        if value is None:
            return {}
        return {
            "value": "" if value.value is None else format_number(value.value),
            "qualifier": value.qualifier,
            "not_applicable": value.not_applicable,
            "note": value.note,
        }

    def _form(self, indicator):
        return IndicatorValueForm(
            self.data, initial=self.initial(indicator), indicator=indicator, prefix=f"v{indicator.pk}"
        )

    def form(self, indicator_id):
        if indicator_id not in self._forms:
            self._forms[indicator_id] = self._form(self.by_id[indicator_id])
        return self._forms[indicator_id]

    @property
    def forms(self):
        """Every row's form, in catalogue order."""
        return {indicator.pk: self.form(indicator.pk) for indicator in self.indicators}

    def _posted_as_stored(self, indicator):
        """Whether the posted row is the stored one (a row without a stored value: posted empty), its
        texts already clean and its value still within the catalogue's limits."""
        stored = self.saved.get(indicator.pk)
        prefix = f"v{indicator.pk}-"
        value, note = self.data.get(prefix + "value"), self.data.get(prefix + "note")
        not_applicable = CHECKBOX.value_from_datadict(self.data, None, prefix + "not_applicable")
        if note is None or clean_text(note) != note:
            return False
        if stored is None:
            return (value, self.data.get(prefix + "qualifier"), not_applicable, note) == (
                "", Qualifier.EXACT, False, "",
            )  # fmt: skip
        if stored.value is not None and (stored.not_applicable or value_errors(indicator, stored.value)):
            return False
        return (value, self.data.get(prefix + "qualifier"), not_applicable, note) == (
            "" if stored.value is None else format_number(stored.value),
            stored.qualifier,
            stored.not_applicable,
            stored.note,
        )

    @property
    def base_version(self):
        try:
            return int(self.data.get("version", ""))
        except ValueError:
            return None

    def is_valid(self):
        checked = {pk: self._forms[pk] for pk in self.checked}
        if not all([form.is_valid() for form in checked.values()]):
            return False
        values = {pk: value for pk, value in self.saved.items() if pk in self.by_id}
        values.update({pk: form.as_value() for pk, form in checked.items()})
        for indicator_id, message in rule_errors(self.rules, values):
            self.form(indicator_id).add_error(None, message)
        return not any(form.errors for form in self._forms.values()) and self.base_version is not None

    def cleaned_rows(self):
        """The cleaned data of the rows posted otherwise than stored: the others have nothing to write."""
        return {pk: self._forms[pk].cleaned_data for pk in self.checked}


CHECKBOX = forms.CheckboxInput()
