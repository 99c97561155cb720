"""A Pelican writer that leaves alone the files whose bytes would not change.

Pelican renders and rewrites every output file on every build, even with its content
cache on ("all output is always written", its docs say). After an editor changes
one post, nearly every page comes out byte-identical; rewriting them costs disk
writes, bumps every modification time (so rsync, browsers and Pagefind treat the
whole site as new) and hides what the edit really changed. This writer renders as
usual but compares the rendered bytes with the file on disk: identical files are not
touched (their mtime stays), changed ones are written atomically (a temporary file
then ``os.replace``), so a reader never sees half a page and an output folder that
shares its files with an older one through hard links is never modified behind it.

Only :meth:`pelican.writers.Writer._open_w` is replaced: ``write_file`` (templates,
pagination) and ``write_feed`` keep Pelican's code and its overwrite checks.

Registered with ``signals.get_writer.connect(writer.get_writer)`` in ``site/__init__``.
"""

from __future__ import annotations

import io
import json
import logging
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

from jinja2 import TemplateError
from pelican import signals
from pelican.contents import Content
from pelican.writers import FileOverwriteFailedError, Writer

from inventaire.site.render_keys import (
    Unknown,
    code_stamps,
    digest_bytes,
    digest_file,
    file_stamp,
    folder_stamps,
    settings_description,
    stable,
    template_names,
)

logger = logging.getLogger(__name__)


def same_bytes(path: Path, data: bytes) -> bool:
    """Whether ``path`` is a regular file holding exactly ``data`` (size checked first)."""
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def replace_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, keeping an existing file's permissions.

    The temporary file is created with ``open`` (not ``mkstemp``) so that a new file
    gets the umask's permissions, as Pelican's own ``open(path, "w")`` would.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class PendingFile(io.TextIOWrapper):
    """A text file kept in memory until it is closed, then written only if it changed.

    A :class:`io.TextIOWrapper` (so that ``xml.sax`` and feedgenerator treat it as a
    text stream) over an in-memory buffer, with the encoding and newline rules
    Pelican's ``open(filename, "w", encoding=...)`` applies, so the bytes that reach
    the disk are the same. A ``with`` block that raises writes nothing.
    """

    def __init__(self, path: str, encoding: str,
                 on_close: Callable[[Path, bytes], None]) -> None:
        super().__init__(io.BytesIO(), encoding=encoding)
        self.path = Path(path)
        self.on_close = on_close
        self.discarded = False

    def close(self) -> None:
        if self.closed:
            return
        self.flush()
        buffer = self.buffer
        assert isinstance(buffer, io.BytesIO)
        data = buffer.getvalue()
        super().close()
        if self.discarded or self.path == Path(os.devnull):
            return
        self.on_close(self.path, data)

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.discarded = kind is not None
        self.close()


def stamp_of(path: Path) -> list[int]:
    """``[size, mtime_ns]`` of a file, ``[-1, -1]`` when it is not there."""
    try:
        info = path.stat()
    except OSError:
        return [-1, -1]
    return [info.st_size, info.st_mtime_ns]


# The attribute by which the theme marks what Pagefind indexes (site/search.py).
SEARCH_MARK = b" data-pagefind-body"

MANIFEST = "render-manifest.json"
TEMPLATES_KEY = "//templates"  # never an output file's name
SOURCES_KEY = "//sources"


def load_manifest(path: Path | None) -> dict[str, Any]:
    """The render manifest a build left in its cache; empty when there is none.

    Output name → ``[render key, digest of the bytes, searchable (0/1), size,
    mtime_ns]``, plus :data:`TEMPLATES_KEY` and :data:`SOURCES_KEY`.
    """
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


class SameBytesWriter(Writer):
    """Pelican's writer, minus the renders whose inputs did not change and the writes
    that would not change a byte.

    Skipping a render: ``write_file`` computes a key from the template (its name and
    the stamps of every template file of the theme), a digest of the site-wide data
    (settings, the code of the plugins, the posts' ids, dates, statuses, places,
    authors and tags, the editors' pages and places), and a description of every
    variable the template reads (:func:`stable`: a post is its file's path, mtime and
    size). A manifest in ``CACHE_PATH`` maps each output file to its key and the
    digest of its bytes; when both still match, the page is not rendered. The
    ``content_written`` signal is still sent (the sitemap lists the page).
    """

    def __init__(self, output_path: str, settings: Any = None) -> None:
        super().__init__(output_path, settings=settings)
        self.counts = {"written": 0, "unchanged": 0, "skipped": 0, "written_html": 0}
        self.hashes: dict[str, str] = {}
        self.stamps: dict[str, list[int]] = {}  # path → [size, mtime_ns] once written
        self.searchable: set[str] = set()  # paths of the pages Pagefind indexes
        self.keys: dict[str, str] = {}
        self.reads: dict[str, tuple[set[str], str]] = {}
        self.described: dict[int, tuple[Any, str]] = {}
        self.memo: dict[int, Any] = {}
        self.parsed: dict[str, tuple[set[str], list[str]]] = {}
        self.theme_stamps: dict[int, str] = {}
        self.real_dirs: dict[str, str] = {}
        self.site: str | None = None
        cache = (settings or {}).get("CACHE_PATH") if settings else None
        self.manifest_path = Path(cache) / MANIFEST if cache else None
        self.manifest = load_manifest(self.manifest_path)
        # Template analyses of the last build (render_keys.template_names), by source.
        templates = self.manifest.pop(TEMPLATES_KEY, None)
        self.templates: dict[str, list[Any]] = templates if isinstance(templates, dict) else {}
        self.manifest.pop(SOURCES_KEY, None)
        # Page → [path, mtime_ns, size] of the post or page it shows (search_prefeed).
        self.sources: dict[str, list[Any]] = {}
        self.finished = False
        ACTIVE[os.path.realpath(output_path)] = self
        # Strong reference, dropped by the handler: the manifest is saved even when
        # no other plugin of ours calls finish().
        signals.finalized.connect(self._finalized, weak=False)

    def _finalized(self, pelican: Any) -> None:
        if ACTIVE.get(os.path.realpath(self.output_path)) is not self or \
                os.path.realpath(pelican.output_path) == os.path.realpath(self.output_path):
            signals.finalized.disconnect(self._finalized)
        if ACTIVE.get(os.path.realpath(pelican.output_path)) is self:
            finish(Path(pelican.output_path))

    def save_manifest(self) -> None:
        if self.manifest_path is None:
            return
        entries: dict[str, Any] = {
            name: [key, self.hashes[path], int(path in self.searchable),
                   *self.stamps.get(path, [-1, -1])]
            for path, (name, key) in self._named_keys() if path in self.hashes}
        entries[TEMPLATES_KEY] = self.templates
        entries[SOURCES_KEY] = {name: stamp for name, stamp in self.sources.items()
                                if os.path.join(self.output_path, name) in self.searchable}
        self.manifest_path.parent.mkdir(parents=True, exist_ok=True)
        replace_bytes(self.manifest_path, json.dumps(entries, sort_keys=True).encode())

    def _named_keys(self) -> Iterable[tuple[str, tuple[str, str]]]:
        for name, key in self.keys.items():
            yield os.path.join(self.output_path, name), (name, key)

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> PendingFile:
        """Pelican's overwrite rules (``Writer._open_w``), then a pending file."""
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time '
                    "(was previously overwritten)")
            logger.info('Skipping "%s", not overwriting', filename)
            filename = os.devnull
        elif filename in self._written_files:
            if override:
                logger.info('Overwriting "%s"', filename)
            else:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" as Pelican has already '
                    "written to it previously (set `override=True` if intended)")
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return PendingFile(filename, encoding, self._closed)

    def _closed(self, path: Path, data: bytes) -> None:
        """A rendered file's bytes: written only when they differ from the file's."""
        name = str(path)
        self.hashes[name] = digest_bytes(data)
        if SEARCH_MARK in data:
            self.searchable.add(name)
        if same_bytes(path, data):
            self.counts["unchanged"] += 1
        else:
            replace_bytes(path, data)
            self.counts["written"] += 1
            if path.suffix == ".html":
                self.counts["written_html"] += 1
        self.stamps[name] = stamp_of(path)

    # ------------------------------------------------------------- skipping renders

    def _site_digest(self, context: dict[str, Any]) -> str:
        """Everything every page may show, described once per build."""
        if self.site is None:
            settings = self.settings or {}
            import pelican

            content = Path(settings.get("PATH") or "content")
            sources = {self._realpath(a.source_path) for key in ("articles", "drafts")
                       for a in context.get(key, [])}
            posts = [[a.url, str(getattr(a, "date", "")), a.status,
                      getattr(getattr(a, "post", None), "place", None),
                      str(getattr(a, "author", "")),
                      [str(t) for t in getattr(a, "tags", [])]]
                     for a in context.get("articles", [])]
            description = [
                settings_description(settings),
                os.environ.get("SOURCE_DATE_EPOCH", ""), pelican.__version__,
                code_stamps(), posts,
                # The editors' pages and places (posts are described one by one,
                # so their files are not even stat'ed here).
                folder_stamps(content, skip=["media", "sources"],
                              keep=lambda path: self._realpath(path) not in sources),
            ]
            self.site = digest_bytes(json.dumps(description, default=str).encode())
        return self.site

    def _realpath(self, path: str) -> str:
        """``os.path.realpath`` of the file's folder (once per folder), plus its name.

        Resolving every one of thousands of posts costs a ``lstat`` per path component;
        the folders are few. A post that is itself a symbolic link keeps its own name
        on both sides of every comparison, so it still matches.
        """
        head, tail = os.path.split(path)
        real = self.real_dirs.get(head)
        if real is None:
            real = self.real_dirs[head] = os.path.realpath(head)
        return os.path.join(real, tail)

    def _template_reads(self, template: Any) -> tuple[set[str], str]:
        """The variables a template reads, and the stamps of the theme's templates.

        Both once per build: each template file is analysed once (``self.parsed``),
        and the theme's folders are walked once per Jinja environment.
        """
        name = template.name
        if name not in self.reads:
            environment = template.environment
            names, _used = template_names(environment, name, self.parsed, self.templates)
            if id(environment) not in self.theme_stamps:
                stamps = []
                for folder in getattr(environment.loader, "searchpath", []) or []:
                    stamps += folder_stamps(Path(folder))
                for loader in getattr(environment.loader, "loaders", []) or []:
                    for folder in getattr(loader, "searchpath", []) or []:
                        stamps += folder_stamps(Path(folder))
                self.theme_stamps[id(environment)] = digest_bytes(json.dumps(stamps).encode())
            self.reads[name] = (names, self.theme_stamps[id(environment)])
        return self.reads[name]

    def _described(self, value: Any) -> str:
        """The digest of ``stable(value)``, once per object and build.

        Every page reads the same context values, and the direct templates get the
        same lists of 2,000 posts: describing and dumping them once per page cost more
        than rendering. The memo holds the object itself, so its id is never reused
        by another one while the build runs; values are final once pages are written.
        """
        found = self.described.get(id(value))
        if found is None or found[0] is not value:
            found = (value, digest_bytes(json.dumps(stable(value, memo=self.memo),
                                                    default=str).encode()))
            self.described[id(value)] = found
        return found[1]

    def render_key(self, name: str, template: Any, context: dict[str, Any],
                   kwargs: dict[str, Any]) -> str | None:
        """The key of one page's inputs, or None when they cannot all be described."""
        try:
            names, templates = self._template_reads(template)
            parts: list[Any] = [name, template.name, templates, self._site_digest(context)]
            for variable in sorted(names):
                if variable in kwargs:
                    parts.append([variable, self._described(kwargs[variable])])
                elif variable in context:
                    parts.append([variable, self._described(context[variable])])
            # What pagination cuts into pages (``articles_page``…).
            parts.extend([key, self._described(kwargs[key])] for key in ("articles", "dates")
                         if key in kwargs)
        except (Unknown, OSError, RecursionError, TemplateError) as error:
            logger.debug("%s: rendered (inputs not described: %s)", name, error)
            return None
        return digest_bytes(json.dumps(parts, default=str).encode())

    def write_file(self, name: Any, template: Any, context: dict[str, Any],
                   relative_urls: bool = False, paginated: Any = None,
                   template_name: Any = None, override_output: bool = False,
                   url: Any = None, **kwargs: Any) -> None:
        if not name:
            return
        shown = kwargs.get("article", kwargs.get("page"))
        if isinstance(shown, Content):
            self.sources[name] = list(file_stamp(shown.source_path))
        key = None
        per_page = (self.settings.get("PAGINATED_TEMPLATES") or {}).get(template_name) \
            or self.settings.get("DEFAULT_PAGINATION")
        if not (per_page and template_name in (self.settings.get("PAGINATED_TEMPLATES") or {})):
            key = self.render_key(name, template, context, kwargs)
        path = os.path.join(self.output_path, name)
        if key is not None and not override_output and self._fresh(name, path, key):
            self._written_files.add(path)
            self.counts["skipped"] += 1
            entry = self.manifest[name]
            self.hashes[path], self.stamps[path] = entry[1], entry[3:5]
            if entry[2]:
                self.searchable.add(path)
            self.keys[name] = key
            localcontext = context.copy()
            localcontext["output_file"] = name
            localcontext.update(kwargs)
            signals.content_written.send(path, context=localcontext)
            return
        super().write_file(name, template, context, relative_urls=relative_urls,
                           paginated=paginated, template_name=template_name,
                           override_output=override_output, url=url, **kwargs)
        if key is not None:
            self.keys[name] = key

    def _fresh(self, name: str, path: str, key: str) -> bool:
        """Whether the manifest has this key for ``name`` and the file is still the one
        written then: same size and modification time, else same bytes."""
        entry = self.manifest.get(name)
        if not isinstance(entry, list) or len(entry) != 5 or entry[0] != key:
            return False
        if path in self._written_files:
            return False
        now = stamp_of(Path(path))
        if now == entry[3:5]:
            return True
        if digest_file(Path(path)) != entry[1]:
            return False
        entry[3:5] = now  # the same bytes, touched: compare by stamp next time
        return True

    def digest_of(self, name: str) -> str | None:
        """The digest of output file ``name``'s bytes in this build, None if not written."""
        return self.hashes.get(os.path.join(self.output_path, name))

    def pages(self) -> tuple[set[str], set[str]]:
        """The searchable pages and all HTML pages of the build, relative to its folder."""
        prefix = os.path.join(self.output_path, "")

        def relative(paths: Iterable[str]) -> set[str]:
            # Pelican joins every path to the output folder: cutting the prefix is
            # exact, and relpath's normalising cost 0.4 s at 10,000 posts.
            return {(path[len(prefix):] if path.startswith(prefix)
                     else os.path.relpath(path, self.output_path)).replace(os.sep, "/")
                    for path in paths if path.endswith(".html")}

        written = {p for p in self._written_files if p != os.devnull}
        return relative(self.searchable & written), relative(written)


# Output folder (real path) → the writer of the build running into it, and the
# function a build that seeded its folder runs before the search index (build.py).
ACTIVE: dict[str, SameBytesWriter] = {}
PRUNERS: dict[str, Callable[[set[str]], int]] = {}


def finish(output: Path) -> SameBytesWriter | None:
    """End of the pages: save the manifest, delete what the build did not write.

    Returns the writer (its ``counts`` say whether any HTML changed), or None when
    the build did not use this writer.
    """
    key = os.path.realpath(output)
    current = ACTIVE.get(key)
    if current is None or current.finished:
        return current
    current.finished = True
    current.save_manifest()
    pruner = PRUNERS.get(key)
    if pruner is not None:
        current.counts["deleted_html"] = pruner(set(current._written_files))
    return current


def html_changed(current: SameBytesWriter | None) -> bool:
    """Whether a build changed, added or deleted any HTML page (unknown: True)."""
    if current is None:
        return True
    return bool(current.counts.get("written_html") or current.counts.get("deleted_html"))


def get_writer(_pelican: Any) -> type[SameBytesWriter]:
    """``signals.get_writer`` handler (module level: Pelican keeps weak references)."""
    return SameBytesWriter
