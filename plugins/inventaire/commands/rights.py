"""The authors' rights: withdrawal, consent, and who to ask for permission.

A post belongs to its author. ``inventaire withdraw`` records a post (or an author)
in the register ``content/rights.yml`` (:mod:`inventaire.core.rights`), which every
reading of the editors' files applies: the import leaves the author's posts out, the
site and the book leave them out of every output. The editors' files are not
touched, so the author's future posts are covered as well as those already
imported, and ``--undo`` restores each post's own status, the register keeping the
history.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from inventaire.core import settings as inventaire_settings
from inventaire.core.errors import UserError
from inventaire.core.model import NETWORKS, Post
from inventaire.core.project import post_files as core_post_files
from inventaire.core.project import read_posts
from inventaire.core.rights import Kind, Register, Rule
from inventaire.core.text.handles import (
    foreign_characters,
    handle_key,
    hidden_characters,
    lookalikes,
    normal_handle,
    parse_shown,
    shown_handle,
)

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


def find_targets(project: Path, target: str) -> list[tuple[Path, Post]]:
    """The files a withdrawal applies to: one post id, or every post of ``@handle``."""
    paths = post_files(project)
    target = target.strip()
    if target.startswith("@"):
        handle = handle_key(target[1:])
        if not handle:
            raise UserError("'@' alone names no author: give the handle, e.g. @flaneuse75")
        posts, errors = read_posts(paths)
        for error in errors:
            print(f"inventaire: warning: skipped {error}", file=sys.stderr)
        found = [(p, post) for p, post in posts if handle_key(post.author) == handle]
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


def _networks(project: Path, target: str, network: str) -> tuple[Kind, str, list[str]]:
    """What the register gets: the kind, the handle or id, and the networks (the
    ``--network`` given, else those of the target's posts in ``content/``; an author
    not imported yet needs ``--network``)."""
    target = target.strip()
    kind: Kind = "author" if target.startswith("@") else "post"
    name = target[1:] if kind == "author" else target
    if network:
        if network not in NETWORKS:
            raise UserError(f"--network {network!r}: use one of {', '.join(NETWORKS)}")
        if kind == "author" and not name:
            raise UserError("'@' alone names no author: give the handle, e.g. @flaneuse75")
        if kind == "post" and not re.fullmatch(r"[\w.:-]+", name):
            raise UserError(f"{target!r} is neither a post id nor an @handle: "
                            "give the id from the post's file name or address")
        return kind, name, [network]
    try:
        found = find_targets(project, target)
    except UserError as error:
        raise UserError(f"{error}; to withdraw one not imported yet, add --network "
                        f"({', '.join(NETWORKS)})") from None
    return kind, name, sorted({post.network for _path, post in found})


def withdraw_posts(project: Path, target: str, reason: str = "", network: str = "",
                   undo: bool = False) -> list[tuple[Rule, bool]]:
    """Record the withdrawal (or its undo) in ``content/rights.yml``, once per
    network; each rule with whether it changed. The editors' files are not touched:
    the register is applied whenever they are read."""
    posts_folder(project)
    target = as_typed(target)
    # A post named as its address names it: mastodon-<id> is the note, not the tweet.
    qualified = re.fullmatch(rf"({'|'.join(NETWORKS)})-(.+)", target)
    if qualified and not network:
        network, target = qualified.groups()
    kind, name, networks = _networks(project, target, network)
    register = Register.load(project / "content")
    date = withdrawal_date()
    done: list[tuple[Rule, bool]] = []
    for net in networks:
        if undo:
            rule = register.restore(kind, name, net, date, reason)
            if rule is None:
                raise UserError(f"{target} ({net}) is not withdrawn in "
                                f"{register.path}: nothing to undo")
            done.append((rule, True))
        else:
            done.append(register.withdraw(kind, name, net, date, reason))
    if any(changed for _rule, changed in done):
        register.save()
    return done


def withdraw(args: Any) -> int:
    """``inventaire withdraw ID|@handle [--reason TEXT] [--network N] [--undo]``."""
    project = Path(args.project)
    undo = bool(getattr(args, "undo", False))
    done = withdraw_posts(project, args.target, args.reason or "",
                          getattr(args, "network", "") or "", undo)
    register = Register.load(project / "content")
    posts, _errors = read_posts(post_files(project))
    if not undo:
        warn_lookalikes(as_typed(args.target), [post for _path, post in posts])
    shown = _relative(register.path, project)
    for rule, changed in done:
        count = sum(1 for _path, post in posts if rule.names(post))
        if not changed:
            print(f"{shown}: {rule.label} already withdrawn on {rule.last.date}; "
                  "left unchanged")
        elif undo:
            print(f"{shown}: {rule.label} restored ({count} post(s) in content/ follow "
                  "their own status again); the history is kept")
        else:
            said = f" ({rule.last.reason})" if rule.last.reason else ""
            print(f"{shown}: {rule.label} withdrawn on {rule.last.date}{said}; "
                  f"{count} post(s) in content/ left out, none imported again")
    print("run 'inventaire build' to bring output/ up to date.")
    return 0


def as_typed(target: str) -> str:
    """A target as the register keeps it: a handle typed as it is shown
    (``@flaneuse75⟨U+200B⟩``, the escapes ``inventaire authors`` prints) back to its
    characters, in NFC; an id as it is."""
    target = target.strip()
    return "@" + normal_handle(parse_shown(target)) if target.startswith("@") else target


def warn_lookalikes(target: str, posts: list[Post]) -> None:
    """Name the handles that look like the withdrawn one but are other accounts (a
    zero-width or bidi character, a full-width letter): they are not withdrawn, since
    an impostor's posts are not the author's, but the editors should look at them."""
    if not target.startswith("@"):
        return
    handles = {(post.network, post.author) for post in posts}
    for other in lookalikes(target, [handle for _network, handle in handles]):
        count = sum(1 for post in posts if post.author == other)
        shown = shown_handle(other)
        odd = "".join(f", {code}" for code in hidden_characters(other)
                      + foreign_characters(other))
        print(f"inventaire: warning: @{shown} ({count} post(s){odd}) looks like "
              f"@{shown_handle(target)} but is another account: not withdrawn; to "
              f"withdraw it as well: inventaire withdraw '@{shown}'", file=sys.stderr)


def authors(args: Any) -> int:
    """``inventaire authors [--csv FILE]`` (in :mod:`inventaire.commands.rights_authors`)."""
    from inventaire.commands.rights_authors import run

    return run(args)


def _relative(path: Path, project: Path) -> str:
    try:
        return str(path.resolve().relative_to(project.resolve()))
    except ValueError:
        return str(path)
