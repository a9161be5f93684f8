"""The crawler against a fake UN Digital Library (respx): paging, back-off, resume, bad pages."""

from __future__ import annotations

import io

import httpx
import pytest
import respx
from django.core.management import call_command

from resolutions.catalogue.client import UndlClient
from resolutions.catalogue.crawl import build_query, crawl, default_query
from resolutions.catalogue.importer import ImportReport
from resolutions.catalogue.mapping import map_record
from resolutions.catalogue.marc import MARC_NS, RawRecord, RecordError, read_record, split_page
from resolutions.catalogue.models import CatalogueRecord, ImportRun, Vote
from resolutions.catalogue.rawstore import RawStore
from tests.catalogue.conftest import raw_records

pytestmark = pytest.mark.django_db

BASE = "https://library.test"
PAGE_SIZE = 20


class FakeTime:
    """A clock that only moves when the client sleeps; records every sleep."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def api_page(records: list[RawRecord], *, search_id: str, total: int) -> bytes:
    """A search API page: the cursor, the total, and the records as MARCXML."""
    body = b"\n".join(r.data for r in records)
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<response><search_id>%s</search_id>'
        b'<total>%d</total><collection xmlns="%s">\n%s\n</collection></response>'
        % (search_id.encode(), total, MARC_NS.encode(), body)
    )


class FakeLibrary:
    """Serves records in pages by search_id; scripted failures by request number."""

    def __init__(
        self, records: list[RawRecord], *, failures: dict[int, httpx.Response] | None = None
    ):
        self.records = records
        self.failures = failures or {}
        self.requests: list[httpx.Request] = []
        self.times: list[float] = []
        self.kill_at: int | None = None
        self.time: FakeTime | None = None

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.time:
            self.times.append(self.time.now)
        number = len(self.requests)
        if number == self.kill_at:
            raise KeyboardInterrupt  # the process is killed while waiting for this page
        if number in self.failures:
            return self.failures[number]
        cursor = request.url.params.get("search_id", "")
        page = int(cursor.removeprefix("c")) if cursor else 0
        chunk = self.records[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        return httpx.Response(
            200,
            content=api_page(chunk, search_id=f"c{page + 1}", total=len(self.records)),
            headers={"Content-Type": "application/xml"},
        )


@pytest.fixture
def records() -> list[RawRecord]:
    return raw_records("undl-mixed-184.xml.xz")[:60]


@pytest.fixture
def store(tmp_path) -> RawStore:
    return RawStore(tmp_path / "raw")


def run_crawl(library: FakeLibrary, store: RawStore, *, query: str = "trafficking", **kwargs):
    fake_time = FakeTime()
    library.time = fake_time
    report = ImportReport()
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.get("/api/v1/search").mock(side_effect=library)
        client = UndlClient(
            base_url=BASE, token="secret", sleep=fake_time.sleep, clock=fake_time.clock
        )
        result = crawl(client, store, query, report=report, **kwargs)
    return result, report, fake_time


def test_pages_are_followed_by_cursor_kept_raw_and_imported(records, store):
    library = FakeLibrary(records)
    result, report, _ = run_crawl(library, store)
    assert [r.url.params.get("search_id", "") for r in library.requests] == ["", "c1", "c2", "c3"]
    assert all(r.headers["Authorization"] == "Token secret" for r in library.requests)
    assert (result.pages, result.records) == (3, 60)
    assert store.count() == 60  # every record kept, imported or not
    assert report.counts["new"] + report.counts["failed"] == 60
    assert CatalogueRecord.objects.count() + Vote.objects.count() == report.counts["new"]
    assert store.load_cursor("trafficking") is None  # finished: nothing to resume


def test_requests_keep_the_crawl_delay(records, store):
    library = FakeLibrary(records)
    run_crawl(library, store)
    gaps = [b - a for a, b in zip(library.times, library.times[1:], strict=False)]
    assert gaps and min(gaps) >= 5.0


def test_429_waits_what_retry_after_says_then_succeeds(records, store):
    library = FakeLibrary(records, failures={2: httpx.Response(429, headers={"Retry-After": "17"})})
    result, _report, fake_time = run_crawl(library, store)
    assert 17.0 in fake_time.sleeps
    assert result.records == 60 and store.count() == 60
    assert [r.url.params.get("search_id", "") for r in library.requests][:3] == ["", "c1", "c1"]


def test_a_502_in_the_middle_backs_off_and_loses_nothing(records, store):
    library = FakeLibrary(records, failures={3: httpx.Response(502), 4: httpx.Response(503)})
    result, _, fake_time = run_crawl(library, store)
    assert result.records == 60
    backoffs = [s for s in fake_time.sleeps if s >= 5.0]
    assert len(backoffs) >= 2 and backoffs[-1] >= backoffs[0]


def test_a_server_that_keeps_failing_gives_up_with_the_cursor_kept(records, store):
    failures = {n: httpx.Response(502) for n in range(2, 20)}
    library = FakeLibrary(records, failures=failures)
    with pytest.raises(httpx.HTTPError):
        run_crawl(library, store)
    assert store.load_cursor("trafficking")["cursor"] == "c1"


def test_a_malformed_record_is_reported_and_kept_raw_and_the_page_goes_on(records, store):
    broken = RawRecord(
        records[25].record_id, records[25].data.replace(b"</datafield>", b"</datafeld>", 1)
    )
    library = FakeLibrary([*records[:25], broken, *records[26:]])
    _, report, _ = run_crawl(library, store)
    issue = next(i for i in report.issues if i.record_id == broken.record_id)
    assert issue.reason.startswith("malformed XML")
    assert store.count() == 60
    kept = {r.record_id: r.data for r in store.records()}
    assert kept[broken.record_id] == broken.data  # stored before anything read it


def test_a_killed_crawl_resumes_from_its_cursor(records, store):
    library = FakeLibrary(records)
    library.kill_at = 3  # killed while fetching the third page
    with pytest.raises(KeyboardInterrupt):
        run_crawl(library, store)
    assert store.load_cursor("trafficking") == {
        "query": "trafficking",
        "cursor": "c2",
        "records": 40,
    }
    imported = CatalogueRecord.objects.count()
    resumed = FakeLibrary(records)
    result, _report, _ = run_crawl(resumed, store)
    assert result.resumed_from == "c2"
    assert [r.url.params.get("search_id", "") for r in resumed.requests] == ["c2", "c3"]
    assert CatalogueRecord.objects.count() > imported
    assert store.count() == 60 and result.records == 60


def test_a_dry_run_keeps_raw_records_but_writes_nothing(records, store):
    library = FakeLibrary(records)
    _, report, _ = run_crawl(library, store, dry_run=True)
    assert store.count() == 60 and report.counts["new"] > 0
    assert not CatalogueRecord.objects.exists()


def test_the_command_crawls_and_then_rebuilds_from_the_raw_store(records, tmp_path, monkeypatch):
    monkeypatch.setenv("UNDL_TOKEN", "secret")
    library = FakeLibrary(records)
    out = io.StringIO()
    with respx.mock(base_url=BASE, assert_all_called=False) as router:
        router.get("/api/v1/search").mock(side_effect=library)
        call_command(
            "import_undl",
            "trafficking",
            "--delay",
            "0",
            "--base-url",
            BASE,
            "--raw-store",
            str(tmp_path / "raw"),
            stdout=out,
            stderr=io.StringIO(),
        )
    first = out.getvalue()
    assert "Catalogue import" in first and "new" in first
    assert "no document symbol (191 $a)" in first
    count = CatalogueRecord.objects.count()
    CatalogueRecord.objects.all().delete()
    out = io.StringIO()
    # No network: respx is off, and the base URL does not resolve.
    call_command(
        "import_undl",
        "--from-raw",
        "--raw-store",
        str(tmp_path / "raw"),
        stdout=out,
        stderr=io.StringIO(),
    )
    assert CatalogueRecord.objects.count() == count
    assert ImportRun.objects.count() == 2
    assert ImportRun.objects.first().issues.exists()


def test_queries_and_the_documented_default():
    query = build_query(series=["E/CN.15/"], subjects=["CORRUPTION"], date_from="2010-01-01")
    assert query == '(191__a:"E/CN.15/*") AND (650__a:"CORRUPTION") AND 992:2010-01-01->9999-12-31'
    field = default_query()
    for part in (
        '191__a:"E/CN.15/*"',
        '191__a:"E/CN.7/*"',
        '191__a:"CTOC/COP/*"',
        '191__a:"CAC/COSP/*"',
        '191__a:"S/RES/*"',
        '650__a:"TERRORISM"',
        '650__a:"TRAFFICKING IN PERSONS"',
        '(989__a:"Voting Data" AND (791__a:"A/RES/*"',
        "991__d:'CRIME'",
    ):
        assert part in field
    assert build_query() == field
    assert build_query(since="2024-05-01").endswith("005:20240501->99999999")


def test_the_command_fetches_texts_when_asked(tmp_path, monkeypatch, settings):
    from tests.catalogue.test_texts import RESOLUTION_LINES
    from tests.test_upload import pdf_bytes

    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setenv("UNDL_TOKEN", "secret")
    library = FakeLibrary(raw_records("A_RES_63_156.xml"))
    pdf = pdf_bytes(RESOLUTION_LINES)
    out = io.StringIO()
    with respx.mock(assert_all_called=False) as router:
        router.get(f"{BASE}/api/v1/search").mock(side_effect=library)
        router.get("https://digitallibrary.un.org/record/644016/files/A_RES_63_156-EN.pdf").mock(
            return_value=httpx.Response(200, content=pdf)
        )
        call_command(
            "import_undl", "--texts", "--delay", "0", "--base-url", BASE,
            "--raw-store", str(tmp_path / "raw"), stdout=out, stderr=io.StringIO(),
        )  # fmt: skip
    assert "1 new, 0 updated, 0 unchanged, 0 failed, 1 text updated" in out.getvalue()
    document = CatalogueRecord.objects.get(record_id=644016).document
    assert document.paragraphs.count() > 3
    assert (tmp_path / "raw" / "files" / "644016" / "A_RES_63_156-EN.pdf").exists()


def test_since_imports_only_records_changed_since_and_keeps_all_raw(records, store):
    from resolutions.catalogue.crawl import MODIFIED_RE

    changed = {r.record_id for r in records if MODIFIED_RE.search(r.data)[1].decode() >= "20220101"}
    assert 0 < len(changed) < 60
    _, report, _ = run_crawl(FakeLibrary(records), store, since="2022-01-01")
    assert store.count() == 60
    assert report.counts["new"] + report.counts["failed"] == len(changed)
    imported = {str(i) for i in CatalogueRecord.objects.values_list("record_id", flat=True)}
    imported |= {str(i) for i in Vote.objects.values_list("record_id", flat=True)}
    assert imported <= changed


def oai_answer(inner: bytes) -> bytes:
    """An OAI-PMH GetRecord answer around `inner` (a MARCXML record, or an <error>)."""
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2026-01-01T00:00:00Z'
        b'</responseDate><request verb="GetRecord">https://library.test/oai2d</request>%s'
        b"</OAI-PMH>" % inner
    )


def test_a_single_record_comes_over_oai_pmh_get_record():
    [raw] = raw_records("A_RES_63_156.xml")
    wrapped = oai_answer(
        b"<GetRecord><record><header><identifier>oai:digitallibrary.un.org:%s</identifier>"
        b"</header><metadata>%s</metadata></record></GetRecord>"
        % (
            raw.record_id.encode(),
            raw.data.replace(b"<record>", b'<record xmlns="%s">' % MARC_NS.encode(), 1),
        )
    )
    unknown = oai_answer(b'<error code="idDoesNotExist">No matching identifier</error>')
    with respx.mock(base_url=BASE) as router:
        route = router.get("/oai2d").mock(
            side_effect=[httpx.Response(200, content=wrapped), httpx.Response(200, content=unknown)]
        )
        client = UndlClient(base_url=BASE, delay=0)
        [single] = split_page(client.record(int(raw.record_id))).records
        with pytest.raises(RecordError, match="answered idDoesNotExist: No matching identifier"):
            client.record(1)
    assert dict(route.calls[0].request.url.params) == {
        "verb": "GetRecord",
        "metadataPrefix": "marcxml",
        "identifier": f"oai:digitallibrary.un.org:{raw.record_id}",
    }
    record, _ = read_record(single)
    assert single.record_id == raw.record_id
    assert map_record(record).symbol == "A/RES/63/156"
