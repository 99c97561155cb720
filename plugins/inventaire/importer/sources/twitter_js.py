"""The Twitter archive's data files: JavaScript assignments around JSON.

``window.YTD.tweets.part0 = [ … ]``: everything up to the first ``[`` (or ``{``) is
cut and the rest is JSON. The tweet files are read item by item with
``JSONDecoder.raw_decode`` rather than in one ``json.loads`` so that

* every item knows its real line in the file (an error names ``tweets.js:71516``,
  not ``:1:`` or an item number nobody can find in an editor);
* a file cut short (an interrupted download, a full disk) still gives the items
  before the cut, and the cut itself is reported where it is.

The scanner is the same C code as ``json.loads``: reading item by item costs nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from inventaire.importer.sources.common import TOO_DEEP

_DECODER = json.JSONDecoder()
_SPACE = " \t\r\n"


class JSError(ValueError):
    """A data file that is not a JavaScript assignment of JSON, with its line."""

    def __init__(self, line: int, what: str) -> None:
        super().__init__(what)
        self.line = line
        self.what = what


def _start(text: str) -> int:
    start = min((i for i in (text.find("["), text.find("{")) if i != -1), default=-1)
    if start == -1:
        raise JSError(1, "no JSON value after 'window.… =' (an empty or damaged file); "
                         "download the archive again")
    return start


def _json_error(text: str, error: json.JSONDecodeError) -> JSError:
    line = text.count("\n", 0, error.pos) + 1
    column = error.pos - (text.rfind("\n", 0, error.pos) + 1) + 1
    if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated"):
        return JSError(line, f"the file ends in the middle of a value (column {column}): it "
                             "was cut short — download the archive again")
    return JSError(line, f"invalid JSON: {error.msg} (column {column}); the file is "
                         "damaged — download the archive again")


def parse_js(text: str) -> Any:
    """The JSON value assigned in a ``window.… = value;`` file (manifest, account)."""
    start = _start(text)
    body = text[start:].rstrip().rstrip(";")
    try:
        return json.loads(body)
    except json.JSONDecodeError as error:
        raise _json_error(text, json.JSONDecodeError(error.msg, text, start + error.pos)
                          ) from None
    except RecursionError:
        raise JSError(text.count("\n", 0, start) + 1, TOO_DEEP) from None


def iter_js_items(text: str) -> Iterator[tuple[int, Any] | JSError]:
    """``(line, item)`` for each item of the assigned array, then a :class:`JSError`
    if the array is damaged or cut short (the items before it are still given)."""
    try:
        position = _start(text)
    except JSError as error:
        yield error
        return
    line = text.count("\n", 0, position) + 1
    counted = position
    if text[position] == "{":  # a single object where a list was expected
        yield JSError(line, "expected a list of items after 'window.… =', found an object")
        return
    position += 1
    length = len(text)
    while True:
        while position < length and text[position] in _SPACE:
            position += 1
        if position >= length:
            yield _json_error(text, json.JSONDecodeError("Unterminated array", text, length))
            return
        if text[position] == "]":
            rest = text[position + 1:].strip().rstrip(";").strip()
            if rest:
                extra = position + 1 + text[position + 1:].find(rest[0])
                yield JSError(text.count("\n", 0, extra) + 1,
                              "unexpected text after the list of items; the file is "
                              "damaged — download the archive again")
            return
        line += text.count("\n", counted, position)
        counted = position
        try:
            item, end = _DECODER.raw_decode(text, position)
        except json.JSONDecodeError as error:
            yield _json_error(text, error)
            return
        except RecursionError:
            yield JSError(line, TOO_DEEP)
            return
        yield line, item
        position = end
        while position < length and text[position] in _SPACE:
            position += 1
        if position < length and text[position] == ",":
            position += 1
        elif position < length and text[position] != "]":
            yield _json_error(text, json.JSONDecodeError("Expecting ',' delimiter", text,
                                                         position))
            return
