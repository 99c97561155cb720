"""A build never publishes a page of an older state, whatever changed between two.

Each test reproduces a way the earlier incremental build published stale output:
a function in ``pelicanconf.py``, a dependency upgraded, a filter changed in a
project module, a neighbour's title edited, a photo replaced by an older-dated file,
``--site`` after a full build, and files a web server running as another user could
not read. Builds run as editors run them, with the ``inventaire`` command in a
process of its own, two or three times in a row.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hostile.tmpproject import made_up_post, make_project
from inventaire.core.postfile import read_post, write_post
from PIL import Image

SITE = ["build", "--site"]
# The site without its search index, for the tests that read no index: the search step
# notes which pages carry its mark and indexes them once every page is written; the
# pages are the same without it. The tests of every file of output/ and of the render
# workers keep it.
PAGES = [*SITE, "--set", "INVENTAIRE_SEARCH=False"]


def inventaire(project: Path, *args: str, env: dict[str, str] | None = None) -> str:
    """Run the command in a process of its own; its output, or the test fails."""
    result = subprocess.run([sys.executable, "-m", "inventaire.commands.cli", "--project",
                             str(project), *args], capture_output=True, text=True,
                            env={**os.environ, **(env or {})}, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def post_page(project: Path, post_id: str) -> str:
    return (project / "output" / "post" / post_id / "index.html").read_text("utf-8")


def edit(project: Path, post_id: str, **fields: object) -> None:
    path = next((project / "content" / "posts").rglob(f"*-{post_id}.md"))
    post = read_post(path)
    for name, value in fields.items():
        setattr(post, name, value)
    write_post(post, project / "content" / "posts")


def add_to_template(project: Path, name: str, snippet: str) -> None:
    """``snippet`` at the start of the content block of the project's template."""
    template = project / "theme" / "templates" / name
    template.write_text(template.read_text("utf-8").replace(
        "{% block content %}", "{% block content %}" + snippet, 1), "utf-8")


def five_posts(base: Path) -> Path:
    posts = [made_up_post(i) for i in range(5)]
    posts[0].text = "Un cœur ❤️ sur le mur #jdtap"
    return make_project(base, posts=posts)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return five_posts(tmp_path)


def test_a_function_in_pelicanconf_works_at_every_build(project: Path) -> None:
    with (project / "pelicanconf.py").open("a", encoding="utf-8") as conf:
        conf.write("\n\ndef shout(text):\n    return str(text).upper()\n\n"
                   "JINJA_FILTERS = {'shout': shout}\n")
    add_to_template(project, "404.html", "{{ 'criez'|shout }}")
    for _ in range(3):
        inventaire(project, *PAGES)
        assert "CRIEZ" in (project / "output" / "404.html").read_text("utf-8")


def test_a_dependency_upgrade_shows_at_the_next_build(project: Path, tmp_path: Path) -> None:
    """The ``emoji`` package's French name of ❤️ changes (a newer release, simulated
    by patching its data when Python starts): the page says the new name."""
    post_id = made_up_post(0).id
    inventaire(project, *PAGES)
    assert 'aria-label="cœur rouge"' in post_page(project, post_id)
    upgrade = tmp_path / "upgrade"
    upgrade.mkdir()
    (upgrade / "sitecustomize.py").write_text(
        "import emoji\nemoji.demojize('x', language='fr')  # loads the French names\n"
        "emoji.EMOJI_DATA['\u2764\ufe0f']['fr'] = ':cœur_écarlate:'\n",
        encoding="utf-8")
    inventaire(project, *PAGES, env={"PYTHONPATH": str(upgrade)})
    assert 'aria-label="cœur écarlate"' in post_page(project, post_id)
    inventaire(project, *PAGES)
    assert 'aria-label="cœur rouge"' in post_page(project, post_id)


def test_a_filter_changed_in_a_project_module_changes_every_page(project: Path) -> None:
    module = project / "localfilters.py"
    module.write_text("def tampon(text):\n    return 'tampon-un'\n", encoding="utf-8")
    with (project / "pelicanconf.py").open("a", encoding="utf-8") as conf:
        conf.write("\nimport sys\nsys.path.insert(0, '.')\nimport localfilters\n"
                   "JINJA_FILTERS = {'tampon': localfilters.tampon}\n")
    add_to_template(project, "article.html", "{{ ''|tampon }}")
    inventaire(project, *PAGES)
    pages = sorted((project / "output" / "post").rglob("index.html"))
    assert pages and all("tampon-un" in p.read_text("utf-8") for p in pages)
    module.write_text("def tampon(text):\n    return 'tampon-deux'\n", encoding="utf-8")
    inventaire(project, *PAGES)
    assert all("tampon-deux" in p.read_text("utf-8") for p in pages)


def test_a_neighbours_title_edited_shows_on_the_post_before_it(project: Path) -> None:
    add_to_template(project, "article.html", "<p id='suivant'>{{ article.next_post.title }}</p>")
    inventaire(project, *PAGES)
    pages = {p.parent.name: p.read_text("utf-8")
             for p in (project / "output" / "post").rglob("index.html")}
    first, second = sorted((made_up_post(i) for i in range(5)), key=lambda p: p.sort_key())[:2]
    assert second.text[:20] in pages[first.id]
    edit(project, second.id, text="Titre tout neuf du voisin #jdtap")
    inventaire(project, *PAGES)
    assert "Titre tout neuf du voisin" in post_page(project, first.id)


def test_a_photo_replaced_by_an_older_file_is_the_one_published(project: Path) -> None:
    media = project / "content" / "media" / "photo.jpg"
    Image.new("RGB", (600, 400), "red").save(media)
    post_id = made_up_post(1).id
    path = next((project / "content" / "posts").rglob(f"*-{post_id}.md"))
    post = read_post(path)
    from inventaire.core.model import Media
    post.media = [Media(file="media/photo.jpg", alt="Une photo")]
    write_post(post, project / "content" / "posts")
    inventaire(project, *PAGES)
    derivative = project / "output" / "media" / "photo-480.jpg"
    with Image.open(derivative) as image:
        assert image.convert("RGB").getpixel((10, 10))[0] > 200
    before = media.stat().st_mtime
    Image.new("RGB", (600, 400), "blue").save(media)
    os.utime(media, (before - 86400, before - 86400))  # as rsync -a or cp -p would
    inventaire(project, *PAGES)
    with Image.open(derivative) as image:
        red, _green, blue = image.convert("RGB").getpixel((10, 10))
        assert blue > 200 and red < 60


@dataclass
class Step:
    """What one command of :func:`alternating` left in ``output/``."""

    arguments: list[str]
    unreadable: list[str]
    output_readable: bool
    book: bool
    page: str


@pytest.fixture(scope="module")
def alternating(tmp_path_factory: pytest.TempPathFactory) -> list[Step]:
    """One project built as an editor alternates, ``build``, ``build --site`` twice,
    ``build`` again, with the usual umask of a web server's host (022): what each
    command left. Full builds lay out the book, the slowest step here, so the tests
    that only read what the commands left share these four."""
    project = five_posts(tmp_path_factory.mktemp("alternating"))
    steps = []
    old = os.umask(0o022)
    try:
        for arguments in (["build"], SITE, SITE, ["build"]):
            inventaire(project, *arguments)
            output = project / "output"
            unreadable = [str(p.relative_to(project)) for p in output.rglob("*")
                          if not p.stat().st_mode & stat.S_IROTH
                          or (p.is_dir() and not p.stat().st_mode & stat.S_IXOTH)]
            steps.append(Step(arguments, unreadable, bool(output.stat().st_mode & stat.S_IROTH),
                              (output / "livre" / "livre.pdf").is_file(),
                              post_page(project, made_up_post(2).id)))
    finally:
        os.umask(old)
    return steps


def test_site_only_after_a_full_build_keeps_the_book(alternating: list[Step]) -> None:
    full, *sites = alternating[:3]
    assert full.arguments == ["build"] and all(step.arguments == SITE for step in sites)
    assert full.book
    assert "pas encore construit" not in full.page
    for step in sites:
        assert step.book
        assert step.page == full.page


def test_every_output_file_is_readable_by_others(alternating: list[Step]) -> None:
    assert [step.arguments for step in alternating] == [["build"], SITE, SITE, ["build"]]
    for step in alternating:
        assert not step.unreadable, step.arguments
        assert step.output_readable, step.arguments


def test_the_preview_serves_each_edit_after_a_full_build(project: Path) -> None:
    """``inventaire serve``: the first build is served, an edit is served once the
    build that follows it is done, and no search index is made."""
    import socket
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "inventaire.commands.cli", "--project",
                               str(project), "serve", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    post_id = made_up_post(3).id
    url = f"http://127.0.0.1:{port}/post/{post_id}/"

    def fetch_until(words: str) -> str:
        deadline = time.monotonic() + 90
        page = ""
        while time.monotonic() < deadline and server.poll() is None:
            try:
                page = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
            except OSError:
                page = ""
            if words in page:
                return page
            time.sleep(0.2)
        return page

    try:
        assert "numéro3" in fetch_until("numéro3")
        edit(project, post_id, note="Relu par la rédaction")
        assert "Relu par la rédaction" in fetch_until("Relu par la rédaction")
        assert not (project / "output" / "pagefind").exists()
    finally:
        server.terminate()
        server.wait(timeout=10)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()
            and not p.relative_to(folder).as_posix().startswith("pagefind/")}


def test_pages_are_the_same_from_one_process_or_three(project: Path) -> None:
    """The render workers split the pages, never change them."""
    inventaire(project, *SITE, "--set", "INVENTAIRE_RENDER_WORKERS=1")
    alone = snapshot(project / "output")
    inventaire(project, *SITE, "--set", "INVENTAIRE_RENDER_WORKERS=3")
    shared = snapshot(project / "output")
    assert sorted(alone) == sorted(shared)
    assert [name for name in alone if alone[name] != shared[name]] == []
    assert sum(name.endswith(".html") for name in alone) > 20
    assert "feeds/tout.atom.xml" in alone  # a call of the shares, like a page


def test_a_page_that_fails_in_a_worker_fails_the_build(project: Path) -> None:
    """Rendering raises in the worker processes only (the settings, read by the
    parent before it forks, know its pid): the build stops, output/ is untouched."""
    inventaire(project, *SITE)
    before = snapshot(project / "output")
    with (project / "pelicanconf.py").open("a", encoding="utf-8") as conf:
        conf.write("\n\nimport os\nPARENT = os.getpid()\n\ndef check(article):\n"
                   "    if os.getpid() != PARENT:\n"
                   "        raise ValueError('page impossible')\n"
                   "    return ''\n\nJINJA_FILTERS = {'check': check}\n")
    add_to_template(project, "article.html", "{{ article|check }}")
    for workers in ("2", "3"):
        result = subprocess.run(
            [sys.executable, "-m", "inventaire.commands.cli", "--project", str(project),
             *SITE, "--set", f"INVENTAIRE_RENDER_WORKERS={workers}"],
            capture_output=True, text=True, check=False)
        assert result.returncode == 1, workers
        assert "page impossible" in result.stderr
        assert "output/ is left as it was" in result.stderr
        assert snapshot(project / "output") == before
    inventaire(project, *SITE, "--set", "INVENTAIRE_RENDER_WORKERS=1")


def blocked_on_a_lock(pid: int, seconds: float = 60) -> bool:
    """Whether process ``pid`` comes to sleep in the kernel waiting for a file lock
    (``/proc/PID/wchan``). Where the kernel hides wait channels (it reads ``0``), two
    seconds still running stand for it."""
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            channel = Path(f"/proc/{pid}/wchan").read_text(encoding="ascii").strip()
            state = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1]
        except OSError:
            return False  # gone: it did not wait
        if "lock" in channel:
            return True
        if channel in ("", "0") and state.split()[0] in ("S", "D"):  # asleep, channel hidden
            time.sleep(2)
            return Path(f"/proc/{pid}").exists()
        time.sleep(0.02)
    return False


def test_a_second_build_waits_for_the_first(project: Path) -> None:
    """One build of a project at a time: a second one says so and waits."""
    import fcntl
    import threading

    (project / "cache").mkdir()
    with (project / "cache" / "build.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        second = subprocess.Popen([sys.executable, "-m", "inventaire.commands.cli",
                                   "--project", str(project), *SITE],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        lines: list[str] = []
        waiting = threading.Event()

        def read_errors() -> None:
            assert second.stderr is not None
            for line in second.stderr:
                lines.append(line)
                if "another build of this project is running" in line:
                    waiting.set()

        reader = threading.Thread(target=read_errors, daemon=True)
        reader.start()
        # The second build says it waits, then sleeps in the kernel on the lock
        # (its wait channel, where Linux shows it), rather than a guessed delay.
        assert waiting.wait(timeout=60), "".join(lines)
        assert blocked_on_a_lock(second.pid)
        assert second.poll() is None and not (project / "output").exists()
        fcntl.flock(lock, fcntl.LOCK_UN)
    second.wait(timeout=120)
    reader.join(timeout=10)
    err = "".join(lines)
    assert second.returncode == 0, err
    assert (project / "output" / "index.html").is_file()


def test_a_withdrawn_posts_photo_leaves_the_cache(project: Path) -> None:
    from inventaire.core.model import Media

    media = project / "content" / "media" / "photo.jpg"
    Image.new("RGB", (600, 400), "green").save(media)
    post_id = made_up_post(1).id
    edit(project, post_id, media=[Media(file="media/photo.jpg", alt="Une photo")])
    inventaire(project, *PAGES)
    cached = project / "cache" / "pictures"
    assert any(cached.rglob("photo-480.jpg"))
    edit(project, post_id, status="withdrawn")
    inventaire(project, *PAGES)
    assert not any(cached.rglob("photo-*"))
    assert not (project / "output" / "media" / "photo-480.jpg").exists()
