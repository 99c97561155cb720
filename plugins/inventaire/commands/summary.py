"""What a build says when it ends: pages written, each PDF with its path and pages,
warnings and errors counted.

A build used to end on Pelican's « Done: Processed 264 articles… » after a long
silence, never naming the PDFs. The summary is read from what the build left: the
finished output folder and the book's manifest (``pages.json``), so it states what
is there, not what was meant to be.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from inventaire.book.pages import edition_folder, read_manifest


def _shown(path: Path) -> str:
    """A path as the user typed it: relative to the working folder when inside it."""
    absolute = path.resolve()
    try:
        return str(absolute.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(absolute)


def count_files(folder: Path) -> tuple[int, int]:
    """HTML pages and files under ``folder``, from the folders' listings alone (no
    ``stat`` per file: a site of 10,000 posts has 20,000 files)."""
    pages = files = 0
    for _base, _dirs, names in os.walk(folder):
        files += len(names)
        pages += sum(name.endswith(".html") for name in names)
    return pages, files


def build_summary(settings: dict[str, Any], warnings: int, errors: int) -> str:
    """A few lines: the output's pages and files, the book's PDFs, the counts."""
    output = Path(settings["OUTPUT_PATH"])
    pages, files = count_files(output)
    lines = [f"inventaire: wrote {_shown(output)}/: {pages} HTML page(s), {files} "
             "file(s) in all"]
    manifest = read_manifest(edition_folder(Path(settings["CACHE_PATH"])))
    pdfs = [(output / str(edition.get("path", "")), int(edition.get("pages", 0)))
            for edition in (manifest.editions if manifest else [])]
    pdfs = [(path, count) for path, count in pdfs if path.is_file()]
    if pdfs:
        lines.extend(f"  {_shown(path)}: {count} page(s)" for path, count in pdfs)
    else:
        lines.append("  no book in this output (inventaire build --book lays it out)")
    lines.append(f"  {warnings} warning(s), {errors} error(s)")
    return "\n".join(lines)
