"""The editors' pages of the sample: the gazetteer, the preface, the colophon, the day."""

from __future__ import annotations

from pathlib import Path

from inventaire.core.atomic import write_atomic

from .phrases import TEMPS
from .placewords import PLACES

PREFACE = """\
---
title: Préface
slug: preface
---
Le vendredi 19 avril 2013, de sept heures du matin à minuit, des centaines de personnes
ont regardé Paris et l'ont noté, en cent quarante signes au plus, sous le mot-dièse
**#jdtap** : *Un jour de tweets à Paris*.

La règle venait de Georges Perec. En octobre 1974, assis place Saint-Sulpice, il
avait tenté de décrire « ce qui se passe quand il ne se passe rien » : les bus, les
pigeons, les passants, la couleur du ciel. Nous avons repris son carnet, et nous
l'avons ouvert à tout le monde.

Six places ont été choisies ; sur quatre d'entre elles, un crieur lisait à voix haute,
à chaque heure ronde, les notes qui venaient d'arriver. Ce livre en garde une
sélection, heure par heure et place par place. Les textes sont cités tels qu'ils ont
été écrits, fautes et émoji compris.
"""

COLOPHON = """\
---
title: Colophon
slug: colophon
---
Textes : les participantes et participants de #jdtap, cités avec leur accord.
Les auteurs qui l'ont demandé ont été retirés de toutes les éditions.

Sélection et mise en pages : l'équipe d'*Un jour de tweets à Paris*.

Ce livre a été composé en EB Garamond ; les émoji sont ceux d'OpenMoji
(CC BY-SA 4.0). Il a été produit par *Inventaire*, un logiciel libre, à partir des
exports de la journée.

Les personnes, les comptes et les textes de cet exemple sont imaginaires.
"""

JOURNEE_INTRO = """\
Une journée de printemps hésitante : de la bruine au réveil, un grand soleil à
midi, une averse à quatre heures, puis une lumière lavée jusqu'au soir. Les notes
suivent le temps qu'il fait, et le temps qu'il fait suit les notes.
"""


def place_file(place_index: int) -> str:
    place = PLACES[place_index]
    aliases = ", ".join(place.aliases)
    return (f"---\nname: {place.name}\nlat: {place.lat:.5f}\nlon: {place.lon:.5f}\n"
            f"radius_m: {place.radius_m}\naliases: [{aliases}]\n"
            f"crier: {'true' if place.crier else 'false'}\n---\n{place.intro}\n")


def journee() -> str:
    lines = ["---", "title: La journée", "slug: journee", "date: 2013-04-19",
             "timezone: Europe/Paris", "hashtags: [jdtap]", "status: hidden", "temps:"]
    lines += [f'  "{hour}": "{note}"' for hour, note in TEMPS.items()]
    lines.append("---")
    return "\n".join(lines) + "\n" + JOURNEE_INTRO


def write_pages(content: Path) -> None:
    """The places and the pages; the places must exist before posts are tagged."""
    for index, place in enumerate(PLACES):
        write_atomic(content / "places" / f"{place.slug}.md", place_file(index))
    write_atomic(content / "pages" / "preface.md", PREFACE)
    write_atomic(content / "pages" / "colophon.md", COLOPHON)
    write_atomic(content / "pages" / "journee.md", journee())
