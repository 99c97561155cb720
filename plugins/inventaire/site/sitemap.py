"""``sitemap.xml``: every page of the finished site, for search engines.

Written from the output folder itself once every page is there (render workers
included), so it lists exactly what is published — never a page of an older build.
Every page is dated by ``SOURCE_DATE_EPOCH`` (the day itself, see
``commands/build.py``): the archive of one day does not change after it, and two
builds of the same content give the same bytes.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from urllib.parse import quote
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from inventaire.core.atomic import write_atomic

LEFT_OUT = ("404.html", "pagefind/", "theme/")


def page_urls(output: Path) -> list[str]:
    """The address of every HTML page under ``output``, in a stable order."""
    urls = []
    for base, dirs, files in os.walk(output):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        folder = Path(base).relative_to(output).as_posix()
        for name in files:
            if not name.endswith(".html"):
                continue
            relative = name if folder == "." else f"{folder}/{name}"
            if relative.startswith(LEFT_OUT):
                continue
            urls.append(relative.removesuffix("index.html"))
    return sorted(urls)


def lastmod(timezone: str) -> str:
    """``SOURCE_DATE_EPOCH`` as a date in the day's zone (2000-01-01 without it)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return "2000-01-01"
    try:
        zone: tzinfo = ZoneInfo(timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = UTC
    return datetime.fromtimestamp(int(epoch), zone).strftime("%Y-%m-%d")


def sitemap_xml(siteurl: str, urls: list[str], timezone: str = "") -> str:
    day = lastmod(timezone)
    base = siteurl.rstrip("/") + "/" if siteurl else "/"
    items = "".join(f"<url><loc>{escape(base + quote(url))}</loc>"
                    f"<lastmod>{day}</lastmod></url>\n" for url in urls)
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{items}</urlset>\n")


def write_sitemap(output: Path, siteurl: str, timezone: str = "") -> None:
    write_atomic(output / "sitemap.xml", sitemap_xml(siteurl, page_urls(output), timezone))
