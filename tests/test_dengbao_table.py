"""The README's 等保2.0 table: every requirement has a row, every row names tests, and every test it names
exists (a renamed or removed test breaks the table, not silently the claim)."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = [
    "身份鉴别", "访问控制", "安全审计", "入侵防范", "数据完整性", "数据保密性", "数据备份恢复", "剩余信息保护", "个人信息保护",
]  # fmt: skip
HEADING = "## 等保2.0 level 3"


def table_rows():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index(HEADING) :]
    section = section[: section.index("\n## ", 1)]
    return [
        line
        for line in section.splitlines()
        if line.startswith("| ") and not line.startswith("| requirement")
    ]


def named_tests(cell):
    """(file, test or None) for each test the cell names: `test_x.py::test_y`, then `::test_z` of the same
    file, or a whole `test_x.py`."""
    named, current = [], None
    for token in re.findall(r"`([^`]+)`", cell):
        if token.endswith(".py") or ".py::" in token:
            current, _, test = token.partition("::")
            named.append((current, test or None))
        elif token.startswith("::") and current:
            named.append((current, token[2:]))
    return named


def test_every_requirement_has_a_row_that_names_tests():
    rows = table_rows()
    assert [row.split("|")[1].strip().split(" ")[0] for row in rows] == REQUIREMENTS
    for row in rows:
        assert named_tests(row.split("|")[3]), row[:40]


def test_every_test_the_table_names_exists():
    missing = []
    for row in table_rows():
        for file, test in named_tests(row.split("|")[3]):
            path = ROOT / "tests" / file
            if not path.exists():
                missing.append(file)
                continue
            if test is not None:
                names = {node.name for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                         if isinstance(node, ast.FunctionDef)}  # fmt: skip
                if test not in names:
                    missing.append(f"{file}::{test}")
    assert missing == []
