"""A reader in a real browser downloads an uploaded HTML original: none of its script ever runs.

Each layer is checked on its own by taking the ones before it off the response in the browser:
the download (Content-Disposition), then the plain-text type, then the sandbox policy. A last
case takes all three off and sees the script run, so the check can tell.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from test_original_file import BEACON, hostile_page

from resolutions.models import Document

# Fixtures chromium, screenshot: tests/browser/conftest.py.

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def html_original(settings, tmp_path) -> tuple[Document, bytes]:
    """A published resolution ingested from a hostile HTML page."""
    settings.MEDIA_ROOT = tmp_path / "media"
    path = tmp_path / "ga-69-196.html"
    path.write_bytes(hostile_page())
    call_command("ingest", str(path))
    return Document.objects.get(original_filename=path.name), path.read_bytes()


@pytest.fixture
def page(chromium):
    """A page with the site's own Content-Security-Policy in force (no bypass)."""
    context = chromium.new_context(accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def beacons(page) -> list[str]:
    """Requests the original's script would make, recorded as they happen."""
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url) if BEACON in request.url else None)
    return seen


def test_the_download_link_saves_the_original_unchanged(live_server, html_original, page):
    document, original = html_original
    seen = beacons(page)
    page.goto(live_server.url + document.get_absolute_url())

    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile("Download the original file")).click()

    download = info.value
    assert download.suggested_filename == "ga-69-196.html"
    assert Path(download.path()).read_bytes() == original
    page.wait_for_timeout(300)
    assert seen == []


@pytest.mark.parametrize(
    ("removed", "script_runs"),
    [
        ({"content-disposition"}, False),
        ({"content-disposition", "content-type"}, False),
        ({"content-disposition", "content-type", "content-security-policy"}, True),
    ],
    ids=["shown as text", "shown as html in the sandbox", "control: no protection"],
)
def test_shown_in_the_browser_anyway_the_original_runs_no_script(
    live_server, html_original, page, screenshot, removed, script_runs
):
    document, _ = html_original
    url = live_server.url + reverse("resolutions:original", args=[document.pk])

    def strip(route) -> None:
        response = route.fetch()
        headers = {k: v for k, v in response.headers.items() if k.lower() not in removed}
        if "content-type" in removed:
            headers["content-type"] = "text/html; charset=utf-8"
        route.fulfill(response=response, headers=headers)

    page.route(url, strip)
    seen = beacons(page)
    page.goto(url)
    page.wait_for_timeout(500)

    assert bool(seen) is script_runs
    if not script_runs:
        screenshot(page, f"original-{len(removed)}-layers-off")
