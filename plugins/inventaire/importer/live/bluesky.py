"""Bluesky: ``app.bsky.feed.searchPosts`` for a hashtag, through the AT Protocol SDK.

Each pass asks for the posts indexed since the newest one seen (``since``,
``sort=latest``), following the answer's ``cursor`` until the last page; the first
pass starts at the day's start. Then it looks at the newest page again: a post seen
lately (``recent`` in the cursor) that is missing from it and that
``app.bsky.feed.getPosts`` no longer returns was deleted upstream. (A Bluesky post
is not edited in place: a changed post is a new one.) Last, the posts that matter
(selected, or marked for a crier) are asked for again in rotation, 25 to a
``getPosts`` (:mod:`.watch`), at most ``recheck`` requests a pass: one missing from
the answer was deleted. Their at-URIs come from the posts seen lately, else from
the author's handle (``com.atproto.identity.resolveHandle``, once a handle), and are
kept in the cursor (``checks``: rkey → [pass, at-URI]).

Post views are read by the import's own reader (``importer.sources.bluesky``). The
service is ``LIVE_BLUESKY_URL``; search asks for an account on the main service, so
``BLUESKY_HANDLE`` and ``BLUESKY_APP_PASSWORD`` (an app password, never the
account's), when set in the environment, log in first. A 429's ``Retry-After`` (else
its ``ratelimit-reset``) is honoured by :class:`.retry.Retry`, and a window spent
(``ratelimit-remaining: 0`` on an answer) is waited out before the next call.
"""

from __future__ import annotations

import logging
import os
from datetime import datetime, tzinfo
from typing import Any

from inventaire.importer.live.land import Batch
from inventaire.importer.live.retry import (
    BACKOFF,
    Retry,
    SourceUnavailable,
    retry_after,
    until_reset,
)
from inventaire.importer.live.watch import RECHECK, Watchlist, due, low_on_requests
from inventaire.importer.sources.bluesky import view_to_post
from inventaire.importer.sources.common import Malformed, ReadContext

PAGE = 100  # searchPosts' largest page
MAX_PAGES = 50
LOOKUP = 25  # getPosts takes at most 25 URIs

logger = logging.getLogger(__name__)


def _rkey(uri: str) -> str:
    return uri.rstrip("/").rsplit("/", 1)[-1]


def _instant(text: str) -> datetime:
    """An ISO date of the API (``…Z``) or of the cursor, comparable with the others."""
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


class BlueskySource:
    """One hashtag on the Bluesky service at ``base_url``."""

    def __init__(self, base_url: str, hashtag: str, day_start: datetime, tz: tzinfo,
                 retry: Retry, login: tuple[str, str] | None = None,
                 watch: Watchlist | None = None, recheck: int = RECHECK) -> None:
        from atproto import Client

        self.hashtag = hashtag.lstrip("#")
        self.key = f"bluesky:#{self.hashtag}"
        self.day_start = day_start
        self.retry = retry
        self.watch = watch
        self.recheck = recheck
        self.window: tuple[Any, Any] = (None, None)  # ratelimit-remaining, -limit
        self.dids: dict[str, str] = {}
        self.context = ReadContext(tz, source=f"{base_url.rstrip('/')}/xrpc/"
                                              f"app.bsky.feed.searchPosts?q=%23{self.hashtag}",
                                   label=f"{base_url.rstrip('/')} searchPosts #{self.hashtag}")
        self.client = Client(base_url=base_url.rstrip("/") + "/xrpc" if base_url else None)
        if login is None:
            handle = os.environ.get("BLUESKY_HANDLE", "")
            password = os.environ.get("BLUESKY_APP_PASSWORD", "")
            login = (handle, password) if handle and password else None
        self.login = login
        self.logged_in = False

    def _classify(self, error: BaseException) -> float | None:
        from atproto import exceptions

        if isinstance(error, exceptions.RateLimitExceededError):
            headers = error.response.headers if error.response is not None else {}
            now = self.retry.clock()
            wait = retry_after(headers.get("retry-after"), now)
            if wait is None:
                wait = until_reset(headers.get("ratelimit-reset"), now)
            return BACKOFF if wait is None else wait
        if isinstance(error, exceptions.NetworkError):
            return BACKOFF
        if isinstance(error, exceptions.RequestException) and error.response is not None \
                and error.response.status_code >= 500:
            return BACKOFF
        return None

    def _ask(self, what: str, nsid: str, params: Any) -> dict[str, Any]:
        """One XRPC query (the SDK's ``invoke_query``, whose answer keeps the
        headers): its JSON, after waiting out a spent rate-limit window."""
        from atproto import exceptions

        try:
            if self.login and not self.logged_in:
                login = self.login
                self.retry.call(f"{self.key} (login)",
                                lambda: self.client.login(login[0], login[1]),
                                self._classify)
                self.logged_in = True
            answer = self.retry.call(f"{self.key} ({what})",
                                     lambda: self.client.invoke_query(nsid, params=params),
                                     self._classify)
        except exceptions.UnauthorizedError:
            raise SourceUnavailable(
                f"{self.key}: the service asks for an account; set BLUESKY_HANDLE and "
                "BLUESKY_APP_PASSWORD (an app password) in the environment") from None
        except exceptions.AtProtocolError as error:
            raise SourceUnavailable(f"{self.key}: {error or error.__class__.__name__}") \
                from None
        headers = answer.headers or {}
        self.window = (headers.get("ratelimit-remaining"), headers.get("ratelimit-limit"))
        if str(headers.get("ratelimit-remaining", "")).strip() == "0":
            wait = until_reset(headers.get("ratelimit-reset"), self.retry.clock())
            if wait:
                self.retry.pause(wait, f"{self.key}: rate limit reached "
                                       "(ratelimit-remaining: 0)")
        return answer.content if isinstance(answer.content, dict) else {}

    def _search(self, what: str, **params: Any) -> dict[str, Any]:
        from atproto import models

        query = models.AppBskyFeedSearchPosts.Params(
            q=f"#{self.hashtag}", sort="latest", limit=PAGE, **params)
        return self._ask(what, "app.bsky.feed.searchPosts", query)

    def _existing(self, uris: list[str]) -> set[str]:
        from atproto import models

        found: set[str] = set()
        for start in range(0, len(uris), LOOKUP):
            answer = self._ask("deleted upstream?", "app.bsky.feed.getPosts",
                               models.AppBskyFeedGetPosts.Params(
                                   uris=uris[start:start + LOOKUP]))
            found.update(str(p.get("uri")) for p in answer.get("posts") or ())
        return found

    def _did(self, author: str) -> str:
        """The account's DID: the author when it is one, else its handle resolved."""
        from atproto import models

        if author.startswith("did:"):
            return author
        if author not in self.dids:
            answer = self._ask("whose post?", "com.atproto.identity.resolveHandle",
                               models.ComAtprotoIdentityResolveHandle.Params(handle=author))
            self.dids[author] = str(answer.get("did") or "")
        return self.dids[author]

    def _recheck(self, cursor: dict[str, Any], recent: list[str], seen: set[str],
                 batch: Batch) -> dict[str, Any]:
        """Ask again for the next few watched posts (see the module); the cursor's
        ``checks`` and pass number after it. ``recent``: at-URIs seen lately;
        ``seen``: the rkeys this pass saw already."""
        number = int(cursor.get("pass") or 0) + 1
        watched = self.watch.posts_of("bluesky", self.context.source) \
            if self.watch and self.recheck else []
        old = cursor.get("checks") or {}
        known = {_rkey(u): u for u in recent}
        known.update({k: str(v[1]) for k, v in old.items()
                      if isinstance(v, list) and len(v) > 1 and v[1]})
        checks = {w.id: old[w.id] for w in watched if w.id in old}
        for rkey in seen & {w.id for w in watched}:
            checks[rkey] = [number, known.get(rkey, "")]
        asked = 0
        pending: dict[str, str] = {}  # rkey → at-URI
        try:
            for item in due(watched, checks, seen):
                uri = known.get(item.id, "")
                resolve = not uri and item.author not in self.dids \
                    and not item.author.startswith("did:")
                # this post's resolveHandle, if any, and the getPosts it will be in
                if asked + resolve + 1 > self.recheck or low_on_requests(*self.window):
                    break
                checks[item.id] = [number, uri]  # its turn taken, whatever happens
                if not uri:
                    asked += resolve
                    try:
                        did = self._did(item.author)
                    except SourceUnavailable as error:  # a handle gone: tried in its turn
                        logger.warning("live: %s (the handle of post %s)", error, item.id)
                        continue
                    uri = f"at://{did}/app.bsky.feed.post/{item.id}" if did else ""
                    checks[item.id] = [number, uri]
                if uri:
                    pending[item.id] = uri
                if len(pending) == LOOKUP:
                    asked += 1
                    self._gone_of(pending, batch, checks)
                    pending = {}
            if pending:
                self._gone_of(pending, batch, checks)
        except SourceUnavailable as error:
            logger.warning("live: %s — the re-check goes on at the next pass", error)
        return {"pass": number, "checks": checks} if watched or old else {}

    def _gone_of(self, pending: dict[str, str], batch: Batch,
                 checks: dict[str, Any]) -> None:
        existing = self._existing(list(pending.values()))
        for rkey, uri in pending.items():
            if uri not in existing:
                batch.gone.append(("bluesky", rkey))
                checks.pop(rkey, None)

    def poll(self, cursor: dict[str, Any]) -> tuple[Batch, dict[str, Any]]:
        """One pass: what was indexed, or went, since ``cursor``; the new cursor."""
        since = str(cursor.get("since") or "") or self.day_start.isoformat()
        recent = {str(r[0]): str(r[1]) for r in cursor.get("recent") or () if len(r) == 2}
        views: dict[str, dict[str, Any]] = {}
        page_cursor: str | None = None
        for _ in range(MAX_PAGES):
            params: dict[str, Any] = {"since": since}
            if page_cursor:
                params["cursor"] = page_cursor
            answer = self._search("new", **params)
            for view in answer.get("posts") or ():
                uri = str(view.get("uri") or "")
                if uri and uri not in recent:
                    views.setdefault(uri, view)
            page_cursor = answer.get("cursor")
            if not answer.get("posts") or not page_cursor:
                break
        batch = Batch(self.key)
        shown: dict[str, str] = {}
        if recent:
            top = self._search("deleted upstream?").get("posts") or []
            shown = {str(v.get("uri")): str(v.get("indexedAt") or "") for v in top}
            floor = min(shown.values()) if len(shown) >= PAGE else ""
            missing = [u for u, at in sorted(recent.items())
                       if u not in shown and u not in views and (not floor or at >= floor)]
            if missing:
                existing = self._existing(missing)
                batch.gone = [("bluesky", _rkey(u)) for u in missing if u not in existing]
        seen = {_rkey(u) for u in [*views, *shown]} | {i for _n, i in batch.gone}
        rotation = self._recheck(cursor, [*recent, *views], seen, batch)
        for uri, view in views.items():
            try:
                batch.records.append(view_to_post(view, self.context))
            except (KeyError, ValueError, TypeError, AttributeError) as error:
                batch.records.append(Malformed(self.context.label, 1,
                                               f"post {uri}: missing or bad field {error}"))
            recent[uri] = str(view.get("indexedAt") or "")
        gone = {i for _n, i in batch.gone}
        kept = sorted((u for u in recent if _rkey(u) not in gone), key=lambda u: recent[u])
        newest = max([since, *(recent[u] for u in views if recent[u])], key=_instant)
        return batch, {"since": newest, "recent": [[u, recent[u]] for u in kept],
                       **rotation}
