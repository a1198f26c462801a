"""The command line: a thin Typer layer over functions a library user can call directly."""
