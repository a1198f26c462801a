"""Text shown by ``draftkit clauses show``."""

from __future__ import annotations

from draftkit.library.clauses import Clause, SubItem
from draftkit.project import Project


def _items(items: list[SubItem], depth: int = 1) -> list[str]:
    lines = []
    for index, item in enumerate(items, start=1):
        label = chr(ord("a") + index - 1) if depth == 1 else str(index)
        lines.append("    " * depth + f"({label}) {item.text.source}")
        lines.extend(_items(item.items, depth + 1))
    return lines


def show_clause(project: Project, clause: Clause) -> str:
    lines = [
        f"{clause.id}  ({clause.kind})",
        f"defined at {project.relative(clause.path)}:{clause.line}",
    ]
    if clause.title:
        lines.append(f"title: {clause.title}")
    if clause.tags:
        lines.append("tags: " + ", ".join(clause.tags))
    lines.append("")
    lines.append((f"[{clause.lead.source}] " if clause.lead.source else "") + clause.text.source)
    lines.extend(_items(clause.items))
    if clause.params:
        lines.append("")
        lines.append("parameters:")
        for param in clause.params.values():
            default = f" (default: {param.default})" if param.default is not None else " (required)"
            lines.append(f"  {{{param.name}}}{default}" + (f": {param.help}" if param.help else ""))
    refs = clause.note_refs()
    if refs:
        lines.append("")
        lines.append("notes:")
        for ref, _line in refs:
            source = project.library.sources.get(ref.source)
            where = source.url or source.title if source else "UNKNOWN SOURCE"
            lines.append(f"  [{ref.series}] {ref.source}: {where}")
    if clause.note:
        lines.append("")
        lines.append(f"drafting note: {clause.note}")
    return "\n".join(lines)
