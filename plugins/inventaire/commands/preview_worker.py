"""The preview's builder: one process that builds the site again at each change.

Starting Python and importing Pelican, Jinja and the plugin costs more than a
one-post edit's rebuild, so ``inventaire serve`` keeps one builder process for as
long as the code it runs is the same: the plugin's, the project's own Python files
(``pelicanconf.py``, a module of filters) and the installed distributions
(:func:`code_signature`). When any of them changed, the builder says so and exits,
and the server starts a new one: a changed filter is never run from a module
imported before the change. Each build in the builder is the command
``inventaire build --site --preview`` (the same arguments, summary and exit
status), run in this process, with two helps for the next build: the pages whose
inputs did not change are kept from the last preview (``inventaire.site.reuse``)
and the posts whose bytes did not change are not parsed again
(``inventaire.site.readmemo``); what stays in memory is kept out of Python's
collector during the next build (:mod:`.builder_memory`).

The protocol is a line each way: the server writes ``build``, the builder answers
``ok``, ``failed`` or ``restart`` (it exits after ``restart``).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import subprocess
import sys
from pathlib import Path

from inventaire.commands.builder_memory import IDLE_SECONDS, SetAside, waiting
from inventaire.core.signature import Signature, distributions_stamp, tree_files

PREVIEW_BUILD = ["build", "--site", "--preview", "--set", "INVENTAIRE_SEARCH=False",
                 "--set", "INVENTAIRE_READ_MEMO=True"]
# Folders of the project that hold no code a build runs (or an installed one, which
# the distributions' versions cover): not walked, at any depth.
SKIPPED_FOLDERS = frozenset({"content", "output", "cache", "node_modules", "site-packages"})


def code_signature(project: Path) -> str:
    """The code a build runs: the plugin's, the project's Python files, every
    installed distribution's version."""
    import inventaire

    signature = Signature("preview-code")
    signature.add_tree("plugin", Path(inventaire.__file__).parent,
                       keep=lambda path: path.suffix == ".py")
    signature.add_files("project", tree_files(project, keep=lambda path: path.suffix == ".py",
                                              skip=SKIPPED_FOLDERS))
    signature.add("distributions", distributions_stamp())
    return signature.hexdigest()


def serve_builds(project: Path, extra: list[str] | None = None) -> int:
    """The builder's loop: a build for each ``build`` line on standard input, with
    ``extra`` arguments (``--set NAME=VALUE``) after the preview's own."""
    from inventaire.commands.cli import main

    started = code_signature(project)
    memory = SetAside()  # Python's collector between builds (:mod:`.builder_memory`)
    gc.freeze()  # the modules just imported
    while True:
        if not waiting(sys.stdin, IDLE_SECONDS):
            memory.idle()  # a full collection while the editor reads the page
        line = sys.stdin.readline()
        if not line:
            return 0
        if line.strip() != "build":
            continue
        if code_signature(project) != started:
            print("restart", flush=True)
            return 0
        # The build's page reuse takes this signature instead of computing its own.
        code = ["--set", f"INVENTAIRE_CODE_SIGNATURE={started}"]
        with contextlib.redirect_stdout(sys.stderr):  # stdout is the protocol's
            status = main(["--project", str(project), *PREVIEW_BUILD, *code, *(extra or [])])
        sys.stderr.flush()
        print("ok" if status == 0 else "failed", flush=True)
        memory.build_done()


class Builder:
    """The server's side: keeps a builder process, starts a new one when it asks."""

    def __init__(self, extra: list[str] | None = None,
                 env: dict[str, str] | None = None) -> None:
        self.process: subprocess.Popen[str] | None = None
        self.extra = list(extra or [])  # arguments for every build (a benchmark's)
        self.env = env

    def _start(self, project: Path) -> subprocess.Popen[str]:
        # The builder's summaries and warnings go to the server's own output.
        return subprocess.Popen(
            [sys.executable, "-m", "inventaire.commands.preview_worker", str(project),
             *self.extra],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=project,
            env=self.env)

    def __call__(self, project: Path) -> bool:
        """One preview build; whether it succeeded."""
        for _attempt in range(2):
            if self.process is None or self.process.poll() is not None:
                self.process = self._start(project)
            answer = self._ask(self.process)
            if answer == "restart" or answer == "":  # new code, or the builder died
                self.close()
                continue
            return answer == "ok"
        return False

    @staticmethod
    def _ask(process: subprocess.Popen[str]) -> str:
        assert process.stdin is not None and process.stdout is not None
        try:
            process.stdin.write("build\n")
            process.stdin.flush()
        except BrokenPipeError:
            return ""
        return process.stdout.readline().strip()

    def close(self) -> None:
        if self.process is not None:
            if self.process.stdin:
                self.process.stdin.close()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
            self.process = None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("extra", nargs=argparse.REMAINDER,
                        help="more arguments for every build, e.g. --set NAME=VALUE")
    args = parser.parse_args(argv)
    return serve_builds(args.project.resolve(), args.extra)


if __name__ == "__main__":
    sys.exit(main())
