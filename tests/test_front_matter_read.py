"""The fast front matter reader (core/yaml_read.py) reads what libyaml reads.

Every editors' file a build, the book or ``check`` opens goes through it first, so
whatever it accepts must give exactly the values (and their types) of the libyaml
path it stands in front of, and whatever it does not know must go to that path,
whose values and errors stay what they were. The libyaml path is reached here through
loaders that are subclasses of the usual ones: same resolvers and constructors, but
not the classes the fast path serves.
"""

from __future__ import annotations

import itertools
import math
import random
import sys
from pathlib import Path
from typing import Any

import pytest
from inventaire.core import front_matter, yaml_read
from inventaire.core.errors import PostFileError
from inventaire.core.postfile import split_front_matter
from inventaire.core.yaml_text import Flow
from test_front_matter_text import ALPHABET, TRICKY, _random_value

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # benchmarks/ sits beside tests/

from benchmarks import synth  # noqa: E402


class SlowLoader(front_matter.Loader):
    """The libyaml path, dates as strings."""


class SlowDateLoader(front_matter.DateLoader):
    """The libyaml path, YAML's dates."""


LOADERS = [(front_matter.Loader, SlowLoader), (front_matter.DateLoader, SlowDateLoader)]


def _typed(value: Any) -> Any:
    """``value`` with every type spelled out (True is not 1, 1.0 is not 1, nan is nan)."""
    if isinstance(value, dict):
        return ("dict", [(_typed(k), _typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_typed(item) for item in value])
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    return (type(value).__name__, value)


def _outcome(head: str, loader: type[Any]) -> Any:
    """What :func:`front_matter.load` gives: its values, or its error and message."""
    try:
        return _typed(front_matter.load(head, "<test>", loader=loader))
    except Exception as error:  # the error itself is compared
        return (type(error).__name__, str(error))


def _same(head: str, loaders: list[tuple[type[Any], type[Any]]] = LOADERS) -> bool:
    """The fast path, where it answers, equals the libyaml path, for both loaders,
    and ``load`` gives libyaml's outcome; whether the fast path answered."""
    answered = []
    for fast_loader, slow_loader in loaders:
        fast = yaml_read.read(head, fast_loader.yaml_implicit_resolvers)
        expected = _outcome(head, slow_loader)
        if fast is not None:
            assert _typed(fast) == expected, head
        assert _outcome(head, fast_loader) == expected, head
        answered.append(fast is not None)
    return answered[0]


def _shapes(text: str) -> list[dict[str, Any]]:
    """``text`` as a value, a key, a list item, in one-line mappings and nested ones."""
    return [
        {"value": text},
        {text or "k": "v", "after": 1},
        {"items": [text, "x"], "media": [{"alt": text, "file": "media/a.jpg"}]},
        {"entities": [Flow({"type": "url", "href": text}), Flow({text or "k": 1})]},
        {"extra": {"poll": {"options": [text], "title": text}}},
    ]


def test_tricky_strings_everywhere() -> None:
    answered = 0
    for text in TRICKY:
        for value in _shapes(text):
            head = front_matter.dump(value)
            answered += _same(head)
            _same(head.rstrip("\n"))
    assert answered > 0.6 * 5 * len(TRICKY)  # the comparison must not be vacuous


def test_known_answers() -> None:
    """Some values spelled out, read by the fast path itself."""
    head = ('id: "325116626108084233"\nname: "Zo\u00e9 \\U0001F600 \\t\\x41\\u00e9\\N\\_\\L\\P'
            '\\e\\0\\"\\\\"\nlang: \'no\'\nq: \'it\'\'s\'\nbook: true\nyes_word: yes\n'
            "count: -3\nratio: 1.0e+17\nnone: null\ntilde: ~\n"
            "metrics: {reposts: 0, likes: 2, 'a: b': \"c, d\"}\n"
            "entities:\n  - {type: hashtag, value: jdtap}\n"
            "media:\n- file: a.jpg\n  alt: Une place.\n  tags:\n  - x\n"
            "extra:\n  poll:\n    title: Quoi ?\n")
    assert yaml_read.read(head, front_matter.Loader.yaml_implicit_resolvers) == {
        "id": "325116626108084233",
        "name": "Zo\u00e9 \U0001F600 \tA\u00e9\x85\xa0\u2028\u2029\x1b\x00\"\\",
        "lang": "no", "q": "it's", "book": True, "yes_word": True, "count": -3,
        "ratio": 1e17, "none": None, "tilde": None,
        "metrics": {"reposts": 0, "likes": 2, "a: b": "c, d"},
        "entities": [{"type": "hashtag", "value": "jdtap"}],
        "media": [{"file": "a.jpg", "alt": "Une place.", "tags": ["x"]}],
        "extra": {"poll": {"title": "Quoi ?"}},
    }
    assert _same(head)


def test_every_short_string() -> None:
    """Every string of one to three characters from indicators, spaces, quotes, a
    tab, an accent, an emoji, a BOM, a NUL: as values, flow values and keys."""
    strings = ["".join(chars) for size in (1, 2, 3)
               for chars in itertools.product(ALPHABET, repeat=size)]
    answered = 0
    for start in range(0, len(strings), 500):
        chunk = strings[start:start + 500]
        for value in ({"k": chunk}, {"f": [Flow({"k": s}) for s in chunk]},
                      {f"{s}{i}": i for i, s in enumerate(chunk)}):
            answered += _same(front_matter.dump(value), LOADERS[:1])
    assert answered > 0.9 * 3 * len(strings) / 500
    for text in strings[:len(ALPHABET) ** 2 + len(ALPHABET)]:  # one file each, so
        # that a fallback on one string does not hide the others
        _same(f"k: {text}\n")
        _same(f"k: {{a: {text}}}\n")


def test_numbers() -> None:
    for number in (0, -1, 7, 2**63, -(2**70), 1.5, -0.0, 1e17, 1e-7, 12345.678,
                   float("inf"), float("-inf"), float("nan"), True, False, None):
        _same(front_matter.dump({"n": number, "l": [number], "f": Flow({"k": number})}))
    for text in ("yes", "No", "ON", "off", "y", "n", "~", "Null", "NULL", "007", "0o17",
                 "0x1F", "0b101", "1_000", "+1", "-0", "1:20", "190:20:30.15", ".5", "1.",
                 "1e3", "1.5E+3", ".inf", "-.Inf", ".NaN", "<<", "=", "2013-04-19",
                 "2013-04-19T14:32:07+02:00", "2013-04-19 14:32:07", "14:45"):
        _same(f"k: {text}\nl:\n- {text}\nf: {{k: {text}}}\n")


def test_random_shapes() -> None:
    rng = random.Random(20130419)
    answered = 0
    for _ in range(3000):
        value = {str(rng.random()): _random_value(rng, 0) for _ in range(rng.randint(1, 4))}
        answered += _same(front_matter.dump(value))
    assert answered > 500


def _heads(root: Path) -> list[str]:
    paths = sorted(root.rglob("*.md"))
    assert paths
    return [split_front_matter(path.read_text(encoding="utf-8"), str(path))[0]
            for path in paths]


def test_sample_day_files() -> None:
    """Every editors' file of the sample day takes the fast path, with libyaml's values."""
    for head in _heads(ROOT / "content" / "posts"):
        assert _same(head), head


def test_synthetic_day_files(tmp_path: Path) -> None:
    synth.generate(300, tmp_path)
    for head in _heads(tmp_path / "content" / "posts"):
        assert _same(head), head


BASE = 'id: "1"\nnetwork: twitter\n'

REJECTED = [
    "", "# a comment\n" + BASE, BASE + "# a comment\nlang: fr\n",
    BASE + "note: a # comment\n", BASE + "note: 'a' # c\n",
    BASE + "metrics: {a: 1} # c\n", BASE + "\n" + "lang: fr\n", BASE + "lang: fr \n",
    BASE + "lang:\tfr\n", "lang: fr\r\nx: y\r\n", " lang: fr\n", BASE + "  lang: fr\n",
    BASE + "lang: &a fr\nx: *a\n", BASE + "lang: *a\n", BASE + "lang: !!str fr\n",
    BASE + "lang: !x fr\n", BASE + "note: |\n  two\n  lines\n", BASE + "note: >\n  folded\n",
    BASE + "note: first\n  second\n", BASE + "note: 'first\n  second'\n",
    BASE + 'note: "first\n  second"\n', BASE + 'note: "a\\\n  b"\n',
    BASE + "coordinates: [1, 2]\n", BASE + "metrics: {a: {b: 1}}\n", BASE + "metrics: {}\n",
    BASE + "metrics: {a: 1,b: 2}\n", BASE + "metrics: { a: 1 }\n",
    BASE + "coordinates:\n   - 1\n", BASE + "coordinates:\n - 1\n",
    BASE + "media:\n- file: a\n   alt: b\n", BASE + "media:\n  file: a\n   alt: b\n",
    BASE + "media:\n    file: a\n", BASE + "lang: fr\nlang: en\n", BASE + "id: '2'\n",
    BASE + "yes: 1\n", BASE + "1: x\n", BASE + "<<: {a: 1}\n", BASE + "? complex\n: key\n",
    BASE + "lang:\n", BASE + "lang: [\n", BASE + "lang: 'open\n", BASE + "lang: \"open\n",
    BASE + 'lang: "\\q"\n', BASE + 'lang: "\\ud800"\n', BASE + 'lang: "\\/"\n',
    BASE + "lang: \U0001F600\n", BASE + "lang: \ufefffr\n", BASE + "lang: a\x85b\n",
    BASE + "lang: 017\n", BASE + "lang: .inf\n", BASE + "lang: 1_000\n",
    BASE + "lang: 1:20\n", BASE + "- x\n", "- x\n- y\n", "just text\n", "---\n" + BASE,
    BASE + "...\n", "%YAML 1.1\n---\n" + BASE, BASE + "k: - x\n", BASE + "k: a: b\n",
    BASE + "list:\n- - x\n", BASE + "list:\n-\n", BASE + "k: 'a'x\n",
    BASE + "k" * 200 + ": v\n", BASE + "k: {a: b, a: c}\n", BASE + "k: {yes: b}\n",
    BASE + "list:\n  - x\n  y: z\n", BASE + "k:\n  a: 1\n b: 2\n",
    "".join(f"{'  ' * level}k{level}:\n" for level in range(40)) + " " * 80 + "v: 1\n",
]


@pytest.mark.parametrize("head", REJECTED)
def test_left_to_libyaml(head: str) -> None:
    """Hand-edited texts the fast path does not know: libyaml's values or errors."""
    assert yaml_read.read(head, front_matter.Loader.yaml_implicit_resolvers) is None
    _same(head)


def test_dates_are_left_to_the_date_loader() -> None:
    """A date is a string for the posts' loader, a date for the pages' one (libyaml's)."""
    head = "date: 2013-04-19\ntitle: Jour\n"
    assert front_matter.load(head, "<t>") == {"date": "2013-04-19", "title": "Jour"}
    assert yaml_read.read(head, front_matter.DateLoader.yaml_implicit_resolvers) is None
    assert str(front_matter.load(head, "<t>", loader=front_matter.DateLoader)["date"]) \
        == "2013-04-19"


def test_deep_nesting_keeps_its_error() -> None:
    """Past the fast path's nesting the loader's own bound answers, as before."""
    deep = "".join(f"{'  ' * level}k{level}:\n" for level in range(20)) + " " * 40 + "v: 1\n"
    assert yaml_read.read(deep, front_matter.Loader.yaml_implicit_resolvers) is None
    with pytest.raises(PostFileError, match="nest more than"):
        front_matter.load(deep, "<t>")
    assert yaml_read.NESTING + 1 < front_matter.MAX_DEPTH


def test_values_are_not_shared() -> None:
    """Each read builds its own containers (callers may change what they get)."""
    head = "media:\n- file: a\nmetrics: {a: 1}\nentities:\n  - {b: 2}\n"
    first = front_matter.load(head, "<t>")
    first["media"][0]["file"] = "changed"
    first["metrics"]["a"] = first["entities"][0]["b"] = "changed"
    first["entities"].append("more")
    assert front_matter.load(head, "<t>") == {
        "media": [{"file": "a"}], "metrics": {"a": 1}, "entities": [{"b": 2}]}
