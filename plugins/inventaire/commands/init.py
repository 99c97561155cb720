"""``inventaire init FOLDER``: a new edition, another city and day, in one command.

Starting an edition used to mean copying the sample's ``pelicanconf.py`` and
``theme/`` and editing out Paris by hand; without the theme the build stopped on
Pelican's « Could not find the theme ». This writes what an edition owns — its
settings, its day file, a gazetteer with one example place, the editors' pages and a
README for the editors — and nothing it shares: the theme is the installed
package's (:func:`package_theme`), found again at every build, so a fix to the theme
reaches every edition. Nothing is overwritten: a folder that already holds an
edition is refused.
"""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from inventaire.core.atomic import write_atomic
from inventaire.core.errors import UserError

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def package_theme() -> Path:
    """The theme shipped with the package: the folder ``theme/`` beside ``plugins/``
    (the package is installed from its source tree, ``pip install -e``), the one the
    book's templates also fall back on (:mod:`inventaire.book.templates`)."""
    return Path(__file__).resolve().parents[3] / "theme"


def french_date(day: date) -> str:
    """« vendredi 19 avril 2013 »."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "edition"


PELICANCONF = '''\
"""Pelican settings of the edition: {city}, {when}, {tags}.

Written by `inventaire init`; every setting the Inventaire plugins read has a default
(see the README's settings table); override here or with
`inventaire build --set NAME=VALUE`.
"""

from inventaire.commands.init import package_theme
from inventaire.core.settings import site_defaults

AUTHOR = {author!r}
SITENAME = {title!r}
SITESUBTITLE = {when!r}
SITEURL = ""
RELATIVE_URLS = True

# The web addresses (/post/<id>/, /heure/14/, /lieu/<slug>/…) and the settings every
# edition shares are the plugin's defaults (inventaire.core.settings.SITE_DEFAULTS);
# a setting written below this line overrides one of them.
globals().update(site_defaults())

# The installed package's theme, found again at every build (no copy to keep up).
THEME = str(package_theme())
TIMEZONE = {tz!r}
FEED_DOMAIN = "https://{slug}.example.org"

INVENTAIRE_SHOW_CANDIDATES = False

BOOK_TITLE = {title!r}
BOOK_SUBTITLE = {subtitle!r}
'''

PUBLISHCONF = '''\
"""Settings for the published site: pelicanconf.py's, with the site's address."""

import os
import sys

# This folder's pelicanconf.py, first: not another project's found on the path.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: F403

SITEURL = "https://{slug}.example.org"
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
INVENTAIRE_SHOW_CANDIDATES = False
'''

PREFACE = """---
title: Préface
slug: preface
---
Le {when}, des personnes ont regardé {city} et l'ont noté sous {tags}.
Les éditeurs écrivent ici la préface de l'édition.
"""

COLOPHON = """---
title: Colophon
slug: colophon
---
Textes : les participantes et participants de {tags}, cités avec leur accord.

Sélection et mise en pages : les éditeurs de l'édition de {city}.
"""

PLACE = """---
name: {name}
lat: {lat}
lon: {lon}
radius_m: 150
aliases: []
crier: false
---
Un lieu d'exemple : copiez ce fichier pour chaque lieu de la journée (son nom de
fichier est son identifiant, à écrire dans le champ `place` des messages), donnez ses
coordonnées et ses autres noms (`aliases`), puis supprimez celui-ci.
"""

EDITORS_README = """# {title}

L'édition de {city}, {when} ({tags}), faite avec Inventaire.

1. Importer les exports : `inventaire import EXPORT...` (la journée, le fuseau
   {tz} et les mots-dièse sont ceux de `content/pages/journee.md`).
2. Choisir : dans chaque fichier de `content/posts/`, `status: selected` ; le lieu
   (`place`) est un fichier de `content/places/`.
3. Vérifier : `inventaire check` (une ligne par problème, avec sa correction).
4. Prévisualiser : `inventaire serve` ; construire : `inventaire build`.
5. Retirer un auteur qui le demande : `inventaire withdraw @pseudo --reason "…"`.

Le thème est celui d'Inventaire (rien à copier) ; les réglages sont dans
`pelicanconf.py`.
"""


def edition_files(city: str, day: date, tz: str, hashtags: list[str]) -> dict[str, str]:
    """The files of a new edition, by path relative to its folder."""
    when = french_date(day)
    tags = ", ".join(f"#{tag}" for tag in hashtags)
    title = f"Un jour à {city}"
    values = {"city": city, "when": when, "tags": tags, "title": title, "tz": tz,
              "author": f"Les éditeurs de {city}", "slug": _slug(hashtags[0]),
              "subtitle": f"Tentative d'inventaire d'une ville, {when}"}
    journee = {"title": "La journée", "slug": "journee", "date": day.isoformat(),
               "timezone": tz, "hashtags": hashtags, "ville": city, "status": "hidden"}
    head = yaml.safe_dump(journee, allow_unicode=True, sort_keys=False)
    return {
        "pelicanconf.py": PELICANCONF.format(**values),
        "publishconf.py": PUBLISHCONF.format(**values),
        "content/pages/journee.md": f"---\n{head}---\nLa journée à {city}, {when}.\n",
        "content/pages/preface.md": PREFACE.format(**values),
        "content/pages/colophon.md": COLOPHON.format(**values),
        "content/places/lieu-exemple.md": PLACE.format(name=f"Lieu d'exemple ({city})",
                                                       lat=0.0, lon=0.0),
        "README-editeurs.md": EDITORS_README.format(**values),
    }


def create_edition(folder: Path, city: str, day: date, tz: str,
                   hashtags: list[str]) -> list[Path]:
    """Write a new edition into ``folder``; refuses to overwrite anything."""
    files = edition_files(city, day, tz, hashtags)
    taken = [name for name in files if (folder / name).exists()]
    if taken or (folder / "content" / "posts").exists():
        raise UserError(f"{folder} already holds an edition ({(taken or ['content/posts'])[0]}"
                        "): choose a new folder, nothing was written")
    written = []
    for name, text in files.items():
        write_atomic(folder / name, text)
        written.append(folder / name)
    for empty in ("content/posts", "content/media"):
        (folder / empty).mkdir(parents=True, exist_ok=True)
    return written


def run(args: argparse.Namespace) -> int:
    """``inventaire init FOLDER --day YYYY-MM-DD --tz ZONE --hashtag TAG --city NAME``."""
    try:
        day = date.fromisoformat(args.day)
    except ValueError:
        raise UserError(f"--day {args.day!r} is not a date; write it as 2013-04-19") from None
    try:
        ZoneInfo(args.tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise UserError(f"--tz {args.tz!r} is not a time zone; use a name like "
                        "America/Montreal") from None
    hashtags = [tag.strip().lstrip("#") for tag in args.hashtag if tag.strip().lstrip("#")]
    if not hashtags:
        raise UserError("--hashtag names no hashtag; give the day's, e.g. --hashtag jdtap")
    city = args.city.strip()
    if not city:
        raise UserError("--city is empty; give the city's name, e.g. --city Montréal")
    folder = Path(args.folder)
    written = create_edition(folder, city, day, args.tz, hashtags)
    for path in written:
        print(f"wrote {path}")
    print(f"a new edition of {city} for {french_date(day)} in {folder}; next: "
          f"inventaire --project {folder} import EXPORT...")
    return 0
