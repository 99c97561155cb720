"""``inventaire serve``: a local server and a new build after every change.

The preview is built the way a publish is (a fresh folder swapped in whole, see
``commands/output.py``), so what the editors see is what would be published, minus
the search index, plus the candidates (marked), with the last book laid out. The
builds run in a builder process of their own (:mod:`.preview_worker`), kept while
the code stays the same and started again when a module of the plugin or of the
project (a Jinja filter imported by ``pelicanconf.py``) changed; it takes from the
last preview the pages whose inputs did not change (``inventaire.site.reuse``).
The server answers from ``output/`` by its path, so after a swap it serves the new
build. It also serves the editors' triage page (``/_triage/``,
:mod:`inventaire.commands.triage_http`), whose decisions are file changes like any
other: the watcher builds again.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from inventaire.commands.preview_worker import PREVIEW_BUILD as PREVIEW_BUILD  # what serve runs
from inventaire.commands.preview_worker import Builder
from inventaire.commands.triage import Triage
from inventaire.commands.triage_http import PreviewHandler, new_token

logger = logging.getLogger(__name__)

WATCHED = ("content", "theme", "pelicanconf.py", "plugins")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        logger.debug(format, *args)


def preview_server(output: Path, port: int, triage: Triage | None = None,
                   token: str = "") -> ThreadingHTTPServer:
    """The server of ``output`` on 127.0.0.1 (never another interface), with the
    triage page under ``/_triage/`` when ``triage`` is given (``port`` 0: a free one)."""
    handler = functools.partial(PreviewHandler, directory=str(output), triage=triage,
                                token=token)
    return ThreadingHTTPServer(("127.0.0.1", port), handler)


def serve_preview(project: Path, port: int, output: Path,
                  rebuild: Callable[[Path], bool] | None = None,
                  settings: dict[str, Any] | None = None) -> int:
    """Build, serve ``output`` on ``port``, build again on every change until ^C;
    ``rebuild`` by default is the preview's builder process (:mod:`.preview_worker`)."""
    from watchfiles import watch  # Pelican's own dependency for its autoreload

    builder = Builder() if rebuild is None else None
    rebuild = rebuild or builder
    assert rebuild is not None

    content = Path(str((settings or {}).get("PATH") or project / "content"))
    triage = Triage(content, dict(settings or {}))
    # The triage reads every post file once (7 s at 10,000 posts): while the first
    # build runs, so that the page's first answer comes at once.
    threading.Thread(target=triage.state, daemon=True).start()
    if not rebuild(project) and not output.is_dir():
        logger.error("preview: the first build failed; fix what it says and save again")
    token = new_token()  # in this process's memory only
    server = preview_server(output, port, triage, token)
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
        if builder is not None:
            builder.close()
    return 0
