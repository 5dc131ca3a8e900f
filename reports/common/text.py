"""Text from users is cleaned the same way everywhere by ``clean_text``."""

import re
from typing import TYPE_CHECKING, Any

from django import forms
from django.http import QueryDict

# Everything below U+0020 except tab and newline, plus DEL and the C1 block: invisible characters that
# come in with text pasted from web pages and PDFs and break printing.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\ufeff]")


def clean_text(value: str) -> str:
    """Normalise line ends and drop control characters; HTML is kept as text (templates escape it)."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return CONTROL_CHARACTERS.sub("", value).strip()


if TYPE_CHECKING:
    _Form = forms.BaseForm
else:
    _Form = object  # a mixin: the form class it is mixed into comes after it


class CleanTextMixin(_Form):
    """For forms: runs ``clean_text`` over every submitted text field before validation counts its length.

    The submitted data is copied once per request, not once per form: the editor validates a form per
    section and item, the indicator sheet one per indicator (59), all on the same ``request.POST``, and
    copying a QueryDict of a few hundred fields 59 times was a fifth of the sheet's save. The forms of one
    request share the copy; each cleans its own fields in it (``clean_text`` twice is ``clean_text`` once).
    """

    def full_clean(self) -> None:
        if self.is_bound:
            data = _cleaning_copy(self.data)
            for name, field in self.fields.items():
                key = self.add_prefix(name)
                if isinstance(field, forms.CharField) and key in data:
                    data[key] = clean_text(data[key])
            self.data = data
        super().full_clean()


_COPY = "_clean_text_copy"


def _cleaning_copy(data: Any) -> Any:
    """A mutable copy of submitted ``data`` shared by every form bound to it (a QueryDict keeps it on
    itself); a plain dict, as tests pass, is copied each time."""
    if not isinstance(data, QueryDict):
        return data.copy()
    copy = getattr(data, _COPY, None)
    if copy is None:
        # Shallow (QueryDict.copy() copies every value list deeply): cleaning replaces a field's list,
        # never changes one in place, so the lists can be shared with the submitted data.
        copy = data.__copy__()
        setattr(copy, _COPY, copy)  # a form bound to the copy itself cleans in place
        setattr(data, _COPY, copy)
    return copy


# "一是", "十二是", with the punctuation a writer may put after it.
TYPED_ENUMERATION = re.compile(r"^\s*[一二三四五六七八九十百零]{1,6}是[，、：:]?\s*")


def typed_enumeration(text: str) -> str:
    """The "一是…" label a writer typed at the start of ``text`` ("" when none): an item in the
    "一是、二是" style gets its label from order, so a typed one would print twice ("一是一是")."""
    match = TYPED_ENUMERATION.match(text)
    return match.group() if match else ""


# Word's 字数, roughly: each Han character and each full-width punctuation mark counts one, and each run
# of Latin letters or digits (with the "." "%" of "31.8%") counts one word. static/js/word-count.js counts
# the same way, so the editor's live figure and the server's agree.
_WORD_UNITS = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40"
    r"\uff5b-\uff65\u2018\u2019\u201c\u201d\u2026\u2014]"
    r"|[A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+(?:[.%][A-Za-z0-9\uff10-\uff19]+)*%?"
)


def word_count(*texts: str) -> int:
    """How many 字 ``texts`` hold together, counted as Word's 字数 roughly does (see ``_WORD_UNITS``)."""
    return sum(len(_WORD_UNITS.findall(text)) for text in texts if text)
