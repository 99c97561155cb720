"""Benchmarks of Inventaire against plain tools, measured side by side in one run.

``python -m benchmarks [--quick]`` (``make bench`` / ``make bench-quick``) runs them
all and prints one JSON object per line, then a table (:mod:`benchmarks.report`).

Commands are timed as people run them: ``inventaire import``, ``inventaire build``
and ``pelican`` each in a subprocess of their own, from interpreter start to exit,
through :mod:`benchmarks.timer` so that the CPU seconds of every process they start
(the site's render workers, the book's workers, Pagefind) are counted beside the
wall time. A 2-core machine shared with other jobs moves the wall clock a lot more
than the CPU time; the two together tell noise from cost.

The book's figures time one function inside a process (:func:`run_child`): the
book step against bare WeasyPrint on the same HTML, each in a child of its own so
that one's imports, caches and memory never flatter or burden the other.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULT_PREFIX = "BENCH-RESULT "
TIMER = Path(__file__).resolve().parent / "timer.py"


@dataclass
class Run:
    """One timed command: wall seconds, CPU seconds of all its processes, the peak
    memory of the largest one."""

    seconds: float
    cpu_seconds: float
    maxrss_mb: float


def tool(name: str) -> str:
    """A console script of this virtualenv (``inventaire``, ``pelican``), as users call it."""
    script = Path(sys.executable).with_name(name)
    return str(script) if script.exists() else name


def command_env() -> dict[str, str]:
    """The environment without the repository on ``PYTHONPATH``: its ``pelicanconf.py``
    must never stand in for a synthetic project's (publishconf imports it by name)."""
    env = dict(os.environ)
    paths = [p for p in env.pop("PYTHONPATH", "").split(os.pathsep)
             if p and Path(p).resolve() != ROOT]
    if paths:
        env["PYTHONPATH"] = os.pathsep.join(paths)
    env.pop("SOURCE_DATE_EPOCH", None)
    return env


def run_command(command: list[str], cwd: Path) -> Run:
    """Run ``command`` in ``cwd`` under :mod:`benchmarks.timer`; its output is shown
    only when it fails, so that a broken build says why.

    The page cache is written out first: what the command before left dirty (a
    generated day, another build's output) is not this command's to write (the
    import's one ``sync(2)`` would pay for all of it).
    """
    os.sync()
    with tempfile.NamedTemporaryFile(prefix="inventaire-bench-", suffix=".log",
                                     delete=False) as handle:
        log = Path(handle.name)
    try:
        done = subprocess.run([sys.executable, str(TIMER), "--log", str(log), "--", *command],
                              cwd=cwd, env=command_env(), capture_output=True, text=True,
                              check=False)
        lines = done.stdout.strip().splitlines()
        result: dict[str, Any] = json.loads(lines[-1]) if done.returncode == 0 and lines \
            else {"returncode": done.returncode}
        if result["returncode"] != 0:
            tail = log.read_text(encoding="utf-8", errors="replace")[-2000:] or done.stderr
            raise RuntimeError(f"{' '.join(command)} failed in {cwd} "
                               f"(exit {result['returncode']}):\n{tail}")
        return Run(result["seconds"], result["cpu_seconds"], result["maxrss_mb"])
    finally:
        log.unlink(missing_ok=True)


def cpu_seconds() -> float:
    """CPU time of this process and its finished children, user + system (for the
    timings made inside a child, :func:`run_child`)."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def child_result(data: dict[str, Any]) -> None:
    """Print a child's result where :func:`run_child` finds it, with its peak memory."""
    import resource

    data["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(RESULT_PREFIX + json.dumps(data), flush=True)


def run_child(module: str, args: list[str], cwd: Path | None = None) -> dict[str, Any]:
    """Run ``python -m module args`` and return the dict it passed to :func:`child_result`.

    The child's own output (the build's log) is kept out of the benchmark's lines; it
    is shown only when the child fails.
    """
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    done = subprocess.run([sys.executable, "-m", module, *args], cwd=cwd or ROOT, env=env,
                          capture_output=True, text=True, check=False)
    for line in reversed(done.stdout.splitlines()):
        if line.startswith(RESULT_PREFIX):
            result: dict[str, Any] = json.loads(line[len(RESULT_PREFIX):])
            return result
    tail = (done.stderr or done.stdout).strip()[-2000:]
    raise RuntimeError(f"{module} {' '.join(args)} failed (exit {done.returncode}):\n{tail}")
