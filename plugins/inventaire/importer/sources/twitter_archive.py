"""Twitter's "Download your archive", as a folder or a ``.zip``.

``data/manifest.js`` names every data file, its ``globalName`` and the media folder
for each data type; older archives say ``tweet``/``tweet_media``, newer ones
``tweets``/``tweets_media`` and split big files into parts. Without a manifest we fall
back to those names. Data files are JavaScript assignments
(``window.YTD.tweets.part0 = [...]``): we cut up to the first ``[`` and parse JSON.
Long posts live in ``note-tweet.js`` under another id (:mod:`.twitter_notes` gives
each to its own tweet); an edited tweet is there once per version: the last present
is kept, under the original's id, address and time (:func:`.edits.as_original`, as
the API v2 and twarc-csv readers do), so the archive and a collection holding the
same tweet give one post.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from inventaire.core.model import Post
from inventaire.importer.sources.common import (
    LOCAL_MEDIA,
    LOCAL_POSTERS,
    ArchiveError,
    LocalFile,
    Malformed,
    Notice,
    ReadContext,
    Record,
    Refused,
    Skipped,
    Tree,
    build_text,
    open_tree,
    parse_twitter_date,
)
from inventaire.importer.sources.edits import as_original, history_of
from inventaire.importer.sources.twitter_js import JSError, iter_js_items, parse_js
from inventaire.importer.sources.twitter_notes import Note, Notes, note_of
from inventaire.importer.sources.twitter_v1 import tweet_to_post


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


def _notes(tree: Tree, manifest: dict[str, Any], label: str) -> Iterator[Note | Record]:
    """The notes of ``note-tweet.js`` (or its parts), and what was wrong reading them."""
    files, _media = _data_files(tree, manifest, ("noteTweet",))
    if not files:
        files = _fallback_files(tree, ("note-tweet",))
    for name in files:
        where = f"{label}/{name}"
        try:
            items = iter_js_items(tree.read_text(name))
        except ArchiveError as error:
            yield Refused(label, str(error), "error")
            continue
        for item in items:
            if isinstance(item, JSError):
                yield Malformed(where, item.line, f"long posts: {item.what}")
                continue
            line, value = item
            try:
                note = note_of(value)
            except (KeyError, ValueError, TypeError, AttributeError) as error:
                yield Malformed(where, line, f"note: missing or bad field {error}; this "
                                "long post stays cut")
                continue
            if note is not None:
                yield note


def _id(tweet: dict[str, Any]) -> str:
    return str(tweet.get("id_str") or tweet.get("id") or "?")


def edit_chains(entries: list[tuple[str, int, dict[str, Any]]]
                ) -> tuple[set[str], dict[str, list[str]]]:
    """The ids to leave out (older versions), and the history of each kept edit.

    An edited tweet is in the archive once per version, each with ``edit_info`` listing
    every version's id, oldest first: ``initial.editTweetIds`` on the original,
    ``edit.editControlInitial.editTweetIds`` (and ``edit.initialTweetId``) on the later
    ones. The last version present is kept, once, and when it is an edit (present
    alone or not), with its history cut after it, as API v2 gives it; the original
    alone present (the edits missing) is read as itself.
    """
    present = {_id(tweet) for _l, _n, tweet in entries}
    older: set[str] = set()
    chains: dict[str, list[str]] = {}
    for _label, _line, tweet in entries:
        info = tweet.get("edit_info")
        if not isinstance(info, dict):
            continue
        initial = info.get("initial") or (info.get("edit") or {}).get("editControlInitial")
        chain = history_of((initial or {}).get("editTweetIds"))
        versions = [i for i in chain if i in present]
        older.update(versions[:-1])
        if versions and versions[-1] != chain[0]:
            chains[versions[-1]] = chain[:chain.index(versions[-1]) + 1]
    return older, chains


VIDEO_SUFFIXES = (".mp4", ".m4v", ".mov", ".webm")


def _basename(url: object) -> str:
    """The file name of a media address, without its query (``?tag=12``)."""
    return PurePosixPath(str(url or "").split("?", 1)[0]).name


def _bitrate(variant: dict[str, Any]) -> int:
    try:
        return int(variant.get("bitrate") or 0)  # a string in the archive
    except (TypeError, ValueError):
        return 0


def _video_names(item: dict[str, Any]) -> list[str]:
    """The file names a video's MP4 variants would have, highest bitrate first."""
    variants = (item.get("video_info") or {}).get("variants") or []
    mp4 = [v for v in variants if isinstance(v, dict)
           and str(v.get("content_type") or "").startswith("video/")]
    mp4.sort(key=lambda v: -_bitrate(v))
    return [_basename(v.get("url")) for v in mp4 if v.get("url")]


def _attach_files(post: Post, tweet: dict[str, Any], tree: Tree, media_dir: str) -> None:
    """Pair the tweet's media with files of the media folder (``<id>-<basename>``).

    A photo's file is named after ``media_url_https``. A video's or GIF's is named
    after one of its MP4 variants (the archive keeps the MP4 Twitter made of a GIF);
    its ``media_url_https`` is the still Twitter showed before playing, and when the
    archive has that file too it is the video's poster. A file named after none of
    them goes to a media of its kind left without one, in order.
    """
    if not post.media:
        return
    folder = media_dir.rstrip("/") + "/" if media_dir else ""
    candidates = {PurePosixPath(n).name: n for n in tree.names
                  if PurePosixPath(n).name.startswith(post.id + "-")
                  and (not folder or n.endswith(folder + PurePosixPath(n).name))}
    items = (tweet.get("extended_entities") or {}).get("media") or []
    files: dict[int, LocalFile] = {}
    posters: dict[int, LocalFile] = {}
    used: set[str] = set()

    def take(base: str) -> LocalFile | None:
        name = candidates.get(f"{post.id}-{base}") if base else None
        if name is None or name in used:
            return None
        used.add(name)
        return tree.local(name)

    for index, item in enumerate(items[:len(post.media)]):
        still = _basename(item.get("media_url_https") or item.get("media_url"))
        if post.media[index].kind in ("video", "gif"):
            found = next((f for f in map(take, _video_names(item)) if f), None)
            if found:
                files[index] = found
            poster = take(still)
            if poster:
                posters[index] = poster
        else:
            found = take(still)
            if found:
                files[index] = found
    leftovers = [n for n in sorted(candidates.values()) if n not in used]
    for index, media in enumerate(post.media):
        moving = media.kind in ("video", "gif")
        kind_of = [n for n in leftovers if n.lower().endswith(VIDEO_SUFFIXES) == moving]
        if index not in files and kind_of:
            leftovers.remove(kind_of[0])
            files[index] = tree.local(kind_of[0])
    if files:
        post.extra[LOCAL_MEDIA] = files
    if posters:
        post.extra[LOCAL_POSTERS] = posters


def read(path: Path, context: ReadContext) -> Iterator[Record]:
    single = path.is_file() and not zipfile.is_zipfile(path)
    # A lone tweets.js is read with the folder around it (for tweets_media/).
    tree = yield from open_tree(path.parent if single else path, context.label,
                                context.limits)
    if tree is None:
        return
    manifest: dict[str, Any] = {}
    manifest_name = None if single else tree.find("data/manifest.js") or tree.find("manifest.js")
    if manifest_name:
        try:
            manifest = parse_js(tree.read_text(manifest_name))
        except ArchiveError as error:
            yield Refused(context.label, str(error), "error")
        except JSError as error:
            yield Malformed(f"{context.label}/{manifest_name}", error.line,
                            f"bad manifest: {error.what}")
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
        except JSError as error:
            yield Malformed(f"{context.label}/{account_name}", error.line,
                            f"bad account: {error.what}")
        except (LookupError, AttributeError) as error:
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
    found_notes: list[Note] = []
    for record in _notes(tree, manifest, context.label):
        if isinstance(record, Note):
            found_notes.append(record)
        else:
            yield record
    notes = Notes(found_notes)
    # Every tweet is read before any is given: edits and long posts are resolved
    # across the whole archive (a later file may hold the last version).
    entries: list[tuple[str, int, dict[str, Any]]] = []
    for name_in_tree in files:
        label = context.label if single else f"{context.label}/{name_in_tree}"
        try:
            text = tree.read_text(name_in_tree)
        except ArchiveError as error:
            yield Refused(context.label, str(error), "error")
            continue
        for item in iter_js_items(text):
            if isinstance(item, JSError):
                yield Malformed(label, item.line, f"cannot read the tweets: {item.what}")
                continue
            line, value = item
            tweet = value.get("tweet") if isinstance(value, dict) else None
            if not isinstance(tweet, dict):
                yield Malformed(label, line, "item without a 'tweet' object")
                continue
            entries.append((label, line, tweet))
    older, chains = edit_chains(entries)
    firsts = {chain[0] for chain in chains.values()}
    originals = {_id(t): t for _l, _n, t in entries if _id(t) in firsts}
    posts: list[tuple[str, int, dict[str, Any], Post | Skipped]] = []
    for label, line, tweet in entries:
        tweet_id = _id(tweet)
        if tweet_id in older:
            posts.append((label, line, tweet, Skipped("older version")))
            continue
        try:
            result = tweet_to_post(tweet, context, handle, name, archive=True)
        except (KeyError, ValueError, TypeError, IndexError) as error:
            yield Malformed(label, line, f"tweet {tweet_id}: missing or bad field {error}")
            continue
        posts.append((label, line, tweet, result))
    matches = notes.match([(r.id, r.date, t) for _l, _n, t, r in posts if isinstance(r, Post)])
    for label, line, tweet, result in posts:
        if isinstance(result, Post):
            match = matches.get(result.id)
            if match is not None and match.note is not None:
                text, found = build_text(match.note.escaped, list(match.note.spans))
                if len(text) >= len(result.text):
                    result.text, result.entities = text, found
            elif match is not None:
                yield Notice(label, line, f"tweet {result.id}: {match.problem}")
            _attach_files(result, tweet, tree, media_dir)  # files named by its own id
            if result.id in chains:
                result = _edit(result, chains[result.id], originals, context)
        yield result


def _edit(post: Post, history: list[str], originals: dict[str, dict[str, Any]],
          context: ReadContext) -> Post:
    """The kept version of an edited tweet under its original's id, address and time:
    the original's ``created_at`` when the archive holds it, else read from its id."""
    try:
        written: datetime | None = parse_twitter_date(originals[history[0]]["created_at"],
                                                      context.tz)
    except (KeyError, ValueError, TypeError):
        written = None  # the original is absent or its date unreadable: its id tells
    return as_original(post, history, context.tz, written)
