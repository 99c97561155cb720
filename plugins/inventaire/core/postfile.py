"""The editors' file: YAML front matter, then the post's text verbatim.

This is the contract between the tool and the editors (README.md, « The editor's
guide »): one file per post at ``content/posts/<YYYY-MM-DD>/<HHhMM>-<id>.md``. The
body is never interpreted as Markdown or HTML. Reading is strict and every problem
names the file, the line, the field and the fix, because editors fix these files by
hand.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from inventaire.core import front_matter, schema
from inventaire.core.atomic import write_atomic
from inventaire.core.errors import PostFileError
from inventaire.core.front_matter import Flow
from inventaire.core.model import (
    CONSENTS,
    NETWORKS,
    STATUSES,
    Declaimed,
    Entity,
    Media,
    Metrics,
    Post,
)
from inventaire.core.text.handles import normal_handle

FRONT = "---"

# The fields and their order are the schema's (:mod:`inventaire.core.schema`).
FIELD_ORDER = schema.FIELD_ORDER
KNOWN_FIELDS = schema.KNOWN_FIELDS


def post_path(post: Post, root: Path) -> Path:
    """Where a post's file lives under ``content/posts``: named by its
    :attr:`~inventaire.core.model.Post.slug` (network and id, but a tweet's id alone)."""
    return root / f"{post.date.strftime('%Y-%m-%d/%Hh%M')}-{post.slug}.md"  # one join


# libyaml's parser reads the sample day's files about 7× faster than the pure-Python
# one, with the same safe constructors (PyYAML's where it was built without libyaml);
# timestamps are kept as strings: we parse them ourselves. Reading goes through
# front_matter.load, which refuses aliases and deep nesting before building values.
_Loader = front_matter.Loader


class _PyLoader(yaml.SafeLoader):
    """The pure-Python twin of :class:`_Loader`, used only to locate an error."""


_PyLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


def _python_parse_error(head: str) -> yaml.YAMLError | None:
    try:
        yaml.load(head, Loader=_PyLoader)
    except yaml.YAMLError as error:
        return error
    except RecursionError:  # nesting libyaml refused; its own error says where
        return None
    return None


def split_front_matter(text: str, path: str) -> tuple[str, str, int]:
    """Return (yaml, body, first body line number)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip("\r") != FRONT:
        raise PostFileError(path, 1, "front matter", "the file does not start with '---'",
                            "put the YAML fields between two '---' lines at the top")
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r") == FRONT:
            head = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1:])
            return head, body, index + 2
    raise PostFileError(path, 1, "front matter", "the closing '---' line is missing",
                        "add a line '---' after the last field")


def read_front_matter(path: Path) -> tuple[dict[str, Any], str]:
    """The YAML front matter (a mapping) and the body of an editors' Markdown page.

    For places and pages, whose dates may be YAML dates. Raises :class:`PostFileError`
    naming the file, the line and the fix.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise PostFileError(str(path), 1, "encoding", "not UTF-8", "save the file as UTF-8"
                            ) from None
    head, body, _line = split_front_matter(text, str(path))
    try:
        data = front_matter.load(head, str(path), loader=front_matter.DateLoader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise PostFileError(str(path), mark.line + 2 if mark else 1, "front matter",
                            f"YAML error: {getattr(error, 'problem', None) or error}",
                            "check the indentation and quote values that contain ':' or '#'"
                            ) from None
    if not isinstance(data, dict):
        raise PostFileError(str(path), 2, "front matter", "the front matter is not a mapping",
                            "write one 'field: value' per line")
    return data, body


def field_lines(head: str) -> dict[str, int]:
    """Line numbers (in the file) of each top-level key, for error messages."""
    lines: dict[str, int] = {}
    try:
        node = yaml.compose(head, Loader=_Loader)
    except yaml.YAMLError:
        return lines
    if isinstance(node, yaml.MappingNode):
        for key_node, _value in node.value:
            lines[str(key_node.value)] = key_node.start_mark.line + 2
    return lines


def parse_date(value: Any, path: str, line: int) -> datetime:
    """An ISO 8601 date with its UTC offset; a date without one is ambiguous."""
    if isinstance(value, datetime):
        parsed = value
    else:
        try:
            parsed = datetime.fromisoformat(str(value))
        except ValueError:
            raise PostFileError(path, line, "date", f"{value!r} is not an ISO 8601 date",
                                "write it as 2013-04-19T14:32:07+02:00") from None
    if parsed.tzinfo is None:
        raise PostFileError(path, line, "date", f"{value!r} has no UTC offset",
                            "add the offset of the day's zone, e.g. +02:00") from None
    return parsed


class _LazyLines:
    """Line numbers of the fields, composed only when an error needs one.

    Composing the YAML a second time doubled the cost of reading a file; the lines
    matter only for error messages.
    """

    def __init__(self, head: str) -> None:
        self.head = head
        self.lines: dict[str, int] | None = None

    def get(self, name: str, default: int) -> int:
        if self.lines is None:
            self.lines = field_lines(self.head)
        return self.lines.get(name, default)


def _choice(data: dict[str, Any], name: str, allowed: tuple[str, ...], default: str,
            path: str, lines: _LazyLines) -> str:
    value = data.get(name, default)
    value = default if value is None else str(value)
    if value not in allowed:
        raise PostFileError(path, lines.get(name, 1), name, f"{value!r} is not allowed",
                            f"{schema.nearest(value, allowed)}use one of: "
                            f"{', '.join(allowed)}")
    return value


def _flag(data: dict[str, Any], name: str, default: bool, path: str,
          lines: _LazyLines) -> bool:
    value = data.get(name)
    if value is None or value == "":
        return default
    if isinstance(value, bool):  # the usual case: no line number to look up
        return value
    return schema.boolean(value, name, path, lines.get(name, 2))


def load_post(text: str, path: str = "<post>") -> Post:
    """Parse an editors' file. Raises :class:`PostFileError` on any problem."""
    head, body, _body_line = split_front_matter(text, path)
    try:
        data = front_matter.load(head, path)  # safe, bounded (no aliases, no depth)
    except yaml.YAMLError as c_error:
        # libyaml notices some errors late (an unclosed '[' at the next line); the
        # pure-Python parser points at the line to fix. Errors are rare: parse again.
        error = _python_parse_error(head) or c_error
        raise schema.yaml_error(error, head, path) from None
    if not isinstance(data, dict):
        raise PostFileError(path, 2, "front matter", "the front matter is not a mapping",
                            "write one 'field: value' per line")
    lines = _LazyLines(head)
    schema.duplicate_keys(head, path, _Loader)
    schema.unknown_keys(data, path, lines.get)
    for name in ("id", "network", "date", "author"):
        if data.get(name) in (None, ""):
            raise PostFileError(path, lines.get(name, 2), name, "the field is missing",
                                f"add '{name}:' (it comes from the export; re-import to restore)")
    network = _choice(data, "network", NETWORKS, "twitter", path, lines)
    status = _choice(data, "status", STATUSES, "candidate", path, lines)
    consent = _choice(data, "consent", CONSENTS, "unknown", path, lines)
    try:
        date = parse_date(data["date"], path, 0)
    except PostFileError as error:
        error.line = lines.get("date", 2)
        raise
    try:
        media = [Media.from_dict(item) for item in data.get("media") or []]
    except (TypeError, ValueError, AttributeError):
        raise PostFileError(path, lines.get("media", 2), "media", "each item must be a mapping",
                            "write items as '- file: media/x.jpg' then 'alt: …'") from None
    try:
        entities = [Entity.from_dict(item) for item in data.get("entities") or []]
    except (TypeError, ValueError, KeyError, AttributeError):
        raise PostFileError(path, lines.get("entities", 2), "entities",
                            "an entity lacks type, start or end",
                            "delete the entities field: links are then found from the text"
                            ) from None
    declaimed = None
    raw_declaimed = data.get("declaimed")
    if raw_declaimed:
        if not isinstance(raw_declaimed, dict) or "place" not in raw_declaimed:
            raise PostFileError(path, lines.get("declaimed", 2), "declaimed",
                                "expected a place and a time",
                                'write it as {place: place-saint-sulpice, time: "14:45"}')
        time = raw_declaimed.get("time")
        declaimed = Declaimed(str(raw_declaimed["place"]), "" if time in (None, "") else
                              schema.clock(time, "declaimed", path,
                                           lines.get("declaimed", 2)))
    coordinates = data.get("coordinates")
    if body.endswith("\n"):
        body = body[:-1]
    extra = {k: v for k, v in data.items() if k not in schema.FIELD_ORDER and k != "extra"}
    extra.update(data.get("extra") or {})
    if "withdrawn" in data:
        extra["withdrawn"] = data["withdrawn"]
    return Post(
        id=str(data["id"]),
        network=network,  # type: ignore[arg-type]
        author=normal_handle(str(data["author"])),
        date=date,
        text=body,
        url=str(data.get("url") or ""),
        author_name=str(data.get("author_name") or ""),
        entities=entities,
        media=media,
        place=str(data.get("place") or ""),
        status=status,  # type: ignore[arg-type]
        consent=consent,  # type: ignore[arg-type]
        book=_flag(data, "book", True, path, lines),
        featured=_flag(data, "featured", False, path, lines),
        declaimed=declaimed,
        note=str(data.get("note") or ""),
        reply_to=str(data.get("reply_to") or ""),
        quote_of=str(data.get("quote_of") or ""),
        lang=str(data.get("lang") or ""),
        coordinates=(float(coordinates[0]), float(coordinates[1])) if coordinates else None,
        source=str(data.get("source") or ""),
        extra=extra,
        metrics=_metrics(data, path, lines),
    )


def _metrics(data: dict[str, Any], path: str, lines: _LazyLines) -> Metrics | None:
    """The export's counts (``metrics:``), None when the file has none."""
    if "metrics" not in data:
        return None
    try:
        counts = schema.metrics(data["metrics"], path, 0)
    except PostFileError as error:
        error.line = lines.get("metrics", 2)
        raise
    return Metrics(**counts) if counts else None


def read_post(path: Path) -> Post:
    """Read an editors' file from disk: UTF-8 (a BOM or Latin-1 named as such), its
    fields by the schema, its name consistent with its date."""
    return load_post_file(path.read_bytes(), str(path))


def load_post_file(raw: bytes, path: str) -> Post:
    """:func:`load_post` for a file's bytes at ``path``: what the build and ``check``
    both read, so they accept and refuse the same files."""
    post = load_post(schema.decode(raw, path), path)
    schema.file_name(path, post.date.isoformat(), post.slug, post.id)
    return post


def post_fields(post: Post) -> dict[str, Any]:
    """The front matter of a post, in the order editors read it; empty fields left out."""
    data: dict[str, Any] = {
        "id": post.id,
        "network": post.network,
        "url": post.url,
        "date": post.date.isoformat(),
        "author": post.author,
        "author_name": post.author_name,
        "place": post.place,
        "status": post.status,
        "declaimed": post.declaimed.to_dict() if post.declaimed else None,
        "consent": post.consent,
        "book": post.book,
        "featured": post.featured or None,
        "media": [m.to_dict() for m in post.media] or None,
        "note": post.note,
        "reply_to": post.reply_to,
        "quote_of": post.quote_of,
        "lang": post.lang,
        "coordinates": list(post.coordinates) if post.coordinates else None,
        "source": post.source,
        "metrics": (post.metrics.to_dict() or None) if post.metrics else None,
        "entities": [e.to_dict() for e in post.entities] or None,
    }
    fields = {k: v for k, v in data.items() if v not in (None, "")}
    # The export's flags are fields of their own; anything else (an editor's own
    # field) goes back under 'extra:', where the schema accepts it.
    own = {k: v for k, v in post.extra.items() if k not in schema.KNOWN_FIELDS}
    fields.update({k: v for k, v in post.extra.items() if k in schema.KNOWN_FIELDS})
    if own:
        fields["extra"] = own
    return fields


def _indent_entities(head: str) -> str:
    """Indent the items of the top-level ``entities`` list by two spaces.

    The files have always been written so (one entity per line under the key) and
    the emitter writes lists without indentation; the YAML means the same either way.
    Top-level keys are the only lines that start at column 0 without ``- ``: the
    emitter indents the continuation lines of a quoted scalar.
    """
    key = head.find("\nentities:\n")
    if key < 0:
        return head
    begin = key + len("\nentities:\n")
    lines = head[begin:].split("\n")
    count = 0
    while count < len(lines) and lines[count][:1] in ("-", " ") and lines[count]:
        count += 1
    return head[:begin] + "\n".join(["  " + line for line in lines[:count]]
                                     + lines[count:])


def dump_post(post: Post) -> str:
    """The editors' file for a post; stable byte for byte for the same post."""
    return dump_fields(post_fields(post), post.text)


def dump_fields(fields: dict[str, Any], text: str) -> str:
    """The editors' file for a post's fields (:func:`post_fields`) and its text.

    The front matter is one libyaml pass (:mod:`inventaire.core.front_matter`); the
    text follows verbatim. ``fields`` is left as it is.
    """
    if "entities" in fields or "declaimed" in fields or "metrics" in fields:
        fields = dict(fields)
        if "metrics" in fields:
            fields["metrics"] = Flow(fields["metrics"])
        if "entities" in fields:
            fields["entities"] = [Flow(item) for item in fields["entities"]]
        if "declaimed" in fields:
            fields["declaimed"] = Flow(fields["declaimed"])
    return f"{FRONT}\n{_indent_entities(front_matter.dump(fields))}{FRONT}\n{text}\n"


def write_post(post: Post, root: Path) -> Path:
    """Write a post's file atomically under ``root`` (``content/posts``)."""
    path = post_path(post, root)
    write_atomic(path, dump_post(post))
    return path
