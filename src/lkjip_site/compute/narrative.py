"""What the narrative gets wrong: another instansi's name left in the text, a signature typed under the foreword,
the scaffold's sample text left in, last year's text and dates carried by ``lkjip new --dari`` not yet rewritten
(derived values typed instead of referenced: :mod:`.typed`).

All are heuristics over the chapter text (outside code fences), so all are warnings.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from pathlib import Path
from typing import Iterable

from ..core.fmt import fmt_date, fmt_rupiah, fmt_value_entered, from_roman, roman
from ..core.model import BudgetNode, Chapter, Loc, Missing, Report, SiteConfig, loc_of
from ..core.resources import SCAFFOLD
from ..load.yamltree import YMap
from .findings import Finding
from .prose import CODE_SPAN, all_lines, lines

# ---------------------------------------------------------------------------------------------------------------
# Narrative names

_JENIS_WORDS = ("Kecamatan", "Kelurahan", "Desa", "Dinas", "Badan", "Inspektorat", "Sekretariat", "Satuan",
                "Bagian", "Kantor", "Rumah Sakit", "Puskesmas")
_STOP = {"kabupaten", "kab", "kota", "provinsi", "prov", "tahun", "nomor", "no", "tentang", "dan", "di", "yang",
         "pada", "dalam", "dengan", "untuk", "sebagai", "serta", "periode", "triwulan", "tw", "selaku", "beserta",
         "bersama", "atau", "kepada", "oleh", "melalui", "sesuai", "bahwa", "sekaligus", "dapat", "telah"}


def _split_instansi(nama: str) -> tuple[str, str]:
    """'Kecamatan Martapura Barat' -> ('Kecamatan', 'Martapura Barat')."""
    for w in _JENIS_WORDS:
        if nama.casefold().startswith(w.casefold() + " "):
            return w, nama[len(w) + 1:].strip()
    first, _, rest = nama.partition(" ")
    return first, rest.strip()


_TOKEN = re.compile(r"^([\[*_\"']*)([A-Za-z][A-Za-z'\-]*)(.*)$")


def _mention_name(text: str) -> str:
    """Capitalised words after the jenis word; stops at 'Kabupaten', 'Tahun', lowercase words, '(' or punctuation.

    Markdown around the name (``**``, ``[...](...)``) ends it too: ``Kecamatan Martapura Barat](gambar/x.svg)``
    yields 'Martapura Barat'.
    """
    words = []
    for token in text.split():
        m = _TOKEN.match(token)
        if not m:
            break
        word, rest = m.group(2), m.group(3)
        if word.casefold() in _STOP or not word[0].isupper():
            break
        words.append(word)
        if rest:
            break
    return " ".join(words)


#: Words that begin the pemda a name carries after its own ("Dinas Kesehatan Kabupaten Tanah Laut").
_REGION = {"kabupaten", "kab", "kota", "provinsi", "prov"}


def _is_own(name: str, own: str) -> bool:
    """Whether ``name`` (read after the jenis word) is the report's own: as written, followed by more words, its
    short form, or the own name without the pemda it carries: a dinas named "Dinas Kesehatan Kabupaten Tanah Laut"
    says "Dinas Kesehatan" on every page, and a reader does not take it for another instansi."""
    return any(_is_name(name, o) for o in {own, _without_region(own)} if o)


def _is_name(name: str, own: str) -> bool:
    n, o = name.casefold(), own.casefold()
    return n == o or n.startswith(o + " ") or _abbreviates(name.split(" ", 1)[0], own)


def _without_region(own: str) -> str:
    """'Kesehatan Kabupaten Tanah Laut' -> 'Kesehatan'; a region word that ends the name is kept ('Tata Kota')."""
    words = own.split()
    cut = next((i for i, w in enumerate(words[:-1]) if i and w.strip(".").casefold() in _REGION), len(words))
    return " ".join(words[:cut])


def _abbreviates(word: str, own: str) -> bool:
    """Whether ``word`` is the usual short form of the own name: a prefix of each of its leading words in turn, the
    link words left out. "Dinas PUPR" for Dinas Pekerjaan Umum dan Penataan Ruang, "Dinas PU" too; a word in capitals
    may stop before the last word (PU), a word in lower case ("Dinas Kominfo" for Komunikasi dan Informatika) takes
    a part of every word, so that "Dinas Pertanian" is not read as a short form of Pekerjaan Umum dan Penataan Ruang.
    """
    words = [w.casefold() for w in re.findall(r"[A-Za-z]+", own) if w.casefold() not in _STOP]
    if len(word) < 2 or len(words) < 2 or not word.isalpha():
        return False
    every = not word.isupper()

    def split(rest: str, i: int) -> bool:
        if not rest:
            return not every or i == len(words)
        return i < len(words) and any(rest[:k] == words[i][:k] and split(rest[k:], i + 1)
                                      for k in range(min(len(rest), len(words[i])), 0, -1))

    return split(word.casefold(), 0)


def _fenced_titles(chapter: Chapter) -> Iterable[tuple[int, str]]:
    """The ``judul:`` lines of the tables and figures (inside their fences): printed as captions and in the lists."""
    return ((n, line.split(":", 1)[1]) for n, line, fenced in all_lines(chapter)
            if fenced and line.lstrip().startswith("judul:"))


def check_narrative_names(report: Report, known_names: list[str]) -> list[Finding]:
    """Flag text naming another instansi: a known other name, or '<jenis> X' where X is not the report's own.

    ``known_names`` are full names of other instansi known to the site (e.g. every report's ``instansi.nama``,
    ``Kecamatan Paramasan``); the report's own name in that list is ignored. The jenis-word rule uses the report's
    own jenis (``Kecamatan`` for a kecamatan report; ``Kec.`` and ``Camat`` are accepted) and catches names left over
    from the report a text was copied from. Read where such a name gets printed: the chapters' text, their titles
    and summaries, the titles of their tables and figures, the head's jabatan under the signature, the indicators'
    names (the text alone was read: "Camat Paramasan" signed a Martapura Barat foreword). Heuristic, so a warning.
    """
    own_full = report.instansi.nama.strip()
    jenis, own = _split_instansi(own_full)
    # its earlier names are its own too ("Dinas Pariwisata digabung menjadi Dinas Kebudayaan dan Pariwisata" was
    # said as another instansi named, in the report that declares the rename)
    earlier = {n.strip().casefold() for n in report.instansi.nama_sebelumnya}
    earlier_own = [rest for j, rest in map(_split_instansi, report.instansi.nama_sebelumnya)
                   if j.casefold() == jenis.casefold()]
    # the scaffold's own name too: renamed in laporan.yaml to "Dinas Kesehatan", its foreword still presented "capaian
    # kinerja Kecamatan Contoh" (another jenis, so the jenis-word rule did not read it)
    named = [*known_names, SAMPLE_INSTANSI]
    others = sorted({k.strip() for k in named if k.strip() and k.strip().casefold() != own_full.casefold()
                     and k.strip().casefold() not in earlier})
    core = _without_region(own)  # its name without the pemda it carries: "Dinas Kesehatan" of Kabupaten Tanah Laut
    variants = [re.escape(jenis)] + ([r"Kec\.", "Camat"] if jenis.casefold() == "kecamatan" else [])
    pattern = re.compile(r"\b(?:" + "|".join(variants) + r")\s+", re.IGNORECASE)
    # one alternation for all other names (longest first), not one search per name: an archive knows many
    by_key = {o.casefold(): o for o in others}
    known = re.compile(r"\b(?:" + "|".join(re.escape(o) for o in sorted(others, key=len, reverse=True)) + r")\b",
                       re.IGNORECASE) if others else None

    def named_in(line: str) -> set[str]:
        flagged: set[str] = set()
        if known is not None:
            flagged.update(by_key[m.group(0).casefold()] for m in known.finditer(line))
        for m in pattern.finditer(line):
            after = line[m.end():].casefold()
            if after.startswith(own.casefold()) or after.startswith(core.casefold()):  # the own name
                continue  # as written, punctuation and all ("Kecamatan Suka: Maju", "Dinas P&K", "Badan
                # Perencanaan Pembangunan, Riset dan Inovasi Daerah" without its kabupaten), where the rule's words end
            name = _mention_name(line[m.end():])
            if name.casefold().startswith(jenis.casefold() + " "):  # "Camat Kecamatan X": X is read at its own word
                continue
            if name and not _is_own(name, own) and not any(_is_own(name, e) for e in earlier_own):
                full = f"{jenis} {name}"
                if not any(f.casefold().startswith(full.casefold()) or full.casefold().startswith(f.casefold())
                           for f in flagged):
                    flagged.add(full)
        return flagged

    out: list[Finding] = []
    for loc, line in _printed_texts(report):
        for name in sorted(named_in(line)):
            out.append(Finding("warning", loc, f"teks menyebut '{name}', padahal instansi laporan ini '{own_full}'",
                               "nama-instansi"))
    return out


def _printed_texts(report: Report) -> Iterable[tuple[Loc, str]]:
    """Every text of the report's sources that is printed as written, at its line."""
    jabatan = report.instansi.kepala.jabatan
    if jabatan:
        yield loc_of(report, "instansi.kepala.jabatan"), jabatan
    for ch in report.chapters:
        front = ch.front
        for key in ("judul", "ringkasan"):
            value = front.get(key)
            if isinstance(value, str) and value.strip():
                yield Loc(ch.rel, front.line_of(key) if isinstance(front, YMap) else 1), value
        yield from ((Loc(ch.rel, n), line) for n, line in lines(ch))
        yield from ((Loc(ch.rel, n), line) for n, line in _fenced_titles(ch))
    for ind in report.data.indikator.values():
        yield loc_of(ind, "nama"), ind.nama


# ---------------------------------------------------------------------------------------------------------------
# A period in the text that is not the report's

#: "s.d. Triwulan III", "sampai dengan TW 3": the period a cumulative figure is of.
_UP_TO_QUARTER = re.compile(r"\b(?:s\.?\s?d\.?|sampai\s+dengan)\s+(?:triwulan|tw)[\s-]*(IV|I{1,3}|[1-4])\b", re.I)


def check_narrative_period(report: Report) -> list[Finding]:
    """A text that puts its figures "s.d. Triwulan III" in a report of another period (warning ``periode-narasi``):
    an annual report's closing chapter, copied from TW III's, printed "Realisasi anggaran s.d. Triwulan III sebesar
    Rp 6.247.500.000", the whole year's figure under TW III's name; only the report's ``judul`` was read."""
    own = None if report.periode == "tahunan" else int(report.periode[-1])
    period = "laporan tahunan (setahun penuh)" if own is None else f"laporan s.d. Triwulan {roman(own)}"
    out = []
    for loc, text in _printed_texts(report):
        for m in _UP_TO_QUARTER.finditer(text):
            q = m.group(1).upper()
            n = int(q) if q.isdigit() else from_roman(q)
            if n != own:
                out.append(Finding("warning", loc, f"teks menyebut '{m.group(0)}', padahal laporan ini "
                                   f"{period}; angka yang dirujuk di sini adalah angka periode laporan. Sesuaikan "
                                   "periodenya (sisa salinan laporan triwulan?)", "periode-narasi"))
    return out


#: A Markdown heading (ATX): "## Capaian Kinerja Tahun 2022"; its text in group 1.
_HEADING = re.compile(r"^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_HEADING_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
#: Words of a heading about the report's own period: its capaian, its PK, its budget. A heading without them
#: ("Sejarah kecamatan sejak 1965") may name any year.
_OWN_PERIOD_TOPIC = re.compile(r"\b(?:capaian|kinerja|realisasi|akuntabilitas|pengukuran|target|anggaran|belanja|"
                               r"lkjip|lakip|laporan|pk|iku|ikhtisar|kesimpulan)\b", re.I)
#: Words that make a heading's year another period's on purpose: a comparison, last year, a plan of several years,
#: the evaluation of last year's report (read and followed up in this one).
_OTHER_PERIOD = re.compile(r"\b(?:perbandingan|(?:di|mem)?banding(?:kan)?|lalu|sebelum(?:nya)?|renstra|rpjmd|rpjmn|"
                           r"rpjpd|tren|perkembangan|riwayat|evaluasi|lhe|rekomendasi|tindak\s+lanjut|sejak)\b", re.I)


def _headings(report: Report) -> Iterable[tuple[Loc, str]]:
    """Each chapter's ``judul`` (front matter) and each Markdown heading of its text, at its line."""
    for ch in report.chapters:
        front = ch.front
        value = front.get("judul")
        if isinstance(value, str) and value.strip():
            yield Loc(ch.rel, front.line_of("judul") if isinstance(front, YMap) else 1), value
        for n, line in lines(ch):
            m = _HEADING.match(line)
            if m:
                yield Loc(ch.rel, n), m.group(1)


def check_heading_year(report: Report) -> list[Finding]:
    """A chapter heading about the report's own period that names only an earlier year (warning
    ``judul-bab-tahun``): a 2023 report whose BAB III read "Capaian Kinerja Tahun 2022", left from last year's
    report it was copied from; only the report's ``judul`` and the captions of tables and charts were read.

    A quarterly report is of its year too ("Triwulan I Tahun 2023" in a TW I 2024 report is last year's). Not read:
    a heading of two years or more ("2021–2023", "Renstra 2021–2026"), one of a later year (a plan), one that
    compares or names another period on purpose (:data:`_OTHER_PERIOD`), and one not about performance, budget or
    the report (:data:`_OWN_PERIOD_TOPIC`)."""
    own = "" if report.periode == "tahunan" else f"Triwulan {roman(int(report.periode[-1]))} "
    out = []
    for loc, text in _headings(report):
        plain = CODE_SPAN.sub(" ", text)
        years = {int(y) for y in _HEADING_YEAR.findall(plain)}
        if (len(years) != 1 or min(years) >= report.tahun or not _OWN_PERIOD_TOPIC.search(plain)
                or _OTHER_PERIOD.search(plain)):
            continue
        out.append(Finding("warning", loc, f"judul '{' '.join(plain.split())}' menyebut tahun {min(years)}, padahal "
                           f"laporan ini laporan {own}tahun {report.tahun} (judul salinan laporan lama?); perbarui "
                           f"tahunnya menjadi {report.tahun}, atau bila bagian ini memang tentang tahun {min(years)}, "
                           "sebut itu dalam judulnya (mis. 'Perbandingan dengan Tahun "
                           f"{min(years)}', 'Realisasi Tahun Lalu')", "judul-bab-tahun"))
    return out


# ---------------------------------------------------------------------------------------------------------------
# A signature typed into the foreword

#: A NIP line ("NIP. 19700101 199003 1 001"), or the place and date line above a signature ("Martapura, 20 Desember
#: 2023"): the block lkjip writes under the foreword from laporan.yaml already has both.
_NIP_LINE = re.compile(r"^[\s*_>|]*NIP\b\.?\s*[:.]?\s*\d")
_PLACE_DATE_LINE = re.compile(r"^[\s*_>]*[A-Z][\w .'-]*,\s*\d{1,2}\s+(januari|februari|maret|april|mei|juni|juli|agustus|"
                              r"september|oktober|november|desember)\s+\d{4}[\s*_]*$", re.I)


def check_typed_signature(report: Report) -> list[Finding]:
    """A signature typed at the end of the foreword: the PDF then carried two, of different dates and NIPs, one
    dated before the year ended; lkjip writes the block from ``penandatanganan`` and ``instansi.kepala``."""
    out = []
    for ch in report.chapters:
        if ch.jenis != "kata-pengantar":
            continue
        for line_no, line in lines(ch):
            if _NIP_LINE.match(line) or _PLACE_DATE_LINE.match(line):
                out.append(Finding("warning", Loc(ch.rel, line_no), f"'{line.strip()}' tampak seperti tanda tangan "
                                   "yang diketik; lkjip sudah menulis tempat, tanggal, nama, pangkat dan NIP di bawah "
                                   "kata pengantar dari laporan.yaml (penandatanganan, instansi.kepala): hapus baris "
                                   "ini dan ubah datanya di sana", "ttd-diketik"))
    return out


# ---------------------------------------------------------------------------------------------------------------
# The scaffold's sample text left in

#: What ``lkjip new`` writes for the author to replace, by laporan.yaml key: left in, it was printed on the cover,
#: the signature block and the site ("Nama Kepala, S.Sos", "Kota Contoh") of a report that passed ``check --strict``.
SAMPLE_VALUES = {"instansi.alamat": "Jl. Contoh No. 1", "instansi.kepala.nama": "Nama Kepala, S.Sos",
                 "penandatanganan.tempat": "Kota Contoh"}
#: The head's NIP ``lkjip new`` writes (a valid one, 1 January 1970, TMT March 1990), read by its digits: left in,
#: it was printed under the signature of a released report as if it were the camat's own.
SAMPLE_NIP = "197001011990031001"
#: The head's pangkat ``lkjip new`` writes beside that NIP. Many a camat really is Pembina (IV/a), so it is sample
#: text only while the sample NIP written with it is still there.
SAMPLE_PANGKAT = "Pembina (IV/a)"
#: What the scaffold's short chapters, written whole by ``lkjip new``, are to become (by ``jenis``): two sentences
#: of foreword ("Puji syukur kami panjatkan. …") were published as the head's foreword, with no warning.
SAMPLE_CHAPTERS = {"kata-pengantar": "kata pengantar dari kepala instansi (maksud laporan, ucapan terima kasih)",
                   "ikhtisar": "ikhtisar eksekutif (tujuan dan sasaran, capaian utama, kendala dan langkah ke depan)"}
#: The scaffold's sample indicator (id, name), its target and its realisasi (the year's, or each quarter's so far):
#: a report filled in but for its data files, in a hurry, passed ``check --strict`` and published an IKM of 82,5
#: against a target of 80 that no one had measured. All four together are the sample; any one alone may be real.
SAMPLE_INDICATOR = ("IKU1", "Indeks Kepuasan Masyarakat")
SAMPLE_TARGET = Decimal(80)
SAMPLE_REALISASI = Decimal("82.5")
#: The scaffold's sample sub kegiatan's pagu and realisasi (a year's; a quarterly report's each quarter so far), on
#: its sample code: published as the instansi's budget (Rp 100.000.000, 95,00 % absorbed) just the same.
SAMPLE_PAGU = Decimal(100000000)
SAMPLE_SPENT = Decimal(95000000)
SAMPLE_SPENT_QUARTER = Decimal(20000000)
#: The instansi ``lkjip new`` names when none is given, written into the scaffold's text.
SAMPLE_INSTANSI = "Kecamatan Contoh"
#: The urusan and bidang of the sample program ``lkjip new`` writes for an instansi other than a kecamatan (0.00.01,
#: the program every perangkat daerah has): no real code begins so.
SAMPLE_URUSAN = "0.00"
#: The sub kegiatan of the scaffold's sample program, a kecamatan's and any other instansi's.
SAMPLE_LEAF_CODES = ("7.01.02.2.01.0001", f"{SAMPLE_URUSAN}.01.2.01.0001")
#: The scaffold's instructions in the chapters and the Renstra all begin so ("Tuliskan latar belakang …").
SAMPLE_TEXT = re.compile(r"^\s*Tuliskan\b")
#: What ``lkjip init`` writes in situs.yaml for the webmaster to replace: left in, every page of a release named
#: "Pemerintah Kabupaten Contoh" in its header and footer and https://lkjip.contoh.go.id/ as its address, for good.
SITE_SAMPLE_VALUES = {"pemda": ("Pemerintah Kabupaten Contoh", "nama pemerintah daerah Anda, mis. Pemerintah "
                                "Kabupaten Banjar (tampil di kepala dan kaki setiap halaman)"),
                      "url_dasar": ("https://lkjip.contoh.go.id/", "alamat tempat portal diterbitkan, mis. "
                                    "https://lkjip.banjarkab.go.id/ (alamat kanonis setiap halaman, sitemap, umpan)")}
#: The logo ``lkjip new`` puts on the cover (a circle saying "LOGO"), recognised by its bytes.
SAMPLE_LOGO = SCAFFOLD / "laporan" / "gambar" / "logo.svg"


def check_site_samples(config: SiteConfig) -> list[Finding]:
    """situs.yaml's sample values still in place (warnings, at their lines): they go into every page of the site,
    released versions included, whose bytes never change again; neither ``check`` nor ``terbitkan`` said so."""
    written = {"pemda": config.pemda, "url_dasar": config.url_dasar}
    return [Finding("warning", loc_of(config, key), f"{key}: '{written[key]}' masih isian contoh dari lkjip init; "
                    f"tulis {what}", "isian-contoh")
            for key, (sample, what) in SITE_SAMPLE_VALUES.items()
            if written[key].strip().rstrip("/") == sample.rstrip("/")]


def check_sample_text(report: Report) -> list[Finding]:
    """The scaffold's sample values and instructions still in the report (warnings, at their lines): a report made
    by ``lkjip new`` and built at once printed "Tuliskan latar belakang penyusunan laporan." in its signed PDF."""
    out = []
    head = report.instansi.kepala
    written = {"instansi.alamat": report.instansi.alamat, "instansi.kepala.nama": head.nama,
               "penandatanganan.tempat": report.tempat_ttd}
    for key, sample in SAMPLE_VALUES.items():
        if written[key] == sample:
            out.append(Finding("warning", loc_of(report, key), f"{key}: '{sample}' masih isian contoh dari lkjip new; "
                               "tulis data instansi Anda", "isian-contoh"))
    if re.sub(r"\D", "", head.nip) == SAMPLE_NIP:
        out.append(Finding("warning", loc_of(report, "instansi.kepala.nip"), f"instansi.kepala.nip: '{head.nip}' "
                           "masih NIP contoh dari lkjip new, dicetak di bawah tanda tangan; tulis NIP kepala instansi "
                           "(18 angka, mis. \"19690515 199003 1 002\")", "isian-contoh"))
        if head.pangkat.strip() == SAMPLE_PANGKAT:
            out.append(Finding("warning", loc_of(report, "instansi.kepala.pangkat"), f"instansi.kepala.pangkat: "
                               f"'{head.pangkat}' masih isian contoh dari lkjip new (ditulis bersama NIP contoh); "
                               "tulis pangkat dan golongan kepala instansi, mis. 'Penata Tingkat I (III/d)'",
                               "isian-contoh"))
    if _sample_logo(report):
        out.append(Finding("warning", loc_of(report, "instansi.logo"),
                           f"instansi.logo: '{report.instansi.logo}' masih logo contoh dari lkjip new (lingkaran "
                           "bertulisan LOGO), di sampul dan halaman laporan; ganti berkas itu dengan logo pemda Anda, "
                           "atau tulis di sini nama berkas logo Anda", "isian-contoh"))
    budget = report.data.anggaran
    for program in budget.program if budget is not None else []:
        if program.kode.strip().startswith(SAMPLE_URUSAN + "."):
            out.append(Finding("warning", program.loc, f"kode program '{program.kode}': urusan dan bidang "
                               f"{SAMPLE_URUSAN} masih isian contoh dari lkjip new; tulis kode program, kegiatan dan "
                               "sub kegiatan dari DPA instansi Anda (mis. 3.27.01 untuk program penunjang urusan "
                               "pertanian), juga di pk.yaml", "isian-contoh"))
    out += _sample_numbers(report)
    for ch in report.chapters:
        if ch.jenis in SAMPLE_CHAPTERS and _sample_chapter(ch.jenis).fullmatch(ch.body.strip()):
            first = next((n for n, line in lines(ch) if line.strip()), ch.body_line)
            out.append(Finding("warning", Loc(ch.rel, first), f"{ch.judul}: seluruh teks bab ini masih teks contoh "
                               f"dari lkjip new; tulis {SAMPLE_CHAPTERS[ch.jenis]}", "isian-contoh"))
        for line_no, line in lines(ch):
            if SAMPLE_TEXT.match(line):
                out.append(Finding("warning", Loc(ch.rel, line_no), f"'{line.strip()}' masih teks contoh dari lkjip "
                                   "new; ganti dengan isi bab ini", "isian-contoh"))
    renstra = report.data.renstra
    if renstra is not None:
        texts = [("visi", renstra.visi, loc_of(renstra, "visi")), *(("misi", m, loc_of(renstra, "misi"))
                                                                    for m in renstra.misi)]
        for t in renstra.tujuan:
            texts.append((f"tujuan {t.id}", t.uraian, t.loc))
            texts += [(f"sasaran {s.id}", s.uraian, s.loc) for s in t.sasaran]
        for what, text, loc in texts:
            if SAMPLE_TEXT.match(text):
                out.append(Finding("warning", loc, f"{what} Renstra: '{text}' masih teks contoh dari lkjip new; tulis "
                                   "dari dokumen Renstra", "isian-contoh"))
    return out


def _sample_numbers(report: Report) -> list[Finding]:
    """The scaffold's sample indicator values and sample budget amounts still in the data files (warnings, at the
    realisasi's and the pagu's lines)."""
    out = []
    year = report.tahun
    for ind in report.data.indikator.values():
        target, done = ind.target.get(year), ind.realisasi.get(year)
        if ((ind.id, ind.nama) == SAMPLE_INDICATOR and target is not None and target.annual == SAMPLE_TARGET
                and done is not None and _all_sample(done.annual, done.quarters.values(), SAMPLE_REALISASI)):
            out.append(Finding("warning", done.loc or ind.loc, f"{ind.id}: target {fmt_value_entered(SAMPLE_TARGET)} "
                               f"dan realisasi {fmt_value_entered(SAMPLE_REALISASI)} tahun {year} masih angka contoh "
                               "dari lkjip new; tulis target dari Perjanjian Kinerja dan realisasi yang diukur "
                               "instansi Anda, atau ganti indikator ini dengan indikator instansi Anda",
                               "isian-contoh"))
    budget = report.data.anggaran
    for leaf in (leaf for p in budget.program for k in p.children for leaf in k.children) if budget else []:
        if (leaf.kode.strip() in SAMPLE_LEAF_CODES and leaf.pagu == SAMPLE_PAGU
                and _all_sample(leaf.realisasi, leaf.realisasi_tw.values(), SAMPLE_SPENT, SAMPLE_SPENT_QUARTER)):
            out.append(Finding("warning", loc_of(leaf, "pagu"), f"{leaf.kode}: pagu {fmt_rupiah(SAMPLE_PAGU)} dan "
                               "realisasinya masih angka contoh dari lkjip new; tulis program, kegiatan dan sub "
                               "kegiatan dari DPA instansi Anda beserta pagu dan realisasinya (atau jalankan lkjip "
                               "impor-anggaran)", "isian-contoh"))
    return out


def _all_sample(annual: object, quarters: Iterable[object], sample: Decimal, quarter: Decimal | None = None) -> bool:
    """Whether a year's value is the scaffold's: its annual one, or (none written, a quarterly report) every
    quarter's, each ``quarter`` (``sample`` unless said)."""
    if annual == sample:
        return True
    each = list(quarters)
    return bool(each) and all(v == (sample if quarter is None else quarter) for v in each) and (
        annual is None or isinstance(annual, Missing))


def _sample_logo(report: Report) -> bool:
    """Whether the report's logo is the scaffold's, byte for byte (an unreadable one is said where it is loaded);
    read only when its size is the sample's."""
    path = report.assets.get(Path(report.instansi.logo).as_posix()) if report.instansi.logo else None
    try:
        return (path is not None and path.stat().st_size == len(_sample_logo_bytes())
                and path.read_bytes() == _sample_logo_bytes())
    except OSError:
        return False


@functools.cache
def _sample_logo_bytes() -> bytes:
    return SAMPLE_LOGO.read_bytes()


@functools.cache
def _sample_chapter(jenis: str) -> re.Pattern[str]:
    """The body of the scaffold's chapter of ``jenis`` as ``lkjip new`` fills it in, whatever the instansi and
    period (its ``__PLACEHOLDER__`` words match any text) and however the lines are wrapped again. Read from the
    scaffold itself, so that the check follows any change of its text."""
    for path in sorted((SCAFFOLD / "laporan").glob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        if re.search(rf"^jenis:\s*{re.escape(jenis)}\s*$", front, re.M):
            parts = re.split(r"(__[A-Z_]+?__|\s+)", body.strip())
            return re.compile("".join(".{0,200}?" if re.fullmatch(r"__[A-Z_]+?__", part)
                                      else r"\s+" if part.isspace() else re.escape(part) for part in parts if part),
                              re.S)
    return re.compile(r"(?!)")  # (no such chapter in the scaffold: nothing is its sample)


# ---------------------------------------------------------------------------------------------------------------
# What ``lkjip new --dari`` carried from last year's report

#: The key ``lkjip new --dari`` writes at the top of every file it carried (laporan.yaml, data/anggaran.yaml, each
#: chapter's front matter), naming the old report; the author removes it once the file is rewritten or filled in.
CARRIED_KEY = "disalin_dari"


def check_carried(report: Report) -> list[Finding]:
    """What ``lkjip new --dari`` carried from an earlier report and the author has not yet rewritten or filled in
    (warnings, at their lines, code ``isian-salinan``): each file still holding its ``disalin_dari`` line.

    Why: a report started from last year's folder by hand kept last year's sentences, signing date and amounts, and
    nothing said so; they are on the cover and in the text of a version that can never be changed. The mark is one
    line the author can read and remove, so the rule is one sentence: while it is there, ``check`` names what is
    left in that file and ``terbitkan`` refuses (:func:`..archive.release.refuse_samples`).
    """
    out: list[Finding] = []
    remove = f"lalu hapus baris '{CARRIED_KEY}'"
    if report.disalin_dari:
        old = report.disalin_dari
        for key, date, what in (("tanggal_terbit", report.tanggal_terbit, "tanggal versi ini diterbitkan"),
                                ("penandatanganan.tanggal", report.tanggal_ttd, "tanggal laporan ditandatangani")):
            out.append(Finding("warning", loc_of(report, key), f"{key}: {fmt_date(date)} hanya perkiraan lkjip new "
                               f"--dari (laporan ini disalin dari '{old}'); tulis {what}, {remove} di laporan.yaml",
                               "isian-salinan"))
    for ch in report.chapters:
        old = ch.front.get(CARRIED_KEY) if isinstance(ch.front, dict) else None
        if old:
            line = ch.front.line_of(CARRIED_KEY) if isinstance(ch.front, YMap) else 1
            out.append(Finding("warning", Loc(ch.rel, line), f"bab ini masih teks laporan '{old}' yang disalin lkjip "
                               f"new --dari; tulis ulang untuk laporan {report.periode_kalimat}, {remove}",
                               "isian-salinan"))
    budget = report.data.anggaran
    if budget is not None and budget.disalin_dari:
        old = budget.disalin_dari
        empty = [leaf for p in budget.program for k in p.children for leaf in k.children if _unfilled(leaf)]
        for leaf in empty:
            out.append(Finding("warning", leaf.loc, f"{leaf.kode}: pagu dan realisasi {budget.tahun} belum diisi "
                               f"(masih Rp 0 dari lkjip new --dari); tulis dari DPA dan laporan realisasi, atau "
                               f"jalankan lkjip impor-anggaran", "isian-salinan"))
        left = f"; {len(empty)} sub kegiatan masih Rp 0 (disebut per baris)" if empty else ""
        out.append(Finding("warning", loc_of(budget, CARRIED_KEY), f"anggaran.yaml disalin dari '{old}' oleh lkjip "
                           f"new --dari tanpa angka tahun itu{left}; setelah semua pagu dan realisasi {budget.tahun} "
                           f"diisi, hapus baris '{CARRIED_KEY}'", "isian-salinan"))
    return out


def _unfilled(leaf: BudgetNode) -> bool:
    """A sub kegiatan as ``lkjip new --dari`` left it: no pagu, no realisasi, no quarter's realisasi (all zero)."""
    spent = leaf.realisasi
    return (leaf.pagu == 0 and (isinstance(spent, Missing) or spent == 0)
            and all(v == 0 for v in leaf.realisasi_tw.values()))
