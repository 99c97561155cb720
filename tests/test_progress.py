"""Long commands say what they do (issue 17, point 5): steps, counts, ``--quiet`` and
``--verbose``.

On a terminal the running step is one line redrawn in place; in a pipe or a log only
one line per finished step is written; ``--quiet`` writes none. ``check`` ends with
one line when all is well. Progress goes to standard error, results to standard
output.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from inventaire.commands.cli import main
from inventaire.core.progress import NORMAL, QUIET, VERBOSE, Progress
from test_import_editors import export, project, run  # noqa: F401 (fixture)


class Clock:
    """Seconds that pass only when the test says so."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_one_line_per_step_when_not_a_terminal() -> None:
    stream, clock = io.StringIO(), Clock()
    progress = Progress(NORMAL, stream, clock=clock)
    assert progress.live is False  # a StringIO is not a terminal
    with progress.step("reading exports", "posts") as step:
        step.advance(1200)
        clock.now += 2.5
    with progress.step("book") as step:
        step.done = "laid out"
    assert stream.getvalue() == ("reading exports: 1\u202f200 posts (2.5 s)\n"
                                 "book: laid out (0.0 s)\n")


def test_a_terminal_gets_one_line_redrawn_then_the_steps_result() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream, clock = Terminal(), Clock()
    progress = Progress(NORMAL, stream, clock=clock, interval=60)
    assert progress.live is True
    with progress.step("writing files", "posts", total=5000) as step:
        step.advance(10)
    out = stream.getvalue()
    assert out.startswith("\r\x1b[Kwriting files…")  # redrawn in place
    assert out.endswith("\r\x1b[Kwriting files: 10 posts (0.0 s)\n")
    assert out.count("\n") == 1


def test_quiet_says_nothing_and_a_failed_step_says_so() -> None:
    stream = io.StringIO()
    with Progress(QUIET, stream).step("book"):
        pass
    assert stream.getvalue() == ""
    loud = io.StringIO()
    with pytest.raises(RuntimeError), Progress(VERBOSE, loud).step("book"):
        raise RuntimeError("layout failed")
    assert loud.getvalue().startswith("book: stopped (")


def test_import_says_its_steps_and_quiet_only_its_errors(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    source = export(tmp_path / "day.jsonl", "Un bus passe.", "La fontaine coule.")
    assert main(["--project", str(project), "import", str(source)]) == 0
    out, err = capsys.readouterr()
    assert "reading exports: 2 posts read, 2 of the day (" in err
    assert "writing files: 2 new, 0 updated, 0 unchanged (" in err
    assert "imported 2 (2 new" in out
    assert main(["--project", str(project), "import", "--quiet", str(source)]) == 0
    assert capsys.readouterr() == ("", "")


def test_check_all_well_quiet_and_verbose(project: Path, tmp_path: Path,  # noqa: F811
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, str(export(tmp_path / "day.jsonl", "Un bus passe."))) == 0
    capsys.readouterr()
    assert main(["--project", str(project), "check"]) == 0
    out, err = capsys.readouterr()
    assert out.strip().endswith("no problem — all is well")
    assert "reading content: 1 post files (" in err
    assert main(["--project", str(project), "check", "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")
    assert main(["--project", str(project), "check", "--verbose"]) == 0
    assert "statuses: 0 new, 1 candidate, 0 selected, 0 withdrawn" in capsys.readouterr().out


def test_quiet_and_verbose_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["build", "--quiet", "--verbose"])
    assert "not allowed with argument" in capsys.readouterr().err


@pytest.mark.slow
def test_build_says_its_steps_and_quiet_says_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from test_init import export as day_export
    from test_init import init

    folder = tmp_path / "montreal"
    assert init(folder) == 0
    assert main(["--project", str(folder), "import", "--no-progress", "--status",
                 "selected", str(day_export(tmp_path / "jdtam.jsonl"))]) == 0
    capsys.readouterr()
    assert main(["--project", str(folder), "build", "--site"]) == 0
    out, err = capsys.readouterr()
    assert "reading posts: 3 posts (" in err and "writing pages and the search index: done (" in err
    assert "Done: Processed" not in out + err  # Pelican's line: --verbose only
    assert "HTML page(s)" in out
    assert main(["--project", str(folder), "build", "--site", "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")


def test_a_fork_while_a_line_is_redrawn_leaves_the_child_free_to_write() -> None:
    """The build forks its renderers while a thread redraws the terminal's line: the
    fork waits for the line to be written, and the child's lock is free."""
    import os
    import threading

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    progress = Progress(NORMAL, Terminal(), interval=60)
    held, release = threading.Event(), threading.Event()

    def writing() -> None:  # the ticker, caught in the middle of a write
        with progress._lock:
            held.set()
            release.wait(0.2)

    with progress.step("writing pages"):
        writer = threading.Thread(target=writing)
        writer.start()
        held.wait()
        pid = os.fork()
        if pid == 0:
            os._exit(1 if progress._lock.locked() else 0)
        release.set()
        writer.join()
        _pid, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
