"""The hashtag pattern's Unicode classes, kept in the user's cache by the Unicode
database's version and the module's code (core/text/twitter_regex.py): the same
classes as scanning every code point, made again from a file that is damaged or
cannot be written."""

from __future__ import annotations

import functools
import hashlib
import unicodedata
from pathlib import Path

import pytest
from inventaire.core.text import twitter_regex


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    code = hashlib.sha256(Path(twitter_regex.__file__).read_bytes()).hexdigest()[:16]
    return tmp_path / "inventaire" / (
        f"twitter-classes-unicode-{unicodedata.unidata_version}-{code}.json")


@functools.cache
def scanned() -> tuple[str, str]:
    """The classes made by scanning every code point (a second or two): the same for
    the whole run (the module's code and the Unicode database do not change), so
    scanned once and compared with each reading of the cache."""
    return (twitter_regex._ranges(twitter_regex.LETTERS_MARKS),
            twitter_regex._ranges(twitter_regex.DIGITS))


def test_the_classes_are_kept_and_read_back_the_same(cache: Path) -> None:
    expected = scanned()
    assert twitter_regex._class_bodies() == expected
    assert cache.is_file()
    assert twitter_regex._class_bodies() == expected  # from the file
    assert "\u0660-\u0669" in expected[1]  # Arabic-Indic digits
    assert "a-z" in expected[0]


@pytest.mark.parametrize("damage", ["", "not json", '["only one"]', '[1, 2]', "{}"])
def test_a_damaged_file_is_made_again(cache: Path, damage: str) -> None:
    cache.parent.mkdir(parents=True)
    cache.write_text(damage)
    assert twitter_regex._class_bodies() == scanned()
    assert twitter_regex._class_bodies() == scanned()


def test_a_cache_that_cannot_be_written_still_gives_the_classes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "file").write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    assert twitter_regex._class_bodies() == scanned()
