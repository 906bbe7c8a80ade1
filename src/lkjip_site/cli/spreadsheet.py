"""``lkjip ekspor``, ``impor`` and ``impor-anggaran``: a report's data to and from the office's spreadsheets."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Callable

from ..core.diagnostics import ContentError, Diagnostics
from ..sheets.export import export_workbook
from ..sheets.impor import ImportResult, errors_only, import_workbook
from ..sheets.realisasi import COLUMN_KEYS, import_realisation
from ..sheets.stage import known_reports, load_one

EXIT_OK = 0


def add_commands(sub: Any, site: argparse.ArgumentParser, usage_error: type[Exception],
                 site_folder: Callable[[argparse.Namespace], Path]) -> dict[str, Callable[[argparse.Namespace], int]]:
    """Register the three commands on ``sub``; returns them for ``COMMANDS``."""
    e = sub.add_parser("ekspor", parents=[site], help="tulis data satu laporan ke buku kerja Excel (.xlsx)")
    e.add_argument("report", metavar="laporan", help="nama laporan (folder di content/laporan)")
    e.add_argument("--output", "-o", required=True, help="berkas .xlsx hasil, mis. data.xlsx")
    i = sub.add_parser("impor", parents=[site], help="baca buku kerja hasil ekspor kembali ke berkas data YAML")
    i.add_argument("report", metavar="laporan")
    i.add_argument("workbook", metavar="berkas.xlsx")
    a = sub.add_parser("impor-anggaran", parents=[site],
                       help="baca realisasi anggaran (CSV atau XLSX dari sistem keuangan) ke anggaran.yaml")
    a.add_argument("report", metavar="laporan")
    a.add_argument("source", metavar="berkas.csv|berkas.xlsx")
    a.add_argument("--kolom", action="append", default=[], metavar="NAMA=JUDUL",
                   help=f"judul kolom di berkas untuk {', '.join(COLUMN_KEYS)}, mis. --kolom pagu=\"Anggaran Perubahan\"")
    a.add_argument("--lembar", help="nama lembar di berkas .xlsx (bawaan: lembar pertama)")

    def check_report(args: argparse.Namespace) -> Path:
        root = site_folder(args)
        if args.report not in known_reports(root):
            known = ", ".join(known_reports(root)) or "-"
            raise usage_error(f"laporan '{args.report}' tidak ada di content/laporan (tersedia: {known})")
        return root

    def cmd_export(args: argparse.Namespace) -> int:
        root = check_report(args)
        try:
            report = load_one(root, args.report, Diagnostics())
        except ContentError as exc:  # the report's errors stop the export; its check warnings are not news here
            raise ContentError(errors_only(exc.diagnostics)) from None
        data = export_workbook(report)
        target = Path(args.output)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
        print(f"Buku kerja ditulis ke {target} ({len(data)} bita). Setelah diubah: lkjip impor {args.report} {target}")
        return EXIT_OK

    def read_source(path_text: str) -> tuple[bytes, str]:
        path = Path(path_text)
        if not path.is_file():
            raise usage_error(f"berkas '{path_text}' tidak ditemukan")
        return path.read_bytes(), path.name

    def cmd_import(args: argparse.Namespace) -> int:
        root = check_report(args)
        data, name = read_source(args.workbook)
        _print_result(import_workbook(root, args.report, data, name))
        return EXIT_OK

    def cmd_import_budget(args: argparse.Namespace) -> int:
        root = check_report(args)
        data, name = read_source(args.source)
        mapping = {}
        for item in args.kolom:
            key, sep, header = item.partition("=")
            if not sep or key.strip() not in COLUMN_KEYS or not header.strip():
                raise usage_error(f"--kolom '{item}' harus berbentuk NAMA=JUDUL dengan NAMA salah satu dari "
                                  f"{', '.join(COLUMN_KEYS)}")
            mapping[key.strip()] = header.strip()
        result, warnings = import_realisation(root, args.report, data, name, mapping, args.lembar)
        for w in warnings.sorted():
            print(w.format(), file=sys.stderr)
        _print_result(result)
        return EXIT_OK

    return {"ekspor": cmd_export, "impor": cmd_import, "impor-anggaran": cmd_import_budget}


def _print_result(result: ImportResult) -> None:
    for line in result.changes:
        print(line)
    if not result.written:
        print("Tidak ada perubahan: berkas data tidak diubah.")
    else:
        print(f"Impor selesai: {len(result.changes)} perubahan ditulis ke {', '.join(result.written)}.")

