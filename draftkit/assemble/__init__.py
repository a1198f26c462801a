"""Assembly: document spec + library → template → draftkit XML → document model."""

from draftkit.assemble.assembler import assemble

__all__ = ["assemble"]
