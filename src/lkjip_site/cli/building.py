"""``lkjip build``, ``check``, ``pdf``, ``terbitkan`` and ``verifikasi``: the commands that run the build pipeline."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from .. import __version__
from ..archive.store import ARCHIVE_DIR, ArchivedVersion, handover_digests, load_archive
from ..archive.manifest import CHECKSUMS, MANIFEST
from ..archive.verify import verify, verify_version
from ..build import BuildOptions, build, build_pdf, check, release, repairing
from ..core.diagnostics import Diagnostics
from ..core.files import write_whole
from ..core.fmt import fmt_int, fmt_seconds
from ..core.lock import UNATTENDED_WAIT_S, site_lock
from ..core.scope import Scope
from ..core.suggest import did_you_mean, listing
from ..load.content import report_slugs
from .common import (EXIT_CONTENT, EXIT_OK, UsageError, chosen_reports, find_site, others, output_file, shown,
                     site_folder, site_output)
from .messages import report_diagnostics


def options(args: argparse.Namespace, site_output_folder: bool = True) -> BuildOptions:
    """The build's options from a command's arguments (``--situs``, ``--output``, ``--laporan``, …).
    ``site_output_folder``: ``--output`` names the folder the site replaces (not ``lkjip pdf``'s file)."""
    root = site_folder(args)
    output = None
    if getattr(args, "output", None):
        output = site_output(root, Path(args.output)) if site_output_folder else Path(args.output).resolve()
    return BuildOptions(root=root, output=output, strict=getattr(args, "strict", False),
                        scope=_scope(args, root), pdf=not getattr(args, "no_pdf", False),
                        use_cache=not getattr(args, "no_cache", False), executor=getattr(args, "pelaksana", None))


def _scope(args: argparse.Namespace, root: Path) -> Scope:
    """``--laporan`` (or ``lkjip pdf``'s report): the reports a command is about, which ``--strict`` promotes."""
    chosen = chosen_reports(args) or []
    _known_reports(chosen, root)
    return Scope.of(chosen)


def _known_reports(slugs: Sequence[str], root: Path) -> None:
    """Every slug must name a report folder of this site; else a usage error naming the nearest."""
    known = report_slugs(root / "content")
    for slug in slugs:
        if slug not in known:
            raise UsageError(f"laporan '{slug}' tidak ada di content/laporan/{did_you_mean(slug, known)} "
                             f"(laporan yang ada: {listing(known)})")


def said(message: str) -> None:
    """What a command tells the user on the way (a damaged cache entry removed and the build made again)."""
    print(f"lkjip: {message}.", file=sys.stderr)


def waiting(args: argparse.Namespace) -> float | None:
    """How long a command waits for another holding the site (seconds; None: for ever): ``--tunggu``, else for ever
    on a terminal, where the webmaster sees the wait and can press Ctrl+C, and :data:`UNATTENDED_WAIT_S` from cron or
    a script, where a hung build would otherwise keep one more process waiting each night (``core/lock``)."""
    if args.tunggu is not None:
        return args.tunggu * 60
    return None if sys.stdin is not None and sys.stdin.isatty() else UNATTENDED_WAIT_S


def cmd_build(args: argparse.Namespace) -> int:
    opts = options(args)
    with site_lock(opts.cache_root, "lkjip build", said, waiting(args)):  # never two builds publishing at once
        result = repairing(opts, lambda: build(opts), said)
    report_diagnostics(result.diagnostics, shown=shown(args))
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
    opts = options(args)
    diags = repairing(opts, lambda: check(opts), said)
    report_diagnostics(diags, sys.stdout, shown=shown(args))
    chosen = "" if opts.scope.everything else " di laporan yang dipilih"
    print(f"Pemeriksaan selesai: tidak ada galat{chosen}.")
    return EXIT_OK


def cmd_release(args: argparse.Namespace) -> int:
    opts = options(args)
    if not (opts.root / ARCHIVE_DIR / args.report).is_dir():  # a released report whose folder went: said by release
        _known_reports([args.report], opts.root)  # (a typo built every other report, then "situs.yaml:1: galat")
    # archive and build/ by one command
    with site_lock(opts.cache_root, f"lkjip terbitkan {args.report}", said, waiting(args)):
        outcome, versi, result = release(opts, args.report, said)
    report_diagnostics(result.diagnostics)
    if outcome == "sama":
        print(f"Laporan {args.report} versi {versi} sudah diterbitkan dengan isi yang sama; tidak ada yang "
              "diarsipkan.")
    else:
        folder = opts.root / ARCHIVE_DIR / args.report / versi
        print(f"Diterbitkan: laporan {args.report} versi {versi} disimpan permanen di {folder} "
              f"(manifest.json, situs/, sumber/ dan paket BagIt). Simpan folder {ARCHIVE_DIR}/ di repositori situs.")
        released = [av for av in load_archive(opts.root, Diagnostics()) if (av.slug, av.versi) == (args.report, versi)]
        _print_digests(released, "Catat sidik SHA-256 versi ini di Berita Acara Serah Terima arsip (bukti bila "
                       "kelak arsip diganti utuh; 'sha256sum -c' di folder situs memeriksanya):")
    print(f"Situs dibangun ke {opts.out}: {result.summary.get('berkas', 0)} berkas.")
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    version = _version_folder(args)
    if version is not None:
        result = verify_version(version, _relative(version), Diagnostics())
        root, is_site = version, False
    else:
        root, is_site = _verified_folder(args)
        out = Path(args.output).resolve() if args.output else root / "build"
        result = verify(root, out, Diagnostics())
    for path, problem in result.problems:
        print(f"{path}: {problem}")
    if version is not None:
        print(f"{version} adalah folder satu versi terbitan (berisi {MANIFEST}): hanya versi itu yang diperiksa.")
    elif not is_site and not result.build_checked:
        print(f"{root} bukan folder situs (tidak ada situs.yaml): hanya {ARCHIVE_DIR}/ yang diperiksa.")
    elif not result.build_checked:
        print(f"{out} belum ada: hanya arsip yang diperiksa (jalankan 'lkjip build' untuk membangunnya).")
    if result.problems:
        print(f"Verifikasi GAGAL: {result.summary()}.", file=sys.stderr)
        return EXIT_CONTENT
    if not result.versions:
        print(f"Belum ada versi terbitan di {root / ARCHIVE_DIR}; tidak ada yang diperiksa.")
        return EXIT_OK
    print(f"Verifikasi berhasil: {result.versions} versi terbitan, {result.files} berkas cocok dengan manifest.")
    _print_digests(result.archive, "Cocokkan sidik SHA-256 ini dengan yang dicatat di Berita Acara Serah Terima "
                   "setiap versi (arsip yang diganti utuh, berkas, manifest dan paket BagIt sekaligus, hanya "
                   "ketahuan dengan catatan itu):")
    return EXIT_OK


def _print_digests(archive: Sequence[ArchivedVersion], heading: str) -> None:
    """The lines of :func:`handover_digests` of each version, as ``sha256sum`` prints them."""
    lines = [f"{digest}  {path}" for av in archive for digest, path in handover_digests(av)]
    if lines:
        print(heading)
        print("\n".join(lines))


def _version_folder(args: argparse.Namespace) -> Path | None:
    """The one version folder ``lkjip verifikasi`` checks alone: the folder named (``verifikasi FOLDER`` or
    ``--situs``) holding ``manifest.json``, or the working folder holding it when no site is found from there."""
    if args.folder and args.situs:
        raise UsageError("sebut foldernya sekali saja: 'lkjip verifikasi FOLDER' atau --situs FOLDER")
    named = args.folder or args.situs
    folder = Path(named or Path.cwd()).resolve()
    if not (folder / MANIFEST).is_file():
        return None
    if named is None and find_site(folder) is not None:
        return None  # inside a site, 'lkjip verifikasi' checks the whole site as it always has
    return folder


def _relative(folder: Path) -> str:
    """``folder`` as messages and the hash lines name it: from the working folder when below it."""
    try:
        return folder.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return folder.as_posix()


def _verified_folder(args: argparse.Namespace) -> tuple[Path, bool]:
    """The folder whose ``arsip/`` ``lkjip verifikasi`` checks, and whether it is a site. Why not only a site: the
    archive handed to an archives office (the ``arsip/`` folder alone, without ``situs.yaml``) could not be verified
    there ("situs.yaml tidak ditemukan …; buat situs dengan 'lkjip init FOLDER'"). Outside a site, the folder (``--situs``
    or the working folder) that holds ``arsip/``, or ``arsip/`` itself, is checked."""
    if args.folder:
        args.situs = args.folder
    try:
        return site_folder(args), True
    except UsageError as exc:
        folder = Path(args.situs or Path.cwd()).resolve()
        if (folder / ARCHIVE_DIR).is_dir():
            return folder, False
        if folder.name == ARCHIVE_DIR and folder.is_dir():
            return folder.parent, False
        raise UsageError(f"{exc}; untuk memeriksa salinan arsip saja, jalankan 'lkjip verifikasi' di folder yang "
                         f"memuat folder {ARCHIVE_DIR}/ (atau di folder {ARCHIVE_DIR}/ itu), atau 'lkjip verifikasi "
                         f"FOLDER' untuk satu folder versi terbitan (berisi {MANIFEST})") from exc


def _laid_out_after_release(folder: str, slug: str) -> str:
    """What a PDF laid out for a version released without one is (``terbitkan --tanpa-pdf``).

    Why: ``lkjip pdf`` wrote it and said only where, and the PDF names the version's number: a pemda printing it, or
    handing it to an archives office beside the version's folder, took it for the released document. It is not: it
    is laid out now, by this lkjip, and no manifest or handover record lists its hash."""
    return (f"Versi ini sudah diterbitkan tanpa PDF ({folder}): PDF ini baru disusun sekarang dari sumber versi itu "
            f"dengan lkjip-site {__version__}, dan bukan bagian dari versi terbitan. Sidiknya tidak tercantum di "
            f"{MANIFEST} maupun {CHECKSUMS} versi itu (PDF itu sendiri menyatakannya di sampul, di kaki setiap "
            f"halaman dan di metadatanya), dan versi itu tetap tanpa PDF di situs dan di arsip. Untuk "
            f"menerbitkan PDF laporan ini: naikkan versi di laporan.yaml, isi catatan_versi, lalu jalankan "
            f"'lkjip terbitkan {slug}' tanpa --tanpa-pdf")


def cmd_pdf(args: argparse.Namespace) -> int:
    opts = options(args, site_output_folder=False)
    opts.output = None  # options() refused a report that is no folder of content/laporan (``_scope``)
    target = output_file(Path(args.output) if args.output else Path.cwd() / f"{args.report}.pdf",
                         f"{args.report}.pdf")
    # it stores what it lays out in the cache
    with site_lock(opts.cache_root, f"lkjip pdf {args.report}", said, waiting(args)):
        result = build_pdf(opts, args.report)
    report_diagnostics(result.diags, shown=shown(args), others=others(args))
    write_whole(target, result.data)
    if result.arsip is not None:
        print(f"Versi ini sudah diterbitkan: PDF-nya disalin dari {result.arsip} apa adanya, tidak dibuat ulang")
    if result.tanpa_pdf is not None:
        print(_laid_out_after_release(result.tanpa_pdf, args.report))
    print(f"PDF ditulis ke {target} ({fmt_int(len(result.data))} bita)")
    return EXIT_OK
