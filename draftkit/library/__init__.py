"""The clause library: clauses, footnote sources and document specs, loaded and validated."""
