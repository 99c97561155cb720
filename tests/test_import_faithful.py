"""Issue 15, « Real exports, read faithfully »: one test (or more) per defect.

Each fixture is small and written from the format's documentation
(docs/formats.md), or made by the real tool (twarc-csv, see
tools/make_twarc_csv_fixtures.py).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from inventaire.commands.cli import main
from inventaire.core.model import Post
from inventaire.core.postfile import read_post
from inventaire.importer.sources import common
from inventaire.importer.sources.common import Malformed, ReadContext, Skipped
from inventaire.importer.sources.detect import READERS, detect

FIXTURES = Path(__file__).parent / "fixtures" / "import"
PARIS = ZoneInfo("Europe/Paris")


def read_path(path: Path, label: str = "") -> list[object]:
    return list(READERS[detect(path)](path, ReadContext(PARIS, "sources/x", label or path.name)))


def posts_in(records: list[object]) -> dict[str, Post]:
    return {r.id: r for r in records if isinstance(r, Post)}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "content" / "pages").mkdir(parents=True)
    shutil.copy2(FIXTURES / "journee.md", tmp_path / "content" / "pages" / "journee.md")
    return tmp_path


def run_import(project: Path, *args: str) -> int:
    return main(["--project", str(project), "import", "--no-progress", *args])


def files_of(project: Path) -> dict[str, Path]:
    return {read_post(p).id: p for p in (project / "content" / "posts").rglob("*.md")}


# -- 1. long posts: each note to its own tweet, never by time alone --------------------

def test_notes_of_one_second_go_each_to_its_own_tweet() -> None:
    records = read_path(FIXTURES / "archive_threads")
    found = posts_in(records)
    for number in (1, 2, 3):  # a thread posted by a client: three notes in one second
        text = found[f"32520000000000000{number}"].text
        assert text.startswith(f"#jdtap {number}/3 Fil numéro {number}")
        assert text.endswith(f"— fin {number}.")
        assert "…" not in text and "i/web/status" not in text


def test_a_short_post_of_the_same_second_keeps_its_own_text() -> None:
    found = posts_in(read_path(FIXTURES / "archive_threads"))
    assert found["325200000000000004"].text == "#jdtap Court, dans la même seconde."


def test_a_note_matched_by_text_and_time_or_by_reference() -> None:
    found = posts_in(read_path(FIXTURES / "archive_threads"))
    single = found["325200000000000005"].text  # cut with "…", its note a second later
    assert single.endswith("fontaine") and "…" not in single
    by_reference = found["325200000000000020"].text  # names its note; ten minutes apart
    assert by_reference.startswith("#jdtap Par référence") and "…" not in by_reference


def test_an_ambiguous_note_is_reported_not_guessed() -> None:
    records = read_path(FIXTURES / "archive_threads", "threads")
    found = posts_in(records)
    assert found["325200000000000006"].text.endswith("…")  # the cut text, kept
    notices = [str(r) for r in records if isinstance(r, common.Notice)]
    assert len(notices) == 1
    assert notices[0].startswith("threads/data/tweets.js:")
    assert "325200000000000006" in notices[0]
    assert "1600000000000000061" in notices[0] and "1600000000000000062" in notices[0]
    line = int(notices[0].split(":")[1])
    text = (FIXTURES / "archive_threads" / "data" / "tweets.js").read_text(encoding="utf-8")
    assert "325200000000000006" in "\n".join(text.split("\n")[line - 1:line + 30])


def test_an_ambiguous_note_makes_the_import_say_so(project: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert run_import(project, str(FIXTURES / "archive_threads")) == 1
    out, err = capsys.readouterr()
    assert "warning: tweet 325200000000000006" in err
    assert "1 post(s) imported with a warning" in out
    assert "325200000000000006" in files_of(project)


# -- 2. edited tweets: the last version, once -------------------------------------------

def test_an_edited_tweet_is_kept_once_in_its_last_version() -> None:
    """The last version's text, under the original's id, address and time (as API v2
    and twarc-csv give it: tests/test_edited_tweets.py)."""
    records = read_path(FIXTURES / "archive_threads")
    found = posts_in(records)
    assert "325200000000000011" not in found
    post = found["325200000000000010"]
    assert post.text == "#jdtap Rendez-vous à 19h (corrigé)"
    assert post.url == "https://twitter.com/fil_rouge/status/325200000000000010"
    assert post.date.isoformat() == "2013-04-19T19:00:00+02:00"  # the original's 17:00Z
    assert post.extra["edited"] is True
    assert Skipped("older version") in records


def test_an_edited_tweet_says_so_in_the_editors_file(project: Path) -> None:
    run_import(project, str(FIXTURES / "archive_threads"))
    files = files_of(project)
    assert "325200000000000011" not in files
    assert "edited: true" in files["325200000000000010"].read_text(encoding="utf-8")


def test_an_edit_whose_last_version_is_missing_keeps_the_last_present(tmp_path: Path) -> None:
    source = (FIXTURES / "archive_threads" / "data" / "tweets.js").read_text(encoding="utf-8")
    items = json.loads(source.partition("=")[2])
    lone = tmp_path / "tweets.js"
    lone.write_text("window.YTD.tweets.part0 = " + json.dumps(
        [i for i in items if i["tweet"]["id_str"] != "325200000000000011"]), encoding="utf-8")
    found = posts_in(read_path(lone))
    assert found["325200000000000010"].text == "#jdtap Rendez-vous à 18h"
    assert "edited" not in found["325200000000000010"].extra


# -- 9. damaged archive files: what is wrong, where it is ------------------------------

def test_a_cut_tweets_js_names_the_line_of_the_cut_and_keeps_what_precedes(
        tmp_path: Path) -> None:
    source = (FIXTURES / "archive_threads" / "data" / "tweets.js").read_text(encoding="utf-8")
    cut_at = source.index('"325200000000000020"')
    lone = tmp_path / "tweets.js"
    lone.write_text(source[:cut_at], encoding="utf-8")
    records = read_path(lone, "tweets.js")
    bad = [r for r in records if isinstance(r, Malformed)]
    assert len(bad) == 1
    assert bad[0].line == source[:cut_at].count("\n") + 1
    assert "cut short" in bad[0].what
    # the last item before the cut: the edit, under its original's id
    assert posts_in(records)["325200000000000010"].text.endswith("(corrigé)")


# -- 3, 4. twarc-csv: every generation read right (files written by the released tools) --

CSV_VERSIONS = ("0.3.8", "0.5.2", "0.7.2")


def csv_posts(version: str) -> tuple[dict[str, Post], list[object]]:
    records = read_path(FIXTURES / "twarc_csv" / f"twarc-csv-{version}.csv")
    return posts_in(records), records


@pytest.mark.parametrize("version", CSV_VERSIONS)
def test_twarc_csv_generation_is_told_from_its_columns(version: str) -> None:
    from inventaire.importer.sources.twarc_csv import generation

    path = FIXTURES / "twarc_csv" / f"twarc-csv-{version}.csv"
    header = path.read_text(encoding="utf-8").split("\n", 1)[0].split(",")
    assert generation(header) == {"0.3.8": "0.3", "0.5.2": "0.4", "0.7.2": "0.7"}[version]


@pytest.mark.parametrize("version", CSV_VERSIONS)
def test_twarc_csv_retweets_are_not_posts(version: str) -> None:
    found, records = csv_posts(version)
    assert set(found) == {"325300000000000001", "325300000000000003",
                          "325300000000000004", "325300000000000005"}
    assert Skipped("retweet") in records


@pytest.mark.parametrize("version", CSV_VERSIONS)
def test_twarc_csv_links_are_whole(version: str) -> None:
    found, _records = csv_posts(version)
    original = found["325300000000000001"]
    assert original.text == "Thé & gâteau #jdtap au jardin example.com/palais/jardin"
    link = next(e for e in original.entities if e.kind == "url")
    assert link.value == "https://www.example.com/palais/jardin"
    assert original.text[link.start:link.end] == "example.com/palais/jardin"
    assert all("'" not in e.value and "{" not in e.value for e in original.entities)


@pytest.mark.parametrize("version", CSV_VERSIONS)
def test_twarc_csv_references_of_every_generation(version: str) -> None:
    found, _records = csv_posts(version)
    assert found["325300000000000004"].reply_to == "325300000000000001"
    assert found["325300000000000004"].text == "@flaneuse75 Deux lignes\nsur le pont <3 #jdtap"
    assert found["325300000000000003"].quote_of == "325300000000000001"


@pytest.mark.parametrize("version", CSV_VERSIONS)
def test_twarc_csv_quote_with_two_photos_keeps_its_quote_link(version: str) -> None:
    found, _records = csv_posts(version)
    for post_id in ("325300000000000003", "325300000000000005"):
        post = found[post_id]
        assert len(post.media) == 2
        quote = [e for e in post.entities if e.kind == "url"]
        assert [e.value for e in quote] == [
            "https://twitter.com/flaneuse75/status/325300000000000001"]
        assert "pic.twitter.com" not in post.text and "  " not in post.text
    assert found["325300000000000005"].text.startswith("Le bassin, deux fois #jdtap twitter.com/")


def test_twarc_csv_python_repr_lists_are_read(tmp_path: Path) -> None:
    """pandas writes a list cell as its Python repr when it was not JSON-encoded."""
    import ast
    import csv
    import json as json_

    source = FIXTURES / "twarc_csv" / "twarc-csv-0.5.2.csv"
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        for name in ("entities.urls", "entities.hashtags", "attachments.media"):
            if row[name]:
                row[name] = repr(json_.loads(row[name]))
                assert ast.literal_eval(row[name])
    target = tmp_path / "repr.csv"
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    found = posts_in(read_path(target))
    assert found["325300000000000001"].text.endswith("au jardin example.com/palais/jardin")
    assert len(found["325300000000000003"].media) == 2


# -- 5. a CSV cut short: FILE:LINE, exit 1, nothing half-imported ------------------------

def test_a_csv_cut_short_names_its_line_and_imports_no_half_row(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = (FIXTURES / "twarc_csv" / "twarc-csv-0.7.2.csv").read_bytes()
    lines = data.split(b"\n")
    cut = tmp_path / "cut.csv"
    cut.write_bytes(b"\n".join(lines[:2]) + b"\n" + lines[2][:120])
    assert run_import(project, "--all", str(cut)) == 1
    _out, err = capsys.readouterr()
    assert f"{cut}:3: the row has " in err and "cut short" in err
    files = files_of(project)
    assert set(files) == {"325300000000000005"}  # the whole first row, nothing of the cut one
    assert all("//status" not in p.read_text(encoding="utf-8") for p in files.values())


def test_a_csv_row_without_author_is_named(tmp_path: Path) -> None:
    source = FIXTURES / "twarc.csv"
    text = source.read_text(encoding="utf-8").replace(",noctambule,", ",,")
    lone = tmp_path / "noauthor.csv"
    lone.write_text(text, encoding="utf-8")
    bad = [r for r in read_path(lone) if isinstance(r, Malformed)]
    assert "author.username is empty" in bad[0].what and bad[0].line == 3


# -- 8. twarc2 users, lists and counts: refused with one line -----------------------------

@pytest.mark.parametrize(("name", "what"), [
    ("twarc2_users.jsonl", "accounts"), ("twarc2_lists.jsonl", "lists"),
    ("twarc2_counts.jsonl", "tweet counts")])
def test_twarc2_files_that_are_not_tweets_are_refused_in_one_line(
        name: str, what: str, project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_import(project, "--all", str(FIXTURES / name)) == 1
    out, err = capsys.readouterr()
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith(f"{FIXTURES / name}:1: this file holds {what}")
    assert not (project / "content" / "posts").exists() or not files_of(project)
    assert "imported 0" in out


@pytest.mark.parametrize(("header", "what"), [
    ("start,end,tweet_count,__twarc.retrieved_at", "tweet counts"),
    ("id,owner_id,created_at,name,description,member_count,follower_count,private", "lists"),
    ("id,created_at,username,name,description,public_metrics.followers_count", "users"),
])
def test_twarc_csv_of_users_lists_or_counts_is_refused(header: str, what: str,
                                                      tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text(header + "\n" + ",".join("1" for _ in header.split(",")) + "\n",
                    encoding="utf-8")
    records = read_path(path)
    assert len(records) == 1 and isinstance(records[0], Malformed)
    assert f"holds {what}" in records[0].what


# -- 15. --all instead of --hashtag "" ---------------------------------------------------

def test_all_keeps_every_post_of_the_day(project: Path) -> None:
    export = str(FIXTURES / "twitter_v1.jsonl")
    run_import(project, export)
    with_tag = set(files_of(project))
    shutil.rmtree(project / "content" / "posts")
    run_import(project, "--all", export)
    everything = set(files_of(project))
    assert with_tag < everything
    shutil.rmtree(project / "content" / "posts")
    run_import(project, "--hashtag", "", export)  # the old spelling still works
    assert set(files_of(project)) == everything


def test_all_and_hashtag_together_are_refused(project: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run_import(project, "--all", "--hashtag", "jdtap", str(FIXTURES / "twarc.csv"))
    assert "not allowed with argument" in capsys.readouterr().err


# -- 7. Mastodon .tar.gz (before 4.1), with the zip guards ----------------------------------

def make_tar(target: Path, members: list[tuple[str, bytes | str]], folder: Path | None = None
             ) -> Path:
    """A .tar.gz with ``folder``'s files (as Mastodon wrote them) and ``members``;
    a ``str`` value makes a symbolic link to it."""
    import io
    import tarfile

    with tarfile.open(target, "w:gz") as tar:
        if folder is not None:
            for path in sorted(folder.rglob("*")):
                tar.add(path, arcname=path.relative_to(folder).as_posix(), recursive=False)
        for name, data in members:
            info = tarfile.TarInfo(name)
            if isinstance(data, str):
                info.type, info.linkname = tarfile.SYMTYPE, data
                tar.addfile(info)
            else:
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
    return target


def test_a_mastodon_tar_gz_reads_as_its_folder(project: Path, tmp_path: Path) -> None:
    archive = make_tar(tmp_path / "archive-20221101.tar.gz", [], FIXTURES / "mastodon")
    assert detect(archive) == "mastodon"
    from_tar = posts_in(read_path(archive))
    from_folder = posts_in(read_path(FIXTURES / "mastodon"))
    assert {k: p.text for k, p in from_tar.items()} == {k: p.text for k, p in
                                                        from_folder.items()}
    run_import(project, str(archive))
    post = read_post(files_of(project)["110222333444555001"])
    assert post.media[0].file == "media/mastodon-110222333444555001-1.jpg"
    assert (project / "content" / post.media[0].file).is_file()


def test_a_tar_gz_member_that_climbs_out_or_links_is_refused(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = make_tar(tmp_path / "evil.tar.gz", [("../../evil.txt", b"x"),
                                                  ("media_attachments/x.jpg", "/etc/passwd")],
                       FIXTURES / "mastodon")
    assert run_import(project, str(archive)) == 1
    _out, err = capsys.readouterr()
    assert "'../../evil.txt' climbs out of the archive" in err
    assert "'media_attachments/x.jpg' is a link" in err
    assert not (tmp_path.parent / "evil.txt").exists()
    assert "110222333444555001" in files_of(project)  # the rest is read


def test_a_tar_bomb_is_refused_before_it_is_inflated(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = make_tar(tmp_path / "bomb.tar.gz", [("outbox.json", b"{}"),
                                                  ("padding.bin", bytes(40 << 20))])
    assert archive.stat().st_size < 100_000
    assert run_import(project, str(archive)) == 1
    err = capsys.readouterr().err
    assert "a tar bomb?" in err and str(archive) in err


def test_a_cut_tar_gz_says_it_is_cut(project: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    whole = make_tar(tmp_path / "whole.tar.gz", [], FIXTURES / "mastodon").read_bytes()
    cut = tmp_path / "archive.tar.gz"
    cut.write_bytes(whole[: len(whole) * 2 // 3])
    assert run_import(project, str(cut)) == 1
    err = capsys.readouterr().err
    assert "cut short" in err and str(cut) in err


# -- 9. a cut zip is called cut, not "holds neither…" --------------------------------------

def test_a_cut_zip_is_called_damaged(project: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    whole = Path(shutil.make_archive(str(tmp_path / "twitter"), "zip", FIXTURES / "archive"))
    cut = tmp_path / "twitter-cut.zip"
    cut.write_bytes(whole.read_bytes()[:-200])
    assert run_import(project, str(cut)) == 1
    err = capsys.readouterr().err
    assert "damaged zip file" in err and "cut short" in err
    assert "holds neither" not in err


# -- 6. Mastodon content warnings, polls, unlisted: kept in the editors' file ---------------

def test_mastodon_content_warning_poll_and_unlisted_are_kept() -> None:
    found = posts_in(read_path(FIXTURES / "mastodon_cw"))
    warned = found["110300000000000001"].extra
    assert warned["content_warning"] == "Inondation, images de dégâts"
    assert warned["sensitive"] is True
    poll = found["110300000000000002"].extra["poll"]
    assert poll["options"] == [{"title": "Pont des Arts", "votes": 5},
                               {"title": "Pont Neuf", "votes": 2}]
    assert poll["voters"] == 7 and poll["multiple"] is False
    assert found["110300000000000003"].extra["visibility"] == "unlisted"
    assert "visibility" not in found["110300000000000001"].extra
    api = posts_in(read_path(FIXTURES / "mastodon_cw_statuses.json"))["130"].extra
    assert api["content_warning"] == "Bruit" and api["visibility"] == "unlisted"
    assert api["poll"]["options"][0] == {"title": "Oui", "votes": 2}


def test_mastodon_flags_reach_the_file_and_check_lists_sensitive_posts(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_import(project, str(FIXTURES / "mastodon_cw"),
                      str(FIXTURES / "mastodon_cw_statuses.json")) == 0
    files = files_of(project)
    text = files["110300000000000001"].read_text(encoding="utf-8")
    assert "content_warning: Inondation, images de dégâts" in text and "sensitive: true" in text
    assert "visibility: unlisted" in files["110300000000000003"].read_text(encoding="utf-8")
    assert "Pont des Arts" in files["110300000000000002"].read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["--project", str(project), "check"]) == 0  # warnings only
    captured = capsys.readouterr()
    sensitive = [line for line in captured.out.splitlines() if "warning: sensitive:" in line]
    assert len(sensitive) == 2 and "Inondation" in "\n".join(sensitive)
    assert "2 sensitive post(s) to decide" in captured.err


def test_skip_unlisted_leaves_them_out(project: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    run_import(project, "--skip-unlisted", str(FIXTURES / "mastodon_cw"))
    assert set(files_of(project)) == {"110300000000000001", "110300000000000002"}
    assert "1 unlisted" in capsys.readouterr().out


# -- 14. a photo without alt text never fails the tagged screen edition -------------------

@pytest.mark.parametrize(("alt", "caption", "expected"), [
    ("", "", 'alt="Photo du post : Un bus &lt;96&gt; passe &amp; repasse"'),
    ("", "Le bassin", 'alt="Le bassin"'),
    ("Un pigeon", "Le bassin", 'alt="Un pigeon"'),
])
def test_the_book_plate_is_described_by_its_alt_caption_or_post_text(
        alt: str, caption: str, expected: str) -> None:
    """WeasyPrint's tagged (PDF/UA) edition stops on an image without a description."""
    from types import SimpleNamespace

    from inventaire.book.templates import Templates

    theme = Path(__file__).resolve().parent.parent / "theme" / "templates"
    source = (theme / "book" / "livre.html").read_text(encoding="utf-8")
    figure = next(line for line in source.splitlines()
                  if '<figure class="plate' in line and "<img" in line)
    templates = Templates([theme])
    template = templates.env.from_string("{% autoescape true %}" + figure + "{% endautoescape %}")
    plate = SimpleNamespace(url="plate/x.jpg", alt=alt, caption=caption, width_mm=80.0,
                            height_mm=60.0)
    post = SimpleNamespace(post=SimpleNamespace(text="Un bus <96> passe & repasse"),
                           anchor="p1")
    rendered = template.render(plate=plate, post=post, moved=False,
                               loop=SimpleNamespace(first=True))
    assert expected in rendered
