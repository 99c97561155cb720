"""The compiled templates kept by the preview's builder (``site/readmemo.py``): kept
as code objects, run by every environment that asks, compiled again once edited."""

from __future__ import annotations

import pytest
from inventaire.site.readmemo import CompiledTemplates
from jinja2 import DictLoader, Environment


def environment(cache: CompiledTemplates, source: str) -> Environment:
    return Environment(loader=DictLoader({"t.html": source}), bytecode_cache=cache)


def test_another_environment_runs_the_kept_code_without_compiling(
        monkeypatch: pytest.MonkeyPatch) -> None:
    cache = CompiledTemplates()
    assert environment(cache, "un {{ x }}").get_template("t.html").render(x=1) == "un 1"
    second = environment(cache, "un {{ x }}")

    def compile_again(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(second, "compile", compile_again)
    assert second.get_template("t.html").render(x=2) == "un 2"


def test_an_edited_template_is_compiled_again() -> None:
    cache = CompiledTemplates()
    assert environment(cache, "un {{ x }}").get_template("t.html").render(x=1) == "un 1"
    edited = environment(cache, "deux {{ x }}")
    assert edited.get_template("t.html").render(x=1) == "deux 1"
    assert environment(cache, "deux {{ x }}").get_template("t.html").render(x=3) == "deux 3"
