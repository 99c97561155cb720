"""The import's check of addresses: the quick test for plain http(s) addresses keeps
exactly what :func:`safe_url` keeps, and refuses nothing it would keep."""

from __future__ import annotations

from inventaire.core.text.render import safe_url
from inventaire.importer.curation.identity import _PLAIN_HTTP, _safe

ADDRESSES = [
    "https://t.co/abc", "http://example.org", "https://twitter.com/a/status/1?s=20#x",
    "HTTPS://EXAMPLE.ORG/", "https://example.org:8080/a", "https://[::1]/", "https://[::1/",
    "https:///path", "https://", "http:/x", "javascript:alert(1)", " javascript:x",
    "data:text/html,<b>", "file:///etc/passwd", "ftp://example.org", "//example.org/x",
    "https://exa mple.org", "https://example.org/a b", "https://exämple.org/",
    "https://example.org/\u00e9", "https://example.org\t/x", " https://example.org ",
    "https://user:pw@example.org/", "https://example.org/%0a", "https://-/", "https://./",
    "https://example.org/[x]", "https://example.org/?q=<script>", "",
]


def test_quick_check_agrees_with_safe_url() -> None:
    for address in ADDRESSES:
        assert _safe(address) == bool(safe_url(address)), address
        if _PLAIN_HTTP.fullmatch(address):  # taken without parsing: safe_url agrees
            assert safe_url(address), address
    assert _PLAIN_HTTP.fullmatch("https://t.co/abc")  # the usual case takes the quick way
