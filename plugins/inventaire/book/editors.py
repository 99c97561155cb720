"""Editors' Markdown in the book: images only from the project, links only to the site.

WeasyPrint reads the book's HTML from ``content/``: an editors' image written
``/home/…/secret.png``, ``../../x`` or a symlink would be printed (a file of the build
machine in the book), and a relative link would become ``file:///…/content/x`` in the
screen edition (the build machine's folder in a PDF that then changes with it). So
every address of the preface, the colophon and the places' introductions is decided
here, as nh3 writes their HTML (:class:`inventaire.core.editorlinks.StaticLinks`):

* an image is printed only from ``content/pages/`` or ``content/media/`` (a post's
  own photo excepted, as on the site), named ``inventaire:editors/<path>`` so that
  the PDF does not depend on the folder (:mod:`.fetcher`); an image from the
  network, from ``data:`` or from anywhere else is left out with a warning naming
  the editors' file and its line;
* a link becomes an address of the published site: ``/carte/`` is ``SITEURL/carte/``,
  ``auteurs/`` and ``#ancre`` are read from the page's own address on the site,
  ``{static}/media/x.pdf`` is the file's published address. Without a ``SITEURL``
  (nor ``FEED_DOMAIN``) the words stay, unlinked. Pelican's other markers
  (``{filename}``, ``{tag}``…) name things only the site's linker knows: unlinked.

:mod:`.fetcher` refuses whatever else would be asked for: this module names the
file, the fetcher is the wall.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from inventaire.core.editorlinks import (
    Reference,
    StaticLinks,
    post_media_files,
    refusal,
    static_refusal,
)
from inventaire.core.errors import PostFileError
from inventaire.core.markdown import markdown_html, sanitize
from inventaire.core.places import load_places
from inventaire.core.postfile import read_front_matter

logger = logging.getLogger(__name__)

NETWORK_FIX = ("the book reads nothing from the network: save the image under "
               "content/media/ and write {static}/media/<name>")
LINK_SCHEMES = ("http", "https", "mailto")


class BookLinks(StaticLinks):
    """nh3's ``attribute_filter`` for one editors' text laid out in the book."""

    def __init__(self, editors: EditorsHtml, source: Path, source_text: str,
                 page_url: str) -> None:
        super().__init__(source, source_text, editors.content, editors.post_media)
        self.editors, self.page_url = editors, page_url

    def __call__(self, tag: str, attribute: str, value: str) -> str | None:
        if tag == "img" and attribute == "src":
            return self.image(Reference(tag, attribute, value))
        if tag == "a" and attribute == "href":
            return self.link(Reference(tag, attribute, value))
        return value

    def image(self, reference: Reference) -> str | None:
        """``inventaire:editors/<path>`` for a file the book may print, else None."""
        if urlsplit(reference.target).scheme or reference.target.startswith("//"):
            self.problems.append(refusal(self.source, self.source_text, reference,
                                         "is not a file of the project", NETWORK_FIX))
            return None
        if reference.marker not in ("", "static", "attach"):
            return None
        if not reference.marker and reference.target.startswith("/"):
            self.problems.append(refusal(
                self.source, self.source_text, reference,
                "is an absolute path: the book reads no file by its place on the machine"))
            return None
        path = self.resolve(reference)
        why = static_refusal(path, self.content, self.post_media)
        if path is None or why:
            self.problems.append(refusal(self.source, self.source_text, reference,
                                         why or "not a file name"))
            return None
        from inventaire.book.fetcher import SCHEME  # WeasyPrint's, loaded when printing

        name = "editors/" + path.relative_to(self.content.resolve()).as_posix()
        self.editors.images[name] = path
        return f"{SCHEME}:{name}"

    def link(self, reference: Reference) -> str | None:
        """The published site's address for the link, or None (its words stay)."""
        target = reference.target
        if reference.is_static:
            if self.refuse(reference):
                return None
            path = self.resolve(reference)
            if path is None or not self.editors.site_url:
                return None
            published = path.relative_to(self.content.resolve()).as_posix()
            if reference.marker == "attach":  # Pelican puts it beside the page
                return urljoin(self.page_address(), path.name)
            return f"{self.editors.site_url.rstrip('/')}/{published}"
        if reference.marker:
            return None
        scheme = urlsplit(target).scheme.lower()
        if scheme:
            return target if scheme in LINK_SCHEMES else None
        if not self.editors.site_url:
            return None
        return urljoin(self.page_address(), target)

    def page_address(self) -> str:
        return f"{self.editors.site_url.rstrip('/')}/{self.page_url.lstrip('/')}"


@dataclass
class EditorsHtml:
    """Turns the editors' Markdown into the book's HTML; :attr:`images` are the files
    it printed, to register with the book's fetcher."""

    content: Path
    site_url: str = ""
    page_url: str = "{slug}/"  # PAGE_URL
    place_url: str = "lieu/{slug}/"  # CATEGORY_URL: a place's page
    images: dict[str, Path] = field(default_factory=dict)
    _post_media: set[Path] | None = None

    @classmethod
    def from_settings(cls, content: Path, settings: Mapping[str, Any]) -> EditorsHtml:
        from pelican.settings import DEFAULT_CONFIG

        from inventaire.book.posts import site_url

        return cls(content, site_url(settings),
                   str(settings.get("PAGE_URL") or DEFAULT_CONFIG["PAGE_URL"]),
                   str(settings.get("CATEGORY_URL") or DEFAULT_CONFIG["CATEGORY_URL"]))

    def post_media(self) -> set[Path]:
        if self._post_media is None:
            self._post_media = post_media_files(self.content)
        return self._post_media

    def convert(self, text: str, source: Path, page_url: str) -> tuple[str, BookLinks]:
        """``text`` (Markdown of the file ``source``, published at ``page_url``) as the
        book's HTML, and what its addresses became (their ``problems``)."""
        try:
            source_text = source.read_text(encoding="utf-8", errors="replace")
        except OSError:
            source_text = text
        links = BookLinks(self, source, source_text, page_url)
        return markdown_html(text, links=links), links

    def html(self, text: str, source: Path, page_url: str) -> str:
        """:meth:`convert`'s HTML; each address refused is logged as a warning."""
        html, links = self.convert(text, source, page_url)
        for problem in links.problems:
            logger.warning("%s (the book leaves it out)", problem)
        return html

    def page(self, text: str, source: Path, slug: str) -> str:
        return self.html(text, source, self.page_url.format(slug=slug))

    def place(self, text: str, source: Path, slug: str) -> str:
        return self.html(text, source, self.place_url.format(slug=slug))


def check_files(content: Path) -> list[PostFileError]:
    """For ``inventaire check``: every address of the editors' pages and places'
    introductions that the site or the book would refuse (a ``{static}`` leading out
    of ``content/pages`` and ``content/media``, an image the book cannot print), in
    path order. Pelican reads ``.html`` pages too: their addresses are checked alike."""
    editors = EditorsHtml(content)
    found: list[PostFileError] = []
    pages = content / "pages"
    for path in sorted(pages.rglob("*")) if pages.is_dir() else []:
        if path.suffix not in (".md", ".html", ".htm") or not path.is_file():
            continue
        if path.suffix == ".md":
            try:
                _meta, body = read_front_matter(path)
            except PostFileError as error:
                found.append(error)
                continue
            found.extend(editors.convert(body, path, "")[1].problems)
        else:
            text = path.read_text(encoding="utf-8", errors="replace")
            links = BookLinks(editors, path, text, "")
            sanitize(text, links)
            found.extend(links.problems)
    try:
        places = load_places(content / "places")
    except PostFileError:
        places = {}  # check reports the gazetteer's own errors
    for slug, place in sorted(places.items()):
        if place.intro:
            source = Path(place.path or content / "places" / f"{slug}.md")
            found.extend(editors.convert(place.intro, source, "")[1].problems)
    return found
