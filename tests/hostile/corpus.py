"""The hostile posts: text and names written by strangers, meant to break the build.

Each payload carries a marker (``HOSTILE-…``) so that a test can tell a payload that
reached the output as markup from the theme's own scripts and links. Invisible
characters are written as escapes here so that this file reads plainly; the test
writes them into the editors' files as the characters themselves.
"""

from __future__ import annotations

from datetime import timedelta

from inventaire.core.model import Entity, Media, Post

from .tmpproject import DAY

BASE_ID = 325399000000000000

SCRIPT = '<script>alert("HOSTILE-SCRIPT")</script>'
HANDLERS = '<img src=x onerror=alert("HOSTILE-ONERROR")><b onmouseover="alert(1)">survol</b>'
JS_URL = '<a href="javascript:alert(\'HOSTILE-JS\')">clic</a> javascript:alert("HOSTILE-JS2")'
DATA_URL = "data:text/html;base64,PHNjcmlwdD5hbGVydCgiSE9TVElMRS1EQVRBIik8L3NjcmlwdD4="
MARKDOWN = '[lien](javascript:alert("HOSTILE-MD")) ![img](x "HOSTILE-MDIMG") **gras** <b>gras</b>'
JINJA = '{{ 7*7 }} {{ "HOST" ~ "ILE-JINJA" }} {% if true %}HOSTILE-JINJA-IF{% endif %} {# c #}'
CSS = ('</style><style>@import url("http://evil.example/HOSTILE.css"); '
       'body { background: url("file:///etc/passwd") }</style>')
CONTROL = "cloche\x07 fin\x1b[31m rouge\x0b\x0c\x08\x01 ok"
BIDI = "prix : \u202e0001\u202c € et \u2066\u2067isolé\u2069 \u200fRLM"
ZERO_WIDTH = "in\u200bvi\u200csi\u200dble\ufeff\u2060 #jd\u200btap"

TEXTS: dict[str, str] = {
    "script": f"Un bus passe. {SCRIPT} #jdtap",
    "handlers": f"Une image {HANDLERS} #jdtap",
    "js-url": f"Un lien {JS_URL} #jdtap",
    "data-url": f"Une donnée {DATA_URL} #jdtap",
    "markdown": f"@Du Markdown {MARKDOWN} #jdtap",
    "jinja": f"Un calcul {JINJA} #jdtap",
    "css": f"Du style {CSS} #jdtap",
    "bidi": f"Bidi {BIDI} #jdtap",
    "zero-width": f"Zéro {ZERO_WIDTH}",
    "long": "Perec. " + "Un pigeon passe devant la fontaine. " * 2800,
}

# Author names and other editor-visible fields that reach templates.
NAMES: dict[str, str] = {
    "script": f"Mallory {SCRIPT}",
    "handlers": '"><img src=x onerror=alert("HOSTILE-NAME")>',
    "jinja": '{{ "HOST" ~ "ILE-NAMEJINJA" }}',
    "css": CSS,
    "bidi": "\u202eesuenâlF aL",
}


def control_post() -> Post:
    """Control characters: XML 1.0 (feeds, sitemap) cannot carry most of them."""
    return Post(id=str(BASE_ID + 91), network="twitter", author="bell",
                date=DAY + timedelta(hours=16, minutes=5), text=f"Contrôle {CONTROL} #jdtap",
                author_name="Cloche\x07\x1b", status="selected", consent="granted")


def bomb_post() -> Post:
    """A post whose photo claims 100,000 × 100,000 pixels (10 GB once decoded)."""
    return Post(id=str(BASE_ID + 90), network="twitter", author="bomber",
                date=DAY + timedelta(hours=16), text="Une photo énorme. #jdtap",
                status="selected", consent="granted",
                media=[Media(file="media/bomb.png", alt="bombe")])


def hostile_posts() -> list[Post]:
    """One post per payload, selected, spread over the afternoon."""
    posts: list[Post] = []
    for index, (name, text) in enumerate(TEXTS.items()):
        post = Post(
            id=str(BASE_ID + index),
            network="twitter",
            author=f"hostile{index}",
            author_name=NAMES.get(name, f"Hostile {name}"),
            date=DAY + timedelta(hours=14, minutes=index),
            text=text,
            url=f"https://twitter.com/hostile{index}/status/{BASE_ID + index}",
            status="selected",
            consent="granted",
            note=f"note {SCRIPT}",
        )
        posts.append(post)
    by_name = dict(zip(TEXTS, posts, strict=True))
    # Entities that claim a hostile address: only http(s) may become a link.
    js = by_name["js-url"]
    start = js.text.index("javascript:alert(\"HOSTILE-JS2\")")
    js.entities = [
        Entity("url", start, start + len('javascript:alert("HOSTILE-JS2")'),
               'javascript:alert("HOSTILE-JS2")', display="exemple.fr"),
        Entity("hashtag", js.text.index("#jdtap"), js.text.index("#jdtap") + 6, "jdtap"),
    ]
    data = by_name["data-url"]
    start = data.text.index("data:")
    data.entities = [Entity("url", start, start + len(DATA_URL), DATA_URL, display="d.fr")]
    mention = by_name["markdown"]
    mention.entities = [Entity("mention", 0, 3, "Du", href="javascript:alert('HOSTILE-MENTION')")]
    # Media: names that try to leave content/, a bomb, an SVG with script, hostile alt.
    by_name["script"].media = [
        Media(file="media/../../../escape-HOSTILE.jpg", alt="évasion"),
        Media(file="/etc/passwd", alt="absolu"),
    ]
    by_name["handlers"].media = [
        Media(file="media/ok.png", alt=f'image" onerror="alert(1) {SCRIPT}'),
    ]
    by_name["css"].media = [Media(file="media/script.svg", alt="svg")]
    # A real image of the project, but outside content/: it must not be published.
    by_name["zero-width"].media = [Media(file="../private/secret-HOSTILE.png", alt="secret")]
    by_name["bidi"].place = "../../../escape-HOSTILE-place"
    return posts


PYTHON_TAG = """---
id: "{id}"
network: twitter
date: 2013-04-19T15:00:00+02:00
author: pythonista
status: selected
note: !!python/object/apply:os.system ["touch {marker}"]
---
Un texte anodin. #jdtap
"""

NOT_UTF8 = ("---\nid: \"{id}\"\nnetwork: twitter\ndate: 2013-04-19T15:01:00+02:00\n"
            "author: latin1\nstatus: selected\n---\nCaf\xe9 cr\xe8me, \xe0 la terrasse.\n")
