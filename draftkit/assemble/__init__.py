"""Assembly: a kind's template and context → draftkit XML → document model → transforms."""

from draftkit.assemble.assembler import TemplateChoice, assemble

__all__ = ["TemplateChoice", "assemble"]
