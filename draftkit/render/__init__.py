"""Writers: each reads the document model and produces one format."""
