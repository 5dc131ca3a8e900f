"""How a person is named on pages, in notices and e-mails: their full name, else their user name."""

from .typing import User

NOBODY = "系统"  # rows written by commands (load_demo, import_report) or by a user since removed


def name_of(user: User | None, nobody: str = NOBODY) -> str:
    if user is None:
        return nobody
    return user.get_full_name() or user.username
