"""Find URLs in plain text by Twitter's rules (twitter-text's ``extractUrls``).

A URL is ``[http(s)://]domain[:port][/path][?query]`` where the domain must end in a
known TLD (``twitter_tlds.yml``, a copy of twitter-text's ``tld_lib.yml``), the
path may hold balanced parentheses but not end in punctuation, and a URL without a
scheme is only taken for its ASCII domain(s). These are our own Python statements
of the rules in ``twitter/twitter-text`` (Apache-2.0, copyright 2011 Twitter, Inc.),
checked by its conformance suite in ``tests/conformance/twitter-text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from inventaire.core.text import twitter_regex as rx

MAX_URL_LENGTH = 4096
MAX_TCO_SLUG_LENGTH = 40
CYRILLIC = "\u0400-\u04ff"


@dataclass(frozen=True)
class UrlPatterns:
    url: re.Pattern[str]
    ascii_domain: re.Pattern[str]
    tco: re.Pattern[str]
    bad_before_bare_domain: re.Pattern[str]


def _tld_alternation(tlds: list[str]) -> str:
    """The TLDs as a prefix tree (``c(?:o(?:m|op)?|at)``...).

    A flat 1,600-way alternation is tried name by name at every candidate dot, which
    made crafted input such as ``a.a.a.…`` take minutes; a tree costs a few steps.
    """
    trie: dict[str, Any] = {}
    for tld in {t.lower() for t in tlds}:
        node = trie
        for char in tld:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, Any]) -> str:
    ends_here = "" in node
    branches = [
        re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        # Optional continuation, greedy: "com" before "co"; the look-ahead after the
        # TLD makes the regex backtrack to the shorter name when needed.
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body


@cache
def url_patterns() -> UrlPatterns:
    """Compile once, on first use (the TLD list has some 1,600 names)."""
    text = resources.files("inventaire.core.text").joinpath("twitter_tlds.yml").read_text("utf-8")
    tlds = yaml.safe_load(text)
    after_tld = r"(?=[^a-zA-Z0-9@+-]|\Z)"
    tld = (
        f"(?i:(?:{_tld_alternation(tlds['generic'])}){after_tld}"
        f"|(?:{_tld_alternation(tlds['country'])}){after_tld}"
        f"|xn--[-0-9a-z]+)"
    )
    # A domain character is anything but punctuation, space, or invisible marks.
    domain_char = f"[^{rx.PUNCT}{rx.SPACES}{rx.INVALID_CHARS}{rx.DIRECTIONAL_MARKERS}]"
    subdomain = f"(?:(?:{domain_char}(?:[_-]|{domain_char})*)?{domain_char}\\.)"
    domain_name = f"(?:(?:{domain_char}(?:-|{domain_char})*)?{domain_char}\\.)"
    domain = f"(?:{subdomain}*{domain_name}{tld})"
    path_char = f"[a-zA-Z{CYRILLIC}0-9!*';:=+,.$/%#\\[\\]\\-\u2013_~@|&{rx.LATIN_ACCENTS}]"
    parens = f"\\((?:{path_char}+|(?:{path_char}*\\({path_char}+\\){path_char}*))\\)"
    path_end = f"(?:[+\\-a-zA-Z{CYRILLIC}0-9=_#/{rx.LATIN_ACCENTS}]|{parens})"
    path = f"(?:(?:{path_char}*(?:{parens}{path_char}*)*{path_end})|(?:@{path_char}+/))"
    query_char = r"[a-zA-Z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]"
    query_end = r"[a-zA-Z0-9\-_&=#/]"
    query = f"(?:\\?{query_char}*{query_end})"
    before = f"(?:[^A-Za-z0-9@\uff20$#\uff03{rx.INVALID_CHARS}]|[{rx.DIRECTIONAL_MARKERS}]|^)"
    url = re.compile(
        f"({before})"  # 1: the character before, consumed
        f"((?i:(https?://))?"  # 2: the URL; 3: its scheme
        f"({domain})"  # 4: domain
        f"(?::[0-9]+)?"  # port
        f"(/{path}*)?"  # 5: path
        f"{query}?)"
    )
    return UrlPatterns(
        url=url,
        ascii_domain=re.compile(f"(?:[-a-zA-Z0-9{rx.LATIN_ACCENTS}]+\\.)+{tld}"),
        tco=re.compile(f"(?i:https?://t\\.co/)([a-zA-Z0-9]+){query}?"),
        bad_before_bare_domain=re.compile(r"[-_./]\Z"),
    )


MAX_RUN = 1000
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


def _blank_if_dotted(match: re.Match[str]) -> str:
    run = match.group()
    if len(run) > MAX_URL_LENGTH or run.count(".") * 20 > len(run):
        return " " * len(run)
    return run


def extract_urls_with_indices(text: str, without_protocol: bool = True) -> list[dict[str, Any]]:
    """``[{"url", "indices"}]`` in order; ``without_protocol`` also finds ``example.com``."""
    if not text or ("." not in text if without_protocol else ":" not in text):
        return []
    # The URL pattern backtracks quadratically on long runs of dotted labels such as
    # "a.a.a.…" (hostile text). Such a run (over MAX_RUN characters and mostly dots) is
    # not a URL anyone typed, so it is blanked out (same length: indices hold).
    text = _LONG_RUN.sub(_blank_if_dotted, text)
    pats = url_patterns()
    urls: list[dict[str, Any]] = []
    for match in pats.url.finditer(text):
        before, url, scheme, domain, path = match.groups()
        start, end = match.start(2), match.end(2)
        if not _short_enough(url, scheme or "https://", domain):
            continue
        if scheme:
            tco = pats.tco.match(url)
            if tco:
                if len(tco.group(1)) > MAX_TCO_SLUG_LENGTH:
                    continue
                url = tco.group(0)
                end = start + len(url)
            urls.append({"url": url, "indices": [start, end]})
            continue
        # Without a scheme: only ASCII domains, and not after ``-_./`` (file.name).
        if not without_protocol or pats.bad_before_bare_domain.search(before):
            continue
        last: dict[str, Any] | None = None
        for ascii_match in pats.ascii_domain.finditer(domain):
            last = {
                "url": ascii_match.group(0),
                "indices": [start + ascii_match.start(), start + ascii_match.end()],
            }
            urls.append(last)
        if last is not None and path:
            last["url"] = url.replace(domain, last["url"], 1)
            last["indices"][1] = end
    return urls


def _short_enough(url: str, scheme: str, domain: str) -> bool:
    """The punycoded URL must be a valid IDN and fit in 4096 characters."""
    try:
        ascii_domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    if not ascii_domain:
        return False
    return len(scheme) + len(url) + len(ascii_domain) - len(domain) <= MAX_URL_LENGTH
