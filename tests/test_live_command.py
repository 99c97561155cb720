"""``inventaire live`` and ``inventaire criers`` as people run them (issue 19): one pass
from the watched folder, the errors that name their fix, and the scheduler's round
hours and publications on a fake clock."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hostile.tmpproject import make_project
from inventaire.commands.build import build
from inventaire.commands.cli import main
from inventaire.core.postfile import read_post
from inventaire.importer.live.land import Batch, Lander
from inventaire.importer.live.mastodon import token_variable
from inventaire.importer.live.scheduler import Scheduler
from live_fakes import FIXTURES

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    project = make_project(tmp_path)
    folder = project / "content" / "sources" / "live"
    folder.mkdir(parents=True)
    shutil.copy(FIXTURES / "twarc2_stream.jsonl", folder / "stream.jsonl")
    return project


def test_live_once_lands_the_folders_posts_as_new(project: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(project), "live", "--once"]) == 0
    [path] = (project / "content" / "posts").rglob("*.md")
    post = read_post(path)
    assert post.id == "325100000000000101" and post.status == "new"
    assert post.place == "place-de-la-republique"  # the gazetteer, as in an import
    assert "1 new" in capsys.readouterr().out
    assert main(["--project", str(project), "live", "--once"]) == 0  # nothing twice
    assert "0 new; 0 updated" in capsys.readouterr().out


def test_one_live_command_at_a_time(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from inventaire.importer.live.cursors import one_live_at_a_time

    with one_live_at_a_time(project / "content"):
        assert main(["--project", str(project), "live", "--once"]) == 1
    assert "another 'inventaire live' is running" in capsys.readouterr().err
    assert not list((project / "content" / "posts").rglob("*.md"))
    assert main(["--project", str(project), "live", "--once"]) == 0  # released


def test_live_needs_the_days_hashtags(project: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    day = project / "content" / "pages" / "journee.md"
    day.write_text(day.read_text(encoding="utf-8").replace("hashtags: [jdtap]\n", ""),
                   encoding="utf-8")
    assert main(["--project", str(project), "live", "--once"]) == 1
    assert "names no hashtag" in capsys.readouterr().err


def test_until_must_be_an_hour_to_come(project: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(project), "live", "--until", "25h"]) == 1
    assert "write the hour as HH:MM" in capsys.readouterr().err


def test_criers_refuses_an_hour_that_is_not_one(project: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(project), "criers", "--hour", "24"]) == 1
    assert "0 to 23" in capsys.readouterr().err


def test_a_token_is_read_from_its_instances_variable() -> None:
    assert token_variable("https://mastodon.social/") == "MASTODON_TOKEN_MASTODON_SOCIAL"
    assert token_variable("http://127.0.0.1:8080") == "MASTODON_TOKEN_127_0_0_1"


class Still:
    """A source with nothing new: only the scheduler's clock matters here."""

    key = "still"

    def poll(self, cursor: dict[str, object]) -> tuple[Batch, dict[str, object]]:
        return Batch(self.key), cursor


def test_rounds_come_before_the_hour_and_publications_every_n_minutes(tmp_path: Path) -> None:
    from inventaire.importer.curation.day import DayFilter
    from inventaire.importer.live.cursors import Cursors

    now = [datetime(2013, 4, 19, 13, 40, tzinfo=PARIS)]
    rounds: list[str] = []
    published: list[str] = []
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    scheduler = Scheduler(
        [Still()], Cursors(content), Lander(content, DayFilter(now[0].date(), PARIS)),
        interval=300, lead=timedelta(minutes=10), publish_every=15,
        on_round=lambda when: rounds.append(f"{now[0]:%H:%M} for {when:%H}h"),
        on_publish=lambda: published.append(f"{now[0]:%H:%M}"),
        clock=lambda: now[0], sleep=lambda s: now.__setitem__(0, now[0] + timedelta(seconds=s)))
    passes = scheduler.run(until=datetime(2013, 4, 19, 15, 5, tzinfo=PARIS))
    assert rounds == ["13:50 for 14h", "14:50 for 15h"]
    assert published == ["13:55", "14:10", "14:25", "14:40", "14:55"]
    assert passes == 18  # 13:40 to 15:05, every five minutes


def test_criers_makes_the_rounds_sheets_on_demand(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from hostile.tmpproject import sample_posts

    marked = [p for p in sample_posts() if "time: '15:00'" in p.read_text(encoding="utf-8")]
    project = make_project(tmp_path, copy=marked)
    places = {read_post(p).declaimed.place for p in marked}  # type: ignore[union-attr]
    assert main(["--project", str(project), "criers", "--hour", "15"]) == 0
    out = capsys.readouterr().out
    for place in places:  # no build yet: in the cache, for the next build to publish
        sheet = project / "cache" / "criers" / place / "15h.pdf"
        assert sheet.read_bytes().startswith(b"%PDF") and f"{sheet}: " in out
    assert not (project / "output").exists()  # a build would refuse a folder it did not make
    build(project, book=False, search=False)
    for place in places:
        assert (project / "output" / "livre" / "crieurs" / place / "15h.pdf").is_file()
        phone = (project / "output" / "crieurs" / place / "index.html").read_text("utf-8")
        assert "crieurs/" + place + "/15h.pdf" in phone  # the round's sheet, linked
    assert main(["--project", str(project), "criers", "--hour", "9"]) == 0
    assert "no post is marked for 9 h" in capsys.readouterr().out
