"""An upload handler that stops keeping a file once it passes MAX_UPLOAD_BYTES.

Django's own handlers keep every byte of an uploaded file (in memory, then in a temporary
file). This one, first in FILE_UPLOAD_HANDLERS, counts each file's bytes and swallows those past
the limit, so the file is never held whole; the form then refuses it by its size.
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import FileUploadHandler


class OversizedUpload(SimpleUploadedFile):
    """A file refused for its size: its name and how many bytes arrived, none of its content."""

    def __init__(self, name: str, size: int, content_type: str | None) -> None:
        super().__init__(name, b"", content_type)
        self.size = size


class SizeLimitHandler(FileUploadHandler):
    """Passes chunks on while a file is within MAX_UPLOAD_BYTES; past it, keeps only a count."""

    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received += len(raw_data)
        if self.received > settings.MAX_UPLOAD_BYTES:
            return None  # the handlers after this one never see the rest
        return raw_data

    def file_complete(self, file_size: int) -> OversizedUpload | None:
        if self.received > settings.MAX_UPLOAD_BYTES:
            return OversizedUpload(self.file_name, self.received, self.content_type)
        return None
