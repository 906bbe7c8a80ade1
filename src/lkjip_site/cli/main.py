"""The ``lkjip`` command. Exit codes: 0 success, 1 content errors, 2 usage errors (and a Dask
``--pelaksana`` that cannot be used), 3 internal error.

Every command works on a site folder: the folder that holds ``situs.yaml`` (with ``content/laporan/`` beside it). It is
found from the working directory upwards, as git finds its repository, or named with ``--situs FOLDER``.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import os
import sys
from pathlib import Path
from typing import Callable, Sequence

from .. import __version__
from ..archive.store import ARCHIVE_DIR
from ..archive.verify import verify
from ..build import BuildOptions, build, build_pdf, check, release
from ..core.diagnostics import ContentError, Diagnostic, Diagnostics
from ..core.fmt import fmt_seconds
from ..core.pool import PoolError
from ..core.scope import Scope
from ..core.suggest import did_you_mean, listing
from ..load.config import SITE_FILE
from ..load.content import report_slugs
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
    scope = _Parser(add_help=False)
    scope.add_argument("--laporan", "-l", metavar="SLUG", action="append",
                       help="hanya laporan ini (boleh diulang): --strict berlaku untuknya dan pesannya ditampilkan "
                            "lengkap; laporan lain tetap dimuat, pesannya hanya dihitung")

    dask = _Parser(add_help=False)
    dask.add_argument("--pelaksana", "--executor", dest="pelaksana", metavar="ALAMAT",
                      help="alamat penjadwal Dask, mis. tcp://10.0.0.5:8786: grafik, PDF dan halaman laporan "
                           "dibuat oleh worker klaster itu (hasilnya sama persis dengan build di mesin ini)")

    b = sub.add_parser("build", parents=[site, strict, scope, dask], help="bangun situs dan PDF ke folder build/")
    b.add_argument("--output", "-o", help="folder hasil (bawaan: build/ di folder situs)")
    b.add_argument("--tanpa-pdf", "--no-pdf", dest="no_pdf", action="store_true", help="lewati pembuatan PDF")
    b.add_argument("--waktu", action="store_true", help="cetak lama tiap tahap build (baca, hitung, grafik, …)")
    b.add_argument("--tanpa-cache", "--no-cache", dest="no_cache", action="store_true",
                   help="render semua halaman dan PDF tanpa memakai hasil build sebelumnya")
    sub.add_parser("check", parents=[site, strict, scope], help="periksa semua isi tanpa menulis apa pun")
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
    t = sub.add_parser("terbitkan", parents=[site, strict, dask],
                       help="terbitkan versi laporan saat ini secara permanen ke folder arsip/, lalu bangun situs")
    t.add_argument("report", metavar="laporan", help="nama laporan (folder di content/laporan)")
    t.add_argument("--output", "-o", help="folder hasil build (bawaan: build/ di folder situs)")
    t.add_argument("--tanpa-pdf", "--no-pdf", dest="no_pdf", action="store_true",
                   help="terbitkan tanpa PDF (versi ini selamanya tanpa PDF)")
    v = sub.add_parser("verifikasi", parents=[site],
                       help="periksa arsip/ dan build/ terhadap manifest setiap versi terbitan")
    v.add_argument("--output", "-o", help="folder hasil build yang diperiksa (bawaan: build/ di folder situs)")
    pdf = sub.add_parser("pdf", parents=[site, strict, dask], help="buat PDF satu laporan")
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
    root = site_folder(args)
    return BuildOptions(root=root, output=output, strict=getattr(args, "strict", False),
                        scope=_scope(args, root), pdf=not getattr(args, "no_pdf", False),
                        use_cache=not getattr(args, "no_cache", False), executor=getattr(args, "pelaksana", None))


def _scope(args: argparse.Namespace, root: Path) -> Scope:
    """``--laporan``: the reports a check or build is about."""
    chosen = getattr(args, "laporan", None) or []
    _known_reports(chosen, root)
    return Scope.of(chosen)


def _known_reports(slugs: Sequence[str], root: Path) -> None:
    """Every slug must name a report folder of this site; else a usage error naming the nearest."""
    known = report_slugs(root / "content")
    for slug in slugs:
        if slug not in known:
            raise UsageError(f"laporan '{slug}' tidak ada di content/laporan/{did_you_mean(slug, known)} "
                             f"(laporan yang ada: {listing(known)})")


def _shown(args: argparse.Namespace) -> Callable[[Diagnostic], bool]:
    """Printed in full: messages in scope; a build also prints every error (it fails on errors anywhere)."""
    scope = Scope.of(getattr(args, "laporan", None))
    if args.command == "build":
        return lambda d: scope.covers(d) or d.severity == "error"
    return scope.covers


def cmd_build(args: argparse.Namespace) -> int:
    opts = _options(args)
    result = build(opts)
    report_diagnostics(result.diagnostics, shown=_shown(args))
    done = result.summary
    if result.unchanged:
        print(f"Tidak ada yang berubah sejak build terakhir: {done.get('laporan', 0)} laporan, "
              f"{done.get('berkas', 0)} berkas ({done.get('pdf', 0)} PDF) di {opts.out} tetap; "
              "0 halaman dirender ulang.")
    else:
        print(f"Selesai: {done['laporan']} laporan, {done['berkas']} berkas ({done['pdf']} PDF) di {opts.out}; "
              f"{len(result.rendered)} halaman dirender ulang, sisanya tidak berubah.")
    if args.waktu:
        print("Waktu per tahap: " + " · ".join(f"{name} {fmt_seconds(s)}" for name, s in result.timings.ordered()))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    opts = _options(args)
    diags = check(opts)
    report_diagnostics(diags, sys.stdout, shown=_shown(args))
    chosen = "" if opts.scope.everything else " di laporan yang dipilih"
    print(f"Pemeriksaan selesai: tidak ada galat{chosen}.")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    return serve(_options(args), args.port)


def cmd_release(args: argparse.Namespace) -> int:
    opts = _options(args)
    outcome, result = release(opts, args.report)
    if outcome == "sama" or result is None:
        print(f"Laporan {args.report} versi ini sudah diterbitkan dengan isi yang sama; tidak ada yang ditulis.")
        return EXIT_OK
    report_diagnostics(result.diagnostics)
    versi = next(r.versi for r in result.site.reports if r.slug == args.report)
    folder = opts.root / ARCHIVE_DIR / args.report / versi
    print(f"Diterbitkan: laporan {args.report} versi {versi} disimpan permanen di {folder} "
          f"(manifest.json, situs/, sumber/ dan paket BagIt). Simpan folder {ARCHIVE_DIR}/ di repositori situs.")
    print(f"Situs dibangun ke {opts.out}: {len(result.files)} berkas.")
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    root = site_folder(args)
    out = Path(args.output).resolve() if args.output else root / "build"
    diags = Diagnostics()
    result = verify(root, out, diags)
    for path, problem in result.problems:
        print(f"{path}: {problem}")
    if not result.build_checked:
        print(f"{out} belum ada: hanya arsip yang diperiksa (jalankan 'lkjip build' untuk membangunnya).")
    if result.problems:
        print(f"Verifikasi GAGAL: {len(result.problems)} berkas berubah, hilang atau berlebih "
              f"({result.versions} versi terbitan).", file=sys.stderr)
        return EXIT_CONTENT
    if not result.versions:
        print(f"Belum ada versi terbitan di {root / ARCHIVE_DIR}; tidak ada yang diperiksa.")
        return EXIT_OK
    print(f"Verifikasi berhasil: {result.versions} versi terbitan, {result.files} berkas cocok dengan manifest.")
    return EXIT_OK


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
    _known_reports([args.report], opts.root)
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
    "schema": cmd_schema, "pdf": cmd_pdf, "terbitkan": cmd_release, "verifikasi": cmd_verify,
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
    except PoolError as exc:
        print(f"lkjip: galat pelaksana: {exc}", file=sys.stderr)
        print("Tidak ada berkas yang ditulis; hasil build sebelumnya tetap utuh.", file=sys.stderr)
        return EXIT_USAGE
    except ContentError as exc:
        report_diagnostics(exc.diagnostics, shown=_shown(args))
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
