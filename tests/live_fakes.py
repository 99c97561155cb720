"""Fake Mastodon and Bluesky services on 127.0.0.1 for the ``inventaire live`` tests.

Each replays the shapes recorded in ``fixtures/live/`` (a status, a searchPosts
answer, rate-limit headers) with the paging rules of the real APIs: Mastodon's
``max_id``/``min_id``/``since_id`` over status ids, Bluesky's ``since`` and
``cursor`` over ``indexedAt``. A test adds posts, edits or deletes them, and queues
faults (a 429 with its headers, a 500) for the next requests; every request is
logged so a test can say what was asked.
"""

from __future__ import annotations

import copy
import json
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "live"
# The sample day the live tests run: Paris, 19 April 2013.
PARIS = ZoneInfo("Europe/Paris")
# serve_forever's keyword arguments for the tests' servers: it looks for a shutdown
# every poll_interval, 0.5 s by default, which every test stopping a server waited.
QUICK_STOP: dict[str, Any] = {"poll_interval": 0.02}
DAY = date(2013, 4, 19)
START = datetime(2013, 4, 19, 0, 0, tzinfo=PARIS)
MORNING = datetime(2013, 4, 19, 8, 0, tzinfo=PARIS)


def fixture(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


@dataclass
class Reply:
    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)


class Service:
    """Shared by both fakes: the faults queued and the requests seen."""

    def __init__(self) -> None:
        self.faults: list[Reply] = []
        # Faults for the next request whose path starts with the given prefix.
        self.faults_on: list[tuple[str, Reply]] = []
        self.requests: list[str] = []
        self.lock = threading.Lock()

    def answer(self, path: str, query: dict[str, list[str]]) -> Reply:
        raise NotImplementedError

    def handle(self, target: str) -> Reply:
        parts = urlsplit(target)
        with self.lock:
            self.requests.append(target)
            if self.faults:
                return self.faults.pop(0)
            for index, (prefix, reply) in enumerate(self.faults_on):
                if parts.path.startswith(prefix):
                    del self.faults_on[index]
                    return reply
            return self.answer(parts.path, parse_qs(parts.query))


def _order(status_id: str) -> tuple[int, str]:
    return (len(status_id), status_id)


class FakeMastodon(Service):
    """``/api/v1/timelines/tag/:tag`` and ``/api/v1/statuses/:id``."""

    def __init__(self) -> None:
        super().__init__()
        self.statuses: dict[str, dict[str, Any]] = {}
        self.spent_once = False  # answer once with X-RateLimit-Remaining: 0
        self.remaining = 299  # X-RateLimit-Remaining of every answer (of 300)

    def add(self, number: int, when: datetime, text: str = "", author: str = "flaneuse",
            tag: str = "jdtap") -> str:
        status = copy.deepcopy(fixture("mastodon_status.json"))
        status_id = str(110000000000000000 + number)
        status["id"] = status_id
        status["created_at"] = when.astimezone(UTC).isoformat().replace("+00:00", "Z")
        status["url"] = f"https://social.example/@{author}/{status_id}"
        status["uri"] = f"https://social.example/users/{author}/statuses/{status_id}"
        status["account"]["username"] = status["account"]["acct"] = author
        status["account"]["url"] = f"https://social.example/@{author}"
        body = text or f"Message {number} de la place"
        status["content"] = (f"<p>{body} <a href=\"https://social.example/tags/{tag}\" "
                             f"class=\"mention hashtag\" rel=\"tag\">#<span>{tag}</span></a></p>")
        status["tags"] = [{"name": tag, "url": f"https://social.example/tags/{tag}"}]
        self.statuses[status_id] = status
        return status_id

    def edit(self, status_id: str, text: str, when: datetime) -> None:
        status = self.statuses[status_id]
        tag = status["tags"][0]["name"]
        status["content"] = (f"<p>{text} <a href=\"https://social.example/tags/{tag}\" "
                             f"class=\"mention hashtag\" rel=\"tag\">#<span>{tag}</span></a></p>")
        status["edited_at"] = when.astimezone(UTC).isoformat().replace("+00:00", "Z")

    def handle(self, target: str) -> Reply:
        if urlsplit(target).path.rstrip("/") == "/api/v2/instance":
            # Mastodon.py asks once whether hashtag timelines are public (4.5's
            # timelines_access); not one of the requests a test counts or faults.
            return Reply(200, {"domain": "social.example", "version": "4.5.0",
                               "configuration": {"timelines_access": {
                                   "hashtag_feeds": {"local": "public",
                                                     "remote": "public"}}}})
        return super().handle(target)

    def answer(self, path: str, query: dict[str, list[str]]) -> Reply:
        headers = {"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": str(self.remaining),
                   "X-RateLimit-Reset": _iso(datetime.now(UTC) + timedelta(minutes=5))}
        if path.startswith("/api/v1/statuses/"):
            found = self.statuses.get(path.rsplit("/", 1)[-1])
            return Reply(200, found, headers) if found else \
                Reply(404, {"error": "Record not found"}, headers)
        if not path.startswith("/api/v1/timelines/tag/"):
            return Reply(404, {"error": "Not found"})
        tag = path.rsplit("/", 1)[-1]
        limit = int(query.get("limit", ["20"])[0])
        ids = sorted((i for i, s in self.statuses.items()
                      if s["tags"][0]["name"] == tag), key=_order)
        if "max_id" in query:
            ids = [i for i in ids if _order(i) < _order(query["max_id"][0])]
        if "min_id" in query:
            ids = [i for i in ids if _order(i) > _order(query["min_id"][0])][:limit]
        elif "since_id" in query:
            ids = [i for i in ids if _order(i) > _order(query["since_id"][0])]
        page = [self.statuses[i] for i in reversed(ids)][:limit]
        if self.spent_once:
            self.spent_once = False
            headers["X-RateLimit-Remaining"] = "0"
            headers["X-RateLimit-Reset"] = _iso(datetime.now(UTC) + timedelta(seconds=40))
        return Reply(200, page, headers)


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class FakeBluesky(Service):
    """``app.bsky.feed.searchPosts``, ``app.bsky.feed.getPosts`` and
    ``com.atproto.identity.resolveHandle``."""

    def __init__(self) -> None:
        super().__init__()
        self.views: dict[str, dict[str, Any]] = {}
        self.spent_once = False  # answer once with ratelimit-remaining: 0
        self.remaining = 2999  # ratelimit-remaining of every answer (of 3000)

    def add(self, rkey: str, when: datetime, text: str = "", handle: str = "zoe.example.com",
            tag: str = "jdtap") -> str:
        view = copy.deepcopy(fixture("bluesky_search.json")["posts"][0])
        did = f"did:plc:{handle.split('.')[0]}"
        uri = f"at://{did}/app.bsky.feed.post/{rkey}"
        body = (text or f"Message {rkey} de la place") + " "
        start = len(body.encode())
        view.update(uri=uri, indexedAt=_iso(when + timedelta(seconds=1)))
        view["author"].update(did=did, handle=handle, displayName=handle.split(".")[0])
        view["record"].update(text=f"{body}#{tag}", createdAt=_iso(when))
        view["record"]["facets"] = [{"index": {"byteStart": start,
                                               "byteEnd": start + 1 + len(tag)},
                                     "features": [{"$type": "app.bsky.richtext.facet#tag",
                                                   "tag": tag}]}]
        self.views[uri] = view
        return uri

    def answer(self, path: str, query: dict[str, list[str]]) -> Reply:
        headers = {"ratelimit-limit": "3000", "ratelimit-remaining": str(self.remaining),
                   "ratelimit-reset": str(int(time.time()) + 300)}
        if path.endswith("/app.bsky.feed.getPosts"):
            uris = query.get("uris", [])
            return Reply(200, {"posts": [self.views[u] for u in uris if u in self.views]},
                         headers)
        if path.endswith("/com.atproto.identity.resolveHandle"):
            handle = query.get("handle", [""])[0]
            did = next((v["author"]["did"] for v in self.views.values()
                        if v["author"]["handle"] == handle), "")
            return Reply(200, {"did": did}, headers) if did else \
                Reply(400, {"error": "InvalidRequest", "message": "Unable to resolve handle"})
        if not path.endswith("/app.bsky.feed.searchPosts"):
            return Reply(404, {"error": "MethodNotImplemented", "message": path})
        tag = query.get("q", ["#"])[0].lstrip("#")
        limit = int(query.get("limit", ["25"])[0])
        since = query.get("since", [""])[0]
        found = [v for v in self.views.values()
                 if f"#{tag}" in v["record"]["text"]
                 and (not since or _instant(v["indexedAt"]) >= _instant(since))]
        found.sort(key=lambda v: v["indexedAt"], reverse=True)
        offset = int(query.get("cursor", ["0"])[0])
        page = found[offset:offset + limit]
        answer: dict[str, Any] = {"posts": page, "hitsTotal": len(found)}
        if offset + limit < len(found):
            answer["cursor"] = str(offset + limit)
        if self.spent_once:
            self.spent_once = False
            headers.update({"ratelimit-remaining": "0",
                            "ratelimit-reset": str(int(time.time()) + 40)})
        return Reply(200, answer, headers)


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def rate_limited(kind: str) -> Reply:
    """A 429 with the recorded headers of ``kind`` (mastodon_429, bluesky_429)."""
    body = {"error": "Too many requests"} if kind.startswith("mastodon") else \
        {"error": "RateLimitExceeded", "message": "Rate Limit Exceeded"}
    return Reply(429, body, dict(fixture("rate_limit_headers.json")[kind]))


def server_error() -> Reply:
    return Reply(500, {"error": "InternalServerError"})


@contextmanager
def serve(service: Service) -> Iterator[str]:
    """The service on 127.0.0.1 (a free port), its base URL yielded."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            reply = service.handle(self.path)
            data = json.dumps(reply.body).encode()
            self.send_response(reply.status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        do_POST = do_GET

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs=QUICK_STOP, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


ServiceT = TypeVar("ServiceT", bound=Service)


def served(service: ServiceT) -> Iterator[tuple[ServiceT, str]]:
    """A fixture's body: the service and its base URL, for the test's length."""
    with serve(service) as url:
        yield service, url


def live_content(tmp_path: Path) -> Path:
    """A project's content/ for a live test: the sample day's pages and places, no
    posts yet."""
    folder = tmp_path / "content"
    root = Path(__file__).resolve().parents[1]
    for name in ("pages", "places"):
        shutil.copytree(root / "content" / name, folder / name)
    (folder / "posts").mkdir()
    return folder
