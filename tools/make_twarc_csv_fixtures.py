"""Make the twarc-csv fixtures with the released tools, not by hand.

The CSV that academic collections hold was written by three generations of
twarc-csv, which differ in their columns and in how they write lists (see
docs/formats.md, « twarc-csv »). A reader tested only on CSV we wrote ourselves
would be tested on our own idea of the format. So this script installs each released
version from PyPI into a temporary virtual environment, converts the same small
twarc2 JSONL (``tests/fixtures/import/twarc_csv/input.jsonl``) with ``twarc2 csv``
and its default options, and writes ``twarc-csv-<version>.csv`` next to it. Only the
CSV files are committed; the environments are deleted.

Usage: ``python tools/make_twarc_csv_fixtures.py [--versions 0.3.8 0.5.2 0.7.2]``
(needs network access to PyPI through pip).
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "tests" / "fixtures" / "import" / "twarc_csv"
INPUT = FOLDER / "input.jsonl"
VERSIONS = ("0.3.8", "0.5.2", "0.7.2")
# What each version needs to run today: old releases did not bound their dependencies
# and break with the newest pandas (0.3.x calls DataFrame.append, removed in 2.0) and
# pandas 1 with numpy 2.
EXTRA = {"0.3.8": ["pandas<2", "numpy<2"], "0.5.2": ["pandas<2", "numpy<2"],
         "0.7.2": ["pandas<3"]}
# Versions older than the API's edit history (late 2022) refuse the field: the tweets
# they converted never had it, so it is taken out of their input.
BEFORE_EDITS = ("0.3.8", "0.5.2")


def make(version: str, work: Path) -> Path:
    """Install twarc-csv ``version`` in a fresh venv under ``work``; convert INPUT."""
    env = work / f"venv-{version}"
    venv.EnvBuilder(with_pip=True, clear=True).create(env)
    python = env / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    f"twarc-csv=={version}", *EXTRA.get(version, [])], check=True)
    output = FOLDER / f"twarc-csv-{version}.csv"
    temporary = work / output.name
    source = INPUT
    if version in BEFORE_EDITS:
        source = work / "input-before-edits.jsonl"
        pages = [json.loads(line) for line in INPUT.read_text(encoding="utf-8").splitlines()]
        for page in pages:
            for tweet in [*page.get("data", []), *page.get("includes", {}).get("tweets", [])]:
                tweet.pop("edit_history_tweet_ids", None)
        source.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pages),
                          encoding="utf-8")
    # twarc2 asks for API keys before any command; a conversion never uses them. HOME
    # is the temporary folder, so no twarc configuration is left behind.
    environment = {"HOME": str(work), "PATH": f"{env / 'bin'}:/usr/bin:/bin",
                   "LC_ALL": "C.UTF-8"}
    subprocess.run([str(env / "bin" / "twarc2"), "--bearer-token", "unused", "csv",
                    str(source), str(temporary)], check=True, cwd=work, env=environment)
    with temporary.open(encoding="utf-8") as written:
        rows = sum(1 for _row in csv.reader(written)) - 1
    if rows < 1:  # twarc-csv skips a batch it cannot parse and still exits 0
        raise SystemExit(f"twarc-csv {version} wrote no rows; see its messages above")
    shutil.copyfile(temporary, output)
    return output


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--versions", nargs="+", default=list(VERSIONS))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="twarc-csv-") as folder:
        for version in args.versions:
            written = make(version, Path(folder))
            print(f"twarc-csv {version}: {written.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
