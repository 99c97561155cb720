"""The preview builder's articles kept from one build to the next (site/articlememo.py).

A kept article must be the article a reading would make in that build, attribute by
attribute, sharing the build's own objects; a build must never reach the next one's
articles; and anything that a kept article would not follow (another handler of an
article's making, a status that depends on the clock, a setting, the rights
register, the file itself) makes Pelican read the post again.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hostile.tmpproject import small_project
from inventaire.commands.build import build
from inventaire.core.postfile import read_post, write_post
from inventaire.site import readmemo
from pelican import signals
from pelican.readers import Readers

MEMO = {"INVENTAIRE_SHOW_CANDIDATES": True, "INVENTAIRE_SEARCH": False,
        "INVENTAIRE_READ_MEMO": True, "INVENTAIRE_RENDER_WORKERS": 1}
POSTS = 10


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    readmemo.forget()
    yield small_project(tmp_path, POSTS)
    readmemo.forget()


@contextmanager
def articles_seen() -> Iterator[list[Any]]:
    """The generator of each build while the block runs, as Pelican hands it to the
    taxonomy (the articles as read or recalled, before the build's later steps)."""
    seen: list[Any] = []

    def grab(generator: Any) -> None:
        seen.append(generator)
        generator.snapshot = [(article, dict(vars(article))) for article in generator.articles]

    signals.article_generator_pretaxonomy.connect(grab)
    try:
        yield seen
    finally:
        signals.article_generator_pretaxonomy.disconnect(grab)


def preview(project: Path, monkeypatch: pytest.MonkeyPatch,
            **settings: Any) -> tuple[Any, list[str]]:
    """One preview build; its articles' generator and the posts Pelican read."""
    read: list[str] = []
    real = Readers.read_file

    def counting(self: Any, base_path: str, path: str, *args: Any, **kwargs: Any) -> Any:
        if "posts" in Path(path).parts:
            read.append(Path(path).name)
        return real(self, base_path, path, *args, **kwargs)

    monkeypatch.setattr(Readers, "read_file", counting)
    try:
        with articles_seen() as seen:
            build(project, overrides={**MEMO, **settings}, book=False, reuse_pages=True)
    finally:
        monkeypatch.setattr(Readers, "read_file", real)
    return seen[-1], read


def described(generator: Any, state: dict[str, Any]) -> dict[str, Any]:
    """An article's attributes, the build's shared settings and context by name."""
    shared = {id(generator.settings): "<settings>", id(generator.context): "<context>"}
    return {name: shared.get(id(value), value) for name, value in state.items()}


def by_path(generator: Any) -> dict[str, dict[str, Any]]:
    return {article.source_path: described(generator, state)
            for article, state in generator.snapshot}


def posts(project: Path) -> list[Path]:
    return sorted((project / "content" / "posts").rglob("*.md"))


def test_a_kept_article_is_the_article_a_reading_makes(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh, read = preview(project, monkeypatch)
    assert len(read) == POSTS
    kept, read_again = preview(project, monkeypatch)
    assert read_again == []  # every post recalled
    assert by_path(kept) == by_path(fresh)
    assert len(by_path(kept)) == POSTS


def test_kept_articles_share_the_builds_objects(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    preview(project, monkeypatch)
    generator, read = preview(project, monkeypatch)
    assert read == []
    articles = list(generator.articles)
    reader = generator.readers.readers["md"]
    for article in articles:
        assert article.settings is generator.settings
        assert article.metadata["post"] is article.post  # one record per article
        assert article.author is reader.named("author", article.author.name)
        for tag in getattr(article, "tags", []):
            assert tag is reader.named("tags", tag.name)
        zone = article.date.tzinfo
        assert reader.shared_zone(zone) is zone  # the build's one zone per offset
    # Each build has articles and records of its own.
    again, _read = preview(project, monkeypatch)
    assert {id(a) for a in again.articles}.isdisjoint(id(a) for a in articles)
    assert {id(a.post) for a in again.articles}.isdisjoint(id(a.post) for a in articles)


def test_a_build_that_changes_its_articles_does_not_change_the_next_ones(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Spoiled after they are kept: by the build that read them, then by one that
    recalled them."""
    expected = by_path(preview(project, monkeypatch)[0])
    readmemo.forget()

    def spoil(generator: Any) -> None:
        for article in generator.articles:
            article.post.text = "abîmé"
            article.post.hashtags.append("abîmé")
            article.metadata["title"] = "abîmé"
            article.tags.append("abîmé")
            article.title = "abîmé"

    signals.article_generator_finalized.connect(spoil)
    try:
        assert len(preview(project, monkeypatch)[1]) == POSTS
        assert preview(project, monkeypatch)[1] == []
    finally:
        signals.article_generator_finalized.disconnect(spoil)
    after, read = preview(project, monkeypatch)
    assert read == []
    assert by_path(after) == expected


def test_an_edited_post_alone_is_read_again(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    preview(project, monkeypatch)
    edited = posts(project)[3]
    post = read_post(edited)
    post.text += " (relu)"
    write_post(post, project / "content" / "posts")
    generator, read = preview(project, monkeypatch)
    assert read == [edited.name]
    texts = {article.post.id: article.post.text for article in generator.articles}
    assert texts[post.id].endswith("(relu)")
    # The post read again and those recalled: one zone object per offset (dates with
    # zones of their own compare through their offsets, forty times slower).
    zones = {(a.date.utcoffset(), id(a.date.tzinfo)) for a in generator.articles}
    assert len(zones) == len({offset for offset, _zone in zones})


def test_a_setting_or_the_rights_register_changed_reads_every_post_again(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    preview(project, monkeypatch)
    generator, read = preview(project, monkeypatch, DEFAULT_DATE_FORMAT="%d %B %Y")
    assert len(read) == POSTS
    assert {article.date_format for article in generator.articles} == {"%d %B %Y"}
    withdrawn = read_post(posts(project)[2])
    (project / "content" / "rights.yml").write_text(
        f"withdrawals:\n- author: {withdrawn.author}\n  status: withdrawn\n",
        encoding="utf-8")
    generator, read = preview(project, monkeypatch, DEFAULT_DATE_FORMAT="%d %B %Y")
    assert len(read) == POSTS
    assert withdrawn.id not in {article.post.id for article in generator.articles}


def test_another_handler_of_an_articles_making_turns_the_memory_off(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pelican sends no signal of an article's making for a kept article: while a
    handler the plugin does not know listens, every post is read."""
    preview(project, monkeypatch)
    seen: list[Any] = []

    def count(sender: Any, **_metadata: Any) -> None:
        seen.append(sender)

    for signal in (signals.content_object_init, signals.article_generator_context,
                   signals.article_generator_preread):
        seen.clear()
        signal.connect(count)
        try:
            _generator, read = preview(project, monkeypatch)
        finally:
            signal.disconnect(count)
        assert len(read) == POSTS, signal.name
        assert seen, signal.name
    _generator, read = preview(project, monkeypatch)
    assert read == []


def test_a_status_that_depends_on_the_clock_turns_the_memory_off(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    preview(project, monkeypatch, WITH_FUTURE_DATES=False)
    _generator, read = preview(project, monkeypatch, WITH_FUTURE_DATES=False)
    assert len(read) == POSTS


def test_a_build_without_the_memory_keeps_no_article(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    preview(project, monkeypatch, INVENTAIRE_READ_MEMO=False)
    assert not readmemo.holds_articles()
    _generator, read = preview(project, monkeypatch, INVENTAIRE_READ_MEMO=False)
    assert len(read) == POSTS


class Marque:
    """A value no copy knows: a plugin's own object in every post's metadata."""


def test_an_article_holding_a_value_the_memory_cannot_copy_is_read_again(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    marque = Marque()
    preview(project, monkeypatch, DEFAULT_METADATA={"marque": marque})
    generator, read = preview(project, monkeypatch, DEFAULT_METADATA={"marque": marque})
    assert len(read) == POSTS
    assert all(article.marque is marque for article in generator.articles)


def test_a_kept_article_holds_one_list_where_a_reading_holds_one(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pelican sets each metadata field as an attribute: the article's ``tags`` is
    its metadata's list, in a kept article too."""
    fresh, _read = preview(project, monkeypatch)
    kept, read = preview(project, monkeypatch)
    assert read == []
    for generator in (fresh, kept):
        tagged = [a for a in generator.articles if getattr(a, "tags", None)]
        assert tagged
        assert all(a.tags is a.metadata["tags"] for a in tagged)
