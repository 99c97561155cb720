"""The ``/chiffres/`` page's numbers, under the site's name for them.

The counting has no Pelican in it and lives in :mod:`inventaire.core.figures`, so
that ``inventaire stats`` prints the very numbers of the page without the site;
the site's modules (the generator, the charts) import them from here.
"""

from __future__ import annotations

from inventaire.core.figures import Figures, Row, count_figures

__all__ = ["Figures", "Row", "count_figures"]
