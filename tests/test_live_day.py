"""One simulated hour of the day (issue 19): posts arrive from a fake Mastodon, a fake
Bluesky and a growing twarc2 file, three are selected and marked for a place (as the triage writes
them), the round hour passes, and the crier's sheet and phone page hold exactly
those three. Also the wall and the home block of a live publication."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pypdf
import pytest
from hostile.tmpproject import make_project
from inventaire.commands.build import build, load_settings
from inventaire.commands.live import Day, make_round_sheets, the_day
from inventaire.core.postfile import read_post
from inventaire.importer.live.bluesky import BlueskySource
from inventaire.importer.live.cursors import Cursors
from inventaire.importer.live.folder import FolderSource
from inventaire.importer.live.land import Lander
from inventaire.importer.live.mastodon import MastodonSource
from inventaire.importer.live.retry import Retry
from inventaire.importer.live.scheduler import PassReport, Scheduler
from live_fakes import FIXTURES, FakeBluesky, FakeMastodon, serve

PARIS = ZoneInfo("Europe/Paris")
PLACE = "place-de-la-bastille"
CHOSEN = ("Le kiosque ouvre ses volets", "Un saxophone sous la colonne",
          "Les pigeons comptent les passants")


class Clock:
    """Ten minutes a pass: 14:20, 14:30 … 15:10."""

    def __init__(self) -> None:
        self.now = datetime(2013, 4, 19, 14, 20, tzinfo=PARIS)

    def __call__(self) -> datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def tweet_line(number: int, when: datetime, text: str) -> str:
    page = json.loads((FIXTURES / "twarc2_stream.jsonl").read_text(encoding="utf-8"))
    tweet = page["data"]
    tweet["id"] = str(325100000000000200 + number)
    tweet["edit_history_tweet_ids"] = [tweet["id"]]
    tweet["created_at"] = when.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    tweet["text"] = f"{text} #jdtap"
    tweet["entities"] = {"hashtags": [{"start": len(text) + 1, "end": len(text) + 7,
                                       "tag": "jdtap"}]}
    return json.dumps(page, ensure_ascii=False) + "\n"


def mark(path: Path, place: str, time: str) -> None:
    """What the triage page writes: selected, and to be cried at ``place`` at ``time``."""
    text = path.read_text(encoding="utf-8")
    text = text.replace("status: candidate", "status: selected")
    head, sep, body = text[4:].partition("\n---\n")
    path.write_text(f"---\n{head}\ndeclaimed: {{place: {place}, time: '{time}'}}{sep}{body}",
                    encoding="utf-8")


def test_one_hour_of_the_day(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    content = project / "content"
    stream = content / "sources" / "live" / "stream.jsonl"
    stream.parent.mkdir(parents=True)
    stream.write_text("", encoding="utf-8")
    settings = load_settings(project)
    output = Path(settings["OUTPUT_PATH"])
    filter_ = the_day(content)
    clock = Clock()
    fake = FakeMastodon()
    sky = FakeBluesky()
    rounds: list[int] = []

    def on_round(when: datetime) -> None:
        rounds.append(when.hour)
        make_round_sheets(settings, when.hour, [output])
        build(project, book=False, search=False)

    with serve(fake) as url, serve(sky) as sky_url:
        passes = 0

        def arrive(_report: PassReport) -> None:
            """Between passes: new posts upstream and in the file; the editors choose."""
            nonlocal passes
            passes += 1
            when = clock.now
            if passes == 1:
                fake.add(1, when - timedelta(minutes=3), CHOSEN[0])
                fake.add(2, when - timedelta(minutes=2), "Une file devant la boulangerie")
                with stream.open("a", encoding="utf-8") as handle:
                    handle.write(tweet_line(1, when - timedelta(minutes=1), CHOSEN[1]))
                    handle.write(tweet_line(2, when, "Un bus vide")[:50])  # being written
            elif passes == 2:
                with stream.open("a", encoding="utf-8") as handle:
                    handle.write(tweet_line(2, when, "Un bus vide")[50:])
                fake.add(3, when, "Un marchand de journaux crie les titres")
                sky.add("3kpigeons", when - timedelta(minutes=1), CHOSEN[2])
                sky.add("3kchien", when, "Un chien attend devant la pharmacie")
            elif passes == 3:
                files = {read_post(p).text: p for p in (content / "posts").rglob("*.md")}
                assert len(files) == 7
                for text, path in files.items():
                    if text.startswith(CHOSEN):
                        mark(path, PLACE, "15:00")
                other = next(p for t, p in files.items() if t.startswith("Un bus"))
                mark(other, "place-saint-sulpice", "16:00")  # another round, elsewhere

        scheduler = Scheduler(
            [MastodonSource(url, "jdtap", filter_.start, PARIS, Retry(sleep=clock.sleep),
                            token=""),
             BlueskySource(sky_url, "jdtap", filter_.start, PARIS, Retry(sleep=clock.sleep),
                           login=None),
             FolderSource(stream.parent, content, PARIS)],
            Cursors.load(content), Lander(content, filter_), interval=600,
            lead=timedelta(0), on_round=on_round, on_pass=arrive, clock=clock,
            sleep=clock.sleep)
        scheduler.run(until=datetime(2013, 4, 19, 15, 10, tzinfo=PARIS))

    assert rounds == [15]
    sheet = output / "livre" / "crieurs" / PLACE / "15h.pdf"
    said = " ".join(" ".join(page.extract_text().split())
                    for page in pypdf.PdfReader(sheet).pages)
    for text in CHOSEN:
        assert text in said
    for text in ("boulangerie", "bus vide", "journaux", "chien"):
        assert text not in said
    assert "3 textes à lire" in said
    assert not (output / "livre" / "crieurs" / "place-saint-sulpice" / "15h.pdf").exists()
    phone = (output / "crieurs" / PLACE / "index.html").read_text(encoding="utf-8")
    cards = re.findall(r'<section class="card" id="r15-\d" data-hour="15">(.*?)</section>',
                       phone, re.S)
    assert len(cards) == 3 and phone.count('class="card"') == 3
    for card, text in zip(cards, CHOSEN, strict=True):
        assert text in card
        assert "#jdtap" not in card.split('class="say"')[1].split("</p>")[0]  # set apart
        assert '<p class="apart">#jdtap</p>' in card
    assert 'href="/livre/crieurs/place-de-la-bastille/15h.pdf"' in phone or \
        "livre/crieurs/place-de-la-bastille/15h.pdf" in phone


@pytest.mark.parametrize("live", [True, False])
def test_the_wall_and_the_home_block(tmp_path: Path, live: bool) -> None:
    project = make_project(tmp_path)
    content = project / "content"
    lines = "".join(tweet_line(n, datetime(2013, 4, 19, 9 + n, 0, tzinfo=PARIS),
                               f"Message <b>{n}</b> du mur") for n in range(3))
    (content / "sources" / "live").mkdir(parents=True)
    (content / "sources" / "live" / "s.jsonl").write_text(lines, encoding="utf-8")
    filter_ = the_day(content)
    Lander(content, filter_, status="selected").land(
        [FolderSource(content / "sources" / "live", content, PARIS).poll({})[0]])
    if live:  # what inventaire live publishes, into its own folder
        Day(project, load_settings(project)).publish()
        output = project / "public"
        assert not (project / "output").exists()  # the preview's folder is not touched
    else:
        output = Path(build(project, book=False, search=False)["OUTPUT_PATH"])
    wall = (output / "mur" / "index.html").read_text(encoding="utf-8")
    assert wall.count("<article class=\"post") == 3
    assert "Message &lt;b&gt;2&lt;/b&gt; du mur" in wall  # escaped
    assert "<a " not in wall and "http://" not in wall.replace("http-equiv", "")
    assert wall.index("Message &lt;b&gt;2") < wall.index("Message &lt;b&gt;0")  # newest first
    home = (output / "index.html").read_text(encoding="utf-8")
    assert ("La journée en direct" in home) is live
    assert ('href="/crieurs/place-de-la-bastille/"' in home
            or 'crieurs/place-de-la-bastille/"' in home) is live


def test_the_home_block_counts_each_places_texts_for_the_coming_round() -> None:
    from inventaire.site.live import CrierPage, Round, Spoken, coming_rounds, next_hour

    said = Spoken("Un texte", [], "a", "14 h 10", "post/1/")
    bastille = CrierPage("place-de-la-bastille", "Place de la Bastille", "crieurs/b/",
                         [Round(15, "15 h", [said, said]), Round(16, "16 h", [said])])
    vosges = CrierPage("place-des-vosges", "Place des Vosges", "crieurs/v/",
                       [Round(16, "16 h", [said])])
    assert next_hour(datetime(2013, 4, 19, 14, 50, tzinfo=PARIS)) == 15
    coming = coming_rounds([bastille, vosges], 15)
    assert [(c.crier.slug, c.count) for c in coming] == [("place-de-la-bastille", 2),
                                                         ("place-des-vosges", 0)]
