"""Benchmark: read a generated twarc2 JSONL as fast as parsing it, in flat memory.

Generates a deterministic twarc2 file (pages of 100 tweets with ``includes``) in a
temporary folder, then prints JSON lines ``{"name", "value", "unit", "baseline",
"ratio", "target", "ok"}``:

* ``read_time``: the twarc2 reader over the file, against a bare ``json.loads`` loop
  over the same file in the same run, the best of three alternated rounds of each
  (target: ratio ≤ 3); ``read_time_vs_orjson`` the same against an orjson loop, the
  parser the reader uses (no target);
* ``peak_memory``: the reader's peak allocation (tracemalloc) on the whole file,
  against the same on a file a quarter of its size (target: ratio ≤ 1.5, i.e. flat);
* ``import_N``: ``inventaire import`` of a synthetic day's export of N posts
  (:mod:`benchmarks.synth`, no editors' files yet) into its project, against vanilla
  Pelican building the same N posts as plain articles, both run and timed as
  ``bench_site`` does (wall clock, target: ratio ≤ 0.2); ``import_N_cpu`` the same in
  CPU seconds, which a machine shared with other jobs disturbs less; ``reimport_N``
  the same import again, every file unchanged (no target). N is 10,000, 2,000 with
  ``--quick``, never more than ``--posts``; ``--import-posts`` sets it.

Usage: ``python benchmarks/bench_import.py [--posts N] [--quick] [--rounds K]
[--import-posts N]``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script (benchmarks/__main__.py does)
    sys.path.insert(0, str(ROOT))

from inventaire.importer.sources.common import ReadContext  # noqa: E402
from inventaire.importer.sources.twitter_v2 import read  # noqa: E402

from benchmarks import Run, run_command, tool  # noqa: E402
from benchmarks.report import measure  # noqa: E402

WORDS = ("un bus passe", "la fontaine", "pigeons", "café", "Saint-Sulpice", "&amp;",
         "🍰", "il pleut", "Palais-Royal", "vélo", "marché", "soleil")


def generate(path: Path, count: int, seed: int = 19) -> None:
    """A twarc2 JSONL of ``count`` tweets, the same bytes for the same arguments."""
    rng = random.Random(seed)
    start = datetime(2013, 4, 18, 22, 0, tzinfo=UTC)
    with path.open("w", encoding="utf-8") as handle:
        for first in range(0, count, 100):
            tweets, users, media = [], {}, []
            for number in range(first, min(first + 100, count)):
                author = f"{rng.randrange(5000)}"
                words = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(3, 12)))
                text = f"@ami{author} {words} #jdtap https://t.co/m{number:09d}"
                tag = text.index("#jdtap")
                link = text.index("https://t.co/")
                key = f"3_{number}"
                tweets.append({
                    "id": str(325000000000000000 + number),
                    "author_id": author,
                    "created_at": (start + timedelta(seconds=number * 86400 // count))
                    .isoformat().replace("+00:00", ".000Z"),
                    "text": text, "lang": "fr",
                    "edit_history_tweet_ids": [str(325000000000000000 + number)],
                    "entities": {
                        "mentions": [{"start": 0, "end": 4 + len(author), "username":
                                      f"ami{author}", "id": author}],
                        "hashtags": [{"start": tag, "end": tag + 6, "tag": "jdtap"}],
                        "urls": [{"start": link, "end": len(text), "url": text[link:],
                                  "expanded_url": "https://twitter.com/x/status/1/photo/1",
                                  "display_url": "pic.twitter.com/x", "media_key": key}]},
                    "attachments": {"media_keys": [key]},
                    "public_metrics": {"retweet_count": 0, "reply_count": 0, "like_count": 1},
                })
                users[author] = {"id": author, "username": f"u{author}", "name": f"U {author}"}
                media.append({"media_key": key, "type": "photo", "width": 1200, "height": 900,
                              "url": f"https://pbs.twimg.com/media/{number}.jpg"})
            page = {"data": tweets, "includes": {"users": list(users.values()), "media": media},
                    "meta": {"result_count": len(tweets)},
                    "__twarc": {"url": "https://api.twitter.com/2/tweets/search/all",
                                "version": "2.14.0", "retrieved_at": "2024-01-01T00:00:00+00:00"}}
            handle.write(json.dumps(page, ensure_ascii=False) + "\n")


def bare_loop(path: Path) -> int:
    count = 0
    with path.open("r", encoding="utf-8") as handle:
        for line in handle:
            count += len(json.loads(line)["data"])
    return count


def orjson_loop(path: Path) -> int:
    """The same loop with orjson, which the reader parses with (``common.loads_line``)."""
    import orjson

    count = 0
    with path.open("rb") as handle:
        for line in handle:
            count += len(orjson.loads(line)["data"])
    return count


def reader_loop(path: Path) -> int:
    context = ReadContext(ZoneInfo("Europe/Paris"), "sources/bench.jsonl", str(path))
    return sum(1 for _ in read(path, context))


def timed(function: object, path: Path) -> tuple[float, int]:
    begin = time.perf_counter()
    count = function(path)  # type: ignore[operator]
    return time.perf_counter() - begin, count


def peak(path: Path) -> int:
    tracemalloc.start()
    reader_loop(path)
    _current, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return top


def line(name: str, value: float, unit: str, baseline: float, target: float) -> str:
    ratio = value / baseline if baseline else 0.0
    return json.dumps({"name": name, "value": float(f"{value:.4g}"), "unit": unit,
                       "baseline": float(f"{baseline:.4g}"), "ratio": float(f"{ratio:.4g}"),
                       "target": target, "ok": ratio <= target})


def import_lines(work: Path, count: int) -> list[str]:
    """``inventaire import`` of ``count`` posts against vanilla Pelican's build of them.

    The same command, project and baseline as the site benchmark's ``site.import_N``
    (``bench_site.IMPORT`` run by :func:`benchmarks.run_command`, against
    ``bench_site.vanilla_build``), on a day generated without editors' files: deleting
    10,000 files just before costs the import's file creations up to three times as
    much system time (ext4 skips the inodes deleted in the last seconds).
    """
    from benchmarks import bench_site, synth

    vanilla = work / f"vanilla-{count}"
    day = synth.generate(count, work / f"import-{count}", vanilla=vanilla, posts=False)
    plain = bench_site.vanilla_build(vanilla)
    runs: list[Run] = []
    for _time in ("first", "again"):
        # The import makes its files durable with one sync(2), which would also write out
        # what the generator and vanilla's build left in the page cache: not its cost.
        os.sync()
        runs.append(run_command([tool("inventaire"), *bench_site.IMPORT], day.project))
    first, again = runs
    return [measure(f"import_{count}", first.seconds, "s", plain.seconds,
                    bench_site.IMPORT_TARGET).to_json(),
            measure(f"import_{count}_cpu", first.cpu_seconds, "s cpu", plain.cpu_seconds,
                    None).to_json(),
            measure(f"reimport_{count}", again.seconds, "s", plain.seconds, None).to_json()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--posts", type=int, default=200_000)
    parser.add_argument("--quick", action="store_true", help="20,000 posts, one round")
    parser.add_argument("--rounds", type=int, default=None,
                        help="rounds of both loops, the best of each (default 3; quick 1)")
    parser.add_argument("--import-posts", type=int, default=None,
                        help="posts of the import against vanilla Pelican (default 10,000; "
                             "quick 2,000; at most --posts)")
    args = parser.parse_args()
    args.rounds = args.rounds or (1 if args.quick else 3)
    count = 20_000 if args.quick else args.posts
    with tempfile.TemporaryDirectory() as folder:
        big, small = Path(folder) / "big.jsonl", Path(folder) / "small.jsonl"
        generate(big, count)
        generate(small, max(100, count // 4))
        bare_loop(small)  # warm up the file cache and the interpreter
        base, took, fast = float("inf"), float("inf"), float("inf")
        for _round in range(args.rounds):  # alternated, the best of each: a noisy machine
            base_time, base_count = timed(bare_loop, big)
            fast = min(fast, timed(orjson_loop, big)[0])
            read_time, read_count = timed(reader_loop, big)
            if read_count != base_count:
                raise SystemExit(f"the reader yielded {read_count} records for "
                                 f"{base_count} tweets")
            base, took = min(base, base_time), min(took, read_time)
        print(line("read_time", took, "s", base, 3.0))
        print(json.dumps({"name": "read_time_vs_orjson", "value": float(f"{took:.4g}"),
                          "unit": "s", "baseline": float(f"{fast:.4g}"),
                          "ratio": round(took / fast, 3), "target": None, "ok": True}))
        print(json.dumps({"name": "read_rate", "value": round(read_count / took),
                          "unit": "posts/s", "baseline": round(base_count / base),
                          "ratio": round(base / took, 3), "target": None, "ok": True}))
        print(line("peak_memory", peak(big), "B", peak(small), 1.5), flush=True)
        imported = args.import_posts or min(count, 2_000 if args.quick else 10_000)
        for text in import_lines(Path(folder), imported):
            print(text, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
