"""Signals other parts of the archive listen to (the lineage keeps its families current)."""

from django.dispatch import Signal

# Sent on commit after a document's paragraphs were written or edited: `document_id`.
document_written = Signal()
