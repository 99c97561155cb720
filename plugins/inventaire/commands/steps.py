"""The build's steps as :mod:`inventaire.core.progress` shows them.

The book is a step of its own (:func:`inventaire.commands.build.build` wraps it);
Pelican's run is two, told apart by its signals: reading the posts (until the
articles' generator is finalized: the count of posts read is known there), then
rendering and writing the pages, the sitemap and the search index (until the run
returns; the search index is written by the site's last handler, and signals do not
order their receivers, so it is not a step of its own). Pelican's own last line
(« Done: Processed 264 articles… ») is left to ``--verbose``: the build's summary says
what is in ``output/``.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, redirect_stdout
from typing import Any

from inventaire.core import settings as inventaire_settings
from inventaire.core.progress import NORMAL, Progress, Step


class _Filtered(io.TextIOBase):
    """Standard output without Pelican's « Done: Processed … » line."""

    def __init__(self, target: Any, verbose: bool) -> None:
        self.target, self.verbose, self.pending = target, verbose, ""

    def write(self, text: str) -> int:
        if not self.verbose and not self.pending and text.startswith("Done: Processed"):
            return len(text)  # rich writes the line whole, wrapped to the console's width
        self.pending += text
        *lines, self.pending = self.pending.split("\n")
        for line in lines:
            if self.verbose or not line.startswith("Done: Processed"):
                self.target.write(line + "\n")
        return len(text)

    def flush(self) -> None:
        if self.pending:
            self.write("\n")
        self.target.flush()


@contextmanager
def pelican_steps(progress: Progress | None) -> Iterator[None]:
    """Around ``Pelican(settings).run()``: « reading posts », then « writing pages »."""
    from pelican.plugins import signals

    progress = progress or Progress(NORMAL)
    with ExitStack() as stack:
        current: dict[str, Any] = {}

        def begin(label: str, unit: str = "") -> Step:
            current["exit"] = ExitStack()
            step = current["exit"].enter_context(progress.step(label, unit))
            current["step"] = step
            return step

        def end() -> None:
            if "exit" in current:
                current.pop("exit").close()

        def read(generator: Any) -> None:
            step = current.get("step")
            if step is not None and step.label == "reading posts":
                step.count = len(getattr(generator, "articles", []))

        def write(generators: Any) -> None:
            end()
            settings = getattr(generators[0], "settings", {}) if generators else {}
            search = inventaire_settings.get(settings, "INVENTAIRE_SEARCH")
            # The site's last handler writes the search index: one step with the pages
            # (signals give no order among their receivers to tell them apart).
            begin("writing pages and the search index" if search else "writing pages")

        begin("reading posts", "posts")
        signals.article_generator_finalized.connect(read, weak=False)
        signals.all_generators_finalized.connect(write, weak=False)
        out = _Filtered(sys.stdout, progress.verbose)
        stack.enter_context(redirect_stdout(out))
        try:
            yield
        except BaseException:
            if "step" in current:
                current["step"].done = "stopped"
            raise
        finally:
            signals.article_generator_finalized.disconnect(read)
            signals.all_generators_finalized.disconnect(write)
            out.flush()
            end()
