"""Shared browser fixtures: headless Debian Chromium through Playwright, screenshots, axe.

Tests here use pytest-django's `live_server`, so they need `pytest.mark.django_db(transaction=True)`
(tests/conftest.py puts the seeded rows back after each flush). Without /usr/bin/chromium they skip
with a plain message.
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
PHONE = {"width": 390, "height": 844}


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


@pytest.fixture
def desktop_page(chromium) -> Iterator[object]:
    """A fresh page at desktop width."""
    # bypass_csp: axe is injected as a script tag, which the site's CSP would block.
    context = chromium.new_context(viewport=DESKTOP, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def phone_page(chromium) -> Iterator[object]:
    """A fresh page at phone width, with touch."""
    context = chromium.new_context(viewport=PHONE, is_mobile=True, has_touch=True, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
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

    def check(page) -> list[dict]:
        page.add_script_tag(path=str(AXE_JS))
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
