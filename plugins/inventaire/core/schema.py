"""What an editors' file may say, checked in one place for ``check`` and the build.

``inventaire check`` and the build used to read the same file differently: ``book:
non`` passed the check and printed the post (a non-empty string is true), an unquoted
``time: 13:00`` became YAML's base-60 number 780, a misspelt ``stauts:`` was kept as
an unknown field and ignored. Both now read every file through
:func:`inventaire.core.postfile.load_post`, which asks this module, so what the
check accepts is what the build reads and what it refuses the build leaves out with
the same message (``path:line: field: what is wrong — how to fix it``).

The rules: booleans are ``true``/``false`` (a French ``oui``/``non`` is refused with
the word to write instead: nothing is guessed); times are strings ``HH:MM``; a key is one of the
fields below (the nearest one suggested), never twice; a file under
``posts/<day>/`` is named by its post's local time and id; the file is UTF-8 without
a byte order mark; YAML's own messages are translated into what to do.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

import yaml

from inventaire.core.errors import PostFileError

# The fields, in the order they are written: what editors look at first comes first.
FIELD_ORDER = (
    "id", "network", "url", "date", "author", "author_name", "place", "status",
    "declaimed", "consent", "book", "featured", "media", "note", "reply_to", "quote_of",
    "lang", "coordinates", "source", "metrics", "entities",
)
# What the importer writes from the export (kept in ``Post.extra``), the record of an
# older withdrawal, and ``extra:``, the mapping where editors keep fields of their own.
EXPORT_FIELDS = ("content_warning", "sensitive", "visibility", "poll", "edited")
KNOWN_FIELDS = frozenset(FIELD_ORDER) | frozenset(EXPORT_FIELDS) | {"withdrawn", "extra"}

TRUE_WORDS = ("true",)
FALSE_WORDS = ("false",)
FRENCH_WORDS = {"oui": "true", "non": "false"}  # refused, with the word to write
_CLOCK = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
_DAY_FOLDER = re.compile(r"\d{4}-\d{2}-\d{2}")
_TOP_KEY = re.compile(r"^([^\s#'\"\-?:{\[][^:#]*?)\s*:(?:\s|$)", re.MULTILINE)


def nearest(word: str, choices: tuple[str, ...] | frozenset[str]) -> str:
    """``did you mean 'x'?`` for the choice closest to ``word``, or ``""``."""
    found = difflib.get_close_matches(word.casefold(), sorted(choices), n=1, cutoff=0.6)
    return f"did you mean '{found[0]}'? " if found else ""


def boolean(value: Any, field: str, path: str, line: int) -> bool:
    """``true``/``false`` (in any case, quoted or not); anything else is refused rather
    than guessed: ``flase`` is not false, ``non`` is not read as English, nor taken
    for a non-empty (true) string."""
    if isinstance(value, bool):
        return value
    word = str(value).strip().casefold() if isinstance(value, str) else ""
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    if word in FRENCH_WORDS:
        raise PostFileError(path, line, field, f"{value!r} is French, not true or false",
                            f"write '{field}: {FRENCH_WORDS[word]}'")
    hint = nearest(word, TRUE_WORDS + FALSE_WORDS) if word else ""
    raise PostFileError(path, line, field, f"{value!r} is not true or false",
                        f"{hint}write '{field}: true' or '{field}: false'")


def clock(value: Any, field: str, path: str, line: int) -> str:
    """A time of day as the string ``HH:MM``. YAML reads an unquoted ``13:00`` as the
    base-60 number 780: that is named, with the quotes to add."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        shown = f"{value // 60}:{value % 60:02d}"
        raise PostFileError(path, line, field,
                            f"{shown} without quotes is read by YAML as the number {value}",
                            f'put the time in quotes: time: "{value // 60:02d}:{value % 60:02d}"')
    text = str(value) if isinstance(value, str) else ""
    if not _CLOCK.fullmatch(text):
        raise PostFileError(path, line, field, f"{value!r} is not a time HH:MM",
                            'write it in quotes, e.g. time: "14:45"')
    return text


METRIC_NAMES = ("reposts", "likes")


def metrics(value: Any, path: str, line: int) -> dict[str, int]:
    """The export's counts, ``{reposts: 3, likes: 12}``: whole numbers, zero or more, of
    the two names (either may be absent: the export did not carry it). An empty value
    is no counts."""
    if value in (None, "", {}):
        return {}
    fix = "write it as {reposts: 3, likes: 12}, or delete the line (the import writes it)"
    if not isinstance(value, dict):
        raise PostFileError(path, line, "metrics", f"{value!r} is not a mapping", fix)
    found: dict[str, int] = {}
    for key, count in value.items():
        name = str(key)
        if name not in METRIC_NAMES:
            raise PostFileError(path, line, "metrics", f"'{name}' is not a count",
                                f"{nearest(name, METRIC_NAMES)}{fix}")
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise PostFileError(path, line, "metrics", f"{name}: {count!r} is not a whole "
                                "number of zero or more", fix)
        found[name] = count
    return found


def unknown_keys(data: dict[Any, Any], path: str, line_of: Any) -> None:
    """Refuse a key that is not a field, naming the nearest one (``Place`` → ``place``);
    ``line_of(name, default)`` gives a key's line."""
    for key in data:
        name = str(key)
        if name in KNOWN_FIELDS:
            continue
        hint = nearest(name, KNOWN_FIELDS)
        raise PostFileError(path, line_of(name, 2), name, f"'{name}' is not a field",
                            f"{hint}correct the name, or put a field of your own under "
                            "'extra:'")


def duplicate_keys(head: str, path: str, loader: type[Any]) -> None:
    """Refuse a key written twice (YAML would keep the last one silently). The keys
    starting a line are counted first, cheaply; only when one repeats is the YAML
    composed to be sure (a quoted value's own lines may look like keys)."""
    seen: set[str] = set()
    repeated = False
    for match in _TOP_KEY.finditer(head):
        name = match.group(1)
        if name in seen:
            repeated = True
            break
        seen.add(name)
    if not repeated:
        return
    try:
        node = yaml.compose(head, Loader=loader)
    except yaml.YAMLError:
        return  # the parse reports it
    if not isinstance(node, yaml.MappingNode):
        return
    first: dict[str, int] = {}
    for key_node, _value in node.value:
        name = str(key_node.value)
        line = key_node.start_mark.line + 2
        if name in first:
            raise PostFileError(path, line, name,
                                f"'{name}' is written twice (also line {first[name]})",
                                "keep one of the two lines and delete the other")
        first[name] = line


def file_name(path: str, local: str, post_id: str, older: str = "") -> None:
    """A file under ``posts/<YYYY-MM-DD>/`` is named ``<HHhMM>-<id>.md`` by its post's
    date (the time it is written with): a file renamed to another hour is refused.
    ``post_id`` is the post's slug (``mastodon-<id>`` but for tweets); ``older``, the
    bare id files of other networks were once named with, still accepted."""
    where = Path(path)
    if not _DAY_FOLDER.fullmatch(where.parent.name):
        return
    day, hour = local[:10], f"{local[11:13]}h{local[14:16]}"
    wanted = f"{hour}-{post_id}.md"
    named = where.name in (wanted, f"{hour}-{older}.md" if older else wanted)
    if not named or where.parent.name != day:
        raise PostFileError(path, 1, "date", f"the file's name says {where.parent.name} "
                            f"{where.name[:5]}, its date says {day} {hour}",
                            f"rename the file to posts/{day}/{wanted} (or correct 'date')")


def decode(raw: bytes, path: str) -> str:
    """The file's text: UTF-8 without a byte order mark. A BOM and a Latin-1 (or
    Windows) file are named as such, with the line of the first byte UTF-8 refuses."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raise PostFileError(path, 1, "encoding", "the file starts with a byte order mark "
                            "(BOM)", "save it as UTF-8 without BOM (most editors call it "
                            "'UTF-8', not 'UTF-8 with BOM')")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        byte = raw[error.start:error.start + 1]
        latin = byte.decode("cp1252", errors="replace")
        looks = "Latin-1 (ISO-8859-1) or Windows-1252" if latin.isprintable() else "not UTF-8"
        raise PostFileError(path, line, "encoding", f"the file is {looks}, not UTF-8 "
                            f"(byte {byte!r}, {latin!r} in Latin-1)",
                            "save it as UTF-8 (in the editor's 'Save as' or 'Encoding' "
                            "menu)") from None


# YAML's messages, as editors can act on them.
_YAML_PROBLEMS = (
    ("mapping values are not allowed", "a value holds ': '",
     "put the value in double quotes: field: \"…: …\""),
    ("cannot start any token", "a value starts with a character YAML reserves "
     "(a tab, '@', '`' or '%')", "indent with spaces, and put such a value in quotes"),
    ("could not find expected ':'", "a line is not 'field: value'",
     "write one 'field: value' per line, or indent a continued value"),
    ("expected <block end>", "the indentation is wrong",
     "indent the lines of a list or a mapping by the same number of spaces"),
    ("did not find expected key", "the indentation is wrong",
     "indent the lines of a list or a mapping by the same number of spaces"),
    ("found unexpected end of stream", "a quote or a bracket is not closed",
     "close the quote (\") or the bracket (] or })"),
    ("expected ',' or ']'", "a list in brackets is not closed",
     "close it with ], and quote values that hold ',' or ':'"),
    ("expected ',' or '}'", "a mapping in braces is not closed",
     "close it with }, and quote values that hold ',' or ':'"),
    ("did not find expected ',' or", "a list or a mapping in brackets is not closed",
     "close it with ] or }, and quote values that hold ',' or ':'"),
    ("could not determine a constructor", "a YAML tag ('!!…') is not allowed here",
     "remove the tag and write the value alone (in quotes if it starts with '!')"),
    ("expected the node content", "a value is missing or a bracket is not closed",
     "write the value after 'field: ' (in quotes if it starts with '[', '{' or '*')"),
    ("found undefined alias", "a value starts with '*'", "put the value in quotes"),
    ("found unknown escape character", "a '\\' in double quotes",
     "write it as '\\\\' or use single quotes"),
)


def yaml_error(error: yaml.YAMLError, head: str, path: str) -> PostFileError:
    """A YAML error in the ``path:line: field: what — fix`` form, in words an editor
    can act on; the field is the key of the line the parser stopped at."""
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 2 if mark is not None else 1
    problem = str(getattr(error, "problem", None) or str(error).splitlines()[0])
    lines = head.split("\n")
    text = lines[line - 2] if 0 <= line - 2 < len(lines) else ""
    key = _TOP_KEY.match(text.lstrip())
    field = key.group(1) if key else "front matter"
    if key and text[:1] in (" ", "\t") and "mapping values" in problem:
        return PostFileError(path, line, field, "the line is indented, so YAML reads it as "
                             "the end of the value above",
                             "remove the spaces before the field's name")
    for needle, what, fix in _YAML_PROBLEMS:
        if needle in problem:
            return PostFileError(path, line, field, what, fix)
    return PostFileError(path, line, field, f"YAML cannot read this line ({problem})",
                         "check the indentation and quote values that contain ':' or '#'")
