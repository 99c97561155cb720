"""Write a real-size Twitter archive, and what every post of it must read once imported.

The importer's hard cases come from real archives, not from the small fixtures:
thousands of tweets over two part files, threads whose tweets (and their long
texts in ``note-tweet.js``) share one creation second, tweets edited once or twice
(every version present, chained by ``edit_info``), videos and GIFs in
``tweets_media/`` (some with their still), photos, replies, retweets, ``& < >``
escaped, emoji beyond the BMP and line breaks. This writes such an archive, the way
docs/formats.md (« Twitter archive ») describes it, from a seed, and returns for
every post that must be imported its final text: what ``Post.text`` must be (t.co
links shown by their display form, the media link gone, unescaped), so a test can
compare the two without asking the importer.

Usage: ``python tools/make_twitter_archive.py OUT [--tweets 3000] [--seed 15]``
(``tests/test_import_roundtrip.py`` calls :func:`write_archive`).
"""

from __future__ import annotations

import argparse
import io
import json
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from PIL import Image

HANDLE = "flaneuse75"
WORDS = ("place", "pigeon", "café", "Seine", "fontaine", "kiosque", "pluie", "soleil",
         "banc", "quai", "métro", "marché", "crieur", "rue", "vélo", "lumière", "Paris",
         "journal", "terrasse", "horloge", "l'été", "d'hiver", "œuvre", "«", "»", "!", "?",
         "Tea", "&", "cake", "<3", "a>b", "🍰", "🎉", "🇫🇷", "👩‍👩‍👧", "1er", "—")
TAGS = ("jdtap", "Paris", "PlaceDesVosges", "Perec", "été2013")
PEOPLE = ("bob_example", "ada", "Zoe_Example", "crieur_75")
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"  # copied, never decoded
LONG = 300  # a long post has more than 280 characters


def escape(text: str) -> str:
    """As Twitter escapes its text: exactly ``& < >``."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass
class Text:
    """A text being composed: the archive's escaped form with its entities (offsets
    in code points of the escaped text), and the final text the importer must give."""

    escaped: str = ""
    final: str = ""
    entities: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {
        "hashtags": [], "symbols": [], "user_mentions": [], "urls": []})
    note_entities: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {
        "hashtags": [], "mentions": [], "urls": [], "cashtags": []})

    def _entity(self, kind: str, shown: str, extra: dict[str, Any]) -> None:
        start = len(self.escaped)
        self.escaped += shown
        end = len(self.escaped)
        self.entities[kind].append({**extra, "indices": [str(start), str(end)]})
        note_kind = {"user_mentions": "mentions"}.get(kind, kind)
        note = {"fromIndex": str(start), "toIndex": str(end)}
        if kind == "hashtags":
            note["text"] = extra["text"]
        elif kind == "user_mentions":
            note["screenName"] = extra["screen_name"]
        else:
            note.update(shortUrl=extra["url"], expandedUrl=extra["expanded_url"],
                        displayUrl=extra["display_url"])
        self.note_entities[note_kind].append(note)

    def plain(self, words: str) -> None:
        self.escaped += escape(words)
        self.final += words

    def hashtag(self, tag: str) -> None:
        self._entity("hashtags", f"#{tag}", {"text": tag})
        self.final += f"#{tag}"

    def mention(self, name: str) -> None:
        self._entity("user_mentions", f"@{name}",
                     {"screen_name": name, "name": name, "id_str": "1", "id": "1"})
        self.final += f"@{name}"

    def link(self, number: int) -> None:
        short = f"https://t.co/L{number:09d}"
        display = f"example.com/p/{number}"
        self._entity("urls", short, {"url": short, "expanded_url": f"https://{display}",
                                     "display_url": display})
        self.final += display


Piece = tuple[str, str]  # ("plain" | "hashtag" | "mention" | "link", value)


def compose(rng: random.Random, length: int, number: int, reply_to: str = "") -> list[Piece]:
    """The pieces of a text of about ``length`` characters: words, ``& < >``, emoji,
    hashtags, mentions, links and line breaks; a reply starts with its mention."""
    pieces: list[Piece] = []
    if reply_to:
        pieces += [("mention", reply_to), ("plain", " ")]
    size, links = 0, 0
    while size < length:
        roll = rng.random()
        if roll < 0.07:
            piece = ("hashtag", rng.choice(TAGS))
        elif roll < 0.10:
            piece = ("mention", rng.choice(PEOPLE))
        elif roll < 0.12 and links < 2:
            piece = ("link", str(number * 10 + links))
            links += 1
        else:
            piece = ("plain", rng.choice(WORDS))
        pieces += [piece, ("plain", "\n" if rng.random() < 0.03 else " ")]
        size += len(piece[1]) + 12 * (piece[0] == "link") + 1
    pieces.append(("plain", rng.choice(WORDS)))  # never ends with a space
    return pieces


def shown_length(piece: Piece) -> int:
    """The length of a piece in the final text (a link shows its display form)."""
    kind, value = piece
    return len(f"example.com/p/{value}") if kind == "link" else len(value) + (kind != "plain")


def render(pieces: list[Piece]) -> Text:
    text = Text()
    for kind, value in pieces:
        if kind == "plain":
            text.plain(value)
        elif kind == "hashtag":
            text.hashtag(value)
        elif kind == "mention":
            text.mention(value)
        else:
            text.link(int(value))
    return text


def twitter_date(when: datetime) -> str:
    return when.strftime("%a %b %d %H:%M:%S +0000 %Y")


def still_jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 18), (40, 90, 160)).save(buffer, "JPEG")
    return buffer.getvalue()


@dataclass
class Archive:
    """What is written: the tweets, notes and media files, and the expected posts."""

    tweets: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)
    expected: dict[str, str] = field(default_factory=dict)  # post id → final text
    media: dict[str, list[str]] = field(default_factory=dict)  # post id → kinds


class Maker:
    """Tweets one after another through a day, in the shapes a real archive has."""

    def __init__(self, seed: int, day: date) -> None:
        self.rng = random.Random(seed)
        self.archive = Archive()
        self.next_id = 1_650_000_000_000_000_000
        self.clock = datetime(day.year, day.month, day.day, 5, 0, tzinfo=UTC)
        self.still = still_jpeg()

    def new_id(self) -> str:
        self.next_id += self.rng.randrange(1, 5000)
        return str(self.next_id)

    def tweet(self, tweet_id: str, when: datetime, text: Text,
              extra: dict[str, Any] | None = None) -> dict[str, Any]:
        tweet = {
            "id": tweet_id, "id_str": tweet_id, "created_at": twitter_date(when),
            "full_text": text.escaped, "lang": "fr", "retweeted": False,
            "display_text_range": ["0", str(len(text.escaped))],
            "entities": text.entities, **(extra or {}),
        }
        self.archive.tweets.append({"tweet": tweet})
        return tweet

    def short(self, when: datetime) -> None:
        tweet_id = self.new_id()
        reply = self.rng.choice(PEOPLE) if self.rng.random() < 0.15 else ""
        text = render(compose(self.rng, self.rng.randrange(20, 230), int(tweet_id[-6:]),
                              reply))
        extra = {"in_reply_to_status_id_str": "1", "in_reply_to_screen_name": reply} \
            if reply else {}
        self.tweet(tweet_id, when, text, extra)
        self.archive.expected[tweet_id] = text.final

    def long_thread(self, when: datetime) -> None:
        """Two to four long posts in one second, each with its note; one in three
        names its note (the shape of newer tools), the others are found by text."""
        stamp = when.strftime("%Y-%m-%dT%H:%M:%S.000Z")
        for _ in range(self.rng.randrange(2, 5)):
            tweet_id = self.new_id()
            pieces = compose(self.rng, self.rng.randrange(LONG, 900), int(tweet_id[-6:]))
            whole = render(pieces)
            note_id = str(int(tweet_id) + 7)
            self.archive.notes.append({"noteTweet": {
                "noteTweetId": note_id, "createdAt": stamp, "updatedAt": stamp,
                "core": {"text": whole.escaped, "styletags": [], **whole.note_entities}}})
            extra = {"note_tweet": {"noteTweetId": note_id}} if self.rng.random() < 0.33 else {}
            self.tweet(tweet_id, when, self.cut(pieces, tweet_id), extra)
            self.archive.expected[tweet_id] = whole.final

    def cut(self, pieces: list[Piece], tweet_id: str) -> Text:
        """The tweet of a long post: its first pieces (up to 250 characters, ending on
        a word), ``…`` and a link to itself, as Twitter cuts it."""
        count, size = 0, 0
        while count < len(pieces) and size + shown_length(pieces[count]) <= 250:
            size += shown_length(pieces[count])
            count += 1
        while count > 1 and pieces[count - 1][0] == "plain" and pieces[count - 1][1] in " \n":
            count -= 1
        text = render(pieces[:count])
        text.plain("… ")
        short = f"https://t.co/W{tweet_id[-9:]}"
        text._entity("urls", short, {
            "url": short, "expanded_url": f"https://twitter.com/i/web/status/{tweet_id}",
            "display_url": "twitter.com/i/web/status/1…"})
        return text

    def edited(self, when: datetime) -> None:
        """An original and one or two corrections, all in the archive, chained by
        ``edit_info``; only the last must be imported, under the original's id."""
        ids = [self.new_id() for _ in range(self.rng.randrange(2, 4))]
        pieces = compose(self.rng, self.rng.randrange(30, 200), int(ids[0][-6:]))
        for number, tweet_id in enumerate(ids):
            text = render([("plain", f"[v{number + 1}] "), *pieces])
            info = ({"initial": {"editTweetIds": ids, "editableUntil": "",
                                 "editsRemaining": str(5 - len(ids)), "isEditEligible": True}}
                    if number == 0 else
                    {"edit": {"initialTweetId": ids[0],
                              "editControlInitial": {"editTweetIds": ids}}})
            self.tweet(tweet_id, when + timedelta(minutes=number), text, {"edit_info": info})
            if number == len(ids) - 1:
                self.archive.expected[ids[0]] = text.final

    def with_media(self, when: datetime) -> None:
        tweet_id = self.new_id()
        text = render(compose(self.rng, self.rng.randrange(10, 200), int(tweet_id[-6:])))
        kind = self.rng.choice(("video", "video", "animated_gif", "photo"))
        name = f"M{tweet_id[-8:]}"
        start = len(text.escaped) + 1
        link = f"https://t.co/P{tweet_id[-9:]}"
        item: dict[str, Any] = {
            "type": kind, "id_str": tweet_id[:-2] + "99", "url": link,
            "indices": [str(start), str(start + len(link))],
            "display_url": "pic.twitter.com/x", "sizes": {"large": {"w": "1280", "h": "720"}},
            "expanded_url": f"https://twitter.com/{HANDLE}/status/{tweet_id}/video/1",
            "media_url_https": f"https://pbs.twimg.com/media/{name}.jpg"}
        media = f"data/tweets_media/{tweet_id}-"
        if kind == "photo":
            self.archive.files[media + f"{name}.jpg"] = self.still
        else:
            item["video_info"] = {"variants": [
                {"bitrate": "832000", "content_type": "video/mp4",
                 "url": f"https://video.twimg.com/v/vid/640x360/{name}.mp4?tag=12"}]}
            self.archive.files[media + f"{name}.mp4"] = MP4 + tweet_id.encode()
            if self.rng.random() < 0.5:
                self.archive.files[media + f"{name}.jpg"] = self.still
        escaped, entities = text.escaped + " " + link, dict(text.entities)
        entities["media"] = [item]
        tweet = self.tweet(tweet_id, when, text, {"extended_entities": {"media": [item]}})
        tweet["full_text"], tweet["entities"] = escaped, entities
        tweet["display_text_range"] = ["0", str(len(text.escaped))]
        self.archive.expected[tweet_id] = text.final
        self.archive.media[tweet_id] = [{"animated_gif": "gif"}.get(kind, kind)]

    def retweet(self, when: datetime) -> None:
        text = Text()
        text.plain("RT ")
        text.mention(self.rng.choice(PEOPLE))
        text.plain(": " + " ".join(self.rng.choice(WORDS) for _ in range(12))[:100] + "…")
        self.tweet(self.new_id(), when, text)  # not a post of the account: not expected

    def make(self, count: int) -> Archive:
        while len(self.archive.tweets) < count:
            self.clock += timedelta(seconds=self.rng.randrange(1, 12))
            roll = self.rng.random()
            if roll < 0.06:
                self.long_thread(self.clock)
            elif roll < 0.10:
                self.edited(self.clock)
            elif roll < 0.16:
                self.with_media(self.clock)
            elif roll < 0.18:
                self.retweet(self.clock)
            else:
                self.short(self.clock)
        return self.archive


def write_archive(target: Path, tweets: int = 3000, seed: int = 15,
                  day: date = date(2013, 4, 19)) -> Archive:
    """Write an archive folder of about ``tweets`` tweets; return what it holds."""
    archive = Maker(seed, day).make(tweets)
    data = target / "data"
    data.mkdir(parents=True, exist_ok=True)
    half = len(archive.tweets) // 2
    parts = [("tweets.js", "YTD.tweets.part0", archive.tweets[:half]),
             ("tweets-part1.js", "YTD.tweets.part1", archive.tweets[half:]),
             ("note-tweet.js", "YTD.note_tweet.part0", archive.notes)]
    for name, global_name, items in parts:
        (data / name).write_text(f"window.{global_name} = "
                                 + json.dumps(items, ensure_ascii=False, indent=1),
                                 encoding="utf-8")
    manifest = {
        "userInfo": {"accountId": "42", "userName": HANDLE, "displayName": "La Flâneuse"},
        "dataTypes": {
            "tweets": {"mediaDirectory": "data/tweets_media", "files": [
                {"fileName": "data/tweets.js", "globalName": "YTD.tweets.part0",
                 "count": str(half)},
                {"fileName": "data/tweets-part1.js", "globalName": "YTD.tweets.part1",
                 "count": str(len(archive.tweets) - half)}]},
            "noteTweet": {"files": [{"fileName": "data/note-tweet.js",
                                     "globalName": "YTD.note_tweet.part0",
                                     "count": str(len(archive.notes))}]}}}
    (data / "manifest.js").write_text("window.__THAR_CONFIG = " + json.dumps(manifest, indent=1),
                                      encoding="utf-8")
    for name, content in archive.files.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return archive


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--tweets", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    archive = write_archive(args.out, args.tweets, args.seed)
    print(f"{args.out}: {len(archive.tweets)} tweets, {len(archive.notes)} long texts, "
          f"{len(archive.expected)} posts to import, {len(archive.files)} media files")


if __name__ == "__main__":
    main()
