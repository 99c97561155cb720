"""A post's HTML as the book prints it: spaces, links, the day's hashtags, line breaks.

The post is a quotation: nothing here adds or removes a character of what its author
wrote, except the day's own hashtags at the end of an entry (:func:`drop_day_hashtags`),
which only tag it and are printed once for the whole book instead (docs/print.md,
« The book's choices »). Everything else changes markup or the kind of a space.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import unescape

_TAG = re.compile(r"(<[^>]*>)")
# A text run's last space just before an inline element: see detach_spaces.
_SPACE_BEFORE_INLINE = re.compile(r"(?<=[^\s>]) (?=<(?:a|span|img)\b)")
# The hashtags, emoji and spaces that end an entry (render_text's markup).
_HASHTAG = r'<a class="hashtag"[^>]*>#([^<]+)</a>|<span class="hashtag">#([^<]+)</span>'
_EMOJI = r'<span class="emoji"[^>]*>[^<]*</span>|<img class="emoji"[^>]*>'
_TAIL = re.compile(rf"(?:\s|{_HASHTAG}|{_EMOJI})*$")
_ONE_HASHTAG = re.compile(rf"\s*(?:{_HASHTAG})")
_SET_APART = re.compile(r'<(a|span) class="(hashtag|mention)"[^>]*>[^<]*</\1>')


def detach_spaces(html: str) -> str:
    """The space that ends a run of text just before a hashtag, a handle or an emoji,
    in an element of its own.

    WeasyPrint 70 breaks such a run wrongly when it fits the line only with its
    trailing space hanging over the margin: it takes the whole run for one word too
    wide and ends the line after the run's first word (« Place » alone on a line,
    docs/print.md, « Line breaking »). A run that ends with a letter is measured
    right; the space, alone in its span, may hang over the margin as spaces do.
    """
    parts = _TAG.split(html)
    for index in range(0, len(parts) - 1, 2):
        if parts[index].endswith(" ") and parts[index].strip() and \
                re.match(r"<(?:a|span|img)\b", parts[index + 1]):
            parts[index] = parts[index][:-1] + '<span class="sp"> </span>'
    return "".join(parts)


def absolute_links(html: str, site_url: str) -> str:
    """Links the screen edition can keep: absolute ones, and the site's own made absolute
    with ``site_url``. A relative link with no site address to anchor it (in a PDF it
    would point into the build folder) loses its address as on paper (:func:`unlink`):
    a span of the same class, so that a hashtag is still set, styled and indexed as
    in the print edition laid out without links."""
    out: list[str] = []
    kept: list[bool] = []  # for each open link: kept as a link, or made a span
    for part in _LINK_TAG.split(html):
        if part.startswith("<a"):
            link = _absolute(part, site_url)
            kept.append(link is not None)
            out.append(link if link is not None else unlink(part))
        elif part == "</a>":
            if kept:  # a closing tag with no opening one is dropped
                out.append("</a>" if kept.pop() else "</span>")
        else:
            out.append(part)
    return "".join(out)


_LINK_TAG = re.compile(r"(<a\b[^>]*>|</a>)")
_HREF = re.compile(r'(<a\b[^>]*?href=")([^"]*)("[^>]*>)')


def _absolute(tag: str, site_url: str) -> str | None:
    """A link's opening tag with an absolute address; None when it cannot have one."""
    match = _HREF.fullmatch(tag)
    if match is None or match[2].startswith(("http://", "https://")):
        return tag  # no address, or one that already works anywhere
    if site_url.startswith(("http://", "https://")):
        return f'{match[1]}{site_url.rstrip("/")}/{match[2].lstrip("/")}{match[3]}'
    return None


def unlink(html: str) -> str:
    """The post's HTML without its links (paper has no addresses to click), each link
    a span of the same class, so that a hashtag, a handle or an address keeps its
    style (never hyphenated)."""
    html = str(html)  # a Markup would escape the replacement tags
    html = re.sub(r'<a\b[^>]*?\bclass="([^"]*)"[^>]*>', r'<span class="\1">', html)
    html = re.sub(r"<a\b[^>]*>", "<span>", html)
    return html.replace("</a>", "</span>")


def drop_day_hashtags(html: str, hashtags: Iterable[str]) -> str:
    """The entry without the day's own hashtags where they only tag it: among the
    hashtags, emoji and spaces that end it. A day's hashtag inside a sentence stays,
    and so do the other hashtags of the tail."""
    day = {tag.casefold().lstrip("#") for tag in hashtags}
    if not day:
        return html
    tail = _TAIL.search(html)
    if tail is None or not tail.group(0).strip():
        return html
    start = tail.start()

    def keep(match: re.Match[str]) -> str:
        tag = (match[1] or match[2] or "").casefold()
        return "" if tag in day else match[0]

    kept = _ONE_HASHTAG.sub(keep, html[start:])
    return (html[:start] + kept).rstrip()


_ANY_HASHTAG = re.compile(r'<(?:a|span) class="hashtag"[^>]*>#([^<]+)</(?:a|span)>')


def printed_hashtags(html: str) -> list[str]:
    """The hashtags an entry prints (without their ``#``), in their order: what the
    index of hashtags points at, so every one of its numbers names a page where the
    hashtag can be read."""
    return [unescape(tag) for tag in _ANY_HASHTAG.findall(html)]


def set_apart(html: str) -> tuple[str, list[str]]:
    """The text a crier reads aloud, and the hashtags and handles taken out of it (in
    their order), which the sheet prints apart in small type."""
    found: list[str] = []

    def take(match: re.Match[str]) -> str:
        found.append(re.sub(r"<[^>]*>", "", match[0]))
        return ""

    spoken = _SET_APART.sub(take, html)
    spoken = re.sub(r"[ \u00a0\u202f]{2,}", " ", spoken).strip()
    return spoken, found


def mark_long_words(html: str, longest: int) -> str:
    """Each word of the plain text longer than ``longest`` characters in a span of class
    ``long-word``, which the book does not hyphenate.

    WeasyPrint tries every hyphenation point of a word at every line it breaks, each
    try laying out the rest of the word again: a 5,000-character word of hyphenatable
    French took minutes. Such a word is not language anyway: it is broken anywhere
    (``overflow-wrap: anywhere``) so that it never runs past the trim. The characters
    stay as they are; a hashtag, a handle or an address (never hyphenated) is left
    in its own element.
    """
    if longest <= 0:
        return html
    word = re.compile(r"[^\s<>]{" + str(longest + 1) + ",}")
    parts = _TAG.split(html)
    for index in range(0, len(parts), 2):
        opening = parts[index - 1] if index else ""
        if re.match(r'<(?:a|span)\b[^>]*class="(?:hashtag|mention|url)"', opening):
            continue
        parts[index] = word.sub(lambda m: f'<span class="long-word">{m[0]}</span>',
                                parts[index])
    return "".join(parts)
