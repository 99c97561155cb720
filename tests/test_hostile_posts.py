"""Hostile posts: the build escapes them everywhere and writes nothing outside (issue 6).

One project holds a post per payload of :mod:`hostile.corpus` (scripts, event
handlers, ``javascript:`` and ``data:`` addresses, Markdown, Jinja, CSS, control,
bidi and zero-width characters, a 100,000-character text, media names that climb out
of ``content/``, a decompression bomb, an SVG with script), plus an editors' file
that is not UTF-8 and one whose YAML carries a ``!!python`` tag. It is built once,
with the publish settings and the book, and every output file is inspected.
"""

from __future__ import annotations

import logging
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hostile import corpus
from hostile.tmpproject import make_project
from inventaire.commands.build import build
from inventaire.core import postfile
from inventaire.core.postfile import PostFileError, load_post, read_post

HERE = Path(__file__).parent / "hostile"
TEXT_SUFFIXES = (".html", ".xml", ".json", ".js", ".txt", ".css", ".svg", ".atom", ".rss")


@dataclass
class Built:
    base: Path
    project: Path
    output: Path
    marker: Path
    logs: list[str] = field(default_factory=list)

    def files(self, *suffixes: str) -> list[Path]:
        return sorted(p for p in self.output.rglob("*")
                      if p.is_file() and (not suffixes or p.suffix in suffixes))


class _Logs(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    base = tmp_path_factory.mktemp("hostile")
    marker = base / "PWNED-by-yaml"
    project = make_project(base, posts=corpus.hostile_posts())
    media = project / "content" / "media"
    shutil.copy2(HERE / "files" / "script.svg", media / "script.svg")
    ok_png(media / "ok.png")
    (project / "private").mkdir()
    ok_png(project / "private" / "secret-HOSTILE.png")
    day = project / "content" / "posts" / "2013-04-19"
    (day / "15h00-325399000000000100.md").write_text(
        corpus.PYTHON_TAG.format(id=325399000000000100, marker=marker), encoding="utf-8")
    (day / "15h01-325399000000000101.md").write_bytes(
        corpus.NOT_UTF8.format(id=325399000000000101).encode("latin-1"))
    handler = _Logs()
    logging.getLogger().addHandler(handler)
    try:
        build(project, publish=True, overrides={"SITEURL": "", "RELATIVE_URLS": True})
    finally:
        logging.getLogger().removeHandler(handler)
    yield Built(base, project, project / "output", marker, handler.messages)


# -------------------------------------------------------------------------- helpers

def ok_png(path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (64, 48), (200, 30, 30)).save(path)


class Markup(HTMLParser):
    """Every tag with its attributes, the text of each <script>/<style>, and the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self.text: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        if tag in self.raw:
            self._in = tag
            self.raw[tag].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self.raw[self._in][-1] += data
        else:
            self.text.append(data)


def parse(path: Path) -> Markup:
    markup = Markup()
    markup.feed(path.read_text(encoding="utf-8"))
    markup.close()
    return markup


def post_page(built: Built, name: str) -> Path:
    index = list(corpus.TEXTS).index(name)
    return built.output / "post" / str(corpus.BASE_ID + index) / "index.html"


# ---------------------------------------------------------------------------- tests

def test_the_build_publishes_every_hostile_post(built: Built) -> None:
    for name in corpus.TEXTS:
        assert post_page(built, name).is_file(), name


def test_nothing_is_written_outside_the_project(built: Built) -> None:
    assert sorted(p.name for p in built.base.iterdir()) == ["project"]
    assert sorted(p.name for p in built.project.iterdir()) == [
        "cache", "content", "output", "pelicanconf.py", "private", "publishconf.py", "theme"]
    assert not list(built.base.parent.glob("escape-HOSTILE*"))
    assert not [p for p in built.project.rglob("*escape-HOSTILE*")
                if "content" not in p.relative_to(built.project).parts[:1]]


def test_no_payload_becomes_markup_in_any_page(built: Built) -> None:
    pages = built.files(".html")
    assert pages
    leaks: list[str] = []
    for page in pages:
        where = str(page.relative_to(built.output))
        markup = parse(page)
        for tag, attrs in markup.tags:
            for name, value in attrs:
                value = (value or "").strip().lower()
                if name.startswith("on") and "hostile" in value:
                    leaks.append(f"{where}: <{tag} {name}=…{value[:40]}>")
                if name in ("href", "src", "srcset", "action", "formaction", "xlink:href",
                            "poster", "data") and value.startswith(
                            ("javascript:", "data:text", "vbscript:")):
                    leaks.append(f"{where}: <{tag} {name}={value[:40]}>")
            if tag == "img" and ("src", "x") in attrs:
                leaks.append(f"{where}: the payload's <img src=x>")
        leaks.extend(f"{where}: <{kind}>{body.strip()[:40]}"
                     for kind, bodies in markup.raw.items() for body in bodies
                     if "HOSTILE" in body)
    assert not leaks, f"{len(leaks)} payloads became markup:\n" + "\n".join(
        sorted(set(leaks))[:40])


def test_no_payload_reaches_xml_or_json_as_markup(built: Built) -> None:
    for path in built.files(".xml", ".json", ".atom", ".rss", ".js", ".svg"):
        text = path.read_text(encoding="utf-8", errors="replace")
        assert "<script>alert(\"HOSTILE" not in text, path
        assert "javascript:alert" not in text.replace("&quot;", '"') or path.suffix in (
            ".xml", ".atom", ".json"), path
        if path.suffix in (".xml", ".atom", ".rss"):
            ET.fromstring(path.read_bytes())  # well-formed despite control characters


def test_the_texts_are_shown_verbatim(built: Built) -> None:
    for name in ("script", "handlers", "js-url", "markdown", "jinja", "css"):
        text = " ".join("".join(parse(post_page(built, name)).text).split())
        wanted = " ".join(corpus.TEXTS[name].split())
        assert wanted.removesuffix(" #jdtap") in text, name


def test_jinja_in_a_post_is_never_evaluated(built: Built) -> None:
    page = post_page(built, "jinja")
    text = "".join(parse(page).text)
    assert "{{ 7*7 }}" in text
    assert "49" not in page.read_text(encoding="utf-8")
    for path in built.files(*TEXT_SUFFIXES):
        content = path.read_text(encoding="utf-8", errors="replace")
        # Evaluated, the payloads would print HOSTILE-JINJA, HOSTILE-JINJA-IF (without
        # the braces around it) and HOSTILE-NAMEJINJA; shown literally, they never do.
        literal = content.replace("%}HOSTILE-JINJA-IF{%", "")
        assert "HOSTILE-JINJA" not in literal, path
        assert "HOSTILE-NAMEJINJA" not in content, path


def test_the_long_text_is_kept_whole(built: Built) -> None:
    text = "".join(parse(post_page(built, "long")).text)
    assert text.count("Un pigeon passe devant la fontaine.") == 2800


def test_invisible_characters_do_not_break_the_page(built: Built) -> None:
    for name in ("bidi", "zero-width"):
        page = post_page(built, name).read_text(encoding="utf-8")
        assert "\x1b" not in page and "\x07" not in page and "\x00" not in page, name
    bidi = "".join(parse(post_page(built, "bidi")).text)
    assert "0001" in bidi  # kept, but isolated (not asserted: a theme's choice)


def test_the_book_prints_the_texts_literally(built: Built) -> None:
    from pypdf import PdfReader

    pdf = built.output / "livre" / "livre.pdf"
    if not pdf.is_file():
        pytest.fail(f"no book: {pdf} missing (logs: {built.logs[:5]})")
    text = "".join("".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    for fragment in ("{{7*7}}", '<script>alert("HOSTILE-SCRIPT")</script>',
                     '{%iftrue%}HOSTILE-JINJA-IF{%endif%}', "@import"):
        assert fragment in text, fragment


def test_media_names_never_leave_content(built: Built) -> None:
    assert not [p for p in built.output.rglob("*") if "escape-HOSTILE" in p.name]
    published = [str(p.relative_to(built.output)) for p in built.output.rglob("*secret*")]
    assert not published, f"an image outside content/ was published: {published}"
    for path in built.files():
        assert b"root:x:0:0" not in path.read_bytes(), path  # /etc/passwd copied


def test_an_svg_with_script_is_not_served_with_its_script(built: Built) -> None:
    for path in built.files(".svg", ".html"):
        text = path.read_text(encoding="utf-8", errors="replace")
        assert "HOSTILE-SVG" not in text, path


def build_logged(project: Path) -> list[str]:
    """Build with the publish settings; the warnings and errors logged."""
    handler = _Logs()
    logging.getLogger().addHandler(handler)
    try:
        build(project, publish=True, overrides={"SITEURL": "", "RELATIVE_URLS": True})
    finally:
        logging.getLogger().removeHandler(handler)
    return handler.messages


def test_a_decompression_bomb_does_not_stop_the_build(tmp_path: Path) -> None:
    project = make_project(tmp_path, posts=[corpus.bomb_post()])
    shutil.copy2(HERE / "files" / "bomb.png", project / "content" / "media" / "bomb.png")
    logs = build_logged(project)
    output = project / "output"
    assert (output / "post" / corpus.bomb_post().id / "index.html").is_file()
    assert not [p for p in output.rglob("bomb*") if p.stat().st_size > 1_000_000]
    assert any("bomb.png" in message for message in logs), logs


def test_control_characters_do_not_stop_the_build(tmp_path: Path) -> None:
    post = corpus.control_post()
    project = make_project(tmp_path, posts=[post])
    build_logged(project)
    output = project / "output"
    page = (output / "post" / post.id / "index.html").read_text(encoding="utf-8")
    assert "\x1b" not in page and "\x07" not in page
    assert "rouge" in page
    for path in output.rglob("*"):
        if path.suffix in (".xml", ".atom", ".rss"):
            ET.fromstring(path.read_bytes())


def test_a_python_tag_is_refused_never_run(built: Built) -> None:
    assert not built.marker.exists()
    assert not (built.output / "post" / "325399000000000100").exists()
    path = built.project / "content/posts/2013-04-19/15h00-325399000000000100.md"
    with pytest.raises(PostFileError) as caught:
        read_post(path)
    assert str(caught.value).startswith(f"{path}:7: note: a YAML tag ('!!…') is not "
                                        "allowed here — remove the tag")
    assert not built.marker.exists()
    assert any(str(path) in message for message in built.logs), built.logs


def test_the_loader_is_a_safe_loader() -> None:
    # libyaml's CSafeLoader when available: the same safe constructors as SafeLoader.
    assert issubclass(postfile._Loader, (yaml.SafeLoader, yaml.CSafeLoader))
    assert postfile._Loader.yaml_constructors is not yaml.Loader.yaml_constructors
    assert not any("python" in tag for tag in postfile._Loader.yaml_constructors if tag)
    assert not any("python" in tag for tag in postfile._Loader.yaml_multi_constructors)
    with pytest.raises(PostFileError, match=r"a YAML tag \('!!…'\) is not allowed"):
        load_post(corpus.PYTHON_TAG.format(id=1, marker="/nonexistent/x"))


def test_a_file_that_is_not_utf8_is_skipped_and_named(built: Built) -> None:
    path = built.project / "content/posts/2013-04-19/15h01-325399000000000101.md"
    assert not (built.output / "post" / "325399000000000101").exists()
    with pytest.raises(PostFileError, match=r":8: encoding: the file is Latin-1 "):
        read_post(path)
    assert any(str(path) in message or path.name in message for message in built.logs), \
        built.logs


def test_control_characters_and_hostile_addresses_never_stop_or_reach_the_site(
        tmp_path: Path) -> None:
    """A handle and an address with a control character, an original's address in
    ``javascript:`` (mixed case, leading spaces): the build publishes, the feed is
    valid XML, and no page links to anything but http(s)."""
    import xml.dom.minidom

    from hostile.tmpproject import made_up_post, make_project
    from inventaire.commands.build import build

    bell = made_up_post(1, author="sonnette\x07", url="https://twitter.com/a\x07/status/1")
    script = made_up_post(2, url="  JavaScript:alert(document.domain)")
    project = make_project(tmp_path, posts=[bell, script, made_up_post(3)])
    build(project, book=False, search=False)
    output = project / "output"
    xml.dom.minidom.parse(str(output / "feeds" / "tout.atom.xml"))
    pages = "".join(p.read_text("utf-8") for p in output.rglob("*.html"))
    assert "\x07" not in pages and "javascript:" not in pages.lower()
    assert (output / "post" / bell.id / "index.html").is_file()
