"""The one-pass front matter writer (core/yaml_text.py) writes what libyaml writes.

Every editors' file an import writes goes through it, and the files must stay byte
for byte what they were when libyaml's emitter wrote them all: each case is compared
with :func:`front_matter.dump_with_libyaml`, the libyaml path the writer replaced,
and must also read back as the values written.
"""

from __future__ import annotations

import itertools
import random
from pathlib import Path
from typing import Any

import pytest
from inventaire.core import front_matter, yaml_text
from inventaire.core.postfile import dump_post, post_fields, read_post
from inventaire.core.yaml_text import Flow

ROOT = Path(__file__).resolve().parent.parent

TRICKY = [
    "", " ", "a", "plain text", "it's", "l'Hôtel de Ville", 'say "hi"', "'quoted'",
    '"double"', "both ' and \"", "back\\slash", "a: b", "a:b", "a:", ":a", ": a", "key:",
    "? x", "?x", "- x", "-x", "-", "--", "---", "--- x", "...", "....", "a #tag", "a#tag",
    "#tag", "#", "@handle", "`tick", "!bang", "&anchor", "*alias", "|pipe", ">fold",
    "%pct", "[x]", "{x}", "a, b", "a,b", "x]", "x}", "~", "=", "<<", "yes", "no", "Yes",
    "NO", "on", "Off", "y", "n", "true", "False", "null", "Null", "NULL", "12", "007",
    "0", "-1", "+1", "1.5", "1e3", "1.0e+17", ".5", ".inf", "-.Inf", ".NaN", "0x1F",
    "0o17", "0b101", "1_000", "1:20", "190:20:30", "2013-04-19", "2013-04-19T14:32:07+02:00",
    "14:45", " leading", "trailing ", "  both  ", "\tTab", "tab\tinside",
    "line\nbreak", "trailing\n", "\r\n", "nel\x85", "ls\u2028", "ps\u2029",
    "nul\x00", "bell\x07", "esc\x1b", "del\x7f", "c1\x9f", "nbsp\xa0", "bom\ufeff",
    "\ufffe", "\uffff", "\ue000", "\ud7ff", "é", "Clémence Blanchard", "€ 5",
    "emoji 😀", "🇫🇷 drapeau", "👩‍👩‍👧 famille", "𝕏", "https://t.co/abc",
    "https://example.org/a?b=c&d=e#f", "mailto:x@y.z", "javascript:alert(1)",
    "x" * 5000, "long text, with: colons # and 'quotes' " * 200,
]


def _same(value: Any) -> str:
    """The writer's text for ``value``, checked against libyaml's and read back."""
    expected = front_matter.dump_with_libyaml(value)
    written = front_matter.dump(value)
    assert written == expected, value
    assert front_matter.load(written.rstrip("\n"), "<test>") == value
    return written


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_strings_everywhere(text: str) -> None:
    """As a value, a key, a list item, in a one-line mapping and a nested mapping."""
    _same({"value": text})
    _same({text or "k": "v", "after": 1})
    _same({"items": [text, "x"], "media": [{"alt": text, "file": "media/a.jpg"}]})
    _same({"entities": [Flow({"type": "url", "href": text}), Flow({text or "k": 1})]})
    _same({"extra": {"poll": {"options": [text], "title": text}}})


def test_the_writer_is_used_for_tricky_one_line_values() -> None:
    """Only line breaks and lone surrogates leave a string to libyaml: the others are
    written here (this test fails if the writer gave up and libyaml wrote them)."""
    breaks = ("\n", "\r", "\x85", "\u2028", "\u2029")
    for text in TRICKY:
        if any(b in text for b in breaks):
            with pytest.raises(yaml_text.Unsupported):
                yaml_text.block_mapping({"value": text})
        else:
            assert yaml_text.block_mapping({"value": text}) == \
                front_matter.dump_with_libyaml({"value": text})


def test_known_renderings() -> None:
    """What the editors see, spelled out (ids in double quotes, an emoji escaped as
    libyaml escapes it, YAML's words and numbers quoted)."""
    assert front_matter.dump({
        "id": "325116626108084233", "author_name": "Zoé 😀", "lang": "no",
        "note": "voir: ici", "place": "", "book": True, "count": 3, "none": None,
        "metrics": Flow({"reposts": 0, "likes": 2}),
        "entities": [Flow({"type": "hashtag", "start": 0, "end": 6, "value": "jdtap"})],
    }) == (
        'id: "325116626108084233"\n'
        'author_name: "Zo\u00e9 \\U0001F600"\n'
        "lang: 'no'\n"
        "note: 'voir: ici'\n"
        'place: ""\n'
        "book: true\n"
        "count: 3\n"
        "none: null\n"
        "metrics: {reposts: 0, likes: 2}\n"
        "entities:\n"
        "- {type: hashtag, start: 0, end: 6, value: jdtap}\n")


ALPHABET = "a0 -:?#,[]{}&*!|>'\"%@`.~=<+\\\té😀\ufeff\x00"


def test_every_short_string() -> None:
    """Every string of one to three characters from indicators, spaces, quotes, a
    tab, an accent, an emoji, a BOM, a NUL: in block and in flow context, as keys."""
    strings = ["".join(chars) for size in (1, 2, 3)
               for chars in itertools.product(ALPHABET, repeat=size)]
    for start in range(0, len(strings), 500):
        chunk = strings[start:start + 500]
        value = {"k": chunk, "f": [Flow({"k": s}) for s in chunk],
                 **{f"{s}{i}": i for i, s in enumerate(chunk)}}
        assert yaml_text.block_mapping(value) == front_matter.dump_with_libyaml(value)


def test_numbers() -> None:
    _same({"n": [0, -1, 7, 2**63, -(2**70), 1.5, -0.0, 1e17, 1e-7, 12345.678,
                 float("inf"), float("-inf")]})
    text = front_matter.dump({"nan": float("nan")})
    assert text == front_matter.dump_with_libyaml({"nan": float("nan")}) == "nan: .nan\n"


def _random_text(rng: random.Random) -> str:
    pieces = [*ALPHABET, "\n", "\u2028", "yes", "null", "12", "1.5", "---", "https://t.co/x"]
    return "".join(rng.choice(pieces) for _ in range(rng.choice((0, 1, 2, 3, 5, 12))))


def _random_value(rng: random.Random, depth: int) -> Any:
    roll = rng.random()
    if depth > 3 or roll < 0.5:
        return rng.choice([_random_text(rng), _random_text(rng), True, None, -3, 2.5])
    if roll < 0.65:
        return Flow({_random_text(rng): _random_text(rng) for _ in range(rng.randint(0, 3))})
    if roll < 0.85:
        return [_random_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {_random_text(rng): _random_value(rng, depth + 1) for _ in range(rng.randint(0, 3))}


def test_random_shapes() -> None:
    """Random mappings (fixed seed): the writer and libyaml agree wherever the writer
    writes, and dump() gives libyaml's text everywhere."""
    rng = random.Random(20130419)
    written = 0
    for _ in range(3000):
        value = {_random_text(rng): _random_value(rng, 0) for _ in range(rng.randint(1, 4))}
        expected = front_matter.dump_with_libyaml(value)
        assert front_matter.dump(value) == expected, value
        try:
            assert yaml_text.block_mapping(value) == expected, value
        except yaml_text.Unsupported:
            continue
        written += 1
    assert written > 500  # the comparison above must not be vacuous


def test_left_to_libyaml() -> None:
    """Shapes the writer does not write still come out as libyaml writes them."""
    loop: dict[str, Any] = {"a": 1}
    loop["self"] = loop
    cases: list[Any] = [
        {}, {"empty": []}, {"empty": {}}, {"flow": Flow()}, {"nested": [[1, 2]]},
        {"flow": Flow({"list": [1]})}, {1: "int key"}, {"k" * 129: "long key"},
        {"tuple": (1, 2)}, {"text": "two\nlines"}, {"x": "y" * 950_000},
    ]
    for value in cases:
        with pytest.raises(yaml_text.Unsupported):
            yaml_text.block_mapping(value)
        assert front_matter.dump(value) == front_matter.dump_with_libyaml(value)
    assert front_matter.dump(loop) == front_matter.dump_with_libyaml(loop)


def test_sample_day_files_unchanged() -> None:
    """Every editors' file of the sample day is written again byte for byte."""
    paths = sorted((ROOT / "content" / "posts").rglob("*.md"))
    assert paths
    for path in paths:
        post = read_post(path)
        assert dump_post(post) == path.read_text(encoding="utf-8"), path
        yaml_text.block_mapping(post_fields(post))  # written here, not by libyaml
