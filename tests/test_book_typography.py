"""The book's typography (issue 14): figures, hyphenation, line breaks, editors' text.

Read back from the sample day's book (the session's build) and checked on the small
parts that make it: what a reader would see as a defect is looked for in the text
extracted from the PDF.
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

import pytest
from inventaire.book.posttext import detach_spaces, drop_day_hashtags, set_apart, unlink

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "book"))
pdfcheck = importlib.import_module("pdfcheck")

LETTER_SPACED_FIGURES = re.compile(r"(?<!\d)\d \d \d \d(?!\d)")
HYPHENATED_TAG = re.compile(r"[#@][\w]+[\u2010-]$")


@pytest.fixture(scope="module")
def texts(sample_build: Path) -> list[str]:
    return pdfcheck.page_texts(sample_build / "livre" / "livre.pdf")


def front_and_back(texts: list[str]) -> list[str]:
    """The pages the editors wrote or the book composed: up to the contents, and from
    the first index on (posts, quotations, keep their own apostrophes)."""
    toc = next(i for i, t in enumerate(texts) if t.lstrip().startswith("Sommaire"))
    index = next(i for i, t in enumerate(texts) if t.lstrip().startswith("Index des"))
    return texts[:toc + 1] + texts[index:]


def test_figures_are_proportional(texts: list[str]) -> None:
    whole = "\n".join(texts)
    assert "2013" in whole
    assert not LETTER_SPACED_FIGURES.search(whole), LETTER_SPACED_FIGURES.findall(whole)[:5]


def test_no_hashtag_or_handle_is_hyphenated(texts: list[str]) -> None:
    broken = [line for t in texts for line in t.splitlines()
              if HYPHENATED_TAG.search(line.strip())]
    assert not broken, broken[:5]


def test_no_line_breaks_after_a_first_word_that_fitted(texts: list[str]) -> None:
    """The stray break after « Place » (WeasyPrint, a run ending with a space before
    a hashtag): no line of the book is « Place » alone."""
    lines = [line.strip() for t in texts for line in t.splitlines()]
    assert "Place" not in lines


def test_editors_text_has_french_apostrophes(texts: list[str]) -> None:
    for number, text in enumerate(front_and_back(texts), start=1):
        assert "'" not in text, (number, [line for line in text.splitlines() if "'" in line])
    assert "Tentative d’inventaire" in "\n".join(texts)


def test_detached_space_lays_out_as_one_line() -> None:
    """At every width around the one where the run fits only with its trailing space
    over the margin, the paragraph breaks after its last fitting word, never after
    its first."""
    from inventaire.core.fonts import font_face_css
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    text = ("Place de l’Hôtel-de-Ville. Des policiers à vélo font le tour du parvis, "
            "sans se presser. <a class=\"hashtag\" href=\"x\">#jdtap</a>")
    fonts = FontConfiguration()
    css = CSS(string=font_face_css() + "html { font: 10.5pt 'EB Garamond'; hyphens: auto; }"
              " p { margin: 0 0 4px; } @page { size: 200mm 2000mm; margin: 5mm }",
              font_config=fonts)
    body = "".join(f'<p style="width: {width / 4:.2f}px">{detach_spaces(text)}</p>'
                   for width in range(4 * 400, 4 * 450))
    document = HTML(string=f"<html lang='fr'><body>{body}</body></html>").render(
        stylesheets=[css], font_config=fonts)
    firsts = []
    for page in document.pages:
        for box in page._page_box.descendants():
            if type(box).__name__ == "LineBox" and box.children:
                words = "".join(getattr(b, "text", "") for b in box.descendants()
                                if hasattr(b, "text")).split()
                firsts.append(words)
    assert firsts and all(words != ["Place"] for words in firsts)


def test_unlink_keeps_the_class_and_detach_spaces_keeps_the_text() -> None:
    html = 'vu <a class="hashtag" href="/t/">#jdtap</a> <a href="https://x.org">x</a>'
    assert unlink(html) == 'vu <span class="hashtag">#jdtap</span> <span>x</span>'
    detached = detach_spaces(unlink(html))
    assert re.sub(r"<[^>]*>", "", detached) == "vu #jdtap x"
    assert detached.startswith('vu<span class="sp"> </span>')


def test_day_hashtags_dropped_only_where_they_tag() -> None:
    tag = '<a class="hashtag" href="/t/jdtap/">#jdtap</a>'
    other = '<a class="hashtag" href="/t/bastille/">#bastille</a>'
    emoji = '<span class="emoji" role="img" aria-label="pigeon">🕊️</span>'
    assert drop_day_hashtags(f"Un pigeon. {tag}", ["jdtap"]) == "Un pigeon."
    assert drop_day_hashtags(f"Un pigeon. {tag} {other}", ["JDTAP"]) == f"Un pigeon. {other}"
    assert drop_day_hashtags(f"Un pigeon. {tag} {emoji}", ["jdtap"]) == f"Un pigeon. {emoji}"
    inside = f"sous le mot-dièse {tag} : la journée"
    assert drop_day_hashtags(inside, ["jdtap"]) == inside
    assert drop_day_hashtags(f"Un pigeon. {tag}", []) == f"Un pigeon. {tag}"


def test_criers_read_without_hashtags_and_handles() -> None:
    html = ('<span class="mention">@marc</span> Un bus passe. '
            '<span class="hashtag">#jdtap</span> <span class="hashtag">#bus</span>')
    spoken, apart = set_apart(html)
    assert spoken == "Un bus passe."
    assert apart == ["@marc", "#jdtap", "#bus"]
