"""Mastodon: a public hashtag timeline (``/api/v1/timelines/tag/:hashtag``) through
Mastodon.py, paged by status id.

* First pass (no cursor): back from the newest status (``max_id``) until the day's
  start, so a command started at noon still has the morning.
* Then forward from the newest status seen (``min_id``: the statuses right after
  it, 40 a page) until an empty page: none is skipped, even when more than a page
  arrived since the last pass.
* Then the newest page again, to see what changed upstream among the statuses seen
  lately (``recent`` in the cursor): a status edited since (``edited_at``) is read
  again, and the import's merge updates its file; one missing from the page that
  the API confirms gone (404 on ``/api/v1/statuses/:id``) is deleted upstream.
* Then a few of the posts that matter (selected, or marked for a crier) that the
  newest page no longer shows, re-fetched one by one (``/api/v1/statuses/:id``) in
  rotation, ``recheck`` a pass (:mod:`.watch`): a 404 is a deletion, an
  ``edited_at`` other than the one last seen (``checks`` in the cursor) an edit.

Statuses are read by the import's own reader (``importer.sources.mastodon``). The
client is made with ``ratelimit_method="throw"``: its waits would be invisible and
untestable; the rate-limit headers it parses (``X-RateLimit-Remaining``/``Reset``,
exposed as ``ratelimit_remaining``/``ratelimit_reset``) and a 429's ``Retry-After``
(seen through a response hook of the ``requests`` session it is given) are honoured
by :class:`.retry.Retry`. A token, when an instance asks for one, comes only from
the environment (:func:`token_variable`).
"""

from __future__ import annotations

import logging
import os
import re
from datetime import datetime, tzinfo
from typing import Any
from urllib.parse import urlsplit

from inventaire.importer.live.land import Batch
from inventaire.importer.live.retry import BACKOFF, Retry, SourceUnavailable, retry_after
from inventaire.importer.live.watch import RECHECK, Watchlist, due, low_on_requests
from inventaire.importer.sources.common import ReadContext, parse_iso_date
from inventaire.importer.sources.mastodon import status_to_post

PAGE = 40  # the API's largest page
MAX_PAGES = 50  # one pass reads at most this many pages each way

logger = logging.getLogger(__name__)


def token_variable(base_url: str) -> str:
    """``MASTODON_TOKEN_MASTODON_SOCIAL`` for ``https://mastodon.social``: the one place
    an instance's token is read from."""
    host = urlsplit(base_url).hostname or base_url
    return "MASTODON_TOKEN_" + re.sub(r"[^0-9A-Za-z]", "_", host).upper()


def plain(value: Any) -> Any:
    """Mastodon.py's answer as the JSON it was (dates back to ISO strings), the shape
    the import's reader takes."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _order(status_id: str) -> tuple[int, str]:
    """Mastodon ids sort as numbers (they are strings of digits of any length)."""
    return (len(status_id), status_id)


class MastodonSource:
    """One hashtag on one instance."""

    def __init__(self, base_url: str, hashtag: str, day_start: datetime, tz: tzinfo,
                 retry: Retry, token: str | None = None, watch: Watchlist | None = None,
                 recheck: int = RECHECK) -> None:
        import requests
        from mastodon import Mastodon

        self.base_url = base_url.rstrip("/")
        self.hashtag = hashtag.lstrip("#")
        self.key = f"mastodon:{self.base_url}#{self.hashtag}"
        self.day_start = day_start
        self.retry = retry
        self.watch = watch
        self.recheck = recheck
        self.context = ReadContext(tz, source=f"{self.base_url}/tags/{self.hashtag}",
                                   label=f"{self.base_url}/api/v1/timelines/tag/"
                                         f"{self.hashtag}")
        self.headers: dict[str, str] = {}
        session = requests.Session()
        session.hooks["response"].append(self._seen)
        token = token if token is not None else os.environ.get(token_variable(base_url))
        self.api = Mastodon(api_base_url=self.base_url, access_token=token or None,
                            ratelimit_method="throw", session=session,
                            mastodon_version="4.0.0", request_timeout=30)

    def _seen(self, response: Any, *_args: Any, **_kwargs: Any) -> None:
        self.headers = dict(response.headers)

    def _classify(self, error: BaseException) -> float | None:
        from mastodon import errors

        if isinstance(error, errors.MastodonRatelimitError):
            wait = retry_after(self.headers.get("Retry-After"), self.retry.clock())
            if wait is None and self.api.ratelimit_reset:
                wait = max(0.0, float(self.api.ratelimit_reset) - self.retry.clock())
            return BACKOFF if wait is None else wait
        if isinstance(error, errors.MastodonServerError | errors.MastodonNetworkError):
            return BACKOFF
        return None

    def _call(self, what: str, **kwargs: Any) -> list[dict[str, Any]]:
        from mastodon import errors

        try:
            page = self.retry.call(f"{self.key} ({what})",
                                   lambda: self.api.timeline_hashtag(self.hashtag, **kwargs),
                                   self._classify)
        except errors.MastodonUnauthorizedError:
            raise SourceUnavailable(
                f"{self.key}: the instance asks for a token; set "
                f"{token_variable(self.base_url)} in the environment") from None
        except errors.MastodonError as error:
            raise SourceUnavailable(f"{self.key}: {error}") from None
        self._pace()
        return [plain(s) for s in page or ()]

    def _pace(self) -> None:
        """The window is spent: wait for its reset before the next call."""
        remaining = self.api.ratelimit_remaining
        if remaining is not None and int(remaining) <= 0 and self.api.ratelimit_reset:
            self.retry.pause(float(self.api.ratelimit_reset) - self.retry.clock(),
                             f"{self.key}: rate limit reached (X-RateLimit-Remaining: 0)")

    def _status(self, status_id: str) -> dict[str, Any] | None:
        """The status as the API gives it now; None when it no longer exists (404);
        ``{}`` when the API cannot tell (another error)."""
        from mastodon import errors

        try:
            status = self.retry.call(f"{self.key} (status {status_id})",
                                     lambda: self.api.status(status_id), self._classify)
        except errors.MastodonNotFoundError:
            return None
        except errors.MastodonError:
            return {}
        self._pace()
        return dict(plain(status) or {})

    def _gone(self, status_id: str) -> bool:
        """Whether the API says the status no longer exists."""
        return self._status(status_id) is None

    def _recheck(self, cursor: dict[str, Any], recent: dict[str, str],
                 seen: dict[str, dict[str, Any]], batch: Batch,
                 by_id: dict[str, dict[str, Any]]) -> dict[str, Any]:
        """Re-fetch the next few watched statuses (see the module); the cursor's
        ``checks`` (id → [pass, edited_at last seen]) and pass number after it."""
        number = int(cursor.get("pass") or 0) + 1
        watched = self.watch.posts_of("mastodon", self.context.source) \
            if self.watch and self.recheck else []
        old = cursor.get("checks") or {}
        checks = {w.id: old[w.id] for w in watched if w.id in old}
        ids = {w.id for w in watched}
        for status_id, status in seen.items():  # on the newest page: seen this pass
            if status_id in ids:
                checks[status_id] = [number, str(status.get("edited_at") or "")]
        asked = 0
        for item in due(watched, checks, set(seen) | set(by_id)):
            if asked >= self.recheck:
                break
            if low_on_requests(self.api.ratelimit_remaining, self.api.ratelimit_limit):
                logger.info("live: %s: rate-limit window low (%s left); the re-check of "
                            "selected posts goes on at the next pass", self.key,
                            self.api.ratelimit_remaining)
                break
            asked += 1
            try:
                now = self._status(item.id)
            except SourceUnavailable as error:
                logger.warning("live: %s — the re-check goes on at the next pass", error)
                break
            if now is None:
                batch.gone.append(("mastodon", item.id))
                checks.pop(item.id, None)
                continue
            entry = old.get(item.id)
            known = str(entry[1]) if isinstance(entry, list) and len(entry) > 1 else \
                recent.get(item.id)
            if not now:  # the API cannot tell now: checked again in its next turn
                checks[item.id] = [number, known or ""]
                continue
            edited = str(now.get("edited_at") or "")
            if edited and edited != known:
                by_id.setdefault(item.id, now)
            checks[item.id] = [number, edited]
        return {"pass": number, "checks": checks} if watched or old else {}

    def _backfill(self) -> list[dict[str, Any]]:
        statuses: list[dict[str, Any]] = []
        max_id: str | None = None
        for _ in range(MAX_PAGES):
            page = self._call("back to the day's start", limit=PAGE, max_id=max_id)
            if not page:
                break
            statuses += page
            oldest = min(page, key=lambda s: _order(str(s["id"])))
            max_id = str(oldest["id"])
            if parse_iso_date(str(oldest["created_at"]), self.context.tz) < self.day_start:
                break
        return statuses

    def poll(self, cursor: dict[str, Any]) -> tuple[Batch, dict[str, Any]]:
        """One pass: what arrived, changed or went since ``cursor``; the new cursor."""
        newest = str(cursor.get("newest") or "")
        recent = {str(r[0]): str(r[1]) for r in cursor.get("recent") or () if len(r) == 2}
        fresh: list[dict[str, Any]] = []
        if not newest:
            fresh = self._backfill()
        else:
            since = newest
            # Until an empty page, not a short one: a server may give fewer than asked
            # (GoToSocial, Pleroma and some Mastodon set-ups cap pages lower).
            for _ in range(MAX_PAGES):
                page = self._call("new", limit=PAGE, min_id=since)
                if not page:
                    break
                fresh += page
                since = max((str(s["id"]) for s in page), key=_order)
        batch = Batch(self.key)
        by_id = {str(s["id"]): s for s in fresh}
        shown: dict[str, dict[str, Any]] = {}
        if newest:
            top = self._call("changes upstream", limit=PAGE)
            shown = {str(s["id"]): s for s in top}
            for status_id, status in shown.items():
                edited = str(status.get("edited_at") or "")
                if status_id in recent and edited and edited != recent[status_id]:
                    by_id.setdefault(status_id, status)
            floor = min(shown, key=_order) if len(shown) >= PAGE else ""
            for status_id in sorted(recent, key=_order):
                if status_id in shown or status_id in by_id:
                    continue
                if floor and _order(status_id) < _order(floor):
                    continue
                if self._gone(status_id):
                    batch.gone.append(("mastodon", status_id))
        rotation = self._recheck(cursor, recent, {**shown, **by_id}, batch, by_id)
        for status in by_id.values():
            try:
                batch.records.append(status_to_post(status, self.context))
            except (KeyError, ValueError, TypeError, AttributeError) as error:
                from inventaire.importer.sources.common import Malformed

                batch.records.append(Malformed(self.context.label, 1,
                                               f"status {status.get('id', '?')}: missing "
                                               f"or bad field {error}"))
        gone = {i for _n, i in batch.gone}
        for status_id, status in by_id.items():
            recent[status_id] = str(status.get("edited_at") or "")
        kept = sorted((i for i in recent if i not in gone), key=_order)
        ids = [newest, *by_id] if newest else list(by_id)
        return batch, {"newest": max(ids, key=_order) if ids else "",
                       "recent": [[i, recent[i]] for i in kept], **rotation}
