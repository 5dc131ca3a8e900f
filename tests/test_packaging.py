"""The wheel (what `pip install .` installs) holds every tracked module, migration, template and static file.

The expected contents come from `git ls-files`, so a module, package or template added later is covered
without touching this file. The wheel is built offline: no build isolation, no index, with the hatchling
the dev extra installs.
"""

import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Top-level folders whose files never go into the wheel, even if they are packages.
LEFT_OUT = {"tests", "bench"}
# The top-level folders that are not packages: the wheel carries them inside config/ (pyproject.toml).
SITE_FILES = {"templates": "config/templates", "static": "config/static"}
# No network: the build backend and the dependencies are the venv's; no index, no pip version check.
OFFLINE = ("--no-deps", "--no-build-isolation", "--no-index", "--disable-pip-version-check")


def tracked_files():
    try:
        result = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=False
        )
    except FileNotFoundError:
        pytest.skip("git is not installed: the expected contents of the wheel come from `git ls-files`")
    if result.returncode != 0:
        pytest.skip(f"not a git checkout, so no `git ls-files` to compare with: {result.stderr.strip()}")
    # A tracked file deleted in the working tree (not yet committed) is not expected either.
    return [name for name in result.stdout.split("\0") if name and (ROOT / name).is_file()]


def expected_in_wheel(tracked):
    """Where each tracked file of a top-level package, templates/ or static/ belongs in the wheel."""
    packages = {
        name.split("/")[0] for name in tracked if name.count("/") == 1 and name.endswith("/__init__.py")
    }
    packages -= LEFT_OUT
    assert {"config", "reports", "indicators"} <= packages
    expected = set()
    for name in tracked:
        top, _, rest = name.partition("/")
        if top in packages:
            expected.add(name)
        elif top in SITE_FILES:
            expected.add(f"{SITE_FILES[top]}/{rest}")
    return packages, expected


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    if importlib.util.find_spec("hatchling") is None:
        pytest.fail("hatchling (the build backend) is not installed: pip install -e '.[dev]'")
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", *OFFLINE, "-q", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    [path] = out.glob("fazhi_nianbao-*.whl")
    return path


def test_the_wheel_holds_every_tracked_module_template_and_static_file(wheel):
    packages, expected = expected_in_wheel(tracked_files())
    with zipfile.ZipFile(wheel) as archive:
        names = {name for name in archive.namelist() if not name.endswith("/")}
    missing = sorted(expected - names)
    assert not missing, (
        f"not in the wheel (a new top-level package goes into pyproject's only-include): {missing}"
    )
    # What else is there: the dist-info, and nothing outside the packages (no top-level templates/ or static/).
    tops = {name.split("/")[0] for name in names}
    assert {top for top in tops if not top.endswith(".dist-info")} == packages
    assert not [name for name in names if name.split("/")[0] in LEFT_OUT | set(SITE_FILES)]
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]
    # The fonts make cuts (not in git) stay out even when present; pyproject.toml says why.
    assert not [name for name in names if name.startswith("config/static/fonts/")]


def test_an_installed_copy_finds_its_templates_and_static_files(wheel, tmp_path):
    """The unpacked wheel, first on sys.path and run from elsewhere, uses its own templates and static files."""
    site = tmp_path / "site-packages"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    code = (
        "import django; django.setup()\n"
        "import config\n"
        "from django.contrib.staticfiles import finders\n"
        "from django.template.loader import get_template\n"
        "print(config.__file__)\n"
        "print(get_template('registration/login.html').origin.name)\n"
        "print(finders.find('document/gbt9704.css'))\n"
        "print(finders.find('vendor/bootstrap-5.3.9/bootstrap.min.css'))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DATABASE_URL"}}
    env.update(
        PYTHONPATH=str(site),
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="1",
        VAR_DIR=str(tmp_path / "var"),
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    config_file, *found = result.stdout.split()
    assert Path(config_file).resolve() == (site / "config" / "__init__.py").resolve()
    for path in found:
        assert Path(path).resolve().is_relative_to((site / "config").resolve()), found
