"""``inventaire import``: exports in, editors' files out, and a summary.

Each export is detected (or ``--format``), copied verbatim into ``content/sources/``,
read record by record, filtered to the day and its hashtags, deduplicated across
files, cleared of posts deleted by their authors, tagged with a place, its media
copied without metadata, then written or merged (see :mod:`.merge`).
Bad records are reported as ``FILE:LINE: what is wrong`` and make the exit status 1;
the others are still imported. Parts of an export refused for safety (archive members
that climb out or are links, zip bombs, image bombs) are reported as
``FILE: warning: …``, posts imported with a doubt (an ambiguous long text) as
``FILE:LINE: warning: …``; both also make the exit status 1.
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import re
import shutil
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from inventaire.core.atomic import DeferredWrites
from inventaire.core.day import load_day
from inventaire.core.errors import UserError
from inventaire.core.model import Post
from inventaire.core.places import PlaceTagger, load_places
from inventaire.core.postfile import PostFileError, read_post
from inventaire.core.progress import QUIET, Progress, figure, level_of
from inventaire.core.rights import Register
from inventaire.importer.curation.day import DayFilter, merge_duplicates
from inventaire.importer.curation.identity import shared_ids, unsafe_addresses
from inventaire.importer.curation.media import copy_media
from inventaire.importer.curation.merge import Writer, merge_post
from inventaire.importer.curation.records import ImportRecords
from inventaire.importer.sources.common import (
    Deleted,
    Malformed,
    Notice,
    ReadContext,
    Refused,
    Skipped,
)
from inventaire.importer.sources.detect import READERS, UnknownFormat, detect
from inventaire.importer.sources.limits import project_limits

DEFAULT_TZ = "Europe/Paris"


def day_filter(args: argparse.Namespace, content: Path) -> DayFilter:
    """The day to import: the command line first, then ``journee.md``.

    Hashtags: ``--hashtag`` (repeatable), else ``journee.md``'s; ``--all`` keeps
    every post of the day.
    """
    try:
        settings = load_day(content, {})  # journee.md, else the newest posts folder
    except PostFileError as error:
        raise UserError(f"cannot read the day's settings: {error}") from None
    zone = args.tz or (settings.timezone if settings else "") or DEFAULT_TZ
    args.zone_from = ("--tz" if args.tz else "content/pages/journee.md"
                      if settings and settings.timezone else
                      "the default: no --tz and no 'timezone' in content/pages/journee.md")
    try:
        tz = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise UserError(f"unknown time zone {zone!r}; use a name like Europe/Paris") from None
    text = args.day or (settings.date.isoformat() if settings and settings.date else "")
    if not text:
        raise UserError("no day given: pass --day YYYY-MM-DD or set 'date' in "
                        "content/pages/journee.md")
    try:
        day = date.fromisoformat(str(text)[:10])
    except ValueError:
        raise UserError(f"the day {text!r} is not a date; write it as 2013-04-19") from None
    skip = bool(getattr(args, "skip_unlisted", False))
    # ``--hashtag ""`` was the old way to say --all: an empty tag still means no filter.
    given = [t for t in args.hashtag or () if t.strip("#").strip()]
    args.day_from = "--day" if args.day else {
        "journee.md": "content/pages/journee.md",
        "posts folder": "the newest folder of content/posts/"}.get(settings.date_from,
                                                                  settings.date_from)
    if getattr(args, "all", False) or (args.hashtag and not given):
        return DayFilter(day, tz, [], skip)
    return DayFilter(day, tz, given or list(settings.hashtags if settings else []), skip)


def describe_day(filter_: DayFilter, args: argparse.Namespace) -> str:
    """The summary's first line: which day, zone and hashtags the import used, and
    where each came from (an import never takes a zone silently)."""
    tags = " ".join(f"#{t.lstrip('#')}" for t in filter_.hashtags) or "all (no hashtag filter)"
    return (f"day {filter_.day.isoformat()} (from {getattr(args, 'day_from', '--day')}), "
            f"zone {filter_.tz} (from {getattr(args, 'zone_from', '--tz')}), hashtags {tags}")


def store_source(export: Path, content: Path) -> str:
    """Copy the raw export into ``content/sources/`` (once) and return its name there."""
    sources = content / "sources"
    try:
        return export.resolve().relative_to(content.resolve()).as_posix()
    except ValueError:
        pass
    destination = sources / export.name
    if destination.exists():
        same = (export.is_dir() and destination.is_dir()) or (
            export.is_file() and destination.is_file()
            and filecmp.cmp(export, destination, shallow=False))
        if same:
            return destination.relative_to(content).as_posix()
        digest = hashlib.sha256(str(export.resolve()).encode()).hexdigest()[:8]
        destination = sources / f"{export.stem}-{digest}{export.suffix}"
        if destination.exists():
            return destination.relative_to(content).as_posix()
    sources.mkdir(parents=True, exist_ok=True)
    temporary = destination.with_name(f".{destination.name}.tmp")
    if export.is_dir():
        shutil.rmtree(temporary, ignore_errors=True)
        # Links are left out: a link to /etc/passwd must not bring its target in.
        shutil.copytree(export, temporary, ignore=_links)
    else:
        shutil.copyfile(export, temporary)
    temporary.replace(destination)
    return destination.relative_to(content).as_posix()


def _links(folder: str, names: list[str]) -> list[str]:
    return [n for n in names if Path(folder, n).is_symlink()]


SAFE_ID = re.compile(r"[0-9A-Za-z_~:-][0-9A-Za-z_.~:-]{0,99}")
# A file's post as its name says: ``14h32-<id>.md`` (``-mastodon-<id>`` for the other
# networks, see Post.slug).
_ID_IN_NAME = re.compile(r"^\d\dh\d\d-(.+)\.md$")


def existing_files(posts: Path
                   ) -> tuple[dict[tuple[str, str], tuple[Path, Post]], dict[str, str]]:
    """Editors' files (and their posts) by (network, id); unreadable ones by the
    name's slug (``325…`` for a tweet, ``mastodon-110…`` for a note)."""
    found: dict[tuple[str, str], tuple[Path, Post]] = {}
    broken: dict[str, str] = {}
    for path in sorted(posts.rglob("*.md")) if posts.is_dir() else []:
        try:
            post = read_post(path)
        except PostFileError as error:
            match = _ID_IN_NAME.search(path.name)
            if match:
                broken[match.group(1)] = str(error)
            continue
        found.setdefault(post.key, (path, post))
    return found, broken


@dataclass
class Tally:
    read: int = 0
    imported: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    refused: int = 0
    warnings: int = 0
    conflicts: list[str] = field(default_factory=list)

    placed: int = 0
    day: str = ""
    inbox: int = 0  # new files written with status: new

    def summary(self) -> str:
        total = sum(self.imported.values())
        parts = ", ".join(f"{self.imported[k]} {k}" for k in ("new", "updated", "unchanged"))
        lines = [self.day] if self.day else []
        lines.append(f"read {self.read} posts; imported {total} ({parts})")
        if self.inbox:
            lines.append(f"{self.inbox} new post(s) marked 'status: new', apart from the "
                         "posts already looked at: the triage page of inventaire serve "
                         "shows them first")
        if self.placed:
            lines.append(f"{self.placed} post(s) already in content/ without a place given "
                         "one from the gazetteer")
        if self.skipped:
            reasons = ", ".join(f"{n} {k}" for k, n in sorted(self.skipped.items()))
            lines.append(f"skipped {sum(self.skipped.values())}: {reasons}")
        if self.refused:
            lines.append(f"refused {self.refused} unsafe part(s) of the exports (see the "
                         "warnings)")
        if self.warnings:
            lines.append(f"{self.warnings} post(s) imported with a warning (see above): "
                         "the editors should look at them")
        if self.conflicts:
            lines.append(f"{len(self.conflicts)} conflict(s) kept the editors' values")
        return "\n".join(lines)


def take_record(record: Any, label: str, filter_: DayFilter,
                kept: dict[tuple[str, str], Post], deleted: set[tuple[str, str]],
                tally: Tally) -> bool:
    """One record of a reader, as an import takes it (and ``inventaire live``'s pass):
    problems said and counted, a deletion noted, the day's filter applied, duplicates
    merged into ``kept``. Whether it was a post (read, kept or not)."""
    if isinstance(record, Malformed):
        tally.errors.append(str(record))
        tally.skipped["malformed"] += 1
        return False
    if isinstance(record, Refused):
        tally.errors.append(str(record))
        tally.refused += 1
        return False
    if isinstance(record, Notice):
        tally.errors.append(str(record))
        tally.warnings += 1
        return False
    if isinstance(record, Deleted):
        deleted.add((record.network, record.id))
        return False
    if isinstance(record, Skipped):
        if record.reason != "not a post":
            tally.read += 1
            tally.skipped[record.reason] += 1
        return True
    tally.read += 1
    if not SAFE_ID.fullmatch(record.id):
        tally.errors.append(f"{label}: post id {record.id[:60]!r} has characters a file "
                            "name cannot hold; skipped")
        tally.skipped["malformed"] += 1
        return True
    reason = filter_.reason(record)
    if reason:
        tally.skipped[reason] += 1
    elif record.key in kept:
        tally.skipped["duplicate"] += 1
        kept[record.key] = merge_duplicates(kept[record.key], record)
    else:
        kept[record.key] = record
    return True


def collect(exports: list[Path], formats: list[str], filter_: DayFilter, content: Path,
            tally: Tally, progress: Progress | None = None) -> dict[tuple[str, str], Post]:
    kept: dict[tuple[str, str], Post] = {}
    deleted: set[tuple[str, str]] = set()
    limits = project_limits(content.parent)  # what one archive may hold in all
    with (progress or Progress(QUIET)).step("reading exports", "posts") as bar:
        for export, kind in zip(exports, formats, strict=True):
            context = ReadContext(filter_.tz, store_source(export, content), str(export),
                                  limits)
            for record in READERS[kind](export, context):
                if take_record(record, context.label, filter_, kept, deleted, tally):
                    bar.advance()
        bar.done = f"{figure(tally.read)} posts read, {figure(len(kept))} of the day"
    for key in deleted & kept.keys():
        del kept[key]
        tally.skipped["deleted"] += 1
    return kept


def run(args: argparse.Namespace) -> int:
    content = Path(args.project) / "content"
    filter_ = day_filter(args, content)
    exports = [Path(p) for p in args.exports]
    formats: list[str] = []
    for export in exports:
        if not export.exists():
            raise UserError(f"{export} does not exist; check the path of the export")
        if args.format:
            if args.format not in READERS:
                raise UserError(f"unknown format {args.format!r}; use one of: "
                                f"{', '.join(READERS)}")
            formats.append(args.format)
            continue
        try:
            formats.append(detect(export, project_limits(Path(args.project))))
        except UnknownFormat as error:
            raise UserError(str(error)) from None
        except OSError as error:
            raise UserError(f"{export} cannot be read ({error.strerror})") from None
    tally = Tally(day=describe_day(filter_, args))
    progress = Progress(QUIET if args.no_progress else level_of(args))
    try:
        posts = collect(exports, formats, filter_, content, tally, progress)
    except OSError as error:
        raise UserError(f"cannot read {error.filename}: {error.strerror}") from None
    left_out_withdrawn(posts, content, tally)
    try:
        tagger = PlaceTagger(load_places(content / "places"))
    except PostFileError as error:
        raise UserError(f"the gazetteer has an error: {error}") from None
    with progress.step("reading content/posts", "files") as step:
        files, broken = existing_files(content / "posts")
        step.count = len(files) + len(broken)
    for line in shared_ids(posts, files):
        tally.errors.append(line)
        tally.warnings += 1
    status = new_status(args, files)
    records = ImportRecords(content)  # read once, written once (when one changed)
    # The editors' files and the import records are staged, then made durable and put
    # in place together: one sync for the import instead of two fsyncs per post, each
    # file still replaced atomically (see DeferredWrites). On an error halfway, what
    # was staged is committed, the records of the posts written with it.
    with progress.step("writing files", "posts", total=len(posts)) as step:
        batch = DeferredWrites()
        try:
            for post in sorted(posts.values(), key=Post.sort_key):
                write_one(post, content, files, broken, tagger, status, tally,
                           batch.write, bool(getattr(args, "update_only", False)), records)
                step.advance()
        finally:
            records.commit(batch)
        step.done = ", ".join(f"{tally.imported[k]} {k}" for k in ("new", "updated",
                                                                    "unchanged"))
    record_problems(records, tally)
    for line in tally.errors + tally.conflicts:
        print(line, file=sys.stderr)
    if not progress.quiet or args.no_progress:
        print(tally.summary())
    return 1 if tally.errors else 0


WITHDRAWN = "withdrawn (content/rights.yml)"


def record_problems(records: ImportRecords, tally: Tally) -> None:
    """Lines of the import records that hold no record, as the import's warnings."""
    tally.errors.extend(str(problem) for problem in records.problems)
    tally.warnings += len(records.problems)


def new_status(args: argparse.Namespace, files: dict[tuple[str, str], Any]) -> str:
    """The status of the files an import adds: ``--status``, else ``candidate`` at
    the first import and ``new`` at a re-import. A re-import of the whole export used
    to add a thousand candidates beside the few hundred the editors had looked at;
    marked ``new``, they stay apart (the triage page shows them first, ``check``
    counts them) until an editor decides, and nothing else changes: a new post is a
    candidate in every rule (:attr:`Post.candidate`)."""
    given = getattr(args, "status", None)
    if given:
        return str(given)
    return "new" if files else "candidate"


def left_out_withdrawn(posts: dict[tuple[str, str], Post], content: Path,
                       tally: Tally) -> None:
    """Leave out the posts the register of withdrawals names: a withdrawn author's
    posts are never imported again, new or already in ``content/`` (their files are
    left as they are)."""
    try:
        register = Register.load(content)
    except PostFileError as error:
        raise UserError(f"the register of withdrawals has an error: {error}") from None
    if not register.rules:
        return
    for key, post in list(posts.items()):
        if register.rule_for(post) is not None:
            del posts[key]
            tally.skipped[WITHDRAWN] += 1


def write_one(post: Post, content: Path, files: dict[tuple[str, str], tuple[Path, Post]],
               broken: dict[str, str], tagger: PlaceTagger, status: str, tally: Tally,
               write: Writer, update_only: bool = False,
               records: ImportRecords | None = None) -> None:
    named = post.slug if post.slug in broken else post.id if (
        post.network != "twitter" and post.id in broken) else ""  # older names: the id
    if post.key not in files and named:
        tally.conflicts.append(f"{broken[named]} (post {post.slug} not merged until fixed)")
        tally.skipped["unreadable file"] += 1
        return
    if update_only and post.key not in files:
        tally.skipped["not in content/ (--update-only)"] += 1
        return
    path, current = files.get(post.key) or (None, None)
    # A place is an editor's field: a new file gets the gazetteer's, an existing one
    # only when it has none (merge_post decides, never replacing the editor's).
    found = "" if post.place or (current is not None and current.place) else \
        tagger.tag(post.text, post.coordinates)
    if current is None:
        post.place = post.place or found
    unsafe = unsafe_addresses(post)  # javascript:, data:… left out, each said
    tally.errors.extend(unsafe)
    tally.warnings += len(unsafe)
    refused = copy_media(post, content)
    tally.errors.extend(refused)
    tally.refused += len(refused)
    post.extra = {k: v for k, v in post.extra.items() if not k.startswith("_")}
    outcome = merge_post(post, content, path, status, current, write,
                         place=found if current is not None else "", records=records)
    tally.placed += outcome.placed
    tally.imported[outcome.kind] += 1
    tally.inbox += outcome.kind == "new" and status == "new"
    tally.conflicts.extend(outcome.conflicts)

