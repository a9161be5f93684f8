"""The raw store: every record exactly as received, gzipped, before anything reads it.

`import_undl --from-raw` rebuilds the catalogue from here without the network. Layout under the
root (UNDL_RAW_STORE, default `undl-raw/` in the project, git-ignored):

    records/<record id>.xml.gz        one MARCXML record as received
    records/_<sha256>.xml.gz          a record without a readable id
    files/<record id>/<file name>     the PDFs fetched for a record
    cursors/<sha256 of query>.json    where a crawl stopped: {"query", "cursor", "records"}
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

from .marc import RawRecord


def default_root() -> Path:
    """The raw store's folder: UNDL_RAW_STORE, else undl-raw/ in the project."""
    return Path(os.environ.get("UNDL_RAW_STORE") or Path(settings.BASE_DIR) / "undl-raw")


def write_atomically(path: Path, data: bytes) -> None:
    """Write a file whole or not at all (a kill mid-write leaves the old file or none)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".part") as tmp:
        tmp.write(data)
    os.replace(tmp.name, path)


class RawStore:
    """Raw records, fetched files and crawl cursors on disk."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root else default_root()

    def record_path(self, raw: RawRecord) -> Path:
        """Where a raw record is kept."""
        name = raw.record_id or f"_{hashlib.sha256(raw.data).hexdigest()}"
        return self.root / "records" / f"{name}.xml.gz"

    def put(self, raw: RawRecord) -> Path:
        """Keep a raw record (replacing an older copy of the same id)."""
        path = self.record_path(raw)
        write_atomically(path, gzip.compress(raw.data, mtime=0))
        return path

    def records(self) -> Iterator[RawRecord]:
        """Every kept record, by record id."""
        folder = self.root / "records"
        paths = sorted(folder.glob("*.xml.gz"), key=lambda p: (len(p.name), p.name))
        for path in paths:
            record_id = path.name.removesuffix(".xml.gz")
            yield RawRecord(
                record_id="" if record_id.startswith("_") else record_id,
                data=gzip.decompress(path.read_bytes()),
            )

    def count(self) -> int:
        """How many records are kept."""
        folder = self.root / "records"
        return sum(1 for _ in folder.glob("*.xml.gz")) if folder.exists() else 0

    def put_file(self, record_id: int, name: str, data: bytes) -> Path:
        """Keep a file fetched for a record (a PDF)."""
        path = self.root / "files" / str(record_id) / Path(name).name
        write_atomically(path, data)
        return path

    def cursor_path(self, query: str) -> Path:
        """Where a query's crawl cursor is kept."""
        digest = hashlib.sha256(query.encode("utf-8")).hexdigest()[:32]
        return self.root / "cursors" / f"{digest}.json"

    def load_cursor(self, query: str) -> dict | None:
        """The saved position of a crawl of this query, if any."""
        path = self.cursor_path(query)
        if not path.exists():
            return None
        return json.loads(path.read_text(encoding="utf-8"))

    def save_cursor(self, query: str, state: dict) -> None:
        """Save a crawl's position after a page is stored and imported."""
        data = json.dumps({"query": query, **state}, ensure_ascii=False).encode("utf-8")
        write_atomically(self.cursor_path(query), data)

    def clear_cursor(self, query: str) -> None:
        """Forget a finished crawl's position."""
        self.cursor_path(query).unlink(missing_ok=True)
