"""The API's interactive documentation in a real browser, under the site's own CSP: Swagger UI
loads from the archive's static files (nothing from elsewhere), lists the operations and runs
one against the API."""

from __future__ import annotations

import pytest
from django.conf import settings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_swagger_ui_runs_under_the_strict_csp_from_local_files(chromium, live_server, screenshot):
    # No bypass_csp here (unlike the shared page fixtures): the policy must hold.
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    requests, problems = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    try:
        response = page.goto(f"{live_server.url}/api/v1/docs/")
        assert response.headers["content-security-policy"] == settings.CONTENT_SECURITY_POLICY
        page.locator(".opblock-summary-path", has_text="/api/v1/bodies/").first.wait_for()
        assert page.locator(".opblock").count() >= 14
        # Try an operation: open it, "Try it out", "Execute", read the answer's status.
        page.locator(".opblock-summary", has_text="/api/v1/bodies/").first.click()
        page.get_by_role("button", name="Try it out").click()
        page.get_by_role("button", name="Execute").click()
        page.locator(".live-responses-table .response-col_status", has_text="200").wait_for()
        screenshot(page, "api-docs")
    finally:
        context.close()
    assert problems == []
    assert requests and all(url.startswith(live_server.url) for url in requests), requests


def test_swagger_ui_fits_a_phone_and_names_its_language(phone_page, live_server, assert_clean):
    # Without a viewport declaration a phone lays the page out 980 px wide and shrinks it.
    page = phone_page
    page.goto(f"{live_server.url}/api/v1/docs/")
    page.locator(".opblock-summary-path", has_text="/api/v1/bodies/").first.wait_for()
    assert page.evaluate("window.innerWidth") == 375
    assert page.locator("html").get_attribute("lang") == "en"
    assert_clean(page)


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_swagger_ui_passes_axe_closed_open_and_answered(
    live_server, device, request, assert_clean, axe, screenshot
):
    # Swagger's own colours (white on light blue badges, grey parameter places, red numbers in
    # the answer) fall below 4.5:1; its choice lists, code samples and copy buttons lack names.
    page = request.getfixturevalue(f"{device}_page")
    page.goto(f"{live_server.url}/api/v1/docs/")
    operation = page.locator(".opblock-summary", has_text="/api/v1/search/").first
    operation.wait_for()
    assert axe(page) == []
    operation.click()
    page.locator(".opblock.is-open .parameters").first.wait_for()
    assert axe(page) == []
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    page.locator(".live-responses-table .response-col_status", has_text="200").wait_for()
    screenshot(page, f"api-docs-answered-{device}")
    assert axe(page) == []
    assert_clean(page)
