"""The posts parsed on every core before Pelican reads them.

Pelican reads the posts one after the other on one core; parsing them (the YAML
front matter, the text to HTML) is most of that time, and the other core waits.
When the articles' generator is made (``article_generator_init``), this module forks
``INVENTAIRE_RENDER_WORKERS - 1`` children (one per CPU by default, as the render
workers); each parses its share of the post files with the build's own reader and
sends the results back through a pipe, while the parent parses its own share. Every
result goes into the reader's memory of parsed posts (:mod:`.readmemo`), under the
key the reader itself will look for (the file's bytes, the settings, the rights
register), so when Pelican then reads each file the reader finds it parsed, and a
file that changed in between, or failed to parse, is simply parsed again, its error
logged by the parent as always. Nothing a child does reaches the output but these
values.
"""

from __future__ import annotations

import logging
import os
import pickle
from pathlib import Path
from typing import Any

from inventaire.core.errors import PostFileError

from . import readmemo
from .reader import InventaireReader
from .workers import die_with_parent, worker_count

logger = logging.getLogger(__name__)


def post_paths(generator: Any, reader: InventaireReader) -> list[str]:
    """The posts Pelican will read, named as it will name them (absolute paths)."""
    found = generator.get_files(generator.settings["ARTICLE_PATHS"],
                                exclude=generator.settings["ARTICLE_EXCLUDES"])
    paths = (os.path.abspath(os.path.join(generator.path, name)) for name in found)
    return sorted(path for path in paths if reader.is_post(path))


def already_parsed(reader: InventaireReader, path: str) -> bool:
    try:
        key = reader.memo_key(Path(path).read_bytes(), path)
    except OSError:
        return True  # Pelican says what is wrong with it
    return key is not None and readmemo.holds(key)


def parse_share(reader: InventaireReader, paths: list[str]) -> list[tuple[bytes, bytes]]:
    """``(memory key, kept value)`` of each post of ``paths`` that parses."""
    parsed: list[tuple[bytes, bytes]] = []
    for path in paths:
        try:
            raw = Path(path).read_bytes()
            value = reader.parse_post(raw, path)
        except (OSError, PostFileError):
            continue  # the parent reads it again and says why
        kept = readmemo.freeze(value)
        key = reader.memo_key(raw, path)
        if kept is not None and key is not None:
            parsed.append((key, kept))
    return parsed


def prefetch(generator: Any) -> None:
    """``article_generator_init``: parse the posts on every core into the reader's
    memory (see the module's docstring)."""
    reader = getattr(getattr(generator, "readers", None), "readers", {}).get("md")
    count = worker_count(generator.settings)
    if not isinstance(reader, InventaireReader) or count <= 1 or not hasattr(os, "fork"):
        return
    reader.use_memo()
    paths = post_paths(generator, reader)
    if not readmemo.empty():  # the preview's builder: only what it has not parsed
        paths = [path for path in paths if not already_parsed(reader, path)]
    if len(paths) < 2 * count:
        return  # a few posts: Pelican's reading parses them
    shares = [paths[index::count] for index in range(count)]
    children: list[tuple[int, int]] = []
    for share in shares[1:]:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # a child: parse, send, exit without running anything else
            os.close(read_end)
            _child(reader, share, write_end)
        os.close(write_end)
        children.append((pid, read_end))
    for key, kept in parse_share(reader, shares[0]):
        readmemo.keep(key, kept)
    for pid, read_end in children:
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()
        os.waitpid(pid, 0)
        try:
            results = pickle.loads(data) if data else []
        except (pickle.UnpicklingError, EOFError, ValueError):
            results = []  # the parent parses that share itself, as Pelican reads it
        for key, kept in results:
            readmemo.keep(key, kept)


def _child(reader: InventaireReader, share: list[str], write_end: int) -> None:
    die_with_parent()
    status = 1
    try:
        data = pickle.dumps(parse_share(reader, share), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
        status = 0
    except BaseException:  # the parent parses the share itself
        pass
    finally:
        os._exit(status)
