"""The command line: serve the app (the default) or export it as one offline HTML file.

    python app.py                  serve on http://127.0.0.1:5006/app (settings: serving/settings.py)
    python app.py export demo.html write the self-contained, offline page
    python app.py export --lang zh-Hant demo-zh.html    the same page in Traditional Chinese

Installed (pip install .), the same is the ``softmax-lab`` command: ``run()`` below.
"""

from __future__ import annotations

import argparse
import os
import sys
import tomllib
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import NoReturn

DISTRIBUTION = "softmax-lab"


def use_system_allocator(argv: list[str]) -> None:
    """Serve with the C library's malloc instead of pymalloc: re-executes this process once.

    pymalloc returns a 1 MiB arena only when every object in it is free, so a few objects
    that outlive a class pin most of what the class used (after 50 sessions closed: 153 MB
    against 97 MB idle); with malloc, ClosedSessionSweeper's malloc_trim gives it back
    (85 MB against 84 MB idle). docs/memory.md has the numbers. PYTHONMALLOC must be set
    before Python starts, hence the re-exec, before Panel is imported (it would be imported
    twice); an explicit PYTHONMALLOC (e.g. pymalloc) is kept.

    ``sys.orig_argv[1:]`` repeats the command as Python was started: ``app.py ...`` for
    ``python app.py``, and the script's path for the ``softmax-lab`` command, which the
    kernel starts as ``python /path/to/bin/softmax-lab ...`` (its #! line): the re-executed
    interpreter runs the same script again (tests/package/ checks it).
    """
    serving = not argv or argv[0] == "serve"
    if serving and "PYTHONMALLOC" not in os.environ:
        environ = {**os.environ, "PYTHONMALLOC": "malloc"}
        os.execve(sys.executable, [sys.executable, *sys.orig_argv[1:]], environ)


def version() -> str:
    """The installed package's version (its metadata); in a clone (the package is ``components``,
    which is not installed), the version pyproject.toml gives, so a stale install is not read."""
    if __package__.split(".")[0] != "components":
        try:
            return metadata.version(DISTRIBUTION)
        except metadata.PackageNotFoundError:
            pass
    try:
        pyproject = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text())
        return str(pyproject["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "unknown"


class OneLineParser(argparse.ArgumentParser):
    """Refuses a bad command line in one line and exit code 2 (argparse prints its usage first)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message.replace(chr(10), ' ')} (see {self.prog} --help)\n")


def parse_args(argv: list[str], prog: str = "python app.py") -> argparse.Namespace:
    from ..words.i18n import DEFAULT_LANGUAGE, LANGUAGES

    parser = OneLineParser(prog=prog, description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"{DISTRIBUTION} {version()}")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("serve", help="serve the app (the default)")
    export_parser = commands.add_parser("export", help="write the demo as one offline HTML file")
    export_parser.add_argument("file", type=Path, help="where to write the page, e.g. demo.html")
    export_parser.add_argument("--lang", choices=list(LANGUAGES), default=DEFAULT_LANGUAGE,
                               help="the page's language (default: %(default)s)")
    return parser.parse_args(argv)


def export_command(file: Path, lang: str) -> int:
    """Write the offline page; a path that cannot be written is one line and exit code 2."""
    from .static_export import export

    try:
        unusable = file.is_dir() or not file.parent.is_dir()
    except OSError:  # e.g. a name longer than the file system allows
        unusable = True
    if unusable:
        print(f"softmax-lab: cannot write {file}: give a file path in an existing folder", file=sys.stderr)
        return 2
    try:
        size = export(file, lang=lang)
    except OSError as error:
        print(f"softmax-lab: cannot write {file}: {error.strerror}", file=sys.stderr)
        return 2
    print(f"softmax-lab: wrote {file} ({size / 1e6:.2f} MB, no network needed)")
    return 0


def main(argv: list[str], serve: Callable | None = None, prog: str = "python app.py") -> int:
    """Run the command in ``argv``; ``serve(settings)`` serves (default: serving.server.serve)."""
    args = parse_args(argv, prog=prog)
    if args.command == "export":
        return export_command(args.file, args.lang)
    from .settings import ServerSettings, SettingsError

    try:
        settings = ServerSettings.from_env(os.environ)
    except SettingsError as error:
        print(f"softmax-lab: {error}", file=sys.stderr)
        return 2
    if serve is None:
        from .server import serve
    print(f"softmax-lab: serving http://{settings.address}:{settings.port}{settings.prefix}/app", flush=True)
    serve(settings)
    return 0


def run() -> None:
    """The ``softmax-lab`` command (pyproject.toml [project.scripts]): what ``python app.py`` does."""
    use_system_allocator(sys.argv[1:])  # re-executes once, before Panel is imported
    sys.exit(main(sys.argv[1:], prog=DISTRIBUTION))
