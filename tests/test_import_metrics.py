"""The shares and likes an export counted (issue 16, item 5, « les plus partagés »):
read from every format that carries them, kept in the editors' file as ``metrics:``,
refreshed by a re-import without touching an editor's edit, checked like every field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from inventaire.commands.cli import main
from inventaire.core.errors import PostFileError
from inventaire.core.model import Metrics
from inventaire.core.postfile import dump_post, load_post, read_post
from inventaire.importer.sources import metrics

# --- every format ---------------------------------------------------------------


def test_each_format_s_counts_are_read_and_missing_ones_stay_unknown() -> None:
    assert metrics.twitter_v1({"retweet_count": 3, "favorite_count": 12}) == Metrics(3, 12)
    # The Twitter archive writes every number as a string.
    assert metrics.twitter_v1({"retweet_count": "0", "favorite_count": "2"}) == Metrics(0, 2)
    assert metrics.twitter_v2({"public_metrics": {"retweet_count": 4, "reply_count": 1,
                                                  "like_count": 9}}) == Metrics(4, 9)
    assert metrics.twarc_csv({"public_metrics.retweet_count": "5",
                              "public_metrics.like_count": "7"}) == Metrics(5, 7)
    assert metrics.mastodon_status({"reblogs_count": 2, "favourites_count": 8}) == Metrics(2, 8)
    assert metrics.mastodon_note({"shares": {"totalItems": 1},
                                  "likes": {"totalItems": 6}}) == Metrics(1, 6)
    assert metrics.bluesky_view({"repostCount": 11, "likeCount": 40}) == Metrics(11, 40)
    # Not carried, or not a count: unknown, never zero.
    assert metrics.twitter_v1({}) is None
    assert metrics.mastodon_note({"likes": "https://x/likes"}) is None
    assert metrics.twitter_v2({"public_metrics": {"like_count": 3}}) == Metrics(None, 3)
    for value in (True, -1, "12a", 1.5, None, ""):
        assert metrics.count(value) is None, value


# --- the editors' file ------------------------------------------------------------

FILE = """---
id: "1"
network: twitter
date: 2013-04-19T14:32:07+02:00
author: flaneuse75
status: selected
{line}
---
Un bus passe.
"""


def test_the_counts_are_written_on_one_line_and_read_back() -> None:
    post = load_post(FILE.format(line="metrics: {reposts: 3, likes: 12}"), "p.md")
    assert post.metrics == Metrics(3, 12)
    assert "\nmetrics: {reposts: 3, likes: 12}\n" in dump_post(post)
    assert load_post(dump_post(post)).metrics == Metrics(3, 12)
    assert load_post(FILE.format(line="metrics: {likes: 2}")).metrics == Metrics(None, 2)
    assert load_post(FILE.format(line="")).metrics is None


@pytest.mark.parametrize(("line", "said"), [
    ("metrics: 12", "is not a mapping"),
    ("metrics: {reposts: -1}", "reposts: -1 is not a whole number"),
    ("metrics: {likes: beaucoup}", "likes: 'beaucoup' is not a whole number"),
    ("metrics: {like: 3}", "did you mean 'likes'?"),
])
def test_wrong_counts_name_the_line_and_the_fix(line: str, said: str) -> None:
    with pytest.raises(PostFileError) as caught:
        load_post(FILE.format(line=line), "posts/p.md")
    message = str(caught.value)
    assert message.startswith("posts/p.md:7: metrics: ") and said in message, message
    assert "{reposts: 3, likes: 12}" in message


# --- re-import -------------------------------------------------------------------


def tweet(retweets: int, likes: int) -> dict[str, object]:
    return {"id_str": "325312345678901234", "created_at": "Fri Apr 19 12:32:07 +0000 2013",
            "full_text": "Un bus 96 passe. #jdtap", "lang": "fr",
            "entities": {"hashtags": [{"text": "jdtap", "indices": [17, 23]}]},
            "user": {"screen_name": "flaneuse75", "name": "La Flâneuse"},
            "retweet_count": retweets, "favorite_count": likes}


def import_counts(project: Path, tmp_path: Path, retweets: int, likes: int) -> Path:
    export = tmp_path / "day.jsonl"
    export.write_text(json.dumps(tweet(retweets, likes)) + "\n", encoding="utf-8")
    assert main(["--project", str(project), "import", "--no-progress", "--day",
                 "2013-04-19", str(export)]) == 0
    files = list((project / "content" / "posts").rglob("*.md"))
    assert len(files) == 1
    return files[0]


def test_a_reimport_refreshes_the_counts_and_keeps_every_edit(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "project"
    (project / "content").mkdir(parents=True)
    path = import_counts(project, tmp_path, 1, 2)
    assert read_post(path).metrics == Metrics(1, 2)
    # Untouched by editors: the file follows the export.
    import_counts(project, tmp_path, 3, 5)
    assert read_post(path).metrics == Metrics(3, 5)
    # Edited (a note, the text, a comment): the counts still follow, the edits stay.
    edited = path.read_text(encoding="utf-8").replace(
        "status: candidate", "status: selected\nnote: à garder  # choisi lundi")
    edited = edited.replace("Un bus 96 passe.", "Un bus 96 passe, vert.")
    path.write_text(edited, encoding="utf-8")
    import_counts(project, tmp_path, 8, 21)
    after = path.read_text(encoding="utf-8")
    assert read_post(path).metrics == Metrics(8, 21)
    assert after == edited.replace("metrics: {reposts: 3, likes: 5}",
                                   "metrics: {reposts: 8, likes: 21}")
    # An editor's own counts are the editor's: kept, reported as any edited field.
    path.write_text(after.replace("reposts: 8", "reposts: 80"), encoding="utf-8")
    capsys.readouterr()
    import_counts(project, tmp_path, 9, 22)
    assert read_post(path).metrics == Metrics(80, 21)
    assert "metrics" in " ".join(capsys.readouterr())
