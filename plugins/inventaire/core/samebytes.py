"""Whether two files hold the same bytes: the preview leaves a file of its last
output in place when a build made it again identical (``site/reuse.py``,
``commands/output.py``), instead of moving the new copy over it."""

from __future__ import annotations

import os
import stat
from pathlib import Path


def same_bytes(new: Path | str, old: Path | str) -> bool:
    """Whether ``old`` is a plain file with the mode and exactly the bytes of the plain
    file ``new`` (sizes first: most files that changed differ there); False when
    either cannot be read."""
    try:
        new_stat, old_stat = os.lstat(new), os.lstat(old)
    except OSError:
        return False
    if not (stat.S_ISREG(new_stat.st_mode) and stat.S_ISREG(old_stat.st_mode)) or \
            new_stat.st_size != old_stat.st_size or new_stat.st_mode != old_stat.st_mode:
        return False
    try:
        with open(new, "rb") as new_file, open(old, "rb") as old_file:
            return new_file.read() == old_file.read()
    except OSError:
        return False
