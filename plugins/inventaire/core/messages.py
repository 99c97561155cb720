"""The editors' messages in the site's language: one catalogue, read with Babel.

Every problem in an editors' file is said as ``path:line: field: what — fix``
(:class:`~inventaire.core.errors.PostFileError`). The code builds ``what`` and
``fix`` in English, with the values of the case in them (``'non' is French, not true
or false``); when the site's language is French (``DEFAULT_LANG``), ``check`` and the
build say them in French. The catalogue is a gettext file,
``plugins/inventaire/locale/fr/LC_MESSAGES/inventaire.po``, read with Babel's
``read_po``: each ``msgid`` is a message as the code writes it, its f-string's
values as placeholders (``{value!r} is not a time HH:MM``), and its ``msgstr`` the
French, with the same placeholders. A message is translated by finding the
``msgid`` it was made from, then putting its values in the ``msgstr`` (a value that is
itself a message, such as the « did you mean » hint, is translated too). The path,
the line and the field (the YAML key the editor types) are never translated.

The messages are not wrapped in ``_()`` where they are built: the schema's code
raises them deep inside the reading of a file, where no setting is known, and stays
as it is. ``tools/extract_messages.py`` lists the messages the code can build, and a
test fails when one is missing from the catalogue.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from inventaire.core.errors import PostFileError

LOCALE = Path(__file__).resolve().parents[1] / "locale"
DOMAIN = "inventaire"
_TOKEN = re.compile(r"\{\{|\}\}|\{[^{}]*\}|[^{}]+|[{}]")


def language_of(settings: Mapping[str, Any]) -> str:
    """``fr`` for a French site (``DEFAULT_LANG = "fr"`` or ``"fr_CA"``), else ``en``."""
    lang = str(settings.get("DEFAULT_LANG") or "en").replace("-", "_").split("_")[0]
    return lang.casefold() or "en"


def literal(template: str) -> str:
    """A template's text outside its placeholders, braces unescaped."""
    out = []
    for token in _TOKEN.findall(template):
        if token in ("{{", "}}"):
            out.append(token[0])
        elif not (token.startswith("{") and token.endswith("}") and len(token) > 1):
            out.append(token)
    return "".join(out)


@cache
def catalogue(lang: str) -> dict[str, str]:
    """The translated messages of ``lang`` (msgid → msgstr); empty for English or a
    language without a catalogue."""
    path = LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.is_file():
        return {}
    from babel.messages.pofile import read_po

    with path.open("rb") as file:
        read = read_po(file, locale=lang, domain=DOMAIN)
    return {str(m.id): str(m.string) for m in read
            if m.id and isinstance(m.id, str) and m.string and not m.fuzzy}


@dataclasses.dataclass(frozen=True)
class _Pattern:
    regex: re.Pattern[str]
    holes: tuple[str, ...]  # the placeholders, in order
    target: str
    weight: int  # length of the literal text: the most specific pattern first


def _compile(msgid: str, msgstr: str) -> _Pattern | None:
    parts, holes = ["^"], []
    for token in _TOKEN.findall(msgid):
        if token in ("{{", "}}"):
            parts.append(re.escape(token[0]))
        elif token.startswith("{") and token.endswith("}") and len(token) > 1:
            holes.append(token)
            parts.append("(.*?)")
        else:
            parts.append(re.escape(token))
    parts.append("$")
    if not holes:
        return None
    return _Pattern(re.compile("".join(parts), re.DOTALL), tuple(holes), msgstr,
                    len(literal(msgid)))


@cache
def _patterns(lang: str) -> tuple[dict[str, str], tuple[_Pattern, ...]]:
    """The catalogue's messages without placeholders, and the others as patterns."""
    table = catalogue(lang)
    exact = {literal(k): literal(v) for k, v in table.items() if "{" not in
             k.replace("{{", "").replace("}}", "")}
    compiled = (_compile(k, v) for k, v in table.items())
    patterns = sorted((p for p in compiled if p is not None), key=lambda p: -p.weight)
    return exact, tuple(patterns)


def _fill(target: str, holes: tuple[str, ...], values: tuple[str, ...], lang: str) -> str:
    filled = dict(zip(holes, (translate(v, lang) for v in values), strict=True))
    out = []
    for token in _TOKEN.findall(target):
        if token in ("{{", "}}"):
            out.append(token[0])
        elif token in filled:
            out.append(filled[token])
        else:
            out.append(token)
    return "".join(out)


def translate(text: str, lang: str) -> str:
    """``text`` in ``lang`` when the catalogue has the message it was made from;
    else as it is."""
    if not text or lang == "en":
        return text
    exact, patterns = _patterns(lang)
    if text in exact:
        return exact[text]
    for pattern in patterns:
        match = pattern.regex.match(text)
        if match:
            return _fill(pattern.target, pattern.holes, match.groups(), lang)
    return text


def localize(error: PostFileError, lang: str) -> PostFileError:
    """The same problem, its ``what`` and ``fix`` in ``lang``."""
    if lang == "en":
        return error
    return PostFileError(error.path, error.line, error.field, translate(error.what, lang),
                         translate(error.fix, lang))


class Localized(logging.Filter):
    """Says the editors' problems a build logs (a :class:`PostFileError` given as a
    logging argument, as the site's reader and the book log them) in ``lang``."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def filter(self, record: logging.LogRecord) -> bool:
        if self.lang != "en" and isinstance(record.args, tuple) and any(
                isinstance(arg, PostFileError) for arg in record.args):
            record.args = tuple(localize(arg, self.lang) if isinstance(arg, PostFileError)
                                else arg for arg in record.args)
        return True
