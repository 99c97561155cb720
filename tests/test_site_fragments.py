"""Parts of the pages rendered once per build (``site/fragments.py``) and the filters
that keep what they computed (``typo``, ``texte``): the same text as without."""

from __future__ import annotations

from typing import Any

from inventaire.core.text import typography
from inventaire.site.filters import FILTERS
from inventaire.site.fragments import FRAGMENTS
from jinja2 import DictLoader, Environment
from markupsafe import Markup, escape

FRAME = ('{% macro part(a, b) %}<p>{{ a }}|{{ b }}|{{ calls.append(1) or "" }}</p>'
         '{% endmacro %}')
PAGE = '{% import "frame" as frame %}{{ frame.part|une_fois(a, b) }}'


def environment(calls: list[int]) -> Environment:
    env = Environment(loader=DictLoader({"frame": FRAME, "page": PAGE}), autoescape=True)
    env.filters.update(FILTERS)
    env.globals["calls"] = calls
    return env


def render(env: Environment, kept: dict[Any, Any] | None, a: Any, b: Any) -> str:
    context: dict[str, Any] = {"a": a, "b": b}
    if kept is not None:
        context[FRAGMENTS] = kept
    return env.get_template("page").render(context)


def test_a_part_is_rendered_once_per_build_and_arguments() -> None:
    calls: list[int] = []
    env = environment(calls)
    kept: dict[Any, Any] = {}
    assert render(env, kept, "x", "<y>") == "<p>x|&lt;y&gt;|</p>"
    assert render(env, kept, "x", "<y>") == "<p>x|&lt;y&gt;|</p>"
    assert len(calls) == 1
    # Arguments equal in Python but printed apart are apart in the key.
    assert render(env, kept, "x", Markup("<y>")) == "<p>x|<y>|</p>"
    assert render(env, kept, 1, True) == "<p>1|True|</p>"
    assert render(env, kept, True, 1) == "<p>True|1|</p>"
    assert render(env, kept, ["a"], "") == "<p>[&#39;a&#39;]||</p>"
    assert render(env, kept, ("a",), "") == "<p>(&#39;a&#39;,)||</p>"
    assert len(calls) == 6
    # Another build keeps its own texts.
    assert render(env, {}, "x", "<y>") == "<p>x|&lt;y&gt;|</p>"
    assert len(calls) == 7


def test_a_part_is_rendered_every_time_outside_a_build_or_with_a_dict() -> None:
    calls: list[int] = []
    env = environment(calls)
    render(env, None, "x", "y")
    render(env, None, "x", "y")
    kept: dict[Any, Any] = {}
    render(env, kept, {"un": 1}, "y")  # unhashable: no key
    render(env, kept, {"un": 1}, "y")
    assert len(calls) == 4 and kept == {}


def test_typo_kept_gives_the_same_text() -> None:
    typo = FILTERS["typo"]
    for text in ("Place d'Italie : 14 h", "« oui »", "<b>&</b>", ""):
        expected = escape(typography.french_spacing(text))
        assert typo(text) == expected and typo(text) == expected  # kept, then again
        assert isinstance(typo(text), Markup)
    assert typo(Markup("<b>x ;</b>")) == Markup("<b>x ;</b>")  # markup left alone
    assert typo(14) == "14"
