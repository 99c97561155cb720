"""``inventaire serve``: a local server and a full rebuild after every change.

The preview is built the way a publish is (a fresh folder swapped in whole, see
``commands/output.py``), so what the editors see is what would be published, minus
the search index, plus the candidates (marked), with the last book laid out. Each
build runs in a process of its own, as ``inventaire build`` would: a module of the
project changed since the last build (a Jinja filter imported by ``pelicanconf.py``)
is read again, and nothing of one build stays in memory for the next. The server answers from
``output/`` by its path, so after a swap it serves the new build. It also serves the
editors' triage page (``/_triage/``, :mod:`inventaire.commands.triage_http`), whose
decisions are file changes like any other: the watcher builds again.
"""

from __future__ import annotations

import functools
import logging
import subprocess
import sys
import threading
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from inventaire.commands.triage import Triage
from inventaire.commands.triage_http import PreviewHandler, new_token

logger = logging.getLogger(__name__)

WATCHED = ("content", "theme", "pelicanconf.py", "plugins")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        logger.debug(format, *args)


# The preview shows the candidates, marked; ``make all`` builds the public face.
PREVIEW_BUILD = ["build", "--site", "--preview", "--set", "INVENTAIRE_SEARCH=False"]


def build_once(project: Path) -> bool:
    """One preview build in a process of its own; whether it succeeded."""
    command = [sys.executable, "-m", "inventaire.commands.cli", "--project", str(project),
               *PREVIEW_BUILD]
    return subprocess.run(command, check=False).returncode == 0


def preview_server(output: Path, port: int, triage: Triage | None = None,
                   token: str = "") -> ThreadingHTTPServer:
    """The server of ``output`` on 127.0.0.1 (never another interface), with the
    triage page under ``/_triage/`` when ``triage`` is given (``port`` 0: a free one)."""
    handler = functools.partial(PreviewHandler, directory=str(output), triage=triage,
                                token=token)
    return ThreadingHTTPServer(("127.0.0.1", port), handler)


def serve_preview(project: Path, port: int, output: Path,
                  rebuild: Callable[[Path], bool] = build_once,
                  settings: dict[str, Any] | None = None) -> int:
    """Build, serve ``output`` on ``port``, build again on every change until ^C."""
    from watchfiles import watch  # Pelican's own dependency for its autoreload

    if not rebuild(project) and not output.is_dir():
        logger.error("preview: the first build failed; fix what it says and save again")
    token = new_token()  # in this process's memory only
    content = Path(str((settings or {}).get("PATH") or project / "content"))
    server = preview_server(output, port, Triage(content, dict(settings or {})), token)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"inventaire: preview on http://127.0.0.1:{port}/ (Ctrl-C to stop)")
    print(f"inventaire: triage on http://127.0.0.1:{port}/_triage/#t={token} "
          "(this address is the key: do not share it)")
    paths = [project / name for name in WATCHED if (project / name).exists()]
    try:
        for changes in watch(*paths, watch_filter=lambda _c, path: "/." not in path):
            logger.warning("preview: %d change(s), building again", len(changes))
            if not rebuild(project):  # the last good build stays in output/
                logger.error("preview: the build failed; serving the last one")
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0
