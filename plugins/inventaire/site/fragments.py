"""Parts of the pages that many pages share, rendered once per build.

Every page of the site has the same header, footer and head links but for its
``SITEURL`` (its folder's depth, when addresses are relative) and the menu entry of
its own section: at 10,000 posts, rendering them again for each page was about a
tenth of the rendering. The theme writes them as macros of a template it imports
without the page's context (``_frame.html``): such a macro sees its arguments alone,
with the environment's filters and globals, so its text is fixed by them. The
``une_fois`` filter — ``{{ frame.site_header|une_fois(SITEURL, …) }}`` — renders a
macro once per build and set of arguments, and gives the same text every other time.

The texts are kept in the build's shared context (:func:`begin`, before the first
page): no build sees another's, and each render worker fills its own. The key holds
each argument's type and value, and the objects an argument holds by themselves (a
list of pages: the pages, whose title and address do not change while the build
renders). An argument that cannot be part of a key (anything unhashable but a list)
renders the macro every time; so does a render outside a build (the book's, a test's).
"""

from __future__ import annotations

from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

FRAGMENTS = "inventaire_fragments"  # the shared context's key: {key: text}


def begin(context: dict[str, Any]) -> None:
    """``all_generators_finalized`` (:func:`.workers.start`): no text kept yet."""
    context[FRAGMENTS] = {}


def keyed(value: Any) -> Any:
    """An argument as part of a key: its type with its value, a list's items one by
    one (``1``, ``True`` and ``"1"``, or a string and the same markup, print apart)."""
    if isinstance(value, list | tuple):
        return type(value), tuple(keyed(item) for item in value)
    return type(value), value


@pass_context
def une_fois(context: Context, macro: Any, *arguments: Any) -> Any:
    """``{{ macro|une_fois(a, b) }}``: ``macro(a, b)``, rendered once per build."""
    kept = context.get(FRAGMENTS)
    if not isinstance(kept, dict):
        return macro(*arguments)
    try:
        key = (macro, *(keyed(argument) for argument in arguments))
        text = kept.get(key)
    except TypeError:  # unhashable
        return macro(*arguments)
    if text is None:
        text = kept[key] = macro(*arguments)
    return text
