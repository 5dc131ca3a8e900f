"""Units, people's roles, and the report with its sections and items.

A report is stored as structure, never as pre-numbered text: the numbers "一、", "（一）", "1.", "（1）" and
"一是" are generated from order by ``reports.rendering.numbering`` so they renumber themselves after a move.
"""

import hashlib
import json
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any, Self

from django.conf import settings
from django.db import models
from django.db.models import functions
from django.db.models.lookups import StartsWith
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .common.text import typed_enumeration
from .common.typing import RequestUser, User


class Action(models.TextChoices):
    """What a user asks to do with a report: ``restrict(user, action)`` scopes the rows for it."""

    VIEW = "view"
    EDIT = "edit"


def _acting_memberships(user: User, roles: Iterable[str]) -> "models.QuerySet[Membership]":
    """``user``'s memberships with one of ``roles``, in the unit they act for when they chose one (the
    "当前身份" stored in the session, put on the user as ``acting_unit_id`` by ActingForMiddleware);
    without a choice, in every unit. Filtered by the user, so a unit they hold no role in gives nothing."""
    memberships = Membership.objects.filter(user=user, role__in=roles)
    acting_unit_id = getattr(user, "acting_unit_id", None)
    if acting_unit_id is not None:
        memberships = memberships.filter(unit_id=acting_unit_id)
    return memberships


def _scope(user: User, action: str, unit: str, path: str) -> models.Q:
    """Whose unit (the field ``unit``, whose materialised path is ``path``) ``user`` may act on: their own
    units (staff, leader) for editing; for viewing also every unit at or below a unit whose office they work
    in, at any depth: the row's path starts with the office's. One condition on the row's own unit columns
    for both querysets below, whatever the depth of the tree: no query per level."""
    own_units = models.Q(**{f"{unit}__in": _acting_memberships(user, OWN_ROLES).values("unit_id")})
    if action == Action.EDIT:
        return own_units
    offices_above = _acting_memberships(user, OFFICE_ROLES).filter(
        StartsWith(models.OuterRef(path), models.F("unit__path"))
    )
    return own_units | models.Q(models.Exists(offices_above))


def ancestor_ids(path: str) -> list[int]:
    """The units on a materialised path, from the root down: "/1/5/23/" → [1, 5, 23]."""
    return [int(part) for part in path.strip("/").split("/") if part]


def in_scope(memberships: Iterable[tuple[int, str]], unit: "Unit", action: str) -> bool:
    """``_scope`` decided for one unit from the user's memberships (unit id, role) on it and on the units
    above it: what ``Report.objects.restrict(user, action)`` says of a report of ``unit``, without building
    that query (get_report_or_refuse asks it on every report page; tests/test_permissions.py compares)."""
    memberships = list(memberships)
    own = any(unit_id == unit.pk and role in OWN_ROLES for unit_id, role in memberships)
    if action == Action.EDIT:
        return own
    above = set(ancestor_ids(unit.path)) | {unit.pk}
    return own or any(unit_id in above and role in OFFICE_ROLES for unit_id, role in memberships)


class UnitQuerySet(models.QuerySet["Unit"]):
    def restrict(self, user: RequestUser, action: str = Action.VIEW) -> Self:
        """The units whose reports ``user`` may act on (``_scope``)."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(_scope(user, action, "pk", "path"))

    def below(self, unit: "Unit") -> Self:
        """Every unit under ``unit``, at any depth (not ``unit`` itself): one condition on the path."""
        return self.filter(path__startswith=unit.path).exclude(pk=unit.pk)

    def bulk_create(self, objs: Iterable["Unit"], *args: Any, **kwargs: Any) -> list["Unit"]:
        """Units created in bulk get their paths too (parents first: a parent's path must be known)."""
        created = super().bulk_create(objs, *args, **kwargs)
        with_ids = [unit for unit in created if unit.pk is not None]  # ignore_conflicts gives no ids
        for unit in with_ids:
            unit.path = unit.path_below(unit.parent)
        super().bulk_update(with_ids, ["path"])
        return created


class ReportQuerySet(models.QuerySet["Report"]):
    def restrict(self, user: RequestUser, action: str = Action.VIEW) -> Self:
        """The reports of the units ``Unit.objects.restrict(user, action)`` gives.

        Scope only: whether the report's status allows editing is the workflow's question (403, not 404).
        """
        if not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(_scope(user, action, "unit_id", "unit__path"))

    def below(self, unit: "Unit") -> Self:
        """The reports of every unit under ``unit`` (``Unit.objects.below``)."""
        return self.filter(unit__path__startswith=unit.path).exclude(unit_id=unit.pk)


# Staff and leaders act on their own unit's reports; an office sees everything at and below its unit
# (_scope, in_scope).
OWN_ROLES = ("staff", "leader")
OFFICE_ROLES = ("district_office",)


class Unit(models.Model):
    """A unit of the tree: a province (optional), a city, a district or county, and the units that report
    to a district (街道, 乡镇, 区县政府部门). Each unit reports to its parent.

    ``path`` is the materialised path of ids from the root, "/1/5/23/", kept by ``save()`` (and by
    ``bulk_create``): "everything below this office" is one ``path__startswith`` condition at any depth.
    """

    class Kind(models.TextChoices):
        PROVINCE = "province", _("省")
        CITY = "city", _("市")
        DISTRICT = "district", _("区县")
        SUBDISTRICT = "subdistrict", _("街道")
        TOWN = "town", _("镇")
        TOWNSHIP = "township", _("乡")
        DEPARTMENT = "department", _("区县政府部门")

    code = models.SlugField(_("编码"), max_length=40, unique=True)
    name = models.CharField(_("全称"), max_length=100, help_text=_("如：黔江区城西街道"))
    short_name = models.CharField(_("简称"), max_length=40, help_text=_("如：城西街道，用于列表和文件名"))
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    position = models.PositiveIntegerField(_("排序"), default=0, help_text=_("区里的单位顺序，汇编按此排列"))
    # Read on the district only (``Unit.district``): one setting for all its units.
    separate_editing_from_approval = models.BooleanField(
        _("修改者不得审核通过"),
        default=True,
        help_text=_(
            "只对区县有效：审核领导修改过待审核版本的内容时，不能审核通过这一版本，须由其他审核领导审核"
        ),
    )
    # A district's setting: may its units publish their own accepted reports (the office always may).
    units_may_publish = models.BooleanField(
        _("允许单位自行公开"),
        default=False,
        help_text=_("仅对区县有效：单位审核领导可公开本单位已接收的报告"),
    )
    path = models.CharField(_("层级路径"), max_length=255, editable=False, db_index=True, default="")

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("单位")
        verbose_name_plural = _("单位")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.short_name or self.name

    # The levels that set a reporting year (deadline, outline, catalogue) for the units below them.
    SETS_THE_YEAR = (Kind.DISTRICT, Kind.CITY, Kind.PROVINCE)
    # How the level of an office is called: "区级工作台", "市级管理员".
    LEVEL_NAMES: dict[str, str] = {Kind.PROVINCE: "省级", Kind.CITY: "市级", Kind.DISTRICT: "区级"}
    LEVEL_ABOVE: dict[str, str] = {Kind.CITY: "省级", Kind.DISTRICT: "市级"}

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Saves the unit and keeps the paths: its own (which needs its id), and, when it moved to another
        parent, those of everything below it, in one update."""
        parent = Unit.objects.only("path").get(pk=self.parent_id) if self.parent_id else None
        old_path = self.path
        if parent is not None and old_path and parent.path.startswith(old_path):
            raise ValueError("单位不能移到自己或自己的下级之下")
        super().save(*args, **kwargs)
        new_path = self.path_below(parent)
        if new_path == old_path:
            return
        Unit.objects.filter(pk=self.pk).update(path=new_path)
        if old_path:
            Unit.objects.filter(path__startswith=old_path).exclude(pk=self.pk).update(
                path=functions.Concat(models.Value(new_path), functions.Substr("path", len(old_path) + 1))
            )
        self.path = new_path

    def path_below(self, parent: "Unit | None") -> str:
        return f"{parent.path if parent else '/'}{self.pk}/"

    @property
    def level_name(self) -> str:
        return Unit.LEVEL_NAMES.get(self.kind, self.short_name)

    @property
    def receiver_level_name(self) -> str:
        """How the office that receives this unit's reports is called ("区级", "市级"): its parent's level,
        read from this unit's own kind so that a list of reports needs no query per parent."""
        return Unit.LEVEL_ABOVE.get(self.kind, Unit.LEVEL_NAMES[Unit.Kind.DISTRICT])

    @property
    def depth(self) -> int:
        """0 for a root (the province or city), 1 below it, and so on."""
        return self.path.count("/") - 2

    def branch_id(self, unit: "Unit") -> int:
        """The id of the unit directly below this one that ``unit`` (at or below it) belongs to: for a city,
        the district of a 街道 (or the district itself); ``unit`` itself when it is directly below."""
        ids = ancestor_ids(unit.path)
        return ids[self.depth + 1] if len(ids) > self.depth + 1 else unit.pk

    def tree_order(
        self, children: "Iterable[Unit] | None" = None
    ) -> "Callable[[Unit], tuple[int, int, int, str]]":
        """A sort key for the units below this one: by branch (the units directly below, in their order),
        then the branch's own unit before the units below it, then the units' order. ``children``: the units
        directly below, when the caller has them already (else one query)."""
        if children is None:
            children = self.children.all()
        ranks = {
            pk: rank
            for rank, pk in enumerate(
                u.pk for u in sorted(children, key=lambda u: (u.position, u.code)) if u.parent_id == self.pk
            )
        }

        def key(unit: "Unit") -> tuple[int, int, int, str]:
            return (ranks.get(self.branch_id(unit), len(ranks)), unit.depth, unit.position, unit.code)

        return key

    @property
    def district(self) -> "Unit":
        """The unit whose deadline, outline and indicator catalogue apply: the district for its units; a
        district, city or province is its own."""
        unit = self
        while unit.kind not in Unit.SETS_THE_YEAR and unit.parent is not None:
            unit = unit.parent
        return unit


class Membership(models.Model):
    """A user's role in one unit. A user may hold roles in several units."""

    class Role(models.TextChoices):
        STAFF = "staff", _("填报员")
        LEADER = "leader", _("审核领导")
        # The office of its unit at any level (市委依法治市办, 区委依法治区办…): sees everything below the
        # unit and receives the reports of the units directly below it. The value is the one of the days
        # when only districts had offices.
        DISTRICT_OFFICE = "district_office", _("管理员")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("用户"), on_delete=models.CASCADE, related_name="memberships"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("单位"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("角色"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("单位成员")
        verbose_name_plural = _("单位成员")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="membership_unique_role")
        ]
        ordering = ["unit__position", "unit__code", "role"]

    def __str__(self) -> str:
        return f"{self.user} · {self.unit} · {self.get_role_display()}"


def default_title(year: int) -> str:
    return f"关于{year}年度法治政府建设情况的报告"


class Report(models.Model):
    """One unit's annual rule-of-law report for one year."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        SUBMITTED = "submitted", _("待审核")
        RETURNED = "returned", _("已退回")
        APPROVED = "approved", _("已审核")
        ACCEPTED = "accepted", _("区级已接收")

    EDITABLE_STATUSES = (Status.DRAFT, Status.RETURNED)
    PREAMBLE_MAX = 5_000  # characters

    unit = models.ForeignKey(Unit, verbose_name=_("单位"), on_delete=models.PROTECT, related_name="reports")
    year = models.PositiveSmallIntegerField(_("年度"))
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    document_number = models.CharField(
        _("发文字号"), max_length=60, blank=True, help_text=_("如：新田委文〔2026〕3号")
    )
    title = models.CharField(_("标题"), max_length=200, blank=True)
    # A report imported from a text without a title prints none, rather than one the app made up.
    untitled = models.BooleanField(_("无标题"), default=False, help_text=_("原文没有标题，打印时不加标题"))
    addressee = models.CharField(_("主送机关"), max_length=200, blank=True, help_text=_("如：区委、区政府："))
    preamble = models.TextField(_("导语"), blank=True)
    signing_date = models.DateField(_("成文日期"), null=True, blank=True)
    # Bumped on every save through the editor, so a stale form cannot overwrite a newer save.
    version = models.PositiveIntegerField(_("版本"), default=1)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("最后修改人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("年度报告")
        verbose_name_plural = _("年度报告")
        ordering = ["-year", "unit__position", "unit__code"]
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="report_one_per_unit_and_year")]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}年度报告"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.title and not self.untitled:
            self.title = default_title(self.year)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("reports:detail", args=[self.pk])

    def get_status_display(self) -> str:  # type: ignore[no-redef]  # Django's, with the level named
        """The status as people read it: an accepted report names the level that accepted it (a 街道's by
        the district, 区级已接收; a district's own by the city, 市级已接收)."""
        if self.status == Report.Status.ACCEPTED:
            return f"{self.unit.receiver_level_name}已接收"
        return str(Report.Status(self.status).label)

    @property
    def display_title(self) -> str:
        """The title, or for a report imported without one the default title: to list and name it by, never
        printed in the document."""
        return self.title or default_title(self.year)

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE_STATUSES

    def return_event(self) -> "ReportEvent | None":
        """Why the report is back with its unit: the transition that returned it (None unless returned)."""
        if self.status != Report.Status.RETURNED:
            return None
        return self.last_return_event()

    def submission_event(self) -> "ReportEvent | None":
        """The submission under review, with the submitter's note (None unless submitted)."""
        if self.status != Report.Status.SUBMITTED:
            return None
        return self.last_submission()

    def last_submission(self) -> "ReportEvent | None":
        """The last time the report was submitted, whatever its status now."""
        return (
            self.events.filter(action=ReportEvent.Action.SUBMIT)
            .select_related("user")
            .order_by("-created_at", "-pk")
            .first()
        )

    def last_return_event(self) -> "ReportEvent | None":
        """The last time the report was sent back to its unit, whatever its status now: what a leader
        reviewing a resubmission reads beside the check."""
        return (
            self.events.filter(to_status=Report.Status.RETURNED)
            .exclude(from_status=Report.Status.RETURNED)
            .select_related("user")
            .order_by("-created_at", "-pk")
            .first()
        )

    def sections_with_items(self) -> "models.QuerySet[Section]":
        """The sections in order, each with its items in order (prefetched): two queries.

        Ordered by position alone: within one report that is the models' order, whose first key, the
        report (and for items the section), makes every query join the report and its unit to sort by them.
        The items' sources are not read: only the editor shows them (``attach_sources``).
        """
        return self.sections.order_by("position").prefetch_related(
            models.Prefetch("items", queryset=Item.objects.order_by("position"))
        )

    @property
    def issuing_organs(self) -> list["Organ"]:
        return [o for o in self.organs.all() if o.role == Organ.Role.ISSUING]

    @property
    def signing_organs(self) -> list["Organ"]:
        return [o for o in self.organs.all() if o.role == Organ.Role.SIGNING]


class Organ(models.Model):
    """An organ named in the header (发文机关) or in the signature (署名), in order."""

    class Role(models.TextChoices):
        ISSUING = "issuing", _("发文机关")
        SIGNING = "signing", _("署名机关")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="organs")
    role = models.CharField(_("用途"), max_length=10, choices=Role.choices)
    position = models.PositiveSmallIntegerField(_("顺序"))
    name = models.CharField(_("机关名称"), max_length=100)

    class Meta:
        verbose_name = _("机关")
        verbose_name_plural = _("机关")
        ordering = ["role", "position"]
        constraints = [
            models.UniqueConstraint(fields=["report", "role", "position"], name="organ_unique_position"),
        ]

    def __str__(self) -> str:
        return self.name


class Section(models.Model):
    """A first-level part of the report ("一、…"), of a kind the regulation names."""

    class Kind(models.TextChoices):
        FIRST_RESPONSIBILITY = "first_responsibility", _("主要负责人履行第一责任人职责情况")
        ACHIEVEMENTS = "achievements", _("工作成效")
        MEASURES = "measures", _("主要举措")
        MEASURES_AND_RESULTS = "measures_and_results", _("主要举措和成效")
        SHORTCOMINGS = "shortcomings", _("存在的不足和原因")
        NEXT_YEAR_PLANS = "next_year_plans", _("下一年度工作思路和打算")
        OTHER = "other", _("其他需要报告的事项")

    report = models.ForeignKey(
        Report, verbose_name=_("报告"), on_delete=models.CASCADE, related_name="sections"
    )
    position = models.PositiveSmallIntegerField(_("顺序"))
    kind = models.CharField(_("类别"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    heading = models.CharField(_("标题"), max_length=200)

    class Meta:
        verbose_name = _("部分")
        verbose_name_plural = _("部分")
        ordering = ["report", "position"]
        constraints = [models.UniqueConstraint(fields=["report", "position"], name="section_unique_position")]

    def __str__(self) -> str:
        return self.heading


class Item(models.Model):
    """An entry inside a section: an optional heading and body paragraphs (one per line).

    ``level`` is the heading level below the section's "一、"; ``style`` says how it prints:
    a heading line followed by body paragraphs, run-in ("（一）标题。正文…"), enumerated ("一是…"),
    or plain paragraphs with no number. ``joins_previous`` continues the previous item's paragraph,
    as in "一是…。二是…。" written in one paragraph.
    """

    class Level(models.IntegerChoices):
        SECOND = 2, "（一）"
        THIRD = 3, "1."
        FOURTH = 4, "（1）"

    class Style(models.TextChoices):
        HEADING = "heading", _("标题单独成行")
        RUN_IN = "run_in", _("标题接排正文")
        ENUMERATED = "enumerated", _("一是、二是")
        PLAIN = "plain", _("无序号段落")

    BODY_MAX = 20_000  # characters

    section = models.ForeignKey(
        Section, verbose_name=_("部分"), on_delete=models.CASCADE, related_name="items"
    )
    position = models.PositiveSmallIntegerField(_("顺序"))
    level = models.PositiveSmallIntegerField(_("层级"), choices=Level.choices, default=Level.SECOND)
    style = models.CharField(_("样式"), max_length=12, choices=Style.choices, default=Style.RUN_IN)
    joins_previous = models.BooleanField(_("与上一条同段"), default=False)
    heading = models.CharField(_("小标题"), max_length=300, blank=True)
    body = models.TextField(_("正文"), blank=True, help_text=_("每行一段"))
    # An item a district's report took from one of its units' reports ("从各单位报告起草"): where it came
    # from, and the source report's version then, so the editor can say when the source changed since.
    source = models.ForeignKey(
        "self", verbose_name=_("来源条目"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source_version = models.PositiveIntegerField(_("来源报告版本"), null=True, blank=True)

    class Meta:
        verbose_name = _("条目")
        verbose_name_plural = _("条目")
        ordering = ["section", "position"]
        constraints = [models.UniqueConstraint(fields=["section", "position"], name="item_unique_position")]

    def __str__(self) -> str:
        return self.heading or self.body[:30]

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n") if p.strip()]

    @property
    def typed_label(self) -> str:
        """A "一是" the writer typed at the start of an item in the "一是、二是" style ("" when none)."""
        if self.style != Item.Style.ENUMERATED:
            return ""
        return typed_enumeration(self.heading or self.body)

    @property
    def source_changed(self) -> bool:
        """Whether the unit's report this item was taken from has changed since (reopened and edited)."""
        return self.source is not None and self.source.section.report.version != self.source_version

    @property
    def is_empty(self) -> bool:
        """Nothing to print: the editor keeps it (to be filled in or deleted), the document skips it."""
        return not self.heading.strip() and not self.body.strip()


def attach_sources(sections: Iterable["Section"]) -> None:
    """Each item's source (an item of a unit's report it was taken from) with its section, report and unit,
    as the editor shows them: one query, none when no item has a source (most reports)."""
    items = [item for section in sections for item in section.items.all() if item.source_id is not None]
    if not items:
        return
    sources = Item.objects.select_related("section__report__unit").in_bulk({item.source_id for item in items})
    for item in items:
        if item.source_id in sources:
            item.source = sources[item.source_id]


class ReportingYear(models.Model):
    """A district's settings for one reporting year: the deadline and the word limits."""

    district = models.ForeignKey(
        Unit, verbose_name=_("区县"), on_delete=models.CASCADE, related_name="reporting_years"
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    deadline = models.DateField(_("报送截止日期"))
    # Word limits the district may set: {"total": n, "<section kind>": n}; none set, no limit. Exceeding
    # one is a warning of the check before submitting (reports/precheck.py), red in the editor.
    word_limits = models.JSONField(_("字数上限"), default=dict, blank=True)

    class Meta:
        verbose_name = _("年度设置")
        verbose_name_plural = _("年度设置")
        ordering = ["district", "-year"]
        constraints = [models.UniqueConstraint(fields=["district", "year"], name="reporting_year_unique")]

    def __str__(self) -> str:
        return f"{self.district} {self.year}年度"


class OutlineSection(models.Model):
    """A section heading the district asks every unit's report of the year to start from: one outline for
    its 街道 and 乡镇, and one of their own for its government departments (区县政府部门)."""

    class Audience(models.TextChoices):
        UNITS = "units", _("街道、乡镇")
        DEPARTMENTS = "departments", _("区县政府部门")

        @classmethod
        def of(cls, unit: "Unit") -> "OutlineSection.Audience":
            return cls.DEPARTMENTS if unit.kind == Unit.Kind.DEPARTMENT else cls.UNITS

    reporting_year = models.ForeignKey(
        ReportingYear, verbose_name=_("年度"), on_delete=models.CASCADE, related_name="outline"
    )
    audience = models.CharField(
        _("适用单位"), max_length=20, choices=Audience.choices, default=Audience.UNITS
    )
    position = models.PositiveSmallIntegerField(_("顺序"))
    kind = models.CharField(
        _("类别"), max_length=30, choices=Section.Kind.choices, default=Section.Kind.OTHER
    )
    heading = models.CharField(_("标题"), max_length=200)

    class Meta:
        verbose_name = _("提纲部分")
        verbose_name_plural = _("提纲部分")
        ordering = ["reporting_year", "audience", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["reporting_year", "audience", "position"], name="outline_section_unique_position"
            )
        ]

    def __str__(self) -> str:
        return self.heading


def minute_text(moment: datetime | None) -> str:
    """A stored time in local time to the minute, as the pages show it ("2026-03-02 14:05")."""
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}" if moment else ""


class Snapshot(models.Model):
    """The whole report (text and indicator values) as it stood when submitted or approved."""

    report = models.ForeignKey(
        Report, verbose_name=_("报告"), on_delete=models.CASCADE, related_name="snapshots"
    )
    version = models.PositiveIntegerField(_("版本"))
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    content = models.JSONField(_("内容"))

    class Meta:
        verbose_name = _("版本快照")
        verbose_name_plural = _("版本快照")
        ordering = ["report", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.report} {self.taken}的快照"

    @property
    def taken(self) -> str:
        """When it was saved, as users name it ("2026-03-02 14:05"): ``version`` is the report's save
        counter (autosaves included) and means nothing to them."""
        return minute_text(self.created_at)


class ReportEvent(models.Model):
    """The report's history: each status change (who, when, from, to, why), written in the same
    transaction as the change, and each save of its content (one row per person per editing session)."""

    class Action(models.TextChoices):
        CREATE = "create", _("创建报告")
        IMPORT = "import", _("导入文档")
        SAVE = "save", _("保存修改")
        SUBMIT = "submit", _("提交审核")
        RETURN = "return", _("退回修改")
        APPROVE = "approve", _("审核通过")
        ACCEPT = "accept", _("区级接收")
        DISTRICT_RETURN = "district_return", _("退回单位")
        REOPEN = "reopen", _("重新打开")
        PUBLISH = "publish", _("公开发布")
        WITHDRAW = "withdraw", _("撤回公开")
        RESTORE = "restore", _("恢复快照")
        REMIND = "remind", _("催报")

    report = models.ForeignKey(
        Report, verbose_name=_("报告"), on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(_("操作"), max_length=20, choices=Action.choices)
    from_status = models.CharField(_("原状态"), max_length=20, choices=Report.Status.choices)
    to_status = models.CharField(_("新状态"), max_length=20, choices=Report.Status.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    comment = models.TextField(_("意见"), blank=True)
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)
    snapshot = models.ForeignKey(
        Snapshot, verbose_name=_("快照"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("历史记录")
        verbose_name_plural = _("历史记录")
        ordering = ["report", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.report}: {self.get_from_status_display()} → {self.get_to_status_display()}"

    @classmethod
    def note(
        cls,
        report: "Report",
        action: str,
        user: Any,
        comment: str = "",
        snapshot: "Snapshot | None" = None,
    ) -> "ReportEvent":
        """A line of the history that leaves the status as it is (a save, an import, a restore, a 催报)."""
        return cls.objects.create(
            report=report,
            action=action,
            from_status=report.status,
            to_status=report.status,
            user=user,
            comment=comment,
            snapshot=snapshot,
        )


class ReviewComment(models.Model):
    """A reviewer's comment on the report, a section or an item; replies thread under it."""

    report = models.ForeignKey(
        Report, verbose_name=_("报告"), on_delete=models.CASCADE, related_name="comments"
    )
    section = models.ForeignKey(
        Section,
        verbose_name=_("部分"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    item = models.ForeignKey(
        Item,
        verbose_name=_("条目"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("回复"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    # What the comment was about, kept in case the item is later deleted or rewritten.
    quote = models.CharField(_("引文"), max_length=200, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("作者"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    body = models.TextField(_("意见"))
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("解决时间"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("解决人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("审核意见")
        verbose_name_plural = _("审核意见")
        ordering = ["report", "created_at", "pk"]

    def __str__(self) -> str:
        return self.body[:40]

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None

    @property
    def anchor(self) -> str:
        """The anchor of the block the comment is about, as ``build_blocks`` names them."""
        if self.item_id:
            return f"item-{self.item_id}"
        if self.section_id:
            return f"section-{self.section_id}"
        return "report"


def notice_scope(user: User, prefix: str = "") -> models.Q:
    """The notices (``prefix`` leads to them from the rows queried) about reports ``user`` may still see:
    someone moved to another unit no longer reads the old unit's return reasons and comments. A notice
    about a unit with no report yet (a 催报 before the report is started) is scoped by that unit."""
    about_report = _scope(user, Action.VIEW, f"{prefix}report__unit_id", f"{prefix}report__unit__path")
    about_unit = _scope(user, Action.VIEW, f"{prefix}unit_id", f"{prefix}unit__path")
    return about_report | about_unit


class NoticeQuerySet(models.QuerySet["Notice"]):
    def visible_to(self, user: RequestUser) -> Self:
        """``user``'s own notices, scoped by their current memberships (``notice_scope``)."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(notice_scope(user), user=user)


class Notice(models.Model):
    """An in-app notice (the same news also goes by e-mail)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("接收人"), on_delete=models.CASCADE, related_name="notices"
    )
    # A notice is about a report, or (a 催报 to a unit that has not started the year's report) a unit.
    report = models.ForeignKey(
        Report,
        verbose_name=_("报告"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notices",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("单位"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    message = models.CharField(_("内容"), max_length=300)
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)
    read_at = models.DateTimeField(_("已读时间"), null=True, blank=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("通知")
        verbose_name_plural = _("通知")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.message

    def get_absolute_url(self) -> str:
        """The report's page; for a notice about a unit with no report yet, the home page to start it."""
        return self.report.get_absolute_url() if self.report is not None else reverse("reports:home")


class Reminder(models.Model):
    """A 催报: the office reminded ``unit`` to deliver its ``year`` report (one row per unit per click)."""

    unit = models.ForeignKey(Unit, verbose_name=_("单位"), on_delete=models.CASCADE, related_name="reminders")
    year = models.PositiveSmallIntegerField(_("年度"))
    report = models.ForeignKey(
        Report, verbose_name=_("报告"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("催报人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("时间"), default=timezone.now)
    recipients = models.PositiveIntegerField(_("通知人数"), default=0)

    class Meta:
        verbose_name = _("催报记录")
        verbose_name_plural = _("催报记录")
        ordering = ["-sent_at", "-pk"]
        indexes = [models.Index(fields=["unit", "year", "sent_at"], name="reminder_unit_year")]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}年度催报"


def stored_pdf_path(stored: "StoredPdf", filename: str) -> str:
    return (
        f"reports/{stored.report.unit.code}/{stored.report.year}/v{stored.version}-{stored.sha256[:12]}.pdf"
    )


class StoredPdf(models.Model):
    """The PDF of an approved report, rendered once at approval and served as is from then on.

    A report reopened and approved again gets a new one; the old ones stay downloadable from the history.
    """

    report = models.ForeignKey(
        Report, verbose_name=_("报告"), on_delete=models.CASCADE, related_name="stored_pdfs"
    )
    version = models.PositiveIntegerField(_("版本"))
    file = models.FileField(_("文件"), upload_to=stored_pdf_path)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("大小（字节）"))
    created_at = models.DateTimeField(_("生成时间"), auto_now_add=True)
    event = models.ForeignKey(
        "ReportEvent", verbose_name=_("审核记录"), null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("定稿PDF")
        verbose_name_plural = _("定稿PDF")
        ordering = ["report", "-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.report} 定稿PDF（{self.made}生成）"

    def get_absolute_url(self) -> str:
        return reverse("reports:stored-pdf", args=[self.report_id, self.pk])

    @property
    def made(self) -> str:
        """When it was made, as users name it ("2026-03-02 14:05"), not the report's save counter."""
        return minute_text(self.created_at)


def generated_file_path(generated: "GeneratedFile", filename: str) -> str:
    return f"district/{generated.district.code}/{generated.year}/{generated.kind}-{generated.fingerprint[:16]}-{filename}"


class GeneratedFileQuerySet(models.QuerySet["GeneratedFile"]):
    def of(self, kind: str, district: "Unit", year: int) -> Self:
        return self.filter(kind=kind, district=district, year=year)


class GeneratedFile(models.Model):
    """A file the district office asked for and a background job makes: the year's 汇编 or ZIP.

    ``fingerprint`` is the SHA-256 of everything the file is made from (reports/district/files.py): a file
    whose fingerprint is still the current one is served as it is; one changed report makes a new one.
    One row, hence one job, per fingerprint (the unique constraint), however many ask at once.
    """

    class Kind(models.TextChoices):
        VOLUME = "volume", _("汇编")
        ZIP = "zip", _("ZIP")

    class Status(models.TextChoices):
        QUEUED = "queued", _("排队中")
        RUNNING = "running", _("正在生成")
        DONE = "done", _("已生成")
        FAILED = "failed", _("生成失败")

    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices)
    district = models.ForeignKey(
        Unit, verbose_name=_("区县"), on_delete=models.CASCADE, related_name="generated_files"
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    fingerprint = models.CharField(_("内容指纹"), max_length=64)
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    done = models.PositiveIntegerField(_("已完成"), default=0)
    total = models.PositiveIntegerField(_("总数"), default=0)
    file = models.FileField(_("文件"), upload_to=generated_file_path, blank=True)
    size = models.PositiveBigIntegerField(_("大小（字节）"), default=0)
    error = models.TextField(_("错误"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("申请人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    task_id = models.CharField(_("后台任务"), max_length=64, blank=True)
    attempts = models.PositiveIntegerField(_("尝试次数"), default=0)
    created_at = models.DateTimeField(_("申请时间"), auto_now_add=True)
    started_at = models.DateTimeField(_("开始时间"), null=True, blank=True)
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    updated_at = models.DateTimeField(_("最后进展"), auto_now=True)

    objects = GeneratedFileQuerySet.as_manager()

    class Meta:
        verbose_name = _("生成的文件")
        verbose_name_plural = _("生成的文件")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "district", "year", "fingerprint"], name="generated_file_one_per_fingerprint"
            )
        ]

    def __str__(self) -> str:
        return f"{self.district} {self.year}年度{self.get_kind_display()}（{self.get_status_display()}）"

    def get_absolute_url(self) -> str:
        return reverse("district:file", args=[self.year, self.pk])


def publication_pdf_path(publication: "Publication", filename: str) -> str:
    report = publication.report
    return f"public/{report.unit.code}/{report.year}/v{publication.version}-{publication.sha256[:12]}.pdf"


class PublicationQuerySet(models.QuerySet["Publication"]):
    def visible(self) -> Self:
        """What the public site shows: published, not withdrawn, and the report still the accepted version
        that was published (a report reopened since is off the site until it is published again)."""
        return self.filter(
            withdrawn_at__isnull=True,
            report__status=Report.Status.ACCEPTED,
            version=models.F("report__version"),
        )


class Publication(models.Model):
    """A report made public: who published which version when, the personal information masked in what
    the public sees (the report itself stays as accepted), and the PDF the public downloads.

    ``masks`` lists {"kind", "text", "masked"}: every occurrence of "text" prints as "masked" on the public
    page, in its .docx and in ``file``; ``confirmed`` lists {"kind", "text"} found by the check and
    confirmed publishable. ``file`` is the PDF rendered from the masked text when something was masked
    (or when the report has no frozen PDF); otherwise the frozen PDF (``stored_pdf``) is served as is.
    """

    report = models.OneToOneField(
        Report, verbose_name=_("报告"), on_delete=models.CASCADE, related_name="publication"
    )
    version = models.PositiveIntegerField(_("公开的版本"))
    published_at = models.DateTimeField(_("公开时间"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("公开人"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("撤回时间"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("撤回人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdraw_reason = models.TextField(_("撤回理由"), blank=True)
    masks = models.JSONField(_("遮盖"), default=list, blank=True)
    confirmed = models.JSONField(_("确认可公开"), default=list, blank=True)
    stored_pdf = models.ForeignKey(
        StoredPdf,
        verbose_name=_("定稿PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    file = models.FileField(_("公开PDF"), upload_to=publication_pdf_path, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("大小（字节）"))
    # The published text, masked, as one string: what the public search reads.
    search_text = models.TextField(_("检索文本"), blank=True)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("公开发布")
        verbose_name_plural = _("公开发布")
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.report} 公开"

    def get_absolute_url(self) -> str:
        report = self.report
        return reverse("public:report", args=[report.unit.district.code, report.year, report.unit.code])

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None


class AuditEntryQuerySet(models.QuerySet["AuditEntry"]):
    """The audit trail is append-only: no bulk change or removal through the ORM."""

    def update(self, **kwargs: Any) -> int:
        raise PermissionError("审计日志不能修改")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("审计日志不能删除")


class AuditEntry(models.Model):
    """One security event (等保2.0 安全审计): who, from where, did what to which object, with what result.
    Rows are only ever added (``reports.audit.record``); each carries the hash of the row before it, so an
    edited or removed row breaks the chain that ``manage.py verify_audit`` checks."""

    class Action(models.TextChoices):
        LOGIN = "login", _("登录")
        LOGIN_FAILED = "login_failed", _("登录失败")
        LOGOUT = "logout", _("退出登录")
        LOCKOUT = "lockout", _("账号锁定")
        UNLOCK = "unlock", _("解除锁定")
        PASSWORD_CHANGE = "password_change", _("修改密码")
        PASSWORD_RESET = "password_reset", _("重置密码")
        OTP_ENROL = "otp_enrol", _("绑定动态口令")
        REFUSED = "refused", _("拒绝访问")
        DOWNLOAD = "download", _("下载导出")
        ROLE_CHANGE = "role_change", _("角色变更")
        ADMIN_CHANGE = "admin_change", _("后台修改")
        WORKFLOW = "workflow", _("流程操作")
        PUBLISH = "publish", _("公开发布")
        WITHDRAW_PUBLICATION = "withdraw_publication", _("撤回公开")
        PUBLISH_SETTING = "publish_setting", _("公开设置")
        CATALOGUE_CHANGE = "catalogue_change", _("指标目录修改")
        ACT_AS = "act_as", _("切换身份")
        SNAPSHOT_RESTORE = "snapshot_restore", _("恢复快照")
        REMIND = "remind", _("催报")

    class Result(models.TextChoices):
        SUCCESS = "success", _("成功")
        FAILURE = "failure", _("失败")

    at = models.DateTimeField(_("时间"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("用户"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    username = models.CharField(_("用户名"), max_length=150, blank=True)
    address = models.GenericIPAddressField(_("来源地址"), null=True, blank=True)
    action = models.CharField(_("事件"), max_length=20, choices=Action.choices, db_index=True)
    object_type = models.CharField(_("对象类型"), max_length=100, blank=True)
    object_id = models.CharField(_("对象编号"), max_length=64, blank=True)
    object_repr = models.CharField(_("对象"), max_length=200, blank=True)
    result = models.CharField(_("结果"), max_length=10, choices=Result.choices, default=Result.SUCCESS)
    detail = models.TextField(_("详情"), blank=True)
    previous_hash = models.CharField(_("上一条的哈希"), max_length=64, blank=True)
    hash = models.CharField(_("哈希"), max_length=64, unique=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("审计日志")
        verbose_name_plural = _("审计日志")
        ordering = ["-pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.username or '匿名'} {self.get_action_display()}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("审计日志不能修改")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("审计日志不能删除")

    def chained_fields(self) -> dict[str, Any]:
        """What the hash covers: every field but the row's number and its own hash."""
        return {
            "at": self.at.astimezone(UTC).isoformat(),
            "user": self.user_id,
            "username": self.username,
            "address": self.address or "",
            "action": self.action,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "object_repr": self.object_repr,
            "result": self.result,
            "detail": self.detail,
            "previous_hash": self.previous_hash,
        }

    def compute_hash(self) -> str:
        payload = json.dumps(self.chained_fields(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(payload.encode()).hexdigest()


class AccountSecurity(models.Model):
    """What the login needs to know about an account beyond Django's user: whether its password was set by
    someone else (an initial or reset password, to be changed at the next login) and whether it is one of
    ``load_demo``'s users (exempt from that and from the second factor, under DEBUG=1 only). A user with no
    row has neither. The permissions are the security administrator's (reports/accounts/roles.py)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("用户"), on_delete=models.CASCADE, related_name="security"
    )
    must_change_password = models.BooleanField(_("下次登录须修改密码"), default=False)
    is_demo = models.BooleanField(_("演示账号"), default=False)

    class Meta:
        verbose_name = _("账号安全状态")
        verbose_name_plural = _("账号安全状态")
        permissions = [
            ("unlock_account", _("解除账号锁定")),
            ("reset_password", _("重置用户密码")),
            ("grant_role", _("授予管理员角色和单位角色")),
        ]

    def __str__(self) -> str:
        return str(self.user)
