"""Public pages, one module per area: documents and entity pages, search."""
