"""The district office's forms for its indicator catalogue and the checks across indicators."""

from typing import cast

from django import forms

from indicators.catalogue import next_code
from indicators.models import Indicator, IndicatorRule
from reports.common.text import CleanTextMixin


class IndicatorForm(CleanTextMixin, forms.ModelForm):
    """Add or change an indicator; on adding, it is in use from the year the page is for."""

    class Meta:
        model = Indicator
        fields = [
            "name",
            "unit",
            "category",
            "kind",
            "required",
            "confirm_on_import",
            "min_value",
            "max_value",
            "aliases",
            "code",
        ]
        labels = {"code": "编码（可不填）"}
        help_texts = {"code": "英文字母、数字和连字符，用于导入导出；不填则自动生成。"}
        widgets = {"aliases": forms.Textarea(attrs={"rows": 3})}
        # Django's "确认总共不超过 16 个数字." names no limit a person can use
        error_messages = {
            field: {
                "max_digits": "数值过大：整数部分最多14位。",
                "max_whole_digits": "数值过大：整数部分最多14位。",
                "max_decimal_places": "最多保留两位小数。",
                "invalid": "请填写数字，如100或99.5。",
            }
            for field in ("min_value", "max_value")
        }

    def __init__(self, *args, district, year, **kwargs):
        super().__init__(*args, **kwargs)
        self.district, self.year = district, year
        self.fields["code"].required = False
        for name, prompt in (("category", "（请选择类别）"), ("kind", "（请选择类型）")):
            field = cast(forms.TypedChoiceField, self.fields[name])
            field.choices = [
                ("", prompt) if value == "" else (value, label) for value, label in field.choices
            ]
        if self.instance.pk:
            self.fields["code"].disabled = True  # values and imports refer to it
            self.fields["code"].label = "编码"
            self.fields["code"].help_text = "用于导入导出，添加后不能修改。"
        else:
            self.instance.district, self.instance.first_year = district, year

    def clean_name(self):
        """Two indicators of one name in a year would be two columns of that name in the sheet and the
        matrix; a retired one's name may be used again."""
        name = self.cleaned_data["name"]
        in_use = Indicator.objects.for_year(self.district, self.year).exclude(pk=self.instance.pk)
        if in_use.filter(name=name).exists():
            raise forms.ValidationError(f"本年度已有名为“{name}”的指标，请换一个名称，或修改原有的指标。")
        return name

    def clean_code(self):
        code = self.cleaned_data["code"] or next_code(self.district)
        taken = Indicator.objects.filter(district=self.district, code=code).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(f"编码“{code}”已被其他指标使用。")
        return code


class RuleForm(forms.ModelForm):
    class Meta:
        model = IndicatorRule
        fields = ["kind", "indicator", "other", "base"]

    def __init__(self, *args, district, year, **kwargs):
        # Ids of its own: the catalogue page has the indicator form's fields too ("kind" in both).
        super().__init__(*args, auto_id="rule_%s", **kwargs)
        indicators = Indicator.objects.for_year(district, year)
        prompts = {"indicator": "（请选择指标）", "other": "（请选择指标）", "base": "（“比率”规则才需要）"}
        for name, prompt in prompts.items():
            field = cast(forms.ModelChoiceField, self.fields[name])
            field.queryset = indicators
            field.empty_label = prompt  # not Django's "---------"
        kind = cast(forms.TypedChoiceField, self.fields["kind"])
        kind.choices = [
            ("", "（请选择规则）") if value == "" else (value, label) for value, label in kind.choices
        ]
        self.instance.district = district

    def clean(self):
        cleaned = super().clean()
        kind, indicator, other, base = (cleaned.get(k) for k in ("kind", "indicator", "other", "base"))
        if indicator and indicator == other:
            self.add_error("other", "对照指标不能是被检查的指标本身。")
        if kind == IndicatorRule.Kind.RATE and not base:
            self.add_error("base", "“比率”规则需要选择分母指标。")
        if kind == IndicatorRule.Kind.AT_MOST and base:
            self.add_error("base", "“不大于”规则不需要分母指标，请留空。")
        return cleaned

    def validate_constraints(self, exclude=None):
        pass  # clean() says the same as the model's check constraint, in words
