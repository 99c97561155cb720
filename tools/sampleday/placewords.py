"""The six places of the day: coordinates, gazetteer text, and what one sees there.

Each place has *stamps* (openings that name it, so that the importer's
``PlaceTagger`` finds it in the text) and *sights* (notes that never name another
place, so that the tagger cannot pick the wrong one).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PlaceWords:
    slug: str
    name: str
    lat: float
    lon: float
    radius_m: int
    aliases: tuple[str, ...]
    crier: bool
    tag: str
    buses: tuple[str, ...]
    intro: str
    stamps: tuple[str, ...]
    sights: tuple[str, ...]


PLACES: tuple[PlaceWords, ...] = (
    PlaceWords(
        "place-saint-sulpice", "Place Saint-Sulpice", 48.85109, 2.33477, 120,
        ("saint-sulpice", "st-sulpice", "saintsulpice"), True, "saintsulpice",
        ("63", "70", "84", "86", "87", "96"),
        "C'est ici que Georges Perec s'est assis, en octobre 1974, pour noter « ce qui se "
        "passe quand il ne se passe rien ». La fontaine des Quatre-Évêques, l'église aux "
        "deux tours inégales, la mairie du 6e et le Café de la Mairie : le décor n'a "
        "presque pas changé.\n\nLe crieur s'installe près de la fontaine ; il lit les notes "
        "de la journée à chaque heure ronde, de 10 h à 19 h.",
        ("Place Saint-Sulpice.", "Saint-Sulpice, côté fontaine.",
         "Place Saint-Sulpice, terrasse du Café de la Mairie.",
         "Saint-Sulpice, sur les marches de l'église.", "Place Saint-Sulpice, un banc.",
         "Saint-Sulpice, devant la mairie du 6e.", "Place Saint-Sulpice, côté rue Bonaparte."),
        ("La fontaine des Quatre-Évêques coule. Un pigeon boit au bord du bassin.",
         "Les deux tours de l'église, inégales, dans un ciel pâle.",
         "Un {bus} s'arrête devant la mairie. Personne ne descend.",
         "Au Café de la Mairie, un garçon essuie les tables de la terrasse une à une.",
         "Les lions de la fontaine crachent leur eau sans conviction.",
         "§Une noce sort de la mairie : riz sur les pavés, pigeons ravis.",
         "§Trois touristes cherchent le tableau de Delacroix et entrent dans l'église.",
         "§Un livreur décharge des cartons devant la boutique de parfums.",
         "Les marronniers ont des feuilles toutes neuves, vert tendre.",
         "Un {bus}, puis un autre {bus}. Ils se suivent comme des frères.",
         "Le bassin est vert ; des pièces brillent au fond.",
         "§Une religieuse traverse la place d'un pas rapide, un cabas à la main.",
         "La cloche sonne le quart. Un pigeon s'envole, les autres restent.",
         "Sur le parvis, un homme photographie la façade en reculant jusqu'à la fontaine.",
         "§Le kiosque à journaux a sorti ses magazines ; le vent feuillette une revue."),
    ),
    PlaceWords(
        "place-de-la-bastille", "Place de la Bastille", 48.85316, 2.36914, 150,
        ("bastille", "placedelabastille"), True, "bastille",
        ("29", "69", "76", "86", "87", "91"),
        "Un rond-point immense autour de la colonne de Juillet, que surmonte le Génie de la "
        "Liberté, tout en or. L'Opéra ferme la place à l'est, le port de l'Arsenal s'ouvre "
        "au sud. On y entend surtout les moteurs.\n\nLe crieur se tient sur les marches de "
        "l'Opéra.",
        ("Place de la Bastille.", "Bastille, marches de l'Opéra.",
         "Place de la Bastille, au pied de la colonne.", "Bastille, sortie du métro.",
         "Bastille, côté port de l'Arsenal.", "Place de la Bastille, au feu rouge."),
        ("Le Génie de la Liberté brille en haut de la colonne, un pied en l'air.",
         "Un {bus} fait le tour de la colonne, suivi de six scooters.",
         "§Sur les marches de l'Opéra, des lycéens mangent des frites.",
         "Un klaxon, puis un autre, puis tout le rond-point.",
         "§Les bateaux du port sont immobiles ; un homme repeint une coque en bleu.",
         "Un coursier à vélo grille le feu et lève la main pour s'excuser.",
         "§Une file devant la billetterie de l'Opéra. Un vieil homme lit en attendant.",
         "Un {bus} freine trop fort ; une dame se rattrape à la barre.",
         "Sur le terre-plein, un pigeon picore un ticket de métro.",
         "Les terrasses de la rue de la Roquette se remplissent.",
         "Une sirène de pompiers traverse la place ; tout le monde regarde, puis oublie.",
         "Deux motards discutent au feu, casque relevé.",
         "¤Le marché du boulevard Richard-Lenoir remballe : cageots, cris, eau sur le trottoir."),
    ),
    PlaceWords(
        "place-de-la-republique", "Place de la République", 48.86751, 2.36373, 170,
        ("république", "republique", "placedelarepublique"), True, "republique",
        ("20", "56", "65", "75"),
        "La place est en travaux : palissades vertes, engins, un chemin de planches autour "
        "de la statue de Marianne. On devine déjà le grand plateau piéton qu'elle "
        "deviendra en juin.\n\nLe crieur lit au pied du lion de bronze.",
        ("Place de la République.", "République, au pied de Marianne.",
         "République, le long des palissades.", "Place de la République, côté métro.",
         "République, près du lion de bronze.", "Place de la République, côté Magenta."),
        ("Marianne tient son rameau au-dessus des palissades de chantier.",
         "§Une pelleteuse recule en bipant ; un pigeon ne bouge pas.",
         "Sur les palissades, quelqu'un a écrit au feutre : « Ici bientôt la place ».",
         "Un {bus} contourne le chantier au pas.",
         "¤Des ouvriers en gilet orange déjeunent assis sur des parpaings.",
         "Le lion de bronze a un pigeon sur la tête. Ni l'un ni l'autre ne bouge.",
         "§Un homme distribue des tracts ; personne ne les prend.",
         "Des skateurs attendent la fin des travaux en tournant autour des barrières.",
         "Sortie du métro : une vague de gens, puis plus personne.",
         "Un vendeur de marrons grillés, déjà, ou encore.",
         "§Un camion-toupie tourne lentement son béton.",
         "Les plaques du chemin de planches résonnent sous les talons."),
    ),
    PlaceWords(
        "place-de-l-hotel-de-ville", "Place de l'Hôtel-de-Ville", 48.85669, 2.35138, 120,
        ("hôtel de ville", "hotel de ville", "hoteldeville", "parvis de l'hôtel de ville"),
        True, "hoteldeville", ("67", "69", "70", "72", "75", "76", "96"),
        "L'ancienne place de Grève, au bord de la Seine. La façade néo-Renaissance, ses "
        "statues et son horloge regardent un parvis où l'on attend, se donne rendez-vous, "
        "manifeste parfois.\n\nLe crieur lit au milieu du parvis, face à l'horloge.",
        ("Place de l'Hôtel-de-Ville.", "Hôtel de Ville, sur le parvis.",
         "Parvis de l'Hôtel de Ville.", "Hôtel de Ville, face à l'horloge.",
         "Place de l'Hôtel-de-Ville, côté Seine."),
        ("L'horloge de la façade avance de deux minutes sur mon téléphone.",
         "§Un groupe scolaire en gilets jaunes traverse le parvis en file indienne.",
         "Les statues de la façade regardent toutes ailleurs.",
         "Un {bus} longe le quai ; derrière, la Seine est couleur de thé.",
         "Des policiers à vélo font le tour du parvis, sans se presser.",
         "§Une mariée se fait photographier devant la façade ; son voile s'envole.",
         "Des barrières métalliques empilées attendent la prochaine manifestation.",
         "Un homme nourrit les pigeons malgré le panneau qui l'interdit.",
         "§Devant le grand magasin d'en face, une file de poussettes.",
         "Les drapeaux de la façade pendent, puis claquent d'un coup.",
         "Un couple se dispute à voix basse près du lampadaire.",
         "§Un camion de la Ville arrose le parvis ; les pigeons reculent d'un mètre."),
    ),
    PlaceWords(
        "place-des-vosges", "Place des Vosges", 48.85561, 2.36555, 90,
        ("vosges", "placedesvosges"), False, "placedesvosges", ("29", "69", "76", "96"),
        "Un carré parfait de brique et de pierre, sous les arcades. Au centre, le square, "
        "ses tilleuls taillés, ses quatre fontaines et Louis XIII à cheval. On y vient pour "
        "s'asseoir.\n\nPas de crieur ici : la place se lit en silence.",
        ("Place des Vosges.", "Place des Vosges, sous les arcades.",
         "Place des Vosges, dans le square.", "Place des Vosges, un banc près de la fontaine.",
         "Vosges, côté maison de Victor Hugo."),
        ("Sous les arcades, un violoncelliste joue du Bach ; les pas ralentissent.",
         "Les tilleuls taillés au carré n'ont pas encore leurs feuilles.",
         "Louis XIII à cheval, un pigeon sur le chapeau.",
         "§Des enfants courent sur le gravier ; une mère compte jusqu'à dix.",
         "§Une galerie accroche un grand tableau bleu dans sa vitrine.",
         "§Un jardinier ratisse le gravier en rangs parfaits.",
         "Sur la pelouse, interdite encore, deux merles font ce qu'ils veulent.",
         "§Une file devant la maison de Victor Hugo : des lycéens, un professeur fatigué.",
         "Les quatre fontaines font le même bruit, presque.",
         "Un homme lit Le Monde sur un banc, plié en quatre.",
         "La brique rose des façades prend la lumière."),
    ),
    PlaceWords(
        "place-du-tertre", "Place du Tertre", 48.88652, 2.34078, 60,
        ("tertre", "placedutertre"), False, "placedutertre", ("Montmartrobus",),
        "Le village sur la colline : une petite place serrée entre les restaurants, couverte "
        "de chevalets. On y peint, on s'y fait tirer le portrait, on s'y perd un peu.\n\nLe "
        "Sacré-Cœur est à deux pas ; on ne le voit pas, on l'entend sonner.",
        ("Place du Tertre.", "Place du Tertre, entre deux chevalets.",
         "Tertre, terrasse d'un restaurant.", "Place du Tertre, sous les arbres.",
         "Place du Tertre, au coin de la rue Norvins."),
        ("§Un peintre termine le même moulin que la veille, dit-il.",
         "§Un caricaturiste m'offre de me dessiner « en cinq minutes ». Je refuse poliment.",
         "§Des chevalets partout, des toiles sous plastique : on attend la pluie.",
         "§Un accordéoniste joue « La Vie en rose » pour la troisième fois.",
         "Odeur de crêpe au sucre et de peinture à l'huile.",
         "Le Montmartrobus passe en rasant les terrasses.",
         "§Une touriste se fait dessiner ; son mari photographie le dessin.",
         "Les cloches du Sacré-Cœur, tout près, sans qu'on le voie.",
         "§Un serveur annonce la soupe à l'oignon à une table de Japonais ravis.",
         "Les platanes de la place ont des bourgeons collants.",
         "§Une peintre nettoie ses pinceaux dans un pot de confiture."),
    ),
)

BY_SLUG = {p.slug: p for p in PLACES}
