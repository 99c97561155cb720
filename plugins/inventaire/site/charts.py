"""Charts drawn at build time as HTML and CSS: no script, no library, readable in print.

They used to be SVG scaled to the column, and at 375 px their labels shrank to 7 px.
As HTML, every label is text at the stylesheet's size (never under 12 px), bars are
boxes whose length is a CSS custom property (``--part``, the count over the
largest), and the layout reflows with the page. Every chart is decorative for
assistive technology (``aria-hidden``): the page puts a real ``<table>`` with the
same rows under it, in a disclosure. Emoji in labels are set in ``<span
class="chart-emoji">``, drawn with the OpenMoji font the site serves, as in the
posts: the same glyphs on every system, and no tofu.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from markupsafe import Markup

from inventaire.core.text.emoji_names import find_emoji
from inventaire.core.text.typography import format_number
from inventaire.site.figures import Row

HOUR_LABEL_EVERY = 3  # « 0 », « 3 »… under the hour columns


def label_markup(label: str) -> str:
    """The label escaped, each emoji sequence in its own ``span``."""
    parts, at = [], 0
    for span in find_emoji(label):
        parts.append(escape(label[at:span.start]))
        parts.append(f'<span class="chart-emoji">{escape(span.chars)}</span>')
        at = span.end
    parts.append(escape(label[at:]))
    return "".join(parts)


def _part(count: int, most: int) -> str:
    return f"{count / most:.3f}"


def bar_chart(rows: Sequence[Row], siteurl: str = "") -> Markup:
    """Horizontal bars, one row per label, the count written at the end of each bar."""
    if not rows:
        return Markup("")
    most = max(r.count for r in rows) or 1
    rows_html = "".join(
        f'<div class="chart-row"><span class="chart-label">{label_markup(row.label)}'
        f'</span><span class="chart-track"><span class="chart-bar" '
        f'style="--part: {_part(row.count, most)}"></span><span class="chart-value">'
        f'{escape(format_number(row.count))}</span></span></div>' for row in rows)
    return Markup(f'<div class="chart chart-bars" aria-hidden="true">{rows_html}</div>')


def hour_chart(rows: Sequence[Row], siteurl: str = "") -> Markup:
    """The 24 hours as columns, midnight to midnight (the table under it links each
    hour); every third hour is labelled, the counts are written where there is room."""
    if not rows:
        return Markup("")
    most = max(r.count for r in rows) or 1
    parts = ['<div class="chart chart-hours" aria-hidden="true">']
    for index, row in enumerate(rows):
        value = (f'<span class="chart-value">{escape(format_number(row.count))}</span>'
                 if row.count else "")
        label = str(index) if index % HOUR_LABEL_EVERY == 0 else ""
        parts.append(f'<div class="chart-col">{value}<span class="chart-bar" '
                     f'style="--part: {_part(row.count, most)}"></span>'
                     f'<span class="chart-label">{label}</span></div>')
    parts.append("</div>")
    return Markup("".join(parts))
