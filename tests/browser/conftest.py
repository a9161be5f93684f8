"""Shared browser fixtures: headless Debian Chromium through Playwright, screenshots, axe.

Tests here use pytest-django's `live_server`, so they need `pytest.mark.django_db(transaction=True)`
(tests/conftest.py puts the seeded rows back after each flush). Without /usr/bin/chromium they skip
with a plain message.

Pages run as in production: the site's own middleware and Content-Security-Policy, never bypassed,
so an inline style or script the policy blocks fails a test. Each page records what went wrong in
`page.problems` (console errors, uncaught exceptions, CSP violations); the `assert_clean` fixture
checks it, and that nothing scrolls sideways.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
# Runs before the page's own scripts (Playwright injects it outside the page's CSP): a blocked
# inline style or script fires `securitypolicyviolation`, reported here as a console error.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    """A headless Chromium for the module's tests (skips when it is not installed)."""
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: browser tests skipped")
    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API runs an event loop; the tests' ORM calls are still synchronous.
    with (
        pytest.MonkeyPatch.context() as patch,
        sync_api.sync_playwright() as playwright,
    ):
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


def watched_page(context) -> object:
    """A new page of `context` whose console errors, exceptions and CSP violations are recorded."""
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(15_000)
    problems: list[str] = []
    page.on(
        "console",
        lambda message: (
            problems.append(f"console {message.type}: {message.text}")
            if message.type == "error" or "Content Security Policy" in message.text
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))
    page.on(
        "response",
        lambda response: (
            problems.append(f"HTTP {response.status}: {response.url}")
            if response.status >= 400 and response.request.resource_type != "document"
            else None
        ),
    )
    page.problems = problems
    return page


def check_clean(page) -> None:
    """No console error, uncaught exception or CSP violation so far, and no sideways scrolling."""
    assert page.problems == []
    width = page.evaluate("() => document.scrollingElement.scrollWidth")
    # The viewport asked for: a phone's window.innerWidth grows to fit content that overflows.
    viewport = page.viewport_size["width"]
    assert width <= viewport, f"{page.url} is {width}px wide in a {viewport}px viewport"


@pytest.fixture
def assert_clean() -> Callable[[object], None]:
    """assert_clean(page): no console error, exception or CSP violation, no sideways scrolling."""
    return check_clean


# Each word of a table cell split over two lines (hyphens may break a line: not within words).
SPLIT_WORDS = """() => {
  const split = [];
  for (const cell of document.querySelectorAll('th, td')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/[^\\s-]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        if (new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1)
          split.push(match[0]);
      }
    }
  }
  return split;
}"""


@pytest.fixture
def split_words() -> Callable[[object], list[str]]:
    """split_words(page): the words of table cells that the page breaks over two lines."""
    return lambda page: page.evaluate(SPLIT_WORDS)


@pytest.fixture
def desktop_page(chromium) -> Iterator[object]:
    """A fresh page at desktop width, with the site's CSP enforced."""
    context = chromium.new_context(viewport=DESKTOP, accept_downloads=True)
    yield watched_page(context)
    context.close()


@pytest.fixture
def phone_page(chromium) -> Iterator[object]:
    """A fresh page 375 px wide, with touch and the site's CSP enforced."""
    context = chromium.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, accept_downloads=True
    )
    yield watched_page(context)
    context.close()


@pytest.fixture
def screenshot() -> Callable[[object, str], Path]:
    """screenshot(page, "name") saves a full-page PNG under test-artifacts/ (git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)

    def take(page, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def axe() -> Callable[[object], list[dict]]:
    """axe(page) runs axe-core in the page and returns its serious and critical violations.

    Skips with a message when node_modules/axe-core is missing (`npm install` provides it).
    """
    if not AXE_JS.exists():
        pytest.skip(f"axe-core not installed ({AXE_JS} missing): run `npm install`")

    source = AXE_JS.read_text()

    def check(page) -> list[dict]:
        # Evaluated by the browser's debugging protocol, which the page's CSP does not govern:
        # a <script> tag would need the policy loosened for the test.
        page.evaluate(source)
        result = page.evaluate("async () => await axe.run(document)")
        return [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [n["target"] for n in v["nodes"]][:5],
            }
            for v in result["violations"]
            if v["impact"] in {"serious", "critical"}
        ]

    return check
