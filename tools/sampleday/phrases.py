"""French fragments the day's posts are composed from, in Perec's manner.

Notes of what passes: buses, people, pigeons, light, weather, cafés, signs,
sounds. Fragments are whole, correct sentences; placeholders only take noun
phrases that agree in every slot (``{personne}`` is always singular, ``{groupe}``
always plural), so combinations stay good French. A sight starting with « § »
only makes sense by day (8–19 h), one with « ¤ » at lunchtime (11–14 h):
``compose.pick`` honours that.
"""

from __future__ import annotations

NOMBRES = ("deux", "trois", "quatre", "cinq", "six", "sept", "huit", "onze")

BUSES = ("96", "63", "70", "86", "84", "87", "69", "29", "76", "20", "38", "21", "27")

PERSONNES = (
    "une femme en imperméable beige", "un homme avec une baguette sous le bras",
    "une vieille dame et son caddie écossais", "un livreur en scooter",
    "un garçon en trottinette", "une jeune femme qui téléphone en riant",
    "un monsieur en costume, sans cravate", "une étudiante chargée de classeurs",
    "un touriste qui déplie un plan", "une joggeuse en rose fluo",
    "un homme qui parle tout seul", "une nounou et deux poussettes",
    "un facteur à vélo jaune", "un agent de la propreté en vert",
    "une dame avec un chapeau à fleurs", "un adolescent en survêtement",
    "un prêtre en soutane", "une femme qui porte un bouquet de tulipes",
    "un homme en bleu de travail", "une fille aux cheveux violets",
    "un vieux monsieur qui marche à petits pas", "un coursier pressé",
    "un couple de retraités en anorak assorti", "une mère qui tire un enfant boudeur",
)

GROUPES = (
    "des collégiens en sortie scolaire", "deux policiers à pied",
    "trois Japonaises sous des parapluies transparents", "des pigeons, une dizaine",
    "deux hommes qui portent un canapé", "des touristes en file derrière un guide",
    "deux sœurs qui se ressemblent", "des ouvriers qui rient fort",
    "quatre cyclistes en Vélib' gris", "deux amoureux qui ne regardent rien",
)

CHIENS = ("un teckel", "un bouledogue français", "un labrador couleur sable",
          "un caniche abricot", "un chien sans collier", "un lévrier maigre")

VEHICULES = ("une Twingo rouge", "un taxi noir, lumière verte allumée",
             "une camionnette de fleuriste", "une benne à ordures", "une Vespa crème",
             "une ambulance sans sirène", "une 2 CV grise", "un camion de livraison")

SIGHTS = (
    "Passe {personne}.", "{Personne} traverse hors des clous.",
    "{Personne} s'arrête, regarde le ciel, repart.", "Passent {groupe}.",
    "{Groupe} attendent au feu.", "Un bus {bus} passe, presque vide.",
    "Un {bus} passe. Il est plein.", "Un bus {bus}, puis {vehicule}.",
    "Passe {vehicule}.", "{Vehicule} se gare en double file.",
    "{Nb} pigeons sur le rebord d'une fenêtre.", "{Nb} pigeons se disputent une croûte.",
    "Un pigeon boite. Il avance quand même.", "{Chien} tire sa maîtresse vers un arbre.",
    "{Chien} attend devant la boulangerie.", "Un moineau sur la table d'à côté.",
    "§Une enseigne : « Pressing – Retouches ».", "Une enseigne : « Tabac – Loto – Presse ».",
    "§Une ardoise : « Croque-monsieur 6,50 € ».", "§Le rideau de fer du fleuriste remonte.",
    "§Odeur de pain chaud.", "Odeur de pluie sur le bitume.",
    "§Un marteau-piqueur, quelque part.", "Une sirène, loin.",
    "Des cloches, je ne sais pas lesquelles.", "Un avion, très haut, sans bruit.",
    "Une moto démarre ; le silence revient lentement.",
    "Au comptoir : café & tartine, 2,40 €.", "Le garçon de café crie « Deux crèmes ! ».",
    "Sur un banc, {personne} lit.", "Un ticket de métro tourne dans le caniveau.",
    "Un ballon rouge coincé dans un arbre.", "Une fenêtre s'ouvre au troisième étage.",
    "Quelqu'un secoue une nappe à une fenêtre.", "Un vélo sans selle attaché à une grille.",
    "Les feux passent au vert pour personne.", "Un rire derrière moi.",
    "{Nb} voitures au feu, moteurs allumés.", "§Sur le trottoir, une craie : « Marelle ».",
    "{Personne} fume devant une porte cochère.", "{Personne} court après un bus {bus}.",
    "Une affiche déchirée : « … jusqu'au 30 avril ».", "Un camion-poubelle, lentement.",
)

# What the sky looks like, hour by hour, so that posts agree with the day's "Temps".
SKY: dict[int, tuple[str, ...]] = {
    0: ("Nuit.", "Il fait frais.", "Les réverbères."),
    6: ("Le jour se lève, gris.", "Ciel blanc."),
    7: ("Ciel gris perle.", "Les trottoirs sont encore mouillés.", "Pas un souffle."),
    8: ("Une bruine si fine qu'on ne la voit que dans les phares.", "Gris uniforme."),
    9: ("La bruine a cessé.", "Un vent léger d'ouest."),
    10: ("Nuages bas.", "Le ciel hésite."),
    11: ("Première éclaircie.", "Les ombres reviennent sur les façades."),
    12: ("Ciel bleu lavé.", "Grands nuages blancs."),
    13: ("Soleil franc.", "On ouvre les vestes."),
    14: ("Soleil, voile léger.", "Il fait doux."),
    15: ("Le ciel se couvre par l'ouest.", "Le vent fraîchit."),
    16: ("Averse, brève et drue.", "Tout le monde sous les auvents.", "Odeur de pavé mouillé."),
    17: ("Après la pluie, une lumière lavée.", "Des flaques partout."),
    18: ("Nuages effilochés.", "Le vent est tombé."),
    19: ("Lumière rasante, dorée.", "Les façades rougissent."),
    20: ("Le ciel rosit au-dessus des toits.", "Le soleil se couche."),
    21: ("Bleu profond.", "Premières étoiles, ou des avions."),
    22: ("Nuit claire.", "Les terrasses se vident."),
    23: ("Un halo orangé au-dessus de la ville.", "Nuit."),
}

# Perec's "Temps" for the day page (content/pages/journee.md), hour by hour.
TEMPS: dict[str, str] = {
    "07": "Ciel gris perle ; 8 °C ; pas de vent. Les trottoirs sont mouillés de la nuit.",
    "08": "Gris uniforme ; 9 °C ; une bruine si fine qu'on ne la voit que dans les phares.",
    "09": "La bruine cesse ; 10 °C ; un vent léger d'ouest.",
    "10": "Nuages bas qui se défont par endroits ; 11 °C.",
    "11": "Première éclaircie vers 11 h 20 ; 12 °C ; les ombres reviennent sur les façades.",
    "12": "Ciel bleu lavé, grands cumulus blancs ; 14 °C ; vent faible d'ouest.",
    "13": "Soleil franc ; 15 °C ; on ouvre les vestes.",
    "14": "Soleil sous un voile léger ; 16 °C ; le vent tourne au sud-ouest.",
    "15": "Le ciel se couvre par l'ouest ; 16 °C ; le vent fraîchit.",
    "16": "Averse à 16 h 10, brève et drue ; 13 °C ; odeur de pavé mouillé.",
    "17": "Après la pluie, une lumière lavée ; 14 °C ; des flaques partout.",
    "18": "Éclaircies, nuages effilochés ; 14 °C ; le vent est tombé.",
    "19": "Lumière rasante, dorée sur les façades ; 13 °C.",
    "20": "Le soleil se couche vers 20 h 50 ; ciel rose, puis mauve ; 12 °C.",
    "21": "Bleu profond, premières étoiles ; 11 °C.",
    "22": "Nuit claire ; 10 °C ; les terrasses se vident.",
    "23": "Nuit ; 9 °C ; un halo orangé au-dessus de la ville.",
}

CASUAL = (
    "Bonjour Paris !", "Première note de la journée.", "Je m'y mets, moi aussi.",
    "Je suis le fil depuis mon bureau, on s'y croirait.", "Quelle drôle de bonne idée.",
    "Qui sait où lisent les crieurs à midi ?", "Le fil défile trop vite pour moi.",
    "J'ai posé mon carnet sur la table du café.", "Pause déjeuner : je regarde, je note.",
    "Je lis le fil à voix haute à mes collègues.", "Paris <3",
    "Depuis Lyon, je vous lis avec envie.", "Depuis Montréal, bonne journée à vous.",
    "J'ai oublié mon carnet. Tant pis, j'écris ici.",
    "Noter ce qui passe : plus dur qu'il n'y paraît.",
    "Je relis Perec dans le métro pour me préparer.", "On devrait faire ça tous les jours.",
    "Mon fils de 8 ans veut participer.", "Trop de bus, pas assez de mots.",
    "Pluie -> soleil -> pluie. Printemps parisien.",
    "Il se passe beaucoup de choses quand il ne se passe rien.",
    "Je n'ai rien vu de la matinée. Je me rattrape.", "Mes notes de ce matin sont illisibles.",
    "Le fil de ce soir est plus calme, plus beau.", "Merci à tous, c'est un plaisir de vous lire.",
    "Vous lire, c'est marcher sans bouger.", "Je ne connaissais pas ce jeu. J'adore.",
    "Premier tweet de ma vie, pour l'occasion.", "Les crieurs sont-ils payés au mot ?",
    "Ma mère me demande ce qu'est un hashtag.", "J'écris à la fenêtre, rien ne passe.",
    "La ville vue par mille yeux.", "Je crois qu'on est nombreux dans le 96.",
    "Ce matin, fatigue ; ce soir, émerveillement.", "Dernier café, dernière note.",
    "Rentrée à la maison, je continue de lire.", "Demain, je regarderai autrement.",
    "Vu d'ici, tout le monde a l'air de quelqu'un.", "Le hasard fait bien les tweets.",
)

CASUAL_TAGS = ("paris", "Paris", "perec", "Perec", "mémoire", "flânerie", "printemps",
               "étéindien", "crieurs", "vendredi")

EMOJI = ("🚌", "🕊️", "☕", "🌳", "📷", "🥐", "🇫🇷", "👋🏽", "👨‍👩‍👧", "🚲",
         "🎨", "🔔", "✍️", "❤️", "😊", "👀")

REPLIES = (
    "Merci ! J'y passe vers 16 h.", "Le même bus m'est passé devant deux minutes après.",
    "Très beau. On entend presque l'eau.", "Je l'ai vu aussi, ce pigeon !",
    "Exactement la même lumière ici.", "Tu es où exactement ? Je te rejoins.",
    "C'est toi sur le banc en imperméable ?", "Superbe note, merci.",
    "Ça me rappelle le livre, page 12 à peu près.", "On devrait en faire un livre.",
    "Le crieur vient de la lire, tout le monde a ri.", "Même pas vu, j'étais dans le bus.",
    "Oui ! Et la cloche juste après.", "Je note, je note.",
    "Ha, la mienne était plus banale.", "Magnifique. Rien à ajouter.",
)

QUOTES = (
    "Exactement ce que je voyais d'en face.", "La meilleure note de la journée, pour moi.",
    "À lire à voix haute.", "Perec aurait aimé.", "Je n'ai rien vu de tout ça, j'étais à côté.",
    "Voilà pourquoi j'aime ce jeu.",
)

CITY_NEWS = (
    ("Les crieurs lisent vos notes à chaque heure ronde : Saint-Sulpice, Bastille, "
     "République, Hôtel de Ville.", "https://jdtap.fr/crieurs"),
    ("Où sont les crieurs ? La carte de la journée :", "https://jdtap.fr/carte"),
    ("Pour relire le texte de Perec avant de sortir :",
     "https://fr.wikipedia.org/wiki/Tentative_d%27%C3%A9puisement_d%27un_lieu_parisien"),
    ("Vos notes seront gardées dans un livre. Le programme :", "https://jdtap.fr/livre"),
    ("Merci d'écrire en français, en peu de mots, ce que vous voyez.",
     "https://jdtap.fr/regles"),
    ("Ce soir, lecture des plus belles notes à l'Hôtel de Ville, 21 h.",
     "https://jdtap.fr/lecture"),
)

CITY_REPLIES = (
    "Merci pour cette belle note, elle sera lue tout à l'heure.",
    "Bonne question : les crieurs lisent à chaque heure ronde.",
    "Oui, toutes les notes de la journée sont gardées.",
)

# The city account's photos: scene drawn by photos.py, place, alt text, caption.
PHOTOS = (
    ("fountain", "place-saint-sulpice",
     "La fontaine des Quatre-Évêques sous un ciel gris, l'eau qui déborde des vasques.",
     "Place Saint-Sulpice, la fontaine au petit matin."),
    ("bus", "place-saint-sulpice",
     "Un bus vert et blanc de la ligne 96 arrêté devant la mairie du 6e.",
     "Saint-Sulpice : le 96, fidèle au poste."),
    ("column", "place-de-la-bastille",
     "La colonne de Juillet et son génie doré sur un ciel bleu.",
     "Place de la Bastille, le Génie brille."),
    ("rooftops", "place-de-la-bastille",
     "Des toits de zinc et des cheminées, vus d'en haut, sous un ciel pâle.",
     "Bastille, les toits vus du cinquième étage."),
    ("hoardings", "place-de-la-republique",
     "Des palissades de chantier vertes devant la statue de Marianne.",
     "République, Marianne derrière ses palissades."),
    ("rain", "place-de-la-republique",
     "La pluie sur une place pavée, des reflets et deux parapluies.",
     "Place de la République, l'averse de 16 h."),
    ("facade", "place-de-l-hotel-de-ville",
     "La façade de l'Hôtel de Ville, son horloge, et un parvis presque vide.",
     "Hôtel de Ville, l'horloge et le parvis."),
    ("pigeons", "place-de-l-hotel-de-ville",
     "Une dizaine de pigeons sur des pavés gris, l'un d'eux en vol.",
     "Parvis de l'Hôtel de Ville : les vrais habitants."),
    ("arcades", "place-des-vosges",
     "Des arcades de brique et de pierre en enfilade, une lumière dorée au bout.",
     "Place des Vosges, sous les arcades, 19 h."),
    ("trees", "place-des-vosges",
     "Des tilleuls taillés au carré devant des façades roses.",
     "Place des Vosges, les tilleuls attendent leurs feuilles."),
    ("easels", "place-du-tertre",
     "Des chevalets et des parasols sur une petite place pavée.",
     "Place du Tertre, les chevalets sous les arbres."),
    ("dusk", "place-du-tertre",
     "Un réverbère allumé sur un ciel rose et mauve, des toits en contre-jour.",
     "Place du Tertre, le soir tombe."),
)
