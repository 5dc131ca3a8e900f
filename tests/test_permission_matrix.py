"""Every view of a report, for every kind of visitor: allowed, or refused the right way.

Refusals: another unit's object → 404 (its existence is not disclosed); a known object and a forbidden
action → 403; anonymous → redirect to the login page.
"""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from reports.models import Report, ReviewComment, Snapshot
from reports.snapshots import snapshot_content
from tests.conftest import make_user
from tests.editor_helpers import add_section, editor_data

ACTORS = ["staff", "leader", "district_officer", "outsider", "anonymous"]


def reverse_lazy_args(name, *args):
    return lambda: reverse(name, args=args)


OK, REDIRECT, FORBIDDEN, NOT_FOUND, LOGIN = 200, 302, 403, 404, "login"


@pytest.fixture
def setup(report, staff, leader, district_officer, outsider):
    section = add_section(report, items=1)
    comment = ReviewComment.objects.create(report=report, author=leader, body="请补充数据", section=section)
    snapshot = Snapshot.objects.create(
        report=report, version=report.version, content=snapshot_content(report)
    )
    return {"report": report, "comment": comment, "snapshot": snapshot, "users": {
        "staff": staff, "leader": leader, "district_officer": district_officer, "outsider": outsider, "anonymous": None,
    }}  # fmt: skip


def request(client, user, method, url, data=None):
    if user is not None:
        client.force_login(user)
    response = getattr(client, method)(url, data or {})
    if response.status_code == 302 and "/accounts/login/" in response.url:
        return LOGIN
    return response.status_code


# (name, method, url builder, data builder, expected per actor in ACTORS order) on a draft report
VIEWS = [
    ("detail", "get", lambda s: reverse("reports:detail", args=[s["report"].pk]), None,
     [OK, OK, OK, NOT_FOUND, LOGIN]),
    ("edit page", "get", lambda s: reverse("reports:edit", args=[s["report"].pk]), None,
     [OK, OK, FORBIDDEN, NOT_FOUND, LOGIN]),
    ("edit save", "post", lambda s: reverse("reports:edit", args=[s["report"].pk]), lambda s: editor_data(s["report"]),
     [REDIRECT, REDIRECT, FORBIDDEN, NOT_FOUND, LOGIN]),
    ("indicator sheet", "get", lambda s: reverse("indicators:sheet", args=[s["report"].pk]), None,
     [OK, OK, OK, NOT_FOUND, LOGIN]),
    ("indicator save", "post", lambda s: reverse("indicators:sheet", args=[s["report"].pk]),
     lambda s: {"version": s["report"].version}, [REDIRECT, REDIRECT, FORBIDDEN, NOT_FOUND, LOGIN]),
    ("preview", "get", lambda s: reverse("reports:preview", args=[s["report"].pk]), None,
     [OK, OK, OK, NOT_FOUND, LOGIN]),
    ("pdf", "get", lambda s: reverse("reports:pdf", args=[s["report"].pk]), None,
     [OK, OK, OK, NOT_FOUND, LOGIN]),
    ("history", "get", lambda s: reverse("reports:history", args=[s["report"].pk]), None,
     [OK, OK, OK, NOT_FOUND, LOGIN]),
    ("changes", "get", lambda s: reverse("reports:changes", args=[s["report"].pk]), None,
     [OK, OK, OK, NOT_FOUND, LOGIN]),
    # A snapshot: seen by whoever sees the report; restored (after a confirmation page) by whoever edits it.
    ("snapshot document", "get", lambda s: reverse("reports:snapshot", args=[s["report"].pk, s["snapshot"].pk]),
     None, [OK, OK, OK, NOT_FOUND, LOGIN]),
    ("snapshot changes", "get",
     lambda s: reverse("reports:snapshot-changes", args=[s["report"].pk, s["snapshot"].pk]), None,
     [OK, OK, OK, NOT_FOUND, LOGIN]),
    ("snapshot restore page", "get",
     lambda s: reverse("reports:snapshot-restore", args=[s["report"].pk, s["snapshot"].pk]), None,
     [OK, OK, FORBIDDEN, NOT_FOUND, LOGIN]),
    ("snapshot restore", "post",
     lambda s: reverse("reports:snapshot-restore", args=[s["report"].pk, s["snapshot"].pk]),
     lambda s: {"base_version": s["report"].version}, [REDIRECT, REDIRECT, FORBIDDEN, NOT_FOUND, LOGIN]),
    ("comment", "post", lambda s: reverse("reports:comment", args=[s["report"].pk]), lambda s: {"body": "意见"},
     [REDIRECT, REDIRECT, REDIRECT, NOT_FOUND, LOGIN]),
    ("resolve comment", "post",
     lambda s: reverse("reports:comment-resolve", args=[s["report"].pk, s["comment"].pk]), None,
     [REDIRECT, REDIRECT, REDIRECT, NOT_FOUND, LOGIN]),
    ("submit", "post", lambda s: reverse("reports:act", args=[s["report"].pk, "submit"]), None,
     [REDIRECT, REDIRECT, FORBIDDEN, NOT_FOUND, LOGIN]),
    ("approve a draft", "post", lambda s: reverse("reports:act", args=[s["report"].pk, "approve"]), None,
     [FORBIDDEN, REDIRECT, FORBIDDEN, NOT_FOUND, LOGIN]),  # the leader is told it is not submitted
    ("accept a draft", "post", lambda s: reverse("reports:act", args=[s["report"].pk, "accept"]), None,
     [FORBIDDEN, FORBIDDEN, REDIRECT, NOT_FOUND, LOGIN]),
    ("docx", "get", lambda s: reverse("reports:docx", args=[s["report"].pk]), None,
     [OK, OK, OK, NOT_FOUND, LOGIN]),
    ("home", "get", lambda s: reverse("reports:home"), None, [OK, OK, OK, OK, LOGIN]),
    ("notices", "get", lambda s: reverse("reports:notices"), None, [OK, OK, OK, OK, LOGIN]),
    ("mark notices read", "post", lambda s: reverse("reports:notices-read"), None,
     [REDIRECT, REDIRECT, REDIRECT, REDIRECT, LOGIN]),  # each marks only their own
    ("import page", "get", lambda s: reverse("reports:import"), None,
     [OK, OK, FORBIDDEN, OK, LOGIN]),  # the outsider imports for their own unit
    ("new report", "post", lambda s: reverse("reports:new"), lambda s: {"unit": s["report"].unit_id, "year": 2020},
     [400, 400, REDIRECT, 400, LOGIN]),  # 2020 is not open; the office starts none; the outsider's unit list lacks it
    ("health", "get", lambda s: reverse("healthz"), None, [OK, OK, OK, OK, OK]),  # open to everyone: for a monitor
    # Publishing: the district office (a unit's leader only when the district allows it, tested in
    # tests/test_publishing.py); on a draft the page opens and publishing is then refused with a message.
    ("publish page", "get", lambda s: reverse("reports:publish", args=[s["report"].pk]), None,
     [FORBIDDEN, FORBIDDEN, OK, NOT_FOUND, LOGIN]),
    ("publish", "post", lambda s: reverse("reports:publish", args=[s["report"].pk]),
     lambda s: {"version": s["report"].version}, [FORBIDDEN, FORBIDDEN, 400, NOT_FOUND, LOGIN]),
    ("withdraw", "post", lambda s: reverse("reports:withdraw", args=[s["report"].pk]), lambda s: {"reason": "有误"},
     [FORBIDDEN, FORBIDDEN, REDIRECT, NOT_FOUND, LOGIN]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "method", "url", "data", "expected"), VIEWS, ids=[v[0] for v in VIEWS])
@pytest.mark.parametrize("actor", ACTORS)
def test_each_view_allows_or_refuses_each_visitor(client, setup, name, method, url, data, expected, actor):
    status = request(client, setup["users"][actor], method, url(setup), data(setup) if data else None)
    assert status == expected[ACTORS.index(actor)], f"{name} as {actor}"


def test_an_approved_report_refuses_every_change_to_its_own_unit(client, setup):
    report = setup["report"]
    Report.objects.filter(pk=report.pk).update(status=Report.Status.APPROVED)
    for user in (setup["users"]["staff"], setup["users"]["leader"]):
        client.force_login(user)
        assert client.get(reverse("reports:edit", args=[report.pk])).status_code == FORBIDDEN
        assert (
            client.post(reverse("reports:edit", args=[report.pk]), editor_data(report)).status_code
            == FORBIDDEN
        )
        sheet = reverse("indicators:sheet", args=[report.pk])
        assert client.post(sheet, {"version": report.version}).status_code == FORBIDDEN
        restore = reverse("reports:snapshot-restore", args=[report.pk, setup["snapshot"].pk])
        assert client.get(restore).status_code == FORBIDDEN
        assert client.post(restore, {"base_version": report.version}).status_code == FORBIDDEN


def test_a_snapshot_is_found_only_inside_its_own_report(client, setup, other_unit):
    elsewhere = Report.objects.create(unit=other_unit, year=2025)
    foreign = Snapshot.objects.create(report=elsewhere, version=1, content=snapshot_content(elsewhere))
    client.force_login(setup["users"]["staff"])
    report = setup["report"]
    for name in ("reports:snapshot", "reports:snapshot-changes", "reports:snapshot-restore"):
        assert client.get(reverse(name, args=[report.pk, foreign.pk])).status_code == NOT_FOUND
    restore = reverse("reports:snapshot-restore", args=[report.pk, foreign.pk])
    assert client.post(restore, {"base_version": report.version}).status_code == NOT_FOUND


def test_an_unknown_report_is_404_for_everyone(client, setup):
    client.force_login(setup["users"]["staff"])
    assert client.get(reverse("reports:detail", args=[99999])).status_code == NOT_FOUND


# --- The district office's pages ---------------------------------------------------------------------------
# Only the district office reaches them: unit staff and leaders are logged in but refused (403); another
# district's office sees its own district on the year pages and cannot find this district's objects (404).

DISTRICT_ACTORS = ["staff", "leader", "district_officer", "outsider", "other_office", "anonymous"]


@pytest.fixture
def district_setup(setup, district, unit):
    from django.core.files.base import ContentFile

    from indicators.models import Indicator, IndicatorRule
    from reports.models import GeneratedFile, Membership, Unit
    from tests.conftest import make_user

    elsewhere = Unit.objects.create(code="elsewhere", name="别区", short_name="别区", kind=Unit.Kind.DISTRICT)
    common = {"unit": "次", "category": "other", "first_year": 2020}
    screened = Indicator.objects.create(district=district, code="screened", name="排查", **common)
    mediated = Indicator.objects.create(district=district, code="mediated", name="调解", **common)
    rule = IndicatorRule.objects.create(district=district, kind="at_most", indicator=mediated, other=screened)
    users = setup["users"] | {"other_office": make_user("other", elsewhere, Membership.Role.DISTRICT_OFFICE)}
    # Something for the ZIP and the volume to hold (an empty year gets a message page instead).
    Report.objects.create(unit=Unit.objects.get(code="chengdong"), year=2025, status=Report.Status.ACCEPTED)
    file = GeneratedFile(kind="volume", district=district, year=2025, fingerprint="0" * 64, status="done")
    file.file.save("volume.pdf", ContentFile(b"%PDF-1.7 volume"), save=False)
    file.save()
    return {"indicator": mediated, "rule": rule, "unit": unit, "users": users, "file": file}


def _year(name):
    return lambda s: reverse(name, args=[2025])


def _object(name, key):
    return lambda s: reverse(name, args=[2025, s[key].pk])


# expected per actor in DISTRICT_ACTORS order
YEAR_PAGE = [FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, OK, LOGIN]
OBJECT_PAGE = [FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, NOT_FOUND, LOGIN]
OBJECT_POST = [FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN, NOT_FOUND, LOGIN]
YEAR_REDIRECT = [FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN, REDIRECT, LOGIN]
# The other office's district has no report of the year: a page saying there is nothing to download.
YEAR_FILE = [FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN, OK, LOGIN]

DISTRICT_VIEWS = [
    ("district home", "get", lambda s: reverse("district:home"), None, [FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN, REDIRECT, LOGIN]),
    ("dashboard", "get", _year("district:dashboard"), None, YEAR_PAGE),
    ("year setup", "get", _year("district:setup"), None, YEAR_PAGE),
    ("save deadline", "post", _year("district:setup"), lambda s: {"deadline": "2026-02-01"},
     [FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN, REDIRECT, LOGIN]),
    # Asking for the ZIP or the volume queues a job and goes to its status page (each office its own).
    ("zip", "get", _year("district:zip"), None, YEAR_FILE),
    ("volume", "get", _year("district:volume"), None, YEAR_FILE),
    # 催报: each office reminds its own units; a unit's staff or leader may not.
    ("remind", "post", _year("district:remind"), None, YEAR_REDIRECT),
    ("file status page", "get", _object("district:file", "file"), None, OBJECT_PAGE),
    ("file status JSON", "get", _object("district:file-status", "file"), None, OBJECT_PAGE),
    ("file download", "get", _object("district:file-download", "file"), None, OBJECT_PAGE),
    ("file made again", "post", _object("district:file-retry", "file"), None, OBJECT_POST),
    ("draft from the units", "get", _year("district:draft"), None, YEAR_PAGE),
    # Writing the district's own report needs a 填报员/审核领导 role in the district itself, which none has here.
    ("start the district's report", "post", _year("district:draft-start"), None,
     [FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, LOGIN]),
    ("pick items into it", "post", _year("district:draft-pick"), lambda s: {"item": "1"},
     [FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, LOGIN]),
    ("fill its sheet with the totals", "post", _year("district:draft-totals"), None,
     [FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, LOGIN]),
    ("matrix", "get", _year("district:matrix"), None, YEAR_PAGE),
    ("xlsx", "get", _year("district:xlsx"), None, YEAR_PAGE),
    ("csv", "get", _year("district:csv"), None, YEAR_PAGE),
    ("indicator over units and years", "get", _object("district:indicator", "indicator"), None, OBJECT_PAGE),
    ("unit over years", "get", _object("district:unit", "unit"), None, OBJECT_PAGE),
    ("catalogue", "get", _year("district:catalogue"), None, YEAR_PAGE),
    ("copy last year's catalogue", "post", _year("district:catalogue-copy"), None,
     [FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN, REDIRECT, LOGIN]),
    ("copy the national catalogue", "post", _year("district:catalogue-copy-national"), None,
     [FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN, REDIRECT, LOGIN]),
    ("edit indicator", "get", _object("district:indicator-edit", "indicator"), None, OBJECT_PAGE),
    ("move indicator", "post", _object("district:indicator-up", "indicator"), None, OBJECT_POST),
    ("retire indicator", "post", _object("district:indicator-retire", "indicator"), None, OBJECT_POST),
    ("delete rule", "post", _object("district:rule-delete", "rule"), None, OBJECT_POST),
    ("units may publish", "post", lambda s: reverse("district:publish-setting"), lambda s: {"allowed": "1"},
     [FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN, REDIRECT, LOGIN]),
    ("search every report", "get", lambda s: reverse("district:search"), None, YEAR_PAGE),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "method", "url", "data", "expected"), DISTRICT_VIEWS, ids=[v[0] for v in DISTRICT_VIEWS]
)
@pytest.mark.parametrize("actor", DISTRICT_ACTORS)
def test_only_the_district_office_reaches_the_district_pages(
    client, district_setup, name, method, url, data, expected, actor
):
    s = district_setup
    status = request(client, s["users"][actor], method, url(s), data(s) if data else None)
    assert status == expected[DISTRICT_ACTORS.index(actor)], f"{name} as {actor}"


def test_the_district_pages_refuse_a_year_out_of_range(client, district_setup):
    client.force_login(district_setup["users"]["district_officer"])
    assert client.get(reverse("district:dashboard", args=[1900])).status_code == NOT_FOUND
    assert client.get(reverse("district:matrix", args=[9999])).status_code == NOT_FOUND


# --- The audit administrator's pages -----------------------------------------------------------------------
# Only a user with reports.view_auditentry (the audit administrator) reads the audit trail; every role of
# the app is refused (403), the district office included.

AUDIT_ACTORS = ["staff", "leader", "district_officer", "outsider", "auditor", "anonymous"]
AUDIT_VIEWS = [
    ("audit log", "get", "reports:audit", [FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, LOGIN]),
    ("audit search", "get", "reports:audit", [FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, LOGIN]),
    ("audit export", "get", "reports:audit-export", [FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, LOGIN]),
    ("audit log posted", "post", "reports:audit", [FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, 405, LOGIN]),
]


@pytest.mark.parametrize(("name", "method", "url", "expected"), AUDIT_VIEWS, ids=[v[0] for v in AUDIT_VIEWS])
@pytest.mark.parametrize("actor", AUDIT_ACTORS)
def test_only_the_audit_administrator_reaches_the_audit_pages(
    client, setup, name, method, url, expected, actor
):
    auditor = make_user("auditor")
    auditor.user_permissions.add(Permission.objects.get(codename="view_auditentry"))
    users = setup["users"] | {"auditor": auditor}
    data = {"action": "refused", "text": "报告"} if name == "audit search" else None
    status = request(client, users[actor], method, reverse(url), data)
    assert status == expected[AUDIT_ACTORS.index(actor)], f"{name} as {actor}"


# --- The account pages --------------------------------------------------------------------------------------
# Everyone logged in reaches their own (password, second factor, keep-alive); only the security administrator
# reaches the lockouts, the users, password resets and roles; the other administrators are refused (403).

ACCOUNT_ACTORS = ["staff", "district_officer", "system_admin", "security_admin", "audit_admin", "anonymous"]
OWN_PAGE = [OK, OK, OK, OK, OK, LOGIN]
SECURITY_PAGE = [FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, LOGIN]
SECURITY_POST = [FORBIDDEN, FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN, LOGIN]


@pytest.fixture
def account_setup(staff, district_officer, system_admin, security_admin, audit_admin, leader):
    return {"target": leader, "users": {
        "staff": staff, "district_officer": district_officer, "system_admin": system_admin,
        "security_admin": security_admin, "audit_admin": audit_admin, "anonymous": None,
    }}  # fmt: skip


def _target(name):
    return lambda s: reverse(name, args=[s["target"].pk])


ACCOUNT_VIEWS = [
    ("account security", "get", lambda s: reverse("accounts:security"), None, OWN_PAGE),
    ("password change", "get", lambda s: reverse("accounts:password-change"), None, OWN_PAGE),
    ("otp enrol", "get", lambda s: reverse("accounts:otp-enrol"), None, OWN_PAGE),
    ("otp qr", "get", lambda s: reverse("accounts:otp-qr"), None, OWN_PAGE),
    ("otp verify", "get", lambda s: reverse("accounts:otp-verify"), None, OWN_PAGE),
    ("keep alive", "post", lambda s: reverse("accounts:keep-alive"), None, OWN_PAGE),
    ("lockouts", "get", lambda s: reverse("accounts:lockouts"), None, SECURITY_PAGE),
    ("unlock", "post", lambda s: reverse("accounts:lockouts"), lambda s: {"username": "leader"}, SECURITY_POST),
    ("users", "get", lambda s: reverse("accounts:users"), None, SECURITY_PAGE),
    ("reset password page", "get", _target("accounts:reset-password"), None, SECURITY_PAGE),
    ("reset password", "post", _target("accounts:reset-password"),
     lambda s: {"new_password1": "Temp-pass-2025", "new_password2": "Temp-pass-2025"}, SECURITY_POST),
    ("roles page", "get", _target("accounts:user-roles"), None, SECURITY_PAGE),
    ("revoke a unit role", "post", _target("accounts:user-roles"),
     lambda s: {"revoke_membership": s["target"].memberships.get().pk}, SECURITY_POST),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "method", "url", "data", "expected"), ACCOUNT_VIEWS, ids=[v[0] for v in ACCOUNT_VIEWS]
)
@pytest.mark.parametrize("actor", ACCOUNT_ACTORS)
def test_the_account_pages_allow_or_refuse_each_visitor(
    client, account_setup, name, method, url, data, expected, actor
):
    s = account_setup
    status = request(client, s["users"][actor], method, url(s), data(s) if data else None)
    assert status == expected[ACCOUNT_ACTORS.index(actor)], f"{name} as {actor}"


# --- The public site ----------------------------------------------------------------------------------------
# Open to everyone, logged in or not; the same page for each (no user, no session).


@pytest.fixture
def public_setup(setup, unit, district_officer):
    from reports import publishing
    from tests.publishing_helpers import clean_accepted_report

    publishing.publish(district_officer, clean_accepted_report(unit, 2024), {})
    return setup


PUBLIC_VIEWS = [
    ("site", reverse_lazy_args("public:index")),
    ("district", reverse_lazy_args("public:district", "qianjiang")),
    ("year", reverse_lazy_args("public:year", "qianjiang", 2024)),
    ("report page", reverse_lazy_args("public:report", "qianjiang", 2024, "chengxi")),
    ("report pdf", reverse_lazy_args("public:pdf", "qianjiang", 2024, "chengxi")),
    ("report docx", reverse_lazy_args("public:docx", "qianjiang", 2024, "chengxi")),
    ("json listing", reverse_lazy_args("public:json", "qianjiang", 2024)),
    ("indicator table", reverse_lazy_args("public:indicators", "qianjiang", 2024)),
    ("indicator csv", reverse_lazy_args("public:indicators-csv", "qianjiang", 2024)),
    ("atom feed", reverse_lazy_args("public:feed", "qianjiang")),
    ("search", reverse_lazy_args("public:search")),
    ("sitemap", reverse_lazy_args("sitemap")),
]


@pytest.mark.parametrize(("name", "url"), PUBLIC_VIEWS, ids=[v[0] for v in PUBLIC_VIEWS])
@pytest.mark.parametrize("actor", ACTORS)
def test_everyone_reaches_the_public_site(client, public_setup, name, url, actor):
    assert request(client, public_setup["users"][actor], "get", url()) == OK, f"{name} as {actor}"


# --- Every level of the tree (issue 16) --------------------------------------------------------------------
# 渝东市 → 黔江区 (城西街道, 司法局) and 彭水县 (保家镇). Each actor's view of one report at each level: an office
# sees everything below its unit and nothing beside it; staff and leaders their own unit; a person with
# roles in two places sees what the unit they act for gives them, and only that.

LEVEL_ACTORS = [
    "city_office", "district_office", "district_staff", "district_leader", "unit_staff", "unit_leader",
    "other_district_office", "outsider", "two_places_as_unit", "two_places_as_office", "anonymous",
]  # fmt: skip
LEVEL_REPORTS = ["city", "district", "unit", "department", "other_unit"]


@pytest.fixture
def levels(db):
    from reports.models import Membership, Unit
    from tests.conftest import make_user

    def unit(code, kind, parent=None):
        return Unit.objects.create(code=code, name=code, short_name=code, kind=kind, parent=parent)

    Role = Membership.Role
    city = unit("yudong", Unit.Kind.CITY)
    district = unit("qianjiang", Unit.Kind.DISTRICT, city)
    other_district = unit("pengshui", Unit.Kind.DISTRICT, city)
    units = {
        "city": city,
        "district": district,
        "unit": unit("chengxi", Unit.Kind.SUBDISTRICT, district),
        "department": unit("sifaju", Unit.Kind.DEPARTMENT, district),
        "other_unit": unit("baojia", Unit.Kind.TOWN, other_district),
    }
    two_places = make_user("two-places", units["unit"], Role.STAFF)
    Membership.objects.create(user=two_places, unit=other_district, role=Role.DISTRICT_OFFICE)
    users = {
        "city_office": make_user("city-office", city, Role.DISTRICT_OFFICE),
        "district_office": make_user("district-office", district, Role.DISTRICT_OFFICE),
        "district_staff": make_user("district-staff", district, Role.STAFF),
        "district_leader": make_user("district-leader", district, Role.LEADER),
        "unit_staff": make_user("unit-staff", units["unit"], Role.STAFF),
        "unit_leader": make_user("unit-leader", units["unit"], Role.LEADER),
        "other_district_office": make_user("other-office", other_district, Role.DISTRICT_OFFICE),
        "outsider": make_user("outsider", units["department"], Role.STAFF),
        "two_places_as_unit": two_places,
        "two_places_as_office": two_places,
        "anonymous": None,
    }
    acting = {"two_places_as_unit": units["unit"], "two_places_as_office": other_district}
    reports = {name: Report.objects.create(unit=u, year=2025) for name, u in units.items()}
    return {"units": units, "users": users, "acting": acting, "reports": reports}


def _as(client, levels, actor):
    """Logs ``actor`` in, acting for the unit the row names (a person with roles in two places)."""
    from reports.common.middleware import ACTING_UNIT

    user = levels["users"][actor]
    if user is None:
        return None
    client.force_login(user)
    if actor in levels["acting"]:
        session = client.session
        session[ACTING_UNIT] = levels["acting"][actor].pk
        session.save()
    return user


# Who sees which report (the detail page: 200, else 404), per actor in LEVEL_ACTORS order, and whether
# restrict(VIEW) lists it.
SEES = {
    "city": [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    "district": [1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0],
    "unit": [1, 1, 0, 0, 1, 1, 0, 0, 1, 0, 0],
    "department": [1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0],
    "other_unit": [1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0],
}
# Who may edit (staff and leaders of the unit itself) and who receives it (the parent's office: accept).
EDITS = {
    "city": [0] * 11,
    "district": [0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0],
    "unit": [0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0],
    "department": [0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0],
    "other_unit": [0] * 11,
}
RECEIVES = {
    "city": [0] * 11,
    "district": [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    "unit": [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    "department": [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    "other_unit": [0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0],
}


@pytest.mark.parametrize("report_name", LEVEL_REPORTS)
@pytest.mark.parametrize("actor", LEVEL_ACTORS)
def test_each_level_sees_below_itself_and_nothing_beside_it(client, levels, actor, report_name):
    from reports.permissions import Action

    report = levels["reports"][report_name]
    column = LEVEL_ACTORS.index(actor)
    user = _as(client, levels, actor)
    detail = request(client, None, "get", reverse("reports:detail", args=[report.pk]))
    if user is None:
        assert detail == LOGIN
        return
    assert detail == (OK if SEES[report_name][column] else NOT_FOUND), f"{actor} on {report_name}"
    edit = request(client, None, "get", reverse("reports:edit", args=[report.pk]))
    expected_edit = (
        OK if EDITS[report_name][column] else (FORBIDDEN if SEES[report_name][column] else NOT_FOUND)
    )
    assert edit == expected_edit, f"{actor} editing {report_name}"
    # restrict() says the same, acting for the same unit
    user.acting_unit_id = levels["acting"][actor].pk if actor in levels["acting"] else None
    assert Report.objects.restrict(user).filter(pk=report.pk).exists() == bool(SEES[report_name][column])
    assert Report.objects.restrict(user, Action.EDIT).filter(pk=report.pk).exists() == bool(
        EDITS[report_name][column]
    )


@pytest.mark.parametrize("report_name", LEVEL_REPORTS)
@pytest.mark.parametrize("actor", LEVEL_ACTORS[:-1])
def test_only_the_office_directly_above_receives_a_report(client, levels, actor, report_name):
    """Accepting an approved report: the office of the unit it reports to (a district's own report: the
    city's office); an office further up sees it but is refused (403); others do not find it (404)."""
    report = levels["reports"][report_name]
    Report.objects.filter(pk=report.pk).update(status=Report.Status.APPROVED)
    column = LEVEL_ACTORS.index(actor)
    _as(client, levels, actor)
    status = request(client, None, "post", reverse("reports:act", args=[report.pk, "accept"]))
    if RECEIVES[report_name][column]:
        assert status == REDIRECT, f"{actor} accepting {report_name}"
        assert Report.objects.get(pk=report.pk).status == Report.Status.ACCEPTED
    else:
        assert status == (FORBIDDEN if SEES[report_name][column] else NOT_FOUND), f"{actor} on {report_name}"
        assert Report.objects.get(pk=report.pk).status == Report.Status.APPROVED


# The office's pages at each level: the unit the user acts for as an office, or 403.
OFFICE_PAGE = {
    "city_office": OK, "district_office": OK, "district_staff": FORBIDDEN, "district_leader": FORBIDDEN,
    "unit_staff": FORBIDDEN, "unit_leader": FORBIDDEN, "other_district_office": OK, "outsider": FORBIDDEN,
    "two_places_as_unit": FORBIDDEN, "two_places_as_office": OK, "anonymous": LOGIN,
}  # fmt: skip


@pytest.mark.parametrize("page", ["district:dashboard", "district:matrix"])
@pytest.mark.parametrize("actor", LEVEL_ACTORS)
def test_the_office_pages_show_the_unit_acted_for_at_every_level(client, levels, actor, page):
    _as(client, levels, actor)
    response = client.get(reverse(page, args=[2025]))
    status = (
        LOGIN if response.status_code == 302 and "/accounts/login/" in response.url else response.status_code
    )
    assert status == OFFICE_PAGE[actor], f"{page} as {actor}"
    if status != OK:
        return
    if page == "district:dashboard":
        shown = {row.unit.code for row in response.context["rows"]}
    else:
        shown = {row.unit.code for row in response.context["matrix"].rows}
    assert shown == BELOW[page][actor]


# What each office's pages list: the dashboard every unit below it; the matrix the units directly below it
# (a city's: one row per district, from its units' figures).
_DISTRICT_BELOW = {"chengxi", "sifaju"}
BELOW = {
    "district:dashboard": {
        "city_office": {"qianjiang", "pengshui", "baojia"} | _DISTRICT_BELOW,
        "district_office": _DISTRICT_BELOW,
        "other_district_office": {"baojia"},
        "two_places_as_office": {"baojia"},
    },
    "district:matrix": {
        "city_office": {"qianjiang", "pengshui"},
        "district_office": _DISTRICT_BELOW,
        "other_district_office": {"baojia"},
        "two_places_as_office": {"baojia"},
    },
}
