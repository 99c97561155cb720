"""``inventaire preflight``: the built book's PDFs checked as a printer's preflight would.

The checks are :mod:`inventaire.book.preflight`'s; this reads the project's settings
(the book's trim, bleed, colour, paper, signature and safe margin), finds the last
edition laid out, prints one line per problem (file, page, what, fix) and exits 1
when there is an error a printer would refuse.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from inventaire.book.edition import BookEdition, BookSettingError
from inventaire.book.pages import edition_folder
from inventaire.book.preflight import preflight
from inventaire.commands.build import load_settings, parse_overrides
from inventaire.core import settings as inventaire_settings
from inventaire.core.errors import UserError


def book_folder(settings: dict[str, Any], given: Path | None) -> Path:
    """The folder of PDFs to check: ``--folder``, else the last edition laid out
    (``<CACHE_PATH>/book/edition``), else the one published in ``output/``."""
    if given is not None:
        candidates = [given]
    else:
        output = Path(str(settings.get("OUTPUT_PATH") or "output"))
        candidates = [edition_folder(Path(str(settings["CACHE_PATH"]))),
                      output / str(inventaire_settings.get(settings, "BOOK_OUTPUT"))]
    for folder in candidates:
        if (folder / "livre.pdf").is_file() or (folder / "couverture.pdf").is_file():
            return folder
    raise UserError(f"no book in {candidates[0]}: build it first (inventaire build "
                    "--book), or give the folder of its PDFs with --folder")


def run(args: Any) -> int:
    settings = load_settings(args.project, publish=getattr(args, "publish", False),
                             overrides=parse_overrides(getattr(args, "set", [])))
    try:
        edition = BookEdition.from_settings(settings)
    except BookSettingError as error:
        raise UserError(str(error)) from None
    folder = book_folder(settings, getattr(args, "folder", None))
    report = preflight(folder, edition)
    for note in report.notes:
        print(note)
    for problem in report.problems:
        print(problem.line())
    errors, warnings = len(report.errors), len(report.problems) - len(report.errors)
    print(f"preflight of {folder}: {', '.join(report.checked)}; "
          f"{errors} error(s), {warnings} warning(s)")
    if errors:
        print("inventaire: a printer would refuse these files; fix the errors above and "
              "build the book again.", file=sys.stderr)
        return 1
    return 0
