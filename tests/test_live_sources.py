"""``inventaire live``'s sources against fake services on 127.0.0.1 (issue 19).

Paging, an empty page, a 429 and its headers, a 500 then recovery, a restart in the
middle (cursors), a post edited and one deleted upstream between two passes, a
withdrawn author: each from the editors' files and the cursors, as the editors and
the next pass see them.
"""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from inventaire.core.postfile import read_post
from inventaire.core.rights import Register
from inventaire.importer.curation.day import DayFilter
from inventaire.importer.live.bluesky import BlueskySource
from inventaire.importer.live.cursors import CURSORS_FILE, Cursors
from inventaire.importer.live.folder import FolderSource
from inventaire.importer.live.land import Lander
from inventaire.importer.live.mastodon import MastodonSource
from inventaire.importer.live.retry import Retry
from inventaire.importer.live.scheduler import run_pass
from live_fakes import (
    DAY,
    FIXTURES,
    MORNING,
    PARIS,
    START,
    FakeBluesky,
    FakeMastodon,
    live_content,
    rate_limited,
    server_error,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return live_content(tmp_path)


class Sleeps:
    """The sleep of the retries: recorded, never slept."""

    def __init__(self) -> None:
        self.seconds: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.seconds.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


def lander(content: Path) -> Lander:
    return Lander(content, DayFilter(DAY, PARIS, ["jdtap"]))


def files(content: Path) -> dict[str, Path]:
    """Editors' files by post id."""
    return {read_post(p).id: p for p in (content / "posts").rglob("*.md")}


def masto_source(url: str, sleeps: Sleeps, attempts: int = 5) -> MastodonSource:
    return MastodonSource(url, "jdtap", START, PARIS, Retry(attempts=attempts, sleep=sleeps),
                          token="")


def one_pass(content: Path, *sources: object) -> object:
    cursors = Cursors.load(content)
    return run_pass(list(sources), cursors, lander(content))  # type: ignore[arg-type]


# ------------------------------------------------------------------ Mastodon

def test_mastodon_pages_back_to_the_days_start_then_forward(
        content: Path, mastodon: tuple[FakeMastodon, str], sleeps: Sleeps) -> None:
    fake, url = mastodon
    fake.add(0, datetime(2013, 4, 18, 23, 0, tzinfo=PARIS))  # the day before
    for number in range(1, 96):
        fake.add(number, MORNING + timedelta(minutes=number))
    report = one_pass(content, masto_source(url, sleeps))
    assert len(files(content)) == 95  # three pages back, the day before left out
    assert report.tally.skipped["outside the day"] == 1  # type: ignore[attr-defined]
    assert sum("max_id" in r for r in fake.requests) >= 2
    for number in range(96, 186):  # 90 new: three pages forward
        fake.add(number, MORNING + timedelta(minutes=number))
    fake.requests.clear()
    report = one_pass(content, masto_source(url, sleeps))
    assert len(files(content)) == 185
    assert report.tally.imported["new"] == 90  # type: ignore[attr-defined]
    forward = [r for r in fake.requests if "min_id" in r]
    assert len(forward) == 4  # three pages of 40, 40, 10 and an empty one
    cursor = Cursors.load(content).get(f"mastodon:{url}#jdtap")
    assert cursor["newest"] == str(110000000000000000 + 185)


def test_an_empty_page_changes_nothing(content: Path, mastodon: tuple[FakeMastodon, str],
                                       sleeps: Sleeps) -> None:
    fake, url = mastodon
    fake.add(1, MORNING)
    one_pass(content, masto_source(url, sleeps))
    before = {p: p.read_bytes() for p in files(content).values()}
    cursors = (content / CURSORS_FILE).read_text()
    report = one_pass(content, masto_source(url, sleeps))
    assert report.tally.imported["new"] == 0  # type: ignore[attr-defined]
    assert {p: p.read_bytes() for p in files(content).values()} == before
    assert (content / CURSORS_FILE).read_text() == cursors


def test_a_429_waits_for_retry_after_then_goes_on(
        content: Path, mastodon: tuple[FakeMastodon, str], sleeps: Sleeps) -> None:
    fake, url = mastodon
    fake.add(1, MORNING)
    fake.faults.append(rate_limited("mastodon_429"))
    one_pass(content, masto_source(url, sleeps))
    assert sleeps.seconds == [7.0]  # the recorded Retry-After
    assert len(files(content)) == 1


def test_a_spent_window_waits_for_its_reset(
        content: Path, mastodon: tuple[FakeMastodon, str], sleeps: Sleeps) -> None:
    fake, url = mastodon
    fake.add(1, MORNING)
    fake.spent_once = True  # X-RateLimit-Remaining: 0, reset in 40 s
    one_pass(content, masto_source(url, sleeps))
    assert len(sleeps.seconds) == 1 and 20 < sleeps.seconds[0] <= 41
    assert len(files(content)) == 1


def test_a_server_error_then_recovery(content: Path, mastodon: tuple[FakeMastodon, str],
                                      sleeps: Sleeps) -> None:
    fake, url = mastodon
    fake.add(1, MORNING)
    fake.faults += [server_error(), server_error()]
    one_pass(content, masto_source(url, sleeps))
    assert sleeps.seconds == [2.0, 4.0]  # exponential backoff
    assert len(files(content)) == 1


def test_a_source_down_keeps_its_cursor_and_the_others_go_on(
        content: Path, mastodon: tuple[FakeMastodon, str], sleeps: Sleeps,
        tmp_path: Path) -> None:
    fake, url = mastodon
    fake.add(1, MORNING)
    one_pass(content, masto_source(url, sleeps))
    fake.add(2, MORNING + timedelta(minutes=5))
    fake.faults += [server_error()] * 3
    folder = tmp_path / "stream"
    folder.mkdir()
    shutil.copy(FIXTURES / "twarc2_stream.jsonl", folder / "a.jsonl")
    report = one_pass(content, masto_source(url, sleeps, attempts=3),
                      FolderSource(folder, content, PARIS))
    assert report.unavailable == [f"mastodon:{url}#jdtap"]  # type: ignore[attr-defined]
    assert set(files(content)) == {"110000000000000001", "325100000000000101"}
    report = one_pass(content, masto_source(url, sleeps))  # the next pass catches up
    assert "110000000000000002" in files(content)


def test_a_restart_in_the_middle_neither_loses_nor_repeats(
        content: Path, mastodon: tuple[FakeMastodon, str], sleeps: Sleeps) -> None:
    fake, url = mastodon
    for number in range(1, 11):
        fake.add(number, MORNING + timedelta(minutes=number))
    one_pass(content, masto_source(url, sleeps))
    saved = (content / CURSORS_FILE).read_text()
    for number in range(11, 21):
        fake.add(number, MORNING + timedelta(minutes=number))
    # A pass killed after its posts were written, before its cursors were saved:
    source = masto_source(url, sleeps)
    batch, _cursor = source.poll(Cursors.load(content).get(source.key))
    lander(content).land([batch])
    assert (content / CURSORS_FILE).read_text() == saved
    # The restarted command reads the same posts again: merged as unchanged.
    fake.requests.clear()
    report = one_pass(content, masto_source(url, sleeps))
    assert report.tally.imported["new"] == 0  # type: ignore[attr-defined]
    assert report.tally.imported["unchanged"] == 10  # type: ignore[attr-defined]
    assert len(files(content)) == 20
    assert any(f"min_id={110000000000000010}" in r for r in fake.requests)
    report = one_pass(content, masto_source(url, sleeps))  # and then nothing more
    assert sum(report.tally.imported.values()) == 0  # type: ignore[attr-defined]


def test_an_edit_upstream_reaches_the_file_and_keeps_the_editors_marks(
        content: Path, mastodon: tuple[FakeMastodon, str], sleeps: Sleeps) -> None:
    fake, url = mastodon
    first = fake.add(1, MORNING, "Un kiosque ouvre")
    fake.add(2, MORNING + timedelta(minutes=1), "Un pigeon")
    one_pass(content, masto_source(url, sleeps))
    path = files(content)[first]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("status: candidate", "status: selected"), encoding="utf-8")
    fake.edit(first, "Un kiosque ouvre ses volets verts", MORNING + timedelta(minutes=30))
    one_pass(content, masto_source(url, sleeps))
    post = read_post(files(content)[first])
    assert post.text.startswith("Un kiosque ouvre ses volets verts")
    assert post.status == "selected"


def test_a_post_deleted_upstream_is_withdrawn_and_never_written(
        content: Path, mastodon: tuple[FakeMastodon, str], sleeps: Sleeps) -> None:
    fake, url = mastodon
    gone = fake.add(1, MORNING)
    fake.add(2, MORNING + timedelta(minutes=1))
    one_pass(content, masto_source(url, sleeps))
    before = files(content)[gone].read_bytes()
    del fake.statuses[gone]
    report = one_pass(content, masto_source(url, sleeps))
    register = Register.load(content)
    assert register.rule_for(read_post(files(content)[gone])) is not None
    assert "deleted by its author" in (content / "rights.yml").read_text()
    assert files(content)[gone].read_bytes() == before  # the editors' file untouched
    assert any("deleted upstream" in k for k in report.tally.skipped)  # type: ignore
    recent = Cursors.load(content).get(f"mastodon:{url}#jdtap")["recent"]
    assert gone not in [r[0] for r in recent]


def test_a_withdrawn_authors_posts_never_land(
        content: Path, mastodon: tuple[FakeMastodon, str], sleeps: Sleeps) -> None:
    fake, url = mastodon
    (content / "rights.yml").write_text(yaml.safe_dump({"withdrawals": [{
        "author": "troll@social.example", "network": "mastodon", "status": "withdrawn",
        "date": "2013-04-19T07:00:00+00:00", "reason": "asked",
        "history": [{"action": "withdrawn", "date": "2013-04-19T07:00:00+00:00",
                     "reason": "asked"}]}]}), encoding="utf-8")
    fake.add(1, MORNING, author="troll")
    fake.add(2, MORNING, author="flaneuse")
    report = one_pass(content, masto_source(url, sleeps))
    assert set(files(content)) == {"110000000000000002"}
    assert report.tally.skipped["withdrawn (content/rights.yml)"] == 1  # type: ignore


# ------------------------------------------------------------------ Bluesky

def blue_source(url: str, sleeps: Sleeps) -> BlueskySource:
    return BlueskySource(url, "jdtap", START, PARIS, Retry(sleep=sleeps), login=None)


def test_bluesky_pages_by_cursor_then_since(content: Path, bluesky: tuple[FakeBluesky, str],
                                            sleeps: Sleeps) -> None:
    fake, url = bluesky
    for number in range(150):
        fake.add(f"3k{number:04d}", MORNING + timedelta(minutes=number))
    one_pass(content, blue_source(url, sleeps))
    assert len(files(content)) == 150
    assert any("cursor=100" in r for r in fake.requests)
    fake.add("3k9999", MORNING + timedelta(hours=5))
    fake.requests.clear()
    report = one_pass(content, blue_source(url, sleeps))
    assert report.tally.imported["new"] == 1  # type: ignore[attr-defined]
    assert len(files(content)) == 151
    first = unquote(fake.requests[0])
    assert "since=2013-04-19T08:29:01" in first  # the newest post seen, not the day's start


def test_bluesky_429_and_a_deletion(content: Path, bluesky: tuple[FakeBluesky, str],
                                    sleeps: Sleeps) -> None:
    fake, url = bluesky
    gone = fake.add("3kgone", MORNING)
    fake.add("3kstay", MORNING + timedelta(minutes=2))
    fake.faults.append(rate_limited("bluesky_429"))
    one_pass(content, blue_source(url, sleeps))
    assert sleeps.seconds == [9.0]
    assert set(files(content)) == {"3kgone", "3kstay"}
    del fake.views[gone]
    one_pass(content, blue_source(url, sleeps))
    assert Register.load(content).rule_for(read_post(files(content)["3kgone"])) is not None
    assert Register.load(content).rule_for(read_post(files(content)["3kstay"])) is None


def test_bluesky_waits_for_a_spent_window(content: Path, bluesky: tuple[FakeBluesky, str],
                                          sleeps: Sleeps) -> None:
    fake, url = bluesky
    fake.add("3kone", MORNING)
    fake.spent_once = True  # ratelimit-remaining: 0, reset in 40 s
    one_pass(content, blue_source(url, sleeps))
    assert len(sleeps.seconds) == 1 and 20 < sleeps.seconds[0] <= 41
    assert set(files(content)) == {"3kone"}


# ------------------------------------------------------------------ watched folder

def test_a_growing_jsonl_is_read_once_and_a_partial_line_waits(content: Path,
                                                               tmp_path: Path) -> None:
    folder = tmp_path / "stream"
    folder.mkdir()
    line = (FIXTURES / "twarc2_stream.jsonl").read_text(encoding="utf-8").strip()
    second = line.replace("325100000000000101", "325100000000000102")
    stream = folder / "stream.jsonl"
    stream.write_text(line + "\n" + second[:40], encoding="utf-8")  # a line being written
    source = FolderSource(folder, content, PARIS)
    report = one_pass(content, source)
    assert set(files(content)) == {"325100000000000101"}
    assert report.tally.errors == []  # type: ignore[attr-defined]
    with stream.open("a", encoding="utf-8") as handle:
        handle.write(second[40:] + "\n")
    report = one_pass(content, source)
    assert set(files(content)) == {"325100000000000101", "325100000000000102"}
    assert report.tally.read == 1  # type: ignore[attr-defined]  # never the first again
    report = one_pass(content, source)
    assert report.tally.read == 0  # type: ignore[attr-defined]
    stream.write_text(line + "\n", encoding="utf-8")  # replaced by a shorter file
    report = one_pass(content, source)
    assert report.tally.imported["unchanged"] == 1  # type: ignore[attr-defined]


def test_a_bad_line_names_the_file_and_line(content: Path, tmp_path: Path) -> None:
    folder = tmp_path / "stream"
    folder.mkdir()
    line = (FIXTURES / "twarc2_stream.jsonl").read_text(encoding="utf-8").strip()
    (folder / "s.jsonl").write_text(line + "\n{oops\n", encoding="utf-8")
    report = one_pass(content, FolderSource(folder, content, PARIS))
    assert any(e.endswith("s.jsonl:2: invalid JSON: Expecting property name enclosed "
                          "in double quotes (column 2)")
               for e in report.tally.errors)  # type: ignore[attr-defined]
