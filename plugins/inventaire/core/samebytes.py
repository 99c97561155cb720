"""Whether two files hold the same bytes: the preview leaves a file of its last
output in place when a build made it again identical (``site/reuse.py``,
``commands/output.py``), instead of moving the new copy over it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

CHUNK = 1 << 20  # read and compared a mebibyte at a time: a difference stops it


def same_bytes(new: Path | str, old: Path | str) -> bool:
    """Whether ``old`` is a plain file with the mode and exactly the bytes of the plain
    file ``new``: the same file (two links to it, such as the book's PDFs linked from
    its edition) at once, else by size, then by content; False when either cannot be
    read."""
    try:
        new_stat, old_stat = os.lstat(new), os.lstat(old)
    except OSError:
        return False
    if not (stat.S_ISREG(new_stat.st_mode) and stat.S_ISREG(old_stat.st_mode)) or \
            new_stat.st_size != old_stat.st_size or new_stat.st_mode != old_stat.st_mode:
        return False
    if os.path.samestat(new_stat, old_stat):
        return True
    try:
        with open(new, "rb") as new_file, open(old, "rb") as old_file:
            while True:
                chunk = new_file.read(CHUNK)
                if chunk != old_file.read(CHUNK):
                    return False
                if not chunk:
                    return True
    except OSError:
        return False
