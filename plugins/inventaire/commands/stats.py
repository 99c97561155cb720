"""``inventaire stats``: the day's figures in the terminal, without building the site.

The posts are read straight from ``content/posts/`` (:func:`~inventaire.core.postfile.read_post`)
and counted by :func:`inventaire.core.figures.count_figures`, the function behind the
``/chiffres/`` page, with the site's rule for what is published
(:meth:`~inventaire.core.model.Post.visible` of a publish build); the day is
:func:`inventaire.core.day.load_day`'s, as the site's: the command and the page
cannot disagree. ``--json`` prints the same rows for scripts.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from inventaire.commands.build import load_settings
from inventaire.core import settings as inventaire_settings
from inventaire.core.day import Day, load_day
from inventaire.core.errors import PostFileError, UserError
from inventaire.core.figures import Figures, Row, count_figures
from inventaire.core.model import Post
from inventaire.core.places import load_places
from inventaire.core.project import post_files, read_posts
from inventaire.core.rights import Register
from inventaire.core.text.emoji_names import find_emoji
from inventaire.core.text.typography import format_day, format_number, plural

BAR_WIDTH = 30


@dataclasses.dataclass
class Selection:
    """The published posts and the files that could not be read."""

    posts: list[Post]
    errors: list[PostFileError]
    files: int


def read_selection(content: Path) -> Selection:
    """Every post file under ``content/posts/``; only the posts a publish build shows."""
    paths = post_files(content)
    register, broken = Register.load_or_close(content)  # as a build reads it
    read, errors = read_posts(paths, register)
    errors.extend([broken] if broken is not None else [])
    # As a publish build: no candidate, nothing withdrawn.
    posts = [post for _path, post in read if post.visible(False)]
    return Selection(sorted(posts, key=Post.sort_key), errors, len(paths))


def tag_url_for(settings: dict[str, Any]) -> Any:
    """The hashtag page's address as Pelican writes it (its own slug rules)."""
    from pelican.urlwrappers import Tag

    return lambda name: str(Tag(name, settings).url)


def compute(project: Path) -> tuple[Day, Figures, Selection]:
    """The day, its figures and the selection, from the project's files."""
    settings = load_settings(project)
    content = Path(settings["PATH"])
    if not content.is_dir():
        raise UserError(f"{content} not found: the settings' PATH must name the content "
                        "folder (content/)")
    selection = read_selection(content)
    try:
        places = load_places(content / inventaire_settings.get(settings,
                                                               "INVENTAIRE_PLACES_PATH"))
    except PostFileError as error:
        print(f"inventaire: {error}", file=sys.stderr)
        places = {}
    try:
        day = load_day(content, settings, [post.date for post in selection.posts])
    except PostFileError as error:
        raise UserError(f"{error} (inventaire check lists every problem)") from None
    figures = count_figures(selection.posts, {slug: p.name for slug, p in places.items()},
                            day.hashtags, tag_url_for(settings))
    return day, figures, selection


# ------------------------------------------------------------------ output

def _bar(count: int, most: int) -> str:
    if not count:
        return ""
    return "█" * max(1, round(BAR_WIDTH * count / (most or 1)))


def _width(text: str) -> int:
    """Terminal columns: an emoji sequence takes two, whatever its code points."""
    return len(text) - sum(len(span.chars) - 2 for span in find_emoji(text))


def _series(title: str, rows: Sequence[Row]) -> list[str]:
    if not rows:
        return []
    most = max(r.count for r in rows)
    labels = [f"{r.label} ({r.note})" if r.note else r.label for r in rows]
    width = max(_width(label) for label in labels)
    digits = max(len(format_number(r.count)) for r in rows)
    lines = ["", title]
    for label, row in zip(labels, rows, strict=True):
        pad = " " * (width - _width(label))
        lines.append(f"  {label}{pad}  {format_number(row.count).rjust(digits)}  "
                     f"{_bar(row.count, most)}".rstrip())
    return lines


def summary(day: Day, figures: Figures) -> str:
    """The figures as a French text for the terminal."""
    heading = "La journée en chiffres"
    if day.date is not None:
        heading += f" — {format_day(day.date)}"
    facts = [plural(figures.posts, "message publié", "messages publiés"),
             plural(figures.authors, "auteur"),
             plural(figures.places, "lieu", "lieux"),
             f"{format_number(figures.with_media)} avec une image"]
    if figures.declaimed:
        facts.append(f"{format_number(figures.declaimed)} criés sur les places")
    lines = [heading, "", ", ".join(facts) + "."]
    if figures.busiest_hour is not None and figures.busiest_hour.count:
        lines.append(f"L’heure la plus dense : {figures.busiest_hour.label} "
                     f"({plural(figures.busiest_hour.count, 'message')}).")
    lines += _series("Messages par heure", figures.per_hour)
    lines += _series("Messages par lieu", figures.per_place)
    lines += _series("Messages par réseau", figures.per_network)
    if figures.day_hashtags:
        lines += ["", "Mots-dièse de la journée : " + ", ".join(
            f"{r.label} ({plural(r.count, 'message')})" for r in figures.day_hashtags)]
    lines += _series("Autres mots-dièse les plus employés", figures.top_hashtags)
    lines += _series("Émojis les plus employés", figures.top_emoji)
    return "\n".join(lines) + "\n"


def as_json(day: Day, figures: Figures) -> str:
    data = {"day": day.date.isoformat() if day.date else None, **dataclasses.asdict(figures)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def run(args: Any) -> int:
    day, figures, selection = compute(args.project)
    for error in selection.errors:
        print(f"inventaire: {error}", file=sys.stderr)
    if selection.errors:
        print(f"inventaire: {len(selection.errors)} of {selection.files} post files could not "
              "be read and are not counted; 'inventaire check' lists them", file=sys.stderr)
    sys.stdout.write(as_json(day, figures) if getattr(args, "json", False)
                     else summary(day, figures))
    return 0
