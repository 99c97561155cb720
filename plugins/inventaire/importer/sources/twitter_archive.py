"""Twitter's "Download your archive", as a folder or a ``.zip``.

``data/manifest.js`` names every data file, its ``globalName`` and the media folder
for each data type; older archives say ``tweet``/``tweet_media``, newer ones
``tweets``/``tweets_media`` and split big files into parts. Without a manifest we fall
back to those names. Data files are JavaScript assignments
(``window.YTD.tweets.part0 = [...]``): we cut up to the first ``[`` and parse JSON.
Long posts live in ``note-tweet.js`` under another id: matched by creation time.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from inventaire.core.model import Post
from inventaire.importer.sources.common import (
    LOCAL_MEDIA,
    TOO_DEEP,
    ArchiveError,
    Malformed,
    ReadContext,
    Record,
    Refused,
    Span,
    Tree,
    build_text,
)
from inventaire.importer.sources.twitter_v1 import tweet_to_post


def parse_js(text: str) -> Any:
    """The JSON value assigned in a ``window.… = value;`` file."""
    start = min((i for i in (text.find("["), text.find("{")) if i != -1), default=-1)
    if start == -1:
        raise ValueError("no JSON value in the file")
    body = text[start:].rstrip().rstrip(";")
    try:
        return json.loads(body)
    except RecursionError:
        raise ValueError(TOO_DEEP) from None


def _data_files(tree: Tree, manifest: dict[str, Any], kinds: tuple[str, ...]
                ) -> tuple[list[str], str]:
    types = manifest.get("dataTypes") or {}
    for kind in kinds:
        entry = types.get(kind)
        if entry and entry.get("files"):
            names = [tree.find(f["fileName"]) for f in entry["files"]]
            return [n for n in names if n], str(entry.get("mediaDirectory") or "")
    return [], ""


def _fallback_files(tree: Tree, stems: tuple[str, ...]) -> list[str]:
    found = []
    for name in tree.names:
        stem = PurePosixPath(name).name
        if any(stem == f"{s}.js" or (stem.startswith(f"{s}-part") and stem.endswith(".js"))
               for s in stems) and "/data/" in "/" + name:
            found.append(name)
    return found


def _notes(tree: Tree, manifest: dict[str, Any]) -> dict[datetime, dict[str, Any]]:
    files, _media = _data_files(tree, manifest, ("noteTweet",))
    if not files:
        files = _fallback_files(tree, ("note-tweet",))
    notes: dict[datetime, dict[str, Any]] = {}
    for name in files:
        for item in parse_js(tree.read_text(name)):
            note = item.get("noteTweet") or {}
            if note.get("createdAt"):
                when = datetime.fromisoformat(note["createdAt"]).replace(microsecond=0)
                notes[when] = note
    return notes


def _note_text(note: dict[str, Any]) -> tuple[str, list[Span]]:
    core = note.get("core") or {}
    spans = [Span(int(item["fromIndex"]), int(item["toIndex"]), "hashtag", item["text"],
                  expect="#" + item["text"]) for item in core.get("hashtags") or ()]
    for item in core.get("mentions") or ():
        name = item.get("screenName") or item.get("screen_name") or ""
        spans.append(Span(int(item["fromIndex"]), int(item["toIndex"]), "mention", name,
                          expect="@" + name))
    spans += [Span(int(item["fromIndex"]), int(item["toIndex"]), "url",
                   item.get("expandedUrl") or item.get("shortUrl") or "",
                   item.get("displayUrl") or "", expect=item.get("shortUrl") or "")
              for item in core.get("urls") or ()]
    return core.get("text") or "", spans


def _attach_files(post: Post, tweet: dict[str, Any], tree: Tree, media_dir: str) -> None:
    """Pair the tweet's media with files of the media folder (``<id>-<basename>``)."""
    if not post.media:
        return
    folder = media_dir.rstrip("/") + "/" if media_dir else ""
    candidates = [n for n in tree.names
                  if PurePosixPath(n).name.startswith(post.id + "-")
                  and (not folder or n.endswith(folder + PurePosixPath(n).name))]
    items = (tweet.get("extended_entities") or {}).get("media") or []
    files = {}
    for index, item in enumerate(items):
        base = PurePosixPath(str(item.get("media_url_https") or "")).name
        exact = [n for n in candidates if PurePosixPath(n).name == f"{post.id}-{base}"]
        if exact:
            files[index] = tree.local(exact[0])
    leftovers = [n for n in candidates if all(f.name != n for f in files.values())]
    for index in range(len(post.media)):
        if index not in files and leftovers:
            files[index] = tree.local(leftovers.pop(0))
    if files:
        post.extra[LOCAL_MEDIA] = files


def read(path: Path, context: ReadContext) -> Iterator[Record]:
    single = path.is_file() and not zipfile.is_zipfile(path)
    try:
        # A lone tweets.js is read with the folder around it (for tweets_media/).
        tree = Tree(path.parent if single else path, context.label)
    except (OSError, zipfile.BadZipFile) as error:
        yield Malformed(context.label, 1, f"cannot open the archive: {error}")
        return
    yield from tree.refused
    manifest: dict[str, Any] = {}
    manifest_name = None if single else tree.find("data/manifest.js") or tree.find("manifest.js")
    if manifest_name:
        try:
            manifest = parse_js(tree.read_text(manifest_name))
        except ArchiveError as error:
            yield Refused(context.label, str(error), "error")
        except ValueError as error:
            yield Malformed(f"{context.label}/{manifest_name}", 1, f"bad manifest: {error}")
        if not isinstance(manifest, dict):
            manifest = {}
    user = manifest.get("userInfo") or {}
    handle, name = str(user.get("userName") or ""), str(user.get("displayName") or "")
    account_name = tree.find("data/account.js") or tree.find("account.js")
    if not handle and account_name:
        try:
            account = parse_js(tree.read_text(account_name))
            info = (account[0] if account else {}).get("account", {})
            handle, name = info.get("username", ""), info.get("accountDisplayName", "")
        except ArchiveError as error:
            yield Refused(context.label, str(error), "error")
        except (ValueError, LookupError, AttributeError) as error:
            yield Malformed(f"{context.label}/{account_name}", 1, f"bad account: {error}")
    files, media_dir = _data_files(tree, manifest, ("tweets", "tweet"))
    if single:
        files = [path.name]
    elif not files:
        files = _fallback_files(tree, ("tweets", "tweet"))
    if not media_dir:
        for candidate in ("data/tweets_media", "data/tweet_media"):
            if any(n.startswith(candidate + "/") or f"/{candidate}/" in n for n in tree.names):
                media_dir = candidate
                break
    try:
        notes = _notes(tree, manifest)
    except ArchiveError as error:
        yield Refused(context.label, str(error), "error")
        notes = {}
    except (ValueError, LookupError, AttributeError, TypeError) as error:
        yield Malformed(context.label, 1, f"long posts (note-tweet.js) not read: {error}")
        notes = {}
    for name_in_tree in files:
        label = context.label if single else f"{context.label}/{name_in_tree}"
        try:
            items = parse_js(tree.read_text(name_in_tree))
        except ArchiveError as error:
            yield Refused(context.label, str(error), "error")
            continue
        except ValueError as error:
            yield Malformed(label, 1, f"cannot read the tweets: {error}")
            continue
        for number, item in enumerate(items, 1):
            tweet = item.get("tweet") if isinstance(item, dict) else None
            if not isinstance(tweet, dict):
                yield Malformed(label, number, "item without a 'tweet' object")
                continue
            try:
                result = tweet_to_post(tweet, context, handle, name, archive=True)
            except (KeyError, ValueError, TypeError, IndexError) as error:
                yield Malformed(label, number, f"tweet {tweet.get('id_str', '?')}: "
                                f"missing or bad field {error}")
                continue
            if isinstance(result, Post):
                note = notes.get(result.date.replace(microsecond=0)) if notes else None
                if note is not None:
                    escaped, spans = _note_text(note)
                    text, found = build_text(escaped, spans)
                    if len(text) >= len(result.text):
                        result.text, result.entities = text, found
                _attach_files(result, tweet, tree, media_dir)
            yield result

