"""A printer's preflight of the built book: the PDFs read back, as a print shop would.

The book is laid out to meet a printer's rules (docs/print.md, « Print shops »), but
what reaches the printer is the PDF, so this reads the PDFs themselves, through
pypdf (boxes, fonts, colour spaces, metadata) and pdfplumber (where characters and
images are placed), and reports each problem with its file, page and fix:

- boxes: a TrimBox and a BleedBox on every page, the trim the settings' size, the
  media box the trim plus the bleed (``BOOK_TRIM``, ``BOOK_BLEED``);
- fonts embedded (a font the printer's RIP must substitute reflows the text) and
  subset;
- photographs at 300 ppi or more at their printed size (warning from 200, error under);
- colour: no RGB in the gray and cmyk editions; the cmyk edition's output intent;
- the page count a multiple of ``BOOK_SIGNATURE``; the cover's spine as wide as the
  interior's pages on ``BOOK_PAPER_THICKNESS_MM`` need;
- nothing but bleed within ``BOOK_SAFE_MARGIN`` of the trim: text and images inside
  the safe zone (an image that runs out to the bleed is a bleed element);
- no annotation or link on the print interior and the cover; a title and a language
  in every PDF;
- how full each page of the interior is (:mod:`.pagefill`), a page of the chapters
  under :data:`FILL_LEAST` flagged (but the day's last page and a page before a plate
  that opens the next one), and how many spreads end on the same line.

:func:`preflight` returns the problems; the command (``inventaire preflight``)
prints them and exits 1 on an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber
import pypdf
from pypdf.generic import DictionaryObject

from inventaire.book.edition import PT_PER_MM, BookEdition
from inventaire.book.pagefill import chapter_pages, fill_notes, read_fill, underfull

TOLERANCE_PT = 0.5  # what a box may differ from the settings' size
PPI_GOOD = 300  # effective resolution a printer wants for photographs
PPI_LEAST = 200  # under this the print shows pixels: an error
SPINE_TOLERANCE_MM = 0.5
SPINE_CLEARANCE_MM = 1.0  # the spine's text this far from each fold, at least
RGB_OPERATOR = re.compile(rb"(?<![A-Za-z])(rg|RG)(?![A-Za-z])")
FILL_LEAST = 0.35  # a page of the chapters less full than this reads as a printout


@dataclass(frozen=True)
class Problem:
    """One finding: ``error`` stops a printer, ``warning`` is worth a look."""

    severity: str  # "error" | "warning"
    file: str
    page: int  # 1-based; 0 for the whole file
    what: str
    fix: str

    def line(self) -> str:
        where = f"{self.file}: page {self.page}" if self.page else self.file
        return f"{where}: {self.severity}: {self.what} — {self.fix}"


@dataclass
class Report:
    problems: list[Problem]
    checked: list[str]  # the files read, with their page counts
    notes: list[str] = field(default_factory=list)  # how full the pages are

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def preflight(folder: Path, edition: BookEdition) -> Report:
    """Check the PDFs of the edition in ``folder`` (``livre.pdf``, ``couverture.pdf``,
    ``livre-ecran.pdf``, whichever are there) against ``edition``'s settings."""
    problems: list[Problem] = []
    checked: list[str] = []
    notes: list[str] = []
    interior_pages = 0
    livre = folder / "livre.pdf"
    if livre.is_file():
        reader = pypdf.PdfReader(livre)
        interior_pages = len(reader.pages)
        checked.append(f"livre.pdf ({interior_pages} pages)")
        problems += check_print(livre, reader, edition, cover=False)
        if interior_pages % edition.signature:
            missing = -interior_pages % edition.signature
            problems.append(Problem(
                "error", "livre.pdf", 0,
                f"{interior_pages} pages, not a multiple of {edition.signature} "
                "(BOOK_SIGNATURE)", f"add {missing} page(s): build the book again "
                "(it pads to the signature with « Notes du lecteur »)"))
        fill_problems, notes = check_fill(livre, edition, chapter_pages(folder))
        problems += fill_problems
    cover = folder / "couverture.pdf"
    if cover.is_file():
        reader = pypdf.PdfReader(cover)
        checked.append(f"couverture.pdf ({len(reader.pages)} page)")
        problems += check_print(cover, reader, edition, cover=True)
        if interior_pages:
            problems += check_spine(reader, edition, interior_pages)
            problems += check_spine_text(cover, edition, interior_pages)
    screen = folder / "livre-ecran.pdf"
    if screen.is_file():
        reader = pypdf.PdfReader(screen)
        checked.append(f"livre-ecran.pdf ({len(reader.pages)} pages)")
        problems += check_fonts(screen.name, reader) + check_metadata(screen.name, reader)
    return Report(problems, checked, notes)


def check_fill(path: Path, edition: BookEdition,
               chapters: tuple[int, int] | None) -> tuple[list[Problem], list[str]]:
    """How full each page is (notes), and a warning for each page of the chapters
    under :data:`FILL_LEAST` that no rule excuses (:func:`.pagefill.underfull`)."""
    fills = read_fill(path, edition.margins)
    notes = fill_notes(path.name, fills, chapters)
    if chapters is None:
        return [], notes
    return [Problem("warning", path.name, fill.number, f"the page is {fill.share:.0%} full",
                    "an hour that starts a new page leaves it so (BOOK_HOUR_NEW_PAGE = "
                    "False lets hours run on); else look at what follows it")
            for fill in underfull(fills, *chapters, least=FILL_LEAST)], notes


def check_print(path: Path, reader: pypdf.PdfReader, edition: BookEdition,
                cover: bool) -> list[Problem]:
    """Everything a printer checks on a file it prints (interior or cover)."""
    name = path.name
    problems = check_boxes(name, reader, edition, cover)
    problems += check_fonts(name, reader)
    problems += check_metadata(name, reader)
    problems += check_colour(name, reader, edition)
    for number, page in enumerate(reader.pages, start=1):
        if page.get("/Annots"):
            problems.append(Problem("error", name, number, "an annotation or a link",
                                    "print files carry none: build the book again "
                                    "(the print edition drops links)"))
    problems += check_placement(path, edition)
    return problems


def box_size(box: Any) -> tuple[float, float]:
    values = [float(v) for v in box]
    return values[2] - values[0], values[3] - values[1]


def check_boxes(name: str, reader: pypdf.PdfReader, edition: BookEdition,
                cover: bool) -> list[Problem]:
    """A TrimBox and a BleedBox on every page (pypdf's ``page.trimbox`` would fall
    back on the media box, so the keys are read), of the settings' sizes."""
    problems = []
    bleed = edition.bleed * PT_PER_MM
    for number, page in enumerate(reader.pages, start=1):
        missing = [key for key in ("/TrimBox", "/BleedBox") if key not in page]
        if missing:
            problems.append(Problem("error", name, number, f"no {' or '.join(missing)}",
                                    "a printer finds the trim from it: build the book "
                                    "again with WeasyPrint (BOOK_BLEED set)"))
            continue
        width, height = box_size(page["/TrimBox"])
        if not cover:
            want = (edition.trim[0] * PT_PER_MM, edition.trim[1] * PT_PER_MM)
            if abs(width - want[0]) > TOLERANCE_PT or abs(height - want[1]) > TOLERANCE_PT:
                problems.append(Problem(
                    "error", name, number,
                    f"trimmed to {width / PT_PER_MM:.1f} × {height / PT_PER_MM:.1f} mm, "
                    "not BOOK_TRIM's "
                    f"{edition.trim[0]:g} × {edition.trim[1]:g} mm",
                    "build the book again with the printer's trim size"))
        media = box_size(page.mediabox)
        bleed_box = box_size(page["/BleedBox"])
        if abs(media[0] - width - 2 * bleed) > TOLERANCE_PT or \
                abs(media[1] - height - 2 * bleed) > TOLERANCE_PT:
            problems.append(Problem(
                "error", name, number,
                f"bleed of {(media[0] - width) / 2 / PT_PER_MM:.1f} mm, not BOOK_BLEED's "
                f"{edition.bleed:g} mm", "build the book again with the printer's bleed"))
        # WeasyPrint caps the BleedBox at 10 pt beyond the trim (docs/print.md).
        if (bleed_box[0] - width) / 2 < min(bleed, 10) - TOLERANCE_PT:
            problems.append(Problem(
                "warning", name, number,
                f"BleedBox only {(bleed_box[0] - width) / 2 / PT_PER_MM:.1f} mm beyond the trim",
                "tell the printer the bleed is in the MediaBox"))
    return problems


def resources_of(obj: Any, seen: set[int] | None = None) -> Iterator[DictionaryObject]:
    """A page's resources, then those of its form XObjects, recursively."""
    seen = set() if seen is None else seen
    resources = obj.get("/Resources")
    if resources is None:
        return
    resources = resources.get_object()
    if id(resources) in seen:
        return
    seen.add(id(resources))
    yield resources
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") == "/Form":
            yield from resources_of(xobject, seen)


def font_embedded(font: Any) -> bool:
    """Whether the font's program is in the file (a Type 3 font is drawn by the PDF)."""
    if font.get("/Subtype") == "/Type3":
        return True
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def check_fonts(name: str, reader: pypdf.PdfReader) -> list[Problem]:
    """Every font embedded (error) and subset (warning), reported on its first page."""
    problems, seen = [], set()
    for number, page in enumerate(reader.pages, start=1):
        for resources in resources_of(page):
            for font in (resources.get("/Font") or {}).values():
                font = font.get_object()
                base = str(font.get("/BaseFont", font.get("/Name", "?"))).lstrip("/")
                if base in seen:
                    continue
                seen.add(base)
                if not font_embedded(font):
                    problems.append(Problem(
                        "error", name, number, f"font {base} is not embedded",
                        "the printer would substitute it: build the book again with "
                        "WeasyPrint, which embeds every font, or embed it (Ghostscript "
                        "-dEmbedAllFonts=true)"))
                elif font.get("/Subtype") != "/Type3" and not re.match(r"[A-Z]{6}\+", base):
                    problems.append(Problem("warning", name, number,
                                            f"font {base} is embedded whole, not subset",
                                            "harmless, but the file is larger"))
    return problems


def check_metadata(name: str, reader: pypdf.PdfReader) -> list[Problem]:
    """A title and a language (screen readers, the printer's job ticket)."""
    problems = []
    info = reader.metadata
    if not (info and str(info.get("/Title") or "").strip()):
        problems.append(Problem("warning", name, 0, "no title in the PDF's metadata",
                                "set BOOK_TITLE and build the book again"))
    root: Any = reader.trailer["/Root"]
    if not str(root.get("/Lang") or "").strip():
        problems.append(Problem("warning", name, 0, "no language (/Lang)",
                                "the book's template says lang=\"fr\": build it again"))
    version = reader.pdf_header.removeprefix("%PDF-")
    if version < "1.4":
        problems.append(Problem("error", name, 0, f"PDF {version}, older than PDF/X's 1.4",
                                "build the book again with WeasyPrint"))
    return problems


def check_colour(name: str, reader: pypdf.PdfReader, edition: BookEdition) -> list[Problem]:
    """No RGB in the gray and cmyk editions (a printer converts it its own way); the
    cmyk edition's output intent, which names the press's colour profile."""
    if edition.color == "rgb":
        return []
    problems = []
    root: Any = reader.trailer["/Root"]
    if edition.color == "cmyk" and "/OutputIntents" not in root:
        problems.append(Problem("error", name, 0, "no output intent in a CMYK edition",
                                "set BOOK_ICC_PROFILE to the printer's .icc file"))
    for number, page in enumerate(reader.pages, start=1):
        found = []
        for resources in resources_of(page):
            for image in (resources.get("/XObject") or {}).values():
                image = image.get_object()
                if image.get("/Subtype") == "/Image" and \
                        image.get("/ColorSpace") == "/DeviceRGB":
                    found.append("an RGB image")
                elif image.get("/Subtype") == "/Form" and \
                        RGB_OPERATOR.search(image.get_data()):
                    found.append("RGB colours")
        contents = page.get_contents()
        if contents is not None and RGB_OPERATOR.search(contents.get_data()):
            found.append("RGB colours")
        if found:
            problems.append(Problem(
                "error", name, number,
                f"{' and '.join(sorted(set(found)))} in the {edition.color} edition",
                "build the book again (its colours and photos are converted); an image "
                "in an editors' page must be converted too"))
    return problems


def check_placement(path: Path, edition: BookEdition) -> list[Problem]:
    """Text and images within the safe zone; images at 300 ppi where they print."""
    problems = []
    safe = edition.safe_margin * PT_PER_MM
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            # pdfplumber sets .trimbox when the page has one (else: reported above).
            left, top, right, bottom = getattr(page, "trimbox", page.bbox)
            inner = (left + safe, top + safe, right - safe, bottom - safe)
            chars = [c for c in page.chars if c["text"].strip()]
            outside = [c for c in chars if c["x0"] < inner[0] - TOLERANCE_PT
                       or c["x1"] > inner[2] + TOLERANCE_PT or c["top"] < inner[1] - TOLERANCE_PT
                       or c["bottom"] > inner[3] + TOLERANCE_PT]
            if outside:
                past = [c for c in outside if c["x0"] < left or c["x1"] > right
                        or c["top"] < top or c["bottom"] > bottom]
                sample = "".join(c["text"] for c in (past or outside)[:24])
                what = (f"{len(past)} characters run past the trim" if past else
                        f"{len(outside)} characters within the "
                        f"{edition.safe_margin:g} mm safe margin")
                problems.append(Problem("error", path.name, number,
                                        f"{what} (« {sample} »)",
                                        "keep text inside the margins: a long word or "
                                        "address needs a break (overflow-wrap)"))
            problems += check_images(path.name, number, page, (left, top, right, bottom),
                                     inner)
    return problems


def check_images(name: str, number: int, page: Any, trim: tuple[float, ...],
                 inner: tuple[float, ...]) -> list[Problem]:
    problems = []
    bleed_edge = page.bbox  # an image reaching the sheet's edge is a bleed element
    for image in page.images:
        width_in = image["width"] / 72
        if width_in <= 0 or not image.get("srcsize"):
            continue
        ppi = min(image["srcsize"][0] / width_in,
                  image["srcsize"][1] / max(image["height"] / 72, 1e-6))
        size = f"{image['width'] / PT_PER_MM:.0f} × {image['height'] / PT_PER_MM:.0f} mm"
        if ppi < PPI_LEAST:
            problems.append(Problem("error", name, number,
                                    f"an image at {ppi:.0f} ppi where it prints ({size})",
                                    f"give a larger file (≥ {PPI_GOOD} ppi at that size) "
                                    "or print it smaller"))
        elif ppi < PPI_GOOD - 1:
            problems.append(Problem("warning", name, number,
                                    f"an image at {ppi:.0f} ppi where it prints ({size})",
                                    f"{PPI_GOOD} ppi is what printers ask: a larger file"))
        bleeds = image["x0"] <= bleed_edge[0] + 1 or image["x1"] >= bleed_edge[2] - 1
        inside = (image["x0"] >= inner[0] - TOLERANCE_PT and image["x1"] <= inner[2] +
                  TOLERANCE_PT and image["top"] >= inner[1] - TOLERANCE_PT and
                  image["bottom"] <= inner[3] + TOLERANCE_PT)
        if not bleeds and not inside:
            problems.append(Problem("error", name, number,
                                    f"an image ({size}) within the safe margin",
                                    "keep it inside the margins, or run it out to the "
                                    "bleed"))
    return problems


def check_spine_text(path: Path, edition: BookEdition, interior_pages: int) -> list[Problem]:
    """The spine's title clear of both folds: a binding drifts by a millimetre, and a
    title too close to a fold prints on the covers."""
    spine = edition.spine_mm(interior_pages)
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        left = getattr(page, "trimbox", page.bbox)[0] + edition.trim[0] * PT_PER_MM
        right = left + spine * PT_PER_MM
        chars = [c for c in page.chars if c["text"].strip()
                 and left - 1 <= (c["x0"] + c["x1"]) / 2 <= right + 1]
    if not chars:
        return []
    clearance = min(min(c["x0"] for c in chars) - left, right - max(c["x1"] for c in chars))
    if clearance < SPINE_CLEARANCE_MM * PT_PER_MM:
        return [Problem("error", path.name, 1,
                        f"the spine's text is {clearance / PT_PER_MM:.1f} mm from a fold on a "
                        f"{spine:.1f} mm spine", "raise BOOK_SPINE_TEXT_MIN_MM so that a "
                        "spine this narrow stays plain, or use thicker paper")]
    return []


def check_spine(reader: pypdf.PdfReader, edition: BookEdition,
                interior_pages: int) -> list[Problem]:
    """The cover's spine (its trim less two covers) against the interior's thickness."""
    page = reader.pages[0]
    if "/TrimBox" not in page:
        return []
    width, height = box_size(page["/TrimBox"])
    spine = width / PT_PER_MM - 2 * edition.trim[0]
    want = edition.spine_mm(interior_pages)
    if abs(spine - want) > SPINE_TOLERANCE_MM:
        return [Problem("error", "couverture.pdf", 1,
                        f"spine {spine:.1f} mm wide, but {interior_pages} pages × "
                        f"{edition.paper_mm:g} mm (BOOK_PAPER_THICKNESS_MM) make {want:.1f} mm",
                        "build the cover again with the interior it wraps")]
    if abs(height / PT_PER_MM - edition.trim[1]) > TOLERANCE_PT / PT_PER_MM:
        return [Problem("error", "couverture.pdf", 1,
                        f"cover {height / PT_PER_MM:.1f} mm high, the book {edition.trim[1]:g} mm",
                        "build the cover again with the interior it wraps")]
    return []
