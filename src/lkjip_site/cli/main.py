"""The ``lkjip`` command. Exit codes: 0 success, 1 content errors, 2 usage errors, 3 internal error.

Every command works on a site folder: the folder that holds ``situs.yaml`` (with ``content/laporan/`` beside it). It is
found from the working directory upwards, as git finds its repository, or named with ``--situs FOLDER``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Callable, Sequence

from .. import __version__
from ..build import BuildOptions, build, build_pdf, check
from ..core.diagnostics import ContentError
from ..load.config import SITE_FILE
from ..load.schemas import ALL
from .messages import report_diagnostics
from .scaffold import PERIODS, init_site, new_report
from .serve import serve
from .spreadsheet import add_commands

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class UsageError(Exception):
    """A command given in a way it cannot run (message in Indonesian); exit code 2."""


class _Parser(argparse.ArgumentParser):
    """argparse with Indonesian usage errors (exit code 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: galat penggunaan: {message}\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="lkjip", description="Membangun situs dan PDF Laporan Kinerja Instansi Pemerintah (LKjIP).")
    p.add_argument("--version", action="version", version=f"lkjip-site {__version__}")
    sub = p.add_subparsers(dest="command", metavar="PERINTAH", parser_class=_Parser)
    sub.required = True

    site = _Parser(add_help=False)
    site.add_argument("--situs", "-s", metavar="FOLDER",
                      help=f"folder situs (berisi {SITE_FILE}); bawaan: folder kerja ini atau folder di atasnya")
    strict = _Parser(add_help=False)
    strict.add_argument("--strict", action="store_true", help="peringatan dianggap galat")

    b = sub.add_parser("build", parents=[site, strict], help="bangun situs dan PDF ke folder build/")
    b.add_argument("--output", "-o", help="folder hasil (bawaan: build/ di folder situs)")
    b.add_argument("--tanpa-pdf", "--no-pdf", dest="no_pdf", action="store_true", help="lewati pembuatan PDF")
    b.add_argument("--tanpa-cache", "--no-cache", dest="no_cache", action="store_true",
                   help="render semua halaman dan PDF tanpa memakai hasil build sebelumnya")
    sub.add_parser("check", parents=[site, strict], help="periksa semua isi tanpa menulis apa pun")
    s = sub.add_parser("serve", parents=[site, strict],
                       help="bangun, sajikan di 127.0.0.1, dan bangun ulang saat berkas berubah")
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--output", "-o", help="folder pratinjau (bawaan: .cache/pratinjau di folder situs)")
    i = sub.add_parser("init", help="buat folder situs baru (situs.yaml, content/, .gitignore, README.md)")
    i.add_argument("folder", nargs="?", default=".", help="folder situs baru (bawaan: folder kerja ini)")
    n = sub.add_parser("new", parents=[site], help="buat kerangka laporan baru")
    n.add_argument("slug", help="nama folder laporan, mis. kecamatan-contoh-2024")
    n.add_argument("--tahun", type=int, help="tahun yang dilaporkan (bawaan: tahun lalu)")
    n.add_argument("--periode", choices=PERIODS, help="tahunan atau tw1..tw4 (bawaan: tahunan)")
    n.add_argument("--instansi", help='nama instansi, mis. "Kecamatan Martapura Barat"')
    sc = sub.add_parser("schema", help="tulis JSON Schema semua jenis berkas")
    sc.add_argument("--output", "-o", default="docs/schema")
    pdf = sub.add_parser("pdf", parents=[site, strict], help="buat PDF satu laporan")
    pdf.add_argument("report", help="nama laporan (folder di content/laporan)")
    pdf.add_argument("--output", "-o", help="berkas PDF hasil (bawaan: <laporan>.pdf di folder kerja)")
    COMMANDS.update(add_commands(sub, site, UsageError, site_folder))  # ekspor, impor, impor-anggaran
    return p


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


def _options(args: argparse.Namespace) -> BuildOptions:
    output = Path(args.output).resolve() if getattr(args, "output", None) else None
    return BuildOptions(root=site_folder(args), output=output, strict=getattr(args, "strict", False),
                        pdf=not getattr(args, "no_pdf", False), use_cache=not getattr(args, "no_cache", False))


def cmd_build(args: argparse.Namespace) -> int:
    opts = _options(args)
    result = build(opts)
    report_diagnostics(result.diagnostics)
    pdfs = sum(1 for k in result.files if k.endswith(".pdf"))
    print(f"Selesai: {len(result.site.reports)} laporan, {len(result.files)} berkas ({pdfs} PDF) di {opts.out}; "
          f"{len(result.rendered)} halaman dirender ulang, sisanya tidak berubah.")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    diags = check(_options(args))
    report_diagnostics(diags, sys.stdout)
    print("Pemeriksaan selesai: tidak ada galat.")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    return serve(_options(args), args.port)


def cmd_init(args: argparse.Namespace) -> int:
    return init_site(Path(args.folder).resolve())


def cmd_new(args: argparse.Namespace) -> int:
    if getattr(args, "situs", None):
        root = site_folder(args)
    else:
        root = find_site(Path.cwd().resolve()) or Path.cwd().resolve()  # an empty folder becomes a site
    return new_report(root, args.slug, args.tahun, args.periode, args.instansi)


def cmd_schema(args: argparse.Namespace) -> int:
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    for doc in ALL:
        (out / f"{doc.name}.schema.json").write_text(
            json.dumps(doc.json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(ALL)} skema ditulis ke {out}")
    return EXIT_OK


def cmd_pdf(args: argparse.Namespace) -> int:
    opts = _options(args)
    opts.output = None
    data, diags = build_pdf(opts, args.report)
    report_diagnostics(diags)
    target = Path(args.output) if args.output else Path.cwd() / f"{args.report}.pdf"
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(target)
    print(f"PDF ditulis ke {target} ({len(data)} bita)")
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "build": cmd_build, "check": cmd_check, "serve": cmd_serve, "init": cmd_init, "new": cmd_new,
    "schema": cmd_schema, "pdf": cmd_pdf,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch and not epoch.isdigit():
        print(f"lkjip: galat penggunaan: SOURCE_DATE_EPOCH harus bilangan bulat detik sejak 1970, bukan '{epoch}'",
              file=sys.stderr)
        return EXIT_USAGE
    try:
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"lkjip: galat penggunaan: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ContentError as exc:
        report_diagnostics(exc.diagnostics)
        print("Tidak ada berkas yang ditulis; hasil build sebelumnya tetap utuh.", file=sys.stderr)
        return EXIT_CONTENT
    except KeyboardInterrupt:
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the last line of defence: a message, not a traceback
        if os.environ.get("LKJIP_DEBUG"):
            raise
        print(f"galat internal lkjip: {type(exc).__name__}: {exc}", file=sys.stderr)
        print("Ini kesalahan program, bukan isi laporan. Jalankan ulang dengan LKJIP_DEBUG=1 dan laporkan.",
              file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
