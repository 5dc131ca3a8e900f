"""Demo data: 黔江区 and its units, a user for every role, the indicator catalogue, 城西街道's real 2024
report imported from its text with the figures it states, and drafts of the year being reported on the
day it is loaded (``reporting_year()``) so the app is not empty. Above 黔江区 a (fictional) city, 渝东市, with a second district, 新安区; under 黔江区 three government departments
(区县政府部门); the city office, and a person with roles in two units.

Idempotent: running it again changes nothing that is already there.
"""

import datetime
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from indicators.demo_catalogue import install_catalogue
from indicators.models import Indicator, IndicatorValue, Qualifier
from reports import publishing
from reports.accounts.actions import mark_demo_user
from reports.actions import start_report
from reports.common.ordering import next_position
from reports.deadlines import reporting_year
from reports.importing.preview import preview_import
from reports.importing.save import save_import
from reports.models import Item, Membership, Report, ReportEvent, Unit

DEMO_PASSWORD = "demo12345"
SEED_REPORT = Path(__file__).resolve().parents[2] / "demo_data" / "chengxi-2024-report.txt"

CITY = ("yudong", "渝东市", "渝东市")  # fictional: the city above 黔江区
DISTRICT = ("qianjiang", "黔江区", "黔江区")
SECOND_DISTRICT = ("xinan", "渝东市新安区", "新安区")  # fictional
SECOND_DISTRICT_UNITS = [
    ("xinan-hedong", "新安区河东街道", "河东街道", Unit.Kind.SUBDISTRICT),
    ("xinan-baishi", "新安区白石镇", "白石镇", Unit.Kind.TOWN),
]
UNITS = [
    # code, full name, short name, kind
    ("chengxi", "黔江区城西街道", "城西街道", Unit.Kind.SUBDISTRICT),
    ("chengdong", "黔江区城东街道", "城东街道", Unit.Kind.SUBDISTRICT),
    ("chengnan", "黔江区城南街道", "城南街道", Unit.Kind.SUBDISTRICT),
    ("zhengyang", "黔江区正阳街道", "正阳街道", Unit.Kind.SUBDISTRICT),
    ("zhoubai", "黔江区舟白街道", "舟白街道", Unit.Kind.SUBDISTRICT),
    ("fengjia", "黔江区冯家街道", "冯家街道", Unit.Kind.SUBDISTRICT),
    ("zhuoshui", "黔江区濯水镇", "濯水镇", Unit.Kind.TOWN),
    ("shihui", "黔江区石会镇", "石会镇", Unit.Kind.TOWN),
    ("qj-sifaju", "黔江区司法局", "区司法局", Unit.Kind.DEPARTMENT),
    ("qj-scjgj", "黔江区市场监督管理局", "区市场监管局", Unit.Kind.DEPARTMENT),
    ("qj-sthjj", "黔江区生态环境局", "区生态环境局", Unit.Kind.DEPARTMENT),
]
USERS = [
    # username, display name, unit code, role
    ("chengxi_staff", "陈填报", "chengxi", Membership.Role.STAFF),
    ("chengxi_leader", "刘书记", "chengxi", Membership.Role.LEADER),
    ("chengdong_staff", "周填报", "chengdong", Membership.Role.STAFF),
    ("chengdong_leader", "吴主任", "chengdong", Membership.Role.LEADER),
    ("district_office", "区委依法治区办 杨科长", "qianjiang", Membership.Role.DISTRICT_OFFICE),
    # The office also writes the district's own report (起草本级报告), as its 填报员.
    ("district_office", "区委依法治区办 杨科长", "qianjiang", Membership.Role.STAFF),
    # The district's own report: written by the district (staff), approved by its leader, accepted by the city.
    ("qianjiang_leader", "黔江区政府 郑副区长", "qianjiang", Membership.Role.LEADER),
    # A person with roles in two units: writes 区司法局's report and drafts the district's own.
    ("sifaju_staff", "区司法局 胡科员", "qj-sifaju", Membership.Role.STAFF),
    ("sifaju_staff", "区司法局 胡科员", "qianjiang", Membership.Role.STAFF),
    ("xinan_office", "新安区委依法治区办 孙科长", "xinan", Membership.Role.DISTRICT_OFFICE),
    ("city_office", "市委依法治市办 何处长", "yudong", Membership.Role.DISTRICT_OFFICE),
]
ADMIN = ("admin", "系统管理员")

# Last year's figure the seed itself gives: "共处理群众信访事项共30件，比去年减少14件" → 44 in 2023.
CHENGXI_2023_PETITIONS = Decimal(44)

# Drafts of the year being reported on the day the demo is loaded (``reporting_year()``), so a new user
# sees a season in progress rather than last season's drafts long overdue.
OPEN_DRAFTS = {
    "chengdong": [
        (
            "run_in",
            "高度重视，压实责任。",
            "街道党工委书记、办事处主任切实履行法治建设第一责任人职责，全年召开专题会议3次。",
        ),
        ("run_in", "加强学法，提升能力。", "全年开展中心组学法10次，干部职工法治培训500余人次。"),
    ],
    "chengnan": [
        ("run_in", "深化普法宣传。", "开展集中宣传活动6次，发放宣传资料8000余份。"),
    ],
    "zhuoshui": [
        ("run_in", "化解矛盾纠纷。", "共排查矛盾纠纷320件，调解成功318件。"),
    ],
}


# 2024 reports of four more units, accepted, with a few figures each (made up for the demo), so that the
# district's matrix, charts and combined volume have units to compare: "余" and "不适用" included.
OTHER_2024 = {
    "chengdong": ("全年开展中心组学法12次，发放宣传资料6000余份，排查矛盾纠纷820件，调解成功815件。",
                  {"central_group_study": "12", "leaflets": "6000余", "disputes_screened": "820",
                   "disputes_mediated": "815", "petitions_handled": "26", "fines": "不适用"}),
    "chengnan": ("全年开展中心组学法10次，发放宣传资料近5000份，排查矛盾纠纷640件，调解成功630件。",
                 {"central_group_study": "10", "leaflets": "近5000", "disputes_screened": "640",
                  "disputes_mediated": "630", "petitions_handled": "41", "fines": "12000"}),
    "zhengyang": ("全年开展中心组学法11次，发放宣传资料3200份，排查矛盾纠纷410件，调解成功402件。",
                  {"central_group_study": "11", "leaflets": "3200", "disputes_screened": "410",
                   "disputes_mediated": "402", "petitions_handled": "0"}),
    "zhuoshui": ("全年开展中心组学法9次，发放宣传资料2000余份，排查矛盾纠纷300件，调解成功296件。",
                 {"central_group_study": "9", "leaflets": "2000余", "disputes_screened": "300",
                  "disputes_mediated": "296", "petitions_handled": "18", "fines": "不适用"}),
    "xinan-hedong": ("全年开展中心组学法8次，发放宣传资料1500余份，排查矛盾纠纷260件，调解成功255件。",
                     {"central_group_study": "8", "leaflets": "1500余", "disputes_screened": "260",
                      "disputes_mediated": "255", "petitions_handled": "12"}),
}  # fmt: skip
# Their history, so the district's dashboard shows when each was submitted, approved and accepted.
OTHER_2024_HISTORY = [
    (
        ReportEvent.Action.SUBMIT,
        Report.Status.DRAFT,
        Report.Status.SUBMITTED,
        datetime.datetime(2025, 2, 10, 10),
    ),
    (
        ReportEvent.Action.APPROVE,
        Report.Status.SUBMITTED,
        Report.Status.APPROVED,
        datetime.datetime(2025, 2, 14, 10),
    ),
    (
        ReportEvent.Action.ACCEPT,
        Report.Status.APPROVED,
        Report.Status.ACCEPTED,
        datetime.datetime(2025, 2, 20, 10),
    ),
]


class Command(BaseCommand):
    help = "载入演示数据（渝东市、黔江区和新安区、各街道乡镇和部门、演示账号、指标目录、城西街道2024年报告）；可重复运行。"

    @transaction.atomic
    def handle(self, *args, **options):
        district = self.ensure_units()
        self.ensure_users(district)
        count = install_catalogue(district, first_year=2020)
        self.stdout.write(f"指标目录：{count}项")
        install_catalogue(Unit.objects.get(code=SECOND_DISTRICT[0]), first_year=2020)
        self.ensure_chengxi_reports(district)
        self.ensure_open_drafts(district)
        self.ensure_other_2024_reports(district)
        self.publish_2024_reports(district)
        self.print_logins()

    def ensure_units(self):
        code, name, short_name = CITY
        city, _ = Unit.objects.get_or_create(
            code=code, defaults={"name": name, "short_name": short_name, "kind": Unit.Kind.CITY}
        )
        district = self._district(DISTRICT, city, 1, UNITS)
        self._district(SECOND_DISTRICT, city, 2, SECOND_DISTRICT_UNITS)
        return district

    def _district(self, district_row, city, position, units):
        code, name, short_name = district_row
        district, _ = Unit.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "short_name": short_name,
                "kind": Unit.Kind.DISTRICT,
                "position": position,
            },
        )
        if district.parent_id is None:  # a demo database from before the city: 黔江区 moves under it
            district.parent = city
            district.save()
        for unit_position, (code, name, short_name, kind) in enumerate(units, start=1):
            Unit.objects.get_or_create(
                code=code,
                defaults={
                    "name": name,
                    "short_name": short_name,
                    "kind": kind,
                    "parent": district,
                    "position": unit_position,
                },
            )
        return district

    def ensure_users(self, district):
        User = get_user_model()
        for username, display_name, unit_code, role in USERS:
            user, created = User.objects.get_or_create(
                username=username, defaults={"first_name": display_name}
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            Membership.objects.get_or_create(user=user, unit=Unit.objects.get(code=unit_code), role=role)
            mark_demo_user(user)
        username, display_name = ADMIN
        if not User.objects.filter(username=username).exists():
            User.objects.create_superuser(username, "", DEMO_PASSWORD, first_name=display_name)
        mark_demo_user(User.objects.get(username=username))

    def ensure_chengxi_reports(self, district):
        chengxi = Unit.objects.get(code="chengxi")
        if not Report.objects.filter(unit=chengxi, year=2024).exists():
            indicators = Indicator.objects.for_year(district, 2024)
            found = preview_import(SEED_REPORT.read_text(encoding="utf-8"), indicators)
            report = save_import(
                found.parsed, chengxi, 2024, None, suggestions=found.suggestions, source=SEED_REPORT.name
            )
            report.status = Report.Status.ACCEPTED
            report.save(update_fields=["status"])
            suggestions = found.suggestions
            self.stdout.write(
                f"城西街道2024年报告：{report.sections.count()}个部分，{len(suggestions)}项指标"
            )
        if not Report.objects.filter(unit=chengxi, year=2023).exists():
            report = Report.objects.create(
                unit=chengxi,
                year=2023,
                status=Report.Status.ACCEPTED,
                preamble="（演示数据：只有由2024年报告“比去年减少14件”推算的上年信访数。）",
            )
            petitions = Indicator.objects.get(district=district, code="petitions_handled")
            IndicatorValue.objects.create(
                report=report,
                indicator=petitions,
                value=CHENGXI_2023_PETITIONS,
                qualifier=Qualifier.EXACT,
                note="由2024年报告推算",
            )

    def ensure_open_drafts(self, district):
        year = reporting_year()
        for unit_code, items in OPEN_DRAFTS.items():
            unit = Unit.objects.get(code=unit_code)
            if Report.objects.filter(unit=unit, year=year).exists():
                continue
            report = start_report(None, unit, year)
            measures = report.sections.first()
            for style, heading, body in items:
                Item.objects.create(
                    section=measures,
                    position=next_position(measures.items),
                    style=style,
                    heading=heading,
                    body=body,
                )
            self.stdout.write(f"{unit.short_name}{year}年报告草稿")

    def ensure_other_2024_reports(self, district):
        for unit_code, (text, figures) in OTHER_2024.items():
            unit = Unit.objects.get(code=unit_code)
            if Report.objects.filter(unit=unit, year=2024).exists():
                continue
            indicators = {i.code: i for i in Indicator.objects.filter(district=unit.parent)}
            report = start_report(None, unit, 2024)
            measures = report.sections.first()
            Item.objects.create(section=measures, position=0, style="plain", body=text)
            IndicatorValue.objects.bulk_create(
                _demo_value(report, indicators[code], figure) for code, figure in figures.items()
            )
            Report.objects.filter(pk=report.pk).update(status=Report.Status.ACCEPTED)
            for action, from_status, to_status, when in OTHER_2024_HISTORY:
                event = ReportEvent.objects.create(
                    report=report, action=action, from_status=from_status, to_status=to_status
                )
                # created_at is set on insert; the demo's are in February 2025, before the deadline
                ReportEvent.objects.filter(pk=event.pk).update(created_at=timezone.make_aware(when))
            self.stdout.write(f"{unit.name}2024年报告（区级已接收）")

    def publish_2024_reports(self, district):
        """The accepted 2024 reports on the public site (/public/), as the district office would publish
        them: every finding of the personal-information check masked."""
        office = Membership.objects.filter(unit=district, role=Membership.Role.DISTRICT_OFFICE).first().user
        reports = Report.objects.filter(
            unit__parent=district, year=2024, status=Report.Status.ACCEPTED, publication__isnull=True
        ).select_related("unit")
        for report in reports:
            decisions = {finding.hit.key: publishing.MASK for finding in publishing.findings(report)}
            publishing.publish(office, report, decisions)
            self.stdout.write(f"{report.unit.short_name}2024年报告已公开（遮盖{len(decisions)}处）")

    def print_logins(self):
        self.stdout.write("")
        self.stdout.write(f"演示账号（密码均为 {DEMO_PASSWORD}）：")
        for username, display_name, unit_code, role in USERS:
            unit = Unit.objects.get(code=unit_code)
            label = _role_label(role, unit)
            self.stdout.write(f"  {username:<18} {label:<6} {unit.name}  {display_name}")
        self.stdout.write(f"  {ADMIN[0]:<18} 管理后台 /admin/")


def _role_label(role, unit):
    """ "填报员", "审核领导", and for an office its level: "区级管理员", "市级管理员"."""
    if role == Membership.Role.DISTRICT_OFFICE:
        return f"{unit.level_name}管理员"
    return str(Membership.Role(role).label)


def _demo_value(report, indicator, figure):
    """ "6000余" → 6000 more-than; "近5000" → 5000 nearly; "不适用" → not applicable."""
    if figure == "不适用":
        return IndicatorValue(report=report, indicator=indicator, not_applicable=True)
    qualifier = Qualifier.EXACT
    if figure.endswith("余"):
        figure, qualifier = figure[:-1], Qualifier.MORE_THAN
    elif figure.startswith("近"):
        figure, qualifier = figure[1:], Qualifier.NEARLY
    return IndicatorValue(report=report, indicator=indicator, value=Decimal(figure), qualifier=qualifier)
