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
from typing import Any

from inventaire.core import collector
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
    "init": "inventaire.commands.init:run",
    "live": "inventaire.commands.live:run",
    "criers": "inventaire.commands.live:criers",
    "preflight": "inventaire.commands.preflight:run",
}


# Each sub-command's --help: what it does (and reads), then an example.
HELP: dict[str, tuple[str, str]] = {
    "import": (
        "Read social-media exports into the editors' files, content/posts/<day>/"
        "<HHhMM>-<id>.md, one per post of the day and its hashtags. Reads: Twitter "
        "archives (.zip or folder, tweets.js), API v1.1 and v2 JSON/JSONL, twarc and "
        "twarc2 JSONL and twarc-csv CSV, Mastodon archives (.zip, .tar.gz) and API "
        "statuses JSON, Bluesky feeds/search JSON and repo.car. The editors' changes are "
        "kept; a withdrawn author's posts (content/rights.yml) are left out.",
        "inventaire import archive.zip --day 2013-04-19 --tz Europe/Paris --hashtag jdtap\n"
        "  inventaire import --update-only jdtap.jsonl"),
    "check": (
        "Check every file of content/ as the build reads it: one line per problem, "
        "path:line: field: what is wrong — how to fix it; exit status 1 if any.",
        "inventaire check"),
    "build": (
        "Build output/: the book (skipped when nothing it reads changed), then the site, "
        "swapped in whole at the end. Ends with a summary (pages, PDFs, warnings).",
        "inventaire build\n  inventaire build --site\n"
        "  inventaire build --set BOOK_COLOR=gray"),
    "serve": (
        "Preview the site on localhost, with the candidates shown, built again after "
        "every change to content/, theme/, plugins/ or pelicanconf.py; and the "
        "editors' triage page (/_triage/, keyboard driven), whose address with the "
        "session's key is printed at start.",
        "inventaire serve --port 8000"),
    "withdraw": (
        "Withdraw a post (its id) or an author (@handle) in the register "
        "content/rights.yml: left out of every output from the next build and never "
        "imported again. --undo restores; the register keeps the history.",
        "inventaire withdraw @flaneuse75 --reason \"asked by e-mail, 2013-05-02\"\n"
        "  inventaire withdraw --undo @flaneuse75"),
    "authors": (
        "List the authors of the selection, their posts and their consent, and the "
        "register of withdrawals; --csv writes a file for permission requests.",
        "inventaire authors --csv permissions.csv"),
    "stats": ("The day's figures, as the site's page /chiffres/ shows them.",
              "inventaire stats --json"),
    "init": (
        "Start a new edition in FOLDER: pelicanconf.py (the installed package's theme, "
        "nothing to copy), the day file, a gazetteer with one example place, the "
        "editors' pages and a README for the editors. Nothing is overwritten.",
        "inventaire init montreal --day 2014-06-21 --tz America/Montreal "
        "--hashtag jdtam --city Montréal"),
    "live": (
        "Collect the day as it happens: the Mastodon instances (LIVE_MASTODON), Bluesky "
        "(LIVE_BLUESKY) and the JSONL files other tools append to (LIVE_FOLDER) are read "
        "every LIVE_INTERVAL seconds for the hashtags of journee.md; new posts become "
        "candidates as with import, the editors' changes kept. Before each round hour, "
        "the criers' sheets; every LIVE_PUBLISH_EVERY minutes, the site. Tokens only "
        "from the environment (MASTODON_TOKEN_<HOST>, BLUESKY_HANDLE, "
        "BLUESKY_APP_PASSWORD).",
        "inventaire live --until 23:30\n  inventaire live --once"),
    "criers": (
        "Make the criers' sheets of one round now: for each place with a crier, the "
        "selected posts marked declaimed there at that hour, as "
        "output/livre/crieurs/<place>/<HH>h.pdf.",
        "inventaire criers --hour 15"),
    "preflight": (
        "Check the built book's PDFs as a printer's preflight would: boxes and bleed, "
        "fonts embedded, photos at 300 ppi, colour, page count, spine width, the safe "
        "margin, metadata. One line per problem (file, page, fix); exit status 1 on "
        "an error.",
        "inventaire preflight\n  inventaire preflight --folder output/livre"),
}


def _sub(sub: Any, name: str, summary: str) -> argparse.ArgumentParser:
    """A sub-command's parser with its description and example."""
    description, example = HELP[name]
    parser: argparse.ArgumentParser = sub.add_parser(
        name, help=summary, description=description, epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    return parser


def _loudness(parser: argparse.ArgumentParser) -> None:
    """``--quiet`` and ``--verbose`` (:mod:`inventaire.core.progress`)."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("-q", "--quiet", action="store_true",
                       help="no progress and no summary: only errors and warnings")
    group.add_argument("-v", "--verbose", action="store_true",
                       help="also what Pelican and the book say as they work")


def version() -> str:
    """The installed distribution's version (pyproject.toml's)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as distribution_version

    try:
        return distribution_version("inventaire")
    except PackageNotFoundError:  # a source checkout that was never installed
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="inventaire",
        description="Un jour de posts, une ville : le site d'archive et le livre.",
        epilog="'inventaire COMMAND --help' describes each command, with an example.",
    )
    parser.add_argument("--version", action="version", version=f"inventaire {version()}")
    parser.add_argument("--project", type=Path, default=Path("."),
                        help="project folder (holds content/ and pelicanconf.py)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = _sub(sub, "import", "read exports into content/posts/")
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
    p.add_argument("--status", choices=("new", "candidate", "selected"),
                   help="status of new files (default: candidate at the first import, "
                        "'new' once content/posts/ has posts, so a re-import never "
                        "mixes new posts with the ones already looked at)")
    p.add_argument("--update-only", action="store_true",
                   help="refresh the posts already in content/posts/ and add none")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    _loudness(p)

    _loudness(_sub(sub, "check", "validate content/; one line per problem"))

    p = _sub(sub, "build", "build the site and the book into output/")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--site", action="store_true", help="the website only")
    group.add_argument("--book", action="store_true", help="the book only")
    p.add_argument("--publish", action="store_true", help="use publishconf.py")
    p.add_argument("--preview", action="store_true",
                   help="show the candidates, marked (what inventaire serve builds)")
    p.add_argument("--output", type=Path, help="output folder (default: output/)")
    p.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                   help="override a setting, e.g. BOOK_COLOR=gray (repeatable)")
    _loudness(p)

    p = _sub(sub, "serve", "preview on localhost with autoreload")
    p.add_argument("--port", type=int, default=8000)

    p = _sub(sub, "withdraw", "withdraw a post (ID) or an author (@handle)")
    p.add_argument("target", metavar="ID|@handle")
    p.add_argument("--reason", default="", help="why, and who asked")
    p.add_argument("--undo", action="store_true",
                   help="restore a withdrawal (content/rights.yml keeps the history)")
    p.add_argument("--network", choices=("twitter", "mastodon", "bluesky"), default="",
                   help="the network, for an author or post not imported yet")

    p = _sub(sub, "authors", "the authors of the selection and their consent")
    p.add_argument("--csv", type=Path, help="also write a CSV for permission requests")

    _sub(sub, "stats", "the day's figures").add_argument(
        "--json", action="store_true", help="machine-readable output")

    p = _sub(sub, "init", "start a new edition (another city, another day)")
    p.add_argument("folder", type=Path, metavar="FOLDER")
    p.add_argument("--day", required=True, help="the day, YYYY-MM-DD")
    p.add_argument("--tz", required=True, help="its time zone, e.g. America/Montreal")
    p.add_argument("--hashtag", action="append", required=True,
                   help="the day's hashtag (repeatable)")
    p.add_argument("--city", required=True, help="the city's name, as the pages print it")

    p = _sub(sub, "live", "collect the day's posts as they are written")
    p.add_argument("--until", metavar="HH:MM", help="stop at this time (the day's zone)")
    p.add_argument("--once", action="store_true", help="one pass, then stop")
    p.add_argument("--publish-every", type=float, metavar="MINUTES",
                   help="publish the site this often (default: LIVE_PUBLISH_EVERY; 0: "
                        "never)")
    p.add_argument("--status", choices=("new", "candidate", "selected"), default="new",
                   help="status of new files (default: new, shown first by the triage)")

    p = _sub(sub, "criers", "the criers' sheets of one round hour, now")
    p.add_argument("--hour", type=int, required=True, help="the round's hour, 0 to 23")

    p = _sub(sub, "preflight", "check the book's PDFs as a printer would")
    p.add_argument("--folder", type=Path,
                   help="the folder of the PDFs (default: the last book built)")
    p.add_argument("--publish", action="store_true", help="use publishconf.py")
    p.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                   help="override a setting, as for build (repeatable)")
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
    finally:
        collector.before_exit()


if __name__ == "__main__":
    sys.exit(main())
