"""The editors' messages in French when the site is (issue 17, point 2): one
catalogue, ``plugins/inventaire/locale/fr/LC_MESSAGES/inventaire.po``, read with Babel.

Every message the code can build for an editors' file is in the catalogue (a message
added in English fails here until it is translated), each translation keeps its
placeholders, and real problems come out in French with their values, the path, the
line and the field as they were.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from inventaire.commands.cli import main
from inventaire.core.errors import PostFileError
from inventaire.core.messages import LOCALE, catalogue, language_of, localize, translate
from inventaire.core.postfile import load_post, load_post_file

from tools.extract_messages import all_templates

PO = LOCALE / "fr" / "LC_MESSAGES" / "inventaire.po"
HEAD = ('---\nid: "1"\nnetwork: mastodon\ndate: 2013-04-19T14:32:07+02:00\nauthor: ada\n'
        "status: selected\n")


def placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"(?<!\{)\{[^{}]+\}(?!\})", text))


def test_every_message_of_the_code_is_in_the_catalogue() -> None:
    missing = [found for found in all_templates() if found not in catalogue("fr")]
    assert not missing, "translate these in " + str(PO) + ":\n" + "\n".join(missing)


def test_each_translation_keeps_its_placeholders_and_compiles() -> None:
    for msgid, msgstr in catalogue("fr").items():
        assert placeholders(msgid) == placeholders(msgstr), msgid
    with PO.open("rb") as file:
        read = read_po(file, locale="fr")
    compiled = io.BytesIO()
    write_mo(compiled, read)  # a valid gettext catalogue
    assert len(compiled.getvalue()) > 1000


def french(text: str, path: str = "posts/2013-04-19/14h32-1.md") -> str:
    with pytest.raises(PostFileError) as caught:
        load_post_file(text.encode("utf-8") if isinstance(text, str) else text, path)
    return str(localize(caught.value, "fr"))


@pytest.mark.parametrize(("text", "said"), [
    (HEAD + "book: non\n---\nx\n",
     ":7: book: 'non' est du français : le fichier attend true ou false — "
     "écrivez 'book: false'"),
    (HEAD + "book: flase\n---\nx\n",
     ":7: book: 'flase' n'est ni true ni false — vouliez-vous dire 'false' ? écrivez "
     "'book: true' ou 'book: false'"),
    (HEAD + "Place: x\n---\nx\n",
     ":7: Place: 'Place' n'est pas un champ — vouliez-vous dire 'place' ? corrigez le nom, "
     "ou mettez un champ à vous sous 'extra:'"),
    (HEAD + "note: a: b\n---\nx\n",
     ":7: note: une valeur contient ': ' — mettez la valeur entre guillemets droits"),
    (HEAD + "status: selected\n---\nx\n",
     ":7: status: 'status' est écrit deux fois (aussi ligne 6)"),
    (HEAD + "declaimed: {place: x, time: 13:00}\n---\nx\n",
     ":7: declaimed: 13:00 sans guillemets est lu par YAML comme le nombre 780 — mettez "
     "l'heure entre guillemets : time: \"13:00\""),
])
def test_problems_in_french_with_their_values(text: str, said: str) -> None:
    assert said in french(text)


def test_encodings_in_french() -> None:
    bom = french(b"\xef\xbb\xbf" + (HEAD + "---\nx\n").encode())  # type: ignore[arg-type]
    assert ":1: encoding: le fichier commence par une marque d'ordre des octets (BOM)" in bom
    latin = french((HEAD + "---\ncaf\xe9\n").encode("latin-1"))  # type: ignore[arg-type]
    assert "le fichier est en Latin-1 (ISO-8859-1) ou Windows-1252, pas en UTF-8" in latin


def test_english_stays_english_and_an_unknown_message_is_left_as_it_is() -> None:
    with pytest.raises(PostFileError) as caught:
        load_post(HEAD + "book: non\n---\nx\n", "p.md")
    assert localize(caught.value, "en") is caught.value
    assert translate("a message nobody wrote", "fr") == "a message nobody wrote"
    assert language_of({"DEFAULT_LANG": "fr_CA"}) == "fr"
    assert language_of({}) == "en"


def test_check_speaks_the_sites_language(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    posts = tmp_path / "content" / "posts" / "2013-04-19"
    posts.mkdir(parents=True)
    (posts / "14h32-1.md").write_text(HEAD + "book: non\n---\nx\n", encoding="utf-8")
    assert main(["--project", str(tmp_path), "check"]) == 1
    assert "book: 'non' is French, not true or false" in capsys.readouterr().out
    (tmp_path / "pelicanconf.py").write_text('DEFAULT_LANG = "fr"\n', encoding="utf-8")
    assert main(["--project", str(tmp_path), "check"]) == 1
    out, err = capsys.readouterr()
    assert "book: 'non' est du français" in out
    assert "1 problème(s) dans" in err
    (posts / "14h32-1.md").write_text(HEAD + "---\nx\n", encoding="utf-8")
    assert main(["--project", str(tmp_path), "check"]) == 0
    assert "aucun problème — tout va bien" in capsys.readouterr().out
