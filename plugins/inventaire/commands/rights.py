"""The authors' rights: withdrawal, consent, and who to ask for permission.

A post belongs to its author. ``inventaire withdraw`` marks a post (or every post of
an author) ``status: withdrawn`` in the editors' file, where the reader turns it into
Pelican's ``skip`` so that the next build leaves it out of every output. The edit
touches only the front matter lines it must change, so that an editor's comments,
quoting and the post's text stay byte for byte as they were.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from inventaire.core import settings as inventaire_settings
from inventaire.core.atomic import write_atomic
from inventaire.core.errors import UserError
from inventaire.core.model import Post
from inventaire.core.postfile import FRONT, PostFileError, dump_post, load_post, read_post
from inventaire.core.project import post_files as core_post_files
from inventaire.core.project import read_posts

POSTS = Path("content") / "posts"


# --------------------------------------------------------------------------- consent

def in_book(post: Post, settings: Mapping[str, Any]) -> bool:
    """:meth:`Post.printable` with the project's ``BOOK_REQUIRE_CONSENT``."""
    return post.printable(bool(inventaire_settings.get(settings, "BOOK_REQUIRE_CONSENT")))


# ------------------------------------------------------------------------ the files

def posts_folder(project: Path) -> Path:
    folder = project / POSTS
    if not folder.is_dir():
        raise UserError(f"{folder} not found: run this command in the project folder "
                        "or give --project")
    return folder


def post_files(project: Path) -> list[Path]:
    """Every editors' file of ``project``; a folder without posts is a user error."""
    return core_post_files(posts_folder(project).parent)


# ---------------------------------------------------------------------- withdrawal

def withdrawal_date() -> str:
    """Now, or ``SOURCE_DATE_EPOCH`` so that tests and reproducible runs agree."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).isoformat(timespec="seconds")
    return datetime.now(UTC).astimezone().isoformat(timespec="seconds")


class _OneLineDumper(yaml.SafeDumper):
    """Strings with line breaks or control characters go double-quoted, escaped."""


def _one_line_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if any(not ch.isprintable() for ch in value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_OneLineDumper.add_representer(str, _one_line_str)


def _flow(value: Any) -> str:
    """One YAML value on one line, quoted where YAML needs it (a reason may hold ':')."""
    return yaml.dump(value, Dumper=_OneLineDumper, default_flow_style=True,
                     allow_unicode=True, sort_keys=False, width=1_000_000).strip()


_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


def _top_level_spans(lines: list[str]) -> dict[str, tuple[int, int]]:
    """For each top-level key of the front matter: its first line and the line after."""
    starts = [(index, match.group(1)) for index, line in enumerate(lines)
              if (match := _KEY.match(line))]
    spans: dict[str, tuple[int, int]] = {}
    for position, (index, name) in enumerate(starts):
        end = starts[position + 1][0] if position + 1 < len(starts) else len(lines)
        while end > index + 1 and not lines[end - 1].strip():
            end -= 1
        spans.setdefault(name, (index, end))
    return spans


def withdrawn_text(text: str, record: dict[str, str], path: str) -> str:
    """The file with ``status: withdrawn`` and the ``withdrawn`` record; nothing else moves.

    Only the front matter's ``status`` and ``withdrawn`` entries are rewritten; the
    other lines and the body are kept byte for byte. The result is read back and
    checked; if the minimal edit cannot be proved right (an unusual layout), the
    whole file is written out again from the parsed post instead.
    """
    original = load_post(text, path)
    lines = text.split("\n")
    end = next(i for i in range(1, len(lines)) if lines[i].rstrip("\r") == FRONT)
    head = [line.rstrip("\r") for line in lines[1:end]]
    cr = "\r" if lines[0].endswith("\r") else ""  # a CRLF file stays CRLF
    status_line = "status: withdrawn"
    record_line = f"withdrawn: {_flow(record)}"
    spans = _top_level_spans(head)
    if "withdrawn" in spans:
        start, stop = spans["withdrawn"]
        head[start:stop] = [record_line]
        spans = _top_level_spans(head)
    if "status" in spans:
        start, stop = spans["status"]
        comment = re.search(r"\s+#.*$", head[start])
        head[start:stop] = [status_line + (comment.group(0) if comment else "")]
        spans = _top_level_spans(head)
    else:
        after = spans.get("place", spans.get("author_name", spans.get("author", (0, 0))))[1]
        head.insert(after, status_line)
        spans = _top_level_spans(head)
    if "withdrawn" not in spans:
        head.insert(spans["status"][1], record_line)
    new_head = [line + cr for line in head]
    result = "\n".join([lines[0], *new_head, *lines[end:]])
    if _is_withdrawn_copy(result, original, record, path):
        return result
    post = original
    post.status = "withdrawn"
    post.extra = {**post.extra, "withdrawn": record}
    return dump_post(post)


def _is_withdrawn_copy(text: str, original: Post, record: dict[str, str], path: str) -> bool:
    """The edit parses, says withdrawn with the record, and changed nothing else."""
    try:
        post = load_post(text, path)
    except PostFileError:
        return False
    if post.status != "withdrawn" or post.extra.get("withdrawn") != record:
        return False
    post.status = original.status
    post.extra = {k: v for k, v in post.extra.items() if k != "withdrawn"}
    before = {k: v for k, v in original.extra.items() if k != "withdrawn"}
    return post.extra == before and dump_post(post) == dump_post(_without_record(original))


def _without_record(post: Post) -> Post:
    from dataclasses import replace

    return replace(post, extra={k: v for k, v in post.extra.items() if k != "withdrawn"})


def find_targets(project: Path, target: str) -> list[tuple[Path, Post]]:
    """The files a withdrawal applies to: one post id, or every post of ``@handle``."""
    paths = post_files(project)
    target = target.strip()
    if target.startswith("@"):
        handle = target[1:].casefold()
        if not handle:
            raise UserError("'@' alone names no author: give the handle, e.g. @flaneuse75")
        posts, errors = read_posts(paths)
        for error in errors:
            print(f"inventaire: warning: skipped {error}", file=sys.stderr)
        found = [(p, post) for p, post in posts if post.author.casefold() == handle]
        if not found:
            raise UserError(f"no post by @{target[1:]} in {posts_folder(project)}: "
                            "check the handle (run 'inventaire authors' to list them)")
        return found
    if not target or not re.fullmatch(r"[\w.:-]+", target):
        raise UserError(f"{target!r} is neither a post id nor an @handle: "
                        "give the id from the post's file name or address")
    # A file whose name ends with the id must be readable: a withdrawal never
    # silently misses a post because its file is broken.
    named = [p for p in paths if p.stem.endswith(f"-{target}")]
    posts, errors = read_posts(named)
    if errors:
        raise UserError(f"cannot withdraw {target}: {errors[0]}")
    found = [(p, post) for p, post in posts if post.id == target]
    if not found:
        others, _errors = read_posts(p for p in paths if p not in named)
        found = [(p, post) for p, post in others if post.id == target]
    if not found:
        raise UserError(f"no post with id {target} in {posts_folder(project)}: "
                        "check the id (it is the number at the end of the file name)")
    return found


@dataclass
class Withdrawal:
    """What ``withdraw`` did to one file."""

    path: Path
    post: Post
    changed: bool
    before: str
    record: dict[str, str] = field(default_factory=dict)


def withdraw_posts(project: Path, target: str, reason: str = "") -> list[Withdrawal]:
    """Mark the target's posts withdrawn, atomically, one file at a time."""
    record = {"date": withdrawal_date(), "reason": reason}
    done: list[Withdrawal] = []
    for path, post in find_targets(project, target):
        if post.status == "withdrawn":
            done.append(Withdrawal(path, post, changed=False, before=post.status,
                                   record=dict(post.extra.get("withdrawn") or {})))
            continue
        text = path.read_text(encoding="utf-8")
        new_text = withdrawn_text(text, record, str(path))
        write_atomic(path, new_text)
        done.append(Withdrawal(path, read_post(path), changed=True, before=post.status,
                               record=record))
    return done


def withdraw(args: Any) -> int:
    """``inventaire withdraw ID|@handle [--reason TEXT]``."""
    project = Path(args.project)
    done = withdraw_posts(project, args.target, args.reason or "")
    for item in done:
        shown = _relative(item.path, project)
        if item.changed:
            print(f"{shown}: status: {item.before} → withdrawn "
                  f"(withdrawn: {_flow(item.record)})")
        else:
            print(f"{shown}: already withdrawn, left unchanged")
    changed = sum(item.changed for item in done)
    print(f"{changed} file(s) changed; run 'inventaire build' to remove "
          "them from output/.")
    return 0


def authors(args: Any) -> int:
    """``inventaire authors [--csv FILE]`` (in :mod:`inventaire.commands.rights_authors`)."""
    from inventaire.commands.rights_authors import run

    return run(args)


def _relative(path: Path, project: Path) -> str:
    try:
        return str(path.resolve().relative_to(project.resolve()))
    except ValueError:
        return str(path)
