"""Issue 15, defect 10 (the import's part): videos and animated GIFs of archives are
recorded as media of kind ``video`` / ``gif`` with a poster where one can be made.

The Twitter archive keeps a video, and the MP4 Twitter made of a GIF, in
``tweets_media/<tweet id>-<variant name>.mp4``; the still Twitter showed before it
played (``media_url_https``) is there only sometimes. Mastodon's archive keeps the
uploaded file (a GIF became an MP4) and no still. There is no video decoder here: an
MP4 without a still has no poster; an animated image's first frame is one.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from inventaire.commands.cli import main
from inventaire.core.model import Media, Post
from inventaire.core.postfile import dump_post, read_post
from inventaire.importer.sources import mastodon, twitter_v1, twitter_v2
from inventaire.importer.sources.common import ReadContext, media_kind
from PIL import Image

FIXTURES = Path(__file__).parent / "fixtures" / "import"
PARIS = ZoneInfo("Europe/Paris")
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64  # not decoded
GPS = b"GPS 48.8566 2.3522"


def jpeg_with_exif(size: tuple[int, int] = (64, 36)) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x010E] = GPS.decode()  # ImageDescription: stands for any metadata
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def animated_gif() -> bytes:
    frames = [Image.new("RGB", (20, 10), colour) for colour in
              ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=80,
                   loop=0, comment=GPS)
    return buffer.getvalue()


def media_item(tweet_id: str, kind: str, name: str) -> dict[str, object]:
    folder = {"video": "ext_tw_video", "animated_gif": "tweet_video"}[kind]
    return {
        "type": kind, "id_str": "9" + tweet_id[-3:], "indices": ["20", "43"],
        "url": "https://t.co/Vid1234567", "display_url": "pic.twitter.com/vid",
        "expanded_url": f"https://twitter.com/flaneuse75/status/{tweet_id}/video/1",
        "media_url_https": f"https://pbs.twimg.com/{folder}_thumb/{name}.jpg",
        "sizes": {"large": {"w": "1280", "h": "720"}},
        "video_info": {"aspect_ratio": ["16", "9"], "variants": [
            {"content_type": "application/x-mpegURL",
             "url": f"https://video.twimg.com/{folder}/{name}.m3u8?tag=12"},
            {"bitrate": "256000", "content_type": "video/mp4",
             "url": f"https://video.twimg.com/{folder}/vid/480x270/{name}.mp4?tag=12"},
            {"bitrate": "2176000", "content_type": "video/mp4",
             "url": f"https://video.twimg.com/{folder}/vid/1280x720/{name}.mp4?tag=12"}]},
    }


def tweet(tweet_id: str, kind: str, name: str) -> dict[str, object]:
    media = media_item(tweet_id, kind, name)
    return {"tweet": {
        "id": tweet_id, "id_str": tweet_id, "created_at": "Fri Apr 19 10:00:00 +0000 2013",
        "full_text": "Place des Vosges #jdtap https://t.co/Vid1234567",
        "display_text_range": ["0", "22"],
        "entities": {"hashtags": [{"text": "jdtap", "indices": ["17", "23"]}],
                     "user_mentions": [], "urls": [], "symbols": [],
                     "media": [media]},
        "extended_entities": {"media": [media]}, "lang": "fr"}}


def twitter_archive(folder: Path, with_still: bool = True) -> Path:
    data = folder / "data"
    (data / "tweets_media").mkdir(parents=True)
    tweets = [tweet("300000000000000001", "video", "Vosges"),
              tweet("300000000000000002", "animated_gif", "Pigeons")]
    (data / "tweets.js").write_text("window.YTD.tweets.part0 = " + json.dumps(tweets),
                                    encoding="utf-8")
    (data / "account.js").write_text('window.YTD.account.part0 = [{"account": {"username": '
                                     '"flaneuse75", "accountDisplayName": "Flâneuse"}}]',
                                     encoding="utf-8")
    media = data / "tweets_media"
    (media / "300000000000000001-Vosges.mp4").write_bytes(MP4)
    if with_still:
        (media / "300000000000000001-Vosges.jpg").write_bytes(jpeg_with_exif())
    (media / "300000000000000002-Pigeons.mp4").write_bytes(MP4 + b"gif")
    return folder


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "content" / "pages").mkdir(parents=True)
    shutil.copy2(FIXTURES / "journee.md", tmp_path / "content" / "pages" / "journee.md")
    return tmp_path


def run_import(project: Path, *exports: Path) -> int:
    return main(["--project", str(project), "import", "--no-progress",
                 *(str(e) for e in exports)])


def imported(project: Path) -> dict[str, Post]:
    posts = (read_post(p) for p in (project / "content" / "posts").rglob("*.md"))
    return {p.id: p for p in posts}


def test_a_twitter_archive_video_with_its_still_as_poster(project: Path, tmp_path: Path
                                                          ) -> None:
    assert run_import(project, twitter_archive(tmp_path / "archive")) == 0
    content = project / "content"
    video = imported(project)["300000000000000001"].media[0]
    assert (video.kind, video.file) == ("video", "media/300000000000000001-1.mp4")
    assert (content / video.file).read_bytes() == MP4  # the MP4, not the still
    assert video.poster == "media/300000000000000001-1-poster.jpg"
    assert (video.width, video.height, video.missing) == (1280, 720, False)
    with Image.open(content / video.poster) as still:
        assert still.size == (64, 36)
        assert not still.getexif()  # cleaned like a photo
    assert GPS not in (content / video.poster).read_bytes()


def test_a_twitter_archive_gif_is_a_gif_and_without_a_still_has_no_poster(
        project: Path, tmp_path: Path) -> None:
    assert run_import(project, twitter_archive(tmp_path / "archive", with_still=False)) == 0
    posts = imported(project)
    gif = posts["300000000000000002"].media[0]
    assert (gif.kind, gif.file, gif.poster) == ("gif", "media/300000000000000002-1.mp4", "")
    assert posts["300000000000000001"].media[0].poster == ""
    text = next((project / "content" / "posts").rglob("*-300000000000000002.md")).read_text()
    assert "type: gif" in text and "poster" not in text


def test_a_mastodon_gif_gets_its_first_frame_as_poster_and_keeps_its_frames(
        project: Path, tmp_path: Path) -> None:
    archive = tmp_path / "mastodon"
    shutil.copytree(FIXTURES / "mastodon", archive)
    outbox = json.loads((archive / "outbox.json").read_text(encoding="utf-8"))
    note = outbox["orderedItems"][0]["object"]
    gif_path = "/media_attachments/files/110/222/original/pigeons.gif"
    mp4_path = "/media_attachments/files/110/222/original/fontaine.mp4"
    note["attachment"] = [
        {"type": "Document", "mediaType": "image/gif", "url": gif_path, "name": "Pigeons"},
        {"type": "Document", "mediaType": "video/mp4", "url": mp4_path, "name": None,
         "width": 640, "height": 360}]
    (archive / "outbox.json").write_text(json.dumps(outbox), encoding="utf-8")
    original = archive / "media_attachments/files/110/222/original"
    (original / "pigeons.gif").write_bytes(animated_gif())
    (original / "fontaine.mp4").write_bytes(MP4)
    run_import(project, archive)
    content = project / "content"
    gif, video = imported(project)[note["id"].rsplit("/", 1)[1]].media
    assert (gif.kind, gif.file, gif.alt) == (
        "gif", "media/mastodon-110222333444555001-1.gif", "Pigeons")
    assert gif.poster == "media/mastodon-110222333444555001-1-poster.png"
    with Image.open(content / gif.file) as copy:
        assert copy.n_frames == 3  # still animated
    assert GPS not in (content / gif.file).read_bytes()
    with Image.open(content / gif.poster) as still:
        assert still.size == (20, 10)
        assert still.convert("RGB").getpixel((0, 0)) == (255, 0, 0)  # the first frame
    assert (video.kind, video.file, video.poster) == (
        "video", "media/mastodon-110222333444555001-2.mp4", "")
    assert (video.width, video.height) == (640, 360)


def test_reimporting_changes_nothing(project: Path, tmp_path: Path) -> None:
    archive = twitter_archive(tmp_path / "archive")
    assert run_import(project, archive) == 0
    files = sorted((project / "content").rglob("*"))
    before = {p: p.read_bytes() for p in files if p.is_file()}
    assert run_import(project, archive) == 0
    after = {p: p.read_bytes() for p in sorted((project / "content").rglob("*")) if p.is_file()}
    assert after == before


def test_the_kind_and_poster_in_the_editors_file() -> None:
    video = Media(file="media/1-1.mp4", alt="", kind="video", poster="media/1-1-poster.jpg",
                  width=1280, height=720)
    assert list(video.to_dict()) == ["file", "alt", "type", "poster", "width", "height"]
    assert Media.from_dict(video.to_dict()) == video
    photo = Media(file="media/1-1.jpg", alt="Un pigeon", width=4, height=3)
    assert photo.to_dict() == {"file": "media/1-1.jpg", "alt": "Un pigeon", "width": 4,
                               "height": 3}  # as photo entries were always written


def test_a_photo_post_file_is_written_as_before() -> None:
    """The bytes of a photo entry: no ``type`` nor ``poster`` line (files stay as
    they are on re-import)."""
    post = read_post(next((Path(__file__).parent.parent / "content" / "posts").rglob("*.md")))
    text = dump_post(post)
    assert "poster:" not in text
    assert "\n  type: photo" not in text


@pytest.mark.parametrize(("word", "kind"), [
    ("photo", "photo"), ("image", "photo"), ("video", "video"), ("animated_gif", "gif"),
    ("gifv", "gif"), ("audio", "audio"), ("", "photo"), ("Unknown", "unknown")])
def test_each_networks_word_for_a_kind(word: str, kind: str) -> None:
    assert media_kind(word) == kind


def test_remote_media_kinds_of_the_apis() -> None:
    context = ReadContext(PARIS, "sources/x", "x")
    [gif] = twitter_v1.media_of([{"type": "animated_gif", "media_url_https": "https://x/y.jpg"}])
    assert gif.kind == "gif"
    assert twitter_v2._media({"type": "animated_gif", "media_key": "1"}).kind == "gif"
    status = json.loads((FIXTURES / "mastodon_statuses.json").read_text(encoding="utf-8"))
    first = status[0] if isinstance(status, list) else status
    first = dict(first, reblog=None, media_attachments=[
        {"type": "gifv", "url": "https://files.example/x.mp4", "description": "Pigeons"}])
    post = mastodon.status_to_post(first, context)
    assert isinstance(post, Post)
    assert post.media[0].kind == "gif"
