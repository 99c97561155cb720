"""Withdrawal, consent and the authors list (issue 6)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hostile.leaks import Needles, find, normal, unique_words
from hostile.tmpproject import made_up_post
from inventaire.commands.cli import main
from inventaire.commands.rights import in_book
from inventaire.core.media import media_path
from inventaire.core.model import Post
from inventaire.core.postfile import dump_post, read_post
from inventaire.core.rights import Register
from inventaire.site.reader import post_status

EPOCH = "1366372800"  # 2013-04-19T12:00:00Z
EPOCH_ISO = "2013-04-19T12:00:00+00:00"

HAND_EDITED = """---
id: "325312345678901234"
network: twitter
url: https://twitter.com/flaneuse75/status/325312345678901234
date: 2013-04-19T14:32:07+02:00
author: flaneuse75
author_name: 'La Flâneuse'
place: place-saint-sulpice          # a slug from content/places/
status: selected                    # candidate | selected | withdrawn
declaimed: {place: place-saint-sulpice, time: "14:45"}
consent: granted                    # unknown | granted | refused
note: |
  Lu par le crieur.
  status: this line is part of the note, not a field
---
Un bus 96 passe. Il est presque vide. #jdtap
---
status: selected
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with three authors' posts, one of them hand-edited."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    posts = tmp_path / "content" / "posts" / "2013-04-19"
    posts.mkdir(parents=True)
    (posts / "14h32-325312345678901234.md").write_text(HAND_EDITED, encoding="utf-8")
    for index in range(6):
        post = made_up_post(index, author="Passant" if index % 2 else "autre",
                            consent=("granted", "unknown", "refused")[index % 3])
        (posts / f"{post.date:%Hh%M}-{post.id}.md").write_text(dump_post(post),
                                                               encoding="utf-8")
    return tmp_path


def files(project: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (project / "content" / "posts").rglob("*")
            if p.is_file()}


# ----------------------------------------------------------------------- withdraw

def register_of(project: Path) -> Register:
    return Register.load(project / "content")


def test_withdraw_id_writes_the_register_and_leaves_the_files(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = files(project)
    status = main(["--project", str(project), "withdraw", "325312345678901234",
                   "--reason", "Asked by @flaneuse75 by e-mail: remove it"])
    assert status == 0
    assert files(project) == before  # rules, not marks: the editors' files stay
    [rule] = register_of(project).rules
    assert (rule.kind, rule.target, rule.network, rule.active) == \
        ("post", "325312345678901234", "twitter", True)
    assert [e.to_dict() for e in rule.history] == [
        {"action": "withdrawn", "date": EPOCH_ISO,
         "reason": "Asked by @flaneuse75 by e-mail: remove it"}]
    post = read_post(project / "content/posts/2013-04-19/14h32-325312345678901234.md")
    assert post.status == "selected"
    assert register_of(project).apply(post).status == "withdrawn"
    out = capsys.readouterr().out
    assert "content/rights.yml: post 325312345678901234 (twitter) withdrawn on " \
        f"{EPOCH_ISO} (Asked by @flaneuse75 by e-mail: remove it); 1 post(s)" in out


def test_withdraw_handle_takes_every_post_of_the_author_whatever_the_case(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(project), "withdraw", "@PASSANT"]) == 0
    register = register_of(project)
    statuses = {p.id: (p.author, register.apply(p).status) for p in
                map(read_post, (project / "content" / "posts").rglob("*.md"))}
    assert sorted(s for a, s in statuses.values() if a == "Passant") == ["withdrawn"] * 3
    assert all(s == "selected" for a, s in statuses.values() if a != "Passant")
    assert "3 post(s) in content/ left out, none imported again" in capsys.readouterr().out


def test_withdraw_again_leaves_the_register_and_its_first_record(
        project: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["--project", str(project), "withdraw", "325312345678901234",
                 "--reason", "first"]) == 0
    before = (project / "content" / "rights.yml").read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1400000000")
    assert main(["--project", str(project), "withdraw", "325312345678901234",
                 "--reason", "second"]) == 0
    assert (project / "content" / "rights.yml").read_bytes() == before
    assert "already withdrawn on 2013-04-19T12:00:00+00:00; left unchanged" \
        in capsys.readouterr().out


def test_undo_restores_and_keeps_the_history(
        project: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["--project", str(project), "withdraw", "@passant", "--reason", "asked"]) == 0
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1400000000")
    assert main(["--project", str(project), "withdraw", "--undo", "@Passant",
                 "--reason", "changed their mind"]) == 0
    [rule] = register_of(project).rules
    assert not rule.active
    assert [(e.action, e.reason) for e in rule.history] == \
        [("withdrawn", "asked"), ("restored", "changed their mind")]
    assert "restored (3 post(s) in content/ follow their own status again); the " \
        "history is kept" in capsys.readouterr().out
    posts = [register_of(project).apply(read_post(p))
             for p in (project / "content" / "posts").rglob("*.md")]
    assert all(p.status == "selected" for p in posts)
    assert main(["--project", str(project), "withdraw", "--undo", "@passant"]) == 1
    assert "is not withdrawn" in capsys.readouterr().err
    # Withdrawn again: a third event, the same entry.
    assert main(["--project", str(project), "withdraw", "@passant"]) == 0
    [rule] = register_of(project).rules
    assert [e.action for e in rule.history] == ["withdrawn", "restored", "withdrawn"]


def test_withdraw_an_author_not_imported_yet_needs_the_network(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(project), "withdraw", "@later"]) == 1
    assert "add --network" in capsys.readouterr().err
    assert main(["--project", str(project), "withdraw", "@later", "--network",
                 "mastodon"]) == 0
    [rule] = register_of(project).rules
    assert (rule.kind, rule.target, rule.network) == ("author", "later", "mastodon")


@pytest.mark.parametrize(("target", "message"), [
    ("999", "inventaire: no post with id 999 in "),
    ("@nobody", "inventaire: no post by @nobody in "),
    ("@", "inventaire: '@' alone names no author"),
    ("../../etc/passwd", "is neither a post id nor an @handle"),
])
def test_withdraw_unknown_target_is_one_sentence_and_changes_nothing(
        project: Path, capsys: pytest.CaptureFixture[str], target: str, message: str) -> None:
    before = files(project)
    assert main(["--project", str(project), "withdraw", target]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert files(project) == before
    assert not (project / "content" / "rights.yml").exists()


def test_withdraw_refuses_when_the_posts_file_is_broken(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / "content/posts/2013-04-19/14h32-325312345678901234.md"
    path.write_bytes(HAND_EDITED.replace("flâneuse", "x").encode("utf-8") + b"\xff")
    assert main(["--project", str(project), "withdraw", "325312345678901234"]) == 1
    err = capsys.readouterr().err
    assert f"{path}:19: encoding: the file is Latin-1 (ISO-8859-1) or Windows-1252, not " \
        "UTF-8" in err


def test_a_broken_register_is_named_by_check_and_closes_the_outputs(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    register = project / "content" / "rights.yml"
    register.write_text("withdrawals:\n- author: a\n  network: twiter\n", encoding="utf-8")
    assert main(["--project", str(project), "check"]) == 1
    assert f"{register}:2: network: 'twiter' is not a network — use one of: twitter, " \
        "mastodon, bluesky" in capsys.readouterr().out
    closed, error = Register.load_or_close(project / "content")
    assert error is not None
    post = read_post(project / "content/posts/2013-04-19/14h32-325312345678901234.md")
    assert not closed.apply(post).visible(True)
    assert main(["--project", str(project), "authors"]) == 1


def test_check_and_authors_report_the_register(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--project", str(project), "withdraw", "@Passant", "--reason", "e-mail"]) == 0
    capsys.readouterr()
    main(["--project", str(project), "check"])
    out = capsys.readouterr().out
    assert f"{project / 'content' / 'rights.yml'}:7: withdrawn: @Passant (twitter) on " \
        f"{EPOCH_ISO}: 3 post file(s) left out of every output" in out
    assert main(["--project", str(project), "authors"]) == 0
    out = capsys.readouterr().out
    assert "@Passant" not in out.split("\n\n")[0]  # not in the selection any more
    assert f"withdrawn @Passant (twitter) on {EPOCH_ISO}: e-mail (3 post file(s) left out)" \
        in out


# ------------------------------------------------------------------------ authors

def test_authors_lists_the_selection_with_consent(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_csv = project / "asks.csv"
    assert main(["--project", str(project), "authors", "--csv", str(out_csv)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1].split()[:4] == ["@autre", "twitter", "3", "mixed"]
    assert out[2].split()[:4] == ["@flaneuse75", "twitter", "1", "granted"]
    assert out[3].split()[:4] == ["@Passant", "twitter", "3", "mixed"]
    assert out[4] == "3 author(s), 7 selected post(s); consent: 1 granted, 2 mixed"
    rows = list(csv.DictReader(io.StringIO(out_csv.read_text(encoding="utf-8"))))
    assert [r["handle"] for r in rows] == ["autre", "flaneuse75", "Passant"]
    assert rows[1] == {"handle": "flaneuse75", "name": "La Flâneuse", "network": "twitter",
                       "posts": "1", "consent": "granted",
                       "profile_url": "https://twitter.com/flaneuse75",
                       "ids": "325312345678901234"}
    assert rows[0]["ids"].split() == [str(325312345678900000 + i) for i in (0, 2, 4)]


def test_authors_skips_withdrawn_and_candidates_and_defuses_formulas(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    posts = project / "content" / "posts" / "2013-04-19"
    evil = made_up_post(40, author="evil", author_name="=HYPERLINK(\"http://x\")\x07")
    (posts / f"{evil.date:%Hh%M}-{evil.id}.md").write_text(dump_post(evil), encoding="utf-8")
    main(["--project", str(project), "withdraw", "@autre"])
    candidate = made_up_post(41, author="maybe", status="candidate")
    (posts / f"{candidate.date:%Hh%M}-{candidate.id}.md").write_text(dump_post(candidate),
                                                                   encoding="utf-8")
    out_csv = project / "asks.csv"
    assert main(["--project", str(project), "authors", "--csv", str(out_csv)]) == 0
    rows = list(csv.DictReader(io.StringIO(out_csv.read_text(encoding="utf-8"))))
    assert [r["handle"] for r in rows] == ["evil", "flaneuse75", "Passant"]
    assert rows[0]["name"] == "'=HYPERLINK(\"http://x\") "


# ------------------------------------------------------------------------ consent

@pytest.mark.parametrize(("status", "consent", "book", "require", "expected"), [
    ("selected", "granted", True, True, True),
    ("selected", "unknown", True, True, False),
    ("selected", "unknown", True, False, True),
    ("selected", "refused", True, False, False),
    ("selected", "granted", False, False, False),
    ("withdrawn", "granted", True, False, False),
    ("candidate", "granted", True, False, False),
])
def test_in_book(status: str, consent: str, book: bool, require: bool, expected: bool) -> None:
    post = made_up_post(1, status=status, consent=consent, book=book)
    assert in_book(post, {"BOOK_REQUIRE_CONSENT": require}) is expected


@pytest.mark.parametrize(("status", "consent", "show", "expected"), [
    ("selected", "refused", False, "skip"),
    ("selected", "refused", True, "skip"),
    ("candidate", "refused", True, "skip"),
    ("withdrawn", "granted", True, "skip"),
    ("selected", "unknown", False, "published"),
    ("candidate", "unknown", False, "skip"),
])
def test_refused_and_withdrawn_are_skipped_by_the_reader(
        status: str, consent: str, show: bool, expected: str) -> None:
    post: Post = made_up_post(1, status=status, consent=consent)
    assert post_status(post, show) == expected


# -------------------------------------------------------------------------- media

@pytest.mark.parametrize("name", [
    "../outside.jpg", "media/../../outside.jpg", "/etc/passwd", "media\\..\\x.jpg",
    "media//x.jpg", "media/./x.jpg", "", "media/x\x00.jpg",
])
def test_media_path_refuses_names_that_leave_content(tmp_path: Path, name: str) -> None:
    (tmp_path / "content" / "media").mkdir(parents=True)
    assert media_path(tmp_path / "content", name) is None


def test_media_path_refuses_a_symlink_out_and_accepts_a_plain_file(tmp_path: Path) -> None:
    media = tmp_path / "content" / "media"
    media.mkdir(parents=True)
    (tmp_path / "secret.txt").write_text("x")
    (media / "link.jpg").symlink_to(tmp_path / "secret.txt")
    (media / "ok.jpg").write_bytes(b"x")
    assert media_path(tmp_path / "content", "media/link.jpg") is None
    assert media_path(tmp_path / "content", "media/ok.jpg") == (media / "ok.jpg").resolve()


# ------------------------------------------------------------ withdrawal, accepted

def pick_post(root: Path) -> tuple[Post, Needles]:
    """A selected, printed post of the sample day with words no other file holds."""
    from inventaire.core.postfile import read_post as read

    files = sorted((root / "content").rglob("*.md"))
    texts = {p: p.read_text(encoding="utf-8", errors="replace") for p in files}
    texts.update({p: p.read_text(encoding="utf-8", errors="replace")
                  for p in sorted((root / "theme").rglob("*")) if p.is_file()
                  and p.suffix in (".html", ".js", ".css", ".json", ".txt")})
    for path in sorted((root / "content" / "posts").rglob("*.md")):
        post = read(path)
        if not in_book(post, {}) or len(normal(post.text)) < 40:
            continue
        words = unique_words(post.text, [t for p, t in texts.items() if p != path])
        if len(words) >= 2:
            return post, Needles(post.id, normal(post.text), tuple(words))
    pytest.skip("no selected post of the sample day has two words of its own")


def around(root: Path, post: Post, spread: int = 20) -> list[Path]:
    """The files of ``post``, of the two selected posts either side of it in the day's
    order (their pages name it) and of ``spread`` selected posts over the whole day."""
    from hostile.tmpproject import selected_sample

    day = sorted(((read_post(path), path)
                  for path in (root / "content" / "posts").rglob("*.md")),
                 key=lambda item: item[0].sort_key())
    selected = [(each, path) for each, path in day if each.status == "selected"]
    index = next(i for i, (each, _path) in enumerate(selected) if each.id == post.id)
    near = [path for _each, path in selected[max(0, index - 2):index + 3]]
    return sorted({*near, *selected_sample(spread)})


def test_a_withdrawn_post_leaves_no_trace_in_any_output(root: Path, tmp_path: Path) -> None:
    """A post of the sample day is withdrawn, the day is built again, and nothing of
    it is left in ``output/``. The day is the post, its neighbours and twenty posts
    spread over the sample day, with the sample's settings, theme, places and pages:
    every kind of page, the search index and the book show the post as the whole
    day's would (the control, built before the withdrawal, proves the search sees
    it there), in a fraction of the whole day's build."""
    from hostile.tmpproject import make_project
    from inventaire.commands.build import build

    if not list((root / "content" / "posts").rglob("*.md")):
        pytest.skip("the sample day is not in content/posts yet")
    post, needles = pick_post(root)
    project = make_project(tmp_path, copy=around(root, post))
    overrides = {"SITEURL": "", "RELATIVE_URLS": True}
    build(project, publish=True, overrides=overrides)
    # The control: before the withdrawal, the search does find the post everywhere.
    before = find(project / "output", needles)
    kinds = {line.split(" (")[1].split(")")[0] for line in before}
    assert {"text", "pdf"} <= kinds, before
    assert any(line.startswith("pagefind/") for line in before), \
        "the search index does not hold the post: is Pagefind part of the build?"
    assert any(line.startswith(f"post/{post.id}/") for line in before), before
    assert main(["--project", str(project), "withdraw", post.id,
                 "--reason", "acceptance test"]) == 0
    build(project, publish=True, overrides=overrides)
    after = find(project / "output", needles)
    assert (project / "output" / "index.html").is_file()
    assert not after, "\n".join(after)


def test_book_require_consent_prints_only_granted_and_refused_is_nowhere(
        tmp_path: Path) -> None:
    """BOOK_REQUIRE_CONSENT keeps unknown consent out of the book, not off the site."""
    from hostile.tmpproject import make_project
    from inventaire.commands.build import build
    from pypdf import PdfReader

    words = {"granted": "Zanzibarique", "unknown": "Quetzalcoatlien", "refused": "Xylophonard"}
    posts = [made_up_post(i, consent=consent, text=f"Un mot rare : {word}. #jdtap")
             for i, (consent, word) in enumerate(words.items())]
    project = make_project(tmp_path, posts=posts)
    build(project, publish=True, overrides={"SITEURL": "", "RELATIVE_URLS": True,
                                            "BOOK_REQUIRE_CONSENT": True})
    output = project / "output"
    pdfs = sorted((output / "livre").glob("*.pdf"))
    assert pdfs, "no book was built"
    book = normal(" ".join(page.extract_text() for pdf in pdfs
                           for page in PdfReader(pdf).pages))
    site = {consent: (output / "post" / post.id / "index.html").is_file()
            for consent, post in zip(words, posts, strict=True)}
    assert site == {"granted": True, "unknown": True, "refused": False}
    assert normal(words["granted"]) in book
    assert normal(words["unknown"]) not in book
    assert normal(words["refused"]) not in book
    assert not find(output, Needles(posts[2].id, normal(posts[2].text),
                                    (normal(words["refused"]),)))
