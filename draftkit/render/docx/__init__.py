"""The DOCX writer (``writer``) over a small OOXML layer (``oxml``) python-docx lacks."""
