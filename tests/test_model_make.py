"""The readers' fast constructors make the very records the classes make.

``Entity.make`` and ``Metrics.make`` fill a new instance's fields without the frozen
__init__'s call per field; the twarc2 reader builds its posts and media by running
their __init__ on a bare instance. Whatever the way, a record must stay what it was:
frozen where it was frozen, equal, hashed, shown, copied and pickled alike.
"""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from inventaire.core.model import Entity, Media, Metrics, Post
from inventaire.importer.sources import twitter_v2
from inventaire.importer.sources.common import ReadContext, Span, build_text

FIXTURES = Path(__file__).parent / "fixtures" / "import"

ENTITIES = [
    ("hashtag", 0, 6, "jdtap", "", ""),
    ("mention", 7, 11, "ada@social.example", "", "https://social.example/@ada"),
    ("url", 12, 40, "https://example.com/a/b", "example.com/a/…", ""),
    ("cashtag", 3, 7, "EUR", "", ""),
]


def same_record(made: object, built: object) -> None:
    """Everything a caller can see of a record, compared with the class call's."""
    assert type(made) is type(built)
    assert made == built and built == made
    assert repr(made) == repr(built)
    assert vars(made) == vars(built) and list(vars(made)) == list(vars(built))
    assert dataclasses.asdict(made) == dataclasses.asdict(built)  # type: ignore[call-overload]
    assert dataclasses.astuple(made) == dataclasses.astuple(built)  # type: ignore[call-overload]
    again = pickle.loads(pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == built and type(again) is type(built)
    assert pickle.loads(pickle.dumps(built)) == made


@pytest.mark.parametrize("fields", ENTITIES)
def test_entity_make_is_the_entity_the_class_makes(fields: tuple) -> None:
    made, built = Entity.make(*fields), Entity(*fields)
    same_record(made, built)
    assert hash(made) == hash(built) and {made: 1}[built] == 1
    assert made.to_dict() == built.to_dict() and Entity.from_dict(made.to_dict()) == made
    assert dataclasses.replace(made, href="x") == dataclasses.replace(built, href="x")


def test_entity_make_defaults_are_the_class_defaults() -> None:
    same_record(Entity.make("hashtag", 1, 4, "a"), Entity("hashtag", 1, 4, "a"))
    parameters = list(inspect.signature(Entity.make).parameters.values())
    assert [(p.name, p.default) for p in parameters] == [
        (f.name, inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default)
        for f in dataclasses.fields(Entity)]


@pytest.mark.parametrize("counts", [(0, 1), (None, 3), (12, None), (None, None)])
def test_metrics_make_is_the_metrics_the_class_makes(counts: tuple) -> None:
    made, built = Metrics.make(*counts), Metrics(*counts)
    same_record(made, built)
    assert hash(made) == hash(built)
    assert made.to_dict() == built.to_dict() and made.total == built.total
    assert [f.name for f in dataclasses.fields(Metrics)] == list(
        inspect.signature(Metrics.make).parameters)


@pytest.mark.parametrize("record", [Entity.make("hashtag", 0, 6, "jdtap"), Metrics.make(1, 2)])
def test_made_records_stay_frozen(record: Entity | Metrics) -> None:
    name = dataclasses.fields(record)[0].name
    before = repr(record)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(record, name, 99)
    with pytest.raises(dataclasses.FrozenInstanceError):
        delattr(record, name)
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.added = 1  # type: ignore[union-attr]
    assert repr(record) == before


def test_build_text_entities_are_frozen_entities() -> None:
    escaped = "@ami Thé &amp; café #jdtap https://t.co/x"
    spans = [Span(0, 4, "mention", "ami", "", "@ami"),
             Span(20, 26, "hashtag", "jdtap", "", "#jdtap")]
    text, entities = build_text(escaped, spans)
    assert text == "@ami Thé & café #jdtap https://t.co/x"
    assert entities == [Entity("mention", 0, 4, "ami"), Entity("hashtag", 16, 22, "jdtap")]
    with pytest.raises(dataclasses.FrozenInstanceError):
        entities[0].start = 1  # type: ignore[misc]


def twarc2_posts() -> list[Post]:
    context = ReadContext(ZoneInfo("Europe/Paris"), "sources/x.jsonl", "x.jsonl")
    found: list[Post] = []
    for name in ("twitter_v2.jsonl", "twitter_v2_flat.jsonl", "edited/search.jsonl"):
        found += [r for r in twitter_v2.read(FIXTURES / name, context) if isinstance(r, Post)]
    return found


def test_twarc2_posts_and_media_are_the_ones_the_classes_make() -> None:
    posts = twarc2_posts()
    assert posts and any(p.media for p in posts) and any(p.metrics for p in posts)
    for post in posts:
        same_record(post, Post(**vars(post)))
        for item in post.media:
            same_record(item, Media(**vars(item)))
        for entity in post.entities:
            same_record(entity, Entity(**vars(entity)))
            assert hash(entity) == hash(Entity(**vars(entity)))
        if post.metrics is not None:
            same_record(post.metrics, Metrics(**vars(post.metrics)))


def test_twarc2_posts_stay_editable_records() -> None:
    """A post and its media were never frozen: curation changes them in place."""
    post = twarc2_posts()[0]
    post.text, post.status = "autre", "selected"
    assert (post.text, post.status) == ("autre", "selected")
    item = next(p for p in twarc2_posts() if p.media).media[0]
    item.alt = "une photo"
    assert item.alt == "une photo"
    first, second = twarc2_posts()[:2]
    assert first.extra is not second.extra  # each its own, as the default factory makes
