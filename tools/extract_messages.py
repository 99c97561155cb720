"""The messages of the editors' files, as templates for the French catalogue.

``python tools/extract_messages.py`` lists every ``what`` and ``fix`` the code builds
for a :class:`PostFileError` (in ``PostFileError(…)``, ``check``'s ``add(…)``, the
table of YAML's problems and the « did you mean » hint), an f-string's expressions
written as placeholders (``{value!r} is not a time HH:MM``), in the form of the
catalogue's ``msgid`` (``plugins/inventaire/locale/fr/LC_MESSAGES/inventaire.po``).
``--missing`` lists only those the catalogue lacks; ``tests/test_messages.py`` fails
on any, so a message added in English cannot ship untranslated.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "plugins" / "inventaire"
# Where editors' files are read and checked: their errors are the editors' messages.
SOURCES = ("core/schema.py", "core/postfile.py", "core/front_matter.py", "core/places.py",
           "core/rights.py", "core/post_edit.py", "commands/check.py",
           "commands/check_hostile.py", "core/editorlinks.py")


def template(node: ast.expr) -> str | None:
    """A string or f-string as a template; None for anything else (a variable)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.replace("{", "{{").replace("}", "}}")
    if isinstance(node, ast.JoinedStr):
        parts = []
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(str(value.value).replace("{", "{{").replace("}", "}}"))
            elif isinstance(value, ast.FormattedValue):
                conversion = {-1: "", 114: "!r", 115: "!s", 97: "!a"}[value.conversion]
                spec = f":{ast.unparse(value.format_spec)[2:-1]}" if value.format_spec else ""
                parts.append("{" + ast.unparse(value.value) + conversion + spec + "}")
        return "".join(parts)
    return None


def _call_name(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr \
        if isinstance(func, ast.Attribute) else ""


def templates_in(source: str) -> Iterator[str]:
    """The message templates of one module."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _call_name(node)
            args: list[ast.expr] = []
            if name == "PostFileError":
                args = node.args[3:5]
            elif name == "add":  # check.py's add(field, what, fix)
                args = node.args[1:3]
            elif name == "translate":  # a command's own line
                args = node.args[:1]
            for arg in args:
                found = template(arg)
                if found is not None:
                    yield found
        elif isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "_YAML_PROBLEMS" for t in node.targets):
            for row in ast.walk(node.value):  # (needle, what, fix)
                if isinstance(row, ast.Tuple) and len(row.elts) == 3:
                    yield from (found for e in row.elts[1:]
                                if (found := template(e)) is not None)
        elif isinstance(node, ast.FunctionDef) and node.name == "nearest":
            for inner in ast.walk(node):
                if isinstance(inner, ast.JoinedStr):
                    found = template(inner)
                    if found:
                        yield found


def all_templates() -> list[str]:
    """Every template of :data:`SOURCES`, once each, in the order found."""
    seen: dict[str, None] = {}
    for name in SOURCES:
        path = PACKAGE / name
        if path.is_file():
            for found in templates_in(path.read_text(encoding="utf-8")):
                if found.strip("{}") and any(c.isalpha() for c in _literal(found)):
                    seen.setdefault(found, None)
    return list(seen)


def _literal(text: str) -> str:
    """A template's words outside its placeholders."""
    from inventaire.core.messages import literal

    return literal(text)


def main(argv: list[str]) -> int:
    from inventaire.core.messages import catalogue

    known = catalogue("fr")
    for found in all_templates():
        if "--missing" not in argv or found not in known:
            print(found)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
