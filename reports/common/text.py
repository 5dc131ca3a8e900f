"""Text from users is cleaned the same way everywhere by ``clean_text``."""

import re
from typing import TYPE_CHECKING

from django import forms

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
    """For forms: runs ``clean_text`` over every submitted text field before validation counts its length."""

    def full_clean(self) -> None:
        if self.is_bound:
            data = self.data.copy()  # type: ignore[attr-defined]  # a QueryDict (or a dict): typed a Mapping
            for name, field in self.fields.items():
                key = self.add_prefix(name)
                if isinstance(field, forms.CharField) and key in data:
                    data[key] = clean_text(data[key])
            self.data = data
        super().full_clean()


# "一是", "十二是", with the punctuation a writer may put after it.
TYPED_ENUMERATION = re.compile(r"^\s*[一二三四五六七八九十百零]{1,6}是[，、：:]?\s*")


def typed_enumeration(text: str) -> str:
    """The "一是…" label a writer typed at the start of ``text`` ("" when none): an item in the
    "一是、二是" style gets its label from order, so a typed one would print twice ("一是一是")."""
    match = TYPED_ENUMERATION.match(text)
    return match.group() if match else ""
