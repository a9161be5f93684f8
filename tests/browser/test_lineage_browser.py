"""A researcher follows a paragraph's lineage and compares a draft with its adopted text, in a
real browser with the site's CSP; diffs read without colour. Screenshots go to test-artifacts/."""

from __future__ import annotations

from pathlib import Path

import pytest

from resolutions.ingest import ingest_file

# Fixtures chromium, desktop_page, screenshot, axe: tests/browser/conftest.py.

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXTS = Path(__file__).parents[1] / "lineage" / "data" / "texts"


@pytest.fixture
def archive(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Real commits here: ingest's on-commit lineage matching runs as in production.
    return {
        stem: ingest_file(TEXTS / f"{stem}.txt").document
        for stem in ("A_RES_78_37", "A_RES_79_26", "A_C.1_80_L.8", "A_RES_80_29")
    }


def test_follow_a_paragraph_to_its_lineage_and_compare_versions(
    live_server, chromium, archive, screenshot
):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else None)
    page.goto(live_server.url + archive["A_RES_80_29"].get_absolute_url())
    line = page.locator("#op2 .lineage-line a")
    assert line.inner_text() == "First adopted in A/RES/78/37 (2023) · 4 versions"
    line.click()
    page.wait_for_selector(".lineage-timeline")
    deleted = page.locator(".lineage-timeline del").first
    assert "Conference on" in deleted.inner_text()
    assert "line-through" in deleted.evaluate("e => getComputedStyle(e).textDecorationLine")
    inserted = page.locator(".lineage-timeline ins").first
    assert "underline" in inserted.evaluate("e => getComputedStyle(e).textDecorationLine")
    screenshot(page, "lineage-family")
    page.goto(live_server.url + archive["A_RES_80_29"].get_absolute_url())
    page.get_by_role("link", name="Compare with the draft A/C.1/80/L.8").click()
    page.wait_for_selector(".compare-table")
    summary = page.locator(".compare-summary").inner_text().lower().split()
    assert summary == [
        "unchanged",
        "13",
        "changed",
        "0",
        "moved",
        "0",
        "added",
        "0",
        "removed",
        "0",
    ]
    screenshot(page, "lineage-compare")
    assert blocked == []
    context.close()


def test_lineage_pages_have_no_serious_accessibility_violations(
    live_server, desktop_page, archive, axe, screenshot
):
    draft, adopted = archive["A_C.1_80_L.8"], archive["A_RES_79_26"]
    for name, path in (
        ("compare-revision", f"/language/compare/{adopted.pk}/{draft.pk}/"),
        ("trace", "/language/trace/?q=to+seek+the+views+of+Member+States+on+the+subject"),
        ("commitments", "/language/commitments/"),
        ("mandates", "/language/mandates/"),
    ):
        desktop_page.goto(live_server.url + path)
        screenshot(desktop_page, f"lineage-{name}")
        assert axe(desktop_page) == [], path


def test_wide_tables_on_a_phone_scroll_instead_of_breaking_words(
    live_server, archive, phone_page, assert_clean, axe, split_words
):
    page = phone_page
    for url in ("/language/commitments/", "/language/mandates/"):
        page.goto(live_server.url + url)
        assert page.locator(".table-scroll table").count() == 1, url
        assert split_words(page) == [], url
        assert axe(page) == [], url
        assert_clean(page)
