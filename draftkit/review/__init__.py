"""``draftkit review``: what reviewers changed in a DOCX draftkit wrote, clause by clause."""
