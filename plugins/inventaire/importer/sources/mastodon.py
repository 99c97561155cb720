"""Mastodon: the account archive (``outbox.json``; a folder, a zip, or the ``.tar.gz``
Mastodon wrote before 4.1) and API ``Status`` JSON.

Content is sanitised HTML. :class:`_Html` turns it into the text a reader sees:
paragraphs become blank lines, ``<br>`` a line break, ``invisible`` spans vanish, an
``ellipsis`` span ends with "…", entities are decoded; links, hashtags and mentions
become entities with code-point offsets as the text is built. Only public and unlisted
posts are kept: the outbox also holds followers-only and direct messages.

What the author asked of readers stays with the post, in the editors' file: the
content warning (``summary`` / ``spoiler_text``) and the ``sensitive`` flag, an
unlisted post (``visibility: unlisted``: the author kept it off public timelines), and
a poll's options and counts (``poll``). The editors decide; ``inventaire check`` lists
the sensitive posts still undecided.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from inventaire.core.model import Entity, Media, Post
from inventaire.importer.sources import metrics
from inventaire.importer.sources.common import (
    LOCAL_MEDIA,
    LOCAL_POSTERS,
    TOO_DEEP,
    ArchiveError,
    Deleted,
    LocalFile,
    Malformed,
    ReadContext,
    Record,
    Refused,
    Skipped,
    Tree,
    iter_json,
    media_kind,
    open_tree,
    parse_iso_date,
)
from inventaire.importer.sources.tarball import is_tar

PUBLIC = "https://www.w3.org/ns/activitystreams#Public"
PUBLIC_SHORT = ("as:Public", "Public")


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.length = 0
        self.entities: list[Entity] = []
        self.hidden = 0
        self.stack: list[tuple[str, bool, bool]] = []  # tag, hidden, ellipsis
        self.link: dict[str, Any] | None = None
        self.paragraphs = 0

    def _emit(self, text: str) -> None:
        if text:
            self.out.append(text)
            self.length += len(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        classes = values.get("class", "").split()
        if tag == "br":
            self._emit("\n")
            return
        if tag == "p":
            if self.paragraphs:
                self._emit("\n\n")
            self.paragraphs += 1
        if tag == "a" and self.link is None:
            self.link = {"href": values.get("href", ""), "classes": classes,
                         "start": self.length}
        if tag == "span":
            hidden = "invisible" in classes
            self.hidden += hidden
            self.stack.append((tag, hidden, "ellipsis" in classes))

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self.stack:
            _tag, hidden, ellipsis = self.stack.pop()
            self.hidden -= hidden
            if ellipsis:
                self._emit("…")
        elif tag == "a" and self.link is not None:
            self._close_link()

    def _close_link(self) -> None:
        link, self.link = self.link, None
        assert link is not None
        start, end = link["start"], self.length
        shown = "".join(self.out)[start:end]
        href, classes = link["href"], link["classes"]
        if end <= start:
            return
        if "hashtag" in classes or shown.startswith("#"):
            self.entities.append(Entity("hashtag", start, end, shown.lstrip("#")))
        elif "mention" in classes or shown.startswith("@"):
            parts = urlsplit(href)
            user = shown.lstrip("@").split("@")[0]
            self.entities.append(Entity("mention", start, end, f"{user}@{parts.hostname}",
                                        href=href))
        else:
            self.entities.append(Entity("url", start, end, href, shown))

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self._emit(data)


def html_to_text(content: str) -> tuple[str, list[Entity]]:
    parser = _Html()
    parser.feed(content or "")
    parser.close()
    text = "".join(parser.out)
    stripped = text.rstrip()
    entities = [e for e in parser.entities if e.end <= len(stripped)]
    return stripped, entities


def _profile(actor_url: str, username: str) -> tuple[str, str]:
    host = urlsplit(actor_url).hostname or ""
    return (f"{username}@{host}" if host else username), host


def _public(audience: list[str]) -> bool:
    return any(a == PUBLIC or a in PUBLIC_SHORT for a in audience)


def _visibility(to: list[str], cc: list[str]) -> str:
    """``public`` (to Public), ``unlisted`` (Public only in cc) or ``private``."""
    return "public" if _public(to) else "unlisted" if _public(cc) else "private"


def keep_flags(post: Post, warning: str, sensitive: bool, visibility: str,
               poll: dict[str, Any] | None) -> None:
    """What the editors must see in the file: the content warning, the sensitive flag,
    an unlisted post and a poll's options (``extra`` keys, written to the front matter)."""
    if warning.strip():
        post.extra["content_warning"] = warning.strip()
    if sensitive or warning.strip():
        post.extra["sensitive"] = True
    if visibility == "unlisted":
        post.extra["visibility"] = "unlisted"
    if poll:
        post.extra["poll"] = poll


def _note_poll(note: dict[str, Any]) -> dict[str, Any] | None:
    """A ``Question``'s options (``oneOf``, or ``anyOf`` for several choices) and votes."""
    choices = note.get("oneOf") or note.get("anyOf")
    if note.get("type") != "Question" or not isinstance(choices, list):
        return None
    options = []
    for choice in choices:
        if isinstance(choice, dict) and choice.get("name") is not None:
            option: dict[str, Any] = {"title": str(choice["name"])}
            votes = (choice.get("replies") or {}).get("totalItems")
            if isinstance(votes, int):
                option["votes"] = votes
            options.append(option)
    poll: dict[str, Any] = {"options": options, "multiple": bool(note.get("anyOf"))}
    if note.get("closed") or note.get("endTime"):
        poll["ends"] = str(note.get("closed") or note.get("endTime"))
    if isinstance(note.get("votersCount"), int):
        poll["voters"] = note["votersCount"]
    return poll


def _status_poll(status: dict[str, Any]) -> dict[str, Any] | None:
    poll = status.get("poll")
    if not isinstance(poll, dict):
        return None
    options = []
    for choice in poll.get("options") or ():
        option: dict[str, Any] = {"title": str(choice.get("title") or "")}
        if isinstance(choice.get("votes_count"), int):
            option["votes"] = choice["votes_count"]
        options.append(option)
    found: dict[str, Any] = {"options": options, "multiple": bool(poll.get("multiple"))}
    if poll.get("expires_at"):
        found["ends"] = str(poll["expires_at"])
    if isinstance(poll.get("voters_count"), int):
        found["voters"] = poll["voters_count"]
    return found


def _find_media(tree: Tree, url: str) -> str | None:
    marker = url.find("media_attachments/")
    key = url[marker:] if marker != -1 else url.lstrip("/")
    return tree.find(key)


def note_to_post(item: dict[str, Any], actor: dict[str, Any], tree: Tree,
                 context: ReadContext) -> Post | Skipped | Deleted:
    if item.get("type") == "Announce":
        return Skipped("retweet")
    if item.get("type") == "Delete":
        obj = item.get("object")
        uri = obj.get("id") if isinstance(obj, dict) else obj
        return Deleted("mastodon", str(uri).rstrip("/").rsplit("/", 1)[-1])
    note = item.get("object")
    if item.get("type") != "Create" or not isinstance(note, dict):
        return Skipped("not a post")
    visibility = _visibility(note.get("to") or item.get("to") or [],
                             note.get("cc") or item.get("cc") or [])
    if visibility == "private":
        return Skipped("private")
    text, entities = html_to_text(note.get("content") or "")
    author, _host = _profile(actor.get("id") or note.get("attributedTo") or "",
                             actor.get("preferredUsername") or "")
    post_id = str(note["id"]).rstrip("/").rsplit("/", 1)[-1]
    media: list[Media] = []
    files: dict[int, LocalFile] = {}
    posters: dict[int, LocalFile] = {}
    for attachment in note.get("attachment") or ():
        if attachment.get("type") == "Link" or not attachment.get("url"):
            continue
        # The archive keeps a GIF as the MP4 Mastodon made of it: a video here.
        kind = media_kind(str(attachment.get("mediaType") or "image/").split("/")[0])
        name = _find_media(tree, str(attachment["url"]))
        if name:
            files[len(media)] = tree.local(name)
        icon = attachment.get("icon")  # a video's own thumbnail, when one was set
        icon_name = (_find_media(tree, str(icon.get("url") or ""))
                     if isinstance(icon, dict) and icon.get("url") else None)
        if icon_name and kind != "photo":
            posters[len(media)] = tree.local(icon_name)
        media.append(Media(url="" if name else str(attachment["url"]),
                           alt=attachment.get("name") or "",
                           kind=kind,
                           width=int(attachment.get("width") or 0),
                           height=int(attachment.get("height") or 0),
                           missing=not name))
    tags = [t["name"].lstrip("#") for t in note.get("tag") or () if t.get("type") == "Hashtag"]
    reply = str(note.get("inReplyTo") or "")
    post = Post(
        id=post_id, network="mastodon", author=author,
        author_name=actor.get("name") or "",
        date=parse_iso_date(note.get("published") or item["published"], context.tz),
        text=text, url=note.get("url") or note["id"], entities=entities, media=media,
        reply_to=reply.rstrip("/").rsplit("/", 1)[-1] if reply else "",
        quote_of=str(note.get("quoteUri") or note.get("quote") or ""),
        lang=next(iter(note.get("contentMap") or {}), ""), source=context.source,
        metrics=metrics.mastodon_note(note),
    )
    if files:
        post.extra[LOCAL_MEDIA] = files
    if posters:
        post.extra[LOCAL_POSTERS] = posters
    if tags:
        post.extra["_tags"] = tags
    keep_flags(post, str(note.get("summary") or ""), note.get("sensitive") is True,
               visibility, _note_poll(note))
    return post


def status_to_post(status: dict[str, Any], context: ReadContext) -> Post | Skipped:
    """An API ``Status`` (Mastodon.py, mastodon-archive…)."""
    if status.get("reblog"):
        return Skipped("retweet")
    if status.get("visibility", "public") not in ("public", "unlisted"):
        return Skipped("private")
    account = status.get("account") or {}
    text, entities = html_to_text(status.get("content") or "")
    acct = str(account.get("acct") or account.get("username") or "")
    if "@" not in acct:
        acct = f"{acct}@{urlsplit(account.get('url') or status.get('url') or '').hostname}"
    media = []
    for item in status.get("media_attachments") or ():
        original = (item.get("meta") or {}).get("original") or {}
        media.append(Media(url=item.get("url") or item.get("remote_url") or "",
                           alt=item.get("description") or "",
                           kind=media_kind(str(item.get("type") or "")),
                           width=int(original.get("width") or 0),
                           height=int(original.get("height") or 0), missing=True))
    post = Post(
        id=str(status["id"]), network="mastodon", author=acct,
        author_name=account.get("display_name") or "",
        date=parse_iso_date(status["created_at"], context.tz),
        text=text, url=status.get("url") or status.get("uri") or "", entities=entities,
        media=media, reply_to=str(status.get("in_reply_to_id") or ""),
        lang=status.get("language") or "", source=context.source,
        metrics=metrics.mastodon_status(status),
    )
    tags = [str(t.get("name", "")) for t in status.get("tags") or ()]
    if tags:
        post.extra["_tags"] = tags
    keep_flags(post, str(status.get("spoiler_text") or ""), status.get("sensitive") is True,
               str(status.get("visibility") or "public"), _status_poll(status))
    return post


def read_archive(path: Path, context: ReadContext) -> Iterator[Record]:
    tree = yield from open_tree(path, context.label, context.limits)
    if tree is None:
        return
    outbox = tree.find("outbox.json")
    if outbox is None:
        yield Malformed(context.label, 1, "no outbox.json in the Mastodon archive")
        return
    actor: dict[str, Any] = {}
    actor_name = tree.find("actor.json")
    label = f"{context.label}/{outbox}"
    reading = label
    try:
        if actor_name:
            reading = f"{context.label}/{actor_name}"
            actor = json.loads(tree.read_text(actor_name))
        reading = label
        collection = json.loads(tree.read_text(outbox))
    except ArchiveError as error:
        yield Refused(context.label, str(error), "error")
        return
    except json.JSONDecodeError as error:
        yield Malformed(reading, error.lineno, f"invalid JSON: {error.msg}")
        return
    except UnicodeDecodeError as error:
        yield Malformed(reading, 1, f"not UTF-8 ({error.reason}); re-save it as UTF-8")
        return
    except RecursionError:
        yield Malformed(reading, 1, TOO_DEEP)
        return
    for number, item in enumerate(collection.get("orderedItems") or (), 1):
        try:
            yield note_to_post(item, actor, tree, context)
        except (KeyError, ValueError, TypeError, AttributeError) as error:
            yield Malformed(label, number, f"item {number}: missing or bad field {error}")


def read_statuses(path: Path, context: ReadContext) -> Iterator[Record]:
    for item in iter_json(path, context.label):
        if isinstance(item, Malformed):
            yield item
            continue
        line, obj = item
        statuses = obj if isinstance(obj, list) else [obj]
        for status in statuses:
            try:
                yield status_to_post(status, context)
            except (KeyError, ValueError, TypeError, AttributeError) as error:
                yield Malformed(context.label, line, f"status: missing or bad field {error}")


def read(path: Path, context: ReadContext) -> Iterator[Record]:
    if path.is_dir() or path.suffix.lower() == ".zip" or path.name == "outbox.json" \
            or is_tar(path):
        if path.name == "outbox.json":
            path = path.parent
        yield from read_archive(path, context)
    else:
        yield from read_statuses(path, context)
