"""How much one archive may hold in all, whatever its members say.

Each member of a zip or tar archive is bounded on its own (:class:`~.common.Tree`),
but a 256 KB zip of sixty members of zeros, each under that bound, wrote 250 MB to
``content/media/`` (984:1). So an archive is also refused whole, before anything is
read from it or written, when its members are too many or say they inflate to more
than :meth:`ArchiveLimits.budget`: the smaller of ``INVENTAIRE_IMPORT_MAX_BYTES`` and
``INVENTAIRE_IMPORT_MAX_RATIO`` times the archive's own size (above a floor, as small
files of text compress very well). What is really inflated is counted as it is read,
so a header that lies is stopped at the same budget. Real exports are far from these
bounds: photos and videos do not compress, and tweets' JSON about ten to one.
"""

from __future__ import annotations

import runpy
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inventaire.core import settings as inventaire_settings

FLOOR = 4 * 1024 * 1024


@dataclass(frozen=True)
class ArchiveLimits:
    """The settings ``INVENTAIRE_IMPORT_MAX_BYTES``, ``…_MAX_MEMBERS``, ``…_MAX_RATIO``."""

    max_bytes: int = 2 * 1024 ** 3
    max_members: int = 100_000
    ratio: int = 100

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> ArchiveLimits:
        def number(name: str) -> int:
            value = inventaire_settings.get(settings, name)
            return int(value) if isinstance(value, int | float) and value > 0 else 0

        default = cls()
        return cls(number("INVENTAIRE_IMPORT_MAX_BYTES") or default.max_bytes,
                   number("INVENTAIRE_IMPORT_MAX_MEMBERS") or default.max_members,
                   number("INVENTAIRE_IMPORT_MAX_RATIO") or default.ratio)

    def budget(self, compressed: int) -> int:
        """The most an archive of ``compressed`` bytes may inflate to, in all."""
        return min(self.max_bytes, max(FLOOR, self.ratio * max(1, compressed)))

    def refusal(self, members: int, inflated: int, compressed: int,
                how: str = "say they inflate to", kind: str = "zip") -> str:
        """Why the archive is refused whole, or "" when it is within the limits.
        ``how`` says what ``inflated`` is: what the headers say (all of them, or
        ``"say they inflate to at least"`` those listed so far), or ``"inflate to more
        than"``, what was really inflated."""
        if members > self.max_members:
            return (f"it holds {members:,} members, beyond the {self.max_members:,} "
                    "allowed (setting INVENTAIRE_IMPORT_MAX_MEMBERS); refused, nothing "
                    "read from it — raise the setting in pelicanconf.py if you trust it")
        budget = self.budget(compressed)
        if inflated <= budget:
            return ""
        setting = ("INVENTAIRE_IMPORT_MAX_BYTES" if budget == self.max_bytes else
                   f"INVENTAIRE_IMPORT_MAX_RATIO, {self.ratio}:1")
        read = how.startswith("inflate")
        return (f"its members {how} {inflated:,} bytes in all from {compressed:,} "
                f"compressed ({inflated // max(1, compressed):,}:1), beyond the {budget:,} "
                f"allowed (setting {setting}; a {kind} bomb?); refused, "
                + ("nothing more read" if read else "nothing read or written") +
                " — extract it yourself and import the folder if you trust it")


def project_limits(project: Path) -> ArchiveLimits:
    """The limits ``pelicanconf.py`` sets, else the defaults (the import runs without
    a settings file, or with one that cannot be read: the build will say why)."""
    path = project / "pelicanconf.py"
    if not path.is_file():
        return ArchiveLimits()
    try:
        values = runpy.run_path(str(path))
    except Exception:  # the editors' Python file: any error leaves the defaults
        return ArchiveLimits()
    return ArchiveLimits.from_settings(values)
