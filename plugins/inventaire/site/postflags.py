"""What a Mastodon author asked of readers, as the site shows it: a content warning, a
sensitive flag, a poll.

The importer keeps them in the editors' file (``content_warning``, ``sensitive``,
``poll``: ``Post.extra``). The site honours them as Mastodon does: the text of a post
with a warning is behind a disclosure whose summary is the warning; the photos of a
sensitive post without one are behind a disclosure of their own; a poll is a short
list of its options and counts. Editors may edit these fields by hand, so nothing
here trusts their shape: a poll that is not a list of options is no poll, a count
that is not a whole number is no count. The templates escape every word.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from inventaire.core.model import Post


@dataclass(frozen=True)
class PollOption:
    title: str
    votes: int | None = None
    share: float = 0.0  # of the votes cast (of the voters, for several choices)


@dataclass(frozen=True)
class Poll:
    options: list[PollOption]
    multiple: bool = False
    voters: int | None = None

    @property
    def counted(self) -> bool:
        return any(option.votes is not None for option in self.options)


def content_warning(post: Post) -> str:
    """The author's warning (``spoiler_text``), or ``""``."""
    value = post.extra.get("content_warning")
    return " ".join(value.split()) if isinstance(value, str) else ""


def sensitive(post: Post) -> bool:
    """Whether the author marked the post's media sensitive (``sensitive: true``)."""
    return post.extra.get("sensitive") is True


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 \
        else None


def poll(post: Post) -> Poll | None:
    """The post's poll, or None when it has none (or not one that can be read)."""
    data = post.extra.get("poll")
    if not isinstance(data, dict) or not isinstance(data.get("options"), list):
        return None
    found = [(str(o.get("title") or ""), _count(o.get("votes")))
             for o in data["options"] if isinstance(o, dict)]
    if not found:
        return None
    multiple = data.get("multiple") is True
    voters = _count(data.get("voters"))
    total = (voters if multiple and voters else None) or sum(v or 0 for _, v in found)
    options = [PollOption(title, votes, (votes or 0) / total if total else 0.0)
               for title, votes in found]
    return Poll(options, multiple, voters)
