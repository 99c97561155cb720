"""Pagefind as a service: one index fed in several steps, by a process of its own.

``pagefind --service`` keeps an index in memory and takes requests on its standard
input: ``NewIndex``, ``AddDir`` (the pages of a folder that match a glob, read as
the command line reads them), ``WriteFiles``. Each request and each response is a
JSON object, base64-encoded and followed by a comma. This is the protocol of the
``pagefind`` package's own Python and Node wrappers; the Python one is asynchronous
and polls its pipe every tenth of a second, a tenth of a second per request, so
this small synchronous client speaks it directly.

It lets a rebuild hand Pagefind most of the site's pages while Pelican is still
reading (:mod:`.search_prefeed`): the service reads them on the other core, and only
the pages the build changed are left for the end.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import select
import subprocess
import tempfile
import time
from collections.abc import Callable
from typing import IO, Any

# A request that takes longer than this means the service is stuck: give up on it
# (the caller indexes with the command line instead).
TIMEOUT_SECONDS = 600.0


class ServiceError(RuntimeError):
    """The service failed, stopped or answered something this client cannot read."""


class PagefindService:
    """One ``pagefind --service`` process holding one index."""

    def __init__(self, binary: str, config: dict[str, Any],
                 preexec: Callable[[], None] | None = None) -> None:
        """Start the service and its index; ``preexec`` runs in the new process
        before Pagefind starts (``cpus.beside_pelican`` pins it)."""
        # Its messages, read back when it fails (a pipe nobody reads could fill up).
        self.errors: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 (closed in close)
        try:
            self.process = subprocess.Popen([binary, "--service"], stdin=subprocess.PIPE,
                                            stdout=subprocess.PIPE, stderr=self.errors,
                                            preexec_fn=preexec)
        except OSError as error:
            self.errors.close()
            raise ServiceError(f"pagefind --service could not start: {error}") from error
        self.last_id = 0
        self.pending = b""
        self.answers: dict[int, dict[str, Any]] = {}
        try:
            answer = self.wait(self.send({"type": "NewIndex", "config": config}))
            if not isinstance(answer.get("index_id"), int):
                raise ServiceError(f"pagefind --service: no index in {answer!r}")
        except ServiceError:
            self.close()
            raise
        self.index_id: int = answer["index_id"]

    def add_directory(self, path: str, glob: str) -> int:
        """Ask for the pages under ``path`` that match ``glob``; returns the request's id
        (its answer, :meth:`wait`, says how many pages were read)."""
        return self.send({"type": "AddDir", "index_id": self.index_id, "path": path,
                          "glob": glob})

    def add_file(self, name: str, html: str) -> int:
        """Index the page ``html`` as the file ``name`` (relative to the site, which
        gives its address); returns the request's id."""
        return self.send({"type": "AddFile", "index_id": self.index_id, "file_path": name,
                          "url": None, "file_contents": html})

    def write_files(self, output_path: str) -> None:
        """Write the bundle into ``output_path`` (files already there are kept)."""
        self.wait(self.send({"type": "WriteFiles", "index_id": self.index_id,
                             "output_path": output_path}))

    def send(self, payload: dict[str, Any]) -> int:
        self.last_id += 1
        message = json.dumps({"message_id": self.last_id, "payload": payload})
        stdin = self.process.stdin
        assert stdin is not None
        try:
            stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
            stdin.flush()
        except OSError as error:
            raise ServiceError(f"pagefind --service stopped reading: {self._stderr()}") \
                from error
        return self.last_id

    def wait(self, message_id: int) -> dict[str, Any]:
        """The answer to request ``message_id``; ServiceError for an ``Error`` answer."""
        stdout = self.process.stdout
        assert stdout is not None
        deadline = time.monotonic() + TIMEOUT_SECONDS
        while message_id not in self.answers:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([stdout], [], [], left)[0]:
                raise ServiceError(f"pagefind --service did not answer in "
                                   f"{TIMEOUT_SECONDS:.0f} s")
            chunk = os.read(stdout.fileno(), 1 << 16)
            if not chunk:
                raise ServiceError(f"pagefind --service stopped: {self._stderr()}")
            *messages, self.pending = (self.pending + chunk).split(b",")
            for raw in messages:
                self._answer(raw)
        payload = self.answers.pop(message_id)
        if payload.get("type") == "Error":
            raise ServiceError(f"pagefind --service: {payload.get('message')}")
        return payload

    def _answer(self, raw: bytes) -> None:
        try:
            answer = json.loads(base64.b64decode(raw, validate=True))
            payload = answer["payload"]
            number = answer.get("message_id")
            if number is None:  # a request it could not parse comes back whole
                number = json.loads(payload.get("original_message") or "{}").get("message_id")
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            raise ServiceError(f"pagefind --service answered {raw[:80]!r}") from error
        if not isinstance(number, int) or not isinstance(payload, dict):
            raise ServiceError(f"pagefind --service answered {answer!r:.200}")
        self.answers[number] = payload

    def close(self) -> None:
        """End the process (it exits when its input ends) and forget its index."""
        if self.process.stdin is not None and not self.process.stdin.closed:
            with contextlib.suppress(OSError):
                self.process.stdin.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()
        self.errors.close()

    def _stderr(self) -> str:
        try:
            self.errors.seek(0)
            text = self.errors.read().decode("utf-8", "replace").strip()
        except (OSError, ValueError):
            return "(no message)"
        return text[-500:] or "(no message)"
