"""The templates are compiled once per build, and the cache is no setting.

``site.plugin.share_templates`` sets Jinja's bytecode cache on each generator's
environment. It used to be put into ``JINJA_ENVIRONMENT``, where an object with no
stable description made the whole setting opaque to the build's signatures: an
edit of ``trim_blocks`` went unseen by the preview's page reuse.
"""

from __future__ import annotations

from types import SimpleNamespace

from inventaire.core.signature import stable
from inventaire.site import plugin, readmemo
from jinja2 import DictLoader, Environment


def test_jinja_settings_stay_describable_after_the_plugin_starts() -> None:
    pelican = SimpleNamespace(settings={"JINJA_ENVIRONMENT": {"trim_blocks": True},
                                        "INVENTAIRE_READ_MEMO": True,  # the preview
                                        "JINJA_FILTERS": {}})
    plugin.add_filters(pelican)
    described = stable(pelican.settings["JINJA_ENVIRONMENT"])
    assert "opaque" not in repr(described)
    pelican.settings["JINJA_ENVIRONMENT"]["trim_blocks"] = False
    assert stable(pelican.settings["JINJA_ENVIRONMENT"]) != described


def generator(context: dict[str, object], templates: dict[str, str],
              memo: bool = False) -> SimpleNamespace:
    return SimpleNamespace(env=Environment(loader=DictLoader(templates)), context=context,
                           settings={"INVENTAIRE_READ_MEMO": memo})


def test_a_builds_generators_share_one_cache_and_an_edit_is_compiled_again() -> None:
    context: dict[str, object] = {}
    one, two = generator(context, {"t.html": "un {{ x }}"}), generator(context, {})
    plugin.share_templates(one)
    plugin.share_templates(two)
    assert one.env.bytecode_cache is two.env.bytecode_cache
    assert one.env.get_template("t.html").render(x=1) == "un 1"
    other_build = generator({}, {"t.html": "deux {{ x }}"})
    plugin.share_templates(other_build)
    assert other_build.env.bytecode_cache is not one.env.bytecode_cache
    assert other_build.env.get_template("t.html").render(x=1) == "deux 1"
    # The preview's builder keeps one cache for all its builds; Jinja checks the
    # source's checksum, so an edited template is compiled again.
    first = generator({}, {"t.html": "trois {{ x }}"}, memo=True)
    plugin.share_templates(first)
    assert first.env.get_template("t.html").render(x=1) == "trois 1"
    edited = generator({}, {"t.html": "quatre {{ x }}"}, memo=True)
    plugin.share_templates(edited)
    assert edited.env.bytecode_cache is readmemo.TEMPLATES
    assert edited.env.get_template("t.html").render(x=1) == "quatre 1"
