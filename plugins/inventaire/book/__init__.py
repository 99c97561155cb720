"""The PDF book: the same posts as the site, laid out by WeasyPrint.

A step of its own (:func:`inventaire.book.step.build_book`), not a Pelican plugin:
it reads the posts itself and is skipped when nothing it reads changed. The site
reads what it laid out from ``pages.json`` (:mod:`inventaire.book.pages`).
"""
