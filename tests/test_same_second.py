"""Posts of the same second come in one order at every build.

Pelican lists the files it reads in a set, whose order follows Python's string hashes,
which change from one process to the next (``PYTHONHASHSEED``), and sorts the posts
by date only. Two builds of one project put two posts of the same second in either
order on the hour, hashtag and author pages and in the feeds. The site puts them in
file order among equals (``site.plugin.stable_order``).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from hostile.tmpproject import DAY, made_up_post, make_project

SAME_SECOND = DAY + timedelta(hours=14, minutes=2, seconds=7)
COUNT = 12


def build(project: Path, seed: str) -> Path:
    """``inventaire build --site`` in a process of its own with hash seed ``seed``."""
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run([sys.executable, "-m", "inventaire.commands.cli", "build", "--site"],
                   cwd=project, env=env, check=True, capture_output=True)
    return project / "output"


def order(feed: Path) -> list[str]:
    """The posts' ids in the order a feed lists them."""
    return re.findall(r'<link href="[^"]*post/(\d+)/" rel="alternate"',
                      feed.read_text(encoding="utf-8"))


def test_posts_of_one_second_keep_one_order_across_processes(tmp_path: Path) -> None:
    posts = [made_up_post(index, date=SAME_SECOND) for index in range(COUNT)]
    project = make_project(tmp_path, posts=posts)
    orders = set()
    for seed in ("1", "2", "3"):
        output = build(project, seed)
        listed = order(output / "feeds" / "tout.atom.xml")
        assert len(listed) == COUNT
        orders.add(tuple(listed))
        assert len(set(listed)) == COUNT
    assert len(orders) == 1, "two builds listed the posts of one second in two orders"
    # The order among equals is the files' (their names hold the ids).
    (listed,) = orders
    assert list(listed) == sorted(listed)
