"""The day's photographs on one page, ``/photos/``: what visitors of other archive
sites look for first (tweetback and its peers have a media page).

Every photo the site publishes, in time order, each linking to its post. The files
are the derivatives :mod:`.pictures` already planned for the posts (no second
encoding); only the ``sizes`` differ, since a grid cell is narrower than a post. A
post hidden from the site (withdrawn, refused, a candidate in the public build) is
not in the list Pelican hands over, so its photos are not here either. A post whose
author put a content warning on it, or marked its media sensitive, keeps its photos
behind that warning on its own page: they are left out of the grid, where nothing
could veil them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from inventaire.site.pictures import Picture
from inventaire.site.postflags import content_warning, sensitive

# Two columns on a phone, five in the 56 rem of a wide page.
GALLERY_SIZES = "(min-width: 62rem) 11rem, (min-width: 40rem) 30vw, 45vw"


@dataclass(frozen=True)
class GalleryPhoto:
    """One cell of the grid: the photo and the post it links to."""

    article: Any  # a Pelican Article with ``post`` and ``pictures``
    picture: Picture


def gallery(articles: Sequence[Any]) -> list[GalleryPhoto]:
    """The photos of ``articles`` (already in time order) that the grid may show."""
    photos: list[GalleryPhoto] = []
    for article in articles:
        pictures = getattr(article, "pictures", None)
        if not pictures or content_warning(article.post) or sensitive(article.post):
            continue
        photos.extend(GalleryPhoto(article, replace(picture, sizes=GALLERY_SIZES))
                      for picture in pictures
                      if picture.kind == "photo" and not picture.missing and picture.jpeg)
    return photos
