"""The imprint (« achevé d'imprimer », ISBN, legal deposit, print run): the lines a
publisher owes the printer and the Bibliothèque nationale, from the BOOK_* settings.

A setting left empty leaves its line out: an imprint never prints « ISBN : » with
nothing after it. The ISBN is checked here, once, so that a mistyped number stops
the build with the setting's name and the fix rather than reaching the printer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from inventaire.core import settings as inventaire_settings
from inventaire.core.text.typography import format_number, french_spacing


class ImprintError(ValueError):
    """A wrong imprint setting: its name, value and fix; :mod:`.edition` reports it as
    a :class:`~inventaire.book.edition.BookSettingError` (this module is imported by
    that one, so it cannot raise it itself)."""

    def __init__(self, name: str, value: Any, fix: str) -> None:
        super().__init__(name, value, fix)
        self.name, self.value, self.fix = name, value, fix


def isbn13_check_digit(first12: str) -> int:
    """The ISBN-13 (EAN-13) check digit of twelve digits: weights 1, 3, 1, 3…"""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return (10 - total % 10) % 10


def check_isbn(value: str) -> str:
    """The ISBN as written (hyphens or spaces kept), when it is a valid ISBN-13."""
    text = value.strip()
    digits = re.sub(r"[\s-]", "", text)
    if not re.fullmatch(r"97[89]\d{10}", digits):
        raise ImprintError("BOOK_ISBN", value, "write the 13 digits of an ISBN-13, "
                           "starting with 978 or 979, e.g. '978-2-07-036822-8'")
    expected = isbn13_check_digit(digits[:12])
    if int(digits[12]) != expected:
        raise ImprintError("BOOK_ISBN", value, f"its check digit should be {expected}, "
                           "not " + digits[12] + ": copy the number the ISBN agency gave")
    return text


@dataclass(frozen=True)
class Imprint:
    """The imprint's lines; an empty field prints nothing."""

    isbn: str = ""
    depot_legal: str = ""
    printer: str = ""
    paper: str = ""
    print_run: int = 0
    price: str = ""  # under the back cover's barcode (BOOK_PRICE), e.g. « 12 € »

    @property
    def print_run_label(self) -> str:
        """« 500 » with French grouping (« 1 000 »)."""
        return format_number(self.print_run) if self.print_run else ""

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> Imprint:
        def text(name: str) -> str:
            return french_spacing(str(inventaire_settings.get(settings, name) or "").strip())

        raw_run = inventaire_settings.get(settings, "BOOK_PRINT_RUN") or 0
        try:
            run = int(raw_run)
        except (TypeError, ValueError):
            raise ImprintError("BOOK_PRINT_RUN", raw_run,
                               "write the number of copies, e.g. 500") from None
        if run < 0:
            raise ImprintError("BOOK_PRINT_RUN", raw_run, "write the number of copies, e.g. 500")
        isbn = str(inventaire_settings.get(settings, "BOOK_ISBN") or "")
        return cls(isbn=check_isbn(isbn) if isbn.strip() else "",
                   depot_legal=text("BOOK_DEPOT_LEGAL"), printer=text("BOOK_PRINTER"),
                   paper=text("BOOK_PAPER"), print_run=run, price=text("BOOK_PRICE"))
