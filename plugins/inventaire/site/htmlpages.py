"""Editors' ``.html`` files, sanitised as their Markdown is.

Pelican reads ``.html`` files in ``PAGE_PATHS`` and ``ARTICLE_PATHS`` with its
``HTMLReader`` and publishes their body verbatim: a ``<script>`` or an ``onclick`` in
``content/pages/x.html`` would run on the city's site, and a ``{static}`` link in it
would publish any file (issue 18, findings 4 and 6). This reader is Pelican's own,
its body then passed through the editors' allow-list
(:func:`inventaire.core.markdown.sanitize`) and the ``{static}`` limits
(:class:`inventaire.core.editorlinks.StaticLinks`), each refusal a ``path:line``
warning. Its metadata (``<meta>`` and ``<title>``) is Pelican's, printed escaped by
the templates.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pelican.readers import HTMLReader

from inventaire.core.editorlinks import StaticLinks
from inventaire.core.markdown import sanitize

logger = logging.getLogger(__name__)


class EditorsHTMLReader(HTMLReader):
    """Pelican's ``.html`` reader, its body made safe."""

    def read(self, filename: str) -> tuple[str, dict[str, Any]]:
        content, metadata = super().read(filename)
        text = Path(filename).read_text(encoding="utf-8", errors="replace")
        links = StaticLinks(Path(filename), text, Path(self.settings["PATH"]).resolve())
        safe = sanitize(content, links)
        for problem in links.problems:
            logger.warning("%s (the site leaves the link out)", problem)
        return safe, metadata
