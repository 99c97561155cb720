"""Charts drawn at build time as inline SVG: no script, no library, readable in print.

Every chart is decorative for assistive technology (``aria-hidden``): the page puts
a real ``<table>`` with the same rows beside it. Colours come from the stylesheet
(``currentColor`` and CSS classes), so the charts follow the theme and the print
stylesheet. Emoji in labels are set in ``<tspan class="chart-emoji">``, which the
stylesheet draws with the OpenMoji font the site serves, as in the posts: the same
glyphs on every system, and no tofu where the system has no emoji font.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from markupsafe import Markup

from inventaire.core.text.emoji_names import find_emoji
from inventaire.core.text.typography import format_number
from inventaire.site.figures import Row

LABEL_WIDTH = 150
BAR_HEIGHT = 18
GAP = 6
WIDTH = 560


def label_markup(label: str) -> str:
    """The label escaped, each emoji sequence in its own ``tspan``."""
    parts, at = [], 0
    for span in find_emoji(label):
        parts.append(escape(label[at:span.start]))
        parts.append(f'<tspan class="chart-emoji">{escape(span.chars)}</tspan>')
        at = span.end
    parts.append(escape(label[at:]))
    return "".join(parts)


def bar_chart(rows: Sequence[Row], siteurl: str = "", label_width: int = LABEL_WIDTH) -> Markup:
    """Horizontal bars, one row per label, the count written at the end of each bar."""
    if not rows:
        return Markup("")
    most = max(r.count for r in rows) or 1
    room = WIDTH - label_width - 48
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    parts = [f'<svg class="chart chart-bars" viewBox="0 0 {WIDTH} {height}" '
             f'width="{WIDTH}" height="{height}" aria-hidden="true" focusable="false">']
    for index, row in enumerate(rows):
        y = GAP + index * (BAR_HEIGHT + GAP)
        length = max(1.0, room * row.count / most)
        label = label_markup(row.label)
        parts.append(
            f'<text class="chart-label" x="{label_width - 8}" y="{y + BAR_HEIGHT - 4}" '
            f'text-anchor="end">{label}</text>'
            f'<rect class="chart-bar" x="{label_width}" y="{y}" width="{length:.1f}" '
            f'height="{BAR_HEIGHT}" rx="2"></rect>'
            f'<text class="chart-value" x="{label_width + length + 6:.1f}" '
            f'y="{y + BAR_HEIGHT - 4}">{escape(format_number(row.count))}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def hour_chart(rows: Sequence[Row], siteurl: str = "") -> Markup:
    """The 24 hours as columns, midnight to midnight (the table beside links each hour)."""
    if not rows:
        return Markup("")
    most = max(r.count for r in rows) or 1
    column, gap, top, base = 20, 4, 16, 150
    width = len(rows) * (column + gap) + gap
    height = base + 22
    parts = [f'<svg class="chart chart-hours" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" aria-hidden="true" focusable="false">',
             f'<line class="chart-axis" x1="0" x2="{width}" y1="{base}" y2="{base}"></line>']
    for index, row in enumerate(rows):
        x = gap + index * (column + gap)
        length = (base - top) * row.count / most
        bar = (f'<rect class="chart-bar" x="{x}" y="{base - length:.1f}" width="{column}" '
               f'height="{length:.1f}" rx="1"></rect>')
        if row.count:
            bar += (f'<text class="chart-value" x="{x + column / 2}" '
                    f'y="{base - length - 4:.1f}" text-anchor="middle">{row.count}</text>')
        parts.append(bar)
        if index % 3 == 0:
            parts.append(f'<text class="chart-label" x="{x + column / 2}" y="{base + 16}" '
                         f'text-anchor="middle">{index}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
