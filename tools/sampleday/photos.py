"""The city account's photos, drawn with Pillow: evocative shapes, not pictures.

Each scene is a few gradients and shapes (a fountain, a bus, rooftops, rain on a
square…). The archive's copy carries EXIF with the GPS position of the place,
as a phone would write it; the copy under ``content/media/`` has no EXIF at all,
as the importer must leave it.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable

from PIL import Image, ImageDraw
from PIL.ExifTags import IFD

from .tweets import Photo

WIDTH, HEIGHT = 1800, 1200
RGB = tuple[int, int, int]
Draw = ImageDraw.ImageDraw


def sky(top: RGB, bottom: RGB) -> Image.Image:
    """A vertical gradient, the base of every scene."""
    mask = Image.linear_gradient("L").resize((WIDTH, HEIGHT))
    return Image.composite(Image.new("RGB", (WIDTH, HEIGHT), bottom),
                           Image.new("RGB", (WIDTH, HEIGHT), top), mask)


def ground(draw: Draw, y: int, colour: RGB, rng: random.Random, cobbles: bool = True) -> None:
    draw.rectangle((0, y, WIDTH, HEIGHT), fill=colour)
    if cobbles:
        for row in range(y + 20, HEIGHT, 40):
            for x in range(rng.randrange(-40, 0), WIDTH, 70):
                shade = tuple(max(0, c - rng.randrange(8, 25)) for c in colour)
                draw.rounded_rectangle((x, row, x + 60, row + 30), 8, fill=shade)


def pigeon(draw: Draw, x: int, y: int, size: int = 1) -> None:
    s = size
    draw.ellipse((x, y, x + 60 * s, y + 34 * s), fill=(110, 112, 122))
    draw.ellipse((x + 45 * s, y - 14 * s, x + 70 * s, y + 10 * s), fill=(90, 96, 110))
    draw.polygon([(x + 68 * s, y - 4 * s), (x + 80 * s, y), (x + 68 * s, y + 3 * s)],
                 fill=(60, 50, 40))


def fountain(draw: Draw, rng: random.Random) -> None:
    ground(draw, 820, (150, 146, 140), rng)
    draw.rectangle((300, 120, 560, 800), fill=(196, 188, 170))  # church towers
    draw.rectangle((1240, 180, 1500, 800), fill=(190, 182, 166))
    draw.rectangle((560, 380, 1240, 800), fill=(182, 174, 158))
    draw.ellipse((450, 760, 1350, 980), fill=(120, 140, 140))
    draw.rectangle((820, 460, 980, 860), fill=(200, 195, 180))
    draw.polygon([(760, 470), (1040, 470), (900, 330)], fill=(205, 200, 186))
    for x in (700, 1100):
        draw.ellipse((x - 120, 640, x + 120, 700), fill=(210, 205, 192))
        draw.line((x - 100, 670, x - 150, 820), fill=(220, 235, 240), width=6)
        draw.line((x + 100, 670, x + 150, 820), fill=(220, 235, 240), width=6)


def bus(draw: Draw, rng: random.Random) -> None:
    ground(draw, 900, (90, 90, 95), rng, cobbles=False)
    draw.rectangle((0, 200, WIDTH, 900), fill=(200, 190, 170))
    for x in range(80, WIDTH, 260):
        draw.rectangle((x, 260, x + 140, 460), fill=(90, 100, 115))
    draw.rounded_rectangle((250, 430, 1550, 960), 40, fill=(235, 238, 232))
    draw.rectangle((250, 780, 1550, 900), fill=(40, 140, 90))
    for x in range(320, 1450, 210):
        draw.rectangle((x, 480, x + 170, 700), fill=(120, 150, 170))
    draw.rectangle((1400, 470, 1530, 560), fill=(20, 20, 20))
    draw.text((1420, 490), "96", fill=(255, 190, 40), font_size=60)
    for x in (450, 1300):
        draw.ellipse((x - 80, 880, x + 80, 1040), fill=(25, 25, 25))


def column(draw: Draw, rng: random.Random) -> None:
    ground(draw, 980, (110, 110, 112), rng, cobbles=False)
    draw.rectangle((820, 300, 980, 1000), fill=(70, 80, 78))
    draw.rectangle((760, 900, 1040, 1000), fill=(80, 88, 86))
    draw.rectangle((800, 270, 1000, 300), fill=(80, 90, 88))
    draw.polygon([(900, 80), (940, 270), (860, 270)], fill=(230, 180, 60))
    draw.polygon([(900, 150), (1010, 120), (930, 190)], fill=(240, 196, 80))


def rooftops(draw: Draw, rng: random.Random) -> None:
    for row in range(6):
        base = 500 + row * 130
        x = -rng.randrange(100)
        grey = 110 + row * 12
        if base + 100 < HEIGHT:
            draw.rectangle((0, base + 100, WIDTH, HEIGHT), fill=(grey, grey + 4, grey + 10))
        while x < WIDTH:
            width = rng.randrange(180, 340)
            grey = 120 + row * 12 + rng.randrange(-10, 10)
            draw.polygon([(x, base + 140), (x + 40, base), (x + width - 40, base),
                          (x + width, base + 140)], fill=(grey, grey + 4, grey + 10))
            for _ in range(rng.randrange(1, 4)):
                cx = x + rng.randrange(40, max(41, width - 60))
                draw.rectangle((cx, base - 60, cx + 30, base), fill=(170, 110, 90))
            x += width


def hoardings(draw: Draw, rng: random.Random) -> None:
    ground(draw, 900, (160, 156, 150), rng)
    draw.rectangle((860, 150, 940, 700), fill=(90, 100, 96))
    draw.ellipse((840, 80, 960, 200), fill=(95, 105, 100))
    draw.rectangle((600, 600, 1200, 760), fill=(170, 165, 150))
    for x in range(0, WIDTH, 120):
        draw.rectangle((x, 700, x + 112, 940), fill=(40, 120 + (x // 120) % 3 * 8, 70))


def rain(draw: Draw, rng: random.Random) -> None:
    ground(draw, 700, (80, 84, 92), rng)
    for _ in range(700):
        x, y = rng.randrange(WIDTH), rng.randrange(HEIGHT)
        draw.line((x, y, x - 12, y + 50), fill=(185, 190, 200), width=2)
    for x, colour in ((500, (180, 40, 50)), (1200, (30, 60, 120))):
        draw.pieslice((x - 150, 520, x + 150, 760), 180, 360, fill=colour)
        draw.line((x, 640, x, 860), fill=(30, 30, 30), width=8)
        draw.rectangle((x - 40, 760, x + 40, 1000), fill=(40, 40, 46))


def facade(draw: Draw, rng: random.Random) -> None:
    ground(draw, 880, (170, 166, 158), rng)
    draw.rectangle((150, 250, 1650, 880), fill=(215, 205, 185))
    draw.polygon([(150, 250), (350, 120), (1450, 120), (1650, 250)], fill=(90, 100, 110))
    draw.ellipse((830, 300, 970, 440), fill=(240, 235, 220))
    draw.line((900, 370, 900, 320), fill=(30, 30, 30), width=6)
    draw.line((900, 370, 940, 370), fill=(30, 30, 30), width=6)
    for x in range(220, 1600, 140):
        for y in (480, 660):
            draw.rectangle((x, y, x + 70, y + 120), fill=(80, 90, 105))


def pigeons(draw: Draw, rng: random.Random) -> None:
    ground(draw, 500, (140, 140, 145), rng)
    for _ in range(10):
        pigeon(draw, rng.randrange(100, 1600), rng.randrange(600, 1100), rng.choice((1, 2)))
    draw.polygon([(900, 200), (1150, 120), (1050, 260)], fill=(100, 104, 116))


def arcades(draw: Draw, rng: random.Random) -> None:
    """A row of arches seen from the square, warm light inside."""
    draw.rectangle((0, 0, WIDTH, HEIGHT), fill=(160, 78, 64))
    draw.rectangle((0, 0, WIDTH, 260), fill=(120, 130, 150))
    for y in range(300, 560, 90):
        draw.rectangle((0, y, WIDTH, y + 12), fill=(215, 200, 175))
    for x in range(40, WIDTH, 350):
        draw.rectangle((x, 600, x + 280, 1100), fill=(250, 215, 150))
        draw.pieslice((x, 460, x + 280, 740), 180, 360, fill=(250, 215, 150))
        draw.rectangle((x + 100, 800, x + 180, 1100), fill=(90, 60, 40))
    draw.rectangle((0, 1100, WIDTH, HEIGHT), fill=(200, 185, 160))


def trees(draw: Draw, rng: random.Random) -> None:
    ground(draw, 860, (190, 175, 140), rng, cobbles=False)
    draw.rectangle((0, 200, WIDTH, 860), fill=(205, 140, 120))
    for x in range(100, WIDTH, 220):
        draw.rectangle((x + 70, 650, x + 100, 900), fill=(80, 60, 50))
        draw.rectangle((x, 380, x + 170, 660), fill=(110, 100, 80))


def easels(draw: Draw, rng: random.Random) -> None:
    ground(draw, 760, (150, 140, 130), rng)
    for x in range(120, WIDTH - 150, 300):
        draw.pieslice((x - 60, 200, x + 240, 500), 180, 360,
                      fill=rng.choice(((200, 50, 50), (230, 230, 225), (40, 90, 160))))
        draw.line((x + 20, 1000, x + 90, 640), fill=(120, 80, 40), width=10)
        draw.line((x + 160, 1000, x + 90, 640), fill=(120, 80, 40), width=10)
        draw.rectangle((x + 20, 680, x + 160, 820),
                       fill=(rng.randrange(80, 250), rng.randrange(80, 250), 120))


def dusk(draw: Draw, rng: random.Random) -> None:
    rooftops(draw, rng)
    draw.line((900, 300, 900, 1200), fill=(20, 20, 24), width=14)
    draw.ellipse((850, 240, 950, 340), fill=(255, 220, 140))


SCENES: dict[str, tuple[RGB, RGB, Callable[[Draw, random.Random], None]]] = {
    "fountain": ((170, 176, 186), (214, 214, 212), fountain),
    "bus": ((150, 170, 190), (210, 215, 220), bus),
    "column": ((70, 130, 200), (170, 205, 235), column),
    "rooftops": ((200, 205, 214), (236, 232, 222), rooftops),
    "hoardings": ((120, 160, 210), (210, 225, 240), hoardings),
    "rain": ((80, 86, 98), (130, 136, 146), rain),
    "facade": ((110, 160, 215), (200, 220, 240), facade),
    "pigeons": ((160, 165, 175), (200, 200, 204), pigeons),
    "arcades": ((250, 200, 130), (150, 70, 60), arcades),
    "trees": ((150, 190, 230), (220, 230, 240), trees),
    "easels": ((140, 175, 205), (215, 225, 235), easels),
    "dusk": ((230, 150, 170), (120, 90, 150), dusk),
}


def draw_scene(photo: Photo, seed: int) -> Image.Image:
    top, bottom, paint = SCENES[photo.scene]
    image = sky(top, bottom)
    paint(ImageDraw.Draw(image), random.Random(seed))
    # Halve then double: softer edges, like a phone's lens, for much less than a blur.
    return image.reduce(2).resize((WIDTH, HEIGHT), Image.Resampling.BILINEAR)


def dms(value: float) -> tuple[float, float, float]:
    """Degrees, minutes, seconds as EXIF wants them."""
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round((value - degrees - minutes / 60) * 3600, 2)
    return (float(degrees), float(minutes), seconds)


def jpeg(image: Image.Image, exif: Image.Exif | None = None) -> bytes:
    buffer = io.BytesIO()
    if exif is None:
        image.save(buffer, "JPEG", quality=82, optimize=True)
    else:
        image.save(buffer, "JPEG", quality=82, optimize=True, exif=exif)
    return buffer.getvalue()


def camera_exif(lat: float, lon: float, taken: str) -> Image.Exif:
    """What a 2013 phone writes: make, model, date and the GPS position."""
    exif = Image.Exif()
    exif[0x010F] = "Apple"
    exif[0x0110] = "iPhone 4S"
    exif[0x0132] = taken
    gps = exif.get_ifd(IFD.GPSInfo)
    gps[1] = "N" if lat >= 0 else "S"
    gps[2] = dms(lat)
    gps[3] = "E" if lon >= 0 else "W"
    gps[4] = dms(lon)
    return exif


def render_photo(photo: Photo, seed: int, coordinates: tuple[float, float],
                 taken: str) -> tuple[bytes, bytes]:
    """(the archive's JPEG with GPS EXIF, the published JPEG without any EXIF)."""
    image = draw_scene(photo, seed)
    photo.width, photo.height = image.size
    return jpeg(image, camera_exif(*coordinates, taken)), jpeg(image)
