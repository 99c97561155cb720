"""The ``inventaire`` command: one entry point, one module per sub-command.

The parser lives here; each sub-command's work lives in its own module, imported
only when that command runs so that ``inventaire check`` does not pay for WeasyPrint.
Errors meant for people are :class:`UserError`: printed as one sentence, no traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from inventaire.core.errors import UserError

# sub-command → "module:function"; each function takes the parsed args and returns
# the exit status.
COMMANDS: dict[str, str] = {
    "import": "inventaire.importer.curation.importer:run",
    "check": "inventaire.commands.check:run",
    "build": "inventaire.commands.build:run",
    "serve": "inventaire.commands.build:serve",
    "withdraw": "inventaire.commands.rights:withdraw",
    "authors": "inventaire.commands.rights:authors",
    "stats": "inventaire.commands.stats:run",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inventaire",
        description="Un jour de posts, une ville : le site d'archive et le livre.",
    )
    parser.add_argument("--project", type=Path, default=Path("."),
                        help="project folder (holds content/ and pelicanconf.py)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("import", help="read exports into content/posts/")
    p.add_argument("exports", nargs="+", type=Path, metavar="EXPORT")
    p.add_argument("--day", help="the day, YYYY-MM-DD (default: the settings' day)")
    p.add_argument("--tz", help="time zone (default: the settings' TIMEZONE)")
    tags = p.add_mutually_exclusive_group()
    tags.add_argument("--hashtag", action="append", default=[],
                      help="keep posts with this hashtag (repeatable; default: the "
                           "hashtags of journee.md)")
    tags.add_argument("--all", action="store_true",
                      help="keep every post of the day, whatever its hashtags")
    p.add_argument("--skip-unlisted", action="store_true",
                   help="leave out Mastodon posts their authors kept off public timelines "
                        "(default: imported, marked 'visibility: unlisted')")
    p.add_argument("--format", help="force the format instead of detecting it")
    p.add_argument("--status", choices=("candidate", "selected"), default="candidate",
                   help="status of new files (default: candidate)")
    p.add_argument("--update-only", action="store_true",
                   help="refresh the posts already in content/posts/ and add none")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")

    sub.add_parser("check", help="validate content/; one line per problem")

    p = sub.add_parser("build", help="build the site and the book into output/")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--site", action="store_true", help="the website only")
    group.add_argument("--book", action="store_true", help="the book only")
    p.add_argument("--publish", action="store_true", help="use publishconf.py")
    p.add_argument("--preview", action="store_true",
                   help="show the candidates, marked (what inventaire serve builds)")
    p.add_argument("--output", type=Path, help="output folder (default: output/)")
    p.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                   help="override a setting, e.g. BOOK_COLOR=gray (repeatable)")

    p = sub.add_parser("serve", help="preview on localhost with autoreload")
    p.add_argument("--port", type=int, default=8000)

    p = sub.add_parser("withdraw", help="withdraw a post (ID) or an author (@handle)")
    p.add_argument("target", metavar="ID|@handle")
    p.add_argument("--reason", default="", help="why, and who asked")
    p.add_argument("--undo", action="store_true",
                   help="restore a withdrawal (content/rights.yml keeps the history)")
    p.add_argument("--network", choices=("twitter", "mastodon", "bluesky"), default="",
                   help="the network, for an author or post not imported yet")

    p = sub.add_parser("authors", help="the authors of the selection and their consent")
    p.add_argument("--csv", type=Path, help="also write a CSV for permission requests")

    sub.add_parser("stats", help="the day's figures").add_argument(
        "--json", action="store_true", help="machine-readable output")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    module_name, function_name = COMMANDS[args.command].split(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name == module_name:
            print(f"inventaire: '{args.command}' is not available in this version.",
                  file=sys.stderr)
            return 2
        raise
    try:
        return int(getattr(module, function_name)(args) or 0)
    except UserError as error:
        print(f"inventaire: {error}", file=sys.stderr)
        return error.status
    except KeyboardInterrupt:
        print("inventaire: interrupted; files already written are complete.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
