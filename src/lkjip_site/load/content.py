"""Stage 2, content: discover reports and read their metadata and chapters (front matter + Markdown body)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterable

from ..core.controls import control_in, describe_control, escape_controls
from ..core.diagnostics import Diagnostics
from ..core.fmt import chapter_prefix, quarter_numeral
from ..core.memo import digest
from ..core.model import (RESERVED_IDS, VERSION_FOLDERS, CapaianPolicy, Chapter, Instansi, Loc, Person, Report,
                          SiteConfig, loc_of)
from ..core.paths import clash_reason, listed_form, name_clashes, rel_path, resolve_inside
from . import schemas
from .data import read_data_files
from .images import image_problem
from .scales import parse_scales
from .schema import Ctx, read_validated
from .source import HIDDEN_EXTENSION, misspelt_path, not_utf8, read_source, unreadable_file
from .svgcheck import check_svg
from .yamltree import YList, YMap, key_lines, load_yaml

REPORTS_DIR = "laporan"
REPORT_FILE = "laporan.yaml"
_SLUG = re.compile(r"[a-z0-9][a-z0-9\-]*")
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?$\n?", re.S | re.M)


def load_reports(content_dir: Path, root: Path, site: SiteConfig, diags: Diagnostics) -> list[Report]:
    """Every folder under ``content/laporan`` is one report version; sorted so builds are deterministic."""
    base = content_dir / REPORTS_DIR
    if not base.is_dir():
        diags.error((rel_path(content_dir, root), 1), "folder 'laporan' tidak ditemukan di dalam content/")
        return []
    warn_hidden_folders(content_dir, root, diags)
    reports = []
    for slug in report_slugs(content_dir):
        report = load_report(base / slug, root, site, diags)
        if report is not None:
            reports.append(report)
    check_unique_versions(reports, diags)
    return reports


def report_slugs(content_dir: Path) -> list[str]:
    """The report folders under ``content/laporan`` (what ``--laporan`` may name), sorted."""
    base = content_dir / REPORTS_DIR
    if not base.is_dir():
        return []
    return sorted(p.name for p in base.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def warn_hidden_folders(content_dir: Path, root: Path, diags: Diagnostics) -> None:
    """A report folder renamed ``.x`` or ``..x`` is not read (hidden, as an editor's folder is): said at the folder,
    or a site whose only report was renamed built "0 laporan" and exited 0 without a word."""
    base = content_dir / REPORTS_DIR
    if not base.is_dir():
        return
    for hidden in sorted(p for p in base.iterdir() if p.name.startswith(".") and p.is_dir()):
        diags.warn((rel_path(hidden, root), 1), "folder laporan yang namanya diawali titik tidak dibaca (nama "
                   "tersembunyi); hapus titik di awal nama folder bila ini laporan, atau pindahkan folder ini ke luar "
                   "content/laporan/")


def check_unique_versions(reports: list[Report], diags: Diagnostics) -> None:
    seen: dict[tuple[str, str], Report] = {}
    for r in reports:
        key = (r.slug, r.versi)
        if key in seen:
            diags.error(r.loc, f"versi '{r.versi}' dari laporan '{r.slug}' sudah ada di {seen[key].rel}")
        seen[key] = r


def load_report(folder: Path, root: Path, site: SiteConfig, diags: Diagnostics,
                slug: str | None = None) -> Report | None:
    """The report in ``folder``; its slug is the folder's name, or ``slug`` for a folder named otherwise (a released
    version's ``arsip/<slug>/<versi>/sumber/``, read when its folder is gone from ``content/laporan/``)."""
    rel_folder = rel_path(folder, root)
    slug = slug or folder.name
    if not _SLUG.fullmatch(slug):
        diags.error((rel_folder, 1), f"nama folder laporan '{slug}' hanya boleh berisi huruf kecil, angka dan '-'")
        return None
    if not folder.resolve().is_relative_to(root.resolve()):
        diags.error((rel_folder, 1), "folder laporan ini tautan (symbolic link) ke luar folder situs; salin "
                                     "foldernya ke content/laporan/, karena build hanya membaca berkas di dalam "
                                     "folder situs")
        return None
    if _control_names(folder, root, diags):
        return None
    for rel, problem in unportable_paths(rel for rel, _ in report_files(folder)):
        diags.warn((f"{rel_folder}/{rel}", 1), problem)
    meta_path = folder / REPORT_FILE
    rel = rel_path(meta_path, root)
    if not os.path.lexists(meta_path):
        diags.error((rel, 1), "berkas laporan.yaml tidak ditemukan di folder laporan ini")
        return None
    meta = read_source(meta_path, rel, diags, folder)
    data = read_validated(meta, rel, schemas.REPORT, diags) if meta is not None else None
    chapters = load_chapters(folder, root, diags)
    if data is None:
        read_data_files(folder, root, diags)  # the report is dropped, but its data files are still checked
        return None
    inst, head = data["instansi"], data["instansi"]["kepala"]
    instansi = Instansi(
        nama=inst["nama"],
        kepala=Person(head["nama"], head["jabatan"], head["pangkat"], str(head["nip"])),
        pemda=inst.get("pemda", site.pemda),
        jenis=inst.get("jenis", ""),
        alamat=inst.get("alamat", ""),
        telepon=str(inst.get("telepon", "")),
        email=inst.get("email", ""),
        situs=inst.get("situs", ""),
        logo=inst.get("logo"),
        nama_sebelumnya=tuple(inst.get("nama_sebelumnya", ())),
    )
    policy = {**site.capaian, **data.get("capaian", {})}  # the report overrides the site's defaults key by key
    period = data["periode"]
    title = data.get("judul") or _default_title(instansi.nama, data["tahun"], period)
    report = Report(
        slug=slug,
        folder=folder,
        rel=rel_folder,
        judul=title,
        tahun=data["tahun"],
        periode=period,
        versi=str(data["versi"]),
        tanggal_terbit=data["tanggal_terbit"],
        instansi=instansi,
        tempat_ttd=data["penandatanganan"]["tempat"],
        tanggal_ttd=data["penandatanganan"]["tanggal"],
        loc=Loc(rel, 1),
        chapters=chapters,
        skala_predikat=data.get("skala_predikat", site.skala_predikat),
        scales=parse_scales(data.get("skala"), rel, diags),
        capaian=CapaianPolicy(
            rumus_negatif=policy.get("rumus_negatif", "standar"),
            hasil_negatif=policy.get("hasil_negatif", "nol"),
            batas_100=policy.get("batas_100", False),
            rata_rata=policy.get("rata_rata", "per_sasaran"),
        ),
        efisiensi=data.get("efisiensi", "rasio"),
        catatan_versi=data.get("catatan_versi", ""),
        disalin_dari=data.get("disalin_dari", ""),
        lines={**key_lines(data), **_item_lines(inst.get("nama_sebelumnya"), "instansi.nama_sebelumnya")},
        laporan_digest=digest(meta),
    )
    _check_logo(report, data, root, diags)
    _check_slug_period(report, diags)
    return report


def _item_lines(items: object, path: str) -> dict[str, int]:
    """The line of each item of a list (``<path>.0``, ``<path>.1`` …): ``key_lines`` does not enter lists, and a
    message about one earlier name (``instansi.nama_sebelumnya``) names the line of that name."""
    return {f"{path}.{i}": items.line_of(i) for i in range(len(items))} if isinstance(items, YList) else {}


_SLUG_YEAR = re.compile(r"(?:19|20)\d\d")
_SLUG_QUARTER = re.compile(r"tw[1-4]")


def _check_slug_period(report: Report, diags: Diagnostics) -> None:
    """A folder named for another year or quarter than the report's own (``pengaron-2023-tw1`` holding ``tahun:
    2024``, a copy made by hand and renamed in one place only) is said at the key it contradicts.

    Why: the folder's name is the report's address for ever (``laporan/pengaron-2023-tw1/``), and a citizen, a
    search engine and the archive read its year from it; the build took either silently."""
    parts = report.slug.split("-")
    years = [p for p in parts if _SLUG_YEAR.fullmatch(p)]
    if years and str(report.tahun) not in years:
        diags.warn(loc_of(report, "tahun"),
                   f"nama folder laporan '{report.slug}' menyebut tahun {years[-1]}, tetapi di sini tahun: "
                   f"{report.tahun}; nama folder menjadi alamat laporan untuk selamanya. Bila laporan ini tahun "
                   f"{report.tahun}, ganti nama foldernya menjadi '{_renamed(parts, years[-1], str(report.tahun))}' "
                   f"sebelum diterbitkan; bila tahun {years[-1]}, tulis tahun: {years[-1]}")
    quarters = [p for p in parts if _SLUG_QUARTER.fullmatch(p)]
    if quarters and report.periode not in quarters:
        said = f"Triwulan {quarter_numeral(quarters[-1])}"
        diags.warn(loc_of(report, "periode"),
                   f"nama folder laporan '{report.slug}' menyebut {said}, tetapi di sini periode: {report.periode}; "
                   f"nama folder menjadi alamat laporan untuk selamanya. Bila periodenya {report.periode}, ganti "
                   f"nama foldernya menjadi '{_renamed(parts, quarters[-1], report.periode)}' sebelum diterbitkan; "
                   f"bila {said}, tulis periode: {quarters[-1]}")


def _renamed(parts: list[str], old: str, new: str) -> str:
    """The slug with its last ``old`` part replaced (or dropped, for an annual report's quarter)."""
    i = len(parts) - 1 - parts[::-1].index(old)
    kept = parts[:i] + ([new] if new != "tahunan" else []) + parts[i + 1:]
    return "-".join(kept)


def _control_names(folder: Path, root: Path, diags: Diagnostics) -> bool:
    """Whether a file or folder in the report folder has a control character in its name (a newline, ESC), each
    said at its path with the character escaped.

    Why: such a name ('gambar/a\\nb.svg', linked as ``gambar/a%0Ab.svg``) built and was archived by ``terbitkan``,
    whose bag lists one path per line: the archive failed ``verifikasi`` at once, and a released version is never
    written again. Hidden files are named too: nothing of a report folder may carry one."""
    said = False
    for parent, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted([*dirs, *files]):
            if (char := control_in(name, breaks=True)) is not None:
                path = Path(parent, name)
                diags.error((rel_path(path, root), 1),
                            f"nama berkas atau folder '{escape_controls(path.relative_to(folder).as_posix())}' memuat "
                            f"karakter kendali tak terlihat ({describe_control(char)}); ganti namanya dengan huruf, "
                            "angka, '-' dan '_' saja, lalu sesuaikan tautannya")
                said = True
        dirs[:] = [d for d in dirs if control_in(d, breaks=True) is None]
    return said


#: Names Windows gives to devices, whatever their extension (``aux.png``, ``CON.md``): no file can have them there.
_WINDOWS_DEVICES = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                              *(f"lpt{i}" for i in range(1, 10))})
#: Characters a Windows file name cannot hold.
_WINDOWS_FORBIDDEN = frozenset('<>:"|?*\\')
#: The longest path below a report folder said to fit Windows: its 260 characters (MAX_PATH) also hold the folder the
#: archive is unpacked into, e.g. C:\Users\<nama>\Downloads\<paket>\data\sumber\<laporan>\ (about 100).
MAX_PORTABLE_PATH = 150
#: Why a name that works on Linux must also work on Windows, said with each such name.
_PORTABLE = ("; berkas laporan harus dapat disalin ke Windows dan macOS (folder laporan yang dikirim antara penulis "
             "dan pengelola situs, paket arsip versi yang diunduh pembaca), dan 'lkjip terbitkan' menolak laporan "
             "selama nama ini ada. ")


def unportable_paths(files: Iterable[str]) -> list[tuple[str, str]]:
    """The paths among ``files`` (a report folder's files, relative to it, '/'-separated), or their folders, that
    cannot be made on Windows or macOS, each with why and what to do (sorted; a folder named once).

    Why: the site is built on a Linux server, where ``aux.png``, ``peta: 2024.png``, ``catatan.`` and both
    ``Foto.png`` and ``foto.png`` (or ``Cibéber.png`` typed and as macOS keeps it) are files like any other; the
    author on Windows got an error or lost one of two files when the folder, or the version's BagIt zip, was copied
    back, and a released version is never rewritten."""
    files = sorted(files)
    out: dict[str, str] = {}
    for path, other in name_clashes(files):
        out[path] = (f"nama '{path}' {clash_reason(path, other)}; di Windows dan macOS keduanya tidak dapat berada "
                     "dalam satu folder (yang satu menimpa yang lain saat disalin atau diekstrak dari zip)"
                     f"{_PORTABLE}Ganti nama salah satunya, lalu sesuaikan tautannya")
    seen: set[str] = set()
    for rel in files:
        parts = rel.split("/")
        for depth in range(1, len(parts) + 1):
            path = "/".join(parts[:depth])
            if path in seen:  # a folder, met with an earlier file
                continue
            seen.add(path)
            if path not in out and (reason := _windows_name(parts[depth - 1])):
                out[path] = (f"nama '{path}' {reason}{_PORTABLE}Ganti namanya dengan huruf, angka, '-' dan '_' saja, "
                             "lalu sesuaikan tautannya")
        if len(rel) > MAX_PORTABLE_PATH and rel not in out:
            out[rel] = (f"jalur '{rel[:40]}…' panjangnya {len(rel)} karakter; di Windows jalur berkas lebih dari 260 "
                        f"karakter, termasuk folder tempat arsip diekstrak, tidak dapat dibuka{_PORTABLE}Persingkat "
                        f"nama folder dan berkasnya hingga jalurnya paling banyak {MAX_PORTABLE_PATH} karakter")
    return sorted(out.items())


def _windows_name(name: str) -> str:
    """Why Windows cannot make a file or folder called ``name`` (empty when it can)."""
    if bad := sorted(set(name) & _WINDOWS_FORBIDDEN):
        return f"memuat {', '.join(repr(c) for c in bad)}, yang tidak boleh ada di nama berkas Windows"
    if name.endswith((".", " ")):
        return "berakhiran titik atau spasi, yang dibuang Windows dari nama berkas (berkasnya menjadi berkas lain)"
    if name.split(".")[0].rstrip(" ").casefold() in _WINDOWS_DEVICES:
        return (f"memakai '{name.split('.')[0]}', nama perangkat yang dicadangkan Windows (CON, PRN, AUX, NUL, "
                "COM1-COM9, LPT1-LPT9) apa pun akhiran namanya")
    return ""


#: Files Windows Explorer writes into a folder by itself (image thumbnails, on a network share too; a folder's icon):
#: deleted, they come back when the folder is opened again, so they are passed over as hidden files are.
_SYSTEM_FILES = frozenset({"thumbs.db", "ehthumbs.db", "desktop.ini"})


def system_file(parts: Iterable[str]) -> bool:
    """Whether a path (its parts, below a report folder) is the system's, not the author's: hidden or below a hidden
    folder (``.DS_Store``, macOS' ``__MACOSX/._bab.md`` in a zip, an editor's ``.#bab.md``), an office suite's lock
    file (``~$bab.docx``), or Windows Explorer's ``Thumbs.db`` and ``desktop.ini``."""
    return any(part.startswith((".", "~$")) or part.casefold() in _SYSTEM_FILES for part in parts)


def report_files(folder: Path) -> list[tuple[str, Path]]:
    """Every file of a report folder that a released version's sources hold (``archive.store.snapshot``), as
    (path relative to the folder, path), sorted: all but the system's (:func:`system_file`)."""
    out = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if path.is_file() and not system_file(rel.parts):
            out.append((rel.as_posix(), path))
    return out


def unread_files(report: Report, files: Iterable[str]) -> list[str]:
    """The files of ``files`` (paths relative to the report folder, as :func:`report_files` gives them) that the
    build of ``report`` did not read: not its ``laporan.yaml``, a chapter, a data file, nor an image or logo its
    pages show. Call once the report's chapters are parsed (their images are its assets from then on).

    Why one function: ``lkjip terbitkan`` refuses a version whose folder holds such a file (its BagIt zip would publish
    a working note for good, ``archive.release.unread_sources``), and ``lkjip check`` names the same files before
    (``markdown.links.check_unread``); two rules had let ``check`` pass an unused image or a folder of drafts that
    ``terbitkan`` then refused.
    """
    folder = report.folder.resolve()
    used = [report.folder / REPORT_FILE, *(c.source for c in report.chapters), *report.data.files,
            *report.assets.values()]
    read = {path.resolve().relative_to(folder).as_posix() for path in used if path.resolve().is_relative_to(folder)}
    return sorted(rel for rel in files if rel not in read)


def _default_title(nama: str, tahun: int, periode: str) -> str:
    if periode == "tahunan":
        return f"Laporan Kinerja Instansi Pemerintah {nama} Tahun {tahun}"
    return f"Laporan Kinerja Triwulan {quarter_numeral(periode)} {nama} Tahun {tahun}"


def _check_logo(report: Report, data: dict, root: Path, diags: Diagnostics) -> None:
    logo = report.instansi.logo
    if not logo:
        return
    line = data["instansi"].line_of("logo")
    target = resolve_inside(report.folder, listed_form(report.folder, logo))  # typed 'é', listed as macOS keeps it
    if target is None:
        diags.error((report.loc.file, line), f"logo '{logo}' berada di luar folder laporan; simpan gambar di folder laporan")
    elif problem := misspelt_path(report.folder, logo, "logo"):
        diags.error((report.loc.file, line), problem)
    elif not target.is_file():
        diags.error((report.loc.file, line), f"berkas logo '{logo}' tidak ditemukan")
    elif problem := unreadable_file(target):
        diags.error((report.loc.file, line), f"logo '{logo}': {problem}")
    elif problem := image_problem(target, logo):
        diags.error((report.loc.file, line), f"logo {problem}")
    else:
        report.assets[Path(logo).as_posix()] = target
        if target.suffix.lower() == ".svg":
            check_svg(target, rel_path(target, root), diags)


def chapter_body(text: str) -> str:
    """A chapter file's Markdown without its front matter: the text readers see (and see change between versions)."""
    match = _FRONT.match(text.lstrip("\ufeff"))
    return text.lstrip("\ufeff")[match.end():] if match else text


#: A role as an author writes it in the body (``{nilai}`IKU1.capaian```), found where it is not read.
_ROLE = re.compile(r"\{(nilai|ref)\}(?=`)")


def load_chapters(folder: Path, root: Path, diags: Diagnostics) -> list[Chapter]:
    """Every ``*.md`` of the report folder but hidden and lock files, which editors and systems leave beside the
    chapters: Emacs' ``.#bab.md`` (a link to nothing while the file is open), macOS' ``._bab.md`` on a USB stick, an
    office suite's ``~$bab.md``; as chapters they stopped the build (the release's snapshot skips them too)."""
    names = sorted(os.listdir(folder))  # not glob("*.md"): on Windows it takes BAB.MD too, which Linux does not
    chapters = [c for name in names if name.endswith(".md") and not name.startswith((".", "~$"))
                and (c := load_chapter(folder / name, root, diags))]
    _check_misnamed_chapters(folder, names, root, diags)
    _check_chapter_set(chapters, diags)
    return sorted(chapters, key=lambda c: (c.urutan, c.id))


#: A chapter saved under another ending: Notepad's ``.md.txt`` (Windows hides the ``.txt``), ``.MD``, ``.markdown``.
_CHAPTER_LIKE = re.compile(r"(?P<stem>[^.~][^/]*?)\.(?:md\.txt|markdown|md)", re.I)


def _check_misnamed_chapters(folder: Path, names: list[str], root: Path, diags: Diagnostics) -> None:
    """A chapter file whose name does not end in ``.md`` where no such chapter is: only a warning that it "is not
    read" was said, and the report built without the chapter (and its tables, which other chapters cite). Looked up
    in the folder's listing (``names``), not with ``exists()``: on macOS and Windows ``bab.md`` exists when the file
    is ``bab.MD``, and that chapter was left out without a word."""
    for name in names:
        path = folder / name
        found = _CHAPTER_LIKE.fullmatch(name)
        if found is None or path.suffix == ".md" or not path.is_file():
            continue
        meant = f"{found.group('stem')}.md"
        if meant not in names:
            diags.error((rel_path(path, root), 1),
                        f"berkas '{path.name}' tidak dibaca sebagai bab: nama berkas bab harus berakhiran .md; ganti "
                        f"namanya menjadi {meant} ({HIDDEN_EXTENSION})")


def _check_chapter_set(chapters: list[Chapter], diags: Diagnostics) -> None:
    by_order: dict[int, Chapter] = {}
    by_id: dict[str, Chapter] = {}
    by_number: dict[str, Chapter] = {}  # two chapters "BAB III" both numbered their tables "Tabel 3.1", "Tabel 3.2"
    previous: Chapter | None = None  # the BAB before, in reading order
    for c in sorted(chapters, key=lambda c: (c.urutan, c.id)):
        number = chapter_prefix(c)
        if c.jenis == "bab" and c.bab and not number.isdigit():  # "BAB IIII", tables "Tabel IIII.1"
            diags.error((c.rel, _front_line(c, "bab")), f"bab '{c.bab}' bukan angka Romawi yang baku; tulis I, II, "
                                                        "III, IV, V, VI ... (atau angka biasa, mis. bab: 4)")
        elif c.jenis == "bab" and previous is not None and int(number) < int(chapter_prefix(previous)):
            diags.warn((c.rel, _front_line(c, "urutan")),
                       f"BAB {c.bab} (urutan {c.urutan}) tampil sesudah BAB {previous.bab} (urutan {previous.urutan}, "
                       f"{previous.rel}); periksa 'urutan' kedua bab")
        if c.jenis == "bab" and number.isdigit():
            previous = c
        if c.jenis == "lampiran" and not c.bab and ("{tabel}" in c.body or "{grafik}" in c.body):
            diags.warn((c.rel, _front_line(c, "jenis")),
                       "lampiran tanpa 'bab:' menomori tabel dan grafiknya bersama kata pengantar dan ikhtisar "
                       "(Tabel 1, Tabel 2 …, sesudah Tabel 3.x di Daftar Tabel); tulis 'bab: A' agar bernomor "
                       "Tabel A.1, A.2 …")
        if number and number in by_number:
            first = by_number[number]
            diags.error((c.rel, _front_line(c, "bab")),
                        f"bab: {c.bab} sudah dipakai oleh {first.rel} (bab: {first.bab}); setiap bab dan lampiran "
                        f"perlu nomor berbeda, karena tabel dan gambarnya dinomori menurutnya (Tabel {number}.1)")
        elif number:
            by_number[number] = c
    for c in chapters:
        if c.urutan in by_order:
            diags.error((c.rel, _front_line(c, "urutan")),
                        f"urutan {c.urutan} sudah dipakai oleh {by_order[c.urutan].rel}; setiap bab perlu urutan berbeda")
        by_order[c.urutan] = c
        if c.id in by_id:
            diags.error((c.rel, _front_line(c, "id")), f"id bab '{c.id}' sudah dipakai oleh {by_id[c.id].rel}")
        if c.id in RESERVED_IDS or c.id in VERSION_FOLDERS or not _SLUG.fullmatch(c.id):
            inside = f" (halamannya akan terbit di dalam folder {c.id}/ versi laporan)" if c.id in VERSION_FOLDERS \
                else ""
            diags.error((c.rel, _front_line(c, "id")),
                        f"id bab '{c.id}' tidak dapat dipakai{inside}; beri kunci 'id' berisi huruf kecil, angka dan "
                        "'-' yang bukan nama bagian laporan (sampul, daftar-isi, ...) atau folder terbitan "
                        f"({', '.join(sorted(VERSION_FOLDERS))}), mis. id: lampiran-gambar")
        by_id[c.id] = c


def _front_line(chapter: Chapter, key: str) -> int:
    """The line of a front matter key; line 1 (the file itself) when the key is absent, e.g. an id from the name."""
    front = chapter.front
    return front.line_of(key) if isinstance(front, YMap) and key in front else 1


def load_chapter(path: Path, root: Path, diags: Diagnostics) -> Chapter | None:
    rel = rel_path(path, root)
    raw = read_source(path, rel, diags, path.parent)
    if raw is None:
        return None
    try:
        text = raw.decode("utf-8-sig")  # Notepad adds a BOM before the opening ---
    except UnicodeDecodeError as exc:
        line, shown = not_utf8(raw, exc)
        diags.error((rel, line), f"berkas bukan teks UTF-8{shown}; simpan ulang dengan pengodean UTF-8")
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # Windows' and old Mac's line ends, as text mode reads
    match = _FRONT.match(text)
    if not match:
        unclosed = re.match(r"---[ \t]*\n", text) is not None  # opened, never closed: the body read as front matter
        blank = re.match(r"(?:[ \t\u00a0]*\n)+(?=---[ \t]*\n)", text)  # Word and some editors begin with an empty line
        if blank is not None:
            opening = blank.group().count("\n") + 1
            diags.error((rel, 1), f"front matter tidak ditemukan: baris '---' ada di baris {opening}, padahal harus di "
                                  "baris 1; hapus baris kosong di awal berkas")
            return None
        diags.error((rel, 1), "front matter tidak ditutup: tambahkan baris '---' sesudah kunci terakhir (judul, jenis, "
                              "urutan), sebelum isi bab" if unclosed else
                              "front matter tidak ditemukan: berkas bab harus diawali baris '---', kunci "
                              "judul/jenis/urutan, lalu '---'")
        return None
    before = len(diags.errors)
    front = load_yaml(match.group(1), rel, diags, line_offset=1)
    if front is None and len(diags.errors) == before:
        diags.error((rel, 1), "front matter kosong: isi minimal judul, jenis dan urutan")
        return None
    if front is not None:
        schemas.FRONT_MATTER.root.check(front, "", 2, Ctx(rel, diags))
    if len(diags.errors) != before:
        return None
    schemas.FRONT_MATTER.root.drop_empty(front)
    for key in ("judul", "ringkasan"):  # shown as written (page title, contents, the report's list): never computed
        if isinstance(front.get(key), str) and _ROLE.search(front[key]):
            role = _ROLE.search(front[key]).group(0)
            diags.error((rel, front.line_of(key)), f"{role}`...` tidak dihitung di '{key}' front matter (tampil "
                                                   "apa adanya di judul halaman dan daftar isi); tulis nilainya di "
                                                   "teks bab")
    if front["jenis"] == "bab" and not front.get("bab"):
        diags.error((rel, front.line_of("jenis")), "bab dengan jenis 'bab' wajib memiliki kunci 'bab' (mis. bab: III)")
        return None
    body_line = text[: match.end()].count("\n") + 1
    return Chapter(
        id=front.get("id") or re.sub(r"^\d+[-_]", "", path.stem),
        judul=front["judul"],
        jenis=front["jenis"],
        urutan=front["urutan"],
        source=path,
        rel=rel,
        body=text[match.end():],
        body_line=body_line,
        bab=str(front["bab"]) if front.get("bab") is not None else None,
        ringkasan=front.get("ringkasan", ""),
        front=front,  # a YMap: keeps the line of each key for later messages
    )
