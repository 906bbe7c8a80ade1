"""What every command shares: exit codes, the usage error, and how the site folder is found.

Why a module of its own: ``main`` loads a command's module only when that command runs (see ``main.COMMANDS``), and
the command modules need these too; here, below both, nothing imports ``main`` back.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Callable

from ..core.diagnostics import Diagnostic
from ..core.paths import ARCHIVE_DIR, CACHE_DIR, SITE_FILE
from ..core.scope import Scope

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
#: Another command held the site's lock for longer than this one was to wait (``--tunggu``): try again later.
EXIT_BUSY = 4
#: A command whose output's reader left (``lkjip verifikasi | head -2``) ends as a shell says one killed by SIGPIPE.
EXIT_PIPE = 141


class UsageError(Exception):
    """A command given in a way it cannot run (message in Indonesian); exit code 2."""


def output_file(target: Path, example: str) -> Path:
    """Where a command writes its one file (``--output``), checked before the work that makes it (a PDF takes
    seconds): a folder there, or a file where a folder of its path should be, is the webmaster's to rename, said
    with a name to use; a folder that does not exist yet is made when the file is written."""
    if target.is_dir():
        raise UsageError(f"{target} adalah folder; tulis nama berkasnya, mis. --output {target / example}")
    kind = Path(example).suffix
    if target.suffix.lower() != kind:  # "ekspor -o data.csv" wrote a workbook that a spreadsheet opened as text
        raise UsageError(f"{target}: berkas ini ber-format {kind[1:].upper()}; beri nama berakhiran {kind}, mis. "
                         f"--output {target.with_suffix(kind)}")
    _no_file_above(target)
    return target


def output_folder(target: Path) -> Path:
    """A folder a command writes into (``lkjip init``, ``lkjip schema --output``): not a file, nor below one."""
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target} adalah berkas, bukan folder; pilih folder lain")
    _no_file_above(target)
    return target


#: Folders of a site that a build's output must never be, nor be inside: they are its sources and its archive.
SOURCE_FOLDERS = ("content", "themes", ARCHIVE_DIR)


def site_output(root: Path, target: Path) -> Path:
    """The folder a build replaces whole (``build``, ``serve``, ``terbitkan`` with ``--output``), refused where that
    would destroy what is not a build: ``--output .`` published the site and removed content/ and situs.yaml
    with it, ``--output ..`` the site and every folder beside it, ``--output content`` the reports. A folder that
    already holds files is taken only when it is a site lkjip built (its ``index.html`` at the top) and no
    site folder."""
    out, site = target.resolve(), root.resolve()
    if out == site or site.is_relative_to(out):
        raise UsageError(f"--output {target}: itu folder situs ini{'' if out == site else ' atau folder di atasnya'}; "
                         "build mengganti seluruh isi folder hasil, jadi sumber laporan akan terhapus. Pilih folder "
                         f"lain, mis. --output {site / 'build'}")
    for name in (*SOURCE_FOLDERS, CACHE_DIR):
        inside = site / name
        if out == inside or (name != CACHE_DIR and out.is_relative_to(inside)):  # (the preview is in .cache/)
            raise UsageError(f"--output {target}: folder itu {'adalah' if out == inside else 'ada di dalam'} "
                             f"{name}/ situs ini, yang akan terhapus oleh build; pilih folder lain, mis. --output "
                             f"{site / 'build'}")
    site_file = (out / SITE_FILE).exists()
    if out.is_dir() and (site_file or (any(out.iterdir()) and not (out / "index.html").is_file())):
        raise UsageError(f"--output {target}: folder itu sudah berisi berkas yang bukan hasil build lkjip "
                         f"({'ada ' + SITE_FILE if site_file else 'tidak ada index.html'}); build "
                         "mengganti seluruh isinya. Pilih folder kosong, folder baru, atau folder hasil build "
                         "sebelumnya")
    return out


def _no_file_above(target: Path) -> None:
    for folder in target.parents:
        if folder.exists():
            if not folder.is_dir():
                raise UsageError(f"{folder} adalah berkas, bukan folder; pilih tempat lain untuk {target.name}")
            return


def find_site(start: Path) -> Path | None:
    """The nearest folder from ``start`` upwards that holds ``situs.yaml``."""
    for folder in (start, *start.parents):
        if (folder / SITE_FILE).is_file():
            return folder
    return None


def site_folder(args: argparse.Namespace) -> Path:
    """The site a command works on: ``--situs``, else found from the working directory upwards."""
    if getattr(args, "situs", None):
        folder = Path(args.situs).resolve()
        if not (folder / SITE_FILE).is_file():
            raise UsageError(f"{folder} bukan folder situs: {SITE_FILE} tidak ada di sana")
        return folder
    found = find_site(Path.cwd().resolve())
    if found is None:
        raise UsageError(f"{SITE_FILE} tidak ditemukan di {Path.cwd()} atau folder di atasnya; buat situs dengan "
                         "'lkjip init FOLDER' atau sebut foldernya dengan --situs FOLDER")
    return found


def chosen_reports(args: argparse.Namespace) -> list[str] | None:
    """The reports a command is about: ``--laporan``, or the one report of ``lkjip pdf``. Why: a webmaster asking for
    one kecamatan's PDF on a portal of 24 reports was shown every other report's warnings (496 lines, 27 of them its
    own), and ``lkjip pdf --strict`` stopped on another report's warning."""
    if args.command == "pdf":
        return [args.report]
    return getattr(args, "laporan", None)


def shown(args: argparse.Namespace) -> Callable[[Diagnostic], bool]:
    """Printed in full: messages in scope; a build or a PDF also prints every error (it fails on errors anywhere)."""
    scope = Scope.of(chosen_reports(args))
    if args.command in ("build", "pdf"):
        return lambda d: scope.covers(d) or d.severity == "error"
    return scope.covers


def others(args: argparse.Namespace) -> str:
    """How the count line names the reports whose messages are not shown (``lkjip pdf`` has no ``--laporan``)."""
    return f"selain {args.report}" if args.command == "pdf" else "di luar --laporan"
