"""The ``lkjip`` command. Exit codes: 0 success, 1 content errors, 2 usage errors (and a Dask
``--pelaksana`` that cannot be used), 3 internal error, 4 the site held by another command for longer than
``--tunggu``, 130 stopped by Ctrl+C, 143 stopped by SIGTERM.

Every command works on a site folder: the folder that holds ``situs.yaml`` (with ``content/laporan/`` beside it). It is
found from the working directory upwards, as git finds its repository, or named with ``--situs FOLDER``.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import importlib.util
import os
import sys
from pathlib import Path
from typing import Callable, Sequence

from .. import __version__
from ..core.files import CacheDamaged
from ..core.fmt import fmt_duration
from ..core.lock import UNATTENDED_WAIT_S, SiteBusy
from ..core.diagnostics import ContentError
from ..core.epoch import source_date_epoch
from ..core.model import PERIODS
from ..core.paths import SITE_FILE
from ..core.pool import PoolError
from ..core.refusals import refused
from ..core.resources import GUIDES
from ..core.signals import exit_code, stopping
from ..sheets.layout import COLUMN_KEYS, OPTIONAL_KEYS
from .common import (EXIT_BUSY, EXIT_CONTENT, EXIT_INTERNAL, EXIT_PIPE, EXIT_USAGE, UsageError, others, shown,
                     site_folder)
from .messages import report_diagnostics
from .usage import Parser

#: Each command's function, as ``module:function`` in this package: a command's module is loaded only when it runs,
#: so that ``lkjip build`` does not first import the spreadsheet library (openpyxl), the preview server (watchdog,
#: http.server) and the rest, nor ``lkjip --help`` the whole build: about a third of a one-chapter rebuild's
#: start-up. This table is the only place a module of this package is imported by name (``tests/test_architecture.py``
#: holds it to that and checks that no command module imports this one back, so no cycle can hide here).
COMMANDS: dict[str, str] = {
    "build": "building:cmd_build", "check": "building:cmd_check", "pdf": "building:cmd_pdf",
    "terbitkan": "building:cmd_release", "verifikasi": "building:cmd_verify", "serve": "serve:cmd_serve",
    "init": "scaffold:cmd_init", "new": "scaffold:cmd_new", "schema": "scaffold:cmd_schema",
    "ekspor": "spreadsheet:cmd_export", "impor": "spreadsheet:cmd_import",
    "impor-anggaran": "spreadsheet:cmd_import_budget",
}


def _port(text: str) -> int:
    """A TCP port as the webmaster types it: 0 takes any free one."""
    if not text.strip().isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"'{text}' bukan nomor port; tulis bilangan 1–65535, mis. 8000")
    return int(text)


def _minutes(text: str) -> float:
    """``--tunggu``: minutes as the webmaster types them (``30``, ``1,5``), 0 or more."""
    try:
        minutes = float(text.strip().replace(",", "."))
    except ValueError:
        minutes = -1.0
    if not 0 <= minutes < float("inf"):
        raise argparse.ArgumentTypeError(f"'{text}' bukan jumlah menit; tulis bilangan 0 atau lebih, mis. --tunggu 90 "
                                         "(0: tidak menunggu)")
    return minutes


def _parser() -> argparse.ArgumentParser:
    p = Parser(prog="lkjip", description="Membangun situs dan PDF Laporan Kinerja Instansi Pemerintah (LKjIP).",
               epilog=f"Panduan yang terpasang bersama lkjip: untuk penulis laporan {GUIDES / 'panduan-penulis.md'}, "
                      f"untuk pengelola server web {GUIDES / 'penerbitan.md'}; apa yang berubah di setiap versi lkjip "
                      f"dan langkah sesudah memperbaruinya: {GUIDES / 'riwayat-versi.md'}")
    p.add_argument("--version", action="version", version=f"lkjip-site {__version__}",
                   help="tampilkan versi program lalu keluar")
    sub = p.add_subparsers(dest="command", metavar="PERINTAH", parser_class=Parser)
    sub.required = True

    site = Parser(add_help=False)
    site.add_argument("--situs", "-s", metavar="FOLDER",
                      help=f"folder situs (berisi {SITE_FILE}); bawaan: folder kerja ini atau folder di atasnya")
    strict = Parser(add_help=False)
    strict.add_argument("--strict", action="store_true", help="peringatan dianggap galat")
    scope = Parser(add_help=False)
    scope.add_argument("--laporan", "-l", metavar="SLUG", action="append",
                       help="hanya laporan ini (boleh diulang): --strict berlaku untuknya dan pesannya ditampilkan "
                            "lengkap; laporan lain tetap dimuat, pesannya hanya dihitung")

    dask = Parser(add_help=False)
    dask.add_argument("--pelaksana", "--executor", dest="pelaksana", metavar="ALAMAT",
                      help="alamat penjadwal Dask, mis. tcp://10.0.0.5:8786: grafik, PDF dan halaman laporan "
                           "dibuat oleh worker klaster itu (hasilnya sama persis dengan build di mesin ini)")

    waiting = Parser(add_help=False)
    waiting.add_argument("--tunggu", type=_minutes, metavar="MENIT",
                         help="bila perintah lkjip lain sedang menulis folder situs ini: tunggu paling lama sekian "
                              "menit, lalu berhenti tanpa menulis apa pun (0: tidak menunggu; bawaan: tanpa batas di "
                              f"terminal, {fmt_duration(UNATTENDED_WAIT_S)} bila dijalankan cron atau skrip)")

    b = sub.add_parser("build", parents=[site, strict, scope, dask, waiting],
                       help="bangun situs dan PDF ke folder build/")
    b.add_argument("--output", "-o", metavar="FOLDER", help="folder hasil (bawaan: build/ di folder situs)")
    b.add_argument("--tanpa-pdf", "--no-pdf", dest="no_pdf", action="store_true", help="lewati pembuatan PDF")
    b.add_argument("--waktu", action="store_true", help="cetak lama tiap tahap build (baca, hitung, grafik, …)")
    b.add_argument("--tanpa-cache", "--no-cache", dest="no_cache", action="store_true",
                   help="render semua halaman dan PDF tanpa memakai hasil build sebelumnya")
    sub.add_parser("check", parents=[site, strict, scope], help="periksa semua isi tanpa menulis apa pun")
    s = sub.add_parser("serve", parents=[site, strict],
                       help="bangun, sajikan di 127.0.0.1, dan bangun ulang saat berkas berubah")
    s.add_argument("--port", type=_port, default=8000, help="port pratinjau di 127.0.0.1 (bawaan: 8000)")
    s.add_argument("--output", "-o", metavar="FOLDER",
                   help="folder pratinjau (bawaan: .cache/pratinjau di folder situs)")
    i = sub.add_parser("init", help="buat folder situs baru (situs.yaml, content/, .gitignore, .gitattributes, "
                                    "README.md)")
    i.add_argument("folder", nargs="?", default=".", help="folder situs baru (bawaan: folder kerja ini)")
    n = sub.add_parser("new", parents=[site], help="buat kerangka laporan baru")
    n.add_argument("slug", help="nama folder laporan, mis. kecamatan-contoh-2024")
    n.add_argument("--tahun", type=int, help="tahun yang dilaporkan (bawaan: tahun lalu)")
    n.add_argument("--periode", choices=PERIODS, help="tahunan atau tw1..tw4 (bawaan: tahunan)")
    n.add_argument("--instansi", help='nama instansi, mis. "Kecamatan Martapura Barat"')
    n.add_argument("--dari", metavar="SLUG_LAMA",
                   help="mulai dari laporan lama situs ini, mis. laporan tahun lalu: instansi, Renstra, indikator, "
                        "PK dan struktur anggaran disalin tanpa realisasi dan angka tahun itu; bab ditandai untuk "
                        "ditulis ulang (bawaan --tahun: tahun laporan lama + 1, atau tahun laporan lama bila --periode "
                        "jatuh sesudah periodenya di tahun itu, mis. --periode tw2 dari laporan TW I)")
    sc = sub.add_parser("schema", help="tulis JSON Schema semua jenis berkas")
    sc.add_argument("--output", "-o", default="docs/schema", metavar="FOLDER",
                    help="folder tujuan berkas *.schema.json, untuk editor yang memeriksa YAML (bawaan: docs/schema)")
    t = sub.add_parser("terbitkan", parents=[site, strict, dask, waiting],
                       help="terbitkan versi laporan saat ini secara permanen ke folder arsip/, lalu bangun situs")
    t.add_argument("report", metavar="laporan", help="nama laporan (folder di content/laporan)")
    t.add_argument("--output", "-o", metavar="FOLDER", help="folder hasil build (bawaan: build/ di folder situs)")
    t.add_argument("--tanpa-pdf", "--no-pdf", dest="no_pdf", action="store_true",
                   help="terbitkan tanpa PDF (versi ini selamanya tanpa PDF)")
    v = sub.add_parser("verifikasi", parents=[site],
                       help="periksa arsip/ dan build/ terhadap manifest setiap versi terbitan")
    v.add_argument("folder", nargs="?", metavar="folder",
                   help="folder situs, folder arsip/ yang diserahkan, atau folder satu versi terbitan "
                        "(arsip/<laporan>/<versi>/, berisi manifest.json); bawaan: folder kerja ini")
    v.add_argument("--output", "-o", metavar="FOLDER",
                   help="folder hasil build yang diperiksa (bawaan: build/ di folder situs)")
    pdf = sub.add_parser("pdf", parents=[site, strict, dask, waiting], help="buat PDF satu laporan")
    pdf.add_argument("report", metavar="laporan", help="nama laporan (folder di content/laporan)")
    pdf.add_argument("--output", "-o", metavar="BERKAS",
                     help="berkas PDF hasil (bawaan: <laporan>.pdf di folder kerja)")
    e = sub.add_parser("ekspor", parents=[site], help="tulis data satu laporan ke buku kerja Excel (.xlsx)")
    e.add_argument("report", metavar="laporan", help="nama laporan (folder di content/laporan)")
    e.add_argument("--output", "-o", required=True, metavar="BERKAS", help="berkas .xlsx hasil, mis. data.xlsx")
    im = sub.add_parser("impor", parents=[site], help="baca buku kerja hasil ekspor kembali ke berkas data YAML")
    im.add_argument("report", metavar="laporan", help="nama laporan (folder di content/laporan)")
    im.add_argument("workbook", metavar="berkas.xlsx", help="buku kerja hasil lkjip ekspor laporan yang sama")
    im.add_argument("--timpa", action="store_true",
                    help="tulis isi buku kerja walaupun berkas data diubah sesudah buku kerja itu diekspor "
                         "(perubahan di berkas data itu hilang)")
    a = sub.add_parser("impor-anggaran", parents=[site],
                       help="baca realisasi anggaran (CSV atau XLSX dari sistem keuangan) ke anggaran.yaml")
    a.add_argument("report", metavar="laporan", help="nama laporan (folder di content/laporan)")
    a.add_argument("source", metavar="berkas.csv|berkas.xlsx",
                   help="laporan realisasi anggaran dari sistem keuangan (mis. SIPD), sebagai CSV atau XLSX")
    a.add_argument("--kolom", action="append", default=[], metavar="NAMA=JUDUL",
                   help=f"judul kolom di berkas untuk {', '.join((*COLUMN_KEYS, *OPTIONAL_KEYS))}, "
                        'mis. --kolom pagu="Anggaran Perubahan"')
    a.add_argument("--lembar", help="nama lembar di berkas .xlsx (bawaan: lembar pertama)")
    return p


def command(name: str) -> Callable[[argparse.Namespace], int]:
    """The function of command ``name`` (a key of :data:`COMMANDS`), its module loaded now."""
    module, _, function = COMMANDS[name].partition(":")
    return getattr(importlib.import_module(f"{__package__}.{module}"), function)


NOTHING_WRITTEN = "Tidak ada berkas yang ditulis; hasil build sebelumnya tetap utuh."
#: What the errors left as they were, by command: ``check`` writes nothing in any case, an import no data file.
AFTER_ERRORS = {"check": "Pemeriksaan selesai: ada galat; perbaiki baris yang disebut, lalu jalankan lagi.",
                "impor": "Tidak ada berkas yang ditulis; berkas data tetap seperti semula.",
                "impor-anggaran": "Tidak ada berkas yang ditulis; berkas data tetap seperti semula.",
                "ekspor": "Tidak ada berkas yang ditulis.",
                "new": "Tidak ada berkas yang ditulis; laporan baru belum dibuat.",
                # a galat of another report stops it too (the site is checked whole: links cross reports)
                "pdf": "PDF tidak ditulis: perbaiki galat yang disebut, juga yang di laporan lain, lalu jalankan lagi."}


def nothing_written(args: argparse.Namespace) -> str:
    """What a refused ``build`` or ``terbitkan`` left as it was, said as it is: the earlier build where there is
    one (named, as ``--output`` may put it elsewhere), and where there is none (a first build, a release refused
    before any build) that the folder was not made.

    Why: a webmaster's first ``lkjip terbitkan`` in a fresh site, refused for the scaffold's sample values, ended
    "hasil build sebelumnya tetap utuh" beside a site that had never been built, and went looking for it."""
    message = AFTER_ERRORS.get(args.command, NOTHING_WRITTEN)
    if args.command not in ("build", "terbitkan"):
        return message
    try:
        root = site_folder(args)
    except UsageError:
        return message
    out = Path(args.output).resolve() if args.output else root / "build"
    name = f"{out.name}/" if out.parent == root else str(out)
    built = out.is_dir() and any(out.iterdir())
    if built:
        return f"Tidak ada berkas yang ditulis; hasil build sebelumnya di {name} tetap utuh."
    return f"Tidak ada berkas yang ditulis; folder {name} belum ada dan tidak dibuat."


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        source_date_epoch()  # refused here, before anything is written, rather than where a date is first needed
    except ValueError as exc:
        print(f"lkjip: galat penggunaan: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        with stopping():  # SIGTERM (a cancelled CI job, a service stopped) ends it as Ctrl+C does
            return command(args.command)(args)
    except UsageError as exc:
        print(f"lkjip: galat penggunaan: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except PoolError as exc:
        print(f"lkjip: galat pelaksana: {exc}", file=sys.stderr)
        print(nothing_written(args), file=sys.stderr)
        return EXIT_USAGE
    except ContentError as exc:
        report_diagnostics(exc.diagnostics, shown=shown(args), others=others(args))
        print(nothing_written(args), file=sys.stderr)
        return EXIT_CONTENT
    except SiteBusy as exc:  # another command's, not this one's: it says who, and how to end a hung one
        print(f"lkjip: {exc}.", file=sys.stderr)
        return EXIT_BUSY
    except CacheDamaged as exc:  # the cache, not the report, and not the program: say what to delete
        print(f"lkjip: cache rusak: {exc}.", file=sys.stderr)
        print("Hapus folder cache situs ini (bawaan: .cache di folder situs), lalu jalankan lagi perintah yang sama; "
              "hasil build sebelumnya tetap utuh.", file=sys.stderr)
        return EXIT_INTERNAL
    except BrokenPipeError:  # `lkjip check | head`: the reader of the output left, the program did not fail
        _output_gone()
        return EXIT_PIPE
    except KeyboardInterrupt as stop:  # a script's `lkjip build && upload` must not upload after a stop
        print("lkjip: dihentikan sebelum selesai.", file=sys.stderr)
        return exit_code(stop)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: a message, not a traceback
        if os.environ.get("LKJIP_DEBUG"):
            raise
        if why := refused(exc):  # the system's, not the program's: the webmaster can mend it
            print(f"lkjip: {why}.", file=sys.stderr)
            print("Ini bukan kesalahan program atau isi laporan.", file=sys.stderr)
            return EXIT_INTERNAL
        print(f"galat internal lkjip: {type(exc).__name__}: {exc}", file=sys.stderr)
        print("Ini kesalahan program, bukan isi laporan. Jalankan ulang dengan LKJIP_DEBUG=1 dan laporkan.",
              file=sys.stderr)
        return EXIT_INTERNAL


def _output_gone() -> None:
    """Send what is still to be printed nowhere: the reader of standard output has left, and the interpreter's own
    flush at exit would fail again. Why: it ended in "galat internal lkjip: BrokenPipeError" and code 3, a program
    error, after a build that had published, and a check that had checked."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def run() -> None:
    """The ``lkjip`` program (console script and ``python -m lkjip_site``): :func:`main`, then the process ends.

    Before it ends, everything the command built is frozen out of the garbage collector's sight (``gc.freeze``):
    otherwise the interpreter's last collection scans it all only to exit (half a second after a one-chapter rebuild
    of 100 reports). ``main`` stays an ordinary function: tests call it many times in one process.
    """
    _launcher_not_rerun_in_workers()
    code = main()
    gc.freeze()
    sys.exit(code)


def _launcher_not_rerun_in_workers() -> None:
    """Tell multiprocessing that the ``lkjip`` console script is this package's ``__main__``, as it is.

    Why: every worker process (charts, PDFs) is spawned, and a spawned process first runs its parent's main module
    again, in case a job's function was defined there. The console script pip writes defines nothing; running it
    only imports the whole command (WeasyPrint, the build, every stage): some 30 MB in each chart worker, beside a
    build process that holds an archive's report states while its charts are drawn.
    multiprocessing already skips a main module named ``<package>.__main__`` (``python -m lkjip_site``): such a
    module only runs its command. The console script is the same launcher, so it is given that name. A program that
    imports lkjip_site as a library keeps its own main module untouched: only the script whose ``run`` is this
    function is named.
    """
    launcher = sys.modules.get("__main__")
    if launcher is not None and getattr(launcher, "__spec__", None) is None and getattr(launcher, "run", None) is run:
        launcher.__spec__ = importlib.util.find_spec("lkjip_site.__main__")


if __name__ == "__main__":  # pragma: no cover
    run()
