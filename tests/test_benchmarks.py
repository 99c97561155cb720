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
from benchmarks import bench_book, bench_site, synth
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


def test_site_benchmark_lines(tmp_path: Path) -> None:
    lines = bench_site.run(tmp_path, (8, 16), 8, swap=False)
    check(lines, ["site.build_8", "site.build_16", "site.per_post_16_vs_8",
                  "site.rebuild_one_edit", "site.rebuild_files_written"])
    written = next(line for line in lines if line.name == "site.rebuild_files_written")
    unchanged = next(line for line in lines if line.name == "site.rebuild_files_unchanged")
    skipped = next(line for line in lines if line.name == "site.rebuild_renders_skipped")
    # One edit rewrites a few pages; the others are not rendered again, or come out the same.
    assert 0 < written.value < unchanged.value + skipped.value


def test_book_benchmark_lines(tmp_path: Path) -> None:
    check(bench_book.run(tmp_path, 12), ["book.build_12", "book.pages_per_second_12",
                                         "book.peak_memory_12"])


def test_import_benchmark_lines_pass_through() -> None:
    if not runner.IMPORT_SCRIPT.is_file():
        pytest.skip("benchmarks/bench_import.py is not there yet")
    lines = runner.import_lines(quick=True, posts=400)
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
