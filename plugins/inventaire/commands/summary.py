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
from inventaire.commands.output import LISTING, read_listing


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


def count_listed(folder: Path) -> tuple[int, int] | None:
    """:func:`count_files` for a preview's output, from the list of its files that
    the build has just written there (``commands/output.py``): the preview's output
    has a folder per page, and walking them took as long as keying every page. What
    the list does not cover (the entries ``OUTPUT_RETENTION`` keeps, any other entry
    of the folder that no build wrote) is walked. None without a readable list."""
    listed = read_listing(folder)
    if listed is None:
        return None
    tops = {name.split("/", 1)[0] for name in listed}
    pages = sum(name.endswith(".html") for name in listed)
    files = len(listed) + 1  # and the list itself
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return None
    for entry in entries:
        if entry.name in tops or entry.name == LISTING:
            continue
        if entry.is_dir():  # as os.walk: a link to a folder is neither walked nor counted
            more_pages, more_files = (0, 0) if entry.is_symlink() else \
                count_files(Path(entry.path))
        else:
            more_pages, more_files = int(entry.name.endswith(".html")), 1
        pages += more_pages
        files += more_files
    return pages, files


def build_summary(settings: dict[str, Any], warnings: int, errors: int,
                  preview: bool = False) -> str:
    """A few lines: the output's pages and files, the book's PDFs, the counts.
    ``preview``: the output is a preview's, which lists its files (:func:`count_listed`)."""
    output = Path(settings["OUTPUT_PATH"])
    pages, files = (preview and count_listed(output)) or count_files(output)
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
