"""The personal-information check: what it finds, what it leaves alone, and the masked forms."""

import pytest

from reports import pii
from reports.pii import Kind, scan, scan_text
from tests.publishing_helpers import PLANTED, VALID_ID, accepted_report_with_planted_findings


def kinds(text):
    return [(hit.kind, hit.text) for hit in scan_text(text, "正文")]


def test_a_resident_id_number_is_found_only_with_its_check_digit():
    assert kinds(f"身份证号{VALID_ID}") == [(Kind.ID_NUMBER, VALID_ID)]
    assert kinds("编号110105194912310021号") == []  # the same 17 digits, a wrong check digit


def test_a_number_called_an_id_number_is_found_even_with_a_wrong_check_digit():
    # Typed with one digit wrong, it still names the person's district and birthday: the words before it
    # say what it is.
    for text in (
        "身份证号500114198001011234，",
        "身份证号码：110105194912310021",
        "（身份证 110105194912310021）",
    ):
        assert [kind for kind, _ in kinds(text)] == [Kind.ID_NUMBER], text


def test_a_bank_card_number_is_found_only_when_it_passes_the_luhn_check():
    assert kinds("卡号4111 1111 1111 1111") == [(Kind.BANK_CARD, "4111 1111 1111 1111")]
    assert kinds("卡号4111111111111112") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("请拨打13912345678咨询", [(Kind.MOBILE, "13912345678")]),
        ("发送至li.si@qj.gov.cn即可", [(Kind.EMAIL, "li.si@qj.gov.cn")]),
        ("查处车辆渝A·D1234一辆", [(Kind.PLATE, "渝A·D1234")]),
        ("当事人张三因邻里纠纷", [(Kind.NAME, "张三")]),
        ("联系人王小明，电话", [(Kind.NAME, "王小明")]),
        ("申请人：王小明称", [(Kind.NAME, "王小明")]),
        ("信访人刘某反映", []),  # already anonymised
        ("当事人合法权益得到保障", []),  # not a name
        ("全年受理申请人数120人次，电话12345热线", []),
        ("共排查矛盾纠纷1705件，调解成功1705件", []),
    ],
)
def test_the_check_finds_personal_information_and_leaves_ordinary_text_alone(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize(
    ("kind", "text", "masked"),
    [
        (Kind.ID_NUMBER, "110101199003071234", "110101********1234"),
        (Kind.NAME, "张三丰", "张某某"),
        (Kind.MOBILE, "13812345678", "138****5678"),
    ],
)
def test_a_masked_finding_keeps_only_what_identifies_no_one(kind, text, masked):
    assert pii.mask(kind, text) == masked


def test_the_check_reads_every_printed_field(unit):
    report = accepted_report_with_planted_findings(unit)
    found = {(hit.text, hit.masked) for hit in scan(report)}
    for field, (_, planted, masked) in PLANTED.items():
        assert (planted, masked) in found, field
