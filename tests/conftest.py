"""Shared fixtures: the repository's root and one build of the sample day per session.

Building the sample day (site and book) is the slowest step of the suite, so it
happens once, into a temporary folder, and every end-to-end test reads from it. The
suite runs in several processes (pytest-xdist, ``make test``): the first that needs
the build makes it under a lock in the run's shared temporary folder, the others
wait for it and read the same files.
"""

from __future__ import annotations

import fcntl
import gc
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from live_fakes import FakeBluesky, FakeMastodon, served

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(autouse=True)
def collector_given_back() -> Iterator[None]:
    """Every build and command sets its objects aside from Python's collector
    (``inventaire/core/collector.py``): a command exits after one, a test process runs
    hundreds, so they are given back after each test. And no test may leave the
    collector paused."""
    yield
    assert gc.isenabled(), "the collector was left paused"
    gc.unfreeze()


# The files that take longest, longest first (each file's tests summed from a run's
# --junitxml, two processes on two cores). ``make test`` hands whole files to its
# processes in collection order (--dist loadfile --no-loadscope-reorder): started
# first, a long file runs beside the others instead of ending the run alone. The
# first builds the sample day, which the other files of the sample day wait for; the
# next ones need no sample day. The order changes how long the run takes, never what
# a test checks.
LONGEST_FIRST = [
    "test_book_sample.py", "test_book_parallel.py", "test_build_sound.py",
    "test_preview_reuse.py", "test_browser.py", "test_benchmarks.py", "test_book_flow.py",
    "test_book_preflight.py", "test_book_step.py", "test_browser_pages.py",
    "hostile/test_hostile_clicks.py",
    "test_book_balance.py", "hostile/test_withdrawal_scan.py", "test_book_longwords.py",
    "test_book_variants.py", "test_rights.py", "test_hostile_posts.py",
    "test_front_matter_read.py", "test_rights_register.py", "test_site_media.py",
    "test_book_spreads.py", "test_preview_builder.py", "test_book_heads.py",
    "test_reproducible.py", "test_schema.py", "test_triage_browser.py",
    "test_same_second.py", "test_book_imprint.py", "test_book_plateflow.py",
    "test_live_browser.py", "test_browser_map.py", "test_site_public_face.py",
    "test_live_recheck.py",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The files of :data:`LONGEST_FIRST` first, in its order; the others after, as
    collected. Within a file the tests keep their order."""
    rank = {name: number for number, name in enumerate(LONGEST_FIRST)}

    def key(item: pytest.Item) -> int:
        return rank.get(item.nodeid.split("::")[0].removeprefix("tests/"), len(rank))

    items.sort(key=key)  # stable: the collection's order within each rank


@pytest.fixture(autouse=True)
def no_leftover_plugins() -> Iterator[None]:
    """Each test starts with Pelican's signals free of the previous builds' plugins,
    and with Pelican's memory of logged messages empty."""
    yield
    from inventaire.commands.build import reset_plugin_signals
    from inventaire.site.pelicanlog import forget_logged_messages

    reset_plugin_signals()
    forget_logged_messages()  # a message a test looks for is said in that test too


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository, which holds the sample day in content/."""
    return ROOT


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where tests leave screenshots and page renders for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temporary folder of this run that every test process shares."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session", autouse=True)
def shared_pdf_readings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """What the book's tests read in a PDF (tests/fixtures/book/pdfcheck.py) kept in the
    run's shared folder, so that a PDF read in both test processes is parsed once."""
    os.environ["INVENTAIRE_TEST_PDFCHECK"] = str(run_folder(tmp_path_factory) / "pdfcheck")
    yield
    os.environ.pop("INVENTAIRE_TEST_PDFCHECK", None)


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample day built with publish settings (no candidates), relative links, its
    caches in the run's own folder (never the repository's ``cache/``)."""
    from inventaire.commands.build import build

    shared = run_folder(tmp_path_factory) / "sample"
    shared.mkdir(exist_ok=True)
    output, done = shared / "output", shared / "built"
    with (shared / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            build(ROOT, publish=True, output=output,
                  overrides={"SITEURL": "", "RELATIVE_URLS": True,
                             "CACHE_PATH": str(shared / "cache")})
            done.write_text("yes", encoding="utf-8")
    return output


def require_tool(name: str) -> str:
    """Path of a system tool, or skip the test saying which Debian package to install."""
    path = shutil.which(name)
    if path is None:
        packages = {"chromium": "chromium", "pdftoppm": "poppler-utils",
                    "pdffonts": "poppler-utils"}
        pytest.skip(f"{name} not found: install the Debian package "
                    f"'{packages.get(name, name)}' (make test does it as root)")
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's Chromium for the module's tests (``tests/chromium.py``)."""
    from chromium import chromium

    with chromium() as launched:
        yield launched


@pytest.fixture
def mastodon() -> Iterator[tuple[FakeMastodon, str]]:
    """A fake Mastodon instance on 127.0.0.1 (tests/live_fakes.py) and its base URL."""
    yield from served(FakeMastodon())


@pytest.fixture
def bluesky() -> Iterator[tuple[FakeBluesky, str]]:
    """A fake Bluesky service on 127.0.0.1 (tests/live_fakes.py) and its base URL."""
    yield from served(FakeBluesky())
