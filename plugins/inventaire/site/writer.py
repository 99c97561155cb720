"""Pelican's writer, rendering only this process's share of the pages.

See :mod:`.workers`: every process makes the same ``write_file`` calls in the same
order, and each renders the calls of its share (call *i* in process *i mod n*).
Feeds are shared out the same way, with the posts behind a content warning veiled
(:mod:`.feeds`). Only Pelican's public ``write_file`` and
``write_feed`` are overridden; the rendering, pagination and overwrite checks stay
Pelican's. In the preview, a page whose inputs did not change is not written: it stays
in the last preview's output (:mod:`.reuse`). Each page rendered is noted for the
search index: whether it carries the search mark (:mod:`.pagemarks`).
"""

from __future__ import annotations

from typing import Any

from pelican.writers import Writer

from .feeds import veiled
from .pagemarks import NOTES, MarkedTemplate
from .reuse import REUSE

# Keys of Pelican's shared context (every generator's ``context`` is one dict, and
# every ``write_file`` call receives it): this process's share of the pages, as
# (index, count), and the render workers (:mod:`.workers`): each one's pid and the
# file in which it leaves its pages' notes (:mod:`.pagemarks`).
SHARE = "inventaire_render_share"
CHILDREN = "inventaire_render_children"


class SiteWriter(Writer):
    """Renders the ``write_file`` and ``write_feed`` calls of this process's share."""

    def __init__(self, output_path: str, settings: Any = None) -> None:
        super().__init__(output_path, settings=settings)
        self.calls = 0

    def write_file(self, name: Any, template: Any, context: dict[str, Any],
                   *args: Any, **kwargs: Any) -> Any:
        reuse = context.get(REUSE)
        key = reuse.key(name, template_name(template, kwargs), kwargs, context) \
            if reuse else None
        if not self._renders(name, key, context):
            return None
        notes = context.get(NOTES)
        if notes is not None:  # which pages the search index reads (.pagemarks)
            template = MarkedTemplate(template, notes)
        return super().write_file(name, template, context, *args, **kwargs)

    def write_feed(self, elements: Any, context: dict[str, Any], *args: Any,
                   **kwargs: Any) -> Any:
        """A feed is a call of the shares like a page: the feed of every post is the
        longest single write of a preview's rebuild, and the parent already reads
        the posts alone. In the preview it is kept, like a page, when the posts it
        lists did not change (:meth:`.reuse.PageReuse.feed_key`)."""
        reuse = context.get(REUSE)
        path = args[0] if args else kwargs.get("path")
        name, key = str(path), None
        if reuse is not None and isinstance(path, str):
            # What it lists: Pelican's own cut (FEED_MAX_ITEMS None keeps them all).
            shown = list(elements)[: self.settings.get("FEED_MAX_ITEMS")]
            key = reuse.feed_key(name, shown, [*args[1:], sorted(kwargs.items())])
        if not self._renders(name, key, context):
            return None
        return super().write_feed(veiled(elements), context, *args, **kwargs)

    def _renders(self, name: str, key: str | None, context: dict[str, Any]) -> bool:
        """Whether this process renders the call for ``name`` (a page or a feed, keyed
        ``key`` in the preview): it is in this process's share and cannot be kept
        from the last preview. Every process keys every call: the parent records
        them all for the next preview, whichever process renders the file."""
        self.calls += 1
        reuse = context.get(REUSE)
        if reuse is not None and key is not None:
            reuse.keys[name] = key
        share = context.get(SHARE)
        if share is not None and (self.calls - 1) % share[1] != share[0]:
            return False
        return not (reuse is not None and reuse.reuse(name, key))


def get_writer(_pelican: Any) -> type[SiteWriter]:
    """``get_writer``: the writer of every build of the site."""
    return SiteWriter


def template_name(template: Any, arguments: dict[str, Any]) -> str:
    """The template's name without ``.html`` (Pelican passes ``template_name`` for
    some pages only; the Jinja template always knows its file)."""
    name = arguments.get("template_name") or getattr(template, "name", "") or ""
    return str(name).removesuffix(".html")


def write_page(generator: Any, writer: Any, save_as: str, template: str,
               **arguments: Any) -> None:
    """A page of one of the site's own generators (hours, places, the single pages,
    the criers' and the wall's), written as Pelican writes its own: the template by
    name, the shared context, the page's address from its file name."""
    writer.write_file(save_as, generator.get_template(template), generator.context,
                      relative_urls=generator.settings.get("RELATIVE_URLS", False),
                      template_name=template, url=save_as.removesuffix("index.html"),
                      **arguments)
