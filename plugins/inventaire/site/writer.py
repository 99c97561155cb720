"""Pelican's writer, rendering only this process's share of the pages.

See :mod:`.workers`: every process makes the same ``write_file`` calls in the same
order, and each renders the calls of its share (call *i* in process *i mod n*).
Feeds are written by the parent alone, with the posts behind a content warning
veiled (:mod:`.feeds`). Only Pelican's public ``write_file`` and
``write_feed`` are overridden; the rendering, pagination and overwrite checks stay
Pelican's.
"""

from __future__ import annotations

from typing import Any

from pelican.writers import Writer

from .feeds import veiled

# Keys of Pelican's shared context (every generator's ``context`` is one dict, and
# every ``write_file`` call receives it): this process's share of the pages, as
# (index, count), and the pids of the render workers (:mod:`.workers`).
SHARE = "inventaire_render_share"
CHILDREN = "inventaire_render_children"


class SiteWriter(Writer):
    """Renders the ``write_file`` calls of this process's share, the feeds in share 0."""

    def __init__(self, output_path: str, settings: Any = None) -> None:
        super().__init__(output_path, settings=settings)
        self.calls = 0

    def write_file(self, name: Any, template: Any, context: dict[str, Any],
                   *args: Any, **kwargs: Any) -> Any:
        share = context.get(SHARE)
        self.calls += 1
        if share is not None and (self.calls - 1) % share[1] != share[0]:
            return None
        return super().write_file(name, template, context, *args, **kwargs)

    def write_feed(self, elements: Any, context: dict[str, Any], *args: Any,
                   **kwargs: Any) -> Any:
        share = context.get(SHARE)
        if share is not None and share[0] != 0:
            return None
        return super().write_feed(veiled(elements), context, *args, **kwargs)


def get_writer(_pelican: Any) -> type[SiteWriter]:
    """``get_writer``: the writer of every build of the site."""
    return SiteWriter
