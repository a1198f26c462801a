"""The formatting styles a document can ask for (see ``apply_style`` in assemble/transforms):
``plain`` leaves punctuation as written, ``un`` sets it as UN resolutions do.

A module of its own so that reading ``draftkit.toml`` does not load the clause library."""

STYLES = ("plain", "un")
