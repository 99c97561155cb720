"""The preview server's requests: the built site, and the triage page under ``/_triage/``.

The triage writes the editors' files, so no other web page open in the same browser
may drive it. The server listens on 127.0.0.1 only, and:

- every request must name this server in ``Host`` (``127.0.0.1:PORT`` or
  ``localhost:PORT``): a page of another site whose name was made to resolve to
  127.0.0.1 (DNS rebinding) sends its own name and gets 403;
- the page's data and decisions need the session's token, drawn at random when the
  server starts, printed in the address (after ``#``, so the browser never sends it
  in a request line, a log or a ``Referer``) and kept nowhere else; the page sends it
  in a header, which a page of another origin cannot set without the server's
  consent (CORS), never given;
- a decision is a POST of JSON whose ``Origin`` is this server's: a form of another
  site cannot send JSON, and its ``Origin`` is not ours.

A refused request changes nothing and answers 403.
"""

from __future__ import annotations

import hmac
import json
import logging
import mimetypes
import secrets
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from inventaire.commands.triage import Refused, Triage
from inventaire.core.media import media_path

logger = logging.getLogger(__name__)

PREFIX = "/_triage/"
STATIC = Path(__file__).with_name("triage_static")
TOKEN_HEADER = "X-Triage-Token"
MAX_BODY = 64 * 1024
STATIC_FILES = {"": "index.html", "triage.js": "triage.js", "triage.css": "triage.css"}


def new_token() -> str:
    """The session's token: 32 random bytes, in memory only."""
    return secrets.token_urlsafe(32)


class PreviewHandler(SimpleHTTPRequestHandler):
    """The built site from ``directory``; ``/_triage/`` from :class:`Triage`."""

    triage: Triage | None = None
    token: str = ""

    def __init__(self, *args: Any, triage: Triage | None = None, token: str = "",
                 **kwargs: Any) -> None:
        # Set before the base class's __init__, which handles the request.
        self.triage, self.token = triage, token
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug(format, *args)

    # -- the checks ---------------------------------------------------------------

    def _origins(self) -> set[str]:
        port = int(self.server.server_address[1])  # type: ignore[index]  # AF_INET
        return {f"127.0.0.1:{port}", f"localhost:{port}"}

    def _host_ok(self) -> bool:
        return (self.headers.get("Host") or "").casefold() in self._origins()

    def _token_ok(self) -> bool:
        given = self.headers.get(TOKEN_HEADER) or ""
        return bool(self.token) and hmac.compare_digest(given.encode(), self.token.encode())

    def _origin_ok(self) -> bool:
        origin = self.headers.get("Origin") or ""
        parts = urlsplit(origin)
        return parts.scheme == "http" and parts.netloc.casefold() in self._origins() \
            and not parts.path

    # -- answers ------------------------------------------------------------------

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        if kind.startswith("text/html"):
            self.send_header("Content-Security-Policy",
                             "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                             "base-uri 'none'; frame-ancestors 'none'; form-action 'none'")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, data: Any) -> None:
        self._send(status, json.dumps(data, ensure_ascii=False).encode(),
                   "application/json; charset=utf-8")

    def _refuse(self, why: str) -> None:
        logger.warning("triage: refused %s %s: %s", self.command, self.path, why)
        self._json(403, {"error": why})

    # -- methods ------------------------------------------------------------------

    def do_GET(self) -> None:
        if not self._host_ok():
            self._refuse("this server answers to 127.0.0.1 and localhost only")
            return
        path = urlsplit(self.path).path
        if self.triage is None or not path.startswith(PREFIX):
            super().do_GET()
            return
        rest = path[len(PREFIX):]
        if rest in STATIC_FILES:  # the page itself holds no data, nor the token
            file = STATIC / STATIC_FILES[rest]
            kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            self._send(200, file.read_bytes(), f"{kind}; charset=utf-8")
            return
        if rest.startswith("media/"):
            self._media(unquote(rest[len("media/"):]))
            return
        if rest == "api/state":
            if not self._token_ok():
                self._refuse("the triage's token is missing or wrong")
                return
            since = parse_qs(urlsplit(self.path).query).get("since", [""])[0]
            self._json(200, self.triage.state(since))
            return
        self._json(404, {"error": "no such page"})

    def do_HEAD(self) -> None:
        if not self._host_ok():
            self._refuse("this server answers to 127.0.0.1 and localhost only")
            return
        super().do_HEAD()

    def _media(self, name: str) -> None:
        """A post's photo, as the build would publish it: only a file under
        ``content/`` (:func:`media_path`)."""
        assert self.triage is not None
        path = media_path(self.triage.content, name)
        kind = mimetypes.guess_type(name)[0] or ""
        if path is None or not path.is_file() or not kind.startswith(("image/", "video/")):
            self._json(404, {"error": "no such media file"})
            return
        self._send(200, path.read_bytes(), kind)

    def do_POST(self) -> None:
        if not self._host_ok():
            self._refuse("this server answers to 127.0.0.1 and localhost only")
            return
        path = urlsplit(self.path).path
        if self.triage is None or path not in (PREFIX + "api/decide", PREFIX + "api/undo"):
            self._json(404, {"error": "no such page"})
            return
        if not self._origin_ok():
            self._refuse("a decision must come from the triage page (Origin)")
            return
        if not self._token_ok():
            self._refuse("the triage's token is missing or wrong")
            return
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().casefold()
        if kind != "application/json":
            self._refuse("a decision is sent as application/json")
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_BODY:
            self._json(400, {"error": "the request's length is missing or too large"})
            return
        try:
            request = json.loads(self.rfile.read(length) or b"{}")
        except (ValueError, UnicodeDecodeError):
            self._json(400, {"error": "the request is not JSON"})
            return
        if not isinstance(request, dict):
            self._json(400, {"error": "the request is not a JSON object"})
            return
        try:
            if path.endswith("/undo"):
                self._json(200, self.triage.undo())
            else:
                self._json(200, self.triage.decide(request))
        except Refused as refused:
            self._json(refused.status, {"error": str(refused)})

    def do_PUT(self) -> None:
        self._json(405, {"error": "not allowed"})

    do_DELETE = do_PATCH = do_OPTIONS = do_PUT  # no CORS: no preflight is ever allowed
