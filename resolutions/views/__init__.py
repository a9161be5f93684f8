"""Public pages, one module per area: documents, entity pages, search."""
