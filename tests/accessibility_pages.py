"""The pages axe-core checks for each kind of visitor (tests/browser/test_accessibility.py), and the
addresses it leaves out with the reason. tests/test_accessibility_pages.py checks that every named URL
pattern is in one list or the other, so a new page cannot be forgotten."""

from dataclasses import dataclass
from io import StringIO
from types import SimpleNamespace

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Max
from django_otp.plugins.otp_totp.models import TOTPDevice

from indicators.models import Indicator, IndicatorValue
from reports import workflow
from reports.accounts.actions import grant_admin_role
from reports.accounts.roles import AdminRole
from reports.actions import add_comment, bump_version, start_report
from reports.common.ordering import next_position
from reports.deadlines import reporting_year
from reports.district.actions import request_file
from reports.models import AccountSecurity, GeneratedFile, Item, Report, Unit
from tests.conftest import make_user
from tests.workflow_helpers import submit


@dataclass(frozen=True)
class Page:
    """``name``: the URL pattern's name ("namespace:name"), or a label for what has none (an error page);
    ``path``: the address from the cast (``demo_cast``); ``phone``: checked at 390 × 844 too."""

    name: str
    path: object  # Callable[[SimpleNamespace], str]
    phone: bool = False


def _report(kind):
    return lambda cast: f"/reports/{getattr(cast, kind).pk}/"


# Every page of each kind of visitor. The office's year pages are checked for the district office and for
# the city office (the same templates, grouped by district for the city).
def _office_pages(prefix):
    return [
        Page("district:home", lambda c: "/district/", phone=True),
        Page("district:dashboard", lambda c: f"/district/{c.year}/", phone=True),
        Page("district:setup", lambda c: f"/district/{c.year}/setup/"),
        Page("district:search", lambda c: "/district/search/?q=%E7%BA%A0%E7%BA%B7"),  # 纠纷
        Page("district:file", lambda c: getattr(c, f"{prefix}_file_url")),
        Page("district:draft", lambda c: f"/district/{c.year}/draft/"),
        Page("district:matrix", lambda c: f"/district/{c.last_year}/indicators/", phone=True),
        Page("district:indicator", lambda c: f"/district/{c.last_year}/indicators/{c.indicator.pk}/"),
        Page("district:unit", lambda c: f"/district/{c.last_year}/units/{getattr(c, f'{prefix}_member').pk}/indicators/"),
        Page("district:catalogue", lambda c: f"/district/{c.year}/catalogue/"),
    ]  # fmt: skip


ROLES = {
    "anonymous": [
        Page("login", lambda c: "/accounts/login/", phone=True),
        Page("error-404", lambda c: "/no-such-page/"),
        Page("public:index", lambda c: "/public/", phone=True),
        Page("public:search", lambda c: "/public/search/?q=%E7%BA%A0%E7%BA%B7"),
        Page("public:district", lambda c: "/public/qianjiang/"),
        Page("public:year", lambda c: f"/public/qianjiang/{c.last_year}/"),
        Page("public:report", lambda c: f"/public/qianjiang/{c.last_year}/chengxi/", phone=True),
        Page("public:indicators", lambda c: f"/public/qianjiang/{c.last_year}/indicators/"),
    ],
    # 填报员 of 城西街道: their report returned with a reason, comments, figures, history.
    "staff": [
        Page("reports:home", lambda c: "/", phone=True),
        Page("reports:notices", lambda c: "/notices/"),
        Page("reports:detail", _report("returned"), phone=True),
        Page("reports:edit", lambda c: f"/reports/{c.returned.pk}/edit/", phone=True),
        Page("indicators:sheet", lambda c: f"/reports/{c.returned.pk}/indicators/", phone=True),
        Page("reports:history", lambda c: f"/reports/{c.returned.pk}/history/"),
        Page("reports:changes", lambda c: f"/reports/{c.returned.pk}/changes/"),
        Page("reports:preview", lambda c: f"/reports/{c.returned.pk}/preview/"),
        Page("reports:snapshot", lambda c: f"/reports/{c.returned.pk}/snapshots/{c.snapshot_id}/"),
        Page(
            "reports:snapshot-changes",
            lambda c: f"/reports/{c.returned.pk}/snapshots/{c.snapshot_id}/changes/",
        ),
        Page(
            "reports:snapshot-restore",
            lambda c: f"/reports/{c.returned.pk}/snapshots/{c.snapshot_id}/restore/",
        ),
        Page("reports:import", lambda c: "/reports/import/"),
        Page("accounts:security", lambda c: "/accounts/security/"),
        Page("accounts:password-change", lambda c: "/accounts/password/"),
        Page("accounts:otp-enrol", lambda c: "/accounts/otp/enrol/"),
        Page("error-403", lambda c: f"/district/{c.year}/"),
    ],
    # A person with roles in two units: the menu of 当前身份 in the bar.
    "two_units": [
        Page("reports:home", lambda c: "/", phone=True),
        Page("reports:notices", lambda c: "/notices/"),
    ],
    # 审核领导 of 城东街道: a report submitted again after a return, to review and compare.
    "leader": [
        Page("reports:home", lambda c: "/", phone=True),
        Page("reports:notices", lambda c: "/notices/"),
        Page("reports:detail", _report("submitted"), phone=True),
        Page("reports:changes", lambda c: f"/reports/{c.submitted.pk}/changes/"),
        Page("reports:history", lambda c: f"/reports/{c.submitted.pk}/history/"),
        Page("indicators:sheet", lambda c: f"/reports/{c.submitted.pk}/indicators/"),
        Page("reports:preview", lambda c: f"/reports/{c.submitted.pk}/preview/"),
    ],
    # 区委依法治区办 of 黔江区: the year's pages, the catalogue, publishing an accepted report.
    "district_office": [
        *_office_pages("district"),
        Page("district:indicator-edit", lambda c: f"/district/{c.year}/catalogue/{c.indicator.pk}/"),
        Page("reports:publish", lambda c: f"/reports/{c.accepted.pk}/publish/"),
        Page("reports:detail", _report("accepted")),
    ],
    # 市委依法治市办 of 渝东市: the same pages over its districts.
    "city_office": _office_pages("city"),
    # The security administrator's pages (accounts app) and the audit administrator's trail.
    "security_admin": [
        Page("accounts:users", lambda c: "/accounts/users/", phone=True),
        Page("accounts:user-roles", lambda c: f"/accounts/users/{c.target_user.pk}/roles/"),
        Page("accounts:reset-password", lambda c: f"/accounts/users/{c.target_user.pk}/password/"),
        Page("accounts:lockouts", lambda c: "/accounts/lockouts/"),
        Page("accounts:security", lambda c: "/accounts/security/"),
    ],
    "audit_admin": [
        Page("reports:audit", lambda c: "/audit/", phone=True),
        Page("audit-filtered", lambda c: "/audit/?result=failure&text=%E5%9F%8E%E8%A5%BF"),
    ],
}

# Pages reached in the middle of a flow (the browser test walks to them): the import's confirmation step
# (staff), the second factor asked after the password (a user with a device), the recovery codes shown
# once after enrolling, the page of a form whose CSRF check failed, forms shown back with their errors.
# Error pages no request of a working site can produce on purpose: rendered from their templates (400, 500).
RENDERED = {"error-400": "400.html", "error-500": "500.html"}
FLOW_PAGES = {
    "staff": {"reports:import-confirm", "recovery-codes", "password-change-refused"},
    "anonymous": {"accounts:otp-verify", "error-403-csrf", "login-refused", *RENDERED},
    "district_office": {"catalogue-refused-添加指标", "catalogue-refused-添加规则"},
}

# Addresses that are not pages: why axe has nothing to check there.
EXCLUDED = {
    "admin:*": "Django's own admin site (/admin/), not the app's templates",
    "favicon.ico": "a redirect to the icon",
    "healthz": "JSON for a monitor",
    "sitemap": "XML for search engines",
    "logout": "POST only",
    "reports:audit-export": "CSV download",
    "reports:notices-read": "POST only",
    "reports:acting-for": "POST only",
    "reports:new": "POST only",
    "reports:act": "POST only",
    "reports:comment": "POST only",
    "reports:comment-resolve": "POST only",
    "reports:pdf": "PDF download",
    "reports:stored-pdf": "PDF download",
    "reports:docx": "Word download",
    "reports:withdraw": "POST only",
    "accounts:otp-qr": "SVG image (the QR code on the enrolment page)",
    "accounts:keep-alive": "POST only, JSON",
    "district:publish-setting": "POST only",
    "district:remind": "POST only (the dashboard's 催报 button)",
    "district:zip": "ZIP download, or a redirect to district:file",
    "district:volume": "PDF download, or a redirect to district:file",
    "district:file-status": "JSON polled by district:file",
    "district:file-download": "ZIP or PDF download",
    "district:file-retry": "POST only",
    "district:draft-start": "POST only",
    "district:draft-pick": "POST only",
    "district:draft-totals": "POST only",
    "district:xlsx": "Excel download",
    "district:csv": "CSV download",
    "district:catalogue-copy": "POST only",
    "district:catalogue-copy-national": "POST only",
    "district:indicator-retire": "POST only",
    "district:indicator-up": "POST only",
    "district:indicator-down": "POST only",
    "district:rule-delete": "POST only",
    "public:feed": "Atom XML",
    "public:json": "JSON",
    "public:indicators-csv": "CSV download",
    "public:pdf": "PDF download",
    "public:docx": "Word download",
}


def checked_names() -> set[str]:
    flows = set().union(*FLOW_PAGES.values())
    return {page.name for pages in ROLES.values() for page in pages} | flows


def demo_cast():
    """The demo data (load_demo) with what makes each page show its parts: 城西街道's report of the
    reporting year (reports.deadlines.reporting_year) returned with a reason and a comment, 城东街道's submitted again after a return, an
    accepted report to publish, a ZIP asked for by each office, a security and an audit administrator."""
    call_command("load_demo", stdout=StringIO())
    AccountSecurity.objects.update(must_change_password=False)  # tests/test_password_rules.py's subject
    users = get_user_model().objects
    get = users.get
    cast = SimpleNamespace(users={})
    for role, username in [
        ("staff", "chengxi_staff"),
        ("leader", "chengdong_leader"),
        ("district_office", "district_office"),
        ("city_office", "city_office"),
        ("two_units", "sifaju_staff"),
    ]:
        cast.users[role] = get(username=username)
    chengxi, chengdong = Unit.objects.get(code="chengxi"), Unit.objects.get(code="chengdong")
    district, city = chengxi.parent, chengxi.parent.parent
    accepted = Report.objects.filter(unit=chengxi, status=Report.Status.ACCEPTED)
    cast.last_year = accepted.aggregate(Max("year"))["year__max"]  # published on the public site too
    cast.year = reporting_year()

    staff, leader = get(username="chengxi_staff"), get(username="chengxi_leader")
    returned = Report.objects.filter(unit=chengxi, year=cast.year).first()
    returned = returned or start_report(staff, chengxi, cast.year)
    measures = returned.sections.first()
    for heading, body in [
        ("高度重视，压实责任。", "党工委书记切实履行法治建设第一责任人职责，全年召开专题会议3次。"),
        ("加强学法，提升能力。", "全年开展中心组学法10次，干部职工法治培训500余人次。"),
    ]:
        Item.objects.create(
            section=measures, position=next_position(measures.items), heading=heading, body=body
        )
    bump_version(returned, staff)
    figures = Indicator.objects.for_year(district, cast.year)[:3]
    IndicatorValue.objects.bulk_create(
        IndicatorValue(report=returned, indicator=indicator, value=n + 3)
        for n, indicator in enumerate(figures)
    )
    submit(staff, returned)
    add_comment(returned, leader, "请写明会议的具体议题。", item=measures.items.first())
    workflow.perform(leader, returned, "return", "请补充第一责任人履职的内容和全年数据。")
    cast.returned = returned
    cast.snapshot_id = returned.events.filter(action="submit").latest("created_at", "pk").snapshot_id

    submitted = Report.objects.filter(unit=chengdong).order_by("-year").first()
    writer, reviewer = get(username="chengdong_staff"), get(username="chengdong_leader")
    submit(writer, submitted)
    workflow.perform(reviewer, submitted, "return", "请补充普法数据。")
    Item.objects.create(section=submitted.sections.first(), position=99, body="全年开展集中宣传活动8次。")
    bump_version(submitted, writer)
    submit(writer, submitted)
    cast.submitted = submitted

    cast.accepted = Report.objects.get(unit=chengxi, year=cast.last_year)
    cast.indicator = Indicator.objects.filter(district=district, code="disputes_screened").get()
    cast.district_member, cast.city_member = chengxi, district
    cast.district_file_url = request_file(
        GeneratedFile.Kind.ZIP, district, cast.last_year, None
    ).get_absolute_url()
    cast.city_file_url = request_file(GeneratedFile.Kind.ZIP, city, cast.last_year, None).get_absolute_url()

    cast.users["security_admin"] = make_user("secadmin", first_name="安全管理员")
    grant_admin_role(cast.users["security_admin"], AdminRole.SECURITY)
    cast.users["audit_admin"] = make_user("auditor", first_name="审计管理员")
    grant_admin_role(cast.users["audit_admin"], AdminRole.AUDIT)
    cast.target_user = staff
    # An account locked out by failed logins (accounts:lockouts lists it with its unlock button).
    AccessAttempt.objects.create(
        username="chengdong_staff", ip_address="10.0.0.9", user_agent="Chrome", http_accept="text/html",
        path_info="/accounts/login/", failures_since_start=settings.AXES_FAILURE_LIMIT,
    )  # fmt: skip
    # A user who has a second factor: the login asks for it (accounts:otp-verify).
    cast.users["with_device"] = make_user("otpuser", chengxi, "staff", first_name="钱填报")
    TOTPDevice.objects.create(user=cast.users["with_device"], name="手机", confirmed=True)
    return cast
