"""``inventaire serve``: a local server and a full rebuild after every change.

The preview is built the way a publish is (a fresh folder swapped in whole, see
``commands/output.py``), so what the editors see is what would be published, minus
the search index and with the last book laid out. The server answers from
``output/`` by its path, so after a swap it serves the new build.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

WATCHED = ("content", "theme", "pelicanconf.py", "plugins")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        logger.debug(format, *args)


def serve_preview(project: Path, port: int, rebuild: Callable[[], Any]) -> int:
    """Build, serve ``project/output`` on ``port``, rebuild on every change until ^C."""
    from watchfiles import watch  # Pelican's own dependency for its autoreload

    settings = rebuild()
    output = Path(settings["OUTPUT_PATH"])
    handler = functools.partial(QuietHandler, directory=str(output))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"inventaire: preview on http://127.0.0.1:{port}/ (Ctrl-C to stop)")
    paths = [project / name for name in WATCHED if (project / name).exists()]
    try:
        for changes in watch(*paths, watch_filter=lambda _c, path: "/." not in path):
            logger.warning("preview: %d change(s), building again", len(changes))
            try:
                rebuild()
            except Exception as error:  # keep serving the last good build
                logger.error("preview: the build failed (%s); serving the last one", error)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0
