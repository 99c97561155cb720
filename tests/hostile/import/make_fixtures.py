"""Regenerate the hostile exports of this folder: ``python make_fixtures.py``.

The files are committed; this script documents how each was made. Every payload
names ``escape-HOSTILE`` so a test can look for anything written where it should
not be.
"""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

HERE = Path(__file__).parent
IMPORT = HERE.parents[1] / "fixtures" / "import"
ARCHIVE = IMPORT / "archive"


def archive_members() -> dict[str, bytes]:
    return {p.relative_to(ARCHIVE).as_posix(): p.read_bytes()
            for p in sorted(ARCHIVE.rglob("*")) if p.is_file()}


def zip_slip() -> None:
    """A real Twitter archive plus members that climb out, are absolute, or are links."""
    with zipfile.ZipFile(HERE / "zip-slip.zip", "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in archive_members().items():
            out.writestr(name, data)
        out.writestr("../../escape-HOSTILE-parent.txt", b"climbed out")
        out.writestr("/tmp/escape-HOSTILE-absolute.txt", b"absolute")
        out.writestr("data/tweets_media/325100000000000001-../../../../escape-HOSTILE.jpg",
                     (ARCHIVE / "data/tweets_media/325100000000000001-BIabc.jpg").read_bytes())
        link = zipfile.ZipInfo("data/tweets_media/325100000000000002-link.jpg")
        link.create_system = 3
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        out.writestr(link, "/etc/passwd")


def zip_bomb() -> None:
    """A Twitter archive whose tweets.js inflates to 200 MB (ratio ~1000:1)."""
    members = archive_members()
    with zipfile.ZipFile(HERE / "zip-bomb.zip", "w", zipfile.ZIP_DEFLATED,
                         compresslevel=9) as out:
        out.writestr("data/manifest.js", members["data/manifest.js"])
        with out.open("data/tweets.js", "w") as handle:
            handle.write(b"window.YTD.tweets.part0 = [")
            block = b" " * (1 << 20)
            for _ in range(200):
                handle.write(block)
            handle.write(b"]\n")


def zip_bomb_lying() -> None:
    """The same bomb, but its central directory claims tweets.js holds 1,000 bytes."""
    zip_bomb()
    with zipfile.ZipFile(HERE / "zip-bomb.zip") as bomb:
        data = bomb.read("data/tweets.js")
        manifest = bomb.read("data/manifest.js")
    with zipfile.ZipFile(HERE / "zip-bomb-lying.zip", "w", zipfile.ZIP_DEFLATED,
                         compresslevel=9) as out:
        out.writestr("data/manifest.js", manifest)
        out.writestr("data/tweets.js", data)
        out.getinfo("data/tweets.js").file_size = 1000  # written to the central directory


def json_bomb() -> None:
    """Deep nesting: 100,000 brackets overflow a recursive parser."""
    depth = 100_000
    (HERE / "json-bomb.json").write_text('{"data": ' + "[" * depth + "]" * depth + "}\n")


def truncated_json() -> None:
    data = (IMPORT / "twitter_v2_single.json").read_bytes()
    (HERE / "truncated.json").write_bytes(data[: len(data) // 2])


def broken_csv() -> None:
    lines = (IMPORT / "twarc.csv").read_text(encoding="utf-8").splitlines()
    header, row = lines[0], lines[1]
    broken = row.replace(',"[""325100000000000001""]"', ',"[""325100000000000001""]', 1)
    (HERE / "broken-quoting.csv").write_text("\n".join([header, broken, *lines[2:]]) + "\n",
                                             encoding="utf-8")


def not_utf8() -> None:
    line = (IMPORT / "twitter_v1.jsonl").read_text(encoding="utf-8").splitlines()[0]
    (HERE / "not-utf8.jsonl").write_bytes(line.replace("🍰", "").encode("latin-1") + b"\n")


if __name__ == "__main__":
    zip_slip()
    zip_bomb()
    zip_bomb_lying()
    json_bomb()
    truncated_json()
    broken_csv()
    not_utf8()
