"""The YAML front matter of an editors' file, written and read in one libyaml pass.

An import writes thousands of these. Dumping them field by field through PyYAML's
pure-Python emitter was half of the import's time; PyYAML's representer, walking the
values to build the node tree, was still a third of what remained, and the node tree
built here directly, handed to libyaml's emitter, still half a millisecond a file.
So a front matter of the usual shape is written as text in one pass
(:mod:`inventaire.core.yaml_text`, byte for byte what libyaml writes), and only the
others go to libyaml: the node tree built here from the plain values a front matter
holds (str, int, float, bool, None, lists and mappings), libyaml's emitter
(``CSafeDumper``; PyYAML's ``SafeDumper`` where PyYAML was built without libyaml)
writing it out, quoting and escaping every scalar as the YAML spec requires. Any
other value, and values that contain themselves (YAML anchors allow it), go through
PyYAML's own representer, which writes the same YAML more slowly.

Block style at the top level and in lists; :class:`Flow` mappings on one line.
Dates stay plain strings (``2013-04-19T14:32:07+02:00``): the timestamp resolver is
left out, for the reader (:mod:`inventaire.core.postfile`) as for the writer.

Reading (:func:`load`) is bounded: editors' files are hand-edited and may come from
anyone, and YAML lets 500 bytes stand for gigabytes (« billion laughs »: aliases of
aliases, each repeating the one before nine times) or nest deeper than any walk of
the values can go. The node tree is composed once by libyaml, walked once without
recursion, and refused before any value is built if a node is reached twice (an
alias), an anchor is written, or values nest deeper than :data:`MAX_DEPTH`. Before
that, a front matter of the shapes :mod:`inventaire.core.yaml_text` writes is read
in one pass by :mod:`inventaire.core.yaml_read` (no alias, no anchor, bounded depth
by construction); it leaves everything else to libyaml.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from inventaire.core import yaml_read, yaml_text
from inventaire.core.errors import PostFileError
from inventaire.core.yaml_text import IMPLICIT_RESOLVERS, Flow  # also imported from here

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"

_SafeDumperBase: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Unsupported(Exception):
    """A value the direct node builder leaves to PyYAML's representer."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> ScalarNode:
    return dumper.represent_scalar(_STR, value, style='"' if yaml_text.quoted(value) else None)


def _flow_representer(dumper: yaml.SafeDumper, value: Flow) -> MappingNode:
    return dumper.represent_mapping(_MAP, value, flow_style=True)


_TAGS: dict[tuple[type[Any], str, tuple[bool, bool]], str] = {}  # see RememberedTags


class RememberedTags(yaml.resolver.Resolver):
    """A resolver that remembers the implicit tag of each scalar it has seen.

    The tag depends only on the value and the resolvers, the same for every file, and
    the same values ("twitter", "candidate", "fr", "jdtap") come back in every file;
    the emitter asks twice per scalar, the parser once. Answers are kept per class
    (each may have its own resolvers); path resolvers are never remembered.
    """

    def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is not ScalarNode or self.yaml_path_resolvers:
            return str(super().resolve(kind, value, implicit))
        key = (type(self), value, implicit)
        tag = _TAGS.get(key)
        if tag is None:
            tag = str(super().resolve(kind, value, implicit))
            if len(_TAGS) >= 50_000:  # a bound on the memory, not a cache policy
                _TAGS.clear()
            _TAGS[key] = tag
        return tag


class _Dumper(RememberedTags, _SafeDumperBase):  # type: ignore[valid-type,misc]
    """libyaml's safe dumper, with the resolvers above and remembered tags."""


_Dumper.yaml_implicit_resolvers = IMPLICIT_RESOLVERS
_Dumper.add_representer(str, _str_representer)
_Dumper.add_representer(Flow, _flow_representer)

_OPTIONS: dict[str, Any] = {"allow_unicode": True, "width": 1_000_000}


def _node(value: Any, open_: set[int]) -> Node:
    """The YAML node of ``value``; ``open_`` holds the containers being built."""
    kind = type(value)
    if kind is str:
        return ScalarNode(_STR, value, style='"' if yaml_text.quoted(value) else None)
    if kind is bool:
        return ScalarNode(_BOOL, "true" if value else "false")
    if kind is int:
        return ScalarNode(_INT, str(value))
    if kind is float:
        return ScalarNode(_FLOAT, yaml_text.float_text(value))
    if value is None:
        return ScalarNode(_NULL, "null")
    if kind in (dict, Flow, list):
        if id(value) in open_:
            raise _Unsupported  # a value that contains itself: anchors needed
        open_.add(id(value))
        node: Node
        if kind is list:
            node = SequenceNode(_SEQ, [_node(item, open_) for item in value], flow_style=False)
        else:
            node = MappingNode(_MAP, [(_node(k, open_), _node(v, open_))
                                      for k, v in value.items()], flow_style=kind is Flow)
        open_.discard(id(value))
        return node
    raise _Unsupported


def dump(fields: dict[str, Any]) -> str:
    """``fields`` as a YAML block mapping, in their order, ending with a newline."""
    try:
        return yaml_text.block_mapping(fields)
    except (yaml_text.Unsupported, RecursionError):
        return dump_with_libyaml(fields)


def dump_with_libyaml(fields: dict[str, Any]) -> str:
    """:func:`dump` through libyaml's emitter (or PyYAML's representer): for what
    :mod:`inventaire.core.yaml_text` does not write, and the reference its tests
    compare with."""
    try:
        node = _node(fields, set())
    except (_Unsupported, RecursionError):
        return str(yaml.dump(fields, Dumper=_Dumper, default_flow_style=False,
                             sort_keys=False, **_OPTIONS))
    return str(yaml.serialize(node, Dumper=_Dumper, **_OPTIONS))


# ----------------------------------------------------------------------- reading

# A post's front matter nests four deep (the file, ``media``, an item, its values), a
# poll in ``extra`` six; libyaml itself stops at 1000, past what a walk in Python can.
MAX_DEPTH = 16

_SafeLoaderBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Loader(RememberedTags, _SafeLoaderBase):  # type: ignore[valid-type,misc]
    """libyaml's safe loader, timestamps kept as strings (a post's date is parsed by
    :func:`inventaire.core.postfile.parse_date`, its offset never converted)."""


Loader.yaml_implicit_resolvers = IMPLICIT_RESOLVERS


class DateLoader(RememberedTags, _SafeLoaderBase):  # type: ignore[valid-type,misc]
    """libyaml's safe loader with YAML's dates (places' and pages' front matter)."""


ALIAS_FIX = "write the value out in full: YAML anchors ('&') and aliases ('*') are " \
    "not allowed in editors' files"


DEPTH_FIX = "write the field as the editors' guide shows it (lists and mappings a few " \
    "levels deep at most)"


def _key_of_line(head: str, line: int) -> str:
    """The top-level key above ``line`` (0-based in ``head``), for the message."""
    lines = head.split("\n")
    for index in range(min(line, len(lines) - 1), -1, -1):
        text = lines[index]
        if text[:1] not in ("", " ", "\t", "-", "#") and ":" in text:
            return text.split(":", 1)[0].strip().strip("'\"") or "front matter"
    return "front matter"


def _refuse(head: str, path: str, first_line: int, node_line: int, what: str,
            fix: str) -> PostFileError:
    return PostFileError(path, node_line + first_line, _key_of_line(head, node_line),
                         what, fix)


def _check_anchors(head: str, path: str, first_line: int, loader: type[Any]) -> None:
    """An anchor (``&name``) even without its alias: read through the events, only
    when the text holds a '&' (most files hold none)."""
    for event in yaml.parse(head, Loader=loader):
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            what = (f"an alias ('*{anchor}') repeats a value written elsewhere"
                    if isinstance(event, yaml.AliasEvent) else
                    f"an anchor ('&{anchor}') marks a value to repeat elsewhere")
            line = event.start_mark.line if event.start_mark is not None else 0
            raise _refuse(head, path, first_line, line, what, ALIAS_FIX)


def _check_tree(root: Node, head: str, path: str, first_line: int) -> None:
    """Walk the node tree once, iteratively: every node reached once, none deeper
    than :data:`MAX_DEPTH`. A node reached twice is an alias."""
    seen: set[int] = set()
    stack: list[tuple[Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            raise _refuse(head, path, first_line, node.start_mark.line,
                          "an alias ('*') repeats a value written elsewhere", ALIAS_FIX)
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise _refuse(head, path, first_line, node.start_mark.line,
                          f"values nest more than {MAX_DEPTH} levels deep", DEPTH_FIX)
        if isinstance(node, SequenceNode):
            stack.extend((item, depth + 1) for item in node.value)
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                stack.append((key, depth + 1))
                stack.append((value, depth + 1))


def load(head: str, path: str, first_line: int = 2, loader: type[Any] = Loader) -> Any:
    """The values of a front matter, refused before they are built when they would
    not be bounded by the text (aliases, anchors, deep nesting): a
    :class:`PostFileError` at the line, its field and the fix. ``first_line`` is the
    file's line of the head's first line. YAML's own errors are raised as they are
    (:func:`inventaire.core.schema.yaml_error` words them)."""
    if loader is Loader or loader is DateLoader:  # the shapes an import writes, fast
        values = yaml_read.read(head, loader.yaml_implicit_resolvers)
        if values is not None:
            return values
    if "&" in head:
        _check_anchors(head, path, first_line, loader)
    reader = loader(head)
    try:
        try:
            node = reader.get_single_node()
        except yaml.YAMLError as error:  # libyaml's own limit, at 1000 levels
            mark = getattr(error, "problem_mark", None)
            if mark is None or "nesting depth" not in str(getattr(error, "problem", "")):
                raise
            raise _refuse(head, path, first_line, mark.line,
                          f"values nest more than {MAX_DEPTH} levels deep", DEPTH_FIX
                          ) from None
        if node is None:
            return None
        _check_tree(node, head, path, first_line)
        return reader.construct_document(node)
    finally:
        reader.dispose()
