"""The posts that matter, re-checked upstream after they left the newest page (issue 19).

A pass sees edits and deletions among a source's newest page only. A post an editor
selected or marked for a crier, edited or deleted upstream hours later, must still
be caught before it is read aloud: each pass re-fetches a few of them in rotation
(``LIVE_RECHECK`` requests a source), within the rate limits. Fake Mastodon and
Bluesky services on 127.0.0.1; the editors' files, the register and the requests
made say what happened.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote

import pytest
from inventaire.core.postfile import read_post
from inventaire.core.rights import Register
from inventaire.importer.curation.day import DayFilter
from inventaire.importer.live.bluesky import BlueskySource
from inventaire.importer.live.cursors import Cursors
from inventaire.importer.live.land import Lander
from inventaire.importer.live.mastodon import MastodonSource
from inventaire.importer.live.retry import Retry
from inventaire.importer.live.scheduler import PassReport, run_pass
from inventaire.importer.live.watch import Watchlist
from live_fakes import (
    DAY,
    MORNING,
    PARIS,
    START,
    FakeBluesky,
    FakeMastodon,
    Reply,
    live_content,
    rate_limited,
)

ROOT = Path(__file__).resolve().parents[1]
STATUS = "/api/v1/statuses/"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return live_content(tmp_path)


class Sleeps(list[float]):
    """The retries' sleep: recorded, never slept."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def files(content: Path) -> dict[str, Path]:
    return {read_post(p).id: p for p in (content / "posts").rglob("*.md")}


def select(path: Path, declaimed: bool = False, text: tuple[str, str] | None = None) -> None:
    """What the triage page writes: selected, perhaps « à crier »; or an editor's text."""
    body = path.read_text(encoding="utf-8").replace("status: candidate", "status: selected")
    if declaimed:
        body = body.replace("status: selected", "status: selected\ndeclaimed: "
                            "{place: place-de-la-bastille, time: '15:00'}")
    if text:
        body = body.replace(*text)
    path.write_text(body, encoding="utf-8")


def one_pass(content: Path, source: object) -> PassReport:
    return run_pass([source], Cursors.load(content),  # type: ignore[list-item]
                    Lander(content, DayFilter(DAY, PARIS, ["jdtap"])))


# ------------------------------------------------------------------ Mastodon

class Masto:
    """A fake instance with one post (``old``) followed by 45 newer ones: after the
    first pass, ``old`` is no longer on the newest page (40 statuses)."""

    def __init__(self, content: Path, fake: FakeMastodon, url: str, older: int = 1,
                 recheck: int = 10) -> None:
        self.content, self.fake, self.url = content, fake, url
        self.sleeps = Sleeps()
        self.watch = Watchlist(content, max_age=0)
        self.recheck = recheck
        self.old = [fake.add(n, MORNING + timedelta(minutes=n), f"Message ancien {n}")
                    for n in range(1, older + 1)]
        for n in range(older + 1, older + 46):
            fake.add(n, MORNING + timedelta(hours=1, minutes=n))
        self.run()
        assert len(files(content)) == older + 45

    def run(self) -> PassReport:
        source = MastodonSource(self.url, "jdtap", START, PARIS,
                                Retry(sleep=self.sleeps), token="", watch=self.watch,
                                recheck=self.recheck)
        self.fake.requests.clear()
        return one_pass(self.content, source)

    def checked(self) -> list[str]:
        """The statuses fetched one by one in the last pass."""
        return [r.split("?")[0].rsplit("/", 1)[-1] for r in self.fake.requests
                if r.startswith(STATUS)]


def test_a_selected_post_edited_after_leaving_the_newest_page(
        content: Path, mastodon: tuple[FakeMastodon, str]) -> None:
    day = Masto(content, *mastodon)
    (old,) = day.old
    select(files(content)[old])
    day.run()  # checked once: not edited
    assert day.checked() == [old]
    day.fake.edit(old, "Message ancien, corrigé", MORNING + timedelta(hours=3))
    report = day.run()
    assert report.tally.imported["updated"] == 1
    post = read_post(files(content)[old])
    assert post.text.startswith("Message ancien, corrigé")
    assert post.status == "selected"
    day.run()  # the same edit is not landed again
    assert day.checked() == [old]


def test_a_declaimed_post_deleted_after_leaving_the_newest_page(
        content: Path, mastodon: tuple[FakeMastodon, str]) -> None:
    day = Masto(content, *mastodon)
    (old,) = day.old
    path = files(content)[old]
    select(path, declaimed=True)
    before = path.read_bytes()
    del day.fake.statuses[old]
    report = day.run()
    assert Register.load(content).rule_for(read_post(path)) is not None
    assert any("deleted upstream" in k for k in report.tally.skipped)
    assert path.read_bytes() == before  # the editors' file as it was
    cursor = Cursors.load(content).get(f"mastodon:{day.url}#jdtap")
    assert old not in cursor.get("checks", {})


def test_an_editors_text_is_kept_when_the_post_is_edited_upstream(
        content: Path, mastodon: tuple[FakeMastodon, str]) -> None:
    day = Masto(content, *mastodon)
    (old,) = day.old
    path = files(content)[old]
    select(path, text=("Message ancien 1", "Message ancien, relu par la rédaction"))
    day.fake.edit(old, "Message ancien, corrigé par l'autrice", MORNING + timedelta(hours=3))
    report = day.run()
    assert read_post(path).text.startswith("Message ancien, relu par la rédaction")
    assert any("text: the export now says" in c for c in report.tally.conflicts)


def test_candidates_are_not_rechecked(content: Path,
                                      mastodon: tuple[FakeMastodon, str]) -> None:
    day = Masto(content, *mastodon)
    day.run()
    assert day.checked() == []


def test_the_recheck_is_bounded_and_goes_round(content: Path,
                                               mastodon: tuple[FakeMastodon, str]) -> None:
    day = Masto(content, *mastodon, older=25, recheck=10)
    for status_id in day.old:
        select(files(content)[status_id], declaimed=status_id == day.old[-1])
    day.run()
    first = day.checked()
    assert len(first) == 10 and first[0] == day.old[-1]  # a crier's post first
    day.run()
    second = day.checked()
    assert len(second) == 10 and not set(first) & set(second)
    day.run()
    third = day.checked()
    assert set(first) | set(second) | set(third[:5]) == set(day.old)  # all, then round
    assert set(third[5:]) <= set(first)
    checks = Cursors.load(content).get(f"mastodon:{day.url}#jdtap")["checks"]
    assert set(checks) == set(day.old)


def test_a_429_during_the_recheck_is_waited_out(content: Path,
                                                mastodon: tuple[FakeMastodon, str]) -> None:
    day = Masto(content, *mastodon)
    (old,) = day.old
    select(files(content)[old])
    del day.fake.statuses[old]
    day.fake.faults_on.append((STATUS, rate_limited("mastodon_429")))
    day.run()
    assert day.sleeps == [7.0]  # the 429's Retry-After
    assert day.checked() == [old, old]
    assert Register.load(content).rule_for(read_post(files(content)[old])) is not None


def test_a_low_rate_limit_window_leaves_the_recheck_for_later(
        content: Path, mastodon: tuple[FakeMastodon, str]) -> None:
    day = Masto(content, *mastodon)
    (old,) = day.old
    select(files(content)[old])
    del day.fake.statuses[old]
    day.fake.remaining = 30  # of 300: below the timelines' reserve
    day.run()
    assert day.checked() == []
    assert Register.load(content).rule_for(read_post(files(content)[old])) is None
    day.fake.remaining = 299
    day.run()
    assert day.checked() == [old]
    assert Register.load(content).rule_for(read_post(files(content)[old])) is not None


# ------------------------------------------------------------------ Bluesky

def blue_pass(content: Path, url: str, watch: Watchlist, recheck: int = 10) -> PassReport:
    return one_pass(content, BlueskySource(url, "jdtap", START, PARIS, Retry(sleep=Sleeps()),
                                           login=None, watch=watch, recheck=recheck))


@pytest.mark.parametrize("newer", [105, 205])  # the old post remembered, or forgotten
def test_a_bluesky_post_deleted_after_leaving_the_newest_page(
        content: Path, bluesky: tuple[FakeBluesky, str], newer: int) -> None:
    fake, url = bluesky
    watch = Watchlist(content, max_age=0)
    old = fake.add("3kold", MORNING)
    for number in range(newer):
        fake.add(f"3k{number:04d}", MORNING + timedelta(hours=1, seconds=number))
    blue_pass(content, url, watch)
    path = files(content)["3kold"]
    select(path, declaimed=True)
    fake.remaining = 100  # of 3000: below the reserve
    fake.requests.clear()
    blue_pass(content, url, watch)
    assert not any("getPosts" in r for r in fake.requests)
    del fake.views[old]
    fake.remaining = 2999
    fake.requests.clear()
    blue_pass(content, url, watch)
    asked = [unquote(r) for r in fake.requests]
    assert any("getPosts" in r and old in r for r in asked)
    assert any("resolveHandle" in r for r in asked) == (newer > 200)
    assert Register.load(content).rule_for(read_post(path)) is not None
    assert Register.load(content).rule_for(read_post(files(content)["3k0000"])) is None


def test_the_watch_list_follows_the_editors_files(content: Path,
                                                  mastodon: tuple[FakeMastodon, str]) -> None:
    day = Masto(content, *mastodon, older=2)
    source = f"{day.url}/tags/jdtap"
    watch = Watchlist(content, max_age=0)
    assert watch.posts_of("mastodon", source) == []
    first, second = (files(content)[i] for i in day.old)
    select(first)
    select(second, declaimed=True)
    found = watch.posts_of("mastodon", source)
    assert [(w.id, w.declaimed) for w in found] == [(day.old[0], False), (day.old[1], True)]
    assert watch.posts_of("mastodon", "https://other.example/tags/jdtap") == []
    first.write_text(first.read_text(encoding="utf-8").replace("status: selected",
                                                               "status: candidate"),
                     encoding="utf-8")
    second.unlink()
    assert watch.posts_of("mastodon", source) == []


def test_a_handle_that_no_longer_resolves_does_not_stop_the_rotation(
        content: Path, bluesky: tuple[FakeBluesky, str]) -> None:
    fake, url = bluesky
    watch = Watchlist(content, max_age=0)
    ghost = fake.add("3kaaa", MORNING, handle="ghost.example.com")
    old = fake.add("3kold", MORNING + timedelta(minutes=1))
    for number in range(205):  # both forgotten by the cursor's recent posts
        fake.add(f"3k{number:04d}", MORNING + timedelta(hours=1, seconds=number))
    blue_pass(content, url, watch)
    for rkey in ("3kaaa", "3kold"):
        select(files(content)[rkey])
    del fake.views[ghost], fake.views[old]  # the ghost's account is gone with its posts
    blue_pass(content, url, watch)
    register = Register.load(content)
    assert register.rule_for(read_post(files(content)["3kold"])) is not None
    assert register.rule_for(read_post(files(content)["3kaaa"])) is None  # not confirmed


def test_a_status_the_api_cannot_tell_takes_its_turn(
        content: Path, mastodon: tuple[FakeMastodon, str]) -> None:
    day = Masto(content, *mastodon, older=2, recheck=1)
    for status_id in day.old:
        select(files(content)[status_id])
    day.fake.faults_on.append((STATUS, Reply(403, {"error": "This action is not allowed"})))
    day.run()
    assert day.checked() == [day.old[0]]
    day.run()
    assert day.checked() == [day.old[1]]  # not the first again
    assert Register.load(content).rules == []  # a 403 is not a deletion
