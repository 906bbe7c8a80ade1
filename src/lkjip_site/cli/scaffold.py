"""``lkjip init`` (a site folder), ``lkjip new`` (a report with the PermenPANRB 53/2014 outline, or with ``--dari``
from an earlier report of the site: :mod:`.carry`) and ``lkjip schema`` (the JSON Schema of every kind of file, for
an author's editor).

``init`` and ``new`` write only new files and never overwrite one; what they create builds as it is, with a warning
(``isian-contoh``) at each sample value and "Tuliskan …" line the author is to replace, so ``lkjip check --strict``
passes once they are. ``new`` asks nothing: what is not given as an option it assumes, and says so.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from ..compute.jenis_instansi import KINDS, OTHER, kind_of_name
from ..compute.narrative import (SAMPLE_INSTANSI, SAMPLE_LEAF_CODES, SAMPLE_REALISASI, SAMPLE_SPENT,
                                 SAMPLE_SPENT_QUARTER, SAMPLE_URUSAN)
from ..core.fmt import fmt_date, roman
from ..core.model import PERIODS
from ..core.paths import SITE_FILE
from ..core.resources import GUIDES, SCAFFOLD
from ..core.diagnostics import Diagnostics
from ..core.epoch import source_date_epoch
from ..load.schemas import ALL, YEAR
from ..load.yamltree import load_yaml
from .carry import carry, describe, find_old, load_old, new_period, write
from .common import EXIT_OK, UsageError, find_site, output_folder, site_folder

_SLUG = re.compile(r"[a-z0-9][a-z0-9\-]*")
#: Files of a new site: scaffold name -> name in the site (a dotfile would not survive packaging).
_SITE_FILES = {"situs.yaml": SITE_FILE, "gitignore": ".gitignore", "gitattributes": ".gitattributes",
               "README.md": "README.md"}


#: Where a new site's webmaster finds the guides: the wheel ships them, and the site folder has no repository beside it.
GUIDE_LINE = (f"Panduan penulis (terpasang bersama lkjip): {GUIDES / 'panduan-penulis.md'}; "
              f"untuk pengelola server web: {GUIDES / 'penerbitan.md'}")


def init_site(folder: Path) -> int:
    """A ready site: ``situs.yaml``, ``content/laporan/``, ``.gitignore``, ``.gitattributes`` and a README for the
    webmaster. Why ``.gitattributes``: ``arsip/`` is committed to the site's repository, and Git for Windows
    (``core.autocrlf=true``) checked its text files out with CRLF line ends; every one then differed from its
    manifest, the build stopped and ``verifikasi`` and ``sha256sum -c`` failed on a clone of a sound archive."""
    if (folder / SITE_FILE).exists():
        print(f"galat penggunaan: {folder / SITE_FILE} sudah ada; folder ini sudah menjadi situs", file=sys.stderr)
        return 2
    clashes = [name for name in _SITE_FILES.values() if (folder / name).exists()]
    if clashes:
        print(f"galat penggunaan: {', '.join(clashes)} sudah ada di {folder}; pilih folder kosong", file=sys.stderr)
        return 2
    _write_site(folder)
    print(f"Situs baru dibuat di {folder}. Ubah {SITE_FILE}, lalu buat laporan: lkjip new <nama-laporan> --tahun ...")
    print(GUIDE_LINE)
    return 0


def _write_site(folder: Path) -> list[str]:
    """The site's files, each but those already in ``folder`` (returned, kept as they are).

    Why: ``lkjip new`` in a folder without ``situs.yaml`` makes the site first, and that folder is often the pemda's
    repository already: its own README.md and .gitignore were overwritten without a word (``init`` refuses such a
    folder before calling this)."""
    (folder / "content" / "laporan").mkdir(parents=True, exist_ok=True)
    kept = []
    for source, target in _SITE_FILES.items():
        if (folder / target).exists():
            kept.append(target)
            continue
        shutil.copyfile(SCAFFOLD / "situs" / source, folder / target)
    return kept


def _rule_lines(target: str) -> list[str]:
    """The lines (not comments) lkjip writes into a new site's ``target`` when it is a Git rules file: what a site
    keeping its own file still needs (build output not committed; released files kept byte for byte on Windows)."""
    source = next(src for src, dst in _SITE_FILES.items() if dst == target)
    if not target.startswith(".git"):
        return []
    text = (SCAFFOLD / "situs" / source).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class Assumptions:
    """What a new report is about; ``assumed`` names what was not given as an option."""

    tahun: int
    periode: str
    instansi: str
    assumed: tuple[str, ...]


def _today() -> dt.date:
    epoch = source_date_epoch()
    return dt.datetime.fromtimestamp(epoch, tz=dt.timezone.utc).date() if epoch is not None else dt.date.today()


def decide(tahun: int | None, periode: str | None, instansi: str | None) -> Assumptions:
    assumed = []
    if tahun is None:
        tahun = _today().year - 1  # an LKjIP reports on the year that has ended
        assumed.append(f"tahun {tahun} (tahun lalu menurut tanggal komputer; pilih dengan --tahun)")
    if periode is None:
        periode = "tahunan"
        assumed.append("periode tahunan (pilih tw1..tw4 dengan --periode)")
    if instansi is None:
        instansi = SAMPLE_INSTANSI
        assumed.append(f"instansi '{SAMPLE_INSTANSI}' (pilih dengan --instansi)")
    return Assumptions(tahun, periode, instansi, tuple(assumed))


def _period_dates(tahun: int, periode: str) -> tuple[dt.date, dt.date]:
    """(signed, published): after the period has ended, as the rules ask (signing before the end is a warning)."""
    if periode == "tahunan":
        return dt.date(tahun + 1, 1, 31), dt.date(tahun + 1, 2, 15)
    month = 3 * int(periode[-1]) + 1  # the month after the quarter
    year = tahun + (month > 12)
    month = (month - 1) % 12 + 1
    return dt.date(year, month, 10), dt.date(year, month, 15)


#: The scaffold's sample program (kode, the lines of data/anggaran.yaml's tree down to the sub kegiatan's name), by
#: jenis: a kecamatan's own program (urusan 7.01); any other instansi the program every perangkat daerah has, under
#: the placeholder urusan and bidang 0.00, said so in a comment and by ``check`` (isian-contoh). A dinas began with
#: a kecamatan's budget code and "Koordinasi … di Tingkat Kecamatan".
_SAMPLE_PROGRAM = {
    "kecamatan": ("7.01.02", f"""\
  - kode: 7.01.02
    nama: Program Penyelenggaraan Pemerintahan dan Pelayanan Publik
    sasaran: S1
    kegiatan:
      - kode: 7.01.02.2.01
        nama: Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan
        sub_kegiatan:
          - kode: {SAMPLE_LEAF_CODES[0]}
            nama: Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan Pemerintahan"""),
    "": (f"{SAMPLE_URUSAN}.01", f"""\
  # Contoh: ganti {SAMPLE_URUSAN} dengan kode urusan dan bidang instansi Anda (mis. 3.27 untuk pertanian), lalu tulis
  # program, kegiatan dan sub kegiatan dari DPA beserta pagu dan realisasinya.
  - kode: {SAMPLE_URUSAN}.01
    nama: Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota
    sasaran: S1
    kegiatan:
      - kode: {SAMPLE_URUSAN}.01.2.01
        nama: Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah
        sub_kegiatan:
          - kode: {SAMPLE_LEAF_CODES[1]}
            nama: Penyusunan Dokumen Perencanaan Perangkat Daerah"""),
}


#: After ``jenis: lainnya`` of an instansi whose name says no kind: the portal compares it with the instansi of no
#: kind, where an author of 'Bappeda' expected the badan.
UNKNOWN_KIND = ("  # nama instansi tidak menyebut jenisnya: ganti dengan salah satu dari "
                f"{', '.join(k.key for k in KINDS)}, agar portal membandingkannya dengan instansi sejenis")


def _head_title(instansi: str) -> tuple[str, str]:
    """(jenis, jabatan of the head): 'Kecamatan Martapura' -> ('kecamatan', 'Camat Martapura'). The jenis is the
    kind the portal groups by (``compute/jenis_instansi.py``): 'Rumah Sakit Umum Daerah …' was written 'rumah'; a
    name that says no kind ('Bappeda') is 'lainnya' (:data:`UNKNOWN_KIND` says what to write instead)."""
    first, _, rest = instansi.partition(" ")
    kind = kind_of_name(instansi)
    jenis = kind.key if kind is not None else OTHER.key
    if jenis == "kecamatan" and rest:
        return jenis, f"Camat {rest}"
    return jenis, f"Kepala {instansi}"


def renstra_period(tahun: int) -> tuple[int, int]:
    """A Renstra period that holds the report's year, for the scaffold to start from: the five-year cycles of the
    2021–2026 Renstra the bundled examples use (2021–2026, 2026–2031 …). A fixed 2021–2026 made ``lkjip new --tahun
    2027`` a report whose first check warned that its own Renstra had ended."""
    awal = 2021 + 5 * ((tahun - 2021) // 5)
    return awal, awal + 5


def _fill(text: str, a: Assumptions, in_yaml: bool) -> str:
    signed, published = _period_dates(a.tahun, a.periode)
    jenis, jabatan = _head_title(a.instansi)
    quarters = int(a.periode[-1]) if a.periode != "tahunan" else 0
    # every quarter up to the report's own: one left out is refused (triwulan-kurang)
    realisasi = (f"{SAMPLE_REALISASI}" if not quarters
                 else "{" + ", ".join(f"tw{q}: {SAMPLE_REALISASI}" for q in range(1, quarters + 1)) + "}")
    # a quarterly report's budget to date is its quarters (the year's realisasi does not exist yet): an annual
    # figure alone was printed as "terealisasi Rp 95.000.000" in a TW II report
    spent = f"{SAMPLE_SPENT}" if not quarters else (
        "{tidak_ada: Tahun anggaran masih berjalan}\n            realisasi_tw: {"
        + ", ".join(f"tw{q}: {SAMPLE_SPENT_QUARTER}" for q in range(1, quarters + 1)) + "}")
    sd = "" if not quarters else f" s.d. Triwulan {roman(quarters)}"
    said = _yaml_text if in_yaml else str
    awal, akhir = renstra_period(a.tahun)
    kode, program = _SAMPLE_PROGRAM.get(jenis, _SAMPLE_PROGRAM[""])
    values = {"__PROGRAM_CONTOH__": program, "__PROGRAM_KODE__": kode,"__TAHUN__": str(a.tahun), "__PERIODE__": a.periode, "__TERBIT__": published.isoformat(),
              "__RENSTRA_AWAL__": str(awal), "__RENSTRA_AKHIR__": str(akhir),
              "__TTD__": signed.isoformat(), "__INSTANSI__": said(a.instansi),
              "__JENIS__": jenis + (UNKNOWN_KIND if kind_of_name(a.instansi) is None else ""),
              "__JABATAN__": said(jabatan), "__REALISASI__": realisasi, "__REALISASI_ANGGARAN__": spent,
              "__SD__": sd, "__LAPORAN__": "Laporan Kinerja Instansi Pemerintah" if not quarters
              else f"Laporan Kinerja Triwulan {roman(quarters)}"}
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return text


def _yaml_text(value: str) -> str:
    """``value`` as a YAML scalar that reads back as that very text: as it is where it does (the scaffold stays as an
    author would write it), else in double quotes. "Kecamatan Suka: Maju", "Dinas P&K #2" (the rest a comment), "yes"
    (a boolean) or "- Dinas" (a list) written bare made a scaffold that failed its own check, or read otherwise."""
    if load_yaml(f"x: {value}\n", "", Diagnostics()) == {"x": value}:
        return value
    return json.dumps(value, ensure_ascii=False)


def new_report(site: Path, slug: str, tahun: int | None = None, periode: str | None = None,
               instansi: str | None = None, dari: str | None = None) -> int:
    """``content/laporan/<slug>/`` from the scaffold, or from report ``dari`` of the site (``--dari``); a site folder
    without ``situs.yaml`` gets one first (not for ``--dari``: the old report is in a site)."""
    if not _SLUG.fullmatch(slug):
        print(f"galat penggunaan: nama '{slug}' hanya boleh berisi huruf kecil, angka dan '-'", file=sys.stderr)
        return 2
    if periode is not None and periode not in PERIODS:
        print(f"galat penggunaan: periode '{periode}' tidak dikenal; pilihan: {', '.join(PERIODS)}", file=sys.stderr)
        return 2
    if instansi is not None and not instansi.strip():
        print("galat penggunaan: --instansi tidak boleh kosong", file=sys.stderr)
        return 2
    if instansi is not None and any(ord(ch) < 32 for ch in instansi):
        print("galat penggunaan: --instansi harus satu baris teks, tanpa baris baru atau tab", file=sys.stderr)
        return 2
    target = site / "content" / "laporan" / slug
    if target.exists():
        print(f"galat penggunaan: folder {target} sudah ada; pilih nama lain", file=sys.stderr)
        return 2
    if dari is not None:
        return _new_from(site, slug, target, dari, tahun, periode, instansi)
    if not (site / SITE_FILE).exists():
        kept = _write_site(site)
        made = [name for name in [SITE_FILE, "content/", *_SITE_FILES.values()] if name not in kept]
        print(f"Dibuat: situs baru di {site} ({', '.join(dict.fromkeys(made))})")
        if kept:
            print(f"  Tidak diubah karena sudah ada: {', '.join(kept)}")
        for name in kept:
            if lines := _rule_lines(name):
                print(f"  Tambahkan ke {name} Anda: {', '.join(lines)}")
        print(GUIDE_LINE)
    a = decide(tahun, periode, instansi.strip() if instansi else None)
    for source in sorted((SCAFFOLD / "laporan").rglob("*")):
        if source.is_dir():
            continue
        dest = target / source.relative_to(SCAFFOLD / "laporan")
        dest.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix in (".md", ".yaml"):
            dest.write_text(_fill(source.read_text(encoding="utf-8"), a, source.suffix == ".yaml"), encoding="utf-8")
        else:
            shutil.copyfile(source, dest)
    signed, _published = _period_dates(a.tahun, a.periode)
    print(f"Laporan baru dibuat di {target}: {a.instansi}, {a.periode} {a.tahun}, "
          f"ditandatangani {fmt_date(signed)}.")
    for line in a.assumed:
        print(f"  Diasumsikan: {line}")
    print(f"Ubah isinya, lalu jalankan: lkjip check --strict --laporan {slug} && lkjip build")
    return 0


def _new_from(site: Path, slug: str, target: Path, dari: str, tahun: int | None, periode: str | None,
              instansi: str | None) -> int:
    """``lkjip new <slug> --dari <dari>``: the old report checked, the new one made in memory, then written."""
    if instansi is not None:
        raise UsageError("--instansi tidak dipakai bersama --dari: instansi dan kepalanya diambil dari laporan lama; "
                         "ubah di laporan.yaml laporan baru bila berganti")
    if not (site / SITE_FILE).is_file():
        raise UsageError(f"{SITE_FILE} tidak ada di {site}; --dari menyalin laporan lain dari situs yang sama")
    folder = find_old(site, dari)
    old = load_old(site, dari)
    tahun, periode = new_period(old, tahun, periode)
    signed, published = _period_dates(tahun, periode)
    carried = carry(folder, old, tahun, periode, signed, published)
    write(target, carried)
    print(f"Laporan baru dibuat di {target} dari laporan '{dari}': {old.instansi.nama}, {periode} {tahun}.")
    for line in describe(carried, dari, tahun):
        print(f"  {line}")
    print(f"Daftar yang harus diisi atau ditulis ulang: lkjip check --laporan {slug}")
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    return init_site(output_folder(Path(args.folder).resolve()))


def cmd_new(args: argparse.Namespace) -> int:
    if args.tahun is not None and not YEAR.min <= args.tahun <= YEAR.max:  # as laporan.yaml's tahun is checked
        raise UsageError(f"--tahun {args.tahun} di luar rentang {YEAR.min}–{YEAR.max}; tulis tahun yang dilaporkan, "
                         "mis. --tahun 2024")
    if getattr(args, "situs", None):
        root = site_folder(args)
    else:
        root = find_site(Path.cwd().resolve()) or Path.cwd().resolve()  # an empty folder becomes a site
    return new_report(root, args.slug, args.tahun, args.periode, args.instansi, getattr(args, "dari", None))


def cmd_schema(args: argparse.Namespace) -> int:
    """The JSON Schema of every kind of file, for an author's editor (``docs/schema/`` in this repository)."""
    out = output_folder(Path(args.output))
    out.mkdir(parents=True, exist_ok=True)
    for doc in ALL:
        (out / f"{doc.name}.schema.json").write_text(
            json.dumps(doc.json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(ALL)} skema ditulis ke {out}")
    return EXIT_OK
