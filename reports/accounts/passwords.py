"""Password rules beyond Django's own validators (config/settings.py AUTH_PASSWORD_VALIDATORS)."""

import re
import string
from typing import Any

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError

CLASSES = {
    "大写字母": lambda c: c in string.ascii_uppercase,
    "小写字母": lambda c: c in string.ascii_lowercase,
    "数字": lambda c: c.isdigit(),
    "符号": lambda c: not c.isalnum() and not c.isspace(),
}

# Words people here build passwords from: the district's and its units' names, the office, the system.
# Django's CommonPasswordValidator knows the world's common passwords, not these.
LOCAL_WORDS = frozenset(
    """
    qianjiang qj chengxi chengdong chengnan chengbei zhengyang zhoubai shuitian fengjia
    chongqing cq sifaju sfj fazhi fazhiban fazhizhengfu yifazhiqu nianbao zhengfu jiedao
    admin administrator password passwd mima woaini abc qwerty asdf zxcv test demo user
    """.split()
)


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's, in Chinese: Django 5.2 reworded its message and the zh_Hans catalogue has not followed."""

    def get_error_message(self) -> str:
        return f"密码太短，至少要有{self.min_length}个字符。"

    def get_help_text(self) -> str:
        return f"密码至少要有{self.min_length}个字符。"


class CharacterClassesValidator:
    """At least ``min_classes`` of the four: upper-case letters, lower-case letters, digits, symbols."""

    def __init__(self, min_classes: int = 3) -> None:
        self.min_classes = min_classes

    def validate(self, password: str, user: Any = None) -> None:
        used = [name for name, test in CLASSES.items() if any(test(c) for c in password)]
        if len(used) < self.min_classes:
            raise ValidationError(
                f"密码须包含大写字母、小写字母、数字、符号四类中的至少{self.min_classes}类"
                f"（现在只有{'、'.join(used) or '0类'}）。",
                code="password_too_few_classes",
            )

    def get_help_text(self) -> str:
        return f"密码须包含大写字母、小写字母、数字、符号四类中的至少{self.min_classes}类。"


class LocalWordValidator:
    """Refuses a local word dressed up with digits and symbols ("Qianjiang2025!", "Chengxi@123")."""

    def validate(self, password: str, user: Any = None) -> None:
        letters = re.sub(r"[^a-z]", "", password.lower())
        if letters in LOCAL_WORDS:
            raise ValidationError(
                "密码不能只是地名、单位名或常见词加上数字和符号，请换一个不易猜到的密码。",
                code="password_local_word",
            )

    def get_help_text(self) -> str:
        return "不能只是地名、单位名或常见词加上数字和符号。"
