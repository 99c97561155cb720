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

* the file's bytes, its path, every setting, the content folder and the rights
  register: the parsed post's key in :mod:`.readmemo`. (The output folder, new at
  each build, is not in it: it only bounds an address Pelican checks before it
  hands the article over, and a kept article was checked.)
* the code: the builder exits when any of it changed (``code_signature``);
* the handlers of the signals an article's making sends. Pelican does not send
  ``article_generator_preread``, ``article_generator_context`` and
  ``content_object_init`` for a kept article, so the memory is used only while the
  plugin's own address handler is their only receiver;
* the clock: with ``WITH_FUTURE_DATES = False`` a post's status depends on the
  hour it is read, and the memory is not used.

Each article is kept as a copy of its attributes taken when Pelican hands it over,
before the build's later steps change it (neighbours, pages, links), and every
build gets a copy of that copy: articles of its own, as a reading makes them, so no
build can change the next one's. A copy copies every list, dict and set (each one
once, so that two attributes holding the same list still do) and the post's record
(:meth:`Post.copy`), and shares only what cannot change (strings, numbers, dates,
time zones). The build's shared objects are not copied but named, and found again
in the build that recalls them: its settings and context, and the reader's one
author, hashtag or place object per name and one time zone per offset (a build
whose dates carried zones of their own sorted forty times slower). An article
holding anything else (a plugin's object in its metadata) is not kept: it is read
at every build. This copy replaced a pickle of each article, which cost three
times as much. Only posts are kept (the editors' pages are few); a file that fails
is read again at every build and its error told each time, as before.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from pelican import signals
from pelican.contents import Article
from pelican.urlwrappers import Author, Category, Tag

from inventaire.core.model import Post

from . import readmemo
from .reader import InventaireReader, post_reader

logger = logging.getLogger(__name__)

# The reader's kind of name for each of Pelican's name objects (InventaireReader.named).
_KINDS: dict[type, str] = {Author: "author", Tag: "tags", Category: "category"}
# Signals an article's making sends, which a kept article does not send again.
_MAKING_SIGNALS = (signals.article_generator_preread, signals.article_generator_context,
                   signals.content_object_init)
# What a copy shares: values that cannot change (a date's zone is the build's, below).
_UNCHANGING: frozenset[type] = frozenset({
    str, int, float, bool, type(None), bytes, date, datetime, time, timedelta, ZoneInfo,
    timezone})
_CONTAINERS: frozenset[type] = frozenset({list, dict, tuple, set})


class Unkept(Exception):
    """An article holds a value the memory does not know how to copy."""


class Named(tuple[str, str]):
    """A kept name object, by its kind and name (:meth:`InventaireReader.named`)."""


SETTINGS, CONTEXT = object(), object()  # the build's settings and context, kept


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


def install(generator: Any, own: frozenset[Any]) -> None:
    """Answer the articles' generator's two cache calls from the memory for this build,
    when it can be used (see the module's docstring)."""
    reader = post_reader(generator)
    if reader is None or not usable(generator, own):
        return
    memo = Memory(generator, reader)
    generator.get_cached_data = memo.get_cached_data
    generator.cache_data = memo.cache_data


class Memory:
    """One build's side of the memory: its keys, its shared objects."""

    def __init__(self, generator: Any, reader: InventaireReader) -> None:
        self.generator = generator
        self.reader = reader
        self.settings = generator.settings
        self.context = generator.context
        self.recalls = readmemo.holds_articles()  # else nothing to look up in this build

    def get_cached_data(self, name: str, default: Any = None) -> Any:
        """Pelican's question before it reads ``name`` (relative to the content)."""
        if not self.recalls:
            return default  # the builder's first build: no file to hash for nothing
        path = os.path.abspath(os.path.join(self.generator.path, name))
        file_key = self.reader.file_key_of(path)
        key = self.reader.memo_key(file_key, path) if file_key is not None else None
        kept = readmemo.kept_article(key) if key is not None else None
        if kept is None:
            return default
        article = Article.__new__(Article)
        article.__dict__.update(self.recalled(kept, {}))
        return article

    def cache_data(self, name: str, article: Any) -> None:
        """Pelican hands over an article it has just made from ``name``."""
        source_key = getattr(article, "source_key", None)
        if type(article) is not Article or not isinstance(source_key, str) \
                or not isinstance(getattr(article, "post", None), Post):
            return  # an editors' page, a post the plugin did not read, another class
        key = self.reader.memo_key(bytes.fromhex(source_key), article.source_path)
        if key is None:
            return
        try:
            kept = self.kept(vars(article), {})
        except (Unkept, RecursionError) as unknown:  # or a list that holds itself
            logger.debug("%s: not kept between builds (%s)", name, unknown)
            return
        readmemo.keep_article(key, kept)

    def kept(self, value: Any, done: dict[int, Any]) -> Any:
        """The memory's copy of an article's attribute: see the module's docstring."""
        kind = type(value)
        if kind in _UNCHANGING:
            return value
        if id(value) in done:
            return done[id(value)]
        if value is self.settings or value is self.context:
            return SETTINGS if value is self.settings else CONTEXT
        if kind in _KINDS:
            return Named((_KINDS[kind], value.name))
        if kind is dict and any(type(name) not in _UNCHANGING for name in value):
            raise Unkept("a key that is not a string or a number")
        if kind is not Post and kind not in _CONTAINERS:
            raise Unkept(f"a value of type {kind.__module__}.{kind.__qualname__}")
        return _copied(value, done, self.kept)

    def recalled(self, value: Any, done: dict[int, Any]) -> Any:
        """This build's copy of a kept attribute (:meth:`kept`, the other way)."""
        kind = type(value)
        if kind is datetime:
            zone = value.tzinfo
            if type(zone) is timezone:
                shared = self.reader.shared_zone(zone)
                return value if shared is zone else value.replace(tzinfo=shared)
            return value
        if kind in _UNCHANGING:
            return value
        if value is SETTINGS or value is CONTEXT:
            return self.settings if value is SETTINGS else self.context
        if kind is Named:
            return self.reader.named(value[0], value[1])
        if id(value) in done:
            return done[id(value)]
        return _copied(value, done, self.recalled)


def _copied(value: Any, done: dict[int, Any], each: Callable[[Any, dict[int, Any]], Any]) -> Any:
    """A new record, list, dict, tuple or set holding ``each`` of ``value``'s items,
    made once per object (``done``, by id): two attributes that held one list still
    hold one."""
    kind = type(value)
    if kind is Post:
        copied: Any = value.copy()
    elif kind is dict:
        copied = {}
        done[id(value)] = copied  # before its items, which may lead back to it
        for name, item in value.items():
            copied[name] = each(item, done)
    else:
        copied = kind(each(item, done) for item in value)
    done[id(value)] = copied
    return copied
