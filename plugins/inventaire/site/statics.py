"""What Pelican may publish of the files an editors' page names (issue 18, finding 6).

Pelican's linker publishes every file a page names with ``{static}`` or ``{attach}``
(its ``static_links``), wherever it lies, under its path relative to ``content/``:
``{static}../../x`` is written *outside* the output folder, ``{static}/sources/…``
publishes the raw exports. The reader already drops such links from the editors'
Markdown with a warning (:class:`inventaire.core.editorlinks.StaticLinks`); this is
the wall behind it, for every page whatever its reader (Pelican also reads
``.html`` pages): once the static generator has its list (its public
``static_generator_finalized`` signal), a file is left out when

* it would be written outside the output folder, or read from outside ``content/``;
* it is there only because a page linked it (not through the project's
  ``STATIC_PATHS``) and it is not a file of ``content/pages/`` or ``content/media/``
  that no post names (:func:`inventaire.core.editorlinks.static_refusal`).

Only public names are used: the generator's ``staticfiles``, ``get_files``,
``settings``, ``output_path`` and ``path``; a file's ``source_path``,
``get_relative_source_path`` and ``get_url_setting`` (reading ``save_as`` itself
would stop ``{attach}`` from moving the file beside its page).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from inventaire.core.editorlinks import post_media_files, static_refusal

logger = logging.getLogger(__name__)


def guard(generator: Any) -> None:
    """``static_generator_finalized``: leave out the files Pelican must not publish."""
    content = Path(generator.path).resolve()
    output = Path(generator.output_path).resolve()
    settings = generator.settings
    configured = generator.get_files(settings.get("STATIC_PATHS") or [],
                                     exclude=settings.get("STATIC_EXCLUDES") or [],
                                     extensions=False)
    media: set[Path] | None = None

    def post_media() -> set[Path]:
        nonlocal media
        if media is None:
            media = post_media_files(content)
        return media

    kept = []
    for static in generator.staticfiles:
        source = Path(static.source_path).resolve()
        destination = (output / str(static.get_url_setting("save_as"))).resolve()
        why = ""
        if not destination.is_relative_to(output):
            why = "it would be written outside the output folder"
        elif not source.is_relative_to(content):
            why = "it is outside content/"
        elif static.get_relative_source_path() not in configured:
            why = static_refusal(source, content, post_media)
        if why:
            logger.warning("%s: a page links it with {static} or {attach}, but %s — the "
                           "site leaves it out (inventaire check names the page and line)",
                           static.get_relative_source_path(), why)
            continue
        kept.append(static)
    generator.staticfiles[:] = kept
