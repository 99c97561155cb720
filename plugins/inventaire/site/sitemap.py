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


def html_pages(output: Path) -> list[str]:
    """Every HTML file of the finished site, relative to ``output``, in a stable order
    (hidden folders and Pagefind's bundle left out). The sitemap and the search index
    are both made from this one listing.

    What ``os.walk`` would list (a link to a folder is not followed), by one
    ``scandir`` per folder and relative names built as strings: at 10,000 posts
    there are 10,000 folders, and the walk is on the build's one-core tail."""
    pages: list[str] = []
    folders = [(str(output), "")]
    while folders:
        path, prefix = folders.pop()
        try:
            entries = list(os.scandir(path))
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if not is_dir:
                if name.endswith(".html"):
                    pages.append(prefix + name)
            elif not name.startswith(".") and name != "pagefind" \
                    and not entry.is_symlink():
                folders.append((entry.path, f"{prefix}{name}/"))
    return sorted(pages)


def page_urls(pages: list[str]) -> list[str]:
    """The address of every page the sitemap lists (not the 404 page, nor the theme's)."""
    return [page.removesuffix("index.html") for page in pages
            if not page.startswith(LEFT_OUT)]


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


def write_sitemap(output: Path, pages: list[str], siteurl: str, timezone: str = "") -> None:
    """``sitemap.xml``, atomically but not forced to the disk, like every page and
    ``robots.txt``: the build's folder is made whole and swapped in at the end."""
    write_atomic(output / "sitemap.xml", sitemap_xml(siteurl, page_urls(pages), timezone),
                 durable=False)
