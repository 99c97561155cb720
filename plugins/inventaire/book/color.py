"""Colour modes of the book: ``rgb``, ``gray`` and ``cmyk``.

WeasyPrint writes every sRGB colour with the ``rg`` operator (DeviceRGB). The gray
and cmyk editions therefore never use an sRGB colour: CSS and the emoji's SVG get
``device-cmyk()`` colours (gray = the K channel only, so that text is pure black ink),
and photos are converted by Pillow (``L`` → DeviceGray, ``CMYK`` → DeviceCMYK).
The conversions are naive (no ICC transform): good enough for a mostly-text book,
and said so in the README.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HEX_COLOR = re.compile(r"#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")
NAMED = {"black": "#000000", "white": "#ffffff", "red": "#ff0000", "green": "#008000",
         "blue": "#0000ff", "yellow": "#ffff00", "gray": "#808080", "grey": "#808080"}


def rgb_of(hex_color: str) -> tuple[float, float, float]:
    """``#FCEA2B`` or ``#fff`` → channels in 0…1."""
    digits = hex_color.lstrip("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return (int(digits[0:2], 16) / 255, int(digits[2:4], 16) / 255, int(digits[4:6], 16) / 255)


def luminance(rgb: tuple[float, float, float]) -> float:
    """ITU-R 601 luma, the weights Pillow's ``convert("L")`` uses, so that emoji and
    photos go gray the same way."""
    r, g, b = rgb
    return 0.299 * r + 0.587 * g + 0.114 * b


def cmyk_of(rgb: tuple[float, float, float]) -> tuple[float, float, float, float]:
    """Naive RGB → CMYK with full black generation (what Pillow does is simpler still)."""
    r, g, b = rgb
    k = 1 - max(r, g, b)
    if k >= 1:
        return (0.0, 0.0, 0.0, 1.0)
    return ((1 - r - k) / (1 - k), (1 - g - k) / (1 - k), (1 - b - k) / (1 - k), k)


def device_cmyk(c: float, m: float, y: float, k: float) -> str:
    return f"device-cmyk({c:.3f} {m:.3f} {y:.3f} {k:.3f})"


def convert_hex(hex_color: str, mode: str) -> str:
    """One colour for the mode: unchanged in rgb, K only in gray, CMYK in cmyk."""
    rgb = rgb_of(hex_color)
    if mode == "gray":
        return device_cmyk(0, 0, 0, 1 - luminance(rgb))
    if mode == "cmyk":
        return device_cmyk(*cmyk_of(rgb))
    return hex_color


def convert_svg(svg: str, mode: str) -> str:
    """An SVG with every colour in the mode's colour space.

    OpenMoji's files colour with ``fill``/``stroke``/``stop-color``/``color``
    attributes; paths without ``fill`` are black by default, so the root element gets
    an explicit black in the mode's space, which they inherit.
    """
    if mode == "rgb":
        return svg

    def attribute(match: re.Match[str]) -> str:
        name, value = match[1], match[2]
        named = NAMED.get(value.strip().lower())
        if named:
            value = named
        converted = HEX_COLOR.sub(lambda m: convert_hex(m[0], mode), value)
        return f'{name}="{converted}"'

    svg = re.sub(r'\b(fill|stroke|stop-color|color|flood-color)="([^"]*)"', attribute, svg)
    svg = re.sub(r"(fill|stroke|stop-color)\s*:\s*(#[0-9a-fA-F]{3,6})\b",
                 lambda m: f"{m[1]}:{convert_hex(m[2], mode)}", svg)
    black = convert_hex("#000000", mode)
    return re.sub(r"<svg\b", f'<svg fill="{black}"', svg, count=1)


@dataclass(frozen=True)
class Palette:
    """The few colours the stylesheet uses, in the edition's colour space."""

    ink: str  # text
    soft: str  # running heads, folios, Perec's labels
    rule: str  # thin rules
    paper: str  # the cover's ground

    @classmethod
    def for_mode(cls, mode: str) -> Palette:
        if mode == "rgb":
            return cls(ink="#000000", soft="#555555", rule="#999999", paper="#f4efe4")
        return cls(ink=convert_hex("#000000", mode), soft=convert_hex("#555555", mode),
                   rule=convert_hex("#999999", mode), paper=convert_hex("#f4efe4", mode))


def pillow_mode(mode: str) -> str:
    """The Pillow mode photos are saved in: WeasyPrint maps it to the PDF colour space."""
    return {"rgb": "RGB", "gray": "L", "cmyk": "CMYK"}[mode]
