"""``inventaire authors``: who wrote the selection, and whether they said yes.

Before a book is printed, someone writes to every author of the selection. This
lists them with their number of posts and the state of their consent, and writes a
CSV that a mail merge or a spreadsheet can take as it is.
"""

from __future__ import annotations

import csv
import io
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from inventaire.core.atomic import write_atomic
from inventaire.core.errors import UserError
from inventaire.core.model import Post
from inventaire.core.postfile import PostFileError
from inventaire.core.project import post_files, read_posts
from inventaire.core.rights import Register
from inventaire.core.text.handles import handle_key, shown_handle
from inventaire.core.text.render import mention_url

CSV_FIELDS = ("handle", "name", "network", "posts", "consent", "profile_url", "ids")

# A spreadsheet runs a cell that starts with one of these as a formula; an author's
# name is untrusted text, so such a cell gets a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Author:
    """One author of the selection, on one network."""

    handle: str
    network: str
    name: str = ""
    posts: list[Post] = field(default_factory=list)

    @property
    def consent(self) -> str:
        """``granted``, ``refused`` or ``unknown`` when all posts agree, else ``mixed``."""
        states = {post.consent for post in self.posts}
        return states.pop() if len(states) == 1 else "mixed"

    @property
    def ids(self) -> list[str]:
        return [post.id for post in sorted(self.posts, key=Post.sort_key)]

    @property
    def profile_url(self) -> str:
        """The author's page on the network, any character outside ASCII
        percent-encoded: an impostor's address never reads as the real author's."""
        return quote(mention_url(self.network, self.handle), safe=":/@.~_-")


def selection_authors(posts: list[Post]) -> list[Author]:
    """The authors of the selected posts, sorted by handle then network."""
    found: dict[tuple[str, str], Author] = {}
    for post in sorted(posts, key=Post.sort_key):
        if post.status != "selected":
            continue
        key = (post.network, handle_key(post.author))  # an impostor's ZWSP kept apart
        author = found.setdefault(key, Author(post.author, post.network))
        author.posts.append(post)
        if post.author_name:
            author.name = post.author_name  # the latest name wins
    return sorted(found.values(), key=lambda a: (shown_handle(a.handle).casefold(), a.network))


def spreadsheet_safe(value: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula (OWASP's advice:
    a leading apostrophe), also when spaces come before the formula's sign."""
    starts = value.startswith(FORMULA_STARTS) or value.lstrip().startswith(FORMULA_STARTS)
    return "'" + value if starts else value


def _one_line(value: str) -> str:
    """Names may hold control characters or line breaks; a table shows one line."""
    return "".join(ch if ch.isprintable() else " " for ch in value)


def authors_csv(authors: list[Author]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for author in authors:
        # Every cell, not only the name: a handle, an id or an address in an editors'
        # file is typed by hand and may start with '=' as well.
        writer.writerow([_one_line(spreadsheet_safe(str(cell))) for cell in (
            shown_handle(author.handle), author.name, author.network, len(author.posts),
            author.consent, author.profile_url, " ".join(author.ids))])
    return out.getvalue()


def authors_table(authors: list[Author]) -> str:
    width = max((len(shown_handle(a.handle)) for a in authors), default=6) + 1
    lines = [f"{'author':<{width + 1}} {'network':<9} {'posts':>5}  {'consent':<8} name"]
    lines.extend(f"@{shown_handle(a.handle):<{width}} {a.network:<9} {len(a.posts):>5}  "
                 f"{a.consent:<8} {_one_line(a.name)}" for a in authors)
    total = sum(len(a.posts) for a in authors)
    states = {state: sum(1 for a in authors if a.consent == state)
              for state in ("granted", "refused", "unknown", "mixed")}
    summary = ", ".join(f"{count} {state}" for state, count in states.items() if count)
    lines.append(f"{len(authors)} author(s), {total} selected post(s)"
                 + (f"; consent: {summary}" if summary else ""))
    return "\n".join(lines)


def register_lines(register: Register, posts: list[Post]) -> list[str]:
    """The register's entries, one line each: who, since when, why, and how many of
    the files in ``content/`` it leaves out (a restored entry says so)."""
    lines = []
    for rule in register.rules:
        count = sum(1 for post in posts if rule.names(post))
        said = f": {_one_line(rule.last.reason)}" if rule.last.reason else ""
        if rule.active:
            lines.append(f"withdrawn {rule.label} on {rule.last.date}{said} "
                         f"({count} post file(s) left out)")
        else:
            lines.append(f"restored {rule.label} on {rule.last.date}{said}")
    return lines


def run(args: Any) -> int:
    project = Path(args.project)
    content = project / "content"
    try:
        register = Register.load(content)
    except PostFileError as error:
        raise UserError(f"the register of withdrawals has an error: {error}") from None
    read, errors = read_posts(post_files(content))
    for problem in errors:
        print(f"inventaire: warning: skipped {problem}", file=sys.stderr)
    raw = [post for _path, post in read]
    # The selection as the outputs have it: the register applied.
    authors = selection_authors([register.apply(post) for post in raw])
    print(authors_table(authors))
    lines = register_lines(register, raw)
    if lines:
        print(f"\n{register.path} ({len(lines)} entr{'y' if len(lines) == 1 else 'ies'}):")
        print("\n".join(f"  {line}" for line in lines))
    if args.csv is not None:
        write_atomic(Path(args.csv), authors_csv(authors))
        print(f"wrote {args.csv} ({len(authors)} author(s))")
    return 0
