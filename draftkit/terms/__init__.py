"""Term bases: one approved term per concept and language, and the variants to avoid.

A project keeps them as TBX files (TermBase eXchange, ISO 30042), ``terms/*.tbx`` unless
``[i18n] terms`` in ``draftkit.toml`` names others. :mod:`draftkit.terms.tbx` reads and
writes them, :mod:`draftkit.terms.match` finds a term in a text (English on word
boundaries, Russian on Snowball stems, Kyrgyz as a prefix of a word), and
:mod:`draftkit.terms.review` says what a translation does with the terms of its source.
"""
