"""Network errors waited out, rate limits honoured: one policy for every live source.

A source call that fails for a reason that passes (the network, a 5xx, a 429) is
tried again: after the time the server asked for (``Retry-After``, or the reset of
its rate-limit window), else after an exponential backoff (2, 4, 8… s, capped). A
call that still fails after the last try raises :class:`SourceUnavailable`: that
source's pass stops there, its cursor unchanged, and the next pass tries again; the
other sources go on. The clock and the sleep are parameters, so tests replay a 429
or a 500 without waiting.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")

# What a source's classifier answers for an error: seconds to wait (the server said),
# BACKOFF (wait by the policy), or None (not an error that passes: raised as it is).
BACKOFF = -1.0


class SourceUnavailable(Exception):
    """A source could not be read in this pass (after every try)."""


def retry_after(value: str | None, now: float) -> float | None:
    """Seconds from ``Retry-After`` (a number of seconds or an HTTP date), or None."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        return max(0.0, parsedate_to_datetime(text).timestamp() - now)
    except (TypeError, ValueError, IndexError):
        return None


def until_reset(reset: str | float | None, now: float) -> float | None:
    """Seconds until a rate-limit window resets: an epoch (``ratelimit-reset``) or an
    ISO date (Mastodon's ``X-RateLimit-Reset``)."""
    if reset is None or reset == "":
        return None
    try:
        value = float(reset)
    except (TypeError, ValueError):
        from datetime import datetime

        try:
            value = datetime.fromisoformat(str(reset).replace("Z", "+00:00")).timestamp()
        except ValueError:
            return None
    return max(0.0, value - now)


@dataclass
class Retry:
    """How many tries, how long between them, and with which clock."""

    attempts: int = 5
    base: float = 2.0
    cap: float = 300.0
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.time
    waited: list[float] = field(default_factory=list)  # what was slept, for the log

    def pause(self, seconds: float, why: str) -> None:
        """Wait ``seconds`` (capped), saying why."""
        seconds = min(max(0.0, seconds), self.cap)
        if seconds:
            logger.warning("live: %s; waiting %.0f s", why, seconds)
            self.waited.append(seconds)
            self.sleep(seconds)

    def call(self, what: str, function: Callable[[], T],
             classify: Callable[[BaseException], float | None]) -> T:
        """``function()``, tried again while ``classify`` says its error passes."""
        for attempt in range(1, self.attempts + 1):
            try:
                return function()
            except Exception as error:  # classify decides; anything else is raised
                wait = classify(error)
                if wait is None:
                    raise
                if attempt == self.attempts:
                    raise SourceUnavailable(f"{what}: {error or error.__class__.__name__} "
                                            f"(after {self.attempts} tries)") from None
                if wait == BACKOFF:
                    wait = self.base * 2 ** (attempt - 1)
                self.pause(wait, f"{what}: {error or error.__class__.__name__} "
                                 f"(try {attempt} of {self.attempts})")
        raise AssertionError("unreachable")
