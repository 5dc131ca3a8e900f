"""An accepted report with personal information planted in every printed field, and its publication."""

from reports.models import Item, Organ, Report, Section

VALID_ID = "11010519491231002X"  # the GB 11643 check character of 11010519491231002 is X
MOBILE = "13812345678"
CARD = "4111111111111111"  # passes the Luhn check
EMAIL = "zhang.san@example.com"
PLATE = "渝A12345"

PLANTED = {
    # field: (text with a planted finding, the finding, how the public sees it)
    "document_number": ("城西文〔2025〕3号（承办人手机13912345678）", "13912345678", "139****5678"),
    "title": ("关于2024年度法治政府建设情况的报告（联系人赵六）", "赵六", "赵某"),
    "organ": ("黔江区城西街道办事处（联系人王小明，电话13812345678）", MOBILE, "138****5678"),
    "addressee": ("区委、区政府（抄送zhang.san@example.com）：", EMAIL, "z***@example.com"),
    "preamble": ("当事人张三，身份证11010519491231002X。", VALID_ID, "110105********002X"),
    "section": ("化解申请人李四的纠纷", "李四", "李某"),
    "item_heading": ("查扣车辆渝A12345。", PLATE, "渝A***45"),
    "item_body": ("退还保证金至银行卡4111111111111111。", CARD, "4111********1111"),
}


def accepted_report_with_planted_findings(unit, year=2024):
    report = Report.objects.create(
        unit=unit,
        year=year,
        status=Report.Status.ACCEPTED,
        document_number=PLANTED["document_number"][0],
        title=PLANTED["title"][0],
        addressee=PLANTED["addressee"][0],
        preamble=PLANTED["preamble"][0],
    )
    Organ.objects.create(report=report, role=Organ.Role.ISSUING, position=0, name=PLANTED["organ"][0])
    section = Section.objects.create(report=report, position=0, heading=PLANTED["section"][0])
    Item.objects.create(
        section=section,
        position=0,
        style=Item.Style.HEADING,
        heading=PLANTED["item_heading"][0],
        body=PLANTED["item_body"][0],
    )
    return report


def clean_accepted_report(unit, year=2024, body="全年开展普法宣传活动12次，发放宣传资料3000余份。"):
    report = Report.objects.create(
        unit=unit, year=year, status=Report.Status.ACCEPTED, preamble="现将有关情况报告如下："
    )
    section = Section.objects.create(report=report, position=0, heading="主要举措")
    Item.objects.create(section=section, position=0, style=Item.Style.PLAIN, body=body)
    return report
