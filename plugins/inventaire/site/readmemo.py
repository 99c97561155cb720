"""Posts parsed once per content: across the preview builder's builds, and across
the cores within one build.

Parsing the editors' files (YAML, then the post's text to HTML) is the largest part
of reading the day. The preview's builder (``commands/preview_worker.py``) builds
again in the same process after every save, and most files have not changed: with
``INVENTAIRE_READ_MEMO`` on, the reader keeps each post's parsed record and HTML
under a key made of the file's bytes and of everything else the parsing reads (every
setting, the content folder and the rights register, :func:`context_digest`). The
code is not in the key: the builder exits when the code changed, and this memory
goes with it. Each use gets its own copy of the record (:meth:`Post.copy`), so that
a build changing a record it got cannot change the next build's; the memory's own
is never handed out.
Values are kept as objects (:mod:`.prefetch`'s children send theirs pickled,
once). In any other build the memory holds what :mod:`.prefetch` parsed on the
other cores, for that build only (emptied at its end).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from types import CodeType
from typing import Any

from jinja2.bccache import Bucket, BytecodeCache

from inventaire.core import settings as inventaire_settings
from inventaire.core.model import Post
from inventaire.core.signature import file_digest, settings_description
from inventaire.site.reuse import IGNORED_SETTINGS  # the build's folders, not its work

LIMIT = 100_000  # entries; past it the memory starts again (a day has far fewer posts)

Parsed = tuple[Post, str]  # a post's record and its text's HTML

_memo: dict[bytes, Parsed] = {}
# Pelican's articles made from the posts, for the builder's next builds
# (:mod:`.articlememo`, which says what is kept of each).
_articles: dict[bytes, dict[str, Any]] = {}


def enabled(settings: dict[str, Any]) -> bool:
    return bool(inventaire_settings.get(settings, "INVENTAIRE_READ_MEMO"))


def context_digest(settings: dict[str, Any], register_file: Path) -> bytes:
    """What a post's parsing reads besides its file: the settings, the content folder
    (where its media and the register are found; Pelican makes the article's relative
    path from it, and :mod:`.articlememo` keeps articles under these keys too) and
    the register."""
    described = json.dumps([settings_description(settings, IGNORED_SETTINGS),
                            str(settings.get("PATH"))], sort_keys=True, default=str)
    return hashlib.sha256(f"{described}\n{file_digest(register_file)}".encode()).digest()


def file_key(raw: bytes) -> bytes:
    """A file's bytes, hashed once per reading: the memory's key is made from it, and
    the page reuse of the preview names the post's version by it. The SHA-256 that
    :func:`inventaire.core.signature.file_digest` gives in hexadecimal."""
    return hashlib.sha256(raw).digest()


def key(raw_key: bytes, source_path: str, context: bytes) -> bytes:
    """The memory's key for the file read as ``raw_key`` (:func:`file_key`) at
    ``source_path`` in a build described by ``context``."""
    return hashlib.sha256(context + source_path.encode() + b"\0" + raw_key).digest()


def keep(memo_key: bytes, value: Parsed) -> None:
    """Keep ``value``, which no one else holds (one unpickled from another process)."""
    if len(_memo) >= LIMIT:
        _memo.clear()
    _memo[memo_key] = value


def holds(memo_key: bytes) -> bool:
    return memo_key in _memo


def empty() -> bool:
    return not _memo


def recall(memo_key: bytes | None) -> Parsed | None:
    """The value kept under ``memo_key``, as a fresh copy; None when there is none
    (or no key: a build that keeps no memory)."""
    kept = _memo.get(memo_key) if memo_key is not None else None
    return (kept[0].copy(), kept[1]) if kept is not None else None


def remember(memo_key: bytes, value: Parsed) -> None:
    """Keep a copy of ``value``: the caller goes on with its own."""
    keep(memo_key, (value[0].copy(), value[1]))


def keep_article(memo_key: bytes, value: dict[str, Any]) -> None:
    if len(_articles) >= LIMIT:
        _articles.clear()
    _articles[memo_key] = value


def kept_article(memo_key: bytes) -> dict[str, Any] | None:
    return _articles.get(memo_key)


def holds_articles() -> bool:
    return bool(_articles)


def forget() -> None:
    """Empty the memory, parsed posts and articles (tests)."""
    _memo.clear()
    _articles.clear()


class CompiledTemplates(BytecodeCache):
    """Compiled templates, in memory, through Jinja's own bytecode cache: Jinja keys
    each by the template's name and checks its source's checksum, so a template
    edited is compiled again. Pelican makes a Jinja environment for each generator
    and for each build; one cache serves a build's environments, and the preview's
    builder keeps :data:`TEMPLATES` for all its builds (compiling the theme cost
    about half a second of each). Set by :func:`.plugin.share_templates`.

    Each template is kept as its code object with its source's checksum, not as
    marshalled bytes: a code object cannot be changed, so every environment can run
    the same one, and a build no longer unmarshals each template once per
    environment (about 20 ms of a preview's rebuild at 2,000 posts)."""

    def __init__(self) -> None:
        self._compiled: dict[str, tuple[str, CodeType]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None and compiled[0] == bucket.checksum:
            bucket.code = compiled[1]  # else left empty: Jinja compiles the new source

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            self._compiled[bucket.key] = (bucket.checksum, bucket.code)


TEMPLATES = CompiledTemplates()
