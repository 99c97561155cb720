"""The errors meant for people, in one place.

Every stage raises these and only the commands print them: :class:`UserError` as one
sentence without a traceback, :class:`PostFileError` in the ``path:line: field: what
— fix`` form that editors' tools (and ``inventaire check``) share.
"""

from __future__ import annotations

from dataclasses import dataclass


class UserError(Exception):
    """A problem the user can fix; printed as one sentence, exit status 1 or 2."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class PostFileError(Exception):
    """A problem in an editors' file, in the ``path:line: field: what — fix`` form."""

    path: str
    line: int
    field: str
    what: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.what} — {self.fix}"
