"""The command line's own words in Bahasa Indonesia: argparse's help frame and its usage errors.

Why: argparse writes English ("usage:", "options:", "the following arguments are required: --output/-o"), and the
tool's users are civil servants who read Indonesian; every other message of ``lkjip`` is Indonesian. argparse takes
its texts through gettext, but a catalogue would have to be installed as the process's global domain (and pytest,
which runs ``main`` in its own process, uses argparse too); so the frame is set per parser here and an error's
message, already formatted by argparse, is translated by its English pattern, which Python has kept for many
versions (an unknown one is shown as it is, still with the Indonesian prefix and exit code 2).
"""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
from typing import Any

from .common import EXIT_USAGE

#: argparse's error messages (Python 3.11's templates) and their Indonesian, first match wins; groups are kept.
_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p, re.S), r) for p, r in (
    (r"^the following arguments are required: (.*)$", r"argumen wajib belum diberikan: \1"),
    (r"^unrecognized arguments: (.*)$", r"argumen tidak dikenal: \1"),
    (r"^one of the arguments (.*) is required$", r"salah satu argumen ini wajib diberikan: \1"),
    (r"^ambiguous option: (.*) could match (.*)$", r"opsi \1 tidak jelas: bisa berarti \2"),
    (r"^unexpected option string: (.*)$", r"opsi tidak terduga: \1"),
    (r"^argument (.*?): (.*)$", None),  # the argument's name, then its own message (translated below)
))
_ARGUMENT_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p, re.S), r) for p, r in (
    (r"^invalid choice: (.*) \(choose from (.*)\)$", r"pilihan \1 tidak dikenal (pilih salah satu: \2)"),
    (r"^invalid int value: (.*)$", r"\1 bukan bilangan bulat"),
    (r"^invalid float value: (.*)$", r"\1 bukan bilangan"),
    (r"^invalid (.*) value: (.*)$", r"nilai \2 tidak sah"),
    (r"^expected one argument$", r"perlu satu nilai"),
    (r"^expected at most one argument$", r"paling banyak satu nilai"),
    (r"^expected at least one argument$", r"perlu paling sedikit satu nilai"),
    (r"^expected (\d+) arguments?$", r"perlu \1 nilai"),
    (r"^not allowed with argument (.*)$", r"tidak boleh dipakai bersama argumen \1"),
    (r"^ignored explicit argument (.*)$", r"nilai \1 tidak dipakai oleh opsi ini"),
))


def indonesian(message: str) -> str:
    """argparse's error ``message`` in Indonesian (as it is when its pattern is unknown)."""
    for pattern, replacement in _ERRORS:
        found = pattern.match(message)
        if found and replacement is None:
            return f"argumen {found.group(1)}: {_argument(found.group(2))}"
        if found:
            return found.expand(replacement)
    return message


def _argument(message: str) -> str:
    for pattern, replacement in _ARGUMENT_ERRORS:
        found = pattern.match(message)
        if found:
            return found.expand(replacement)
    return message


class Formatter(argparse.HelpFormatter):
    """argparse's help layout with the Indonesian word for "usage"."""

    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "cara pakai: " if prefix is None else prefix)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        """Descriptions and epilogs, wrapped without cutting a path at a hyphen (``/home/x/lkjip-site/…`` is copied
        from here as it is)."""
        return textwrap.fill(" ".join(text.split()), width, initial_indent=indent, subsequent_indent=indent,
                             break_on_hyphens=False, break_long_words=False)


class Parser(argparse.ArgumentParser):
    """argparse with Indonesian help frame and usage errors (exit code 2)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        helped, parents = kwargs.pop("add_help", True), kwargs.pop("parents", [])
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "argumen"
        self._optionals.title = "opsi"
        if helped:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="tampilkan bantuan ini lalu keluar")
        for parent in parents:  # after -h, where argparse puts them (its __init__ does the same)
            self._add_container_actions(parent)
            self._defaults.update(parent._defaults)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: galat penggunaan: {indonesian(message)}\n")
