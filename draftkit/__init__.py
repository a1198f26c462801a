"""draftkit: compose resolutions and press releases from a clause library, publish DOCX and PDF."""

__version__ = "0.1.0"
