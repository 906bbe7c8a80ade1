"""The ``lkjip`` command. Exit codes: 0 success, 1 content errors, 2 usage errors, 3 internal error."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Callable, Sequence

from ..build import BuildOptions, build, build_pdf, check
from ..core.diagnostics import ContentError
from ..load.schemas import ALL
from .messages import report_diagnostics
from .scaffold import new_report
from .serve import serve

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    """argparse with Indonesian usage errors (exit code 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: galat penggunaan: {message}\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="lkjip", description="Membangun situs dan PDF Laporan Kinerja Instansi Pemerintah (LKjIP).")
    sub = p.add_subparsers(dest="command", metavar="PERINTAH", parser_class=_Parser)
    sub.required = True

    def content_arg(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("content", nargs="?", help="folder konten (bawaan: ./content)")
        sp.add_argument("--strict", action="store_true", help="peringatan dianggap galat")

    b = sub.add_parser("build", help="bangun situs dan PDF ke folder build/")
    content_arg(b)
    b.add_argument("--output", "-o", help="folder hasil (bawaan: ./build)")
    b.add_argument("--tanpa-pdf", "--no-pdf", dest="no_pdf", action="store_true", help="lewati pembuatan PDF")
    b.add_argument("--tanpa-cache", "--no-cache", dest="no_cache", action="store_true",
                   help="render semua halaman dan PDF tanpa memakai hasil build sebelumnya")
    c = sub.add_parser("check", help="periksa semua isi tanpa menulis apa pun")
    content_arg(c)
    s = sub.add_parser("serve", help="bangun, sajikan di 127.0.0.1, dan bangun ulang saat berkas berubah")
    content_arg(s)
    s.add_argument("--port", type=int, default=8000)
    s.add_argument("--output", "-o", help="folder hasil (bawaan: ./build)")
    n = sub.add_parser("new", help="buat kerangka laporan baru")
    n.add_argument("slug", help="nama folder laporan, mis. kecamatan-contoh-2024")
    n.add_argument("--content", help="folder konten (bawaan: ./content)")
    sc = sub.add_parser("schema", help="tulis JSON Schema semua jenis berkas")
    sc.add_argument("--output", "-o", default="docs/schema")
    pdf = sub.add_parser("pdf", help="buat PDF satu laporan")
    pdf.add_argument("report", help="slug laporan (folder di content/laporan)")
    content_arg(pdf)
    pdf.add_argument("--output", "-o", help="berkas PDF hasil")
    return p


def _options(args: argparse.Namespace) -> BuildOptions:
    content = Path(args.content).resolve() if getattr(args, "content", None) else Path.cwd() / "content"
    root = content.parent
    output = Path(args.output).resolve() if getattr(args, "output", None) else None
    return BuildOptions(root=root, content_dir=content, output=output, strict=getattr(args, "strict", False),
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


def cmd_new(args: argparse.Namespace) -> int:
    content = Path(args.content).resolve() if args.content else Path.cwd() / "content"
    return new_report(content, args.slug)


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
    "build": cmd_build, "check": cmd_check, "serve": cmd_serve, "new": cmd_new, "schema": cmd_schema, "pdf": cmd_pdf,
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
