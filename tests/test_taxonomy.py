"""The taxonomy pages (site/taxonomy.py) get exactly the arguments Pelican gives them.

Pelican's own ``generate_tags``/``generate_categories``/``generate_authors`` are run
on the same generator with a recording ``write``; ours must make the same calls, in
the same order, with the same ``dates`` lists — ties in date and an article listed
twice included.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from inventaire.site import taxonomy
from pelican.generators import ArticlesGenerator
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Author, Category, Tag
from pelican.writers import FileOverwriteFailedError

PARIS = ZoneInfo("Europe/Paris")


def generator(tmp_path: Path, newest_first: bool) -> ArticlesGenerator:
    settings = dict(DEFAULT_CONFIG, CACHE_PATH=str(tmp_path / "cache"),
                    NEWEST_FIRST_ARCHIVES=newest_first, AUTHOR_SAVE_AS="auteur/{slug}/",
                    CATEGORY_SAVE_AS="")
    context = dict(settings)
    found = ArticlesGenerator(context=context, settings=settings, path=str(tmp_path),
                              theme=settings["THEME"], output_path=str(tmp_path / "out"))
    start = datetime(2013, 4, 19, 8, tzinfo=PARIS)
    # Minutes 0, 0, 1, 1, 2…: every other article ties with its neighbour.
    posts = [SimpleNamespace(name=f"p{i}", date=start + timedelta(minutes=i // 2))
             for i in range(12)]
    found.articles = list(reversed(posts))  # Pelican's default order: newest first
    found.dates = sorted(found.articles, key=lambda a: a.date, reverse=newest_first)
    jdtap, paris = Tag("jdtap", settings), Tag("paris", settings)
    found.tags = {jdtap: list(found.articles), paris: [*found.articles[1::3], posts[4]]}
    found.categories = [(Category("bastille", settings), found.articles[::2])]
    found.authors = [(Author("zoe", settings), found.articles[5:]),
                     (Author("paul", settings), found.articles[:5])]
    return found


def calls(method: Any) -> list[tuple[Any, ...]]:
    made: list[tuple[Any, ...]] = []

    def write(name: str, template: Any, context: dict[str, Any], **kwargs: Any) -> None:
        made.append((name, template.name, id(context),
                     {k: [a.name for a in v] if isinstance(v, list) else v
                      for k, v in kwargs.items()}))

    method(write)
    return made


@pytest.mark.parametrize("newest_first", [True, False])
@pytest.mark.parametrize("method", sorted(taxonomy.TAXONOMIES))
def test_same_pages_and_arguments_as_pelican(tmp_path: Path, method: str,
                                             newest_first: bool) -> None:
    found = generator(tmp_path, newest_first)
    expected = calls(getattr(found, method))
    taxonomy.bind(found)
    assert getattr(found, method) is not getattr(ArticlesGenerator, method)
    assert calls(getattr(found, method)) == expected
    assert expected  # the fixture has pages of every kind


def test_duplicate_membership_is_listed_once_in_dates() -> None:
    one = SimpleNamespace(date=datetime(2013, 4, 19, 9, tzinfo=PARIS))
    two = SimpleNamespace(date=datetime(2013, 4, 19, 10, tzinfo=PARIS))
    assert taxonomy.in_date_order([one, two, one], newest_first=True) == [two, one]


def test_other_generators_are_left_alone() -> None:
    other = SimpleNamespace(generate_tags="theirs")
    taxonomy.bind(other)
    assert other.generate_tags == "theirs"


def test_a_page_that_cannot_be_written_fails_like_pelicans(tmp_path: Path) -> None:
    found = generator(tmp_path, True)
    taxonomy.bind(found)

    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise FileOverwriteFailedError("mot-diese/jdtap/index.html")

    with pytest.raises(FileOverwriteFailedError):
        found.generate_tags(refuse)
