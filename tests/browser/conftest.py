"""Playwright driving Debian's own chromium (no `playwright install`: the intranet has no internet)."""

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="zh-CN", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot(page, request):
    """Call ``screenshot("name")`` to keep a picture of the page for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)

    def take(name):
        path = ARTIFACTS / f"{request.node.name}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


# --- Accessibility: axe-core (test tooling from npm: package.json, installed by `make setup`) -------------

AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")


def axe_violations(page, tags=WCAG_21_AA, context=None):
    """The axe-core violations of the page as it is now, for the rules of ``tags`` (WCAG 2.1 A and AA by
    default), each as {"id", "impact", "help", "targets"}; [] when none. ``context`` limits the check to a
    CSS selector. axe is evaluated through the DevTools protocol, not as a <script> in the page, so a
    Content-Security-Policy does not stop it."""
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT} is missing: run `make setup` (npm ci installs axe-core).")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    found = page.evaluate(
        """async ([tags, context]) => {
            const results = await axe.run(context || document, {runOnly: {type: "tag", values: tags}});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(" ")),
            }));
        }""",
        [list(tags), context],
    )
    return found


@pytest.fixture
def axe():
    """``axe(page)`` → the page's WCAG 2.1 AA violations (see ``axe_violations``)."""
    return axe_violations


def describe_violations(violations):
    """One line per violation, for an assertion message."""
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} → {', '.join(v['targets'][:5])}" for v in violations
    )
