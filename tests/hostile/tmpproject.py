"""Small throw-away projects for the rights, hostile-input and reproducibility tests.

A project is the repository's settings and theme, the sample day's places and pages,
and whatever posts a test gives: copied from the sample day, or made up here when
the sample is not there yet. Everything lives under the test's ``tmp_path`` so that
a test can check that a build wrote nothing outside its project.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from inventaire.core.model import Post
from inventaire.core.postfile import read_post, write_post

ROOT = Path(__file__).resolve().parents[2]
PARIS = ZoneInfo("Europe/Paris")
DAY = datetime(2013, 4, 19, tzinfo=PARIS)

WORDS = ("bus", "pigeon", "fontaine", "café", "pluie", "vélo", "marché", "kiosque",
         "terrasse", "platane", "métro", "affiche", "enfant", "chien", "touriste")


def sample_posts() -> list[Path]:
    """The sample day's editors' files (empty until the sample day exists)."""
    return sorted((ROOT / "content" / "posts").rglob("*.md"))


def selected_sample(count: int) -> list[Path]:
    """``count`` selected files spread over the day, in a stable order."""
    selected = [p for p in sample_posts() if read_post(p).status == "selected"]
    if len(selected) <= count:
        return selected
    step = len(selected) / count
    return [selected[int(i * step)] for i in range(count)]


def made_up_post(index: int, **fields: object) -> Post:
    """A plausible post of the day, the same for the same index."""
    words = [WORDS[(index * 7 + k) % len(WORDS)] for k in range(6)]
    post = Post(
        id=str(325312345678900000 + index),
        network="twitter",
        author=f"passant{index % 9}",
        author_name=f"Passant n°{index % 9}",
        date=DAY + timedelta(hours=8, minutes=index * 17 % 900, seconds=index),
        text=f"{' '.join(words).capitalize()} numéro{index} #jdtap",
        url=f"https://twitter.com/passant{index % 9}/status/{325312345678900000 + index}",
        status="selected",
    )
    for name, value in fields.items():
        setattr(post, name, value)
    return post


def make_project(base: Path, posts: Iterable[Post] = (), copy: Iterable[Path] = (),
                 name: str = "project") -> Path:
    """A project folder under ``base`` with the repository's settings and theme."""
    project = base / name
    content = project / "content"
    (content / "posts").mkdir(parents=True)
    for conf in ("pelicanconf.py", "publishconf.py"):
        shutil.copy2(ROOT / conf, project / conf)
    shutil.copytree(ROOT / "theme", project / "theme")
    for folder in ("places", "pages"):
        source = ROOT / "content" / folder
        if source.is_dir():
            shutil.copytree(source, content / folder)
        else:
            (content / folder).mkdir()
    (content / "media").mkdir(exist_ok=True)
    posts_root = ROOT / "content" / "posts"
    for path in copy:
        target = content / "posts" / path.relative_to(posts_root)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
        for media in read_post(path).media:
            source = ROOT / "content" / media.file
            if media.file and source.is_file():
                (content / media.file).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, content / media.file)
    for post in posts:
        write_post(post, content / "posts")
    return project


def small_project(base: Path, count: int = 30) -> Path:
    """~``count`` posts of the sample day, or made-up ones before it exists."""
    copied = selected_sample(count)
    if copied:
        return make_project(base, copy=copied)
    return make_project(base, posts=[made_up_post(i) for i in range(count)])
