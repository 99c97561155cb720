"""The map in Chromium at a phone's and a desktop's width: labels readable (≥ 12 px),
none over another or over a dot, the base map's attribution shown, nothing fetched
from another host."""

from __future__ import annotations

from typing import Any

import pytest
from test_browser import open_page, site_url

pytestmark = [pytest.mark.browser, pytest.mark.slow]
__all__ = ["site_url"]  # the fixture, shared with test_browser.py

MEASURE = """() => {
  const box = e => { const r = e.getBoundingClientRect();
                     return [r.left, r.top, r.right, r.bottom]; };
  const shown = e => e.offsetParent !== null;
  const labels = [...document.querySelectorAll('.map-label')].filter(shown);
  return {
    map: box(document.querySelector('.map-box')),
    labels: labels.map(e => [e.textContent, parseFloat(getComputedStyle(e).fontSize),
                             ...box(e)]),
    dots: [...document.querySelectorAll('.map-place')].map(e => [e.href, ...box(e)]),
    credit: (document.querySelector('.map-credit') || {}).textContent || '',
  };
}"""


def overlap(a: list[float], b: list[float]) -> bool:
    return not (a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1])


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("path", ["carte/", "lieu/place-des-vosges/"])
def test_map_labels_are_readable_apart_and_credited(browser: Any, site_url: str,
                                                    width: int, path: str) -> None:
    page, watch = open_page(browser, width)
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready")
    found = page.evaluate(MEASURE)
    labels, dots, frame = found["labels"], found["dots"], found["map"]
    assert labels, "no label shown"
    assert len(dots) >= 6
    if path.startswith("lieu/"):
        assert [label[0] for label in labels] == ["Place des Vosges"]
    for name, size, *rect in labels:
        assert size >= 12, (name, size)
        assert rect[0] >= frame[0] - 1 and rect[2] <= frame[2] + 1, (name, rect, frame)
        assert rect[1] >= frame[1] - 1 and rect[3] <= frame[3] + 1, (name, rect, frame)
        for _href, *dot in dots:
            assert not overlap(rect, dot), (name, rect, dot)
    for (a, _s, *ra), (b, _t, *rb) in (
            (x, y) for i, x in enumerate(labels) for y in labels[i + 1:]):
        assert not overlap(ra, rb), (a, b, ra, rb)
    assert "Ville de Paris" in found["credit"] and "ODbL" in found["credit"]
    watch.assert_clean()
    page.context.close()
