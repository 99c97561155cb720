"""The preview's page reuse: a page whose inputs did not change is taken from the last
preview instead of being rendered again.

Only ``inventaire serve`` asks for it (``INVENTAIRE_REUSE_PAGES``), and only without
a search index (an index is made from every page in one folder); ``inventaire
build`` and a publish render every page. The preview renders into a fresh folder
like any build; a reused page is not written there at all: it stays where it is in
the last preview's ``output/``. At the end, when pages were kept
(:func:`kept_pages`), the fresh folder is merged into ``output/`` instead of replacing
it (``commands/output.py``): every file written by this build moved in, every file
that is neither written nor kept deleted — so a page that should no longer exist (a
withdrawn post's) cannot linger, and nothing is linked or copied for the pages kept.
A page rendered again with exactly the bytes of its last file (a neighbour of an
edited post, whose link text did not change) is kept too: its new copy is dropped
and the file in place is recorded under the new key (:meth:`PageReuse.save`).

A page is reused when its **key** equals the one recorded when that file was written.
The key is a hash of:

* the **build signature** — every setting, the theme, the plugin's code and the
  project's own modules (``pelicanconf.py`` and what it imports), the version of
  every installed distribution, every file under ``content/`` but the posts and the
  raw exports (places, editors' pages, the day, the rights register, the media), the
  book's page list, and the environment variables a build reads — and the day as
  every page's header shows it (its date may come from the posts). When any of
  these changed, every page is rendered;
* the page's template and file name, and what it shows of the day, by kind of page
  (:data:`SHOWS`): a post's page, its own file and its two neighbours' (a post moved
  or added changes who they are); an hour's or a place's page, the posts listed
  there, and the address and count of itself, of the hours or places it lists, and
  of its neighbours (a place's page: of every place, for its map); the map's page,
  the address and count of every place; a hashtag's or an
  author's page, the posts of that page, the first of the list, the neighbouring
  items and the first of their posts, the pager (which hours each page covers) and
  the count; an
  editors' page, its own file; the feed, its address, title and type and the posts
  it lists (the newest ``FEED_MAX_ITEMS``). Posts count by their files' bytes.

Every other page (home, lists, figures, book, search) shows the whole day: it
is rendered at every build. The test that guards this list
(``tests/test_preview_reuse.py``) edits posts in every way an editor can, adds and
removes posts, and compares the preview with a full build, file by file.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

from inventaire.core import settings as inventaire_settings
from inventaire.core.atomic import write_atomic
from inventaire.core.samebytes import same_bytes
from inventaire.core.signature import (
    VOLATILE_SETTINGS,
    Signature,
    Undescribed,
    distributions_stamp,
    file_digest,
    settings_description,
    stable,
    tree_digests,
)
from inventaire.site.posthtml import SOURCE_KEY

logger = logging.getLogger(__name__)

# The shared context's key for this build's PageReuse (every write_file call gets it).
REUSE = "inventaire_page_reuse"
MANIFEST = "preview-pages.json"  # under CACHE_PATH: each page's key and file identity
KEPT = "preview-kept.json"  # beside it: the pages the last build kept in place
# What each kind of page shows of the day's posts, by template: the ``write_file``
# arguments that hold them (``neighbours``: a post's previous and next posts;
# ``all_places``: every place with posts and its count, the place page's map and
# the map's page, which shows nothing else of the day;
# ``item_neighbours``: the previous and next hashtag or author — name, address and
# the first of its posts, whose author's name the author page prints).
SHOWS: dict[str, tuple[str, ...]] = {
    "article": ("article", "neighbours"),
    "page": ("page",),
    "hour": ("hour",),
    "place": ("place", "all_places"),
    "map": ("all_places",),
    "tag": ("articles", "first_post", "item_neighbours", "list_page", "list_pages",
            "post_count"),
    "author": ("articles", "first_post", "item_neighbours", "list_page", "list_pages",
               "post_count"),
}
ENVIRONMENT = ("SOURCE_DATE_EPOCH", "TZ", "LANG", "LC_ALL", "LC_TIME")
SKIPPED_CONTENT = ("posts", "sources")  # read per post, or never read by the site
# Settings that name this build's folders, not what it makes.
IGNORED_SETTINGS = VOLATILE_SETTINGS | {"INVENTAIRE_PREVIOUS_OUTPUT",
                                        "INVENTAIRE_BOOK_PAGES"}


def build_signature(settings: dict[str, Any]) -> str:
    """Everything but the posts that any page may show (see the module's docstring)."""
    import inventaire

    signature = Signature("site-pages")
    signature.add("settings", settings_description(settings, IGNORED_SETTINGS))
    signature.add("environment", [(name, os.environ.get(name)) for name in ENVIRONMENT])
    # The preview's builder gives the signature of the code it runs (the plugin's and
    # the project's Python files, every distribution: ``preview_worker.code_signature``)
    # as a setting, hashed above with the others: not computed twice per build.
    code_given = bool(inventaire_settings.get(settings, "INVENTAIRE_CODE_SIGNATURE"))
    suffixes = (".html", ".json", ".txt") if code_given else (".py", ".html", ".json", ".txt")
    if not code_given:
        signature.add("distributions", distributions_stamp())
    signature.add_tree("code", Path(inventaire.__file__).parent,
                       keep=lambda path: path.suffix in suffixes)
    if not code_given:
        signature.add_files("project modules", project_modules(settings))
    theme = settings.get("THEME")
    if theme:
        signature.add_tree("theme", Path(str(theme)))
    content = Path(str(settings.get("PATH") or "content"))
    signature.add("content", content_digests(content))
    book_pages = inventaire_settings.get(settings, "INVENTAIRE_BOOK_PAGES")
    signature.add("book pages", file_digest(Path(str(book_pages))) if book_pages else None)
    return signature.hexdigest()


def content_digests(content: Path) -> list[tuple[str, str | None]]:
    """Every file of ``content/`` but the posts and the raw exports, by path and
    content (those folders are not even walked: they hold most of the files)."""
    found: list[tuple[str, str | None]] = []
    try:
        entries = sorted(os.scandir(content), key=lambda entry: entry.name)
    except OSError:
        return found
    for entry in entries:
        if entry.name.startswith(".") or entry.name in SKIPPED_CONTENT:
            continue
        if entry.is_dir():
            found += [(f"{entry.name}/{name}", digest)
                      for name, digest in tree_digests(Path(entry.path))]
        else:
            found.append((entry.name, file_digest(Path(entry.path))))
    return found


def project_modules(settings: dict[str, Any]) -> list[Path]:
    """The project's own Python files this process loaded (``pelicanconf.py`` and the
    modules it imports from the project's folder), not the installed libraries'."""
    content = Path(str(settings.get("PATH") or "content")).resolve()
    project = content.parent
    found: set[Path] = set()
    for module in list(sys.modules.values()):
        name = getattr(module, "__file__", None)
        if not name:
            continue
        path = Path(name).resolve()
        if project in path.parents and not any(
                part.startswith(".") or part in ("site-packages", "output", "cache")
                for part in path.relative_to(project).parts):
            found.add(path)
    for name in ("pelicanconf.py", "publishconf.py"):
        if (project / name).is_file():
            found.add(project / name)
    return sorted(found)


def day_description(day: Any) -> bytes:
    """The day as every page's header and footer show it (the context's ``day``):
    its fields come from files of the build signature, but its date may come from
    the newest posts' folder or the first post (``core/day.py``). A day with no
    stable description gives a key no page had: every page is rendered."""
    fields = getattr(day, "core_fields", None)
    try:
        described = stable(fields() if callable(fields) else day)
    except (Undescribed, RecursionError):
        return os.urandom(16)
    return f"\nday\n{json.dumps(described, sort_keys=True)}\n".encode()


def describe(item: Any) -> str:
    """What a page shows of an item that is not a file: an hour or a place (its
    address and count, the places of an hour, its neighbours'), a hashtag, an author,
    a pager's page, a number. Raises :class:`ValueError` when it has no stable
    description (the page is then rendered)."""
    if hasattr(item, "articles"):  # an hour, a place
        own = f"{getattr(item, 'url', '')}#{len(item.articles)}"
        places = [describe(group) for group in getattr(item, "places", None) or ()]
        around = [f"{getattr(other, 'url', '')}#{getattr(other, 'count', '')}"
                  for other in (getattr(item, "previous", None), getattr(item, "next", None))
                  if other is not None]
        return f"{type(item).__name__}:{own}:{places}:{around}"
    if hasattr(item, "place") and hasattr(item, "count"):  # a place's summary
        return f"{type(item).__name__}:{getattr(item, 'url', '')}#{item.count}"
    label = f"{type(item).__name__}:{getattr(item, 'url', '')}:{item!r}"
    if " at 0x" in label:
        raise ValueError(label)
    return label


class PageReuse:
    """One preview build's reuse: keys, and the files of the previous preview."""

    def __init__(self, settings: dict[str, Any], day: Any = None) -> None:
        self.cache = Path(str(settings.get("CACHE_PATH") or "cache"))
        self.previous_output = str(Path(str(inventaire_settings.get(
            settings, "INVENTAIRE_PREVIOUS_OUTPUT") or "")))
        self.base = hashlib.sha256(build_signature(settings).encode())
        self.base.update(day_description(day))
        self.previous = self._take_manifest()
        self.keys: dict[str, str] = {}
        self._digests: dict[str, bytes] = {}
        # What a page's key holds of each post, hour, place, hashtag or author, by the
        # object (kept here, so that its id is not taken by another during the
        # build): most are shown by several pages (a post by its own page, its
        # neighbours', its hour's, its hashtags' and its author's).
        self._parts: dict[int, tuple[Any, bytes]] = {}

    def _take_manifest(self) -> dict[str, list[Any]]:
        """The last preview's pages; the file is removed, so that a build that stops
        halfway leaves none (the next one then renders every page)."""
        path = self.cache / MANIFEST
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = None
        forget(self.cache)
        pages = data.get("pages") if isinstance(data, dict) else None
        return pages if isinstance(pages, dict) else {}

    def _digest(self, content: Any) -> bytes:
        """A post's or an editors' page's file, by its bytes (once per build: a tag's
        pages list a post that has its own page too). A post names the bytes the build
        read (its ``source_key``, :mod:`.reader`): a file saved again while the build
        ran must not give the page made from its older text the newer text's key."""
        source = str(getattr(content, "source_path", "") or "")
        known = self._digests.get(source)
        if known is None:
            read = getattr(content, SOURCE_KEY, None)
            digest = f"read:{read}" if isinstance(read, str) else file_digest(source)
            known = self._digests[source] = f"{source}\0{digest}".encode()
        return known

    def key(self, name: str, template_name: str | None, arguments: dict[str, Any],
            context: dict[str, Any]) -> str | None:
        """The page's key, or None when the page shows the whole day (always rendered)."""
        shows = SHOWS.get(str(template_name))
        if shows is None:
            return None
        shown: list[Any] = []
        for argument in shows:
            if argument == "neighbours":
                article = arguments.get("article")
                shown += [getattr(article, "previous_post", None),
                          getattr(article, "next_post", None)]
            elif argument == "item_neighbours":
                for pair in (arguments.get("previous_item"), arguments.get("next_item")):
                    item, posts = pair if pair else (None, None)
                    shown += [item, posts[0] if posts else None]
            elif argument == "all_places":
                shown += [group.summary() for group in context.get("used_place_groups", ())]
            else:
                shown += flatten(arguments.get(argument))
        parts = [f"\n{template_name}\n{name}\n".encode()]
        known = self._parts
        for item in shown:
            if item is None:
                parts.append(b"\n")
                continue
            kept = known.get(id(item))
            if kept is not None and kept[0] is item:
                parts.append(kept[1])
                continue
            if hasattr(item, "source_path"):
                part = self._digest(item) + b"\n"
            else:
                try:
                    part = describe(item).encode() + b"\n"
                except ValueError:
                    return None
            if not isinstance(item, Label):  # made for this page only
                known[id(item)] = (item, part)
            parts.append(part)
        key = self.base.copy()
        key.update(b"".join(parts))
        return key.hexdigest()

    def feed_key(self, name: str, items: list[Any], arguments: list[Any]) -> str:
        """A feed's key: its ``write_feed`` arguments (address, title, type) and the
        posts it lists, by their files (:meth:`_digest`)."""
        head = json.dumps([name, arguments], default=str, ensure_ascii=False)
        parts = [f"\nfeed\n{head}\n".encode()]
        parts += [self._digest(item) + b"\n" for item in items]
        key = self.base.copy()
        key.update(b"".join(parts))
        return key.hexdigest()

    def reuse(self, name: str, key: str | None) -> bool:
        """Whether the last preview's file for ``name`` can stay as it is: it was
        written with ``key`` and is still the very file it was (size, time, inode)."""
        if key is None:
            return False
        recorded = self.previous.get(name)
        if not recorded or recorded[0] != key:
            return False
        try:
            stat = os.stat(os.path.join(self.previous_output, name))
        except OSError:
            return False
        return [stat.st_size, stat.st_mtime_ns, stat.st_ino] == recorded[1:]

    def save(self, output: Path) -> None:
        """Each page's key and its file's identity, for the next preview, and the
        pages kept from the last one (the parent, once every page is written; a page
        kept, by whichever process, is a keyed page that is not in ``output``)."""
        written = set(folder_files(output))
        pages: dict[str, list[Any]] = {}
        kept: list[str] = []
        for name, key in self.keys.items():
            if name in written:
                previous = os.path.join(self.previous_output, name)
                if self.previous_output and same_bytes(output / name, previous):
                    # Rendered again with the very bytes the last preview's file
                    # holds (a neighbour whose link text stayed the same): that file
                    # stays, recorded under the new key, and nothing is moved.
                    stat = os.stat(previous)
                    os.unlink(output / name)
                    kept.append(name)
                else:
                    # A rename into output/ keeps the size, the time and the inode.
                    stat = os.stat(output / name)
                pages[name] = [key, stat.st_size, stat.st_mtime_ns, stat.st_ino]
                continue
            recorded = self.previous.get(name)
            if recorded and recorded[0] == key:  # kept in place, as it was
                pages[name] = recorded
                kept.append(name)
        # Records of a preview, not published work: not forced to the disk (a crash
        # loses them, and the next preview renders every page).
        self.cache.mkdir(parents=True, exist_ok=True)
        write_atomic(self.cache / KEPT, json.dumps(sorted(kept)), durable=False)
        write_atomic(self.cache / MANIFEST, json.dumps({"pages": pages}, sort_keys=True),
                     durable=False)
        logger.info("preview: %d of %d pages with unchanged inputs kept", len(kept),
                    len(pages))


def folder_files(folder: Path) -> list[str]:
    """Every file (and link) under ``folder``, relative, with ``/``."""
    found: list[str] = []
    for base, _dirs, files in os.walk(folder):
        relative = os.path.relpath(base, folder)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        found.extend(prefix + name for name in files)
    return found


def flatten(value: Any) -> list[Any]:
    """The posts and names an argument holds: a post, a list of posts, an hour or a
    place (its ``articles``), a neighbour given as ``(author, its posts)``. (A post,
    the most common item, is asked for first: at 2,000 posts, the hashtags' and
    authors' pages list 12,000.)"""
    if hasattr(value, "source_path"):
        return [value]
    if isinstance(value, list | tuple):
        found: list[Any] = []
        for element in value:
            if hasattr(element, "source_path"):
                found.append(element)
            else:
                found += flatten(element)
        return found
    if hasattr(value, "articles"):
        return [value, *flatten(value.articles)]
    if value is None or isinstance(value, str | int):
        return [value if value is None else Label(value)]
    return [value]


@dataclasses.dataclass(frozen=True)
class Label:
    """A plain value an argument holds (a count)."""

    value: str | int


def begin(generators: Any) -> None:
    """Before the pages are rendered (``all_generators_finalized``): the build's
    PageReuse in the shared context, when the build asks for it and makes no search
    index (the index reads every page from the build's own folder)."""
    if not generators:
        return
    settings = generators[0].settings
    context = generators[0].context
    if inventaire_settings.get(settings, "INVENTAIRE_REUSE_PAGES") and not \
            inventaire_settings.get(settings, "INVENTAIRE_SEARCH"):
        context[REUSE] = PageReuse(settings, context.get("day"))
    else:  # this build's output will not be the one the record describes
        forget(Path(str(settings.get("CACHE_PATH") or "cache")))


def forget(cache: Path) -> None:
    """Remove the last preview's record: the next preview renders every page."""
    for name in (MANIFEST, KEPT):
        (cache / name).unlink(missing_ok=True)


def kept_pages(cache: Path) -> set[str]:
    """The pages the last build kept in place from the preview before it (read from
    its record): the output folder is then merged, not replaced. Empty after any
    build that rendered every page, and when there is no record."""
    try:
        kept = json.loads((cache / KEPT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    return {name for name in kept if isinstance(name, str)} if isinstance(kept, list) else set()
