"""A front matter's YAML written in one pass, byte for byte as libyaml writes it.

An import writes one editors' file per post, ten thousand of them in a big day.
Building PyYAML's node tree and handing it to libyaml's emitter cost half a
millisecond per file, most of it in Python: a node object per value, and the
emitter calling back into the resolver twice per scalar. The front matter of a post
is always the same shape (a block mapping of plain keys; scalars, one-line
:class:`Flow` mappings, lists of them), so it is written here directly, as text:
each scalar styled by libyaml's own rules (``yaml_emitter_analyze_scalar`` and
``yaml_emitter_select_scalar_style`` in libyaml's ``emitter.c``, with the options
:mod:`inventaire.core.front_matter` gives it: ``allow_unicode``, a width of a
million, indentation 2), and the renderings of the values that come back in every
file ("twitter", "candidate", "fr", a hashtag) remembered.

Anything outside the shapes below raises :class:`Unsupported`, and the caller
(:func:`inventaire.core.front_matter.dump`) hands the whole mapping to libyaml:

* line breaks in a string (``\\n``, ``\\r``, NEL, LS, PS: libyaml's multi-line
  styles), lone surrogates, a rendered text of 900,000 characters or more (libyaml
  folds lines past its width);
* empty lists or mappings, a list directly in a list, a list or mapping inside a
  :class:`Flow` mapping, keys that are not strings or longer than 128 bytes (libyaml
  writes them as ``? key``), values of any type but ``str``, ``int``, ``float``,
  ``bool`` and ``None`` (subclasses included), nesting deeper than
  :data:`MAX_NESTING` (a value that contains itself ends there).

``tests/test_front_matter_text.py`` compares this writer with libyaml's output for
tricky values (quotes, colons, ``yes``/``no``/``null``, numbers as strings, emoji,
leading spaces, long texts, random strings) and shapes.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

# PyYAML's implicit resolvers without the timestamp one: "2013-04-19T14:32:07+02:00"
# is a string, its offset never lost or converted.
IMPLICIT_RESOLVERS = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"

MAX_NESTING = 24
_MAX_TEXT = 900_000  # below libyaml's width (1,000,000): no line can be folded
_MAX_KEY_BYTES = 128  # libyaml's longest simple key
_REMEMBERED = 50_000  # a bound on the memory, not a cache policy


class Flow(dict[str, Any]):
    """A small mapping written on one line (an entity, ``declaimed``)."""


class Unsupported(Exception):
    """A value this writer leaves to libyaml (see the module's docstring)."""


# libyaml's multi-line styles, and what cannot be encoded as UTF-8.
_UNSAFE = re.compile("[\r\n\x85\u2028\u2029\ud800-\udfff]")
# What libyaml cannot print as it is (IS_PRINTABLE: no C0 or C1 controls, no BOM,
# no U+FFFE/U+FFFF, nothing beyond the BMP: an emoji is written "\U0001F600").
_SPECIAL = re.compile("[^\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd]")
# What a double-quoted scalar escapes (breaks excluded above).
_ESCAPED = re.compile('["\\\\\x00-\x1f\x7f-\x9f\ufeff\ufffe\uffff\U00010000-\U0010ffff]')
_SHORT_ESCAPES = {"\x00": "\\0", "\x07": "\\a", "\x08": "\\b", "\x09": "\\t",
                  "\x0b": "\\v", "\x0c": "\\f", "\x1b": "\\e", '"': '\\"', "\\": "\\\\"}
_FIRST_INDICATORS = frozenset("#,[]{}&*!|>'\"%@`")
_FLOW_INDICATORS = re.compile(r"[,?\[\]{}:]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    short = _SHORT_ESCAPES.get(char)
    if short is not None:
        return short
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02X}"
    if code <= 0xFFFF:
        return f"\\u{code:04X}"
    return f"\\U{code:08X}"


def double_quoted(value: str) -> str:
    """``value`` in double quotes, escaped as libyaml escapes it."""
    return '"' + _ESCAPED.sub(_escape, value) + '"'


def implicit_tag(value: str, resolvers: dict[Any, Any] = IMPLICIT_RESOLVERS) -> str:
    """The tag a plain scalar ``value`` reads back as (PyYAML's Resolver.resolve) with
    a loader's ``resolvers`` (this writer's own by default; the reader,
    :mod:`inventaire.core.yaml_read`, passes its loader's)."""
    first = resolvers.get(value[0] if value else "", [])
    for tag, regexp in [*first, *resolvers.get(None, [])]:
        if regexp.match(value):
            return str(tag)
    return _STR


def indicators(value: str) -> tuple[bool, bool]:
    """(block, flow): whether a plain ``value`` would be misread in block context, in
    flow context (libyaml's analysis for a one-line scalar of printable characters).
    The writer quotes such a value; the reader leaves one written plain to libyaml."""
    first = value[0]
    followed = len(value) == 1 or value[1] == " "
    block = (value[:3] in ("---", "...") or first in _FIRST_INDICATORS
             or (first in "?:-" and followed) or ": " in value or value.endswith(":")
             or " #" in value)
    return block, block or _FLOW_INDICATORS.search(value) is not None


def _style(value: str, flow: bool) -> str:
    """A string as libyaml writes it with no style asked (plain if it can)."""
    if not value:
        return "''"  # plain '' reads back as null
    if _UNSAFE.search(value):
        raise Unsupported
    if _SPECIAL.search(value):
        return double_quoted(value)
    block, in_flow = indicators(value)
    if (value[0] != " " and value[-1] != " " and not (in_flow if flow else block)
            and implicit_tag(value) == _STR):
        return value
    return "'" + value.replace("'", "''") + "'"


def quoted(value: str) -> bool:
    """Ids in double quotes, so that no tool reads them as numbers; a plain scalar
    cannot start with '@' or '`' (reserved indicators); "" as it always was."""
    return not value or value.isdigit() or value[0] in ("@", "`")


# Renderings remembered: of strings in block and in flow context, and of keys with
# their colon (a key's rendering is its string's, once its length is checked).
_BLOCK: dict[str, str] = {}
_IN_FLOW: dict[str, str] = {}
_BLOCK_KEYS: dict[str, str] = {}
_FLOW_KEYS: dict[str, str] = {}


def _remember(remembered: dict[Any, str], value: Any, text: str) -> str:
    if len(remembered) >= _REMEMBERED:
        remembered.clear()
    remembered[value] = text
    return text


def _string(value: str, flow: bool) -> str:
    """A string's rendering, remembered."""
    remembered = _IN_FLOW if flow else _BLOCK
    text = remembered.get(value)
    if text is None:
        if quoted(value):
            if _UNSAFE.search(value):
                raise Unsupported
            text = _remember(remembered, value, double_quoted(value))
        else:
            text = _remember(remembered, value, _style(value, flow))
    return text


def _key(key: Any, flow: bool) -> str:
    """``key:`` (a simple key: a string of 128 bytes at most)."""
    if type(key) is not str:
        raise Unsupported
    remembered = _FLOW_KEYS if flow else _BLOCK_KEYS
    text = remembered.get(key)
    if text is None:
        if len(key) > _MAX_KEY_BYTES // 4 and len(key.encode("utf-8")) > _MAX_KEY_BYTES:
            raise Unsupported
        text = _remember(remembered, key, _string(key, flow) + ":")
    return text


def float_text(value: float) -> str:
    """As PyYAML's SafeRepresenter writes a float (``1e17`` becomes ``1.0e+17``)."""
    if value != value:
        return ".nan"
    if value in (float("inf"), float("-inf")):
        return ".inf" if value > 0 else "-.inf"
    text = repr(value).lower()
    if "." not in text and "e" in text:
        text = text.replace("e", ".0e", 1)
    return text


def scalar(value: Any, flow: bool = False) -> str:
    """A scalar as libyaml writes it, in block or flow context; :class:`Unsupported`
    for anything else."""
    kind = type(value)
    if kind is str:
        return _string(value, flow)
    if kind is bool:
        return "true" if value else "false"
    if value is None:
        return "null"
    if kind is int:
        return str(value)  # always an int to the resolver: [-+]?(0|[1-9][0-9_]*)
    if kind is float:
        text = float_text(value)
        if implicit_tag(text) != _FLOAT:
            raise Unsupported
        return text
    raise Unsupported


def _flow(mapping: Flow) -> str:
    """``{key: value, …}`` on one line."""
    if not mapping:
        raise Unsupported
    parts = []
    for key, value in mapping.items():
        kind = type(value)
        if kind is str:
            text = _IN_FLOW.get(value) or _string(value, True)
        elif kind is int:
            text = str(value)
        else:
            text = scalar(value, True)
        parts.append(f"{_key(key, True)} {text}")
    return "{" + ", ".join(parts) + "}"


def _mapping(mapping: dict[str, Any], indent: int, out: list[str], inline: bool,
             depth: int) -> None:
    """A block mapping's lines at ``indent``; ``inline``: its first key goes on the
    current line (a list item's ``- ``). Lists go at the key's indentation, as libyaml
    writes a sequence in a mapping."""
    if not mapping or depth > MAX_NESTING:
        raise Unsupported
    pad = "\n" + " " * indent
    for key, value in mapping.items():
        head = _key(key, False)
        out.append(head if inline else pad + head)
        inline = False
        kind = type(value)
        if kind is str:
            out.append(" " + (_BLOCK.get(value) or _string(value, False)))
        elif kind is list:
            _sequence(value, indent, out, depth + 1)
        elif kind is dict:
            _mapping(value, indent + 2, out, False, depth + 1)
        elif kind is Flow:
            out.append(" " + _flow(value))
        else:
            out.append(" " + scalar(value))


def _sequence(items: list[Any], indent: int, out: list[str], depth: int) -> None:
    if not items or depth > MAX_NESTING:
        raise Unsupported
    dash = "\n" + " " * indent + "-"
    for item in items:
        kind = type(item)
        if kind is dict:
            out.append(dash + " ")
            _mapping(item, indent + 2, out, True, depth + 1)
        elif kind is Flow:
            out.append(f"{dash} {_flow(item)}")
        elif kind is list:
            raise Unsupported
        else:
            out.append(f"{dash} {scalar(item)}")


def block_mapping(fields: dict[str, Any]) -> str:
    """``fields`` as libyaml writes a block mapping at the top of a document, ending
    with a newline; :class:`Unsupported` when it holds what this writer leaves to
    libyaml."""
    if type(fields) is not dict:
        raise Unsupported
    out: list[str] = []
    _mapping(fields, 0, out, True, 0)
    out.append("\n")
    text = "".join(out)
    if len(text) >= _MAX_TEXT:
        raise Unsupported
    return text
