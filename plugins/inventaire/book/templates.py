"""The book's Jinja templates, with autoescape on.

Pelican's own Jinja environment does not escape by default; the book renders post
text, so it uses its own environment over the same theme folders: everything is
escaped unless it is marked safe (the site renderer's HTML, the editors' Markdown).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape


class Templates:
    """Renders ``book/*.html`` and ``book/*.css`` from the theme."""

    def __init__(self, folders: list[Path]) -> None:
        self.env = Environment(
            loader=FileSystemLoader([str(f) for f in folders]),
            autoescape=select_autoescape(["html"], default_for_string=False, default=False),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )

    def render(self, name: str, **context: Any) -> str:
        return self.env.get_template(name).render(**context)


def template_folders(settings: dict[str, Any]) -> list[Path]:
    """The theme's templates (overrides first), then the project's own theme."""
    folders = [Path(p) for p in settings.get("THEME_TEMPLATES_OVERRIDES", [])]
    theme = settings.get("THEME")
    if theme:
        folders.append(Path(theme) / "templates")
    folders.append(Path(__file__).resolve().parents[3] / "theme" / "templates")
    return folders
