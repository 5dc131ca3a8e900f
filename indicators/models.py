"""The indicator catalogue a district defines, and each report's values."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class IndicatorQuerySet(models.QuerySet):
    def for_year(self, district, year):
        return self._in_use(year).filter(district=district)

    def for_year_below(self, office, year):
        """The catalogues of every unit below ``office`` (a city's: its districts'), for ``year``."""
        return self._in_use(year).filter(district__path__startswith=office.path).exclude(district=office)

    def _in_use(self, year):
        return self.filter(first_year__lte=year).filter(
            models.Q(last_year__isnull=True) | models.Q(last_year__gte=year)
        )


class Indicator(models.Model):
    """One numeric indicator of a district's catalogue, in use from ``first_year`` to ``last_year``."""

    class Category(models.TextChoices):
        STUDY = "study", _("学法培训")
        PUBLICITY = "publicity", _("普法宣传")
        DECISIONS = "decisions", _("依法决策")
        ENFORCEMENT = "enforcement", _("行政执法")
        DISPUTES = "disputes", _("矛盾纠纷化解")
        OPENNESS = "openness", _("政务公开")
        OTHER = "other", _("其他")

    class Kind(models.TextChoices):
        COUNT = "count", _("计数")
        AMOUNT = "amount", _("金额")
        PERCENT = "percent", _("百分比")

    # A wording taught from a report (the import preview's "记住这个说法"), in characters: a wording names a
    # thing ("执法规范化培训"; the national catalogue's longest has 10); a longer one is a piece of a sentence
    # that no other report writes the same way.
    ALIAS_MAX = 30

    district = models.ForeignKey(
        "reports.Unit", verbose_name=_("所属区县"), on_delete=models.CASCADE, related_name="indicators"
    )
    code = models.SlugField(_("编码"), max_length=60)
    name = models.CharField(_("名称"), max_length=100)
    unit = models.CharField(_("计量单位"), max_length=10, help_text=_("次、人次、件、家、份、条、元、%等"))
    category = models.CharField(_("类别"), max_length=20, choices=Category.choices)
    kind = models.CharField(_("数值类型"), max_length=10, choices=Kind.choices, default=Kind.COUNT)
    min_value = models.DecimalField(_("最小值"), max_digits=16, decimal_places=2, null=True, blank=True)
    max_value = models.DecimalField(_("最大值"), max_digits=16, decimal_places=2, null=True, blank=True)
    aliases = models.TextField(
        _("正文中的说法"), blank=True, help_text=_("每行一个，用于在正文中找到这个指标，如：排查矛盾纠纷")
    )
    first_year = models.PositiveSmallIntegerField(_("起用年度"))
    last_year = models.PositiveSmallIntegerField(
        _("停用年度"), null=True, blank=True, help_text=_("空表示仍在使用")
    )
    position = models.PositiveIntegerField(_("排序"), default=0)
    required = models.BooleanField(
        _("必填"), default=False, help_text=_("勾选后，各单位须填写数值或“不适用”才能提交报告。")
    )
    confirm_on_import = models.BooleanField(
        _("导入时须核对"),
        default=False,
        help_text=_(
            "勾选后，导入报告时在正文中找到的这个指标的数值列出但不预先勾选，由填报人对照原句确认。"
            "适用于报告中常写上级机关、其他机关或几个会议合计次数的指标（如中心组学法、专题会议）。"
        ),
    )

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = _("指标")
        verbose_name_plural = _("指标")
        ordering = ["district", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["district", "code"], name="indicator_unique_code"),
            models.CheckConstraint(
                condition=models.Q(last_year__isnull=True) | models.Q(last_year__gte=models.F("first_year")),
                name="indicator_year_range_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.name}（{self.unit}）"

    @property
    def alias_list(self):
        """The phrases that name this indicator in a report's text, its name first."""
        phrases = [self.name, *(line.strip() for line in self.aliases.splitlines())]
        return list(dict.fromkeys(p for p in phrases if p))

    def clean(self):
        if self.kind == self.Kind.PERCENT and self.unit != "%":
            raise ValidationError({"unit": _("百分比指标的计量单位应为“%”。")})
        if self.min_value is not None and self.max_value is not None and self.min_value > self.max_value:
            raise ValidationError({"max_value": _("最大值不能小于最小值。")})

    @property
    def effective_min(self):
        return self.min_value if self.min_value is not None else Decimal(0)

    @property
    def effective_max(self):
        if self.max_value is not None:
            return self.max_value
        return Decimal(100) if self.kind == self.Kind.PERCENT else None


class Qualifier(models.TextChoices):
    """How exact a reported figure is, as the text says it: 12次, 400余人次, 近700人次, 约50家."""

    EXACT = "exact", _("准确")
    MORE_THAN = "more_than", _("余")
    NEARLY = "nearly", _("近")
    ABOUT = "about", _("约")


class IndicatorValueQuerySet(models.QuerySet):
    def previous_year_of(self, report):
        """Last year's values of the same unit, by indicator id: one query for a whole sheet."""
        values = self.filter(report__unit_id=report.unit_id, report__year=report.year - 1).order_by()
        return {v.indicator_id: v for v in values}


class IndicatorValue(models.Model):
    """A report's figure for one indicator. "Not applicable" is an answer of its own, distinct from 0."""

    report = models.ForeignKey(
        "reports.Report", verbose_name=_("报告"), on_delete=models.CASCADE, related_name="indicator_values"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("指标"), on_delete=models.PROTECT, related_name="values"
    )
    value = models.DecimalField(_("数值"), max_digits=16, decimal_places=2, null=True, blank=True)
    qualifier = models.CharField(_("限定"), max_length=10, choices=Qualifier.choices, default=Qualifier.EXACT)
    not_applicable = models.BooleanField(_("不适用"), default=False)
    note = models.CharField(_("说明"), max_length=300, blank=True)

    objects = IndicatorValueQuerySet.as_manager()

    class Meta:
        verbose_name = _("指标数值")
        verbose_name_plural = _("指标数值")
        ordering = ["report", "indicator__position"]
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"], name="indicator_value_one_per_report"),
            models.CheckConstraint(
                condition=models.Q(not_applicable=False) | models.Q(value__isnull=True),
                name="indicator_value_not_applicable_has_no_value",
            ),
        ]

    def __str__(self):
        return f"{self.indicator.name}: {self.display}"

    @property
    def display(self):
        """The figure as a report writes it: "400余人次", "近700人次", "不适用"."""
        return figure_text(self.value, self.qualifier, self.not_applicable, self.indicator.unit)


def figure_text(value, qualifier, not_applicable, unit=""):
    """A figure as reports write it: "400余人次", "近700人次", "约50家", "12次", "不适用", "" (missing)."""
    if not_applicable:
        return "不适用"
    if value is None:
        return ""
    number = format_number(value)
    if qualifier == Qualifier.MORE_THAN:
        return f"{number}余{unit}"
    prefix = {Qualifier.NEARLY: "近", Qualifier.ABOUT: "约"}.get(qualifier, "")
    return f"{prefix}{number}{unit}"


def format_number(value):
    """1705.00 → "1705", 31.50 → "31.5"."""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


class IndicatorRule(models.Model):
    """A check across indicators, kept as data so the district can add its own.

    at_most: ``indicator`` ≤ ``other`` (disputes mediated ≤ disputes screened);
    rate: ``indicator`` = ``other`` / ``base`` × 100, within one percentage point, as reports round.
    """

    class Kind(models.TextChoices):
        AT_MOST = "at_most", _("不大于")
        RATE = "rate", _("比率")

    district = models.ForeignKey(
        "reports.Unit", verbose_name=_("所属区县"), on_delete=models.CASCADE, related_name="indicator_rules"
    )
    kind = models.CharField(_("规则"), max_length=10, choices=Kind.choices)
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("被检查的指标"), on_delete=models.CASCADE, related_name="rules"
    )
    other = models.ForeignKey(
        Indicator, verbose_name=_("对照指标"), on_delete=models.CASCADE, related_name="+"
    )
    base = models.ForeignKey(
        Indicator,
        verbose_name=_("分母指标"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("仅“比率”规则需要"),
    )

    class Meta:
        verbose_name = _("指标校验规则")
        verbose_name_plural = _("指标校验规则")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="at_most", base__isnull=True)
                | models.Q(kind="rate", base__isnull=False),
                name="indicator_rule_base_only_for_rates",
            )
        ]

    def __str__(self):
        if self.kind == self.Kind.RATE:
            return f"{self.indicator.name} = {self.other.name} ÷ {self.base.name} × 100%"
        return f"{self.indicator.name} ≤ {self.other.name}"
