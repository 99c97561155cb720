"""A live pass's records into the editors' files, by the import's own rules.

What ``inventaire import`` does to the records of an export, done to the records a
pass fetched: the day and its hashtags (:class:`DayFilter`), unsafe ids, duplicates
merged (:func:`merge_duplicates`), the register of withdrawals
(:func:`left_out_withdrawn`), a place from the gazetteer, and the merge that never
overwrites an editor's field (the import's :func:`write_one`, which calls
:func:`merge_post`). A post edited upstream comes back through the same merge: its
file follows the new text while no editor touched it, else the edit is a conflict,
reported and never applied. An edited tweet comes back under a new id: the reader
gives it the original's (``edit_history_tweet_ids``), and it keeps its file's time.

A post deleted upstream (a delete notice, or gone from its source between two passes
and confirmed gone) is never written; when it already has a file, it is withdrawn in
the register (``content/rights.yml``, reason « deleted by its author »), so that every
output leaves it out and the history says why — the editors' file is left as it is.

Unlike an import, a pass reads only the files of the posts it brought (found by the
id in their names), not all of ``content/posts/``: at 10,000 posts a pass costs what
its new posts cost.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from inventaire.core.atomic import DeferredWrites
from inventaire.core.errors import PostFileError, UserError
from inventaire.core.model import Post
from inventaire.core.places import PlaceTagger, load_places
from inventaire.core.postfile import read_post
from inventaire.core.rights import Register
from inventaire.importer.curation.day import DayFilter
from inventaire.importer.curation.importer import (
    Tally,
    left_out_withdrawn,
    record_problems,
    take_record,
    write_one,
)
from inventaire.importer.curation.records import ImportRecords
from inventaire.importer.sources.common import Record
from inventaire.importer.sources.edits import EDIT_VERSION

# ``14h04-<id>.md``, or ``14h04-<network>-<id>.md``: the id is the name's rest, or its
# rest after the network (both namings read, whichever the files have).
_NAME = re.compile(r"\d\dh\d\d-(.+)\.md")
DELETED = "deleted upstream"


@dataclass
class Batch:
    """What one source brought in one pass: the readers' records, and the posts it
    found deleted upstream since the last pass (network, id)."""

    source: str
    records: list[Record] = field(default_factory=list)
    gone: list[tuple[str, str]] = field(default_factory=list)


def posts_files(posts: Path, ids: set[str]
                ) -> tuple[dict[tuple[str, str], tuple[Path, Post]], dict[str, str]]:
    """The editors' files of the posts named by ``ids`` (by the id in their file
    names), as the import's ``existing_files`` gives them: by key, and the unreadable
    ones by id."""
    found: dict[tuple[str, str], tuple[Path, Post]] = {}
    broken: dict[str, str] = {}
    if not ids or not posts.is_dir():
        return found, broken
    for folder in sorted(os.scandir(posts), key=lambda e: e.name):
        if not folder.is_dir():
            continue
        for entry in os.scandir(folder.path):
            match = _NAME.fullmatch(entry.name)
            if not match:
                continue
            rest = match.group(1)
            named = next((i for i in (rest, rest.partition("-")[2]) if i in ids), None)
            if named is None:
                continue
            try:
                post = read_post(Path(entry.path))
            except PostFileError as error:
                broken[named] = str(error)
                continue
            found.setdefault(post.key, (Path(entry.path), post))
    return found, broken


class Lander:
    """Lands batches in ``content/``, with the day's filter and the new files' status."""

    def __init__(self, content: Path, filter_: DayFilter, status: str = "candidate",
                 clock: type[datetime] = datetime) -> None:
        self.content = content
        self.filter = filter_
        self.status = status
        self.clock = clock
        self.records: ImportRecords | None = None

    def land(self, batches: Iterable[Batch]) -> Tally:
        """Every batch's posts into their files; the tally says what happened."""
        tally = Tally()
        kept: dict[tuple[str, str], Post] = {}
        deleted: set[tuple[str, str]] = set()
        for batch in batches:
            deleted.update(batch.gone)
            for record in batch.records:
                take_record(record, batch.source, self.filter, kept, deleted, tally)
        withdrawn = self._deleted(deleted, kept, tally)
        left_out_withdrawn(kept, self.content, tally)
        try:
            tagger = PlaceTagger(load_places(self.content / "places"))
        except PostFileError as error:
            raise UserError(f"the gazetteer has an error: {error}") from None
        files, broken = posts_files(self.content / "posts", {k[1] for k in kept})
        for key, post in kept.items():
            if post.extra.get(EDIT_VERSION) and key in files:
                post.date = files[key][1].date  # an edit keeps the post's time
        if kept:  # the import records read once, written back with the pass's files
            records = self._records()  # (only when one changed)
            writes = DeferredWrites()
            try:
                for post in sorted(kept.values(), key=Post.sort_key):
                    write_one(post, self.content, files, broken, tagger, self.status,
                              tally, writes.write, records=records)
            finally:
                records.commit(writes)
            record_problems(records, tally)
        if withdrawn:
            tally.skipped[f"{DELETED}, already in content/ (withdrawn in "
                          "content/rights.yml)"] += withdrawn
        return tally

    def _records(self) -> ImportRecords:
        """The import records, kept from one pass to the next: read again only when
        another command (an import) rewrote them."""
        if self.records is None:
            self.records = ImportRecords(self.content)
        else:
            self.records.refresh()
        return self.records

    def _deleted(self, deleted: set[tuple[str, str]], kept: dict[tuple[str, str], Post],
                 tally: Tally) -> int:
        """Leave the deleted posts out; withdraw those that have a file. Returns how many
        were withdrawn."""
        for key in deleted & kept.keys():
            del kept[key]
            tally.skipped[DELETED] += 1
        if not deleted:
            return 0
        files, _broken = posts_files(self.content / "posts", {k[1] for k in deleted})
        present = [key for key in sorted(deleted) if key in files]
        if not present:
            return 0
        try:
            register = Register.load(self.content)
        except PostFileError as error:
            raise UserError(f"the register of withdrawals has an error: {error}") from None
        now = self.clock.now(UTC).replace(microsecond=0).isoformat()
        added = 0
        for network, post_id in present:
            _rule, new = register.withdraw("post", post_id, network, now,
                                           "deleted by its author (seen by inventaire live)")
            added += new
        if added:
            register.save()
        return added
