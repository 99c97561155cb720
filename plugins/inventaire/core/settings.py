"""Every setting the Inventaire plugins read, with its default, in one place.

Pelican passes its settings dict around; plugins call :func:`get` so that a project
that sets nothing still builds, and so that the defaults are documented once.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

DEFAULTS: dict[str, Any] = {
    # Preview builds show candidates (marked); publish builds never do.
    "INVENTAIRE_SHOW_CANDIDATES": False,
    # The day, when content/pages/journee.md does not say it.
    "INVENTAIRE_DAY": "",
    "INVENTAIRE_HASHTAGS": [],
    "INVENTAIRE_PLACES_PATH": "places",
    # The map's ground: a GeoJSON file of polygons (districts), relative to content/,
    # its credit in the .yml of the same name beside it; None: fond.geojson beside the
    # places (content/places/fond.geojson); "": no ground drawn.
    "INVENTAIRE_BASEMAP": None,
    # False builds no Pagefind index (the preview: inventaire serve).
    "INVENTAIRE_SEARCH": True,
    # Processes rendering the pages (0: one per CPU the build may use; 1: no fork).
    "INVENTAIRE_RENDER_WORKERS": 0,
    # Hashtag and author pages list this many posts a page (0: all on one page).
    "INVENTAIRE_LIST_PAGE_SIZE": 100,
    # The book's pages.json (set by inventaire build): each post's page, the editions.
    "INVENTAIRE_BOOK_PAGES": "",
    # The preview (inventaire serve) takes a page from its last build when nothing the
    # page shows changed (site/reuse.py); the folder that build is in. Never for publish.
    "INVENTAIRE_REUSE_PAGES": False,
    "INVENTAIRE_PREVIOUS_OUTPUT": "",
    # The preview's builder keeps the posts it parsed, by content (site/readmemo.py).
    "INVENTAIRE_READ_MEMO": False,
    # Set by the preview's builder: the signature of the code it runs, which the page
    # reuse's signature then takes instead of computing it again.
    "INVENTAIRE_CODE_SIGNATURE": "",
    # The triage page of inventaire serve: selected posts wanted per place and hour;
    # TARGETS maps a place's slug to a number (every hour) or to {hour: number}.
    "INVENTAIRE_TRIAGE_TARGET": 2,
    "INVENTAIRE_TRIAGE_TARGETS": {},
    # inventaire import: an archive (zip, tar) is refused whole, before anything is
    # read, when it holds more members than this, or its members inflate to more bytes
    # than MAX_BYTES or than MAX_RATIO times its own size (importer/sources/limits.py).
    "INVENTAIRE_IMPORT_MAX_BYTES": 2 * 1024 ** 3,
    "INVENTAIRE_IMPORT_MAX_MEMBERS": 100_000,
    "INVENTAIRE_IMPORT_MAX_RATIO": 100,
    # The book.
    "BOOK_ENABLED": True,
    "BOOK_TITLE": "",
    "BOOK_SUBTITLE": "",
    "BOOK_CHAPTERS": "hour",  # "hour" | "place"
    "BOOK_COLOR": "rgb",  # "rgb" | "gray" | "cmyk"
    "BOOK_TRIM": "148mm 210mm",
    "BOOK_BLEED": "3mm",
    "BOOK_CROP_MARKS": False,
    # Thickness of one page (half a leaf): 0.06 mm is a common 90 g uncoated paper.
    "BOOK_PAPER_THICKNESS_MM": 0.06,
    "BOOK_REQUIRE_CONSENT": False,
    "BOOK_OUTPUT": "livre",
    # Page margins: top, outside, bottom, inside (the gutter, next to the spine).
    "BOOK_MARGINS": "16mm 14mm 20mm 19mm",
    "BOOK_FONT_SIZE": "10.5pt",
    # Photos are resampled to this resolution at their printed size.
    "BOOK_PLATE_PPI": 300,
    # A plate is at most this share of the text block's height.
    "BOOK_PLATE_MAX_HEIGHT": 0.55,
    # The printer's CMYK ICC profile (e.g. FOGRA39) for the cmyk edition's output intent.
    "BOOK_ICC_PROFILE": "",
    # Screen edition: tagged PDF (accessibility) when WeasyPrint manages it.
    "BOOK_SCREEN_TAGS": True,
    "BOOK_SCREEN": True,
    "BOOK_COVER": True,
    # The imprint page: ISBN-13 (its check digit is verified), legal deposit, printer,
    # paper, copies printed (the justification du tirage); empty: the line is left out.
    "BOOK_ISBN": "",
    "BOOK_DEPOT_LEGAL": "",
    "BOOK_PRINTER": "",
    "BOOK_PAPER": "",
    "BOOK_PRINT_RUN": 0,
    # The price printed under the back cover's barcode (« 12 € »); empty: no price line.
    "BOOK_PRICE": "",
    # Preflight (inventaire preflight): nothing but bleed within this distance of the
    # trim; the page count a multiple of the signature (the sheets folded together).
    "BOOK_SAFE_MARGIN": "5mm",
    "BOOK_SIGNATURE": 4,
    # Words longer than this are not hyphenated, only broken anywhere (a 5,000-letter
    # word would take WeasyPrint minutes to hyphenate); 0: hyphenate every word.
    "BOOK_HYPHENATE_MAX_CHARS": 40,
    # True prints the day's own hashtags (journee.md) at the end of every entry.
    "BOOK_KEEP_DAY_HASHTAGS": False,
    "BOOK_HOUR_NEW_PAGE": False,  # True: every hour on a new page; else hours run on
    # A plate that does not fit at a page's foot opens the next page and lets the text
    # fill the page (False: a post goes over whole with its plate, leaving a hole).
    "BOOK_FLOAT_PLATES": True,
    # Facing pages end on the same line: a page ending short of its facing page gets
    # the difference as white between its entries, at the cost of one more layout of
    # the chapters: "auto" balances a book of at most BOOK_BALANCE_MAX_POSTS posts,
    # True any book, False none.
    "BOOK_BALANCE_SPREADS": "auto",
    "BOOK_BALANCE_MAX_POSTS": 600,
    # The spine carries the title only when at least this wide (mm); else it is plain.
    "BOOK_SPINE_TEXT_MIN_MM": 6,
    "BOOK_CRIERS": True,
    # Criers' sheets: page size and type size.
    "BOOK_CRIERS_SIZE": "A5",
    "BOOK_CRIERS_FONT_SIZE": "20pt",
    # Worker processes laying out chapters (None: one per core, at most 4; 1: none),
    # used when the book has more than BOOK_PARALLEL_POSTS posts.
    "BOOK_WORKERS": None,
    "BOOK_PARALLEL_POSTS": 1500,
    # inventaire live: the sources (Mastodon instances' base URLs; the Bluesky service,
    # "" for none; a folder, under content/ unless absolute, of JSONL files other tools
    # append to), seconds between passes, tries of a failing call, minutes between
    # publications (0: never), minutes before a round hour its criers' sheets are made.
    "LIVE_MASTODON": [],
    "LIVE_BLUESKY": "",
    "LIVE_FOLDER": "sources/live",
    "LIVE_INTERVAL": 60,
    "LIVE_RETRIES": 5,
    # Requests a live source spends each pass re-checking the selected and declaimed
    # posts upstream (edited or deleted after they left the newest page), in rotation.
    "LIVE_RECHECK": 10,
    "LIVE_PUBLISH_EVERY": 5,
    # The folder inventaire live publishes into (the preview keeps output/).
    "LIVE_PUBLISH_OUTPUT": "public",
    "LIVE_CRIERS_LEAD": 10,
    # True while the day is on (set by inventaire live for what it publishes): the home
    # page shows « la journée en direct ».
    "LIVE_DAY": False,
}


def get(settings: Mapping[str, Any], name: str) -> Any:
    """A setting's value, or its documented default."""
    if name in settings:
        return settings[name]
    return DEFAULTS[name]


# Pelican's settings every edition shares: the web addresses (/post/<id>/,
# /heure/14/ and the others of the README's « Web addresses »), the Jinja
# environment that escapes everything, the feeds and the content cache (off). A new
# edition's pelicanconf.py (inventaire init) takes them with
# ``globals().update(site_defaults())`` and stays short; a setting written after that
# line overrides. The hour, place, map, figures, book and search pages are the
# plugin's own (inventaire.site), at these addresses whatever is set here.
SITE_DEFAULTS: dict[str, Any] = {
    "PATH": "content",
    "ARTICLE_PATHS": ["posts"],
    "PAGE_PATHS": ["pages"],
    # The photos are published as derivatives only (site/pictures.py): no original.
    "STATIC_PATHS": [],
    "OUTPUT_PATH": "output",
    "DELETE_OUTPUT_DIRECTORY": False,
    "DEFAULT_LANG": "fr",
    # One language: no translations to match. Pelican's matching tests each post
    # against a list of all the others, a cost that grows with the square of the day.
    "ARTICLE_TRANSLATION_ID": None,
    "PAGE_TRANSLATION_ID": None,
    "LOCALE": ("C.UTF-8",),
    "DEFAULT_DATE_FORMAT": "%d/%m/%Y %H:%M",
    "JINJA_ENVIRONMENT": {"trim_blocks": True, "lstrip_blocks": True, "extensions": [],
                          "autoescape": True},
    "PLUGINS": ["inventaire.site"],
    "ARTICLE_URL": "post/{slug}/",
    "ARTICLE_SAVE_AS": "post/{slug}/index.html",
    "DRAFT_URL": "brouillon/{slug}/",
    "DRAFT_SAVE_AS": "brouillon/{slug}/index.html",
    "PAGE_URL": "{slug}/",
    "PAGE_SAVE_AS": "{slug}/index.html",
    "AUTHOR_URL": "auteur/{slug}/",
    "AUTHOR_SAVE_AS": "auteur/{slug}/index.html",
    "AUTHORS_SAVE_AS": "auteur/index.html",
    "TAG_URL": "mot-diese/{slug}/",
    "TAG_SAVE_AS": "mot-diese/{slug}/index.html",
    "TAGS_SAVE_AS": "mot-diese/index.html",
    "CATEGORY_URL": "lieu/{slug}/",
    "CATEGORY_SAVE_AS": "",
    "CATEGORIES_SAVE_AS": "",
    "ARCHIVES_SAVE_AS": "",
    "YEAR_ARCHIVE_SAVE_AS": "",
    "MONTH_ARCHIVE_SAVE_AS": "",
    "DAY_ARCHIVE_SAVE_AS": "",
    "DEFAULT_CATEGORY": "sans-lieu",
    "DIRECT_TEMPLATES": ["index", "tags", "authors"],
    "INDEX_SAVE_AS": "index.html",
    "DEFAULT_PAGINATION": False,
    "NEWEST_FIRST_ARCHIVES": False,
    "SLUGIFY_USE_UNICODE": True,
    "SLUGIFY_PRESERVE_CASE": False,
    # An author's address keeps the handle's '@' and '.' and names an escaped character
    # (core/text/handles.py): /auteur/zoe@example.social/, /auteur/flaneuse75-u200b/.
    # Pelican's default drops them, which put a Mastodon or Bluesky author, or an
    # impostor, on the page of the tweeter whose handle has the same letters.
    "AUTHOR_REGEX_SUBSTITUTIONS": [(r"⟨U\+([0-9A-F]{4,6})⟩", r"-u\1"), (r"[^\w@.-]+", ""),
                                   (r"-{2,}", "-")],
    "FEED_ALL_ATOM": "feeds/tout.atom.xml",
    "CATEGORY_FEED_ATOM": None,
    "TRANSLATION_FEED_ATOM": None,
    "AUTHOR_FEED_ATOM": None,
    "AUTHOR_FEED_RSS": None,
    # Every build reads every file: Pelican's content cache is off.
    "CACHE_CONTENT": False,
    "LOAD_CONTENT_CACHE": False,
}


def site_defaults() -> dict[str, Any]:
    """A copy of :data:`SITE_DEFAULTS` for a settings file (Pelican may change the
    lists and mappings it is given; the name, in lower case, is not a setting)."""
    return copy.deepcopy(SITE_DEFAULTS)
