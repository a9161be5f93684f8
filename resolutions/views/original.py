"""The original file of a published document, as it was ingested."""

from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404

from ..selectors import published_documents


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
    return FileResponse(handle, as_attachment=True, filename=filename)
