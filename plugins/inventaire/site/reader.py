"""The Pelican reader for the editors' files.

Pelican finds ``.md`` files in ``ARTICLE_PATHS`` and ``PAGE_PATHS``. Under
``content/posts/`` a file is a post: its body is the post's text verbatim, turned
into safe HTML by :mod:`inventaire.core.text.render`, never by Markdown, its author's
spaces before ``: ; ! ?`` made unbreakable (the book's French typography, from
:mod:`inventaire.core.text.typography`). Anywhere else (preface, colophon, the day)
it is ordinary Markdown with YAML front matter, in the one configuration of
:mod:`inventaire.core.markdown` (the book's too), not Pelican's ``MARKDOWN``
setting, with French spaces in its text.
"""

from __future__ import annotations

import logging
import os
from datetime import datetime, timezone
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from pelican.readers import MarkdownReader

from inventaire.core import front_matter
from inventaire.core import settings as inventaire_settings
from inventaire.core.editorlinks import StaticLinks, post_media_files
from inventaire.core.markdown import markdown_html
from inventaire.core.model import Post
from inventaire.core.postfile import PostFileError, load_post_file, split_front_matter
from inventaire.core.rights import REGISTER_FILE, Register
from inventaire.core.signature import file_digest
from inventaire.core.text.render import clean_fields, render_text, xml_safe
from inventaire.core.text.typography import quote_spacing
from inventaire.site import readmemo
from inventaire.site.posthtml import SOURCE_KEY, TEXT_FIELD

logger = logging.getLogger(__name__)

POSTS_DIR = "posts"


def post_title(post: Post, length: int = 60) -> str:
    """A short title for lists, feeds and the browser tab: the text's first words."""
    line = " ".join(xml_safe(post.text).split())
    if len(line) <= length:
        return line
    cut = line[:length].rsplit(" ", 1)[0]
    return cut + "…"


def post_status(post: Post, show_candidates: bool) -> str:
    """Pelican's status for a post (:meth:`Post.visible`); ``skip`` makes Pelican drop
    the file entirely (no page, no list, no feed)."""
    return "published" if post.visible(show_candidates) else "skip"


def post_reader(generator: Any) -> InventaireReader | None:
    """The build's reader of the editors' files, from a generator; None when another
    reader has the ``.md`` files."""
    reader = getattr(getattr(generator, "readers", None), "readers", {}).get("md")
    return reader if isinstance(reader, InventaireReader) else None


class InventaireReader(MarkdownReader):
    """Posts verbatim under ``posts/``; Markdown with YAML front matter elsewhere."""

    enabled = True
    file_extensions = ("md",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._folders: dict[str, bool] = {}  # folder → holds posts
        self._memo_on = False
        self._names: dict[tuple[str, str], Any] = {}  # (kind, name) → Pelican's object
        self._zones: dict[tuple[Any, Any], timezone] = {}  # (offset, name) → one zone
        # Posts this build has already read (:mod:`.prefetch`): path → file key.
        self._read_before: dict[str, bytes] = {}

    @cached_property
    def _content_root(self) -> Path:
        return Path(self.settings["PATH"]).resolve()

    @cached_property
    def _register(self) -> Register:
        """``content/rights.yml``, read once per build: its withdrawals apply to every
        post as the book applies them. A register that cannot be read is an error and
        leaves every post out: rights are never guessed."""
        register, error = Register.load_or_close(self._content_root)
        if error is not None:
            logger.error("%s (every post is left out until it is fixed)", error)
        return register

    @cached_property
    def _post_media(self) -> set[Path]:
        """The posts' own media files, read once, when a page links into media/."""
        return post_media_files(self._content_root)

    def is_post(self, source_path: str) -> bool:
        """Whether the file is under ``posts/``; decided once per folder, not per file."""
        folder, _name = os.path.split(os.path.abspath(source_path))
        if folder not in self._folders:
            try:
                relative = Path(folder).resolve().relative_to(self._content_root)
            except ValueError:
                self._folders[folder] = False
            else:
                self._folders[folder] = relative.parts[:1] == (POSTS_DIR,)
        return self._folders[folder]

    def read(self, source_path: str) -> tuple[str | None, dict[str, Any]]:
        """The HTML and metadata of a file; for a file that cannot be read, its error is
        logged and the HTML is None (the post is skipped)."""
        if self.is_post(source_path):
            return self._read_post(source_path)
        return self._read_page(Path(source_path).read_text(encoding="utf-8"), source_path)

    def use_memo(self) -> None:
        """Look parsed posts up in :mod:`.readmemo` in this build even when the
        preview's setting is off (:mod:`.prefetch` fills it from every core). The
        register and the memory's key are made here, before any fork."""
        self._memo_on = True
        _ = self._register, self._memo_context

    @cached_property
    def _memo_context(self) -> bytes | None:
        """What the memory's keys hold besides the file (:mod:`.readmemo`), or None
        when this build keeps no memory."""
        if not (self._memo_on or readmemo.enabled(self.settings)):
            return None
        return readmemo.context_digest(self.settings, self._content_root / REGISTER_FILE)

    def memo_key(self, file_key: bytes, source_path: str) -> bytes | None:
        """The memory's key for the post at ``source_path`` read as ``file_key``
        (:func:`.readmemo.file_key`); None when this build keeps no memory."""
        context = self._memo_context
        return readmemo.key(file_key, source_path, context) if context else None

    def read_before(self, source_path: str, file_key: bytes) -> None:
        """Say that this build has read the post at ``source_path`` already, as
        ``file_key``, and parsed it into the memory (:mod:`.prefetch`): Pelican's
        reading takes it from there instead of reading the file a second time. The
        build then holds the file as it was at that first reading, as any build holds
        each file as it was when read. Kept on this reader, which lives for one build."""
        self._read_before[source_path] = file_key

    def file_key_of(self, source_path: str) -> bytes | None:
        """The file key (:func:`.readmemo.file_key`) of the post at ``source_path`` as
        this build holds it: as read before (:meth:`read_before`), else as its bytes
        are now; None when it cannot be read."""
        known = self._read_before.get(source_path)
        if known is not None:
            return known
        digest = file_digest(source_path)
        return bytes.fromhex(digest) if digest is not None else None

    def parse_post(self, raw: bytes, source_path: str,
                   file_key: bytes) -> tuple[Post, str]:
        """The record and its text's HTML (the author's own spaces before ; ! ? : »
        made unbreakable, as in the book), from ``raw``, the file's bytes, whose
        :func:`.readmemo.file_key` is ``file_key``; raises :class:`PostFileError`."""
        memo_key = self.memo_key(file_key, source_path)
        kept = readmemo.recall(memo_key)
        if kept is not None:
            return kept
        # The schema's reading, as inventaire check's (core.schema).
        post = clean_fields(self._register.apply(load_post_file(raw, source_path)))
        parsed = post, quote_spacing(render_text(post, self._tag_url))
        if memo_key is not None:
            readmemo.remember(memo_key, parsed)
        return parsed

    def _parsed(self, source_path: str) -> tuple[Post, str, bytes]:
        """The post's record, its HTML and its file key: from the memory when this
        build has read the file already, else read and parsed now."""
        file_key = self._read_before.pop(source_path, None)
        if file_key is not None:
            kept = readmemo.recall(self.memo_key(file_key, source_path))
            if kept is not None:
                return kept[0], kept[1], file_key
        raw = Path(source_path).read_bytes()
        file_key = readmemo.file_key(raw)
        post, html = self.parse_post(raw, source_path, file_key)
        return post, html, file_key

    def _read_post(self, source_path: str) -> tuple[str | None, dict[str, Any]]:
        try:
            post, html, file_key = self._parsed(source_path)
        except PostFileError as error:
            logger.error("%s", error)
            return None, {"status": "skip", "title": "", "date": None}
        show = bool(inventaire_settings.get(self.settings, "INVENTAIRE_SHOW_CANDIDATES"))
        metadata: dict[str, Any] = {
            "title": post_title(post),
            "date": self._dated(post.date),
            "slug": post.slug,  # network and id: a note cannot take a tweet's page
            "status": post_status(post, show),
            "post": post,
            "candidate": post.candidate,
            TEXT_FIELD: html,  # the theme's ``texte`` filter resolves its hashtag links
            SOURCE_KEY: file_key.hex(),  # the version of the file this page shows
        }
        metadata["author"] = self.named("author", post.author)
        tags = [tag for tag in (self.named("tags", name) for name in post.hashtags)
                if tag is not None]
        if tags:
            metadata["tags"] = tags
        if post.place:
            metadata["category"] = self.named("category", post.place)
        return html, metadata

    def _dated(self, when: datetime) -> datetime:
        """``when`` with one ``timezone`` object per UTC offset and name, shared by the
        build's posts. Every post's date is parsed with a zone of its own, and Python
        compares two dates whose zones are not the same object through their offsets:
        Pelican's sorts by date (the posts, each hashtag's, each author's) took forty
        times longer. The date and its zone are equal to the parsed ones."""
        zone = when.tzinfo
        if type(zone) is not timezone:  # a named zone (summer time): left as it is
            return when
        shared = self.shared_zone(zone)
        return when if shared is zone else when.replace(tzinfo=shared)

    def shared_zone(self, zone: timezone) -> timezone:
        """The build's one zone object for ``zone``'s offset and name (:meth:`_dated`)."""
        return self._zones.setdefault((zone.utcoffset(None), zone.tzname(None)), zone)

    def named(self, kind: str, name: str) -> Any:
        """Pelican's Author, Tag or Category for ``name``, one object per name and
        build, shared by its posts: Pelican makes its address from the name (a slug)
        once per object, and a day has far fewer names than posts."""
        if (kind, name) not in self._names:
            made = self.process_metadata(kind, name)
            if kind == "tags":  # a list of one, or Pelican's marker for none
                made = made[0] if isinstance(made, list) and made else None
            self._names[kind, name] = made
        return self._names[kind, name]

    def _tag_url(self, tag: str) -> str:
        """Pelican's own ``{tag}`` link: it becomes the hashtag page's address, relative
        or absolute as the build's ``RELATIVE_URLS`` says, when the page is written."""
        return "{tag}" + tag

    def _read_page(self, text: str, source_path: str) -> tuple[str | None, dict[str, Any]]:
        try:
            head, body, _line = split_front_matter(text, source_path)
            # Bounded as every editors' file: no aliases, no deep nesting.
            data = front_matter.load(head, source_path, loader=front_matter.DateLoader) or {}
        except PostFileError as error:  # already path:line: field: … — fix
            logger.error("%s", error)
            return None, {"status": "skip", "title": ""}
        except yaml.YAMLError as error:
            logger.error("%s: front matter: %s", source_path, error)
            return None, {"status": "skip", "title": ""}
        # A {static}/{attach} leading out of content/pages and content/media is dropped.
        links = StaticLinks(Path(source_path), text, self._content_root,
                            lambda: self._post_media)
        content = markdown_html(body, links=links)
        for problem in links.problems:
            logger.warning("%s (the site leaves the link out)", problem)
        metadata: dict[str, Any] = {}
        for name, value in data.items():
            key = name.lower()
            if key in ("title", "slug", "status", "template", "summary", "date", "lang"):
                metadata[key] = self.process_metadata(key, str(value))
            else:
                metadata[key] = value
        return content, metadata
