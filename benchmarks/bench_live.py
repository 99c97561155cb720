"""The live day's benchmark: from a new post arriving to its page in the preview.

A post arrives as other tools deliver it during the day: one twarc2 line appended to
a file of the watched folder (``content/sources/live/``). ``inventaire live --once``
lands it in the editors' files (the pass the command makes every minute), then the
preview builds again, as ``inventaire serve`` does after any change (by its builder
process, kept from one build to the next: ``commands/preview_worker.py``), and the
post's page exists.

* ``live.post_to_preview_N``: the pass plus the preview's build, in seconds; the
  issue's target is absolute (under 5 s at 10,000 posts), so ``ok`` says whether the
  value is under :data:`TARGET_SECONDS`, and the ratio is against the baseline:
* the preview's build after an editor's one-word edit, on the same day, in the same
  run (``site.preview_edit_N``'s command): what any change costs in the preview.
* ``live.pass_N``: the pass alone against the same baseline (its share of the wait),
  timed inside a running command (:class:`LivePass`), as it runs all day.

The preview's own wait for the change (watchfiles' debounce) is not counted.

Best of ``repeat`` rounds, each round running both sides in turn.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterator
from pathlib import Path

from inventaire.commands.preview_worker import Builder

from . import Run, command_env
from .bench_rebuild import edit_one_post, timed_build
from .bench_site import best
from .report import Line, failed, measure
from .synth import generate

TARGET_SECONDS = 5.0
STREAM = "sources/live/stream.jsonl"


def new_line(number: int) -> tuple[str, str]:
    """(post id, a twarc2 stream line holding it): one post of the day, at noon."""
    post_id = str(325199999999990000 + number)
    text = f"Un passant lit le journal sur un banc, numéro {number} #jdtap"
    page = {"data": {"id": post_id, "edit_history_tweet_ids": [post_id], "text": text,
                     "author_id": "9000", "created_at": "2013-04-19T10:00:00.000Z",
                     "lang": "fr", "entities": {"hashtags": [
                         {"start": len(text) - 6, "end": len(text), "tag": "jdtap"}]}},
            "includes": {"users": [{"id": "9000", "name": "Passant", "username": "passant"}]},
            "matching_rules": [{"id": "1", "tag": "jdtap"}]}
    return post_id, json.dumps(page, ensure_ascii=False) + "\n"


class LivePass:
    """``inventaire live``'s pass as the running command makes it (its settings, day,
    sources and cursors read once, at its start), timed in this process: the
    command runs all day, so its start-up is not part of a post's wait."""

    def __init__(self, project: Path) -> None:
        from inventaire.commands.build import load_settings
        from inventaire.commands.live import make_sources, the_day
        from inventaire.importer.live.cursors import Cursors
        from inventaire.importer.live.land import Lander
        from inventaire.importer.live.retry import Retry

        settings = load_settings(project)
        content = Path(str(settings["PATH"]))
        filter_ = the_day(content)
        self.sources = make_sources(settings, content, filter_, Retry())
        self.cursors = Cursors.load(content)
        self.lander = Lander(content, filter_, "new")

    def once(self) -> float:
        """One pass; its wall seconds."""
        from inventaire.importer.live.scheduler import run_pass

        start = time.perf_counter()
        run_pass(self.sources, self.cursors, self.lander)
        return time.perf_counter() - start


def run(work: Path, size: int, repeat: int = 1) -> Iterator[Line]:
    """The live figures at ``size`` posts; the synthetic day is written under ``work``."""
    day = generate(size, work / f"live-{size}")
    stream = day.content / STREAM
    stream.parent.mkdir(parents=True, exist_ok=True)
    stream.touch()
    live = LivePass(day.project)
    builder = Builder(env=command_env())
    try:
        timed_build(builder, day)  # the preview's first build
        live.once()  # the command's first pass: the day as it stands
        edits: list[Run] = []
        passes: list[float] = []
        totals: list[float] = []
        for number in range(repeat):
            edit_one_post(day, number)
            edits.append(timed_build(builder, day))
            post_id, line = new_line(number)
            with stream.open("a", encoding="utf-8") as handle:
                handle.write(line)
            landed = live.once()
            built = timed_build(builder, day)
            page = day.project / "output" / "post" / post_id / "index.html"
            if not page.is_file():
                yield failed(f"live.post_to_preview_{size}", "the new post has no page")
                return
            passes.append(landed)
            totals.append(landed + built.seconds)
    except RuntimeError as error:
        yield failed(f"live.post_to_preview_{size}", str(error).splitlines()[0])
        return
    finally:
        builder.close()
    baseline = best(edits).seconds
    total = min(totals)
    figure = measure(f"live.post_to_preview_{size}", total, "s", baseline)
    figure.ok = total <= TARGET_SECONDS  # the target is in seconds, not a ratio
    yield figure
    yield measure(f"live.pass_{size}", min(passes), "s", baseline)


def main(argv: list[str] | None = None) -> int:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="inventaire-bench-") as folder:
        for line in run(Path(folder), args.size, args.repeat):
            print(line.to_json(), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
