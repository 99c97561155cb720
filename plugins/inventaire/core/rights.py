"""The register of withdrawals: the authors' rights as rules, not marks in the files.

A withdrawal used to be a ``status: withdrawn`` written into each of the author's
files; the next import then brought the author's other posts back as candidates, and
nothing but the files said that the author had asked. The request now lives once, in
``content/rights.yml``, and every stage asks it: the import leaves the author's posts
out, the site's reader and the book's reading turn a registered post into a withdrawn
one (:meth:`Register.apply`, so :meth:`Post.visible` and :meth:`Post.printable` are
still the only rules of who is shown and printed), ``inventaire authors`` and
``inventaire check`` report it. An undo never deletes an entry: it adds a
``restored`` event to its history, so the register says who asked what, and when.

The file, written by ``inventaire withdraw`` and readable by hand::

    withdrawals:
    - author: flaneuse75        # or  post: "325312345678901234"
      network: twitter          # empty: every network
      status: withdrawn         # withdrawn | restored (the last event)
      date: '2013-04-19T12:00:00+00:00'
      reason: asked by e-mail
      history:
      - {action: withdrawn, date: '2013-04-19T12:00:00+00:00', reason: asked by e-mail}
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from inventaire.core import front_matter
from inventaire.core.atomic import write_atomic
from inventaire.core.errors import PostFileError
from inventaire.core.model import NETWORKS, Post
from inventaire.core.text.handles import shown_handle

REGISTER_FILE = "rights.yml"

Kind = Literal["author", "post"]
Action = Literal["withdrawn", "restored"]
ACTIONS: tuple[str, ...] = ("withdrawn", "restored")

HEADER = """\
# The authors' rights, kept by `inventaire withdraw` (and `inventaire withdraw --undo`).
# Each entry is an author (a handle) or a post (an id) on a network; its last event
# says whether it is withdrawn now. A withdrawn author's posts are never imported
# again and are left out of the site and the book. Undo adds a 'restored' event: the
# history is never deleted.
"""


@dataclass
class Event:
    """One decision on an entry: withdrawn or restored, when, and why."""

    action: Action
    date: str
    reason: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"action": self.action, "date": self.date, "reason": self.reason}


@dataclass
class Rule:
    """An author or a post, on a network ("" for every one), and its history."""

    kind: Kind
    target: str
    network: str = ""
    history: list[Event] = field(default_factory=list)
    line: int = 0

    @property
    def active(self) -> bool:
        """Whether the entry withdraws now: its last event is a withdrawal."""
        return bool(self.history) and self.history[-1].action == "withdrawn"

    @property
    def last(self) -> Event:
        return self.history[-1]

    @property
    def label(self) -> str:
        """``@handle (twitter)`` or ``post 123 (twitter)``, for messages."""
        who = f"@{shown_handle(self.target)}" if self.kind == "author" else \
            f"post {self.target}"  # an impostor's invisible characters shown escaped
        return f"{who} ({self.network or 'every network'})"

    def names(self, post: Post) -> bool:
        """Whether the entry is about ``post``, whether it withdraws now or not."""
        if self.network not in ("", post.network):
            return False
        if self.kind == "post":
            return self.target == post.id
        return _fold("author", self.target) == post.author.casefold()

    def key(self) -> tuple[str, str, str]:
        return (self.kind, self.network, _fold(self.kind, self.target))

    def to_dict(self) -> dict[str, Any]:
        return {
            self.kind: self.target,
            "network": self.network,
            "status": self.last.action,
            "date": self.last.date,
            "reason": self.last.reason,
            "history": [event.to_dict() for event in self.history],
        }


def _fold(kind: str, target: str) -> str:
    """Handles are compared without case (as the networks do); ids as they are."""
    return target.lstrip("@").casefold() if kind == "author" else target


@dataclass
class Register:
    """``content/rights.yml``, read once per command or build."""

    path: Path
    rules: list[Rule] = field(default_factory=list)
    closed: bool = False  # unreadable: every post withdrawn until it is fixed

    @classmethod
    def load_or_close(cls, content: Path) -> tuple[Register, PostFileError | None]:
        """For the outputs: the register, or, when it cannot be read, one that
        withdraws every post (with the error to log): a mistake in the register must
        never publish what an author asked to remove."""
        try:
            return cls.load(content), None
        except PostFileError as error:
            return cls(content / REGISTER_FILE, closed=True), error

    @classmethod
    def load(cls, content: Path) -> Register:
        """The register of ``content``; empty when there is none. A register that
        cannot be read raises :class:`PostFileError` (file, line, field, fix): rights
        are never guessed."""
        path = content / REGISTER_FILE
        if not path.is_file():
            return cls(path)
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise PostFileError(str(path), 1, "encoding", "not UTF-8",
                                "save the file as UTF-8") from None
        # libyaml, bounded (no aliases, no deep nesting), dates kept as strings as in
        # the editors' files (their offsets never converted).
        try:
            data = front_matter.load(text, str(path), 1, front_matter.Loader)
            node = yaml.compose(text, Loader=front_matter.Loader)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            raise PostFileError(str(path), mark.line + 1 if mark else 1, "withdrawals",
                                f"the YAML cannot be read ({getattr(error, 'problem', '')})",
                                "check the indentation; quote reasons that hold ':' or '#'"
                                ) from None
        return cls(path, _rules(data, node, str(path)))

    def _find(self, kind: Kind, target: str, network: str) -> Rule | None:
        key = (kind, network, _fold(kind, target))
        return next((rule for rule in self.rules if rule.key() == key), None)

    def rule_for(self, post: Post) -> Rule | None:
        """The active entry that withdraws ``post``, if any."""
        return next((rule for rule in self.rules if rule.active and rule.names(post)), None)

    def apply(self, post: Post) -> Post:
        """``post`` as the register has it: withdrawn when an entry says so, so that
        :meth:`Post.visible` and :meth:`Post.printable` leave it out."""
        if not self.closed and (not self.rules or self.rule_for(post) is None):
            return post
        return dataclasses.replace(post, status="withdrawn")

    def withdraw(self, kind: Kind, target: str, network: str, date: str,
                 reason: str) -> tuple[Rule, bool]:
        """Withdraw an author or a post; False when it already was (nothing added)."""
        rule = self._find(kind, target, network)
        if rule is None:
            rule = Rule(kind, target.lstrip("@") if kind == "author" else target, network)
            self.rules.append(rule)
        elif rule.active:
            return rule, False
        rule.history.append(Event("withdrawn", date, reason))
        return rule, True

    def restore(self, kind: Kind, target: str, network: str, date: str,
                reason: str) -> Rule | None:
        """Undo a withdrawal: a ``restored`` event; None when nothing was withdrawn."""
        rule = self._find(kind, target, network)
        if rule is None or not rule.active:
            return None
        rule.history.append(Event("restored", date, reason))
        return rule

    def dump(self) -> str:
        data = {"withdrawals": [rule.to_dict() for rule in self.rules]}
        body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000)
        return HEADER + body

    def save(self) -> None:
        write_atomic(self.path, self.dump())


def _rules(data: Any, node: Any, path: str) -> list[Rule]:
    """The entries of the parsed register, each checked, with its line number."""
    if data is None:
        return []
    if not isinstance(data, dict) or not isinstance(data.get("withdrawals") or [], list):
        raise PostFileError(path, 1, "withdrawals", "expected a list under 'withdrawals:'",
                            "write 'withdrawals:' then one '- author: handle' entry per "
                            "withdrawal (inventaire withdraw writes them)")
    lines = _entry_lines(node)
    rules = []
    for index, entry in enumerate(data.get("withdrawals") or []):
        line = lines[index] if index < len(lines) else 1
        rules.append(_rule(entry, path, line))
    return rules


def _entry_lines(node: Any) -> list[int]:
    if not isinstance(node, yaml.MappingNode):
        return []
    for key, value in node.value:
        if key.value == "withdrawals" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _rule(entry: Any, path: str, line: int) -> Rule:
    if not isinstance(entry, dict):
        raise PostFileError(path, line, "withdrawals", "an entry is not a mapping",
                            "write '- author: handle' or '- post: id', then its fields")
    kinds = [kind for kind in ("author", "post") if entry.get(kind) not in (None, "")]
    if len(kinds) != 1:
        raise PostFileError(path, line, "author", "an entry names neither one author nor "
                            "one post", "give 'author: handle' or 'post: id', not both")
    kind: Kind = "author" if kinds[0] == "author" else "post"
    network = str(entry.get("network") or "")
    if network and network not in NETWORKS:
        raise PostFileError(path, line, "network", f"{network!r} is not a network",
                            f"use one of: {', '.join(NETWORKS)} (or leave it empty)")
    history = []
    for item in entry.get("history") or []:
        action = str(item.get("action", "")) if isinstance(item, dict) else ""
        if action not in ACTIONS:
            raise PostFileError(path, line, "history", f"an event's action {action!r} is "
                                "not allowed", f"use one of: {', '.join(ACTIONS)}")
        history.append(Event(action,  # type: ignore[arg-type]
                             str(item.get("date") or ""), str(item.get("reason") or "")))
    status = str(entry.get("status") or "withdrawn")
    if status not in ACTIONS:
        raise PostFileError(path, line, "status", f"{status!r} is not allowed",
                            f"use one of: {', '.join(ACTIONS)}")
    if not history or history[-1].action != status:
        # An entry written by hand: its own fields are its latest event.
        history.append(Event(status,  # type: ignore[arg-type]
                             str(entry.get("date") or ""), str(entry.get("reason") or "")))
    return Rule(kind, str(entry[kind]).lstrip("@") if kind == "author" else str(entry[kind]),
                network, history, line)
