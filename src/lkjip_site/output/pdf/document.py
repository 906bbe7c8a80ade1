"""The printed report as one HTML document, and the job that carries it to a worker process.

It never computes anything: it lays out the chapters the Markdown stage rendered for print from the same tokens as
the site, ``Report.tables``/``Report.figures`` and the metadata, so the printed report and the website cannot
disagree. :func:`prepare_pdf` is cheap and runs in the main process; :mod:`.layout` does the expensive part.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from ... import __version__
from ...core.epoch import source_date_epoch
from ...core.fmt import fmt_date, fmt_nip
from ...core.model import Chapter, Report
from ...core.templates import theme_errors
from ...load.theme import PRINT_STYLESHEET
from ...markdown.renderer import toc_text
from ...markdown.urls import pdf_anchor

PDF_VARIANT = "pdf/a-3b"
TEMPLATE = "pdf/laporan.html"
STYLESHEET = PRINT_STYLESHEET
FRONT_KINDS = ("kata-pengantar", "ikhtisar")
MIME_TYPES = {
    ".yaml": "application/yaml", ".yml": "application/yaml", ".csv": "text/csv", ".json": "application/json",
    ".md": "text/markdown", ".txt": "text/plain", ".svg": "image/svg+xml", ".png": "image/png",
    ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".woff2": "font/woff2", ".woff": "font/woff",
    ".ttf": "font/ttf", ".otf": "font/otf", ".css": "text/css",
}


class PdfError(Exception):
    """A report cannot be turned into a PDF (message in Bahasa Indonesia)."""


@dataclass(frozen=True)
class AttachmentSpec:
    """A file embedded in the PDF: a source file (``AFRelationship /Source``) or generated data (``/Data``).

    Generated files (the open data) exist only in memory: ``data`` holds their bytes and ``path`` is unused.
    """

    path: Path
    name: str
    description: str
    data: bytes | None = None
    relationship: str = "Source"


@dataclass(frozen=True)
class PdfJob:
    """Everything needed to render one PDF, picklable so it can cross into a worker process.

    ``front_anchor``/``body_anchor`` are the element ids where lower-roman and decimal page numbering start; they
    are looked up in the laid-out pages to write ``/PageLabels``.
    """

    html: str
    base_url: str
    stylesheet: str
    stylesheet_url: str
    allowed_roots: tuple[Path, ...]
    attachments: tuple[AttachmentSpec, ...]
    epoch: int
    front_anchor: str | None
    body_anchor: str | None
    variant: str = PDF_VARIANT
    #: Every file the layout may read (under ``allowed_roots``, and the attached files), by path: the worker reads
    #: these bytes, never its own disk, so a Dask worker on another machine needs no shared filesystem.
    files: dict[str, bytes] | None = None


@dataclass(frozen=True)
class LaidAfterRelease:
    """A PDF laid out for a version released without one (``lkjip terbitkan --tanpa-pdf``), by ``lkjip pdf``.

    Why: that PDF names the version's number and looked like the signed report, page for page; ``lkjip pdf`` said on
    the terminal that it is no part of the release, but a civil servant mailing it, or an archivist finding it beside
    the version's folder years later, had only the document. It says so itself: on the cover, in every page's running
    footer, and in its /Subject and /Keywords (and their XMP), with the day it was laid out, also its creation date.
    """

    folder: str  #: the version's archive folder, ``arsip/<slug>/<versi>``
    day: dt.date  #: the day it is laid out

    def footer(self, report: Report) -> str:
        """The running footer's line under the page number (one line of the 160 mm text width, in 9 pt)."""
        return (f"Bukan dokumen terbitan: disusun {fmt_date(self.day)} dari sumber versi {report.versi}, "
                "yang terbit tanpa PDF")

    def subject(self, report: Report) -> str:
        """The PDF's /Subject (:func:`subject`), which names the version already, with what this PDF is."""
        return f"{subject(report)} (bukan dokumen terbitan: disusun {fmt_date(self.day)}; versi itu terbit tanpa PDF)"

    def cover(self, report: Report) -> str:
        """The cover's notice: what the PDF is, by which lkjip, and why no manifest lists it."""
        return (f"Bukan dokumen terbitan. PDF ini disusun {fmt_date(self.day)} dengan lkjip-site {__version__} dari "
                f"sumber versi {report.versi}, yang diterbitkan tanpa PDF ({self.folder}); sidiknya tidak tercantum "
                "di manifest.json versi itu.")

    def epoch(self) -> int:
        """Its creation date: ``SOURCE_DATE_EPOCH`` if set, else the day laid out (00:00 UTC), not the release's."""
        return day_stamp(self.day)


def file_url(path: Path) -> str:
    return path.resolve().as_uri()


def source_date(report: Report, epoch: int | None = None) -> int:
    """The timestamp written into the PDF: ``SOURCE_DATE_EPOCH`` if set, else ``tanggal_terbit`` 00:00 UTC."""
    return epoch if epoch is not None else day_stamp(report.tanggal_terbit)


def day_stamp(day: dt.date) -> int:
    """``SOURCE_DATE_EPOCH`` if set (the same input, the same bytes), else ``day`` 00:00 UTC."""
    try:
        epoch = source_date_epoch()
    except ValueError as exc:
        raise PdfError(str(exc)) from exc
    if epoch is not None:
        return epoch
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp())


def _w3c(epoch: int) -> str:
    return dt.datetime.fromtimestamp(epoch, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def period_words(report: Report) -> str:
    """The period the report covers: ``"Tahun 2023"`` or ``"Triwulan I Tahun 2024"``."""
    if report.periode == "tahunan":
        return f"Tahun {report.tahun}"
    return f"{report.periode_label} Tahun {report.tahun}"


def period_text(report: Report) -> str:
    """Cover line: ``"TAHUN 2023"`` or ``"TRIWULAN I TAHUN 2024"``."""
    return period_words(report).upper()


def subject(report: Report) -> str:
    """The PDF's /Subject (and XMP dc:description), as the cover names the report: "Laporan Kinerja Instansi
    Pemerintah (LKjIP) Kecamatan Batu Sopang Tahun 2022, versi 1.0", "Laporan Kinerja Kecamatan Pengaron Triwulan I
    Tahun 2024, versi 1.0". It read "… Kecamatan Batu Sopang Tahunan 2022", and called a quarterly report an LKjIP,
    the annual report (the cover's words: :func:`period_words`)."""
    kind = "Laporan Kinerja Instansi Pemerintah (LKjIP)" if report.periode == "tahunan" else "Laporan Kinerja"
    return f"{kind} {report.instansi.nama} {period_words(report)}, versi {report.versi}"


def keywords(report: Report) -> str:
    """The PDF's /Keywords, as :func:`subject` names the report: "LKjIP, laporan kinerja, SAKIP, Kecamatan Batu
    Sopang, Pemerintah Kabupaten Paser, Tahun 2022"; a quarterly report's begin "laporan kinerja, SAKIP, …" and end
    "Triwulan I Tahun 2024". They called every report an LKjIP (the annual report), a quarterly one too, after its
    Subject had stopped doing so, and an annual one "2022, Tahunan"."""
    kinds = ["LKjIP", "laporan kinerja"] if report.periode == "tahunan" else ["laporan kinerja"]
    return ", ".join([*kinds, "SAKIP", report.instansi.nama, report.instansi.pemda, period_words(report)])


#: The running header's room, in ems of its 8 pt Noto Sans: the report's title in the left box (60 % of the A4 text
#: width, 34 em), the chapter's in the right one (40 %, 22,7 em), each less a margin for the estimate below.
HEADER_LEFT_EMS = 32.0
HEADER_RIGHT_EMS = 21.5
#: Average advance widths of Noto Sans Regular (the italic's are narrower), in ems: capitals, digits, space, other.
_EMS = (0.64, 0.57, 0.26, 0.53)


def header_ems(text: str) -> float:
    """The width of ``text`` in the running header, estimated from the font's average widths by kind of character:
    a count of characters let "BAB II PERENCANAAN KINERJA" in capitals (a third wider) wrap where the same title
    in small letters fitted."""
    upper, digit, space, other = _EMS
    return sum(upper if c.isupper() else digit if c.isdigit() else space if c.isspace() else other for c in text)


def short_title(report: Report) -> str:
    """Running-header title: the fullest form that fits one line beside the chapter title, then the year before
    the name, then the name cut with "…". A quarterly report's "Laporan Kinerja Triwulan I Kecamatan Pengaron
    Tahun 2024" and a dinas's long name wrapped the header to two lines on every page."""
    nama = report.instansi.nama
    if report.periode == "tahunan":
        forms = [f"LKjIP {nama} Tahun {report.tahun}", f"LKjIP {report.tahun} {nama}"]
    else:
        quarter = "TW " + report.periode_label.removeprefix("Triwulan ")
        forms = [f"Laporan Kinerja {report.periode_label} {nama} Tahun {report.tahun}",
                 f"Laporan Kinerja {quarter} {report.tahun} {nama}"]
    return next((f for f in forms if header_ems(f) <= HEADER_LEFT_EMS), header_line(forms[-1], HEADER_LEFT_EMS))


def header_line(text: str, ems: float) -> str:
    """``text`` cut at a word to fit ``ems``, ending in "…" when cut (the running header is one line; the full
    title stays in the heading, the contents and the bookmarks)."""
    if header_ems(text) <= ems:
        return text
    words = text.split(" ")
    while len(words) > 1 and header_ems(" ".join(words) + "…") > ems:
        words.pop()
    cut = " ".join(words).rstrip(" ,.-–")
    while header_ems(cut + "…") > ems and len(cut) > 1:  # one long word
        cut = cut[:-1]
    return cut + "…"


def _env_with_filters(env: jinja2.Environment) -> jinja2.Environment:
    """Use the build's filters; add the few the PDF templates need if a bare environment was given."""
    missing = {"tanggal": fmt_date, "nip": fmt_nip}
    missing = {k: v for k, v in missing.items() if k not in env.filters}
    if not missing and env.autoescape:
        return env
    # Autoescape is forced: names such as "Dinas Pekerjaan Umum & Penataan Ruang" must not break the HTML.
    overlay = env.overlay(autoescape=True)
    overlay.filters.update(missing)
    return overlay


def _find_static(name: str, static_dirs: Sequence[Path]) -> Path:
    for d in static_dirs:
        if (d / name).is_file():
            return d / name
    raise PdfError(f"Berkas tema '{name}' tidak ditemukan di: {', '.join(str(d) for d in static_dirs)}")


def _attachment_specs(report: Report, attachments: Sequence[Path],
                      generated: dict[str, bytes] | None = None) -> tuple[AttachmentSpec, ...]:
    """Unique, sorted attachment names: the basename, or the path inside the report folder when names clash.

    ``generated`` maps a path inside the version folder (``data-terbuka/indikator.csv``) to bytes made by the build.
    """
    files = sorted({Path(p).resolve() for p in attachments}, key=lambda p: str(p))
    generated = generated or {}
    counts: dict[str, int] = {}
    for name in [f.name for f in files] + [Path(g).name for g in generated]:
        counts[name] = counts.get(name, 0) + 1
    specs = []
    for rel, data in sorted(generated.items()):
        name = Path(rel).name if counts[Path(rel).name] == 1 else rel
        specs.append(AttachmentSpec(Path(rel), name, f"Data terbuka hasil hitungan: {name}", data, "Data"))
    folder = Path(report.folder).resolve()
    for f in files:
        name = f.name
        if counts[f.name] > 1:
            name = f.relative_to(folder).as_posix() if folder in f.parents else f.as_posix().lstrip("/")
        if not f.is_file():
            raise PdfError(f"Berkas data untuk dilampirkan tidak ditemukan: {f}")
        specs.append(AttachmentSpec(f, name, f"Data sumber laporan: {name}"))
    return tuple(sorted(specs, key=lambda s: s.name))


def build_context(report: Report, site: Any, chapter_html: dict[str, str],
                  late: LaidAfterRelease | None = None) -> dict[str, Any]:
    """Template context: parts in print order, list entries and signature data; ``late``: the notice of a PDF laid
    out for a version released without one (:class:`LaidAfterRelease`), else None (``tanda``).

    ``chapter_html`` is each chapter rendered by the Markdown stage for print (``RenderContext.pdf``): heading ids
    prefixed with the chapter id so they are unique in one document, links turned into in-document anchors, images
    as local files. Nothing here rewrites HTML.
    """
    config = getattr(site, "config", site)
    chapters = list(report.chapters)
    prepared = {c.id: (chapter_html[c.id], [(lvl, pdf_anchor(c, a), toc_text(report, t)) for lvl, a, t in c.toc])
                for c in chapters}
    front = [c for c in chapters if c.jenis in FRONT_KINDS]
    body = [c for c in chapters if c.jenis not in FRONT_KINDS]
    lists: list[dict[str, Any]] = [{"kind": "daftar-isi", "id": "daftar-isi", "judul": "Daftar Isi"}]
    if report.tables:
        lists.append({"kind": "daftar-tabel", "id": "daftar-tabel", "judul": "Daftar Tabel"})
    if report.figures:
        label = getattr(config, "label_gambar", "Gambar") or "Gambar"
        lists.append({"kind": "daftar-gambar", "id": "daftar-gambar", "judul": f"Daftar {label}"})

    def chapter_part(c: Chapter) -> dict[str, Any]:
        html, toc = prepared[c.id]
        return {"kind": "bab", "chapter": c, "id": c.id, "html": html, "toc": toc,
                "judul": c.display_title, "bookmark": c.display_title,
                "kepala": header_line(c.display_title, HEADER_RIGHT_EMS)}

    # Kata Pengantar first, then the lists, then the rest of the front matter (Ikhtisar Eksekutif).
    kp = [chapter_part(c) for c in front if c.jenis == "kata-pengantar"]
    rest = [chapter_part(c) for c in front if c.jenis != "kata-pengantar"]
    front_parts = kp + lists + rest
    body_parts = [chapter_part(c) for c in body]

    toc_entries: list[dict[str, Any]] = []
    for part in front_parts + body_parts:
        area = "depan" if part in front_parts else "isi"
        toc_entries.append({"level": 1, "href": f"#{part['id']}", "text": part["judul"], "area": area})
        for level, anchor, text in part.get("toc", []):
            if level <= 3:
                toc_entries.append({"level": level, "href": f"#{anchor}", "text": text, "area": area})

    kepala = report.instansi.kepala
    return {
        "report": report,
        "site": config,
        "judul": report.judul,
        "judul_pendek": short_title(report),
        "periode_teks": period_text(report),
        "front_parts": front_parts,
        "body_parts": body_parts,
        "toc_entries": toc_entries,
        "areas": {**{p["id"]: "depan" for p in front_parts}, **{p["id"]: "isi" for p in body_parts}},
        "tables": list(report.tables),
        "figures": list(report.figures),
        "ttd": {"tempat": report.tempat_ttd, "tanggal": report.tanggal_ttd, "jabatan": kepala.jabatan,
                "nama": kepala.nama, "pangkat": kepala.pangkat, "nip": fmt_nip(kepala.nip)},
        "keywords": keywords(report) + (", bukan dokumen terbitan" if late else ""),
        "subjek": late.subject(report) if late else subject(report),
        "tanda": {"sampul": late.cover(report), "kaki": late.footer(report)} if late else None,
    }


def prepare_pdf(report: Report, site: Any, env: jinja2.Environment, attachments: Sequence[Path],
                asset_root: Path, chapter_html: dict[str, str], static_dirs: Sequence[Path], *,
                epoch: int | None = None, generated: dict[str, bytes] | None = None,
                read: dict[str, bytes] | None = None, late: LaidAfterRelease | None = None) -> PdfJob:
    """Render the print HTML for ``report`` and bundle everything a worker needs into a :class:`PdfJob`.

    ``late``: the PDF is laid out for a version released without one, and says so (:class:`LaidAfterRelease`).
    ``static_dirs`` are the themes' ``static`` folders in override order (the print stylesheet and fonts).
    ``read`` holds files already read for other jobs of the same build (the theme's), so they are read once.
    """
    env = _env_with_filters(env)
    statics = [d for d in static_dirs if d.is_dir()]
    css_path = _find_static(STYLESHEET, statics)
    stamp = source_date(report, late.epoch() if late and epoch is None else epoch)
    context = build_context(report, site, chapter_html, late)
    logo = None
    if report.instansi.logo:
        # as the load found it (a name typed 'é' for a file macOS named 'e' + accent: ``core.paths.listed_form``)
        logo_path = report.assets.get(Path(report.instansi.logo).as_posix()) or report.folder / report.instansi.logo
        if not logo_path.is_file():
            raise PdfError(f"{report.rel}/laporan.yaml: berkas logo '{report.instansi.logo}' tidak ditemukan")
        logo = file_url(logo_path)
    # the PDF's /Creator and XMP CreatorTool name the lkjip that made it, as the archive's manifest does: a released
    # PDF is never made again, so a later lkjip writing its own number changes no released byte
    context.update({"logo_url": logo, "waktu": _w3c(stamp), "versi_lkjip": __version__})
    with theme_errors():
        html = env.get_template(TEMPLATE).render(**context)
    front_parts, body_parts = context["front_parts"], context["body_parts"]
    roots = tuple(sorted({Path(asset_root).resolve(), Path(report.folder).resolve(), *(d.resolve() for d in statics)},
                         key=str))
    specs = _attachment_specs(report, attachments, generated)
    return PdfJob(
        html=html,
        base_url=file_url(Path(report.folder)) + "/",
        stylesheet=css_path.read_text(encoding="utf-8"),
        stylesheet_url=file_url(css_path),
        allowed_roots=roots,
        attachments=specs,
        epoch=stamp,
        front_anchor="bagian-depan" if front_parts else None,
        body_anchor="bagian-isi" if body_parts else None,
        files=themes_overlaid(job_files(roots, [a.path for a in specs if a.data is None],
                                        {} if read is None else read), statics),
    )


def themes_overlaid(files: dict[str, bytes], statics: Sequence[Path]) -> dict[str, bytes]:
    """``files`` with each theme's ``static/`` given the files it lacks from the themes it overrides (the later
    ``statics``), at the same path inside it: what the site publishes under ``aset/`` (``theme.collect_static``).

    Why: a site's own ``print-pdf.css`` (copied for its letterhead, as penerbitan.md says) imports ``fonts/fonts.css``
    beside itself, in the site's theme, which has no fonts: the fetcher refused it, the PDF was set in whatever
    fonts the machine had, and the one word was 'sumber … ditolak (bukan berkas lokal di folder laporan atau
    tema)'."""
    out = dict(files)
    folders = [d.resolve() for d in statics]
    for i, folder in enumerate(folders):
        for lower in folders[i + 1:]:
            inside = f"{lower}{os.sep}"
            for path, data in files.items():
                if path.startswith(inside):
                    out.setdefault(str(folder / path[len(inside):]), data)
    return dict(sorted(out.items()))


def job_files(roots: Sequence[Path], extra: Sequence[Path], read: dict[str, bytes]) -> dict[str, bytes]:
    """``{path: bytes}`` of every file the PDF's URL fetcher would serve: files under ``roots`` (whose real path is
    inside a root too, as the fetcher checks) and the ``extra`` files. Symbolic links to folders are followed once.
    """
    out: dict[str, bytes] = {}
    for root in roots:
        seen: set[Path] = set()
        for folder, dirs, names in os.walk(root, followlinks=True):
            real = Path(folder).resolve()
            if real in seen or not _within(real, roots):
                dirs.clear()
                continue
            seen.add(real)
            dirs.sort()
            for name in sorted(names):
                path = Path(folder) / name
                if path.is_file() and _within(path.resolve(), roots):
                    out[str(path)] = _read(path, read)
    for path in extra:
        out[str(path)] = _read(path, read)
    return dict(sorted(out.items()))


def _within(path: Path, roots: Sequence[Path]) -> bool:
    return any(path == root or root in path.parents for root in roots)


def _read(path: Path, read: dict[str, bytes]) -> bytes:
    key = str(path)
    if key not in read:
        read[key] = path.read_bytes()
    return read[key]
