"""The check before publishing: personal information a report must not disclose (个人信息保护法,
政府信息公开条例): resident ID numbers, mobile numbers, bank card numbers, e-mail addresses, licence plates
and the names of people next to words like 当事人/申请人/身份证.

``scan`` reads every field the published document prints (organs, document number, title, addressee,
preamble, section headings, item headings and bodies) and returns each hit with its field, its context and
the masked form the public would see ("张某某", "110101********1234"). Masks are applied when the
document is rendered for the public (``rendering.context.report_context(masks=...)``): the report itself is
never changed.
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .models import Report, Section
from .rendering.context import apply_masks

__all__ = ["Hit", "Kind", "apply_masks", "distinct", "mask", "scan", "scan_text"]

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARACTERS = "10X98765432"


class Kind:
    ID_NUMBER = "id_number"
    MOBILE = "mobile"
    BANK_CARD = "bank_card"
    EMAIL = "email"
    PLATE = "plate"
    NAME = "name"


KIND_LABELS = {
    Kind.ID_NUMBER: "身份证号码",
    Kind.MOBILE: "手机号码",
    Kind.BANK_CARD: "银行卡号",
    Kind.EMAIL: "电子邮箱",
    Kind.PLATE: "车牌号码",
    Kind.NAME: "个人姓名",
}

# No digit (or letter, for the e-mail and plates) right before or after: a number inside a longer one is
# not a hit.
_ID = re.compile(r"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])")
# "身份证号：" just before a number: an ID number even with a wrong check digit (a typing slip still names
# the person's district and birthday)
_ID_LABEL = re.compile(r"身份证(?:号码|号)?[：:\s]*$")
_MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")
_BANK_CARD = re.compile(r"(?<![0-9])[0-9]{4}(?:[ -]?[0-9]{4}){2,3}(?:[ -]?[0-9]{1,3})?(?![0-9])")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_PLATE = re.compile(rf"[{_PROVINCES}][A-HJ-NP-Z][·•]?[A-HJ-NP-Z0-9]{{5,6}}(?![A-Za-z0-9])")
# Words after which a person's name usually follows in a report: parties to a case or a petition.
_PERSON_WORDS = (
    "被申请人|申请人|当事人|被告人|被告|原告|第三人|投诉人|举报人|信访人|上访人|被执行人|"
    "身份证号码|身份证号|身份证|联系人|户主|村民|居民|群众"
)
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "冉"
)
# A name: a common surname and one or two more Han characters, not "某" (already anonymised); it ends
# before punctuation, a digit or a word that often follows a name.
_NAME = re.compile(
    rf"(?:{_PERSON_WORDS})[：:，,、\s]*(?P<name>[{_SURNAMES}](?!某)[\u4e00-\u9fff]{{1,2}}?)"
    r"(?=[，,。；;：:、（(）)\s\d]|等|的|在|于|因|与|和|向|对|称|系|反映|申请|提出|签|到|$)"
)


@dataclass(frozen=True)
class Hit:
    kind: str
    text: str  # what the report says
    masked: str  # what the public sees if it is masked
    field: str  # where: "导语", "第二部分（一）正文"…
    before: str  # the context around it
    after: str

    @property
    def key(self) -> str:
        """The same finding wherever it occurs: one decision masks or confirms it everywhere."""
        return f"{self.kind}:{self.text}"

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


def id_number_is_valid(number: str) -> bool:
    """GB 11643: the 18th character is the check digit of the first 17."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARACTERS[total % 11] == number[17].upper()


def luhn_is_valid(number: str) -> bool:
    digits = [int(d) for d in number if d.isdigit()]
    total = 0
    for index, digit in enumerate(reversed(digits)):
        if index % 2 == 1:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return len(digits) >= 13 and total % 10 == 0


def mask(kind: str, text: str) -> str:
    """The public form: "110101********1234", "138****5678", "6222********0123", "z***@example.com",
    "渝A***45", "张某某"."""
    if kind == Kind.ID_NUMBER:
        return text[:6] + "*" * 8 + text[-4:]
    if kind == Kind.MOBILE:
        return text[:3] + "****" + text[-4:]
    if kind == Kind.BANK_CARD:
        digits = re.sub(r"\D", "", text)
        return digits[:4] + "*" * (len(digits) - 8) + digits[-4:]
    if kind == Kind.EMAIL:
        local, _, domain = text.partition("@")
        return local[:1] + "***@" + domain
    if kind == Kind.PLATE:
        return text[:2] + "*" * (len(text) - 4) + text[-2:]
    return text[0] + "某" * (len(text) - 1)


def find(text: str) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end) of each hit in ``text``, in text order; a span is reported once (an ID number is
    not also a bank card)."""
    taken: list[tuple[int, int]] = []
    found = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    candidates: list[tuple[str, re.Pattern[str], str]] = [
        (Kind.EMAIL, _EMAIL, ""),
        (Kind.ID_NUMBER, _ID, ""),
        (Kind.BANK_CARD, _BANK_CARD, ""),
        (Kind.MOBILE, _MOBILE, ""),
        (Kind.PLATE, _PLATE, ""),
        (Kind.NAME, _NAME, "name"),
    ]
    for kind, pattern, group in candidates:
        for match in pattern.finditer(text):
            start, end = match.span(group) if group else match.span()
            value = text[start:end]
            if kind == Kind.ID_NUMBER and not (id_number_is_valid(value) or _ID_LABEL.search(text, 0, start)):
                continue
            if kind == Kind.BANK_CARD and not luhn_is_valid(value):
                continue
            if free(start, end):
                taken.append((start, end))
                found.append((kind, start, end))
    return iter(sorted(found, key=lambda hit: hit[1]))


CONTEXT = 20  # characters shown on each side of a hit


def scan_text(text: str, field: str) -> list[Hit]:
    hits = []
    for kind, start, end in find(text):
        value = text[start:end]
        hits.append(
            Hit(
                kind=kind,
                text=value,
                masked=mask(kind, value),
                field=field,
                before=text[max(0, start - CONTEXT) : start],
                after=text[end : end + CONTEXT],
            )
        )
    return hits


def published_fields(report: Report, sections: Iterable[Section] | None = None) -> Iterator[tuple[str, str]]:
    """(where, text) of every field the published document prints."""
    for organ in report.organs.all():
        yield organ.get_role_display(), organ.name
    yield "发文字号", report.document_number
    yield "标题", report.title
    yield "主送机关", report.addressee
    yield "导语", report.preamble
    if sections is None:
        sections = report.sections_with_items()
    for number, section in enumerate(sections, start=1):
        yield f"第{number}部分标题", section.heading
        for position, item in enumerate(section.items.all(), start=1):
            yield f"第{number}部分第{position}条小标题", item.heading
            yield f"第{number}部分第{position}条正文", item.body


def scan(report: Report, sections: Iterable[Section] | None = None) -> list[Hit]:
    """Every hit in the report's printed fields, in document order."""
    hits: list[Hit] = []
    for field, text in published_fields(report, sections):
        if text:
            hits.extend(scan_text(text, field))
    return hits


def distinct(hits: Iterable[Hit]) -> list[Hit]:
    """One hit per finding (``key``), its first occurrence: what needs one decision."""
    seen: dict[str, Hit] = {}
    for hit in hits:
        seen.setdefault(hit.key, hit)
    return list(seen.values())
