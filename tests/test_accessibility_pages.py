"""Issue 15, accessibility: every named URL pattern is either a page axe-core checks in the browser
(tests/browser/test_accessibility.py) or excluded with a reason (tests/accessibility_pages.py), so a new page
cannot be left out unnoticed; and axe-core is test tooling only, never served to users."""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import URLPattern, URLResolver, get_resolver

from tests.accessibility_pages import EXCLUDED, ROLES, checked_names

ROOT = Path(__file__).resolve().parents[1]


def url_names(patterns=None, namespace=""):
    """Every URL pattern of the project as "namespace:name" (its route when it has no name); a namespace
    excluded as a whole ("admin:*") is one entry."""
    found = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            if f"{inner}*" in EXCLUDED:
                found.add(f"{inner}*")
            else:
                found |= url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            found.add(f"{namespace}{pattern.name}" if pattern.name else str(pattern.pattern))
    return found


def test_every_url_pattern_is_checked_by_axe_or_excluded_with_a_reason():
    names = url_names()
    checked = checked_names()
    forgotten = names - checked - set(EXCLUDED)
    assert not forgotten, (
        f"add these to tests/accessibility_pages.py (ROLES, or EXCLUDED with why): {forgotten}"
    )
    assert not checked & set(EXCLUDED)
    # No stale entry: a name that looks like a URL name ("namespace:name") is one.
    stale = {name for name in checked | set(EXCLUDED) if ":" in name and not name.endswith("*")} - names
    assert not stale, stale
    assert all(reason.strip() for reason in EXCLUDED.values())


def test_each_role_has_its_pages():
    assert set(ROLES) == {
        "anonymous", "staff", "two_units", "leader", "district_office", "city_office", "security_admin",
        "audit_admin",
    }  # fmt: skip
    assert all(len(pages) >= 2 for pages in ROLES.values())


def test_axe_core_is_not_among_the_static_files_served_to_users():
    assert (ROOT / "node_modules" / "axe-core" / "axe.min.js").exists()  # installed, for the tests
    assert finders.find("axe-core/axe.min.js") is None and finders.find("axe.min.js") is None
    served = [Path(d) for d in settings.STATICFILES_DIRS]
    assert all("node_modules" not in str(d) for d in served)
    assert not list((ROOT / "static").rglob("axe*"))
    for template in (ROOT / "templates").rglob("*.html"):
        assert "axe" not in template.read_text(encoding="utf-8").lower(), template
