"""``lkjip ekspor``, ``impor`` and ``impor-anggaran``: a report's data to and from the office's spreadsheets."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core.diagnostics import ContentError, Diagnostics
from ..core.files import write_whole
from ..core.fmt import fmt_int
from ..sheets.export import export_workbook
from ..sheets.impor import ImportResult, errors_only, import_workbook
from ..sheets.layout import COLUMN_KEYS, OPTIONAL_KEYS
from ..sheets.realisasi import import_realisation
from ..sheets.stage import known_reports, load_one
from .common import EXIT_OK, UsageError, output_file, site_folder


def _check_report(args: argparse.Namespace) -> Path:
    root = site_folder(args)
    if args.report not in known_reports(root):
        known = ", ".join(known_reports(root)) or "-"
        raise UsageError(f"laporan '{args.report}' tidak ada di content/laporan (tersedia: {known})")
    return root


def cmd_export(args: argparse.Namespace) -> int:
    root = _check_report(args)
    target = output_file(Path(args.output), f"{args.report}.xlsx")
    diags = Diagnostics()
    try:
        report = load_one(root, args.report, diags, findings_stop=False)
    except ContentError as exc:  # files that cannot be read stop the export; check warnings are not news here
        raise ContentError(errors_only(exc.diagnostics)) from None
    data = export_workbook(report)
    write_whole(target, data)
    print(f"Buku kerja ditulis ke {target} ({fmt_int(len(data))} bita). Setelah diubah: lkjip impor {args.report} {target}")
    if diags.errors:  # e.g. the next quarter after lkjip new --dari: the workbook is where it gets written
        print(f"Laporan ini masih memuat {len(diags.errors)} galat pemeriksaan (daftarnya: lkjip check --laporan "
              f"{args.report}), mis. triwulan yang belum diisi; perbaiki di buku kerja, lalu impor.")
    return EXIT_OK


def _read_source(path_text: str) -> tuple[bytes, str]:
    path = Path(path_text)
    if not path.is_file():
        raise UsageError(f"berkas '{path_text}' tidak ditemukan")
    return path.read_bytes(), path.name


def cmd_import(args: argparse.Namespace) -> int:
    root = _check_report(args)
    data, name = _read_source(args.workbook)
    _print_result(import_workbook(root, args.report, data, name, args.timpa))
    return EXIT_OK


def cmd_import_budget(args: argparse.Namespace) -> int:
    root = _check_report(args)
    data, name = _read_source(args.source)
    mapping = {}
    for item in args.kolom:
        key, sep, header = item.partition("=")
        if not sep or key.strip() not in (*COLUMN_KEYS, *OPTIONAL_KEYS) or not header.strip():
            raise UsageError(f"--kolom '{item}' harus berbentuk NAMA=JUDUL dengan NAMA salah satu dari "
                             f"{', '.join((*COLUMN_KEYS, *OPTIONAL_KEYS))}")
        mapping[key.strip()] = header.strip()
    result, warnings = import_realisation(root, args.report, data, name, mapping, args.lembar)
    for w in warnings.sorted():
        print(w.format(), file=sys.stderr)
    _print_result(result)
    return EXIT_OK


def _print_result(result: ImportResult) -> None:
    for w in result.warnings:
        print(w.format(), file=sys.stderr)
    for line in result.changes:
        print(line)
    if not result.written:
        print("Tidak ada perubahan: berkas data tidak diubah.")
    else:
        print(f"Impor selesai: {len(result.changes)} perubahan ditulis ke {', '.join(result.written)}.")

