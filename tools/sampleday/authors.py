"""The day's fictional authors: handles, French display names, user ids.

No real person: handles and names are invented. The city account ``jdtap_paris``
is the one whose "Download your archive" folder ships in ``content/sources/``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

CITY = "jdtap_paris"
CITY_NAME = "Un jour de tweets à Paris"


@dataclass(frozen=True)
class Author:
    """A fictional account; ``weight`` is how talkative it is during the day."""

    handle: str
    name: str
    user_id: str
    weight: float
    source: str


PEOPLE: tuple[tuple[str, str], ...] = (
    ("flaneuse75", "La Flâneuse"),
    ("gdubois", "Gérard Dubois"),
    ("lamarcheuse", "La Marcheuse"),
    ("heleneb", "Hélène Bérard"),
    ("cmartin_06", "Camille Martin"),
    ("noteslentes", "Notes lentes"),
    ("zoe_ecrit", "Zoé Lefèvre"),
    ("bjoubert", "Benoît Joubert"),
    ("chloe_dlf", "Chloé de la Fontaine"),
    ("emilien_r", "Émilien Roussel"),
    ("annedeparis", "Anne de Paris"),
    ("pigeonvoyageur", "Pigeon voyageur"),
    ("mfaure", "Mathilde Faure"),
    ("rivegauche42", "Rive gauche"),
    ("ljacob", "Louis Jacob"),
    ("ines_ph", "Inès Phan"),
    ("theo_bus96", "Théo sur le 96"),
    ("sgarnier", "Sophie Garnier"),
    ("yannick_l", "Yannick Le Goff"),
    ("aurelie_v", "Aurélie Vasseur"),
    ("cafecreme", "Café crème"),
    ("fbenoit", "François Benoît"),
    ("margauxlit", "Margaux lit"),
    ("jpchevalier", "Jean-Pierre Chevalier"),
    ("clemence_b", "Clémence Blanchard"),
    ("olivier_ecrit", "Olivier Morel"),
    ("lucie_dans_paris", "Lucie dans Paris"),
    ("hugo_m", "Hugo Mercier"),
    ("nadia_k", "Nadia Kaci"),
    ("perecquiste", "Le Perecquiste"),
    ("rbonnet", "Raphaël Bonnet"),
    ("elodie_g", "Élodie Guérin"),
    ("vincentp", "Vincent Perrin"),
    ("juliette_r", "Juliette Renaud"),
    ("antoine_d", "Antoine Dufour"),
    ("maelle_t", "Maëlle Thibault"),
    ("quentin_c", "Quentin Carré"),
    ("sarahlebon", "Sarah Lebon"),
    ("tertre_peint", "Un peintre du Tertre"),
    ("bastoche", "Bastoche"),
    ("jerome_h", "Jérôme Hamon"),
    ("celine_a", "Céline Aubert"),
    ("paulvidal", "Paul Vidal"),
    ("agnes_l", "Agnès Lemaire"),
    ("thibaut_f", "Thibaut Fabre"),
    ("manon_p", "Manon Picard"),
    ("leonie_w", "Léonie Weber"),
    ("xavier_g", "Xavier Gautier"),
    ("ecrivaindubanc", "L'écrivain du banc"),
    ("nathalie_c", "Nathalie Colin"),
    ("romain_s", "Romain Schmitt"),
    ("gaelle_m", "Gaëlle Masson"),
    ("bruno_q", "Bruno Quéré"),
    ("isabelle_n", "Isabelle Noël"),
    ("damien_v", "Damien Vincent"),
    ("francoise_r", "Françoise Roy"),
    ("mathis_b", "Mathis Brunet"),
    ("oceane_l", "Océane Leroux"),
    ("regardeur", "Le Regardeur"),
    ("anais_d", "Anaïs Dumont"),
    ("cyril_j", "Cyril Jolly"),
    ("pauline_h", "Pauline Hervé"),
    ("lecrieur6e", "Le crieur du 6e"),
    ("josephine_e", "Joséphine Étienne"),
)

SOURCES = ("Twitter for iPhone", "Twitter for Android", "Twitter Web Client", "TweetDeck",
           "Twitter for iPad", "Tweetbot for iOS")


def make_authors(rng: random.Random) -> list[Author]:
    """The city account first, then the people; ids and talkativeness are seeded."""
    authors = [Author(CITY, CITY_NAME, "1302144751", 0.0, "TweetDeck")]
    used = {authors[0].user_id}
    for handle, name in PEOPLE:
        user_id = str(rng.randrange(14_000_000, 1_300_000_000))
        while user_id in used:
            user_id = str(rng.randrange(14_000_000, 1_300_000_000))
        used.add(user_id)
        weight = round(rng.paretovariate(1.6), 3)
        authors.append(Author(handle, name, user_id, min(weight, 8.0), rng.choice(SOURCES)))
    return authors
