"""Shared fixtures: the repository's root and one build of the sample day per session.

Building the sample day (site and book) is the slowest step of the suite, so it
happens once, into a temporary folder, and every end-to-end test reads from it.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.fixture(autouse=True)
def no_leftover_plugins() -> Iterator[None]:
    """Each test starts with Pelican's signals free of the previous builds' plugins."""
    yield
    from inventaire.commands.build import reset_plugin_signals

    reset_plugin_signals()


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository, which holds the sample day in content/."""
    return ROOT


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where tests leave screenshots and page renders for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The sample day built with publish settings (no candidates), relative links."""
    from inventaire.commands.build import build

    output = tmp_path_factory.mktemp("sample") / "output"
    build(ROOT, publish=True, overrides={"SITEURL": "", "RELATIVE_URLS": True}, output=output)
    yield output
    shutil.rmtree(output, ignore_errors=True)


def require_tool(name: str) -> str:
    """Path of a system tool, or skip the test saying which Debian package to install."""
    path = shutil.which(name)
    if path is None:
        packages = {"chromium": "chromium", "pdftoppm": "poppler-utils",
                    "pdffonts": "poppler-utils"}
        pytest.skip(f"{name} not found: install the Debian package "
                    f"'{packages.get(name, name)}' (make test does it as root)")
    return path
