"""The preview builder's posts kept as Pelican made them, from one build to the next.

After an edit, the preview's builder (``commands/preview_worker.py``) reads the
whole day again, and what was left of that reading once :mod:`.readmemo` spared
the parsing was Pelican's own work on each file: its metadata, relative paths and
file stamps, the ``Article`` made and its signals, about 300 µs a post, two thirds
of a one-edit rebuild at 2,000 posts. Pelican's answer is its generator-level
content cache (``CONTENT_CACHING_LAYER = "generator"``): before reading a file the
articles' generator asks ``get_cached_data(path)``, and hands each article it made
to ``cache_data(path, article)``. Pelican's own implementation keeps them in a
pickle on disk, compares files by date and not by settings, and loads the whole
file at each build; this module answers the same two calls from the builder's
memory, compared by everything an article is made from:

* the file's bytes, its path, every setting and the rights register (the parsed
  post's key in :mod:`.readmemo`, with the content folder added: Pelican makes
  the article's relative path from it);
* the code: the builder exits when any of it changed (``code_signature``);
* the handlers of the signals an article's making sends. Pelican does not send
  ``article_generator_preread``, ``article_generator_context`` and
  ``content_object_init`` for a kept article, so the memory is used only while the
  plugin's own address handler is their only receiver;
* the clock: with ``WITH_FUTURE_DATES = False`` a post's status depends on the
  hour it is read, and the memory is not used.

Each article is kept as the bytes of its pickle, taken when Pelican hands it over,
before the build's later steps change it (neighbours, pages, links): every build
gets articles of its own, as a reading makes them, and no build can change the
next one's. The build's shared objects are not in the bytes but named, and found
again in the build that loads them: its settings and context, and the reader's one
author, hashtag or place object per name and one time zone per offset (a build
whose dates carried zones of their own sorted forty times slower). Only posts are
kept (the editors' pages are few); a file that fails is read again at every build
and its error told each time, as before.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import pickle
from datetime import timezone
from typing import Any

from pelican import signals
from pelican.urlwrappers import Author, Category, Tag

from inventaire.core.model import Post

from . import readmemo
from .reader import InventaireReader

logger = logging.getLogger(__name__)

# The reader's kind of name for each of Pelican's name objects (InventaireReader.named).
_KINDS: dict[type, str] = {Author: "author", Tag: "tags", Category: "category"}
# Signals an article's making sends, which a kept article does not send again.
_MAKING_SIGNALS = (signals.article_generator_preread, signals.article_generator_context,
                   signals.content_object_init)


def usable(generator: Any, own: frozenset[Any]) -> bool:
    """Whether a kept article is what a reading would make in this build: the memory
    is on (the preview's builder), the signals of an article's making have no
    receiver but ``own``, and no post's status depends on the clock."""
    settings = generator.settings
    if not readmemo.enabled(settings) or not settings.get("WITH_FUTURE_DATES", True):
        return False
    for signal in _MAKING_SIGNALS:
        if any(receiver not in own for receiver in signal.receivers_for(generator)):
            return False
    return True


def install(generator: Any, own: frozenset[Any]) -> bool:
    """Answer the articles' generator's two cache calls from the memory for this build
    (see the module's docstring); whether it does."""
    reader = getattr(getattr(generator, "readers", None), "readers", {}).get("md")
    if not isinstance(reader, InventaireReader) or not usable(generator, own):
        return False
    memo = Memory(generator, reader)
    generator.get_cached_data = memo.get_cached_data
    generator.cache_data = memo.cache_data
    return True


class Memory:
    """One build's side of the memory: its keys, its shared objects."""

    def __init__(self, generator: Any, reader: InventaireReader) -> None:
        self.generator = generator
        self.reader = reader
        self.settings = generator.settings
        self.context = generator.context
        # The content folder: the article's relative path is made from it. (The output
        # folder, new at each build, only bounds an address Pelican checks before it
        # hands the article over; a kept article was checked.)
        self.folders = str(self.settings.get("PATH")).encode()
        self.recalls = readmemo.holds_articles()  # else nothing to look up in this build
        self._post: Post | None = None  # the record of the article being kept or loaded
        self._post_copy: Post | None = None  # its copy in the article being loaded

    def key(self, file_key: bytes, source_path: str) -> bytes | None:
        parsed = self.reader.memo_key(file_key, source_path)
        if parsed is None:
            return None
        return hashlib.sha256(parsed + self.folders).digest()

    def get_cached_data(self, name: str, default: Any = None) -> Any:
        """Pelican's question before it reads ``name`` (relative to the content)."""
        if not self.recalls:
            return default  # the builder's first build: no file to hash for nothing
        path = os.path.abspath(os.path.join(self.generator.path, name))
        file_key = self.reader.file_key_of(path)
        key = self.key(file_key, path) if file_key is not None else None
        kept = readmemo.kept_article(key) if key is not None else None
        if kept is None:
            return default
        try:
            article = self._load(*kept)
        except Exception:  # anything an unpickling may raise: the file is read
            logger.debug("%s: the kept article could not be loaded; read again", path)
            return default
        return article

    def cache_data(self, name: str, article: Any) -> None:
        """Pelican hands over an article it has just made from ``name``."""
        source_key = getattr(article, "source_key", None)
        post = getattr(article, "post", None)
        if not isinstance(post, Post) or not isinstance(source_key, str):
            return  # an editors' page, or a post the plugin did not read
        key = self.key(bytes.fromhex(source_key), article.source_path)
        if key is None:
            return
        try:
            data = self._dump(article, post)
        except Exception:  # something in it cannot be pickled: not kept
            logger.debug("%s: not kept between builds (cannot be pickled)", name)
            return
        # The article's pickle, and its post's record apart: a record is copied faster
        # than it is unpickled (:meth:`Post.copy`). The build goes on with, and may
        # change, its own record; the one kept is never handed out.
        readmemo.keep_article(key, (data, post.copy()))

    def _dump(self, article: Any, post: Post) -> bytes:
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.persistent_id = self._named  # type: ignore[method-assign]
        self._post = post
        try:
            pickler.dump(article)
        finally:
            self._post = None
        return buffer.getvalue()

    def _named(self, value: Any) -> tuple[Any, ...] | None:
        """The name under which a shared object of the build is kept, or None."""
        if value is self.settings:
            return ("settings",)
        if value is self.context:
            return ("context",)
        if value is self._post:
            return ("post",)
        kind = _KINDS.get(type(value))
        if kind is not None:
            return ("name", kind, value.name)
        if type(value) is timezone:
            # As pickle makes it: an offset, and a name only if it was given one (the
            # zone's repr, which a page's key may hold, differs).
            reduced = value.__reduce__()
            return ("zone", *reduced[1]) if isinstance(reduced, tuple) else None
        return None

    def _load(self, data: bytes, post: Post) -> Any:
        unpickler = pickle.Unpickler(io.BytesIO(data))
        unpickler.persistent_load = self._found  # type: ignore[method-assign]
        self._post, self._post_copy = post, None
        try:
            return unpickler.load()
        finally:
            self._post = self._post_copy = None

    def _found(self, name: tuple[Any, ...]) -> Any:
        if name[0] == "settings":
            return self.settings
        if name[0] == "context":
            return self.context
        if name[0] == "post" and self._post is not None:
            if self._post_copy is None:  # one copy, however often the article names it
                self._post_copy = self._post.copy()
            return self._post_copy
        if name[0] == "name":
            return self.reader.named(name[1], name[2])
        if name[0] == "zone":
            return self.reader.shared_zone(timezone(*name[1:]))
        raise pickle.UnpicklingError(f"unknown shared object {name!r}")
