"""A post's text on a page, its hashtag links made the page's own.

The reader writes a post's hashtags as Pelican's intrasite links, ``{tag}name``
(:meth:`.reader.InventaireReader._tag_url`). Pelican resolves them when a template
reads ``article.content``: a generic pass over the HTML for every kind of intrasite
link, which builds a new ``Tag`` (its slug) and parses and joins addresses for every
link, once per post and page depth. At 10,000 posts that pass was a tenth of the
site's rendering. A post's text can only hold hashtag links of that form (its other
links are web addresses checked by :func:`inventaire.core.text.render.safe_url`), so
the theme reads the text through the ``texte`` filter instead, which resolves just
those, the way Pelican does: the hashtag's ``Tag`` (the post's own, else one made as
Pelican makes it) gives the address, joined to the page's ``SITEURL`` as Pelican
joins it (a path join for relative addresses, ``urljoin`` otherwise). The editors'
pages, where any intrasite link may appear, keep Pelican's ``content``.

A post's text is printed on its own page and in every list that shows it (its hour,
its place, its author, each of its hashtags): the text resolved for one ``SITEURL``
is kept on the post (:data:`KEPT`), keyed by the text and the address setting it was
resolved with. A build makes its posts anew and changes neither their hashtags nor
their settings once it renders pages.
"""

from __future__ import annotations

import functools
import os
import re
from typing import Any
from urllib.parse import urljoin

from markupsafe import Markup
from pelican.urlwrappers import Tag

TEXT_FIELD = "text_html"  # the reader's metadata: the text's HTML, links unresolved
# The reader's metadata: the digest of the file's bytes the build read
# (``readmemo.file_key``), by which the preview's page reuse names the post's version.
SOURCE_KEY = "source_key"
KEPT = "inventaire_texte"  # on a post: {(html, siteurl, relative): the resolved text}
TAG_LINK = re.compile(r'href="\{tag\}([^"?#]*)"')


def tag_address(article: Any, name: str) -> str:
    """The address of hashtag ``name``'s page, from the post's own Tag when it has one."""
    for tag in getattr(article, "tags", None) or ():
        if tag.name == name:
            return str(tag.url)
    return str(Tag(name, article.settings).url)


@functools.lru_cache(maxsize=4096)
def join(siteurl: str, address: str, relative: bool) -> str:
    """Pelican's join of a page's ``SITEURL`` and an address (``Content._link_replacer``);
    a day has few hashtags and few page depths, and ``urljoin`` is slow."""
    if relative:
        return os.path.join(siteurl, address).replace("\\", "/")
    return urljoin(siteurl if siteurl.endswith("/") else siteurl + "/", address)


def texte(article: Any, siteurl: str = "") -> Markup:
    """``{{ article|texte(SITEURL) }}``: the post's text as HTML for a page whose
    ``SITEURL`` is ``siteurl``. Falls back to Pelican's ``content`` for anything the
    reader did not write (a page, or a post read by another reader)."""
    html = getattr(article, TEXT_FIELD, None)
    if html is None:
        return Markup(article.content)
    if "{tag}" not in html:
        return Markup(html)
    relative = bool(article.settings.get("RELATIVE_URLS"))
    kept = getattr(article, KEPT, None)
    if kept is None:
        kept = {}
        setattr(article, KEPT, kept)
    key = (html, siteurl, relative)
    resolved = kept.get(key)
    if resolved is None:
        resolved = kept[key] = Markup(TAG_LINK.sub(
            lambda m: f'href="{join(siteurl, tag_address(article, m.group(1)), relative)}"',
            html))
    return resolved
