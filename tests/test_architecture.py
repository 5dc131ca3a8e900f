"""The shape of the code (docs/architecture.md): every module sits in a layer of the import-linter
contract that `make test` runs, no import hides inside a function, and views write nothing themselves."""

import ast
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ("reports", "indicators")


def app_modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            yield ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def layers():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    (contract,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    return [[name.strip() for name in layer.replace("|", ":").split(":")] for layer in contract["layers"]]


def test_every_module_of_the_apps_is_in_a_layer():
    listed = [name for layer in layers() for name in layer]
    outside = [
        module
        for module in app_modules()
        if module not in APPS and not any(module == n or module.startswith(n + ".") for n in listed)
    ]
    assert outside == [], "add these modules to a layer in pyproject.toml [tool.importlinter]"


def source_files():
    for folder in (*APPS, "config"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def imports_inside_functions(tree):
    """Imports in a function body, except in ``AppConfig.ready`` (which runs once the apps are loaded)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name != "ready":
            found += [
                inner.lineno for inner in ast.walk(node) if isinstance(inner, ast.Import | ast.ImportFrom)
            ]
    return found


def test_no_module_imports_inside_a_function():
    found = {
        str(path.relative_to(ROOT)): lines
        for path in source_files()
        if (lines := imports_inside_functions(ast.parse(path.read_text())))
    }
    assert found == {}


def test_the_check_finds_an_import_inside_a_function():
    tree = ast.parse("def f():\n    from reports.models import Item\n\ndef ready():\n    import os\n")
    assert imports_inside_functions(tree) == [2]


VIEW_MODULES = [
    *sorted((ROOT / "reports" / "views").glob("*.py")),
    *sorted((ROOT / "reports" / "district").glob("*views.py")),
    ROOT / "indicators" / "views.py",
    ROOT / "reports" / "accounts" / "views.py",
]
WRITES = (
    "create",
    "get_or_create",
    "update_or_create",
    "save",
    "update",
    "delete",
    "bulk_create",
    "bulk_update",
)


def model_writes(tree):
    """Calls of a model-writing method by name: ``x.objects.create(…)``, ``obj.save()``, ``qs.delete()``."""
    return [
        f"{node.lineno}: .{node.func.attr}()"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in WRITES
    ]


@pytest.mark.parametrize("path", VIEW_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_views_write_nothing_themselves(path):
    """Every write goes through an action (one atomic function, its audit row where one belongs)."""
    assert model_writes(ast.parse(path.read_text())) == []


def test_the_check_finds_a_write_in_a_view():
    tree = ast.parse("def view(request):\n    Notice.objects.filter(user=1).update(read_at=None)\n")
    assert model_writes(tree) == ["2: .update()"]
