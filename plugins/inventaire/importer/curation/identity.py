"""A post's identity at import: its network and id together, its addresses safe.

Ids are each network's own: a Mastodon note (or a crafted export) can carry a tweet's
id. The import keys everything on (network, id) and :attr:`Post.slug` names a note's
file, page and media ``mastodon-<id>``, so nothing is replaced; :func:`shared_ids`
tells the editors when two networks' posts share an id. :func:`unsafe_addresses`
drops what an export gives as an address but is not http(s), with a warning each.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from inventaire.core.model import Post
from inventaire.core.text.handles import (
    foreign_characters,
    hidden_characters,
    normal_handle,
    shown_handle,
)
from inventaire.core.text.render import safe_url

# An address :func:`safe_url` certainly keeps (http(s), a plain host name, printable
# ASCII after it): most of an export's, checked without parsing them.
_PLAIN_HTTP = re.compile(r"https?://[A-Za-z0-9.\-]+(?:[/?#][!-~]*)?")


def _safe(url: str) -> bool:
    return _PLAIN_HTTP.fullmatch(url) is not None or bool(safe_url(url))


def unsafe_addresses(post: Post) -> list[str]:
    """Drop the addresses an export gives that are not http(s) (``javascript:``,
    ``data:``, ``file:``), one warning each; the handle in NFC (core.text.handles),
    with a warning when it holds invisible or non-ASCII characters (an impostor's).
    The build drops the addresses too; the editors' file should not hold them."""
    post.author = normal_handle(post.author)
    where = f"{post.source or 'import'}: warning: {post.network} post {post.id}"
    lines: list[str] = []
    plain = post.author.isascii() and post.author.isprintable()  # nothing hidden or foreign
    odd = [] if plain else hidden_characters(post.author) + foreign_characters(post.author)
    if odd:
        lines.append(f"{where}: its handle holds {', '.join(odd)}, which no network puts "
                     f"in a handle: kept apart as @{shown_handle(post.author)}, another "
                     "author than the one it looks like")
    if post.url and not _safe(post.url):
        lines.append(f"{where}: its address {post.url[:60]!r} is not http(s); left out")
        post.url = ""
    for index, media in enumerate(post.media, 1):
        if media.url and not _safe(media.url):
            lines.append(f"{where}: media {index}'s address {media.url[:60]!r} is not "
                         "http(s); left out")
            media.url = ""
    for index, entity in enumerate(post.entities):
        if entity.href and not _safe(entity.href):
            lines.append(f"{where}: a link to {entity.href[:60]!r} is not http(s); left "
                         "out")
            post.entities[index] = replace(entity, href="")
    return lines


def shared_ids(posts: dict[tuple[str, str], Post],
               files: dict[tuple[str, str], tuple[Path, Post]]) -> list[str]:
    """Warn of a post whose id another network's post has, in the import or in
    ``content/``: ids are the networks' own, so a Mastodon note may carry a tweet's.
    Both are kept, each under its network (:attr:`Post.slug` names the note's file
    and page ``mastodon-<id>``): nothing is replaced, and the editors are told."""
    lines: list[str] = []
    networks: dict[str, set[str]] = {}
    for network, post_id in [*posts, *files]:
        networks.setdefault(post_id, set()).add(network)
    for key, post in sorted(posts.items()):
        others = sorted(networks[post.id] - {post.network})
        if others and key not in files:
            lines.append(
                f"{post.source or 'import'}: warning: {post.network} post {post.id} has the "
                f"id of a {' and a '.join(others)} post: kept apart as {post.slug} (its "
                f"file and its page /post/{post.slug}/), the other left as it was")
    return lines
