"""How a person is named on pages, in notices and e-mails: their full name, else their user name."""

from .typing import User

NOBODY = "系统"  # rows written by commands (load_demo, import_report) or by a user since removed


def name_of(user: User | None, nobody: str = NOBODY) -> str:
    if user is None:
        return nobody
    return user.get_full_name() or user.username


def name_from(first_name: str, last_name: str, username: str) -> str:
    """``name_of`` from the three columns alone (a list of many people: no user object each)."""
    return f"{first_name} {last_name}".strip() or username
