"""The one Markdown configuration for what the editors write: pages, the day's
introduction, the places' introductions.

The site (Pelican's reader, the place pages) and the book each used to build their
own ``Markdown``, and the same preface printed « l'ont » on the site and « l’ont »
in the book. Everything that turns editors' Markdown into HTML calls this module.

The configuration is Pelican's default for the site (``extra``, ``codehilite``
with its ``highlight`` class, HTML5 output; no ``toc``, so headings get no ids
unless written ``{#id}``) plus ``smarty`` with French typography, written as
characters rather than entities so that the HTML reads the same in both outputs:

* ``l'ont`` → ``l’ont``; ``'mot'`` → ``‘mot’``;
* ``"mot"`` → ``« mot »`` and ``<<mot>>`` → ``« mot »``, with fine no-break spaces;
* ``--`` → ``–``, ``---`` → ``—``, ``...`` → ``…``;
* then French spaces (``Note : …``), the typography module's ``editors_spacing``.

Pelican's ``meta`` extension is left out on purpose: the YAML front matter is read
before Markdown sees the body, and ``meta`` would swallow a first line such as
« Note : … » as metadata. A project's ``MARKDOWN`` setting does not apply here:
it would make the site and the book differ again. Posts never go through Markdown
(:mod:`inventaire.core.text.render`): they are quotations.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import Any

import nh3
from markdown import Markdown

from inventaire.core.text.typography import editors_spacing

NNBSP = "\u202f"

SMARTY_SUBSTITUTIONS = {
    "left-single-quote": "‘",
    "right-single-quote": "’",
    "left-double-quote": "«" + NNBSP,
    "right-double-quote": NNBSP + "»",
    "left-angle-quote": "«" + NNBSP,
    "right-angle-quote": NNBSP + "»",
    "ndash": "–",
    "mdash": "—",
    "ellipsis": "…",
}

EXTENSIONS = ["markdown.extensions.extra", "markdown.extensions.codehilite",
              "markdown.extensions.smarty"]

EXTENSION_CONFIGS: dict[str, dict[str, Any]] = {
    "markdown.extensions.codehilite": {"css_class": "highlight"},
    "markdown.extensions.smarty": {"smart_angled_quotes": True,
                                   "substitutions": SMARTY_SUBSTITUTIONS},
}


def make_markdown() -> Markdown:
    """A new converter with the editors' configuration; ``reset()`` it between texts
    to convert many (it keeps footnotes and abbreviations otherwise)."""
    return Markdown(extensions=list(EXTENSIONS),
                    extension_configs={name: dict(config)
                                       for name, config in EXTENSION_CONFIGS.items()},
                    output_format="html5")


# nh3's ``attribute_filter``: (tag, attribute, value) → the value to keep, or None.
AttributeFilter = Callable[[str, str, str], "str | None"]


def markdown_html(text: str, converter: Markdown | None = None,
                  links: AttributeFilter | None = None) -> str:
    """Editors' Markdown as safe HTML, with French spaces before ``: ; ! ?`` in its
    text (:func:`editors_spacing`): smarty makes the quotes and apostrophes, not the
    spaces, and « Note : » must not break before its colon. ``converter`` (a
    :func:`make_markdown`, reset here) serves many texts in a row; ``links`` decides
    each attribute's value after the allow-list (:mod:`.editorlinks`: where
    ``{static}`` may lead, the book's addresses)."""
    converter = converter.reset() if converter is not None else make_markdown()
    return editors_spacing(sanitize(str(converter.convert(text)), links))


# What editors' HTML may hold: nh3's (ammonia's) list of harmless tags and attributes,
# plus class and id everywhere (code highlighting, ``{#id}`` anchors) and title; links
# and images only to http(s), mailto and addresses within the site; no rel added.
ALLOWED_ATTRIBUTES = {tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()}
ALLOWED_ATTRIBUTES["*"] = {"class", "id", "title", "lang"}
URL_SCHEMES = {"http", "https", "mailto"}


def sanitize(html: str, links: AttributeFilter | None = None) -> str:
    """The HTML without what could run or leak in a visitor's browser or the book: no
    ``<script>``, ``<style>``, event handler, ``javascript:``/``data:`` or ``file:``
    address. Editors' pages are published under the city's name, and an editor's
    file may have been pasted from anywhere."""
    return str(nh3.clean(html, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                         link_rel=None, clean_content_tags={"script", "style"},
                         attribute_filter=partial(_from_the_site, links)))


# What a page loads by itself (an image, a video's poster), as against where it links.
LOADED = frozenset({"src", "srcset", "poster"})
_ELSEWHERE = re.compile(r"(?:^|,)\s*(?:(?:https?|ftp):)?//", re.IGNORECASE)


def _from_the_site(links: AttributeFilter | None, tag: str, attribute: str,
                   value: str) -> str | None:
    """Nothing a page loads by itself comes from another host (a visitor's browser
    would call it, and the book is made offline): an image at an absolute address is
    left out, its ``alt`` text stays; links may lead anywhere on the web."""
    kept = links(tag, attribute, value) if links is not None else value
    if kept is not None and attribute in LOADED and _ELSEWHERE.search(kept):
        return None
    return kept
