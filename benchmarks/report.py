"""The benchmarks' output: one JSON object per line, then a table people can read.

Every line has the same keys, ``{"name", "value", "unit", "baseline", "ratio",
"target", "ok"}``: ``ratio`` is ``value / baseline`` (both measured in the same run),
``target`` the largest ratio the issue accepts (None for a figure given for
information), ``ok`` whether the ratio meets it. Lines from other scripts (the
importer's benchmark) are taken as they are, as long as they have these keys.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

KEYS = ("name", "value", "unit", "baseline", "ratio", "target", "ok")


@dataclass
class Line:
    """One measured figure beside its baseline."""

    name: str
    value: float
    unit: str
    baseline: float | None
    ratio: float | None
    target: float | None
    ok: bool

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)


def measure(name: str, value: float, unit: str, baseline: float | None,
            target: float | None = None) -> Line:
    """A line whose ratio is ``value / baseline``; ok when no target or within it."""
    ratio = value / baseline if baseline else None
    ok = target is None or (ratio is not None and ratio <= target)
    shown = None if baseline is None else float(f"{baseline:.4g}")
    # Significant digits, not decimals: a small ratio (a fast rebuild against a cold
    # build, 0.04349) keeps its precision.
    return Line(name, float(f"{value:.4g}"), unit, shown,
                None if ratio is None else float(f"{ratio:.4g}"), target, ok)


def info(name: str, value: float, unit: str) -> Line:
    """A figure with no baseline and no target (a count, a rate)."""
    return Line(name, round(value, 4), unit, None, None, None, True)


def failed(name: str, why: str) -> Line:
    """A benchmark that could not run: it shows in the table as not ok, with no value."""
    return Line(name, float("nan"), why[:60], None, None, None, False)


def parse(text: str, prefix: str = "") -> Line:
    """A line printed by another benchmark script; raises ValueError if it is not one."""
    data: dict[str, Any] = json.loads(text)
    if not isinstance(data, dict) or set(KEYS) - set(data):
        raise ValueError(f"not a benchmark line (keys {KEYS} expected): {text[:120]}")
    name = str(data["name"])
    if prefix and not name.startswith(prefix):
        name = prefix + name
    return Line(name, data["value"], str(data["unit"]), data["baseline"], data["ratio"],
                data["target"], bool(data["ok"]))


def _number(value: float | None) -> str:
    if value is None:
        return "—"
    if value != value:  # NaN
        return "failed"
    if abs(value) >= 1e6:
        return f"{value:,.0f}"
    return f"{value:.3g}" if abs(value) < 100 else f"{value:,.0f}"


def table(lines: list[Line]) -> str:
    """The lines as aligned columns, a verdict per line and a count at the end."""
    header = ("benchmark", "value", "unit", "baseline", "ratio", "target", "")
    rows = [header]
    for line in lines:
        verdict = "—" if line.target is None and line.ok else ("ok" if line.ok else "MISSED")
        rows.append((line.name, _number(line.value), line.unit, _number(line.baseline),
                     _number(line.ratio), "—" if line.target is None else f"≤ {line.target}",
                     verdict))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    text = ["  ".join(cell.ljust(widths[i]) if i in (0, 2) else cell.rjust(widths[i])
                      for i, cell in enumerate(row)).rstrip() for row in rows]
    text.insert(1, "  ".join("-" * w for w in widths))
    targeted = [line for line in lines if line.target is not None]
    met = sum(line.ok for line in targeted)
    text.append(f"\n{met} of {len(targeted)} targets met.")
    return "\n".join(text)
