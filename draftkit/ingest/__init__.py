"""Reading resolutions from Word files into a project (``draftkit import``): the package
checks (``package``), WordprocessingML → runs (``reader``), runs → markup (``markup``),
the parts of a resolution (``structure``), notes → sources (``sources``), and the plan and
its files (``importer``)."""

from draftkit.ingest.importer import ImportResult, Row, import_docx, plan_import

__all__ = ["ImportResult", "Row", "import_docx", "plan_import"]
