"""Bluesky: post views (``searchPosts``, ``getAuthorFeed``, ``getPosts``) and ``repo.car``.

Facets are UTF-8 byte ranges: converted to code points of the text; a facet that cuts
a character or leaves the text is dropped (rendered as plain text, as the reference
client does), and an overlapping facet is skipped. ``repo.car`` is parsed with the
``atproto`` package; records are found by walking the repository's Merkle search tree
from the commit, so each post keeps its record key (its id). Images are not in the
CAR: they are kept as CDN addresses, marked missing.

A CAR names its account only by DID (``did:plc:…``): the display name is in the
profile record (``app.bsky.actor.profile/self``), but the handle is nowhere in the
repository (it lives in the DID document). So the handle is taken from what came
with the export (:func:`car_identity`), else the DID stays the author, shown as such
by ``inventaire authors`` for the editors to map.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from inventaire.core.model import Entity, Media, Post
from inventaire.importer.sources import metrics
from inventaire.importer.sources.common import (
    EXTRA_TAGS,
    Malformed,
    ReadContext,
    Record,
    Skipped,
    iter_json,
    parse_iso_date,
    simple_entities,
)

POST_TYPE = "app.bsky.feed.post"
PROFILE_KEY = "app.bsky.actor.profile/self"

# A handle is a domain name (atproto's handle syntax, lower-cased here); a DID is not.
HANDLE = re.compile(r"(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+"
                    r"[a-z]([a-z0-9-]{0,61}[a-z0-9])?")
# goat (``goat repo export HANDLE``) names its file ``HANDLE.YYYYMMDDhhmmss.car``.
GOAT_NAME = re.compile(r"(?P<handle>.+)\.\d{14}\.car", re.IGNORECASE)
# Metadata next to a CAR is small; a larger JSON file is an export of its own.
MAX_METADATA_BYTES = 1_000_000


def facet_entities(text: str, facets: list[dict[str, Any]]) -> list[Entity]:
    """Entities from byte-offset facets, in code points of ``text``."""
    data = text.encode("utf-8")
    ascii_only = len(data) == len(text)
    found: list[Entity] = []
    last_end = -1
    for facet in sorted(facets or (), key=lambda f: (f.get("index") or {}).get("byteStart", 0)):
        index = facet.get("index") or {}
        try:
            start_b, end_b = int(index["byteStart"]), int(index["byteEnd"])
        except (KeyError, TypeError, ValueError):
            continue
        if not 0 <= start_b < end_b <= len(data) or start_b < last_end:
            continue
        if ascii_only:
            start, end = start_b, end_b
        else:
            try:
                start = len(data[:start_b].decode("utf-8"))
                end = start + len(data[start_b:end_b].decode("utf-8"))
            except UnicodeDecodeError:
                continue
        shown = text[start:end]
        for feature in facet.get("features") or ():
            kind = str(feature.get("$type") or feature.get("py_type") or "")
            if kind.endswith("#tag"):
                found.append(Entity("hashtag", start, end, str(feature.get("tag") or
                                                               shown.lstrip("#"))))
            elif kind.endswith("#mention"):
                found.append(Entity("mention", start, end, shown.lstrip("@"),
                                    href=f"https://bsky.app/profile/{feature.get('did', '')}"))
            elif kind.endswith("#link"):
                found.append(Entity("url", start, end, str(feature.get("uri") or ""), shown))
            else:
                continue
            last_end = end_b
            break
    return found


def _plain_entities(text: str) -> list[Entity]:
    """Posts from clients that write no facets: find links with the twitter-text rules."""
    if "#" not in text and "@" not in text and "." not in text:
        return []
    try:
        return simple_entities(text)
    except ImportError:
        return []


def _rkey(uri: str) -> str:
    return uri.rstrip("/").rsplit("/", 1)[-1]


def _blob_cid(blob: dict[str, Any]) -> str:
    ref = blob.get("ref")
    if isinstance(ref, dict):
        return str(ref.get("$link") or "")
    if ref is not None:
        return _link(ref)
    return str(blob.get("cid") or "")


def _images(record: dict[str, Any], view: dict[str, Any] | None, did: str) -> list[Media]:
    embed = record.get("embed") or {}
    if str(embed.get("$type", "")).endswith("recordWithMedia"):
        embed = embed.get("media") or {}
    images = embed.get("images") or []
    shown = ((view or {}).get("images") or ((view or {}).get("media") or {}).get("images")
             or [])
    media = []
    for index, image in enumerate(images):
        ratio = image.get("aspectRatio") or {}
        url = shown[index].get("fullsize", "") if index < len(shown) else ""
        if not url:
            cid = _blob_cid(image.get("image") or {})
            url = f"https://cdn.bsky.app/img/feed_fullsize/plain/{did}/{cid}@jpeg" if cid else ""
        media.append(Media(url=url, alt=image.get("alt") or "",
                           width=int(ratio.get("width") or 0),
                           height=int(ratio.get("height") or 0), missing=True))
    return media


def record_to_post(record: dict[str, Any], rkey: str, did: str, handle: str, name: str,
                   context: ReadContext, view: dict[str, Any] | None = None) -> Post:
    text = str(record.get("text") or "")
    embed = record.get("embed") or {}
    quote = ""
    kind = str(embed.get("$type", ""))
    if kind.endswith("embed.record") or kind.endswith("recordWithMedia"):
        inner = embed.get("record") or {}
        inner = inner.get("record", inner) if kind.endswith("recordWithMedia") else inner
        quote = _rkey(str(inner.get("uri") or ""))
    reply = ((record.get("reply") or {}).get("parent") or {}).get("uri") or ""
    langs = record.get("langs") or []
    post = Post(
        id=rkey, network="bluesky", author=handle or did, author_name=name,
        date=parse_iso_date(str(record["createdAt"]), context.tz),
        text=text, url=f"https://bsky.app/profile/{handle or did}/post/{rkey}",
        entities=(facet_entities(text, record["facets"]) if record.get("facets")
                  else _plain_entities(text)),
        media=_images(record, view, did),
        reply_to=_rkey(reply) if reply else "", quote_of=quote,
        lang=str(langs[0]) if langs else "", source=context.source,
    )
    if record.get("tags"):
        post.extra[EXTRA_TAGS] = [str(t) for t in record["tags"]]
    return post


def view_to_post(view: dict[str, Any], context: ReadContext) -> Post | Skipped:
    author = view.get("author") or {}
    record = view.get("record") or {}
    if record.get("$type", POST_TYPE) != POST_TYPE:
        return Skipped("not a post")
    post = record_to_post(record, _rkey(view["uri"]), author.get("did", ""),
                          author.get("handle", ""), author.get("displayName", ""),
                          context, view.get("embed"))
    post.metrics = metrics.bluesky_view(view)
    return post


def _views(obj: Any) -> Iterator[tuple[dict[str, Any], bool]]:
    """(post view, is a repost) pairs of any of the API's response shapes."""
    if isinstance(obj, list):
        for item in obj:
            yield from _views(item)
    elif isinstance(obj, dict):
        if "posts" in obj:
            yield from _views(obj["posts"])
        elif "feed" in obj:
            for item in obj["feed"] or ():
                reason = str((item.get("reason") or {}).get("$type", ""))
                yield item.get("post") or {}, reason.endswith("reasonRepost")
        elif "thread" in obj:
            yield (obj["thread"] or {}).get("post") or {}, False
        elif "uri" in obj and "record" in obj:
            yield obj, False
        elif "post" in obj:
            yield obj["post"], False


def read_views(path: Path, context: ReadContext) -> Iterator[Record]:
    for item in iter_json(path, context.label):
        if isinstance(item, Malformed):
            yield item
            continue
        line, obj = item
        for view, repost in _views(obj):
            if repost:
                yield Skipped("retweet")
                continue
            try:
                yield view_to_post(view, context)
            except (KeyError, ValueError, TypeError, AttributeError) as error:
                yield Malformed(context.label, line, f"post view: missing or bad field {error}")


# -------------------------------------------------------------------------- repo.car

def _link(value: Any) -> str:
    from atproto import CID

    if isinstance(value, bytes):
        return str(CID.from_decoded_bytes(value))
    return str(value)


def walk_mst(blocks: dict[str, Any], node_cid: str) -> Iterator[tuple[str, str]]:
    """(key, record CID) of a Merkle search tree node, in key order."""
    node = blocks.get(node_cid)
    if not isinstance(node, dict):
        return
    if node.get("l"):
        yield from walk_mst(blocks, _link(node["l"]))
    key = b""
    for entry in node.get("e") or ():
        suffix = entry["k"] if isinstance(entry["k"], bytes) else str(entry["k"]).encode()
        key = key[: int(entry.get("p") or 0)] + suffix
        yield key.decode("utf-8", "replace"), _link(entry["v"])
        if entry.get("t"):
            yield from walk_mst(blocks, _link(entry["t"]))


def handle_of(value: object) -> str:
    """``value`` as a handle (``at://`` and ``@`` taken off, lower case), or ``""``."""
    text = str(value or "").strip().removeprefix("at://").lstrip("@").lower()
    # "handle.invalid" is what the network says when a handle no longer verifies.
    return text if HANDLE.fullmatch(text) and text != "handle.invalid" else ""


def _metadata_identity(data: Any, did: str) -> tuple[str, str] | None:
    """(handle, display name) when ``data`` describes ``did``: a profile as
    ``app.bsky.actor.getProfile`` answers it (``did``, ``handle``, ``displayName``),
    or a DID document as the PLC directory serves it (``id``, ``alsoKnownAs``)."""
    if not isinstance(data, dict):
        return None
    if isinstance(data.get("profile"), dict):  # {"profile": {...}} wrappers
        data = data["profile"]
    if data.get("did") == did and handle_of(data.get("handle")):
        return handle_of(data.get("handle")), str(data.get("displayName") or "")
    if data.get("id") == did:
        for alias in data.get("alsoKnownAs") or ():
            handle = handle_of(alias) if str(alias).startswith("at://") else ""
            if handle:
                return handle, ""
    return None


def car_identity(path: Path, did: str) -> tuple[str, str]:
    """(handle, display name) of the CAR's account, ``""`` for what is not found.

    Looked for, in this order, in what came with the export:

    * a JSON file in the CAR's folder (under 1 MB) holding the profile or the DID
      document *of this DID*: a file about another account is never used;
    * the CAR's own name, as ``goat repo export HANDLE`` writes it
      (``HANDLE.YYYYMMDDhhmmss.car``): the handle that resolved to this DID when the
      repository was downloaded.
    """
    if not did:
        return "", ""
    try:
        siblings = sorted(p for p in path.parent.glob("*.json") if p.is_file())
    except OSError:
        siblings = []
    for sibling in siblings:
        try:
            if sibling.stat().st_size > MAX_METADATA_BYTES:
                continue
            data = json.loads(sibling.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError, RecursionError):
            continue  # not metadata: another export, or not JSON at all
        found = _metadata_identity(data, did)
        if found:
            return found
    match = GOAT_NAME.fullmatch(path.name)
    if match and handle_of(match.group("handle")):
        return handle_of(match.group("handle")), ""
    return "", ""


def read_car(path: Path, context: ReadContext) -> Iterator[Record]:
    from atproto import CAR

    try:
        car = CAR.from_bytes(path.read_bytes())
    except Exception as error:
        yield Malformed(context.label, 1, f"not a readable CAR file ({error})")
        return
    blocks = {str(cid): block for cid, block in car.blocks.items()}
    commit = blocks.get(str(car.root)) or {}
    did = str(commit.get("did") or "")
    records = list(walk_mst(blocks, _link(commit["data"]))) if commit.get("data") else []
    handle, name = car_identity(path, did)
    for key, cid in records:
        if key == PROFILE_KEY:  # the name the account gives itself wins over metadata
            name = str((blocks.get(cid) or {}).get("displayName") or "") or name
    for number, (key, cid) in enumerate(records, 1):
        if key.startswith("app.bsky.feed.repost/"):
            yield Skipped("retweet")
            continue
        if not key.startswith(POST_TYPE + "/"):
            continue
        record = blocks.get(cid)
        if not isinstance(record, dict):
            yield Malformed(context.label, number, f"record {key} is missing from the CAR")
            continue
        try:
            yield record_to_post(record, key.split("/", 1)[1], did, handle, name, context)
        except (KeyError, ValueError, TypeError) as error:
            yield Malformed(context.label, number, f"record {key}: missing or bad field {error}")


def read(path: Path, context: ReadContext) -> Iterator[Record]:
    if path.suffix.lower() == ".car":
        yield from read_car(path, context)
    else:
        yield from read_views(path, context)
