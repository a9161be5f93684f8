"""Paragraph lineage: families of paragraphs with the same wording, across documents and years."""
