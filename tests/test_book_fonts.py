"""The book's fonts: static instances of the packaged variable EB Garamond, made once.

WeasyPrint turns a variable font into a static one at every PDF it writes (about
0.4 s per weight and style, several times a book); the book is given static files
made once per machine instead. They must be the weights the book asks for, laid
out at their own widths (a bold word drawn on the regular weight's advances came out
cramped), and made again whenever their source or fontTools changes.
"""

from __future__ import annotations

import io
from pathlib import Path

import fontTools
import pdfplumber
import pytest
from fontTools.ttLib import TTFont
from inventaire.core import fonts


def test_the_book_fonts_are_static_at_the_weights_the_css_declares() -> None:
    files = fonts.book_font_files()
    assert set(files) == {(style, weight) for style in ("roman", "italic")
                          for weight in fonts.BOOK_WEIGHTS}
    css = fonts.font_face_css()
    for (style, weight), path in files.items():
        with TTFont(path, lazy=True) as font:
            assert "fvar" not in font and "gvar" not in font, path
            assert font["OS/2"].usWeightClass == weight, path
        rule = next(line for line in css.splitlines() if path.as_uri() in line)
        assert f"font-weight: {weight};" in rule
        assert f"font-style: {'italic' if style == 'italic' else 'normal'};" in rule
    assert css.count("@font-face") == len(files)


def test_a_bold_word_is_laid_out_at_the_bold_widths() -> None:
    """The same word in bold is wider than in roman, by the bold font's own advances."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    config = FontConfiguration()
    css = CSS(string=fonts.font_face_css() + "html { font: 20pt 'EB Garamond' }"
              " @page { size: 200mm 60mm; margin: 5mm }", font_config=config)
    html = HTML(string="<p>jdtapjdtap</p><p><b>jdtapjdtap</b></p>")
    pdf = html.write_pdf(stylesheets=[css], font_config=config)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        chars = document.pages[0].chars
    lines: dict[bool, list[float]] = {}
    for char in chars:
        lines.setdefault("Bold" in char["fontname"], []).append(char["x1"] - char["x0"])
    assert set(lines) == {False, True}, {c["fontname"] for c in chars}
    roman, bold = sum(lines[False]), sum(lines[True])
    with TTFont(fonts.book_font_files()["roman", 400]) as regular, \
            TTFont(fonts.book_font_files()["roman", 700]) as heavy:
        ratio = (sum(heavy["hmtx"][heavy.getBestCmap()[ord(c)]][0] for c in "jdtap")
                 / sum(regular["hmtx"][regular.getBestCmap()[ord(c)]][0] for c in "jdtap"))
    assert ratio > 1.05
    assert bold / roman == pytest.approx(ratio, rel=0.01)


def test_a_derived_font_is_made_once_per_source_and_fonttools(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "Petite.ttf"
    source.write_bytes(fonts.book_font_files()["roman", 400].read_bytes())
    made: list[str] = []

    def make(font: TTFont) -> TTFont:
        made.append("once")
        return font

    first = fonts.derived_font(source, "x.ttf", tmp_path / "cache", make)
    assert fonts.derived_font(source, "x.ttf", tmp_path / "cache", make) == first
    assert made == ["once"] and first.read_bytes() == source.read_bytes()
    assert not list((tmp_path / "cache").glob("*.tmp"))
    with TTFont(source) as font:  # a new version of the package: other bytes
        font["head"].fontRevision += 1
        font.save(source)
    second = fonts.derived_font(source, "x.ttf", tmp_path / "cache", make)
    assert second != first and len(made) == 2
    monkeypatch.setattr(fontTools, "version", "0.0.0-test")
    third = fonts.derived_font(source, "x.ttf", tmp_path / "cache", make)
    assert third not in (first, second) and "0.0.0-test" in third.name and len(made) == 3

    def make_otherwise(font: TTFont) -> TTFont:  # a recipe changed
        made.append("otherwise")
        font["head"].fontRevision += 1
        return font

    fourth = fonts.derived_font(source, "x.ttf", tmp_path / "cache", make_otherwise)
    assert fourth not in (first, second, third) and made[-1] == "otherwise"


def test_a_recipe_is_named_by_what_it_does_not_where_it_is() -> None:
    assert fonts.recipe(fonts.static_instance(400)) == fonts.recipe(fonts.static_instance(400))
    assert fonts.recipe(fonts.static_instance(400)) != fonts.recipe(fonts.static_instance(700))
    source = "def make(font):\n    return font\n"
    here, there = {}, {}
    exec(compile(source, "/one/checkout/fonts.py", "exec"), here)
    exec(compile("\n\n" + source, "/another/fonts.py", "exec"), there)
    assert fonts.recipe(here["make"]) == fonts.recipe(there["make"])
    assert fonts.recipe(here["make"]) != fonts.recipe(lambda font: font.copy())
