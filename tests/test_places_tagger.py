"""The place tagger finds what searching each alias in turn found, in one pass.

The import tags every post from the gazetteer; the tagger now folds a text once
(ASCII lowered, the rest decomposed) and searches all the aliases as one pattern.
Each case is compared with the way it was done before: every alias searched on its
own, the earliest match kept, ties to the earlier place.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from inventaire.core.places import Place, PlaceTagger, fold, load_places
from inventaire.core.postfile import read_post

ROOT = Path(__file__).resolve().parent.parent


def _fold_before(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _by_text_before(tagger: PlaceTagger, text: str) -> str:
    folded = _fold_before(text)
    best = ("", len(folded) + 1)
    for slug, pattern in tagger.patterns:
        match = pattern.search(folded)
        if match and match.start() < best[1]:
            best = (slug, match.start())
    return best[0]


TEXTS = [
    "", "rien ici", "Place des Vosges, dans le square", "PLACE DES VOSGES",
    "Hôtel-de-Ville puis Saint-Sulpice", "saint sulpice avant l'hotel de ville",
    "#saintsulpice #jdtap", "Saint–Sulpice (tiret demi-cadratin)", "Straße Œuvre ﬁn",
    "Ｐｌａｃｅ ｄｅｓ Ｖｏｓｇｅｓ", "İstanbul, ǅ, ß", "😀 place des vosges 😀",
    "e\u0301glise, cafe\u0301", "x" * 3000 + " place des vosges",
]


def test_fold_as_before() -> None:
    for text in [*TEXTS, "ÀÉÎÕÜ àéîõü", "ﬀ ﬃ ² ½", "\u212b\u2126", "a\u0308\u0301"]:
        assert fold(text) == _fold_before(text), text


def _gazetteer() -> PlaceTagger:
    return PlaceTagger(load_places(ROOT / "content" / "places"))


def test_sample_day_tagged_as_before() -> None:
    tagger = _gazetteer()
    assert tagger.patterns
    texts = [*TEXTS, *(read_post(path).text
                        for path in sorted((ROOT / "content" / "posts").rglob("*.md")))]
    found = 0
    for text in texts:
        expected = _by_text_before(tagger, text)
        assert tagger.by_text(text) == expected, text
        found += bool(expected)
    assert found > 50  # the comparison is not only of empty answers


def test_first_named_wins_ties_to_the_earlier_place() -> None:
    places = {
        "a-long": Place("a-long", "Saint Michel Notre-Dame", 0, 0),
        "b-short": Place("b-short", "Saint Michel", 0, 0, aliases=["Notre-Dame"]),
        "c-other": Place("c-other", "Notre Dame", 0, 0),
    }
    tagger = PlaceTagger(places)
    for text in ["rendez-vous à Saint-Michel Notre-Dame", "saint michel seul",
                 "notre dame puis saint michel", "NOTRE-DAME", "rien"]:
        assert tagger.by_text(text) == _by_text_before(tagger, text), text
    assert tagger.by_text("rendez-vous à Saint-Michel Notre-Dame") == "a-long"
    assert tagger.by_text("notre dame puis saint michel") == "b-short"
    assert PlaceTagger({}).by_text("place des vosges") == ""
