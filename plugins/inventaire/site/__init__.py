"""The Pelican plugin that turns the editors' files into the archive website."""

from __future__ import annotations

from pelican import signals

from inventaire.site import content_cache, plugin, taxonomy, writer


def register() -> None:
    signals.initialized.connect(plugin.add_filters)
    signals.initialized.connect(plugin.collect_less)
    signals.initialized.connect(plugin.read_search_early)
    signals.initialized.connect(content_cache.check)
    signals.finalized.connect(content_cache.save)
    signals.finalized.connect(plugin.collect_as_before)
    signals.readers_init.connect(plugin.add_reader)
    signals.get_generators.connect(plugin.get_generators)
    signals.generator_init.connect(plugin.cache_templates)
    signals.article_generator_finalized.connect(taxonomy.bind)
    signals.finalized.connect(plugin.index_for_search)
    signals.get_writer.connect(writer.get_writer)
