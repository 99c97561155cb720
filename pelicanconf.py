"""Pelican settings of the sample day: Paris, 19 April 2013, #jdtap.

Everything the Inventaire plugins read has a default in
``plugins/inventaire/settings.py``; override here or with
``inventaire build --set NAME=VALUE``.
"""

AUTHOR = "Ville de Paris"
SITENAME = "Un jour de tweets à Paris"
SITESUBTITLE = "vendredi 19 avril 2013"
SITEURL = ""
RELATIVE_URLS = True

PATH = "content"
ARTICLE_PATHS = ["posts"]
PAGE_PATHS = ["pages"]
# The photos are published as derivatives only (site/pictures.py): no original, no EXIF.
STATIC_PATHS: list[str] = []
THEME = "theme"
OUTPUT_PATH = "output"
DELETE_OUTPUT_DIRECTORY = False

TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
# One language: no translations to match (Pelican's matching grows with the square
# of the number of posts).
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None
LOCALE = ("C.UTF-8",)
DEFAULT_DATE_FORMAT = "%d/%m/%Y %H:%M"

# Every value a template prints is escaped unless marked safe: post text, author
# names, notes and alt text are written by strangers or editors, never trusted as HTML.
# The HTML the plugins build themselves (post text rendered by inventaire.core.text.render,
# the editors' Markdown pages, SVG charts) is marked safe where it is printed.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "extensions": [],
                     "autoescape": True}

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["inventaire.site"]

# Web addresses (README.md, « Web addresses »).
ARTICLE_URL = "post/{slug}/"
ARTICLE_SAVE_AS = "post/{slug}/index.html"
DRAFT_URL = "brouillon/{slug}/"
DRAFT_SAVE_AS = "brouillon/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
AUTHOR_URL = "auteur/{slug}/"
AUTHOR_SAVE_AS = "auteur/{slug}/index.html"
AUTHORS_SAVE_AS = "auteur/index.html"
TAG_URL = "mot-diese/{slug}/"
TAG_SAVE_AS = "mot-diese/{slug}/index.html"
TAGS_SAVE_AS = "mot-diese/index.html"
CATEGORY_URL = "lieu/{slug}/"
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
DEFAULT_CATEGORY = "sans-lieu"
DIRECT_TEMPLATES = ["index", "tags", "authors"]
INDEX_SAVE_AS = "index.html"
DEFAULT_PAGINATION = False
# Hashtag and author pages list their posts in time order, in pages of
# INVENTAIRE_LIST_PAGE_SIZE (100) posts: /mot-diese/jdtap/, /mot-diese/jdtap/2/…
NEWEST_FIRST_ARCHIVES = False
SLUGIFY_USE_UNICODE = True
SLUGIFY_PRESERVE_CASE = False
# An author's address keeps the handle's '@' and '.' and names an escaped character:
# /auteur/zoe@example.social/, /auteur/flaneuse75-u200b/ (an impostor's), never the
# page of the tweeter whose handle has the same letters.
AUTHOR_REGEX_SUBSTITUTIONS = [(r"⟨U\+([0-9A-F]{4,6})⟩", r"-u\1"), (r"[^\w@.-]+", ""),
                              (r"-{2,}", "-")]

FEED_DOMAIN = "https://jdtap.example.org"
FEED_ALL_ATOM = "feeds/tout.atom.xml"
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Every build reads every file: Pelican's content cache (keyed by modification
# times, pickled) is off, so no reading made by other code or settings is reused.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

# A build shows what would be published; the preview (make serve, inventaire build
# --preview) shows the candidates too, marked as such.
INVENTAIRE_SHOW_CANDIDATES = False

BOOK_TITLE = "Un jour de tweets à Paris"
BOOK_SUBTITLE = "Tentative d'inventaire d'une ville, vendredi 19 avril 2013"
