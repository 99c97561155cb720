"""The triage of ``inventaire serve``: the day's posts as the page lists them, and the
editors' decisions written into their files.

Choosing 250 posts out of 10,000 by editing YAML fields is not a practical job. The
page (``commands/triage_static/``) lists the posts by hour and place and takes a
decision per key; this module is what it talks to (through
:mod:`inventaire.commands.triage_http`): :meth:`Triage.state` is the list, read again
only for the files that changed since the last call (so a poll every few seconds
costs a directory walk), and :meth:`Triage.decide` writes one field of one file
through :mod:`inventaire.core.post_edit`, every other byte left as it was. The
preview's watcher sees the file change and builds again, as it does for an edit by
hand. Decisions can be undone, last first, as long as nobody saved the file since.

What a decision may write is only what the editors' file allows: ``status``
(``selected``; ``withdrawn`` for a post turned down, which leaves it out of every
output; back to ``candidate``), ``featured``, ``place`` (a slug of the gazetteer) and
``declaimed: {place, time}``, the « à crier » mark the criers' sheets read.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from inventaire.core import settings as inventaire_settings
from inventaire.core.day import load_day
from inventaire.core.errors import PostFileError
from inventaire.core.messages import language_of, localize
from inventaire.core.model import Post
from inventaire.core.places import Place, load_places
from inventaire.core.post_edit import edit_post_file, restore_post_file
from inventaire.core.postfile import read_post
from inventaire.core.project import POSTS_FOLDER
from inventaire.core.rights import Register
from inventaire.core.text.handles import shown_handle

_CLOCK = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
# The decisions a key press makes, as the fields they set.
STATUS_ACTIONS = {"select": "selected", "reject": "withdrawn", "candidate": "candidate"}


class Refused(Exception):
    """A decision the triage does not write: the HTTP status and why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Decision:
    """One written decision, for undo: the file's bytes before and after."""

    path: Path
    before: bytes
    after: bytes
    label: str


def _entry(post: Post, key: str, raw: bytes, places: dict[str, Place]) -> dict[str, Any]:
    """A post as the page shows it. The text goes as text: the page sets it with
    ``textContent``, never as HTML."""
    return {
        "key": key,
        "rev": hashlib.sha1(raw).hexdigest()[:16],
        "id": post.id,
        "network": post.network,
        # Shown with its invisible, bidi and non-ASCII characters escaped, as on the
        # site: an impostor's « @name⟨U+200B⟩ » never looks like the author.
        "author": shown_handle(post.author),
        "author_name": post.author_name,
        "url": post.url,
        "time": post.date.strftime("%H:%M"),
        "hour": post.date.hour,
        "place": post.place if post.place in places else "",
        "place_unknown": post.place if post.place and post.place not in places else "",
        "status": post.status,
        "featured": post.featured,
        "declaimed": post.declaimed.to_dict() if post.declaimed else None,
        "text": post.text,
        "media": [{"file": m.file, "alt": m.alt, "kind": m.kind} for m in post.media
                  if m.file],
        "sensitive": bool(post.extra.get("sensitive")),
    }


def targets_for(settings: dict[str, Any], places: dict[str, Place]) -> dict[str, dict[int, int]]:
    """Selected posts wanted, per place and hour: ``INVENTAIRE_TRIAGE_TARGETS`` maps a
    place's slug to a number (every hour) or to ``{hour: number}``; the other places
    and hours get ``INVENTAIRE_TRIAGE_TARGET``."""
    default = int(inventaire_settings.get(settings, "INVENTAIRE_TRIAGE_TARGET") or 0)
    given = inventaire_settings.get(settings, "INVENTAIRE_TRIAGE_TARGETS") or {}
    found: dict[str, dict[int, int]] = {}
    for slug in places:
        value = given.get(slug, default)
        if isinstance(value, dict):
            hours = {int(hour): int(count) for hour, count in value.items()}
            found[slug] = {hour: hours.get(hour, default) for hour in range(24)}
        else:
            found[slug] = dict.fromkeys(range(24), int(value))
    return found


@dataclass
class Triage:
    """The triage of one project's ``content/``, shared by the server's threads."""

    content: Path
    settings: dict[str, Any] = field(default_factory=dict)
    _cache: dict[str, tuple[int, int, tuple[dict[str, Any], Post] | str]] = field(
        default_factory=dict)
    _undo: list[Decision] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _places: set[str] = field(default_factory=set)

    @property
    def posts_root(self) -> Path:
        return self.content / POSTS_FOLDER

    def said(self, error: PostFileError) -> str:
        """A problem as the page shows it: in the site's language, as check says it."""
        return str(localize(error, language_of(self.settings)))

    def places(self) -> dict[str, Place]:
        try:
            return load_places(self.content / str(inventaire_settings.get(
                self.settings, "INVENTAIRE_PLACES_PATH")))
        except PostFileError:
            return {}  # inventaire check names the file; the triage goes on without

    def _read(self, path: Path, key: str, stat: os.stat_result, places: dict[str, Place]
              ) -> tuple[dict[str, Any], Post] | str:
        """A file's entry and post (or its error), read again only when it changed."""
        cached = self._cache.get(key)
        if cached and cached[0] == stat.st_mtime_ns and cached[1] == stat.st_size:
            return cached[2]
        try:
            raw = path.read_bytes()
            post = read_post(path)
            value: tuple[dict[str, Any], Post] | str = (_entry(post, key, raw, places), post)
        except PostFileError as error:
            value = self.said(error)
        except OSError as error:
            value = f"{path}:1: file: {error.strerror} — check the file"
        self._cache[key] = (stat.st_mtime_ns, stat.st_size, value)
        return value

    def listing(self) -> list[tuple[str, os.stat_result]]:
        """The post files (``core.project.post_files``'s: ``.md`` under ``posts/``, no
        hidden file or folder) by key, with their ``stat``. Walked with ``scandir``:
        a poll of 10,000 files through ``pathlib`` took a second."""
        found: list[tuple[str, os.stat_result]] = []
        pending = [("", str(self.posts_root))]
        while pending:
            prefix, folder = pending.pop()
            try:
                entries = list(os.scandir(folder))
            except (FileNotFoundError, NotADirectoryError):
                continue
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                try:
                    if entry.is_dir():
                        pending.append((f"{prefix}{entry.name}/", entry.path))
                    elif entry.name.endswith(".md"):
                        found.append((prefix + entry.name, entry.stat()))
                except FileNotFoundError:
                    continue  # deleted while listed
        found.sort(key=lambda item: item[0])
        return found

    def state(self, since: str = "") -> dict[str, Any]:
        """The posts, places, targets and unreadable files; only ``{"version"}`` when
        nothing changed since ``since``."""
        stats = self.listing()
        rights = self.content / "rights.yml"
        digest = hashlib.sha1()
        for key, stat in stats:
            digest.update(f"{key}\0{stat.st_mtime_ns}\0{stat.st_size}\n".encode())
        if rights.is_file():
            digest.update(str(rights.stat().st_mtime_ns).encode())
        version = digest.hexdigest()[:20]
        if since and since == version:
            return {"version": version, "same": True}
        register, error = Register.load_or_close(self.content)
        places = self.places()
        if set(places) != self._places:  # an entry names its place only if it exists
            self._cache.clear()
            self._places = set(places)
        posts: list[dict[str, Any]] = []
        errors: list[str] = [str(error)] if error else []
        withdrawn = 0
        with self._lock:
            for key, stat in stats:
                value = self._read(self.posts_root / key, key, stat, places)
                if isinstance(value, str):
                    errors.append(value)
                elif register.apply(value[1]) is not value[1]:
                    withdrawn += 1  # the register's: never shown, never decided here
                else:
                    posts.append(value[0])
            keep = {key for key, _stat in stats}
            for gone in set(self._cache) - keep:
                del self._cache[gone]
        day = load_day(self.content, self.settings, strict=False)
        zone = day.zone()
        now = datetime.now(zone)
        return {
            "version": version,
            "day": {"date": day.date.isoformat() if day.date else "", "city": day.city_name,
                    "timezone": day.timezone, "live": day.date == now.date(),
                    "now": now.strftime("%H:%M")},
            "places": [{"slug": p.slug, "name": p.name, "crier": p.crier}
                       for p in sorted(places.values(), key=lambda p: p.name)],
            "targets": targets_for(self.settings, places),
            "posts": posts,
            "errors": errors,
            "withdrawn_by_register": withdrawn,
            "can_undo": bool(self._undo),
        }

    def _path(self, key: Any) -> Path:
        """The file a key names: a ``.md`` file under ``content/posts/``, nothing else."""
        if not isinstance(key, str) or not key.endswith(".md") or "\\" in key \
                or "\x00" in key:
            raise Refused(400, "key: expected a post file's path under content/posts/")
        parts = key.split("/")
        if any(part in ("", ".", "..") or part.startswith(".") for part in parts):
            raise Refused(400, "key: expected a post file's path under content/posts/")
        path = self.posts_root.joinpath(*parts)
        if path.is_symlink() or not path.is_file():
            raise Refused(404, f"{key}: no such post file (renamed or deleted?)")
        return path

    def changes_for(self, request: dict[str, Any]) -> tuple[dict[str, Any], str]:
        """The fields a decision sets, and its label for the undo."""
        action = request.get("action")
        if action in STATUS_ACTIONS:
            return {"status": STATUS_ACTIONS[str(action)]}, str(action)
        if action == "feature":
            return {"featured": True if request.get("value") else None}, "feature"
        places = self.places()
        if action == "place":
            slug = request.get("place")
            if slug != "" and slug not in places:
                raise Refused(400, f"place: {slug!r} is not in content/places/")
            return {"place": slug or None}, "place"
        if action == "declaim":
            slug, time = request.get("place"), request.get("time")
            if slug is None and time is None:
                return {"declaimed": None}, "declaim"
            if slug not in places:
                raise Refused(400, f"declaimed: place {slug!r} is not in content/places/")
            if not isinstance(time, str) or not _CLOCK.fullmatch(time):
                raise Refused(400, f"declaimed: {time!r} is not a time HH:MM")
            return {"declaimed": {"place": slug, "time": time}}, "declaim"
        raise Refused(400, f"action: {action!r} is not a decision")

    def decide(self, request: dict[str, Any]) -> dict[str, Any]:
        """Write one decision; the post as the page shows it afterwards."""
        path = self._path(request.get("key"))
        changes, label = self.changes_for(request)
        with self._lock:
            raw = path.read_bytes()
            rev = request.get("rev")
            if rev and hashlib.sha1(raw).hexdigest()[:16] != rev:
                raise Refused(409, f"{request['key']}: the file changed since the page read "
                              "it; look at it again")
            try:
                before, after, post = edit_post_file(path, changes, expected=raw)
            except PostFileError as error:
                raise Refused(422, self.said(error)) from None
            if before != after:
                self._undo.append(Decision(path, before, after, label))
            key = path.relative_to(self.posts_root).as_posix()
            return {"post": _entry(post, key, after, self.places()),
                    "can_undo": bool(self._undo)}

    def undo(self) -> dict[str, Any]:
        """Take back the last decision still undoable."""
        with self._lock:
            if not self._undo:
                raise Refused(409, "nothing to undo")
            decision = self._undo.pop()
            try:
                restore_post_file(decision.path, decision.before, decision.after)
            except PostFileError as error:
                raise Refused(409, self.said(error)) from None
            post = read_post(decision.path)
            key = decision.path.relative_to(self.posts_root).as_posix()
            return {"post": _entry(post, key, decision.before, self.places()),
                    "undone": decision.label, "can_undo": bool(self._undo)}
