"""The Pelican plugin that turns the editors' files into the archive website."""

from __future__ import annotations

from pelican import signals

from inventaire.site import plugin, prefetch, statics, taxonomy, workers, writer


def register() -> None:
    signals.initialized.connect(plugin.add_filters)
    signals.readers_init.connect(plugin.add_reader)
    signals.generator_init.connect(plugin.share_templates)
    signals.content_object_init.connect(plugin.keep_addresses)
    signals.article_generator_init.connect(prefetch.prefetch)
    signals.article_generator_init.connect(plugin.keep_articles)
    signals.article_generator_pretaxonomy.connect(plugin.stable_order)
    signals.get_generators.connect(plugin.get_generators)
    signals.article_generator_finalized.connect(taxonomy.bind)
    signals.static_generator_finalized.connect(statics.guard)
    signals.all_generators_finalized.connect(workers.start)
    signals.get_writer.connect(writer.get_writer)
    signals.finalized.connect(plugin.finish)
