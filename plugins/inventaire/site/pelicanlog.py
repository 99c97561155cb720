"""Pelican's memory of the messages already logged, forgotten when a build starts.

Pelican's loggers drop an info or warning message that was already logged once in
the process (``pelican.log.LimitFilter``): right within one build, wrong for the
next build in the same process — the preview's builder
(``commands/preview_worker.py``) or a test — where a problem still there must be
said again, and counted in the build's summary. Pelican offers no public way to
reset that memory; this module is the one place that reaches into it, for the
Pelican versions the project pins (``pelican>=4.12,<4.13``), with its own test
(``tests/test_pelicanlog.py``).
"""

from __future__ import annotations

from pelican.log import LimitFilter


def forget_logged_messages() -> None:
    """Let every message be said again (the ``LOG_FILTER`` setting still applies)."""
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
