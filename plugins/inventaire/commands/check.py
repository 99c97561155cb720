"""``inventaire check``: every problem in ``content/``, one line each, before a build.

Each line reads ``path:line: field: what is wrong — how to fix it`` (the
:class:`~inventaire.core.postfile.PostFileError` form) so editors can jump to it. Checked:
YAML and field errors, unknown place slugs, the same post in two files, dates outside
the day, media files missing, texts edited away from what the export said (the import
records of :mod:`.curation.records`), texts longer than their network allows, and in
the editors' pages and places' introductions a ``{static}``/``{attach}`` leading out
of ``content/pages`` and ``content/media`` or an image the book cannot print
(:func:`inventaire.book.editors.check_files`). Exit
status 1 if anything is wrong. Warnings (``path:line: warning: …``, with a count) do not
change the status: selected photos without alt text, and posts their authors marked
sensitive that are still candidates.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from inventaire.commands import check_hostile as hostile
from inventaire.core.day import read_day_file
from inventaire.core.messages import language_of, localize, translate
from inventaire.core.model import STATUSES, Post
from inventaire.core.places import load_places
from inventaire.core.postfile import PostFileError, field_lines, read_post, split_front_matter
from inventaire.core.progress import Progress, level_of
from inventaire.core.rights import Register
from inventaire.importer.curation.records import ImportRecords

LIMITS = {"twitter": 280, "mastodon": 500, "bluesky": 300}


def _length(post: Post) -> int:
    if post.network == "twitter":
        try:
            from inventaire.core.text.twitter_text import weighted_length
        except ImportError:
            return len(post.text)
        return int(weighted_length(post.text))
    return len(post.text)


def _lines(path: Path) -> dict[str, int]:
    try:
        head, _body, _first = split_front_matter(path.read_text(encoding="utf-8"), str(path))
    except (PostFileError, UnicodeDecodeError):
        return {}
    return field_lines(head)


def _body_line(path: Path) -> int:
    try:
        return split_front_matter(path.read_text(encoding="utf-8"), str(path))[2]
    except (PostFileError, UnicodeDecodeError):
        return 1


def check_post(post: Post, path: Path, content: Path, places: set[str],
               day: tuple[str, ZoneInfo] | None,
               records: ImportRecords | None = None) -> list[PostFileError]:
    """Problems of one readable post file. ``records``: the import records, read once
    for the whole check (else read for this post)."""
    if records is None:
        records = ImportRecords(content, migrate=False)
    shown = str(path)
    lines = _lines(path)
    found: list[PostFileError] = []

    def add(field: str, what: str, fix: str, line: int | None = None) -> None:
        found.append(PostFileError(shown, line or lines.get(field, 1), field, what, fix))

    if places and post.place and post.place not in places:
        add("place", f"{post.place!r} is not in content/places/",
            "use the slug of a file in content/places/ (its name without .md)")
    if post.declaimed and places and post.declaimed.place not in places:
        add("declaimed", f"place {post.declaimed.place!r} is not in content/places/",
            "use the slug of a file in content/places/")
    if day is not None:
        wanted, tz = day
        local = post.date.astimezone(tz).date().isoformat()
        if local != wanted:
            add("date", f"{post.date.isoformat()} is on {local}, not on the day {wanted}",
                "check the date, or set the status to withdrawn")
    for index, media in enumerate(post.media, 1):
        if media.file and not (content / media.file).is_file():
            add("media", f"image {index}: {media.file} does not exist",
                "put the file in content/media/ or re-import the export")
    record = records.get(post.network, post.id)
    verbatim = record is not None and record.get("text") == post.text
    if record is not None and record.get("text") is not None and not verbatim:
        add("text", "the text differs from the imported post; a post is quoted verbatim",
            "restore the original text: it is 'text' in the record of "
            f"{post.network}-{post.id} in content/.inventaire/imported.jsonl",
            _body_line(path))
    limit = LIMITS.get(post.network)
    # A text the export gave verbatim may be long (note tweets): only edits are measured.
    if limit and not verbatim and _length(post) > limit:
        add("text", f"{_length(post)} characters where {post.network} allows {limit}",
            "restore the original text: imported posts are never longer", _body_line(path))
    return found


def warnings_of(post: Post, path: Path) -> list[PostFileError]:
    """What the editors should look at, but that never stops a build.

    A selected photo without a description: most real posts carry none, and writing
    one is the editors' work (the book then describes the photo by its caption or the
    post's text). A post its author marked sensitive (a content warning) that is still
    a candidate: selecting or withdrawing it is the editors' decision.
    """
    found: list[PostFileError] = []
    lines: dict[str, int] | None = None

    def add(field: str, what: str, fix: str) -> None:
        nonlocal lines
        lines = _lines(path) if lines is None else lines
        found.append(PostFileError(str(path), lines.get(field, 1), field, what, fix))

    if post.status == "selected":
        for index, media in enumerate(post.media, 1):
            if media.kind == "photo" and not media.alt.strip():
                add("media", f"image {index} of a selected post has no alt text",
                    "describe the picture in 'alt:' for people who cannot see it")
    if post.candidate and post.extra.get("sensitive"):
        warning = str(post.extra.get("content_warning") or "")
        said = f" (content warning: {warning[:60]!r})" if warning else ""
        add("sensitive", f"its author marked this post sensitive{said}",
            "decide: set status to selected or withdrawn")
    return found


def _day(content: Path, found: list[PostFileError]) -> tuple[str, ZoneInfo] | None:
    """The day and its zone from ``journee.md``; a problem there is reported, not hidden."""
    try:
        settings = read_day_file(content)
    except PostFileError as error:
        found.append(error)
        return None
    if settings is None or settings.date is None:
        return None
    try:
        return settings.date.isoformat(), ZoneInfo(settings.timezone or "Europe/Paris")
    except (ZoneInfoNotFoundError, ValueError):
        found.append(PostFileError(str(settings.path), _lines(settings.path).get("timezone", 2),
                                   "timezone", f"{settings.timezone!r} is not a time zone",
                                   "use a name like Europe/Paris"))
        return None


def problems(content: Path, warnings: list[PostFileError] | None = None,
             statuses: Counter[str] | None = None) -> list[PostFileError]:
    """Every problem in ``content/``, in path order; warnings go to ``warnings``, the
    readable posts' statuses are counted in ``statuses``."""
    found: list[PostFileError] = []
    try:
        place_slugs = set(load_places(content / "places"))
    except PostFileError as error:
        found.append(error)
        place_slugs = set()
    day = _day(content, found)
    seen: dict[tuple[str, str], Path] = {}
    readable: list[tuple[Path, Post]] = []
    records = ImportRecords(content, migrate=False)  # read once, never written here
    posts_dir = content / "posts"
    for path in sorted(posts_dir.rglob("*.md")) if posts_dir.is_dir() else []:
        try:
            post = read_post(path)
        except PostFileError as error:
            found.append(error)
            continue
        if statuses is not None:
            statuses[post.status] += 1
        if post.key in seen:
            found.append(PostFileError(str(path), _lines(path).get("id", 1), "id",
                                       f"post {post.id} is also in {seen[post.key]}",
                                       "keep one of the two files and delete the other"))
        else:
            seen[post.key] = path
        found.extend(check_post(post, path, content, place_slugs, day, records))
        found.extend(hostile.problems_of(post, path))
        readable.append((path, post))
        if warnings is not None:
            warnings.extend(warnings_of(post, path) + hostile.warnings_of(post, path))
    if warnings is not None:  # impostors' handles, ids two networks share
        warnings.extend(hostile.shared_warnings(readable))
        warnings.extend(PostFileError(p.path, p.line, "record", p.what, p.fix)
                        for p in records.problems)  # lines of the records left out
    from inventaire.book.editors import check_files

    found.extend(check_files(content))  # {static} out of pages/media, images not printable
    return found


def register_notes(content: Path, found: list[PostFileError]) -> list[str]:
    """The register of withdrawals as check reports it: an error when it cannot be
    read (the build then leaves every post out), else one line per active entry with
    the number of post files it leaves out of every output."""
    try:
        register = Register.load(content)
    except PostFileError as error:
        found.append(error)
        return []
    if not register.rules:
        return []
    from inventaire.core.project import post_files, read_posts

    posts = [post for _path, post in read_posts(post_files(content))[0]]
    notes = []
    for rule in register.rules:
        if rule.active:
            count = sum(1 for post in posts if rule.names(post))
            notes.append(f"{register.path}:{rule.line}: withdrawn: {rule.label} on "
                         f"{rule.last.date}: {count} post file(s) left out of every output")
    return notes


def language(project: Path) -> str:
    """The language of the project's messages: its site's (``DEFAULT_LANG`` of
    ``pelicanconf.py``), English when there is no settings file or it cannot be read
    (the build will say why; the check still runs)."""
    if not (project / "pelicanconf.py").is_file():
        return "en"
    from inventaire.commands.build import load_settings

    try:
        return language_of(load_settings(project))
    except Exception:  # any error of the editors' Python file: the check goes on
        return "en"


def run(args: argparse.Namespace) -> int:
    content = Path(args.project) / "content"
    lang = language(Path(args.project))
    warnings: list[PostFileError] = []
    statuses: Counter[str] = Counter()
    progress = Progress(level_of(args))
    with progress.step("reading content", "post files") as step:
        found = [localize(error, lang) for error in problems(content, warnings, statuses)]
        step.count = sum(statuses.values())
    notes = register_notes(content, found)
    for problem in found:
        print(problem)
    if progress.quiet:
        if found:
            print(translate(f"{len(found)} problem(s) in {content}", lang), file=sys.stderr)
        return 1 if found else 0
    for note in notes:
        print(note)
    waiting = statuses["new"]
    if waiting:
        print(translate(f"{content / 'posts'}: {waiting} new post(s) waiting for triage "
                        "(status: new; the triage page of inventaire serve shows them "
                        "first)", lang))
    for warning in (localize(w, lang) for w in warnings):
        print(f"{warning.path}:{warning.line}: {translate('warning', lang)}: "
              f"{warning.field}: {warning.what} — {warning.fix}")
    if warnings:
        alts = sum(1 for w in warnings if w.field == "media" and "alt text" in w.what)
        sensitive = sum(1 for w in warnings if w.field == "sensitive")
        print(translate(f"{len(warnings)} warning(s): {alts} photo(s) of selected posts "
                        f"without a description, {sensitive} sensitive post(s) to decide",
                        lang), file=sys.stderr)
        hostile_count = len(warnings) - alts - sensitive  # check_hostile's
        if hostile_count:
            print(translate(f"{hostile_count} warning(s) about what strangers sent: hidden "
                            "characters, look-alike handles, control characters, ids two "
                            "networks share", lang), file=sys.stderr)
    if progress.verbose:
        print("statuses: " + ", ".join(f"{statuses[name]} {name}" for name in STATUSES))
    if found:
        print(translate(f"{len(found)} problem(s) in {content}", lang), file=sys.stderr)
        return 1
    print(all_well(content, sum(statuses.values()), len(warnings), lang))
    return 0


def all_well(content: Path, posts: int, warnings: int, lang: str = "en") -> str:
    """The one line of a check that found nothing wrong (it used to print nothing)."""
    also = translate(f"; {warnings} warning(s) above, to look at", lang) if warnings else ""
    return translate(f"inventaire check: {posts} post file(s) in {content}, no problem — "
                     "all is well", lang) + also
