"""Twitter's own conformance suite, read at test time, every case run.

The YAML files in ``tests/conformance/twitter-text`` are unmodified copies of
``twitter/twitter-text/conformance`` (Apache-2.0, see the README there). Each case
is one test, id ``file:section:description``. Cases we chose not to follow are
listed in ``NOT_FOLLOWED`` with the reason; they are strict xfails, so a fix makes
the suite fail until the entry is removed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from inventaire.core.text import twitter_autolink as al
from inventaire.core.text import twitter_text as tt

SUITE = Path(__file__).parent / "conformance" / "twitter-text"

# case id -> why we do not follow it.
NOT_FOLLOWED: dict[str, str] = {}


# libyaml's safe loader when PyYAML has it: the suite is read at every collection, by
# every test process, and the pure-Python loader takes ten times longer (same data).
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _ids_and_cases(filename: str) -> list[Any]:
    data = yaml.load((SUITE / filename).read_text(encoding="utf-8"), Loader=LOADER)
    seen: dict[str, int] = {}
    params: list[Any] = []
    for section, cases in data["tests"].items():
        for case in cases:
            case_id = f"{filename.removesuffix('.yml')}:{section}:{case['description']}"
            seen[case_id] = seen.get(case_id, 0) + 1
            if seen[case_id] > 1:
                case_id += f" #{seen[case_id]}"
            marks = []
            if case_id in NOT_FOLLOWED:
                marks.append(pytest.mark.xfail(reason=NOT_FOLLOWED[case_id], strict=True))
            params.append(pytest.param(section, case, id=case_id, marks=marks))
    return params


# --- extract.yml -------------------------------------------------------------------

EXTRACT: dict[str, Callable[[str], Any]] = {
    "mentions": tt.extract_mentioned_screen_names,
    "mentions_with_indices": tt.extract_mentioned_screen_names_with_indices,
    "mentions_or_lists_with_indices": tt.extract_mentions_or_lists_with_indices,
    "replies": tt.extract_reply_screen_name,
    "urls": tt.extract_urls,
    "urls_with_indices": tt.extract_urls_with_indices,
    "urls_with_directional_markers": tt.extract_urls_with_indices,
    "tco_urls_with_params": tt.extract_urls,
    "hashtags": tt.extract_hashtags,
    "hashtags_from_astral": tt.extract_hashtags,
    "hashtags_with_indices": tt.extract_hashtags_with_indices,
    "cashtags": tt.extract_cashtags,
    "cashtags_with_indices": tt.extract_cashtags_with_indices,
}


@pytest.mark.parametrize(("section", "case"), _ids_and_cases("extract.yml"))
def test_extract(section: str, case: dict[str, Any]) -> None:
    assert EXTRACT[section](case["text"]) == case["expected"]


# --- autolink.yml ------------------------------------------------------------------


class _Dom(HTMLParser):
    """Markup as a comparable list: tags with sorted attributes, and text runs.

    Upstream compares autolink output as DOM with attribute order ignored; this is
    the same comparison without a browser.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.nodes: list[Any] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.nodes.append(("start", tag, sorted(attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.nodes.append(("end", tag))

    def handle_data(self, data: str) -> None:
        if self.nodes and self.nodes[-1][0] == "text":
            self.nodes[-1] = ("text", self.nodes[-1][1] + data)
        else:
            self.nodes.append(("text", data))


def _dom(markup: str) -> list[Any]:
    parser = _Dom()
    parser.feed(markup)
    parser.close()
    return parser.nodes


AUTOLINK: dict[str, Callable[[str], str]] = {
    "usernames": al.autolink_usernames_or_lists,
    "lists": al.autolink_usernames_or_lists,
    "hashtags": al.autolink_hashtags,
    "urls": al.autolink_urls,
    "cashtags": al.autolink_cashtags,
    "all": al.autolink,
}


@pytest.mark.parametrize(("section", "case"), _ids_and_cases("autolink.yml"))
def test_autolink(section: str, case: dict[str, Any]) -> None:
    if section == "json":
        html = al.autolink_with_json(case["text"], json.loads(case["json"]))
    else:
        html = AUTOLINK[section](case["text"])
    assert _dom(html) == _dom(case["expected"])


# --- validate.yml ------------------------------------------------------------------

VALIDATE: dict[str, Callable[[str], bool]] = {
    # The suite's "tweets" cases predate 280 characters: the 140-character v1 rules.
    "tweets": lambda text: tt.parse_tweet(text, tt.CONFIG_V1).valid,
    "usernames": tt.is_valid_username,
    "lists": tt.is_valid_list,
    "hashtags": tt.is_valid_hashtag,
    "urls": tt.is_valid_url,
    "urls_without_protocol": lambda text: tt.is_valid_url(text, require_protocol=False),
}
LENGTH_CONFIGS = {
    "WeightedTweetsCounterTest": tt.CONFIG_V2,
    "WeightedTweetsWithDiscountedEmojiCounterTest": tt.CONFIG_V3,
    "UnicodeDirectionalMarkerCounterTest": tt.CONFIG_V3,
}


@pytest.mark.parametrize(("section", "case"), _ids_and_cases("validate.yml"))
def test_validate(section: str, case: dict[str, Any]) -> None:
    if section in LENGTH_CONFIGS:
        parsed = tt.parse_tweet(case["text"], LENGTH_CONFIGS[section])
        assert {
            "weightedLength": parsed.weighted_length,
            "valid": parsed.valid,
            "permillage": parsed.permillage,
            "displayRangeStart": parsed.display_range_start,
            "displayRangeEnd": parsed.display_range_end,
            "validRangeStart": parsed.valid_range_start,
            "validRangeEnd": parsed.valid_range_end,
        } == case["expected"]
    else:
        assert VALIDATE[section](case["text"]) is case["expected"]


# --- tlds.yml ----------------------------------------------------------------------


@pytest.mark.parametrize(("section", "case"), _ids_and_cases("tlds.yml"))
def test_tlds(section: str, case: dict[str, Any]) -> None:
    assert tt.extract_urls(case["text"]) == case["expected"]


def test_every_not_followed_entry_names_a_case() -> None:
    """A stale entry in ``NOT_FOLLOWED`` would silently stop meaning anything."""
    ids = {
        param.id
        for name in ("extract.yml", "autolink.yml", "validate.yml", "tlds.yml")
        for param in _ids_and_cases(name)
    }
    assert set(NOT_FOLLOWED) <= ids


# --- our own API on top of the rules -------------------------------------------------


def test_extract_entities_kinds_values_and_order() -> None:
    text = "RT @Mairie_Paris: #JDTAP à 19h, voir paris.fr/fete et https://t.co/abc $EUR"
    entities = tt.extract_entities(text)
    assert [(e.kind, e.value, e.display) for e in entities] == [
        ("mention", "Mairie_Paris", ""),
        ("hashtag", "JDTAP", ""),
        ("url", "http://paris.fr/fete", "paris.fr/fete"),
        ("url", "https://t.co/abc", "https://t.co/abc"),
        ("cashtag", "EUR", ""),
    ]
    assert [text[e.start : e.end] for e in entities] == [
        "@Mairie_Paris",
        "#JDTAP",
        "paris.fr/fete",
        "https://t.co/abc",
        "$EUR",
    ]


def test_extract_entities_list_becomes_mention_and_url_hides_fragment() -> None:
    text = "@jdtap/criers http://example.com/#answer"
    entities = tt.extract_entities(text)
    assert [(e.kind, e.start, e.end, e.value) for e in entities] == [
        ("mention", 0, 6, "jdtap"),
        ("url", 14, 40, "http://example.com/#answer"),
    ]


def test_extract_entities_mastodon_mode_skips_bare_domains() -> None:
    assert tt.extract_entities("voir paris.fr", urls_without_protocol=False) == []


def test_indices_are_code_points_after_astral_characters() -> None:
    text = "🧑‍🧑‍🧒 #fête @crieur"
    spans = [text[e.start : e.end] for e in tt.extract_entities(text)]
    assert spans == ["#fête", "@crieur"]


@pytest.mark.parametrize(
    "sequence",
    ["🧑‍🧑‍🧒", "🏳️‍⚧️", "🇫🇷", "👋🏿", "🫠"],  # all newer than or beyond Emoji 12 single points
)
def test_recent_emoji_sequences_weigh_two(sequence: str) -> None:
    assert tt.weighted_length(sequence) == 2
    assert tt.weighted_length("a" + sequence) == 3


def test_is_valid_tweet_counts_280() -> None:
    assert tt.is_valid_tweet("é" * 280)
    assert not tt.is_valid_tweet("é" * 281)
    assert not tt.is_valid_tweet("水" * 141)
    assert not tt.is_valid_tweet("")
