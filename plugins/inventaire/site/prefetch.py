"""The posts parsed on every core before Pelican reads them.

Pelican reads the posts one after the other on one core; parsing them (the YAML
front matter, the text to HTML) is most of that time, and the other core waits.
When the articles' generator is made (``article_generator_init``), this module forks
``INVENTAIRE_RENDER_WORKERS - 1`` children (one per CPU by default, as the render
workers); each parses its share of the post files with the build's own reader and
sends the results back through a pipe, while the parent parses its own share. Every
result goes into the reader's memory of parsed posts (:mod:`.readmemo`), under the
key the reader itself will look for (the file's bytes, the settings, the rights
register), and the reader is told which bytes of which file were read: when Pelican
then reads each file, the reader takes it from the memory without reading the file
a second time (each file is read once per build, as Pelican alone reads it). A file
that failed to parse is read and parsed again by Pelican's reading, its error logged
by the parent as always. Nothing a child does reaches the output but these values.
"""

from __future__ import annotations

import logging
import os
import pickle
from pathlib import Path
from typing import Any

from inventaire.core.errors import PostFileError

from . import readmemo
from .reader import InventaireReader, post_reader
from .workers import die_with_parent, worker_count

logger = logging.getLogger(__name__)


def post_paths(generator: Any, reader: InventaireReader) -> list[str]:
    """The posts Pelican will read, named as it will name them (absolute paths)."""
    found = generator.get_files(generator.settings["ARTICLE_PATHS"],
                                exclude=generator.settings["ARTICLE_EXCLUDES"])
    paths = (os.path.abspath(os.path.join(generator.path, name)) for name in found)
    return sorted(path for path in paths if reader.is_post(path))


def already_parsed(reader: InventaireReader, path: str) -> bool:
    """Whether the memory holds the post as its file is now; if so, the reader is told
    this build read it (:meth:`InventaireReader.read_before`). The preview's builder,
    which asks, lives from one build to the next: a file it hashed before and that
    was not written since is not read again (:func:`.signature.file_digest`, the same
    SHA-256 as :func:`.readmemo.file_key`)."""
    file_key = reader.file_key_of(path)
    if file_key is None:
        return True  # Pelican says what is wrong with it
    key = reader.memo_key(file_key, path)
    if key is None or not readmemo.holds(key):
        return False
    reader.read_before(path, file_key)
    return True


Parsed = tuple[str, bytes, bytes, readmemo.Parsed]  # path, file key, memory key, value


def parse_share(reader: InventaireReader, paths: list[str]) -> list[Parsed]:
    """Each post of ``paths`` that parses, parsed (the reader keeps it in its memory
    too: the parent's own share needs nothing more, a child's is sent back)."""
    parsed: list[Parsed] = []
    for path in paths:
        try:
            raw = Path(path).read_bytes()
            file_key = readmemo.file_key(raw)
            value = reader.parse_post(raw, path, file_key)
        except (OSError, PostFileError):
            continue  # the parent reads it again and says why
        key = reader.memo_key(file_key, path)
        if key is not None:
            parsed.append((path, file_key, key, value))
    return parsed


def keep_parsed(reader: InventaireReader, parsed: list[Parsed]) -> None:
    """Into the memory (values a child sent, which no one else holds), and the
    reader told that this build has read these files."""
    for path, file_key, key, value in parsed:
        readmemo.keep(key, value)
        reader.read_before(path, file_key)


def prefetch(generator: Any) -> None:
    """``article_generator_init``: parse the posts on every core into the reader's
    memory (see the module's docstring)."""
    reader = post_reader(generator)
    count = worker_count(generator.settings)
    if reader is None or count <= 1 or not hasattr(os, "fork"):
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
    for path, file_key, _key, _value in parse_share(reader, shares[0]):
        reader.read_before(path, file_key)  # parse_post kept it in the memory
    for pid, read_end in children:
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()
        os.waitpid(pid, 0)
        try:
            results = pickle.loads(data) if data else []
        except (pickle.UnpicklingError, EOFError, ValueError):
            results = []  # the parent parses that share itself, as Pelican reads it
        keep_parsed(reader, results)


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
