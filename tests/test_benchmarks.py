"""Smoke test of the benchmarks: each runs at a tiny size and prints well-formed lines.

No timing is asserted (the machine is noisy; the figures are for ``make bench``):
only that every benchmark runs end to end and that its lines have the contract's keys.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pytest

# benchmarks/ sits beside tests/, outside the installed package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import __main__ as runner
from benchmarks import bench_book, bench_rebuild, bench_site, run_command, synth
from benchmarks.report import KEYS, Line, measure, parse, table


def check(lines: list[Line], names: list[str]) -> None:
    """Every line is one JSON object with exactly the contract's keys."""
    got = []
    for line in lines:
        data = json.loads(line.to_json())
        assert tuple(data) == KEYS
        assert isinstance(data["name"], str) and isinstance(data["unit"], str)
        assert isinstance(data["value"], int | float) and not math.isnan(data["value"]), data
        assert data["baseline"] is None or isinstance(data["baseline"], int | float)
        assert data["target"] is None or isinstance(data["target"], int | float)
        assert isinstance(data["ok"], bool)
        if data["baseline"]:
            assert data["ratio"] == pytest.approx(data["value"] / data["baseline"], rel=0.01)
        got.append(data["name"])
    for name in names:
        assert name in got, f"{name} missing from {got}"


def test_synthetic_day_is_deterministic(tmp_path: Path) -> None:
    first = synth.generate(30, tmp_path / "a", vanilla=tmp_path / "va")
    second = synth.generate(30, tmp_path / "b")
    files_a = synth.post_files(first)
    files_b = synth.post_files(second)
    assert len(files_a) == 30
    assert [p.name for p in files_a] == [p.name for p in files_b]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(files_a, files_b, strict=True))
    assert first.jsonl.read_bytes() == second.jsonl.read_bytes()
    assert len(list((tmp_path / "va" / "content").glob("*.md"))) == 30
    assert (first.content / "places").is_dir() and (first.content / "pages").is_dir()
    assert (first.project / "publishconf.py").is_file()


def test_site_benchmark_lines(tmp_path: Path) -> None:
    lines = list(bench_site.run(tmp_path, (6, 12)))
    check(lines, ["site.import_publish_6", "site.import_publish_12", "site.import_12",
                  "site.import_12_cpu", "site.publish_build_12", "site.per_post_12_vs_6",
                  "vanilla.per_post_12_vs_6"])
    targeted = {line.name for line in lines if line.target is not None}
    # The targets speak of the run's largest size only.
    assert targeted == {"site.import_publish_12", "site.import_12", "site.per_post_12_vs_6"}
    # The import started from no posts and wrote them all; the publish made the index.
    assert len(synth.post_files(synth.SynthDay(tmp_path / "publish-12-0", 12, 0))) == 12
    assert (tmp_path / "publish-12-0" / "output" / "pagefind").is_dir()


def test_rebuild_benchmark_lines(tmp_path: Path) -> None:
    # The print interior alone: the other editions would only slow the test down.
    lines = list(bench_rebuild.run(tmp_path, 8, sets=(
        "BOOK_SCREEN=False", "BOOK_COVER=False", "BOOK_CRIERS=False")))
    check(lines, ["make_all.no_change_8", "make_all.no_change_8_cpu", "site.preview_edit_8",
                  "site.preview_edit_8_vs_first_preview"])


def test_timer_counts_orphans(tmp_path: Path) -> None:
    """A grandchild left running by its parent (as the book's fork server is) is
    waited for, and its CPU counted."""
    burn = "import time\nend = time.process_time() + 0.3\nwhile time.process_time() < end: pass"
    orphaning = (f"import subprocess, sys; subprocess.Popen([sys.executable, '-c', {burn!r}])")
    run = run_command([sys.executable, "-c", orphaning], tmp_path)
    assert run.cpu_seconds >= 0.3
    with pytest.raises(RuntimeError, match="exit 3"):
        run_command([sys.executable, "-c", "print('why'); raise SystemExit(3)"], tmp_path)


def test_book_benchmark_lines(tmp_path: Path) -> None:
    check(list(bench_book.run(tmp_path, 12)), ["book.build_12", "book.pages_per_second_12",
                                               "book.peak_memory_12"])


def test_import_benchmark_lines_pass_through() -> None:
    if not runner.IMPORT_SCRIPT.is_file():
        pytest.skip("benchmarks/bench_import.py is not there yet")
    # The smallest day the script makes (its quarter-size run has at least 100 posts):
    # only the lines are checked here, the figures are for `make bench`.
    lines = runner.import_lines(quick=True, posts=100)
    check(lines, ["import.read_time", "import.peak_memory"])


def test_report_table_and_parse() -> None:
    line = measure("x.build", 3.0, "s", 2.0, 1.3)
    assert (line.ratio, line.ok) == (1.5, False)
    assert parse(line.to_json()) == line
    assert parse(line.to_json(), prefix="import.").name == "import.x.build"
    with pytest.raises(ValueError):
        parse('{"name": "x"}')
    text = table([line, measure("y", 1.0, "s", 2.0, 1.3)])
    assert "MISSED" in text and "1 of 2 targets met." in text


def test_a_small_ratio_keeps_its_precision() -> None:
    """A fast rebuild against a cold build (0.182 s against 4.185 s) is 0.0435×: a
    ratio rounded to three decimals (0.043) read as 1 % better than it was."""
    line = measure("site.preview_edit_8", 0.182, "s", 4.185, 0.15)
    assert line.ratio == pytest.approx(0.182 / 4.185, rel=1e-3)
    assert measure("x", 3.98, "s", 3.75).ratio == pytest.approx(1.061, rel=1e-3)
