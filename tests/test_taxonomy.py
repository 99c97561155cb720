"""The taxonomy pages (site/taxonomy.py): Pelican's arguments, in pages of posts.

Pelican's own ``generate_tags``/``generate_categories``/``generate_authors`` are run
on the same generator with a recording ``write``; with one page per item ours must
make the same calls, in the same order, with the same ``dates`` lists — ties in date
and an article listed twice included — and ``articles`` being those same posts.
With pages of N posts, each page gets its own N posts and the pager.
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


def generator(tmp_path: Path, newest_first: bool, page_size: int = 0) -> ArticlesGenerator:
    settings = dict(DEFAULT_CONFIG, CACHE_PATH=str(tmp_path / "cache"),
                    NEWEST_FIRST_ARCHIVES=newest_first, AUTHOR_SAVE_AS="auteur/{slug}/",
                    INVENTAIRE_LIST_PAGE_SIZE=page_size)
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
    found.categories = [(Category("bastille", settings), found.articles[::2]),
                        (Category("sans-page", dict(settings, CATEGORY_SAVE_AS="")),
                         found.articles[1::2])]
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
    expected = [call for call in calls(getattr(found, method)) if call[0]]
    taxonomy.bind(found)
    assert getattr(found, method) is not getattr(ArticlesGenerator, method)
    made = calls(getattr(found, method))
    pager = ("post_count", "first_post", "list_page", "list_pages", "previous_item",
             "next_item")
    assert [(*call[:3], {k: v for k, v in call[3].items() if k not in pager})
            for call in made] == [(*call[:3], {**call[3], "articles": call[3]["dates"]})
                                  for call in expected]
    assert expected  # the fixture has pages of every kind
    for _name, _template, _context, kwargs in made:
        assert kwargs["post_count"] == len(kwargs["dates"])
        first = kwargs["dates"][-1 if newest_first else 0]
        assert kwargs["first_post"].name == first
        assert kwargs["list_pages"] == (kwargs["list_page"],)


def test_long_lists_are_cut_into_pages_in_time_order(tmp_path: Path) -> None:
    found = generator(tmp_path, newest_first=False, page_size=5)
    taxonomy.bind(found)
    made = [call for call in calls(found.generate_tags) if "jdtap" in call[0]]
    assert [call[0] for call in made] == [
        "tag/jdtap.html", "tag/jdtap-2.html", "tag/jdtap-3.html"]
    pages = [call[3]["dates"] for call in made]
    assert [len(p) for p in pages] == [5, 5, 2]
    in_time = sorted(found.articles, key=lambda a: a.date)  # stable: ties as Pelican's
    assert [name for page in pages for name in page] == [a.name for a in in_time]
    listed = made[0][3]["list_pages"]
    assert [(p.number, p.url) for p in listed] == [
        (1, "tag/jdtap.html"), (2, "tag/jdtap-2.html"), (3, "tag/jdtap-3.html")]
    assert (listed[1].start, listed[1].end) == (in_time[5].date, in_time[9].date)
    assert all(call[3]["post_count"] == 12 and call[3]["first_post"] is in_time[0]
               for call in made)
    assert [call[3]["list_page"].number for call in made] == [1, 2, 3]


@pytest.mark.parametrize(("save_as", "url", "expected"), [
    ("mot-diese/jdtap/index.html", "mot-diese/jdtap/",
     ("mot-diese/jdtap/3/index.html", "mot-diese/jdtap/3/")),
    ("index.html", "", ("3/index.html", "3/")),
    ("tag/jdtap.html", "tag/jdtap.html", ("tag/jdtap-3.html", "tag/jdtap-3.html")),
])
def test_page_addresses(save_as: str, url: str, expected: tuple[str, str]) -> None:
    assert taxonomy.page_address(save_as, url, 1) == (save_as, url)
    assert taxonomy.page_address(save_as, url, 3) == expected


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
