"""A polite client of the UN Digital Library (httpx, with tenacity for retries).

It keeps the library's crawl delay between any two requests, backs off on 429 and 5xx (and on
connection errors), honouring Retry-After, and pages a search with the API's `search_id`
cursor so that a crawl can resume where it stopped. It only fetches bytes: storing them is the
raw store's job, reading them the importer's.

What the client assumes of the library, and how far it is checked (docs/catalogue.md, "What is
verified of the live API"): `GET /api/v1/search?p=QUERY&format=xml[&search_id=CURSOR]` with
`Authorization: Token T` answers XML holding `<total>`, `<search_id>` (the next page's cursor)
and a MARCXML `<collection>`; a page with no records ends the search. Without a token, the older
export `/search?p=QUERY&of=xm&rg=200&jrec=N` pages by offset. A single record comes over OAI-PMH:
`/oai2d?verb=GetRecord&metadataPrefix=marcxml&identifier=oai:digitallibrary.un.org:ID`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

import httpx
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential,
)

from .marc import oai_record

DEFAULT_BASE_URL = "https://digitallibrary.un.org"
# The library asks for 5 seconds between requests.
CRAWL_DELAY = 5.0
EXPORT_PAGE_SIZE = 200
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_ATTEMPTS = 6
MAX_RETRY_AFTER = 600.0
SEARCH_ID_RE = re.compile(rb"<search_id>\s*([^<\s]+)\s*</search_id>")
TOTAL_RE = re.compile(rb"<total>\s*(\d+)\s*</total>|Search-Engine-Total-Number-Of-Results:\s*(\d+)")
RECORD_COUNT_RE = re.compile(rb"<(?:\w+:)?record\b")
OAI_PATH = "/oai2d"
OAI_IDENTIFIER = "oai:digitallibrary.un.org:{}"
USER_AGENT = "un-resolutions-archive (catalogue import; polite crawler)"


class RetryableResponse(httpx.HTTPStatusError):
    """A response worth retrying (429, 5xx), with the server's Retry-After in seconds."""

    def __init__(self, response: httpx.Response) -> None:
        super().__init__(
            f"HTTP {response.status_code} from {response.request.url}",
            request=response.request,
            response=response,
        )
        self.status_code = response.status_code
        self.retry_after = retry_after_seconds(response.headers.get("Retry-After"))


def retry_after_seconds(value: str | None) -> float | None:
    """Retry-After in seconds (the header may also be an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, min(moment.timestamp() - time.time(), MAX_RETRY_AFTER))


def is_retryable(exc: BaseException) -> bool:
    """429/5xx responses and transport errors (timeouts, resets) are retried."""
    return isinstance(exc, RetryableResponse | httpx.TransportError)


class WaitRetryAfter:
    """Wait what the server's Retry-After says, else back off exponentially."""

    def __init__(self) -> None:
        self.backoff = wait_exponential(multiplier=CRAWL_DELAY, min=CRAWL_DELAY, max=300)

    def __call__(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, RetryableResponse) and exc.retry_after is not None:
            return exc.retry_after
        return self.backoff(state)


@dataclass(frozen=True)
class Page:
    """A page of search results: its MARCXML, the cursor of the next page, the total if said."""

    data: bytes
    cursor: str
    total: int | None
    records: int


class UndlClient:
    """Requests to the UN Digital Library, one at a time, at least `delay` seconds apart."""

    def __init__(
        self,
        *,
        base_url: str = DEFAULT_BASE_URL,
        token: str = "",
        delay: float = CRAWL_DELAY,
        max_attempts: int = MAX_ATTEMPTS,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        headers = {"User-Agent": USER_AGENT}
        if token:
            headers["Authorization"] = f"Token {token}"
        self.http = httpx.Client(
            base_url=base_url,
            headers=headers,
            timeout=httpx.Timeout(60.0, connect=20.0),
            follow_redirects=True,
            transport=transport,
        )
        self.token = token
        self.delay = delay
        self.max_attempts = max_attempts
        self.sleep = sleep
        self.clock = clock
        self.last_request: float | None = None

    def close(self) -> None:
        """Close the connection pool."""
        self.http.close()

    def wait_turn(self) -> None:
        """Sleep until `delay` seconds have passed since the previous request."""
        if self.last_request is not None:
            remaining = self.last_request + self.delay - self.clock()
            if remaining > 0:
                self.sleep(remaining)
        self.last_request = self.clock()

    def get(self, url: str, *, params: dict[str, str | int] | None = None) -> httpx.Response:
        """GET with the crawl delay, retrying 429/5xx and transport errors; raises the last."""
        retrying = Retrying(
            retry=retry_if_exception(is_retryable),
            wait=WaitRetryAfter(),
            stop=stop_after_attempt(self.max_attempts),
            sleep=self.sleep,
            reraise=True,
        )
        for attempt in retrying:
            with attempt:
                self.wait_turn()
                response = self.http.get(url, params=params)
                if response.status_code in RETRY_STATUSES:
                    raise RetryableResponse(response)
                response.raise_for_status()
        return response

    def search(self, query: str, *, cursor: str = "") -> Iterator[Page]:
        """The pages of a search, from `cursor` on (the API's search_id, or the export's offset)."""
        if self.token:
            yield from self.search_api(query, cursor=cursor)
        else:
            yield from self.search_export(query, start=int(cursor or 1))

    def search_api(self, query: str, *, cursor: str = "") -> Iterator[Page]:
        """Pages of the token API, each naming the next by its search_id."""
        while True:
            params: dict[str, str | int] = {"p": query, "format": "xml"}
            if cursor:
                params["search_id"] = cursor
            response = self.get("/api/v1/search", params=params)
            data = response.content
            records = len(RECORD_COUNT_RE.findall(data))
            if records == 0:
                return
            match = SEARCH_ID_RE.search(data)
            following = match[1].decode() if match else response.headers.get("X-Search-Id", "")
            yield Page(data=data, cursor=following, total=total_of(data), records=records)
            if not following or following == cursor:
                return
            cursor = following

    def search_export(self, query: str, *, start: int = 1) -> Iterator[Page]:
        """Pages of the older export (of=xm), 200 records each, by offset."""
        while True:
            response = self.get(
                "/search", params={"p": query, "of": "xm", "rg": EXPORT_PAGE_SIZE, "jrec": start}
            )
            data = response.content
            records = len(RECORD_COUNT_RE.findall(data))
            if records == 0:
                return
            start += records
            yield Page(data=data, cursor=str(start), total=total_of(data), records=records)
            if records < EXPORT_PAGE_SIZE:
                return

    def record(self, record_id: int) -> bytes:
        """One record over OAI-PMH GetRecord, as a one-record MARCXML page (RecordError when the
        repository answers an OAI error, such as an unknown id)."""
        answer = self.get(
            OAI_PATH,
            params={
                "verb": "GetRecord",
                "metadataPrefix": "marcxml",
                "identifier": OAI_IDENTIFIER.format(record_id),
            },
        )
        return oai_record(answer.content)

    def download(self, url: str) -> bytes:
        """A file (a PDF) of a record."""
        return self.get(url).content


def total_of(data: bytes) -> int | None:
    """The number of results a page says the search has, if it says."""
    match = TOTAL_RE.search(data)
    if not match:
        return None
    return int(match[1] or match[2])
