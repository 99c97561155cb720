"""``inventaire build`` and ``inventaire serve``: Pelican with the project's settings.

The site and the book come out of one Pelican run (the book is a generator of that
run), so they always show the same selection.
"""

from __future__ import annotations

import ast
import logging
import os
from pathlib import Path
from typing import Any

from .cli import UserError


def parse_overrides(items: list[str]) -> dict[str, Any]:
    """``NAME=VALUE`` pairs; VALUE is a Python literal when it parses as one."""
    overrides: dict[str, Any] = {}
    for item in items:
        name, sep, raw = item.partition("=")
        if not sep or not name.isidentifier() or not name.isupper():
            raise UserError(f"--set {item!r}: expected NAME=VALUE with an upper-case NAME, "
                            "e.g. --set BOOK_COLOR=gray")
        try:
            value: Any = ast.literal_eval(raw)
        except (ValueError, SyntaxError):
            value = raw
        overrides[name] = value
    return overrides


def settings_file(project: Path, publish: bool) -> Path:
    path = project / ("publishconf.py" if publish else "pelicanconf.py")
    if not path.is_file():
        raise UserError(f"{path} not found: run this command in the project folder "
                        "or give --project")
    return path


def load_settings(project: Path, publish: bool = False,
                  overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Pelican's settings for the project, with command-line overrides applied."""
    from pelican.settings import read_settings

    path = settings_file(project.resolve(), publish)
    cwd = Path.cwd()
    os.chdir(path.parent)  # publishconf.py imports pelicanconf from its folder
    try:
        return read_settings(str(path), override=overrides or {})
    finally:
        os.chdir(cwd)


def build(project: Path, publish: bool = False, overrides: dict[str, Any] | None = None,
          output: Path | None = None) -> dict[str, Any]:
    """Run Pelican once; returns the settings used."""
    from pelican import Pelican

    overrides = dict(overrides or {})
    if output is not None:
        overrides["OUTPUT_PATH"] = str(output.resolve())
    settings = load_settings(project, publish, overrides)
    Pelican(settings).run()
    return settings


def run(args: Any) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    overrides = parse_overrides(args.set)
    if args.site:
        overrides["BOOK_ENABLED"] = False
    build(args.project, publish=args.publish, overrides=overrides, output=args.output)
    return 0


def serve(args: Any) -> int:
    """Preview on localhost, rebuilding when a file changes (Pelican's autoreload)."""
    from pelican import main as pelican_main

    path = settings_file(args.project.resolve(), publish=False)
    os.chdir(path.parent)
    pelican_main(["--autoreload", "--listen", "--port", str(args.port), "-s", path.name])
    return 0
