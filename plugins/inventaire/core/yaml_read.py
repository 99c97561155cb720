"""A front matter read in one pass, for the shapes :mod:`inventaire.core.yaml_text` writes.

Reading the editors' files was 12 to 20 % of a build's CPU: libyaml composes a node
tree, :func:`inventaire.core.front_matter.load` walks it (no alias, no anchor, bounded
depth), and PyYAML's constructors, in Python, build the values one node at a time.
The files an import writes are all of one small grammar, so they are read here from
their lines, and anything else goes back to that path, whose values and errors stay
exactly what they were. :func:`read` returns ``None`` for "not recognised with
certainty", never raises on what it does not know.

Accepted (each line one of these, no other character, nothing left over):

* a block mapping of ``key: value`` lines at one indentation; ``key:`` alone then a
  block sequence at the key's indentation or two more, or a block mapping two more;
* a block sequence of ``- item`` lines: a scalar, a flow mapping, or a block mapping
  whose first key is on the dash's line and the others two columns to its right;
* a flow mapping on one line, ``{key: value, key: value}``, of scalars;
* scalars: plain ones as libyaml reads them on one line (no indicator at the start,
  no ``: `` or `` #``, no space at either end), resolved by the loader's own implicit
  resolvers, kept when the value is a str, a null, a bool, a decimal int
  (``-12``) or a decimal float (``1.5``, ``1.0e+17``); single-quoted on one line
  (``''`` for a quote); double-quoted on one line with libyaml's escapes
  (``\\0 \\a \\b \\t \\n \\v \\f \\r \\e \\" \\\\ \\N \\_ \\L \\P \\xXX \\uXXXX \\UXXXXXXXX``).

Everything else falls back: comments, blank lines, tabs, trailing spaces, ``\\r``,
characters libyaml would refuse or that yaml_text escapes (emoji, controls, BOM),
anchors, aliases, tags, block scalars, flow sequences, nested flow collections,
multi-line scalars, other indentations, duplicate keys, keys that are not strings or
longer than 128 characters, ``<<``, octal/hex/sexagesimal/underscored numbers,
``.inf``/``.nan``, timestamps (for loaders that resolve them), nesting deeper than
:data:`NESTING`. Nothing it accepts can alias or nest past the loader's bound.
"""

from __future__ import annotations

import re
from typing import Any

from inventaire.core import yaml_text

NESTING = 8  # containers, the file's mapping included; front_matter.MAX_DEPTH is 16
_MAX_KEY = 128  # characters of a key as written (libyaml's simple keys stop at 1024)
_REMEMBERED = 50_000  # a bound on the memory, not a cache policy

# What may appear at all: printable characters as yaml_text writes them, line feeds
# (not LS and PS: libyaml breaks lines there).
_OUTSIDE = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]")
_FLOW_END = re.compile(r"[,:}]")
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"[-+]?[0-9]+\.[0-9]*(?:[eE][-+][0-9]+)?\Z")
_BOOLS = {"yes": True, "no": False, "true": True, "false": False, "on": True,
          "off": False}
_QUOTE_OR_ESCAPE = re.compile(r'["\\]')
_ESCAPE = r'\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[0abtnvfre"\\N_LP])'
_ESCAPES = re.compile(_ESCAPE)
_DOUBLE_BODY = re.compile(rf'(?:[^"\\]|{_ESCAPE})*\Z')
_SHORT = {"0": "\x00", "a": "\x07", "b": "\x08", "t": "\t", "n": "\n", "v": "\x0b",
          "f": "\x0c", "r": "\r", "e": "\x1b", '"': '"', "\\": "\\", "N": "\x85",
          "_": "\xa0", "L": "\u2028", "P": "\u2029"}


class _Fallback(Exception):
    """The text is not of the grammar above: libyaml reads it."""


_REJECTED = object()


class _Memory:
    """What one loader's resolvers made of the texts seen before: plain scalars, and
    whole lines (``key: value``, a list's ``- value``) whose value is a scalar or a
    flow mapping (kept as its pairs: each read builds its own dict). A post's
    ``network: twitter``, ``status: selected``, ``lang: fr``, its hashtags come back
    in every file."""

    def __init__(self) -> None:
        self.plain: dict[tuple[str, bool], Any] = {}
        self.entries: dict[str, tuple[str, Any, bool]] = {}
        self.items: dict[str, tuple[Any, bool]] = {}

    def bound(self) -> None:
        """A bound on the memory, not a cache policy."""
        for remembered in (self.plain, self.entries, self.items):
            if len(remembered) >= _REMEMBERED:
                remembered.clear()


# By the id of a loader's resolvers, kept with them (an id is unique while they live).
_MEMORIES: dict[int, tuple[dict[Any, Any], _Memory]] = {}


def _unescape(match: re.Match[str]) -> str:
    text = match.group()
    short = _SHORT.get(text[1])
    if short is not None:
        return short
    code = int(text[2:], 16)
    if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        raise _Fallback  # libyaml refuses it: its error, not ours
    return chr(code)


def _plain_value(token: str, flow: bool, resolvers: dict[Any, Any]) -> Any:
    """What libyaml and the loader make of a plain scalar, or :data:`_REJECTED`."""
    if not token or token[0] == " " or token[-1] == " ":
        return _REJECTED
    block, in_flow = yaml_text.indicators(token)
    if in_flow if flow else block:
        return _REJECTED
    kind = yaml_text.implicit_tag(token, resolvers).rsplit(":", 1)[-1]
    if kind == "str":
        return token
    if kind == "null":
        return None
    if kind == "bool":
        return _BOOLS[token.lower()]
    if kind == "int" and _INT.match(token):
        return int(token)
    if kind == "float" and _FLOAT.match(token):
        return float(token)
    return _REJECTED  # merge, value, timestamp, 0o17, 1_000, .inf: libyaml's


class _Reader:
    """One head's lines, read from the top; :class:`_Fallback` at the first doubt."""

    def __init__(self, lines: list[str], resolvers: dict[Any, Any]) -> None:
        self.lines = lines
        self.pos = 0
        self.resolvers = resolvers
        known = _MEMORIES.get(id(resolvers))
        if known is None or known[0] is not resolvers:
            if len(_MEMORIES) >= 8:
                _MEMORIES.clear()
            known = _MEMORIES[id(resolvers)] = (resolvers, _Memory())
        self.memory = known[1]
        self.memory.bound()

    def plain(self, token: str, flow: bool) -> Any:
        remembered = self.memory.plain
        value = remembered.get((token, flow), _REJECTED)
        if value is _REJECTED and (token, flow) not in remembered:
            value = remembered[token, flow] = _plain_value(token, flow, self.resolvers)
        if value is _REJECTED:
            raise _Fallback
        return value

    @staticmethod
    def quoted(text: str, start: int) -> tuple[str, int]:
        """The quoted scalar at ``text[start]`` on this line, and the index after it."""
        if text[start] == "'":
            index = start + 1
            while True:
                end = text.find("'", index)
                if end < 0:
                    raise _Fallback  # continued on the next line
                if text[end + 1:end + 2] != "'":
                    return text[start + 1:end].replace("''", "'"), end + 1
                index = end + 2
        index = start + 1
        while True:
            match = _QUOTE_OR_ESCAPE.search(text, index)
            if match is None:
                raise _Fallback
            if match.group() == "\\":
                index = match.end() + 1
                continue
            body = text[start + 1:match.start()]
            if "\\" in body:
                if not _DOUBLE_BODY.match(body):
                    raise _Fallback
                body = _ESCAPES.sub(_unescape, body)
            return body, match.end()

    def key(self, text: str, flow: bool) -> tuple[str, int]:
        """A key at the start of ``text`` and the index of its ':'."""
        if text[:1] in ("'", '"'):
            key, end = self.quoted(text, 0)
        else:
            end = text.find(": ")
            if end < 0:
                end = len(text) - 1
            key = self.plain(text[:end], flow)
            if type(key) is not str:
                raise _Fallback
        if end > _MAX_KEY or text[end:end + 1] != ":":
            raise _Fallback
        return key, end

    def scalar(self, text: str) -> Any:
        """A scalar or flow mapping that is the whole rest of a line."""
        first = text[:1]
        if first in ("'", '"'):
            value, end = self.quoted(text, 0)
            if end != len(text):
                raise _Fallback
            return value
        if first == "{":
            return self.flow(text)
        return self.plain(text, False)

    def flow(self, text: str) -> dict[str, Any]:
        """``{key: value, …}``, the whole rest of a line."""
        result: dict[str, Any] = {}
        index = 1
        while True:
            key, index = self.flow_scalar(text, index)
            if type(key) is not str or key in result or text[index:index + 2] != ": ":
                raise _Fallback
            result[key], index = self.flow_scalar(text, index + 2)
            if text[index:index + 2] == ", ":
                index += 2
            elif index == len(text) - 1 and text[index] == "}":
                return result
            else:
                raise _Fallback

    def flow_scalar(self, text: str, start: int) -> tuple[Any, int]:
        if text[start:start + 1] in ("'", '"'):
            return self.quoted(text, start)
        match = _FLOW_END.search(text, start)
        if match is None:
            raise _Fallback
        return self.plain(text[start:match.start()], True), match.start()

    def indent(self) -> tuple[int, str]:
        """The next line's indentation and text, (-1, "") past the last line."""
        if self.pos >= len(self.lines):
            return -1, ""
        line = self.lines[self.pos]
        text = line.lstrip(" ")
        return len(line) - len(text), text

    def mapping(self, indent: int, depth: int, text: str) -> dict[str, Any]:
        """A block mapping whose first entry is ``text``, on the line at ``pos``."""
        if depth > NESTING:
            raise _Fallback
        result: dict[str, Any] = {}
        entries = self.memory.entries
        while True:
            entry = entries.get(text)
            if entry is not None:
                key, value, flow = entry
                if key in result:
                    raise _Fallback
                result[key] = dict(value) if flow else value
                self.pos += 1
            elif text[:2] == "- " or text == "-":
                raise _Fallback
            else:
                key, end = self.key(text, False)
                if key in result:
                    raise _Fallback  # duplicate keys: libyaml and the schema's check say
                self.pos += 1
                if end + 1 == len(text):
                    result[key] = self.block(indent, depth)
                elif text[end + 1] == " ":
                    value = result[key] = self.scalar(text[end + 2:])
                    flow = type(value) is dict
                    entries[text] = (key, tuple(value.items()) if flow else value, flow)
                else:
                    raise _Fallback
            column, text = self.indent()
            if column < indent:
                return result
            if column > indent:
                raise _Fallback

    def block(self, indent: int, depth: int) -> Any:
        """The value of ``key:`` alone on its line: the lines below."""
        column, text = self.indent()
        if text[:2] == "- " and column in (indent, indent + 2):
            return self.sequence(column, depth + 1)
        if column == indent + 2:
            return self.mapping(column, depth + 1, text)
        raise _Fallback

    def sequence(self, indent: int, depth: int) -> list[Any]:
        if depth > NESTING:
            raise _Fallback
        result: list[Any] = []
        items = self.memory.items
        while True:
            item = self.lines[self.pos][indent + 2:]
            known = items.get(item)
            first = item[:1]
            if known is not None:
                value, flow = known
                result.append(dict(value) if flow else value)
                self.pos += 1
                nested = False
            elif first in ("'", '"'):
                _value, end = self.quoted(item, 0)
                nested = end != len(item)
            else:
                nested = first != "{" and (": " in item or item[-1:] == ":")
            if nested:
                result.append(self.mapping(indent + 2, depth + 1, item))
            elif known is None:
                value = self.scalar(item)
                flow = type(value) is dict
                items[item] = (tuple(value.items()) if flow else value, flow)
                result.append(value)
                self.pos += 1
            column, text = self.indent()
            if column < indent or (column == indent and text[:2] != "- "):
                return result
            if column > indent:
                raise _Fallback


def read(head: str, resolvers: dict[Any, Any]) -> dict[str, Any] | None:
    """The values of ``head`` as the safe loader with ``resolvers`` builds them, or
    ``None`` when the text is not of the grammar above (the caller reads it with
    libyaml)."""
    if not head or head[0] in (" ", "#") or "\n#" in head or _OUTSIDE.search(head):
        return None  # a comment line, the usual hand edit: no line read in vain
    lines = head.split("\n")
    if lines[-1] == "":
        lines.pop()
    for line in lines:
        if not line or line[-1] == " ":
            return None
    reader = _Reader(lines, resolvers)
    try:
        result = reader.mapping(0, 1, lines[0])
    except _Fallback:
        return None
    return result if reader.pos == len(lines) else None
