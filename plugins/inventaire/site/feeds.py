"""What the Atom feed says of a post its author put behind a content warning.

The site shows such a post's words behind a disclosure (:mod:`.postflags`); a feed
reader has none, and Pelican's Atom feed carries each post's whole text. In the feed,
a post with a warning is titled by its warning and says only that, with the link to
its page: a reader chooses to open it, as on the site.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from .postflags import content_warning


class Veiled:
    """An Article as the feed sees it when its post has a content warning: the
    warning as its title and its content; every other attribute the Article's."""

    def __init__(self, article: Any, warning: str) -> None:
        self._article = article
        self.title = f"Avertissement : {warning}"
        self.summary = f"<p>{html.escape(self.title)}</p>"

    def get_content(self, _siteurl: str) -> str:
        return self.summary

    def __getattr__(self, name: str) -> Any:
        return getattr(self._article, name)


def veiled(elements: Iterable[Any]) -> list[Any]:
    """The feed's items, those with a content warning veiled (:class:`Veiled`)."""
    items = []
    for item in elements:
        post = getattr(item, "post", None)
        warning = content_warning(post) if post is not None else ""
        items.append(Veiled(item, warning) if warning else item)
    return items
