"""Readers of exports: one module per format, each yielding :class:`inventaire.core.model.Post`."""
