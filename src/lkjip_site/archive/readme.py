"""``BACA-SAYA.txt`` of a released version folder: what it holds and how to check and read it without lkjip.

Why: the folder handed to an archives office (Dinas Kearsipan) held ``manifest.json``, ``situs/``, ``sumber/`` and a
zip, and nothing that said what they were. The office checks a transfer years later with the tools it has
(``sha256sum``, ``unzip``, ``bagit.py``, a browser opening files from disk), often without lkjip, or with a newer one
that cannot be installed beside it; the guide that explains the folder is in lkjip's own package. The text is
written once, at the release, and pinned like every other file (its hash in ``manifest.json`` and ``SHA256SUMS``), so
it is plain text that any later reader opens, and it never changes with the lkjip that reads it.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from ..core.fmt import fmt_date
from ..output.changes import ReleasedRef
from ..output.versions import CHANGES_DIR, OPEN_DATA_DIR
from .manifest import CHECKSUMS, MANIFEST, README, SITE_DIR, SOURCE_DIR

#: ``sha256sum -c SHA256SUMS`` for an archives office on Windows, which has PowerShell but no ``sha256sum``: each
#: line of the file is "<sha256>  <path>" (two spaces; paths never need escaping: :func:`manifest.checksums`), and
#: PowerShell's ``-eq`` ignores the case of ``Get-FileHash``'s capital hex; ``-Encoding UTF8``: Windows PowerShell 5.1
#: reads a file in the machine's ANSI code page, which would spell a path with "é" otherwise. A missing file says
#: GAGAL, as a changed one. Not run here (no PowerShell on the build machine): written to its documented semantics.
POWERSHELL_CHECK = (f"Get-Content -Encoding UTF8 {CHECKSUMS} | ForEach-Object {{ $h, $f = $_ -split '  ', 2; "
                    "$ok = (Test-Path -LiteralPath $f) -and (Get-FileHash -Algorithm SHA256 -LiteralPath $f).Hash "
                    "-eq $h; \"${f}: $(if ($ok) {'OK'} else {'GAGAL'})\" }")

#: Appended to :data:`POWERSHELL_CHECK`: the lines of the files that differ or are missing, and nothing else. Why: a
#: version holds hundreds of files, and one GAGAL among hundreds of OK scrolled by unseen (``sha256sum -c`` ends
#: with a warning that counts them; the one line does not). The pattern is the line's end, so a path that holds the
#: word is not taken for one.
POWERSHELL_FAILED = "| Select-String ': GAGAL$'"

#: The version's pages linked to their files (:func:`page_list_html`), in ``situs/`` of a version released now.
PAGE_LIST = "daftar-halaman.html"


def readme_text(meta: dict[str, Any], released: str, lkjip_site: str, bag: str, top: str, site: list[str],
                url_dasar: str, previous: ReleasedRef | None = None) -> bytes:
    """The README of one version: ``meta`` as in its manifest (``laporan``), ``released`` its release time (ISO
    8601 UTC), ``bag`` the zip's name and ``top`` the folder it unpacks into, ``site`` the published paths,
    ``previous`` the released version its change page compares it with (:func:`_previous_lines`)."""
    slug, versi = str(meta["slug"]), str(meta["versi"])
    inst = meta.get("instansi") or {}
    base = _base(url_dasar)
    web = f"{base}laporan/{slug}/{versi}/"
    pdfs = [p for p in site if p.endswith(".pdf") and "/" not in p]
    lines = [
        "BACA SAYA: satu versi terbitan Laporan Kinerja Instansi Pemerintah (LKjIP)",
        "",
        f"Laporan     : {meta['judul']}",
        f"Instansi    : {inst.get('nama', '')}, {inst.get('pemda', '')}",
        f"Versi       : {versi}, tanggal terbit {fmt_date(dt.date.fromisoformat(str(meta['tanggal_terbit'])))}",
        f"Diarsipkan  : {released} (UTC), dengan lkjip-site {lkjip_site}",
        f"Alamat web  : {web}",
        f"Semua versi : {base}laporan/{slug}/",
        "",
        "Folder ini adalah satu versi laporan kinerja yang sudah diterbitkan. Isinya tidak pernah diubah",
        "lagi sejak terbit. Semuanya dapat dibaca dan diperiksa dengan alat biasa, tanpa program lkjip.",
        "",
        "ISI FOLDER",
        "",
        *_item(README, "berkas ini"),
        *_item(CHECKSUMS, "sidik SHA-256 setiap berkas lain di folder ini (format sha256sum)"),
        *_item(MANIFEST, "daftar setiap berkas dengan sidik SHA-256 dan ukurannya, serta"),
        *_item("", "keterangan laporan (JSON)"),
        *_item(SITE_DIR + "/", "halaman web versi ini, persis seperti terbit di alamat web di atas"),
        *_item(f"{SITE_DIR}/{PAGE_LIST}", "daftar halaman untuk membaca dari disk (lihat MEMBACA LAPORAN)"),
        *(line for pdf in pdfs for line in _item(f"{SITE_DIR}/{pdf}", "laporan lengkap (PDF)")),
        *_item(SITE_DIR + "/data-terbuka/", "angka laporan sebagai CSV dan JSON (data terbuka)"),
        *_item(SOURCE_DIR + "/", "berkas sumber laporan saat terbit: bab (Markdown) dan data (YAML)"),
        *_item(bag, f"paket arsip BagIt berisi {SITE_DIR}/ dan {SOURCE_DIR}/ (di data/{SITE_DIR}/"),
        *_item("", f"dan data/{SOURCE_DIR}/) serta salinan {README} ini, yang diperiksa"),
        *_item("", "alat BagIt bersama isinya"),
        "",
        "MEMERIKSA KEUTUHAN TANPA LKJIP",
        "",
        "1. Cocokkan sidik berkas-berkas ini dengan yang dicatat di Berita Acara Serah Terima saat versi",
        "   ini terbit (sidik yang berbeda: berkas itu bukan yang diserahkan):",
        "",
        f"     sha256sum {CHECKSUMS} {MANIFEST} {bag}",
        "",
        f"   macOS: shasum -a 256 {CHECKSUMS} {MANIFEST} {bag}",
        f"   Windows (PowerShell): Get-FileHash -Algorithm SHA256 {CHECKSUMS}, {MANIFEST}, {bag}",
        "",
        f"2. Di dalam folder ini, periksa setiap berkas terhadap {CHECKSUMS}:",
        "",
        f"     sha256sum -c {CHECKSUMS}",
        "",
        f"   macOS: shasum -a 256 -c {CHECKSUMS}. Setiap baris harus berakhir OK; bila ada berkas yang",
        "   berubah atau hilang, perintah itu menyebutnya dan berakhir dengan peringatan.",
        "   Windows (PowerShell, satu baris; setiap berkas harus berakhir OK, bukan GAGAL):",
        "",
        f"     {POWERSHELL_CHECK}",
        "",
        f"   Untuk melihat hanya berkas yang GAGAL, tambahkan di akhir baris itu:  {POWERSHELL_FAILED}",
        "   (tanpa keluaran apa pun: semua berkas OK).",
        "",
        f"   Berkas yang tidak tercantum di {CHECKSUMS} bukan bagian dari versi terbitan ini.",
        "",
        "3. Periksa paket BagIt dengan alat BagIt mana pun, mis. bagit.py dari Library of Congress:",
        "",
        f"     unzip {bag} -d bag",
        f"     bagit.py --validate bag/{top}",
        "",
        f"   atau: python3 -m bagit --validate bag/{top}. Tanpa bagit.py, di dalam folder bag/{top}:",
        "   sha256sum -c manifest-sha256.txt dan sha256sum -c tagmanifest-sha256.txt. Keterangan paket",
        f"   (laporan, versi, waktu terbit) ada di bag-info.txt; {README} di sampingnya sama dengan berkas",
        f"   ini. {MANIFEST} tidak ada di dalam paket, karena mencatat sidik paket itu sendiri.",
        "",
        "Bila lkjip terpasang, satu perintah memeriksa semuanya: lkjip verifikasi <folder ini>",
        "",
        "MEMBACA LAPORAN",
        "",
        *(f"- Laporan lengkap: {SITE_DIR}/{pdf}" for pdf in pdfs),
        *([] if pdfs else ["- Versi ini diterbitkan tanpa PDF: laporan lengkapnya adalah halaman web di bawah ini. PDF",
                           "  yang dibuat kemudian dari versi ini bukan bagian dari versi terbitan ini."]),
        f"- Halaman web: buka {SITE_DIR}/index.html di peramban. Halaman, tabel dan grafik tampil tanpa",
        "  internet. Bila JavaScript peramban dimatikan, tautan ke bab menuju folder bab itu, dan peramban",
        f"  menampilkan daftar berkas folder itu atau halaman kosong: buka {SITE_DIR}/{PAGE_LIST}, yang",
        "  menautkan setiap halaman langsung ke berkasnya, dan kembali ke daftar itu untuk halaman lain.",
        "- Tautan ke beranda portal, halaman instansi, pencarian dan perbandingan menuju halaman portal di",
        "  luar folder ini: dibuka dari disk, tautan itu membuka alamatnya di internet (tanpa JavaScript",
        "  tautan itu tidak menemukan berkas: buka alamat web di atas).",
        "- Apakah sudah terbit versi yang lebih baru hanya dapat dilihat di portal. Versi lain laporan",
        f"  ini: {base}laporan/{slug}/",
        f"- Angka laporan: {SITE_DIR}/data-terbuka/ (CSV dan JSON) dan {SOURCE_DIR}/data/ (YAML).",
        "",
        *_previous_lines(versi, previous, f"{CHANGES_DIR}/index.html" in site),
    ]
    return "\n".join(lines).encode("utf-8")


def _previous_lines(versi: str, previous: ReleasedRef | None, changes: bool) -> list[str]:
    """What changed since the version before, and where that version lies, for a reader holding this folder only.

    Why: the change page's link to the earlier version leads nowhere from a folder handed over alone, and the README
    did not say the page existed; an archivist asked "what changed since the last one?" had to open pages at random.
    Only what is known at the release is written (a later version cannot be named: this text never changes)."""
    if previous is None:
        return ["VERSI SEBELUMNYA", "",
                "Tidak ada versi terbitan sebelum versi ini di arsip situs saat versi ini terbit.", ""]
    told = [f"Versi ini menggantikan versi {previous.versi}. Apa yang berubah (angka, teks bab, keterangan",
            f"laporan dan berkas sumber) tercantum di {SITE_DIR}/{CHANGES_DIR}/index.html, dihitung dari data",
            "kedua versi."] if changes else [f"Versi ini menggantikan versi {previous.versi}."]
    return [
        f"PERUBAHAN DARI VERSI {previous.versi}",
        "",
        *told,
        f"Versi {previous.versi} tidak ada di folder ini. Di arsip situs ia adalah folder {previous.folder}/",
        f"(paket arsipnya {previous.paket}). Tautan \"Baca versi {previous.versi}\" di halaman perubahan",
        "menuju portal, bukan ke berkas di disk. Folder versi yang dibandingkan adalah folder yang",
        f"{MANIFEST}-nya bersidik SHA-256 (cocokkan juga dengan Berita Acara Serah Terimanya):",
        "",
        f"     {previous.manifest_sha256}  {MANIFEST}",
        "",
    ]


def _item(name: str, what: str) -> list[str]:
    """One row of the folder's table: a name too long for its column gets a line of its own."""
    if len(name) < _COLUMN:
        return [f"  {name:<{_COLUMN}}{what}"]
    return [f"  {name}", f"  {'':<{_COLUMN}}{what}"]


_COLUMN = 22


def _base(url_dasar: str) -> str:
    return url_dasar if url_dasar.endswith("/") else url_dasar + "/"


def page_list_html(meta: dict[str, Any], site: list[str], url_dasar: str) -> bytes:
    """:data:`PAGE_LIST` of one version: every page of it linked to its ``index.html``, the PDF and the open data.

    Why: a page links another by its folder (``bab-1/``, the site's clean address); opened from disk with JavaScript
    off, where ``versi.js`` cannot point the link at ``bab-1/index.html``, Chromium showed an empty "Index of" page
    and the README's advice ("klik index.html di daftar itu") could not be followed. The published pages cannot link
    otherwise (their web addresses stay) and a released page never changes, so the release adds this one page beside
    them: plain HTML, no script, no style, readable from the folder, the bag and the web alike. ``meta`` is the
    manifest's ``laporan``, ``site`` the published paths, ``url_dasar`` the site's address."""
    web = f"{_base(url_dasar)}laporan/{meta['slug']}/{meta['versi']}/"
    pages = [("index.html", "Halaman utama laporan")]
    pages += [(f"{bab['id']}/index.html", str(bab["judul"])) for bab in meta.get("bab") or []]
    pages += [(f"{CHANGES_DIR}/index.html", "Perubahan dari versi sebelumnya")]
    files = [(path, "Laporan lengkap (PDF)") for path in site if path.endswith(".pdf") and "/" not in path]
    files += [(path, f"Data terbuka: {path.removeprefix(OPEN_DATA_DIR + '/')}") for path in site
              if path.startswith(OPEN_DATA_DIR + "/")]
    title = f"{meta['judul']}, versi {meta['versi']}"
    tanggal = fmt_date(dt.date.fromisoformat(str(meta["tanggal_terbit"])))
    lines = [
        "<!DOCTYPE html>",
        '<html lang="id">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="robots" content="noindex">',
        f"<title>Daftar halaman — {html.escape(title)}</title>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{html.escape(str(meta['judul']))}</h1>",
        f"<p>Versi {html.escape(str(meta['versi']))}, terbit {tanggal}. Alamat web versi ini: "
        f'<a href="{html.escape(web)}">{html.escape(web)}</a></p>',
        "<p>Daftar ini menautkan setiap halaman versi ini langsung ke berkasnya, agar dapat dibaca dari disk "
        "(mis. dari folder arsip) juga bila JavaScript peramban dimatikan. Di dalam halaman, tautan ke halaman lain "
        "menuju foldernya; dibuka dari disk tanpa JavaScript, peramban menampilkan daftar berkas folder itu atau "
        "halaman kosong: kembali ke daftar ini.</p>",
        "<h2>Halaman</h2>",
        "<ul>",
        *(f'<li><a href="{html.escape(path)}">{html.escape(text)}</a></li>' for path, text in pages if path in site),
        "</ul>",
    ]
    if files:
        lines += ["<h2>Laporan lengkap dan data terbuka</h2>", "<ul>",
                  *(f'<li><a href="{html.escape(path)}">{html.escape(text)}</a></li>' for path, text in files),
                  "</ul>"]
    lines += ["</main>", "</body>", "</html>", ""]
    return "\n".join(lines).encode("utf-8")
