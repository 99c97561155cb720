"""Videos, animations, content warnings, polls, the day's zone and emoji in names on the
site (issue 15: defects 6, 10, 12, 13).

Unit tests of the blocks (``site/pictures.py``, ``site/postflags.py``,
``site/zones.py``, the ``avec_emoji`` filter), then one small project built once
(site only, no book, no search index) whose pages are read as HTML, and a check in
Debian's Chromium that a flag in a name is drawn by OpenMoji and that nothing plays
by itself.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hostile.tmpproject import made_up_post, make_project
from inventaire.commands.build import build
from inventaire.core.model import Media, Post
from inventaire.site import pictures
from inventaire.site.filters import avec_emoji
from inventaire.site.pictures import plan_picture, write_all
from inventaire.site.postflags import content_warning, poll, sensitive
from inventaire.site.zones import zone_label
from PIL import Image

FAKE_MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + bytes(64)
FLAG_NAME = "Zoé 🇫🇷 <script>alert(1)</script>"


def still(path: Path, size: tuple[int, int] = (640, 360)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, "teal").save(path)
    return path


def animated_gif(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    frames = [Image.new("RGB", (200, 100), colour) for colour in ("red", "blue")]
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=200, loop=0)
    return path


# --- pictures: what is published of a video, a GIF, a sound ------------------------


def test_a_video_is_copied_as_it_is_and_its_poster_made_like_a_photo(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    content, output = tmp_path / "content", tmp_path / "output"
    (content / "media").mkdir(parents=True)
    (content / "media" / "v.mp4").write_bytes(FAKE_MP4)
    still(content / "media" / "v-poster.jpg")
    jobs: list[pictures.Derivative] = []
    with caplog.at_level(logging.WARNING):
        picture = plan_picture(Media(file="media/v.mp4", poster="media/v-poster.jpg",
                                     kind="video", alt="Un bus passe"), content, output, jobs)
    assert not caplog.records, [r.getMessage() for r in caplog.records]
    assert not picture.missing and picture.kind == "video"
    assert (picture.played, picture.played_type) == ("media/v.mp4", "video/mp4")
    assert picture.src.startswith("media/v-poster-")
    assert (picture.width, picture.height) == (640, 360)
    write_all(jobs, tmp_path / "cache")
    assert (output / "media" / "v.mp4").read_bytes() == FAKE_MP4
    assert all(Path(output / name).is_file() for name, _ in picture.webp + picture.jpeg)


def test_a_video_without_poster_still_plays_and_a_lost_one_says_so(tmp_path: Path) -> None:
    content, output = tmp_path / "content", tmp_path / "output"
    (content / "media").mkdir(parents=True)
    (content / "media" / "v.mp4").write_bytes(FAKE_MP4)
    jobs: list[pictures.Derivative] = []
    bare = plan_picture(Media(file="media/v.mp4", kind="gif", width=320, height=240),
                        content, output, jobs)
    assert bare.played and not bare.jpeg and (bare.width, bare.height) == (320, 240)
    lost = plan_picture(Media(url="https://x/v.mp4", kind="video", missing=True, alt="Perdue"),
                        content, output, jobs)
    assert lost.missing and lost.alt == "Perdue"


def test_only_files_a_browser_plays_and_not_too_large_are_published(
        tmp_path: Path, caplog: pytest.LogCaptureFixture,
        monkeypatch: pytest.MonkeyPatch) -> None:
    content, output = tmp_path / "content", tmp_path / "output"
    (content / "media").mkdir(parents=True)
    (content / "media" / "page.mp4").write_text("<script>alert(1)</script>", encoding="utf-8")
    (content / "media" / "big.mp4").write_bytes(FAKE_MP4)
    (content / "media" / "v.exe").write_bytes(FAKE_MP4)
    monkeypatch.setattr(pictures, "MAX_PLAYED_BYTES", 10)
    jobs: list[pictures.Derivative] = []
    with caplog.at_level(logging.WARNING):
        for name in ("media/page.mp4", "media/big.mp4", "media/v.exe", "../outside.mp4"):
            assert plan_picture(Media(file=name, kind="video"), content, output, jobs).missing
    assert not jobs
    said = " ".join(r.getMessage() for r in caplog.records)
    assert "not a file a browser plays" in said and "more than the site publishes" in said
    assert "leaves content/" in said


def test_an_animated_gif_file_is_shown_by_its_first_frame_with_a_link(tmp_path: Path) -> None:
    content, output = tmp_path / "content", tmp_path / "output"
    animated_gif(content / "media" / "a.gif")
    jobs: list[pictures.Derivative] = []
    picture = plan_picture(Media(file="media/a.gif", kind="gif"), content, output, jobs)
    assert picture.is_animation_file and picture.played == "media/a.gif"
    assert picture.src and (picture.width, picture.height) == (200, 100)
    write_all(jobs, tmp_path / "cache")
    assert (output / "media" / "a.gif").read_bytes()[:6] == b"GIF89a"


# --- warnings, polls, zones, names ------------------------------------------------


def mastodon_post(**extra: Any) -> Post:
    return Post(id="1", network="mastodon", author="zoe@example.social",
                date=datetime(2013, 4, 19, 12, tzinfo=UTC), text="x", extra=extra)


def test_warnings_and_polls_are_read_without_trusting_their_shape() -> None:
    post = mastodon_post(content_warning="  Fin\n du film ", sensitive=True, poll={
        "options": [{"title": "Oui", "votes": 3}, {"title": "Non", "votes": 1}, "bad"],
        "multiple": False, "voters": 4})
    assert content_warning(post) == "Fin du film" and sensitive(post)
    found = poll(post)
    assert found is not None and [o.title for o in found.options] == ["Oui", "Non"]
    assert [o.share for o in found.options] == [0.75, 0.25] and found.voters == 4
    several = poll(mastodon_post(poll={"options": [{"title": "A", "votes": 2},
                                                   {"title": "B", "votes": 2}],
                                       "multiple": True, "voters": 2}))
    assert several is not None and [o.share for o in several.options] == [1.0, 1.0]
    uncounted = poll(mastodon_post(poll={"options": [{"title": "A"}, {"title": "B"}]}))
    assert uncounted is not None and not uncounted.counted
    for bad in ("oui", {"options": "A, B"}, {"options": []}, {"options": [{"votes": True}]}):
        found = poll(mastodon_post(poll=bad))
        assert found is None or all(o.votes is None for o in found.options)
    assert not sensitive(mastodon_post(sensitive="yes")) and content_warning(mastodon_post()) == ""


def test_the_zone_is_said_in_french_by_its_city_or_its_offset() -> None:
    summer = datetime(2013, 4, 19, 14, tzinfo=timezone(timedelta(hours=2)))
    assert zone_label("Europe/Paris", summer) == "heure de Paris"
    assert zone_label("America/Montreal", summer) == "heure de Montréal"
    assert zone_label("America/Toronto") == "heure de Toronto"
    assert zone_label("Africa/Cairo") == "heure du Caire"
    assert zone_label("Europe/Amsterdam") == "heure d’Amsterdam"
    assert zone_label("Indian/Reunion") == "heure de La Réunion"
    assert zone_label("UTC", summer) == "heure UTC+2"
    assert zone_label("", datetime(2013, 4, 19, tzinfo=UTC)) == "heure UTC"
    half = datetime(2013, 4, 19, tzinfo=timezone(-timedelta(hours=3, minutes=30)))
    assert zone_label("Nowhere/Land", half) == "heure UTC\u22123:30"
    assert zone_label("") == "heure locale"


def test_a_flag_in_a_name_is_marked_for_the_emoji_font_and_the_name_stays_text() -> None:
    html = str(avec_emoji(FLAG_NAME))
    assert '<span class="emoji" role="img" aria-label="drapeau france">🇫🇷</span>' in html
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert str(avec_emoji(None)) == "" and "\n" not in str(avec_emoji("a\nb"))


# --- a small project, built once --------------------------------------------------


@dataclass
class Site:
    project: Path
    output: Path
    logs: list[str] = field(default_factory=list)

    def page(self, address: str) -> str:
        return (self.output / address).read_text(encoding="utf-8")


class _Logs(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


BASE = made_up_post(1)
VIDEO = made_up_post(2, media=[Media(file="media/v.mp4", poster="media/v-poster.jpg",
                                     kind="video", alt="Un bus <b>passe</b>")])
GIF = made_up_post(3, media=[Media(file="media/g.mp4", kind="gif", alt="Un pigeon")],
                   author_name=FLAG_NAME)
WARNED = made_up_post(4, network="mastodon", author="zoe@example.social",
                      text="Le héros meurt à la fin motcache #jdtap",
                      media=[Media(file="media/p.jpg", alt="Photo cachée")],
                      extra={"content_warning": "Divulgâcheur <i>film</i> 🎬",
                             "sensitive": True,
                             "poll": {"options": [{"title": "<b>Oui</b>", "votes": 3},
                                                  {"title": "Non", "votes": 1}],
                                      "multiple": False, "voters": 4}})
SENSITIVE = made_up_post(5, media=[Media(file="media/p.jpg", alt="Photo sensible")],
                         extra={"sensitive": True})


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    base = tmp_path_factory.mktemp("media")
    project = make_project(base, posts=[BASE, VIDEO, GIF, WARNED, SENSITIVE])
    media = project / "content" / "media"
    (media / "v.mp4").write_bytes(FAKE_MP4)
    (media / "g.mp4").write_bytes(FAKE_MP4)
    still(media / "v-poster.jpg")
    still(media / "p.jpg")
    day = project / "content" / "pages" / "journee.md"
    day.write_text(day.read_text(encoding="utf-8").replace(
        "timezone: Europe/Paris", "timezone: America/Montreal"), encoding="utf-8")
    handler = _Logs()
    logging.getLogger().addHandler(handler)
    try:
        build(project, publish=True, output=project / "output", book=False, search=False,
              overrides={"SITEURL": "", "RELATIVE_URLS": True,
                         "CACHE_PATH": str(project / "cache")})
    finally:
        logging.getLogger().removeHandler(handler)
    yield Site(project, project / "output", handler.messages)


def post_page(site: Site, post: Post) -> str:
    return site.page(f"post/{post.slug}/index.html")  # mastodon-<id> for a note


def test_the_build_says_nothing_of_videos_and_publishes_them(site: Site) -> None:
    assert not [m for m in site.logs if "media" in m or "image" in m.lower()], site.logs
    assert (site.output / "media" / "v.mp4").read_bytes() == FAKE_MP4
    assert (site.output / "media" / "g.mp4").is_file()


def test_a_video_has_controls_a_poster_and_never_plays_by_itself(site: Site) -> None:
    page = post_page(site, VIDEO)
    video = re.search(r"<video[^>]*>", page)
    assert video is not None, page
    tag = video.group(0)
    assert "controls" in tag and 'preload="none"' in tag and "playsinline" in tag
    assert "autoplay" not in page and "non conservée" not in page
    assert re.search(r'poster="\.\./\.\./media/v-poster-640\.jpg"', tag), tag
    assert 'aria-label="Vidéo : Un bus &lt;b&gt;passe&lt;/b&gt;"' in tag
    assert '<source src="../../media/v.mp4" type="video/mp4">' in page
    gif = re.search(r"<video[^>]*>", post_page(site, GIF))
    assert gif is not None and "muted" in gif.group(0) and "loop" in gif.group(0)
    assert "autoplay" not in gif.group(0)


def test_a_content_warning_hides_the_text_on_the_page_and_in_lists(site: Site) -> None:
    hour = f"heure/{WARNED.date.hour:02d}/index.html"
    for page in (post_page(site, WARNED), site.page(hour)):
        start = page.index('<details class="content-warning">')
        summary = page[start:page.index("</summary>", start)]
        assert "Divulgâcheur &lt;i&gt;film&lt;/i&gt;" in summary and 'class="emoji"' in summary
        assert "motcache" not in summary
        body = page[start:page.index("</details>", start)]
        assert "motcache" in body and "Photo cachée" in body and 'class="poll"' in body
        assert page.count("motcache") == body.count("motcache"), "text outside the disclosure"
    page = post_page(site, WARNED)
    assert 'content="Avertissement : Divulgâcheur &lt;i&gt;film&lt;/i&gt; 🎬"' in page
    assert "og:image" not in page and 'data-pagefind-meta="avertissement"' in page


def test_a_poll_lists_its_options_and_counts_escaped(site: Site) -> None:
    page = post_page(site, WARNED)
    assert "Sondage, 4\xa0votants" in page
    assert "&lt;b&gt;Oui&lt;/b&gt;" in page and "<b>Oui</b>" not in page
    assert "3\xa0voix (75\u202f%)" in page and "1\xa0voix (25\u202f%)" in page


def test_sensitive_media_without_a_warning_are_behind_their_own_disclosure(site: Site) -> None:
    page = post_page(site, SENSITIVE)
    start = page.index('<details class="sensitive-media">')
    assert "Photo sensible" in page[start:page.index("</details>", start)]
    assert "og:image" not in page


def test_the_post_page_says_the_days_own_zone(site: Site) -> None:
    page = post_page(site, BASE)
    assert "</time>, heure de Montréal</dd>" in page and "heure de Paris" not in page


def test_names_keep_their_flags_in_the_emoji_font_and_stay_text(site: Site) -> None:
    pages = [post_page(site, GIF), site.page(f"auteur/{GIF.author}/index.html"),
             site.page("auteur/index.html")]
    for page in pages:
        assert '<span class="emoji" role="img" aria-label="drapeau france">🇫🇷</span>' in page
        assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# --- in a browser -----------------------------------------------------------------


def drawn_with(page: Any, selector: str) -> list[str]:
    """The fonts Chromium used for the text of the first node ``selector`` finds."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return [font["familyName"] for font in fonts]


@pytest.mark.browser
@pytest.mark.slow
def test_in_a_browser_flags_use_openmoji_and_nothing_plays(site: Site) -> None:
    from chromium import chromium, served
    from test_browser import axe_source, open_page

    with served(site.output) as url, chromium() as browser:
        page, watch = open_page(browser)
        page.goto(url + f"post/{GIF.slug}/")
        page.evaluate("document.fonts.ready")
        flag = page.locator("h1 .post-name .emoji").first
        family = flag.evaluate("e => getComputedStyle(e).fontFamily")
        assert family.split(",")[0].strip('" ') == "OpenMoji", family
        # The font Chromium really drew the flag with (DevTools' own answer).
        assert drawn_with(page, "h1 .post-name .emoji") == ["OpenMoji"]
        loaded = page.evaluate("Array.from(document.fonts).filter(f => f.status == "
                               "'loaded').map(f => f.family)")
        assert any("OpenMoji" in family for family in loaded), loaded
        assert page.evaluate("document.querySelector('video').paused")
        assert not page.evaluate("document.querySelector('video').autoplay")
        page.goto(url + f"post/{WARNED.slug}/")
        text = page.locator(".content-warning .post-text")
        assert not text.is_visible()
        page.locator(".content-warning > summary").click()
        assert text.is_visible() and "motcache" in text.inner_text()
        problems: list[str] = []
        for post in (VIDEO, GIF, WARNED, SENSITIVE):
            page.goto(url + f"post/{post.slug}/")
            page.add_script_tag(content=axe_source())
            result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
            problems += [f"{post.id}: {v['id']} {[n['target'] for n in v['nodes'][:3]]}"
                         for v in result["violations"]
                         if v["impact"] in ("serious", "critical")]
        assert not problems, problems
        watch.assert_clean()


def test_the_feed_veils_a_post_behind_its_content_warning(tmp_path: Path) -> None:
    """The Atom feed titles such a post by its warning and leaves its words out; the
    other posts keep theirs."""
    import xml.dom.minidom

    from hostile.tmpproject import made_up_post, make_project
    from inventaire.commands.build import build

    hidden = made_up_post(1, text="Mot caché Zanzibarique #jdtap",
                          extra={"content_warning": "Bruit de sirènes"})
    project = make_project(tmp_path / "feed", posts=[hidden, made_up_post(2)])
    build(project, book=False, search=False)
    feed = (project / "output" / "feeds" / "tout.atom.xml").read_text("utf-8")
    xml.dom.minidom.parseString(feed)
    assert "Zanzibarique" not in feed
    assert "Avertissement : Bruit de sirènes" in feed and "numéro2" in feed
    page = (project / "output" / "post" / hidden.id / "index.html").read_text("utf-8")
    assert "Zanzibarique" in page  # on the site, behind its disclosure
