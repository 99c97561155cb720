"""What a build imports before it has read the posts: not the map's geometry.

shapely (and numpy under it) took a sixth of a second of every build's start, on
one core, before the posts were read; only the pages that draw the map need them,
and those are rendered while the other core renders too."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PLUGINS = Path(__file__).resolve().parents[1] / "plugins"


def test_the_site_plugin_imports_no_geometry_until_a_map_is_drawn() -> None:
    code = ("import sys, inventaire.commands.build, inventaire.site.generator, "
            "inventaire.site.citymap\n"
            "print(sorted(m for m in ('shapely', 'numpy') if m in sys.modules))")
    env = {**os.environ, "PYTHONPATH": str(PLUGINS)}
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env=env, check=True).stdout.strip()
    assert found == "[]"
