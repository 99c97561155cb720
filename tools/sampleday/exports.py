"""The raw exports of the day, derived from the tweets: twarc2 JSONL and an archive.

Both are written the way the real tools write them (docs/formats.md, « Twitter API
v2 and twarc2 » and « Twitter archive »): twarc2 keeps one API response page per line,
newest first; the archive is ``window.YTD.tweets.part0 = [...]`` with every number as
a string.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from .authors import Author
from .tweets import Span, Tweet, export_text

PAGE_SIZE = 100
PARIS_PLACE = {
    "id": "5e5a1f0c2b3d4a69", "full_name": "Paris, France", "name": "Paris",
    "country": "France", "country_code": "FR", "place_type": "city",
    "geo": {"type": "Feature", "bbox": [2.224122, 48.815574, 2.469703, 48.902156],
            "properties": {}},
}
SEARCH_URL = ("https://api.twitter.com/2/tweets/search/all?query=%23jdtap"
              "&start_time=2013-04-18T21%3A00%3A00Z&end_time=2013-04-19T23%3A00%3A00Z"
              "&max_results=100")


def v2_entities(spans: list[Span], authors: dict[str, Author]) -> dict[str, Any]:
    entities: dict[str, list[dict[str, Any]]] = {}
    for span in spans:
        if span.kind == "hashtag":
            entities.setdefault("hashtags", []).append(
                {"start": span.start, "end": span.end, "tag": span.value})
        elif span.kind == "mention":
            entities.setdefault("mentions", []).append(
                {"start": span.start, "end": span.end, "username": span.value,
                 "id": authors[span.value].user_id})
        else:
            item: dict[str, Any] = {"start": span.start, "end": span.end, "url": span.tco,
                                    "expanded_url": span.value, "display_url": span.display}
            if span.kind == "media":
                item["expanded_url"] = f"{span.display}"
                item["media_key"] = span.value
            entities.setdefault("urls", []).append(item)
    return entities


def v2_tweet(tweet: Tweet, authors: dict[str, Author], metrics: dict[str, dict[str, int]]
             ) -> dict[str, Any]:
    """One tweet object as API v2 returns it (null fields left out, ids as strings)."""
    text, spans = export_text(tweet)
    for index, span in enumerate(spans):
        if span.kind == "media":
            spans[index] = Span("media", span.start, span.end, span.value,
                                f"https://twitter.com/{tweet.author}/status/{tweet.id}/photo/1",
                                span.tco)
    entities = v2_entities(spans, authors)
    if "urls" in entities:
        for item in entities["urls"]:
            if "media_key" in item:
                item["display_url"] = "pic.twitter.com/" + item["url"].rsplit("/", 1)[1]
    data: dict[str, Any] = {
        "id": tweet.id,
        "text": text,
        "author_id": authors[tweet.author].user_id,
        "conversation_id": conversation(tweet).id,
        "created_at": tweet.created_at,
        "edit_history_tweet_ids": [tweet.id],
        "lang": "fr",
        "possibly_sensitive": False,
        "reply_settings": "everyone",
        "source": tweet.source,
        "public_metrics": metrics.get(tweet.id, {"retweet_count": 0, "reply_count": 0,
                                                 "like_count": 0, "quote_count": 0}),
    }
    if entities:
        data["entities"] = entities
    if tweet.photos:
        data["attachments"] = {"media_keys": [p.media_key for p in tweet.photos]}
    if tweet.ref is not None:
        kind = {"retweet": "retweeted", "reply": "replied_to", "quote": "quoted"}[tweet.kind]
        data["referenced_tweets"] = [{"type": kind, "id": tweet.ref.id}]
        if tweet.kind == "reply":
            data["in_reply_to_user_id"] = authors[tweet.ref.author].user_id
    if tweet.coordinates is not None and tweet.kind != "retweet":
        lat, lon = tweet.coordinates
        data["geo"] = {"place_id": PARIS_PLACE["id"],
                       "coordinates": {"type": "Point", "coordinates": [lon, lat]}}
    return data


def conversation(tweet: Tweet) -> Tweet:
    root = tweet
    while root.kind == "reply" and root.ref is not None:
        root = root.ref
    return root


def public_metrics(tweets: list[Tweet]) -> dict[str, dict[str, int]]:
    counts = {t.id: {"retweet_count": 0, "reply_count": 0, "like_count": t.likes,
                     "quote_count": 0} for t in tweets}
    field = {"retweet": "retweet_count", "reply": "reply_count", "quote": "quote_count"}
    for tweet in tweets:
        if tweet.ref is not None and tweet.ref.id in counts:
            counts[tweet.ref.id][field[tweet.kind]] += 1
    for tweet in tweets:
        if tweet.kind == "retweet":
            counts[tweet.id] = {"retweet_count": 0, "reply_count": 0, "like_count": 0,
                                "quote_count": 0}
    return counts


def user(author: Author) -> dict[str, Any]:
    return {"id": author.user_id, "name": author.name, "username": author.handle,
            "protected": False, "verified": False}


def twarc_lines(tweets: list[Tweet], authors: dict[str, Author]) -> list[str]:
    """The search as twarc2 saves it: pages of up to 100 tweets, newest first."""
    metrics = public_metrics(tweets)
    newest_first = sorted(tweets, key=lambda t: int(t.id), reverse=True)
    lines = []
    pages = [newest_first[i:i + PAGE_SIZE] for i in range(0, len(newest_first), PAGE_SIZE)]
    for number, page in enumerate(pages):
        handles: dict[str, None] = {}
        referenced: dict[str, Tweet] = {}
        for tweet in page:
            handles[tweet.author] = None
            for span in export_text(tweet)[1]:
                if span.kind == "mention":
                    handles[span.value] = None
            if tweet.ref is not None:
                referenced[tweet.ref.id] = tweet.ref
                handles[tweet.ref.author] = None
        includes: dict[str, Any] = {"users": [user(authors[h]) for h in handles]}
        if referenced:
            includes["tweets"] = [v2_tweet(t, authors, metrics) for t in referenced.values()]
        media = [p for t in page for p in t.photos]
        if media:
            includes["media"] = [
                {"media_key": p.media_key, "type": "photo", "width": p.width,
                 "height": p.height, "url": f"https://pbs.twimg.com/media/{p.name}.jpg",
                 "alt_text": p.alt} for p in media]
        if any(t.coordinates is not None and t.kind != "retweet" for t in page):
            includes["places"] = [PARIS_PLACE]
        meta: dict[str, Any] = {"newest_id": page[0].id, "oldest_id": page[-1].id,
                                "result_count": len(page)}
        if number + 1 < len(pages):
            meta["next_token"] = f"b26v89c19zqg8o3fr{number + 1:03d}qf6xzsbn9yxhj1rv8b"
        url = SEARCH_URL if number == 0 else f"{SEARCH_URL}&next_token={meta_token(number)}"
        retrieved = f"2023-02-10T09:{12 + number // 6:02d}:{(number * 9) % 60:02d}+00:00"
        line = {"data": [v2_tweet(t, authors, metrics) for t in page], "includes": includes,
                "meta": meta, "__twarc": {"url": url, "version": "2.14.0",
                                          "retrieved_at": retrieved}}
        lines.append(json.dumps(line, ensure_ascii=False))
    return lines


def meta_token(number: int) -> str:
    return f"b26v89c19zqg8o3fr{number:03d}qf6xzsbn9yxhj1rv8b"


def archive_tweet(tweet: Tweet, authors: dict[str, Author], likes: int, retweets: int
                  ) -> dict[str, Any]:
    """One ``{"tweet": …}`` item of ``data/tweets.js``: v1.1 shape, numbers as strings."""
    text, spans = export_text(tweet)
    hashtags, mentions, urls, media = [], [], [], []
    for span in spans:
        indices = [str(span.start), str(span.end)]
        if span.kind == "hashtag":
            hashtags.append({"text": span.value, "indices": indices})
        elif span.kind == "mention":
            author = authors[span.value]
            mentions.append({"name": author.name, "screen_name": author.handle,
                             "indices": indices, "id_str": author.user_id,
                             "id": author.user_id})
        elif span.kind == "url":
            urls.append({"url": span.tco, "expanded_url": span.value,
                         "display_url": span.display, "indices": indices})
        else:
            photo = tweet.photos[0]
            media.append({
                "expanded_url": f"https://twitter.com/{tweet.author}/status/{tweet.id}/photo/1",
                "indices": indices, "url": span.tco,
                "media_url": f"http://pbs.twimg.com/media/{photo.name}.jpg",
                "id_str": photo.media_id, "id": photo.media_id,
                "media_url_https": f"https://pbs.twimg.com/media/{photo.name}.jpg",
                "sizes": {"thumb": {"w": "150", "h": "150", "resize": "crop"},
                          "large": {"w": str(photo.width), "h": str(photo.height),
                                    "resize": "fit"},
                          "small": {"w": "680", "h": "453", "resize": "fit"},
                          "medium": {"w": "1200", "h": "800", "resize": "fit"}},
                "type": "photo", "display_url": span.display})
    shown = spans[-1].start - 1 if media else len(text)
    entities: dict[str, Any] = {"hashtags": hashtags, "symbols": [],
                                "user_mentions": mentions, "urls": urls}
    if media:
        entities["media"] = media
    editable = (tweet.date + timedelta(minutes=30)).astimezone(tweet.date.tzinfo)
    item: dict[str, Any] = {
        "edit_info": {"initial": {"editTweetIds": [tweet.id],
                                  "editableUntil": Tweet(tweet.id, "", editable, []).created_at,
                                  "editsRemaining": "5", "isEditEligible": True}},
        "retweeted": False,
        "source": '<a href="https://about.twitter.com/products/tweetdeck" rel="nofollow">'
                  "TweetDeck</a>",
        "entities": entities,
        "display_text_range": ["0", str(shown)],
        "favorite_count": str(likes),
        "id_str": tweet.id,
        "truncated": False,
        "retweet_count": str(retweets),
        "id": tweet.id,
        "created_at": tweet.created_at_v1,
        "favorited": False,
        "full_text": text,
        "lang": "fr",
    }
    if media:
        item["possibly_sensitive"] = False
        item["extended_entities"] = {"media": media}
    if tweet.kind == "reply" and tweet.ref is not None:
        target = authors[tweet.ref.author]
        item["in_reply_to_status_id_str"] = tweet.ref.id
        item["in_reply_to_status_id"] = tweet.ref.id
        item["in_reply_to_user_id"] = target.user_id
        item["in_reply_to_user_id_str"] = target.user_id
        item["in_reply_to_screen_name"] = target.handle
    return {"tweet": item}


def js_assignment(name: str, items: list[Any]) -> str:
    """``window.YTD.<name>.part0 = [ … ]`` pretty-printed like Twitter's archives."""
    body = json.dumps(items, ensure_ascii=False, indent=2, separators=(",", " : "))
    return f"window.YTD.{name}.part0 = {body}"


def manifest(city: Author, tweet_count: int, size: int) -> str:
    config = {
        "userInfo": {"accountId": city.user_id, "userName": city.handle,
                     "displayName": city.name},
        "archiveInfo": {"sizeBytes": str(size), "generationDate": "2023-02-11T10:04:31.000Z",
                        "isPartialArchive": False, "maxPartSizeBytes": "53687091200"},
        "readmeInfo": {"fileName": "data/README.txt", "directory": "data/",
                       "name": "README.txt"},
        "dataTypes": {
            "account": {"files": [{"fileName": "data/account.js",
                                   "globalName": "YTD.account.part0", "count": "1"}]},
            "tweets": {"mediaDirectory": "data/tweets_media",
                       "files": [{"fileName": "data/tweets.js",
                                  "globalName": "YTD.tweets.part0",
                                  "count": str(tweet_count)}]},
        },
    }
    body = json.dumps(config, ensure_ascii=False, indent=2, separators=(",", " : "))
    return f"window.__THAR_CONFIG = {body}"


def account(city: Author) -> str:
    item = {"account": {"email": "bonjour@jdtap.example", "createdVia": "web",
                        "username": city.handle, "accountId": city.user_id,
                        "createdAt": "2013-03-27T10:12:45.000Z",
                        "accountDisplayName": city.name}}
    return js_assignment("account", [item])
