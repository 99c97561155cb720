"""Smoke test of the live benchmark (issue 19): at a tiny size it runs end to end,
the new post reaches its page in the preview, and its lines have the contract's keys.
No timing is asserted (``make bench`` gives the figures)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import bench_live
from benchmarks.report import KEYS


def test_live_benchmark_lines(tmp_path: Path) -> None:
    lines = [json.loads(line.to_json()) for line in bench_live.run(tmp_path, 12)]
    assert [line["name"] for line in lines] == ["live.post_to_preview_12", "live.pass_12"]
    for line in lines:
        assert tuple(line) == KEYS
        assert line["value"] > 0 and line["baseline"] > 0  # not a failed line
    assert (tmp_path / "live-12" / "output" / "post" / "325199999999990000"
            / "index.html").is_file()
