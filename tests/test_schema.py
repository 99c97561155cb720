"""The editors' file's schema (issue 17, point 2): ``check`` and the build read every
file alike, and refuse the same values with the same ``path:line: field: what — fix``."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from hostile.tmpproject import made_up_post, make_project
from inventaire.commands.cli import main
from inventaire.core.errors import PostFileError
from inventaire.core.postfile import dump_post, load_post, post_path, read_post

POST = """---
id: "325312345678901234"
network: twitter
date: 2013-04-19T14:32:07+02:00
author: flaneuse75
place: place-saint-sulpice
status: selected
declaimed: {place: place-saint-sulpice, time: "14:45"}
book: true
---
Un bus 96 passe. #jdtap
"""
NAME = "content/posts/2013-04-19/14h32-325312345678901234.md"


def with_line(old: str, new: str) -> str:
    assert old in POST
    return POST.replace(old, new)


def refused(text: str, path: str = NAME) -> PostFileError:
    with pytest.raises(PostFileError) as caught:
        load_post(text, path)
    return caught.value


@pytest.mark.parametrize(("line", "field", "value"), [
    ("book: false", "book", False),
    ("book: FALSE", "book", False),
    ("book: true", "book", True),
    ('book: "false"', "book", False),
    ("featured: false", "featured", False),
    ("featured: true", "featured", True),
])
def test_booleans_are_true_or_false(line: str, field: str, value: bool) -> None:
    post = load_post(with_line("book: true", line), NAME)
    assert getattr(post, field) is value
    if field == "book":
        assert post.printable(False) is value


@pytest.mark.parametrize(("line", "message"), [
    ("book: flase", f"{NAME}:9: book: 'flase' is not true or false — did you mean 'false'? "
                    "write 'book: true' or 'book: false'"),
    ("book: non", f"{NAME}:9: book: 'non' is French, not true or false — write 'book: false'"),
    ("featured: Oui", f"{NAME}:9: featured: 'Oui' is French, not true or false — write "
                      "'featured: true'"),
    ("book: 0", f"{NAME}:9: book: 0 is not true or false — write 'book: true'"),
    ("featured: peut-être", f"{NAME}:9: featured: 'peut-être' is not true or false"),
])
def test_a_boolean_that_is_not_one_is_refused(line: str, message: str) -> None:
    error = str(refused(with_line("book: true", line)))
    assert error.startswith(message), error


def test_an_unquoted_time_is_refused_with_the_quotes_to_add() -> None:
    error = refused(with_line('time: "14:45"', "time: 13:00"))
    assert str(error) == (f"{NAME}:8: declaimed: 13:00 without quotes is read by YAML as "
                          'the number 780 — put the time in quotes: time: "13:00"')
    assert "not a time HH:MM" in str(refused(with_line('time: "14:45"', 'time: "2 h"')))
    assert load_post(POST, NAME).declaimed.time == "14:45"  # type: ignore[union-attr]


@pytest.mark.parametrize(("line", "field", "hint"), [
    ("Place: place-saint-sulpice", "Place", "did you mean 'place'?"),
    ("stauts: selected", "stauts", "did you mean 'status'?"),
    ("couleur: rouge", "couleur", "put a field of your own under 'extra:'"),
])
def test_an_unknown_key_is_refused_with_the_nearest_field(line: str, field: str,
                                                          hint: str) -> None:
    error = refused(POST.replace("book: true", line))
    assert (error.line, error.field) == (9, field)
    assert hint in error.fix


def test_a_field_of_ones_own_under_extra_is_kept_and_written_back() -> None:
    post = load_post(POST.replace("book: true", "extra: {couleur: rouge}"), NAME)
    assert post.extra == {"couleur": "rouge"}
    assert load_post(dump_post(post), NAME).extra == {"couleur": "rouge"}


def test_a_key_written_twice_is_refused() -> None:
    error = refused(POST.replace("book: true", "book: true\nstatus: candidate"))
    assert str(error) == (f"{NAME}:10: status: 'status' is written twice (also line 7) — "
                          "keep one of the two lines and delete the other")
    # A note's own lines that look like keys are not keys.
    load_post(POST.replace("book: true", "note: |\n  status: x\n  status: y"), NAME)


def test_a_misspelt_status_suggests_the_value() -> None:
    error = refused(POST.replace("status: selected", "status: selcted"))
    assert "did you mean 'selected'?" in error.fix


def test_the_file_name_follows_the_posts_time(tmp_path: Path) -> None:
    post = load_post(POST, NAME)
    right = post_path(post, tmp_path / "posts")
    right.parent.mkdir(parents=True)
    right.write_text(POST, encoding="utf-8")
    assert read_post(right).id == post.id
    wrong = right.with_name("15h32-325312345678901234.md")
    right.rename(wrong)
    with pytest.raises(PostFileError) as caught:
        read_post(wrong)
    assert str(caught.value) == (
        f"{wrong}:1: date: the file's name says 2013-04-19 15h32, its date says 2013-04-19 "
        "14h32 — rename the file to posts/2013-04-19/14h32-325312345678901234.md (or "
        "correct 'date')")


def test_bom_and_latin1_are_named(tmp_path: Path) -> None:
    folder = tmp_path / "2013-04-19"
    folder.mkdir()
    path = folder / "14h32-325312345678901234.md"
    path.write_bytes(b"\xef\xbb\xbf" + POST.encode("utf-8"))
    with pytest.raises(PostFileError) as caught:
        read_post(path)
    assert str(caught.value).startswith(f"{path}:1: encoding: the file starts with a byte "
                                        "order mark (BOM) — save it as UTF-8 without BOM")
    path.write_bytes(POST.replace("Un bus", "Un café").encode("latin-1"))
    with pytest.raises(PostFileError) as caught:
        read_post(path)
    assert str(caught.value).startswith(
        f"{path}:11: encoding: the file is Latin-1 (ISO-8859-1) or Windows-1252, not UTF-8 "
        "(byte b'\\xe9', 'é' in Latin-1) — save it as UTF-8")


@pytest.mark.parametrize(("head", "line", "field", "what"), [
    ("note: il dit: bonjour", 9, "note", "a value holds ': '"),
    ("note: @quelqu'un", 9, "note", "a value starts with a character YAML reserves"),
    ('note: "pas fermé', 9, "note", "a quote or a bracket is not closed"),
])
def test_yaml_jargon_is_translated(head: str, line: int, field: str, what: str) -> None:
    error = refused(POST.replace("book: true", head))
    assert (error.line, error.field) == (line, field), str(error)
    assert error.what.startswith(what)
    assert "YAML error" not in str(error) and "token" not in str(error)


# --------------------------------------------------- check and the build alike

# The sample's settings say DEFAULT_LANG = "fr": check and the build say it in French.
CASES = {
    "book-non": ("book: true", "book: non",
                 "book: 'non' est du français : le fichier attend true ou false"),
    "book-flase": ("book: true", "book: flase", "book: 'flase' n'est ni true ni false"),
    "time": ('time: "14:45"', "time: 13:00", "declaimed: 13:00 sans guillemets"),
    "stauts": ("status: selected", "stauts: selected", "stauts: 'stauts' n'est pas un champ"),
}


@pytest.mark.parametrize("case", CASES)
def test_check_and_the_build_refuse_the_same_files(
        tmp_path: Path, case: str, caplog: pytest.LogCaptureFixture,
        capsys: pytest.CaptureFixture[str]) -> None:
    old, new, message = CASES[case]
    good = made_up_post(1, text="Un mot rare : Zanzibarique. #jdtap")
    project = make_project(tmp_path, posts=[good])
    path = project / NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(with_line(old, new), encoding="utf-8")
    checked = main(["--project", str(project), "check"])
    out = capsys.readouterr().out
    with caplog.at_level(logging.ERROR):
        built = main(["--project", str(project), "build", "--site"])
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    page = project / "output" / "post" / "325312345678901234" / "index.html"
    assert (project / "output" / "post" / good.id / "index.html").is_file()
    expected = f"{path}:{ {'time': 8, 'stauts': 7}.get(case, 9)}: {message}"
    assert checked == 1 and any(line.startswith(expected) for line in out.splitlines()), out
    assert built == 1
    assert any(line.startswith(expected) for line in errors), errors
    assert not page.exists()


def test_the_sample_day_passes_the_schema(root: Path) -> None:
    for path in sorted((root / "content" / "posts").rglob("*.md")):
        read_post(path)
    assert dump_post(made_up_post(3))
