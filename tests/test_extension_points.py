"""The extension points, used as a third-party package would: a writer, a document kind and
a locale profile declared in an installed distribution's entry points, and nothing of
draftkit's own code touched. The CLI runs in a subprocess with the package on its path."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.cli.helpers import env, make_project

PLUGIN = '''\
"""A toy plug-in: plain-text output, a communiqué kind, a Kazakh profile."""
from dataclasses import dataclass

from draftkit.locale import LocaleProfile
from draftkit.model.nodes import DocumentMeta, plain_text
from draftkit.pipeline.kinds import DocumentKind
from draftkit.render.writers import Writer
from draftkit.yamlfile import load_yaml


def write_text(document, context):
    lines = [plain_text(block.content) for block in document.blocks]
    for block in document.blocks:
        lines += [f"{item.label} {plain_text(item.content)}" for item in block.items]
    return ("\\n".join(lines) + "\\n").encode("utf-8")


TEXT = Writer("txt", "txt", "plain text", write_text)


@dataclass
class Communique:
    path: object
    name: str
    title: str
    date: object
    quote: str
    points: list


class CommuniqueKind(DocumentKind):
    name = "communique"
    folder = "communiques"
    templates = ("communique",)

    def load(self, project, path):
        root = load_yaml(path)
        return Communique(
            path,
            path.stem,
            root.require("title", "the communique").text("title"),
            root.get("date").value,
            root.get("quote").text("quote"),
            root.get("points").text_list("points"),
        )

    def context(self, spec, project, locale, translations):
        return {"c": spec}


KAZAKH = LocaleProfile(
    "kk",
    ("«", "»"),
    ("„", "“"),
    note_before_punctuation=True,
    item_label="{})",
    word_language="kk-KZ",
)
'''

ENTRY_POINTS = """\
[draftkit.writers]
txt = toyplugin:TEXT

[draftkit.kinds]
communique = toyplugin:CommuniqueKind

[draftkit.locales]
kk = toyplugin:KAZAKH
"""

TEMPLATE = """\
<document>
<p role="title">{{ c.title }}</p>
<p role="dateline">{{ c.date|longdate }}</p>
<p role="paragraph">{{ c.quote|quote }}</p>
<clause role="operative" id="points"><text>Points:</text>
{% for point in c.points %}<item><text>{{ point }}</text></item>{% endfor %}
</clause>
</document>
"""

COMMUNIQUE = """\
title: Қорытынды коммюнике
date: 2026-03-04
quote: Әйелдердің көшбасшылығы
points:
  - бірінші
  - екінші
"""


def install_plugin(site: Path) -> None:
    (site / "toyplugin").mkdir(parents=True)
    (site / "toyplugin" / "__init__.py").write_text(PLUGIN, encoding="utf-8")
    info = site / "toyplugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: toyplugin\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(ENTRY_POINTS)


def run(project_root: Path, site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "draftkit", *args],
        cwd=project_root,
        capture_output=True,
        text=True,
        env={**env(), "PYTHONPATH": str(site)},
        check=False,
    )


def kazakh_project(tmp_path: Path):  # type: ignore[no-untyped-def]
    project = make_project(tmp_path / "p")
    project.edit("draftkit.toml", 'source_locale = "en"', 'source_locale = "kk"')
    project.edit("draftkit.toml", 'locales = ["en"]', 'locales = ["kk"]')
    project.write("templates/communique.xml.j2", TEMPLATE)
    project.write("communiques/final.yaml", COMMUNIQUE)
    site = tmp_path / "site"
    install_plugin(site)
    return project, site


def test_a_packaged_writer_kind_and_locale_build_together(tmp_path: Path) -> None:
    project, site = kazakh_project(tmp_path)
    result = run(project.root, site, "build", "communiques/final.yaml", "-f", "txt,docx")
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr  # kk has a profile: no fallback
    text = (project.root / "build" / "kk" / "final.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "Қорытынды коммюнике"
    assert lines[1] == "2026\u202fж. 4 наурыз"  # CLDR kk long date, through Babel
    assert lines[2] == "«Әйелдердің көшбасшылығы»"  # the profile's quotes
    assert lines[-2:] == ["a) бірінші", "b) екінші"]  # the profile's label form
    with zipfile.ZipFile(project.root / "build" / "kk" / "final.docx") as docx:
        styles = docx.read("word/styles.xml").decode("utf-8")
    assert 'w:lang w:val="kk-KZ"' in styles  # the profile's Word language


def test_a_packaged_locale_serves_the_built_in_document_kind(tmp_path: Path) -> None:
    project, site = kazakh_project(tmp_path)
    result = run(project.root, site, "build", "-f", "txt")
    assert result.returncode == 0, result.stderr
    text = (project.root / "build" / "kk" / "d.txt").read_text(encoding="utf-8")
    assert "a) in local councils" in text


def test_without_the_package_the_format_is_unknown_and_the_language_falls_back(
    tmp_path: Path,
) -> None:
    project, _site = kazakh_project(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run(project.root, empty, "build", "-f", "txt")
    assert result.returncode == 1
    assert "unknown format 'txt'" in result.stderr
    assert "formats are: docx, pdf, html, json" in result.stderr
    result = run(project.root, empty, "build", "-f", "html")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("warning: no typography profile for 'kk'") == 1
    html = (project.root / "build" / "kk" / "d.html").read_text(encoding="utf-8")
    assert "(a)" in html and 'class="dk-unhyphenated"' in html  # the neutral profile


def broken_plugin(site: Path, module: str, entry_points: str) -> None:
    (site / "brokenplugin").mkdir(parents=True)
    (site / "brokenplugin" / "__init__.py").write_text(module, encoding="utf-8")
    info = site / "brokenplugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: brokenplugin\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(entry_points)


def test_a_package_that_names_the_wrong_object_is_one_error(tmp_path: Path) -> None:
    from tests.cli.helpers import assert_fails_cleanly

    project, _site = kazakh_project(tmp_path)
    site = tmp_path / "broken"
    broken_plugin(site, "TEXT = 'not a writer'\n", "[draftkit.writers]\ntxt = brokenplugin:TEXT\n")
    (line,) = assert_fails_cleanly(run(project.root, site, "build", "-f", "txt"))
    assert line == (
        "error: entry point 'txt' in draftkit.writers (brokenplugin:TEXT) is not a Writer "
        "(hint: it must name a draftkit.render.writers.Writer)"
    )


def test_a_package_that_fails_to_import_is_one_error(tmp_path: Path) -> None:
    from tests.cli.helpers import assert_fails_cleanly

    project, _site = kazakh_project(tmp_path)
    site = tmp_path / "broken"
    broken_plugin(site, "import no_such_module\n", "[draftkit.locales]\nkk = brokenplugin:KK\n")
    (line,) = assert_fails_cleanly(run(project.root, site, "build", "-f", "html"))
    assert line.startswith(
        "error: entry point 'kk' in draftkit.locales (brokenplugin:KK) could not be loaded: "
        "ModuleNotFoundError"
    )
    assert line.endswith("(hint: reinstall the package that declares it, or uninstall it)")
