"""The original file of a published document, as it was ingested.

Originals are kept byte for byte (their checksum is the document's provenance), so an uploaded
HTML file may hold script. It is never shown as a page of the archive: every original is a
download, markup types are labelled plain text, and a sandbox policy forbids script and every
fetch should a browser render it anyway.
"""

from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from ..selectors import published_documents

# Types a browser runs script in; their originals are sent as text/plain.
MARKUP_TYPES = frozenset(
    {"text/html", "application/xhtml+xml", "image/svg+xml", "text/xml", "application/xml"}
)
# Replaces the site's policy (archive.middleware keeps a header a view has set).
ORIGINAL_POLICY = "sandbox; default-src 'none'"


@require_safe
def original_file(request: HttpRequest, pk: int) -> FileResponse:
    """Download a published document's original file under its original name."""
    document = get_object_or_404(published_documents(), pk=pk)
    if not document.original_file:
        raise Http404("This document has no original file.")
    try:
        handle = document.original_file.open("rb")
    except FileNotFoundError:
        raise Http404("The original file is missing from storage.") from None
    filename = document.original_filename or document.original_file.name.rpartition("/")[2]
    response = FileResponse(handle, as_attachment=True, filename=filename)
    if response["Content-Type"].partition(";")[0].strip() in MARKUP_TYPES:
        response["Content-Type"] = "text/plain"
    response["Content-Security-Policy"] = ORIGINAL_POLICY
    return response
