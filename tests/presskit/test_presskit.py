"""``draftkit presskit``: layout, manifest, zips, incremental and parallel builds, a failing
locale. The kit is read back with zipfile and hashlib, not with draftkit's own code."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

from tests.cli.helpers import run
from tests.presskit.conftest import KIT_EVENT, kit_folder, manifest

LOCALES = ("en", "ru", "ky")
RELEASE = "civic-forum-2025-press-release"
RESOLUTION = "civic-forum-2025"
# The closing clause of the resolution, as written in clauses/forum-frame.yaml, and an edit
OLD_CLOSING = "steps to achieve\n      equality and justice."
NEW_CLOSING = "steps to achieve\n      equality."


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def statuses(stdout: str) -> dict[str, str]:
    """file -> status from the summary table."""
    found = {}
    for line in stdout.splitlines():
        match = re.match(
            r"^(en|ru|ky)\s+(\S+)\s+\S+\s+(rendered|up to date|failed|discarded)", line
        )
        if match:
            found[match.group(2)] = match.group(3)
    return found


def test_kit_holds_release_and_resolution_per_locale_with_a_true_manifest(built_kit_template):
    root, stdout = built_kit_template
    folder = kit_folder(root)
    data = manifest(root)
    expected = {
        f"{lang}/{name}.{fmt}"
        for lang in LOCALES
        for name in (RELEASE, RESOLUTION)
        for fmt in ("docx", "pdf")
    }
    assert {entry["file"] for entry in data["files"]} == expected
    for entry in data["files"]:
        path = folder / entry["file"]
        assert entry["size"] == path.stat().st_size
        assert entry["sha256"] == sha256(path)
        assert entry["locale"] == entry["file"].split("/")[0]
        assert entry["kind"] == (
            "resolution" if RESOLUTION + "." in entry["file"] else "press-release"
        )
        assert entry["untranslated_texts"] == 0
    assert data["locales"]["en"]["source"] is True
    assert data["locales"]["ru"]["percent"] == 100.0  # every ru text is translated
    # seven Kyrgyz names are fuzzy (none used by this kit): the catalog is not complete
    assert data["locales"]["ky"]["fuzzy"] == 7
    assert data["locales"]["ky"]["percent"] < 100.0
    assert set(statuses(stdout).values()) == {"rendered"}
    assert len(statuses(stdout)) == 12


def test_zips_contain_what_the_manifest_says(built_kit_template):
    root, _ = built_kit_template
    folder = kit_folder(root)
    data = manifest(root)
    for lang in LOCALES:
        with zipfile.ZipFile(folder / f"civic-forum-2025-{lang}.zip") as archive:
            listed = sorted(e["file"] for e in data["files"] if e["locale"] == lang)
            assert archive.namelist() == listed
            for info in archive.infolist():
                # the build's one timestamp (SOURCE_DATE_EPOCH in these tests), not the clock
                assert info.date_time == (2026, 1, 1, 0, 0, 0)
                assert info.create_system == 3  # Unix, on any machine
                body = archive.read(info)
                entry = next(e for e in data["files"] if e["file"] == info.filename)
                assert hashlib.sha256(body).hexdigest() == entry["sha256"]
        archive_entry = next(a for a in data["archives"] if a["locale"] == lang)
        assert archive_entry["sha256"] == sha256(folder / archive_entry["file"])
    with zipfile.ZipFile(folder / "civic-forum-2025-all.zip") as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert set(names) == {e["file"] for e in data["files"]} | {"manifest.json"}
        assert archive.read("manifest.json") == (folder / "manifest.json").read_bytes()


def test_second_run_renders_nothing_and_rewrites_nothing(built_kit):
    folder = kit_folder(built_kit)
    before = {p: p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}
    result = run("presskit", KIT_EVENT, "--jobs", "2", cwd=built_kit)
    assert result.returncode == 0, result.stderr
    assert "up to date: 12 file(s), nothing rendered" in result.stdout
    assert set(statuses(result.stdout).values()) == {"up to date"}
    after = {p: p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}
    assert after == before


def test_changed_clause_rerenders_only_the_resolution(built_kit):
    folder = kit_folder(built_kit)
    release = {lang: folder / lang / f"{RELEASE}.pdf" for lang in LOCALES}
    before = {lang: path.stat().st_mtime_ns for lang, path in release.items()}
    old_en = sha256(folder / "en" / f"{RESOLUTION}.docx")
    clauses = built_kit / "clauses" / "forum-frame.yaml"
    text = clauses.read_text(encoding="utf-8")
    assert text.count(OLD_CLOSING) == 1
    clauses.write_text(text.replace(OLD_CLOSING, NEW_CLOSING))
    # the changed English text has no translation yet: ru and ky build as drafts
    result = run("presskit", KIT_EVENT, "--jobs", "2", "--allow-incomplete", cwd=built_kit)
    assert result.returncode == 0, result.stderr
    found = statuses(result.stdout)
    for lang in LOCALES:
        for fmt in ("docx", "pdf"):
            assert found[f"{lang}/{RESOLUTION}.{fmt}"] == "rendered"
            assert found[f"{lang}/{RELEASE}.{fmt}"] == "up to date"
        assert release[lang].stat().st_mtime_ns == before[lang]
    assert sha256(folder / "en" / f"{RESOLUTION}.docx") != old_en
    data = manifest(built_kit)
    drafts = {e["file"]: e["untranslated_texts"] for e in data["files"]}
    assert drafts[f"ru/{RESOLUTION}.pdf"] == 1 and drafts[f"en/{RESOLUTION}.pdf"] == 0


def test_a_failing_locale_names_itself_and_leaves_no_zip(built_kit):
    folder = kit_folder(built_kit)
    clauses = built_kit / "clauses" / "forum-frame.yaml"
    text = clauses.read_text(encoding="utf-8")
    clauses.write_text(text.replace(OLD_CLOSING, NEW_CLOSING))
    result = run("presskit", KIT_EVENT, "--jobs", "2", cwd=built_kit)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = result.stderr.splitlines()
    for lang in ("ru", "ky"):
        assert any(
            line.startswith(f"error: locale {lang} failed at {lang}/civic-forum-2025.")
            for line in errors
        )
        assert (
            f"error: locales/{lang}/LC_MESSAGES/messages.po: "
            f"1 text(s) of civic-forum-2025.yaml have no {lang} translation (hint: "
            in result.stderr
        )
    assert all(line.startswith("error: ") for line in errors), errors
    for name in ("civic-forum-2025-ru.zip", "civic-forum-2025-ky.zip", "civic-forum-2025-all.zip"):
        assert not (folder / name).exists()
    assert not (folder / "manifest.json").exists()
    assert (folder / "civic-forum-2025-en.zip").exists()
    assert not list(folder.rglob("*.tmp"))
    found = statuses(result.stdout)
    assert found["en/civic-forum-2025.pdf"] == "rendered"
    for lang in ("ru", "ky"):
        # the press release was up to date; the resolution failed in one format or both,
        # and a format that did render was not published
        assert found[f"{lang}/{RELEASE}.pdf"] == "up to date"
        assert {found[f"{lang}/{RESOLUTION}.{fmt}"] for fmt in ("docx", "pdf")} <= {
            "failed",
            "discarded",
        }
        assert "failed" in {found[f"{lang}/{RESOLUTION}.{fmt}"] for fmt in ("docx", "pdf")}


def test_force_renders_everything_again_into_the_same_bytes(built_kit):
    folder = kit_folder(built_kit)
    before = {p.name: sha256(p) for p in folder.rglob("*") if p.suffix in (".docx", ".pdf", ".zip")}
    result = run("presskit", KIT_EVENT, "--jobs", "2", "--force", cwd=built_kit)
    assert result.returncode == 0, result.stderr
    assert set(statuses(result.stdout).values()) == {"rendered"}
    after = {p.name: sha256(p) for p in folder.rglob("*") if p.suffix in (".docx", ".pdf", ".zip")}
    assert after == before  # reproducible: same inputs, same bytes, zips included


def test_serial_render_of_one_locale_gives_the_bytes_of_the_parallel_one(built_kit):
    folder = kit_folder(built_kit)
    parallel = {p.name: sha256(p) for p in (folder / "ru").iterdir()}
    result = run("presskit", KIT_EVENT, "--lang", "ru", "--jobs", "1", "--force", cwd=built_kit)
    assert result.returncode == 0, result.stderr
    assert statuses(result.stdout) == {
        f"ru/{name}.{fmt}": "rendered" for name in (RELEASE, RESOLUTION) for fmt in ("docx", "pdf")
    }
    assert {p.name: sha256(p) for p in (folder / "ru").iterdir()} == parallel
    # --lang limits the kit: the manifest and the all-locales zip now describe ru alone
    assert {e["locale"] for e in manifest(built_kit)["files"]} == {"ru"}


def test_a_document_dropped_from_the_event_leaves_the_kit(built_kit):
    folder = kit_folder(built_kit)
    event = built_kit / KIT_EVENT
    text = event.read_text(encoding="utf-8")
    assert text.count("documents: [documents/civic-forum-2025.yaml]\n") == 1
    event.write_text(text.replace("documents: [documents/civic-forum-2025.yaml]\n", ""))
    result = run("presskit", KIT_EVENT, "--jobs", "2", cwd=built_kit)
    assert result.returncode == 0, result.stderr
    assert set(statuses(result.stdout)) == {
        f"{lang}/{RELEASE}.{fmt}" for lang in LOCALES for fmt in ("docx", "pdf")
    }
    assert not list(folder.rglob(f"{RESOLUTION}.*"))
    with zipfile.ZipFile(folder / "civic-forum-2025-all.zip") as archive:
        assert not [n for n in archive.namelist() if f"/{RESOLUTION}." in n]
    assert {e["kind"] for e in manifest(built_kit)["files"]} == {"press-release"}
