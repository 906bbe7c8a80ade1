"""Stage 1, a site's own theme: what its files may not bring onto the public pages.

The shipped theme is part of the program and tested with it; a site's theme (``<site>/themes/<tema>/``) is the
webmaster's. Its SVGs are checked as a report's images are (no scripts, nothing fetched), and its page templates are
read for what the site's Content-Security-Policy blocks in every browser (an inline ``<script>``, a ``style``
attribute, an image from another server): it built with "0 galat" and the browser refused three things on every page.
A copy of a shipped file older than the pages this lkjip writes (``partials/table.html`` from before 0.2.2, a
``site.css`` without the shipped one's rules, a ``print-pdf.css`` without the print rules of 0.2.13) is named too:
a site's copy replaces the shipped file whole and keeps the version it came from.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from ..core.diagnostics import Diagnostics
from ..core.paths import rel_path
from ..core.resources import DEFAULT_THEME, PACKAGE_THEMES
from ..core.suggest import did_you_mean, nearest
from .svgcheck import check_svg

#: What a page template may not hold, with what to do instead. The PDF's templates (``templates/pdf/``) are not
#: pages of the site: WeasyPrint reads their inline styles and no browser does.
_BLOCKED = (
    (re.compile(r"<script\b(?![^>]*\bsrc\s*=)(?![^>]*\btype\s*=\s*[\"']?application/(?:ld\+)?json)[^>]*>", re.I),
     "skrip di dalam halaman (<script> tanpa src) diblokir Content-Security-Policy situs; simpan skripnya sebagai "
     "berkas di static/js/ dan muat dengan <script src=\"{{ url(asset['aset/js/…']) }}\" defer>"),
    (re.compile(r"<style\b", re.I),
     "elemen <style> diblokir Content-Security-Policy situs; pindahkan aturannya ke berkas CSS di static/css/"),
    (re.compile(r"\sstyle\s*=\s*[\"']", re.I),
     "atribut style diblokir Content-Security-Policy situs; beri elemen itu kelas, lalu tulis aturannya di berkas CSS "
     "di static/css/"),
    (re.compile(r"\son[a-z]+\s*=\s*[\"']", re.I),
     "atribut on… (skrip di dalam halaman) diblokir Content-Security-Policy situs; tulis perilakunya di berkas "
     "skrip di static/js/"),
    (re.compile(r"<(?:img|script|iframe|video|audio|source|embed|object)\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//"
                r"|<link\b[^>]*\brel\s*=\s*[\"']?(?:stylesheet|icon|preload)\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//",
                re.I),
     "berkas dari server lain tidak dimuat: Content-Security-Policy situs hanya mengizinkan berkas situs sendiri "
     "(dan pembaca tidak dilacak pihak lain); simpan salinannya di static/ dan rujuk dengan {{ url(asset[...]) }}"),
)


def check_site_theme(root: Path, tema: str, diags: Diagnostics) -> None:
    """The site's own theme folders (``tema``, and ``default`` where the site overrides files of it)."""
    for name in dict.fromkeys((tema, DEFAULT_THEME)):
        folder = root / "themes" / name
        if not folder.is_dir():
            continue
        _check_unread(folder, root, diags)
        for svg in sorted((folder / "static").rglob("*.svg")):
            if svg.is_file():
                check_svg(svg, rel_path(svg, root), diags)
        templates = folder / "templates"
        for page in sorted(templates.rglob("*.html")):
            if page.is_file() and page.relative_to(templates).parts[0] != "pdf":
                _check_template(page, rel_path(page, root), diags, page.relative_to(templates).as_posix())
        stylesheet = folder / "static" / "css" / "site.css"
        if stylesheet.is_file():
            _check_stylesheet(stylesheet, rel_path(stylesheet, root), diags)
        printed = folder / "static" / PRINT_STYLESHEET
        if printed.is_file():
            _check_print_stylesheet(printed, rel_path(printed, root), diags)
        _check_print_stylesheet_place(folder / "static", root, diags)


def _check_template(path: Path, rel: str, diags: Diagnostics, name: str) -> None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return  # the template loader says so, at the file, when the template is used
    for number, line in enumerate(text.splitlines(), 1):
        for pattern, message in _BLOCKED:
            found = pattern.search(line)
            if found:
                diags.warn((rel, number), f"'{found.group(0).strip()[:60]}': {message}")
    _check_numbered_na_notes(text, rel, diags)
    _check_kinds_shown(text, rel, diags, name)


#: Shipped templates that show the portal's kinds of instansi (``compute/jenis_instansi.py``), the name a copy must
#: use for it, and what a copy without it leaves out.
KIND_PARTS = {
    "perbandingan.html": ("grafik_jenis", "halaman perbandingan yang memuat lebih dari satu jenis instansi (mis. Dinas "
                          "dan Kecamatan) tampil tanpa grafik, karena grafiknya kini satu untuk setiap jenis "
                          "(grafik_jenis), bukan satu grafik semua instansi (figure)"),
    "partials/laporan_tahun.html": ("per_jenis", "beranda dan halaman Cari tidak menampilkan judul setiap jenis "
                                    "instansi (Dinas, Badan … Kecamatan) di atas daftar laporan setiap tahun "
                                    "(filter per_jenis)"),
    "home.html": ("instansi_per_jenis", "daftar 'Setiap instansi dari tahun ke tahun' di beranda tidak diberi judul "
                  "setiap jenis instansi (Dinas, Badan … Kecamatan; instansi_per_jenis)"),
    "cari.html": ("pilihan_per_jenis", "saringan Instansi di halaman Cari tetap satu daftar abjad semua instansi, "
                  "tanpa kelompok setiap jenis (Dinas, Badan … Kecamatan; pilihan_per_jenis)"),
}


def _check_kinds_shown(text: str, rel: str, diags: Diagnostics, name: str) -> None:
    """A site theme's copy of a template from before the portal grouped instansi by kind.

    Why: a webmaster's own ``perbandingan.html`` (copied to change a heading) showed no chart at all on a year's page
    once the portal compared each kind apart: that page hands one chart a kind (``grafik_jenis``) and no longer the
    one chart of every instansi (``figure``) the copy reads; the build said nothing."""
    if name not in KIND_PARTS or KIND_PARTS[name][0] in text:
        return
    used, lost = KIND_PARTS[name]
    diags.warn((rel, 1), f"templat ini salinan {name} dari lkjip versi lama dan tidak memakai {used}: {lost}. Salin "
                         f"ulang templates/{name} dari tema bawaan yang terpasang lalu ulangi perubahan Anda, atau "
                         "hapus salinan ini agar templat bawaan yang dipakai")


#: The loop over a table's N/A notes in a copy of ``partials/table.html``, up to its ``endfor``.
_NA_NOTES_LOOP = re.compile(r"\{%-?\s*for\s+\w+\s+in\s+table\.na_notes\s*-?%\}(.*?)\{%-?\s*endfor", re.S)
#: The note's mark written as a bare number, as text of an element (not inside an attribute such as its ``id``).
_NUMBERED_MARK = re.compile(r">[^<>]*?(\{\{-?\s*loop\.index\s*-?\}\})")


def _check_numbered_na_notes(text: str, rel: str, diags: Diagnostics) -> None:
    """A site theme's copy of ``partials/table.html`` from lkjip 0.2.1 or older, which marks the notes under a table
    with numbers where lkjip now marks the N/A cells with letters.

    Why: since 0.2.2 a cell reads "N/Aᵃ" and links to the first note; a theme copied before then still printed that
    note as "¹", the build said nothing, and the reader met a mark that matched no note (the riwayat-versi step was
    the only word, and a webmaster who skipped it never learnt of it)."""
    for loop in _NA_NOTES_LOOP.finditer(text):
        found = _NUMBERED_MARK.search(text, loop.start(1), loop.end(1))
        if found:
            line = text.count("\n", 0, found.start(1)) + 1
            diags.warn((rel, line), "catatan N/A di bawah tabel ditulis bernomor ({{ loop.index }}), padahal sejak "
                                    "lkjip 0.2.2 tanda di sel tabel berhuruf (N/Aᵃ): pembaca melihat 'a' di sel dan "
                                    "'1' di catatannya. Templat ini salinan partials/table.html dari versi lama; tulis "
                                    "{{ loop.index|huruf }} di tempat itu (id catatan tetap {{ loop.index }})")


#: A stylesheet's comments, and the selectors of its rules (the text before each "{", at-rules such as @media left
#: out): enough to tell which of the shipped rules a copy has, not a CSS parser.
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CSS_SELECTOR = re.compile(r"(?:^|[{};])\s*([^{};@\s][^{};]*?)\s*\{")
#: How many of the missing rules a message names.
_NAMED_RULES = 3


def css_selectors(text: str) -> list[str]:
    """The selectors of a stylesheet's rules, whitespace collapsed, in order (``@media`` and its kind skipped)."""
    return [" ".join(found.group(1).split()) for found in _CSS_SELECTOR.finditer(_CSS_COMMENT.sub(" ", text))]


#: A stylesheet's rule: its selectors and its declarations (an ``@media`` block's rules are found inside it).
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
#: What takes a part of the page out of sight or out of its place, or adds text to it, in one medium: the site
#: (``site.css``), a browser's print (``cetak.css``) or the PDF (``print-pdf.css``).
_HIDING = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|clip(?:-path)?\s*:|content\s*:"
                     r"|position\s*:\s*(?:absolute|fixed|running)|float\s*:\s*footnote", re.I)
_CSS_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")


@cache
def hiding_classes() -> frozenset[str]:
    """The classes the shipped theme's stylesheets hide, move or add text to, in one medium or another
    (``.sumber-cetak`` shows in the PDF only, ``.grafik-spec`` on the site only, ``.sr`` to a screen reader only,
    ``.na-catatan`` becomes a footnote of the PDF): read from the stylesheets themselves, so a rule added to them is
    known without a list to keep. Why: a chapter could give such a class to its own paragraph
    (``{.sumber-cetak}``), and the PDF, the report's lasting record, said another predikat than the site."""
    out: set[str] = set()
    for path in sorted((PACKAGE_THEMES / DEFAULT_THEME / "static").rglob("*.css")):
        text = _CSS_COMMENT.sub(" ", path.read_text(encoding="utf-8"))
        for rule in _CSS_RULE.finditer(text):
            if not rule.group(1).lstrip().startswith("@") and _HIDING.search(rule.group(2)):
                out.update(_CSS_CLASS.findall(rule.group(1)))
    return frozenset(out)


def _check_stylesheet(path: Path, rel: str, diags: Diagnostics) -> None:
    """A site theme's ``static/css/site.css`` without rules the shipped one has: a copy from an older lkjip (or cut).

    Why: the site's ``site.css`` replaces the shipped one whole, so a copy made to change one colour keeps the rules of
    the version it was copied from. After the upgrade to 0.2.2 the foreword's signature was unstyled, a table with a
    link in a cell widened the page on a phone and the header menu ran off a 320 px screen, with no word from build.
    Compared with the shipped file's selectors, not with one version's marks, so the next version's copies are named
    too; the message points to ``static/css/tema.css`` (``base.html`` loads it after ``site.css``), which needs no
    copy at all."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return  # published as it is; a browser reads what it can
    shipped = PACKAGE_THEMES / DEFAULT_THEME / "static" / "css" / "site.css"
    have = set(css_selectors(text))
    missing = [sel for sel in dict.fromkeys(css_selectors(shipped.read_text(encoding="utf-8"))) if sel not in have]
    if missing:
        named = ", ".join(f"'{sel}'" for sel in missing[:_NAMED_RULES])
        diags.warn((rel, 1), f"site.css tema situs menggantikan seluruh site.css bawaan, tetapi {len(missing)} aturan "
                             f"site.css bawaan lkjip ini tidak ada di dalamnya (mis. {named}): salinan dari versi lama "
                             "atau yang dipangkas, sehingga perbaikan tampilan versi ini tidak sampai ke situs. Tulis "
                             "perubahan Anda di static/css/tema.css (dimuat sesudah site.css bawaan, tanpa menyalinnya) "
                             "dan hapus salinan ini, atau salin ulang static/css/site.css dari tema bawaan yang "
                             "terpasang lalu ulangi perubahan Anda")


#: The PDF's stylesheet, in a theme's ``static/`` (``output/pdf/document.py`` reads it by this name).
PRINT_STYLESHEET = "print-pdf.css"
#: Rules of the shipped ``print-pdf.css`` a copy made for a letterhead keeps from the version it came from: a part
#: of a rule's selector, what its declarations must say, and what a copy without it prints.
_PRINT_RULES = (
    ("h1.judul-bab:has(+ .isi-bab:has(", re.compile(r"page\s*:\s*lanskap"),
     "bab yang dibuka tabel lebar (mis. Lampiran A) tidak mulai di halaman lanskap tabelnya: judul bab dan kalimat "
     "pertamanya tercetak sendiri di halaman tegak yang hampir kosong (aturan h1.judul-bab:has(+ .isi-bab…) "
     "{ page: lanskap })"),
    (".grafik-lanjutan", re.compile(r"break-before\s*:\s*page"),
     "potongan grafik panjang tidak mulai di halaman sendiri: potongan terakhir yang pendek terselip di bawah "
     "potongan sebelumnya dan ringkasannya terpisah ke halaman berikut (.grafik-lanjutan { break-before: page })"),
    ("figure.grafik-terpotong .grafik-svg svg", re.compile(r"max-height"),
     "potongan grafik diperkecil ke 185 mm sehingga namanya tercetak lebih kecil dan halamannya sepertiga kosong "
     "(figure.grafik-terpotong .grafik-svg svg { max-height: 235mm })"),
)


def _check_print_stylesheet(path: Path, rel: str, diags: Diagnostics) -> None:
    """A site theme's ``static/print-pdf.css`` (copied for the pemda's own letterhead) without print rules the
    shipped one has since: said once at its first line, with what the PDF loses and what to do.

    Why: the copy replaces the shipped stylesheet whole, so a site that copied it before 0.2.13 printed its
    Lampiran's title on a portrait page nine-tenths empty and its long charts in shrunken pieces, while the
    bundled examples did not, and the build said nothing. Looked for by rule (selector and declaration), not by
    selector alone: a copy from before has ``.grafik-lanjutan`` too, without its page break."""
    try:
        text = _CSS_COMMENT.sub(" ", path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return  # the PDF's layout reads what it can
    rules = [(" ".join(found.group(1).split()), found.group(2)) for found in _CSS_RULE.finditer(text)]
    lost = [what for part, says, what in _PRINT_RULES
            if not any(part in selector and says.search(body) for selector, body in rules)]
    if lost:
        diags.warn((rel, 1), f"{PRINT_STYLESHEET} tema situs menggantikan seluruh {PRINT_STYLESHEET} bawaan, tetapi "
                             f"salinan ini dari lkjip versi lama dan tidak memuat {len(lost)} aturan cetak PDF versi "
                             f"ini: {'; '.join(lost)}. Salin ulang static/{PRINT_STYLESHEET} dari tema bawaan yang "
                             "terpasang lalu ulangi perubahan Anda (mis. kop surat), atau hapus salinan ini agar "
                             "aturan bawaan yang dipakai")


def _check_print_stylesheet_place(static: Path, root: Path, diags: Diagnostics) -> None:
    """A ``print-pdf.css`` saved anywhere in a theme's ``static/`` but at its top, where the PDF reads it.

    Why: beside ``css/site.css`` and ``css/cetak.css`` (the two stylesheets penerbitan.md lists under ``static/``)
    is where a webmaster puts a letterhead's stylesheet; it was published as ``aset/css/print-pdf.css``, the PDF
    kept the shipped one, and nothing said why the letterhead did not print."""
    if not static.is_dir():
        return
    for path in sorted(static.rglob(PRINT_STYLESHEET)):
        if path.is_file() and path.parent != static:
            diags.warn((rel_path(path, root), 1), f"{PRINT_STYLESHEET} di sini tidak dibaca saat membuat PDF (hanya "
                                                  f"terbit di aset/); PDF memakai {PRINT_STYLESHEET} yang langsung di "
                                                  f"static/: pindahkan ke {rel_path(static / PRINT_STYLESHEET, root)}")


#: The folders of a theme the build reads: page templates (Jinja) and the files published under ``aset/``.
THEME_FOLDERS = ("templates", "static")
#: What a file in :data:`THEME_FOLDERS` is for, said beside one found elsewhere.
_WHERE = ("templat halaman (.html) disimpan di templates/, berkas yang terbit (CSS, JS, gambar, fonta) di static/ "
          "(terbit di aset/)")
#: Files a browser loads: in ``static/`` they are published (``aset/…``).
_STATIC_SUFFIXES = frozenset({".css", ".js", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".ico", ".woff",
                              ".woff2", ".ttf", ".otf"})

#: Where the shipped theme keeps such files in ``static/`` (a site's copy overrides the file of the same path).
_STATIC_SUB = {".css": "css/", ".js": "js/", ".woff": "fonts/", ".woff2": "fonts/", ".ttf": "fonts/", ".otf": "fonts/"}


def _check_unread(folder: Path, root: Path, diags: Diagnostics) -> None:
    """Each file or folder of a site theme outside ``templates/`` and ``static/`` (hidden ones aside), which nothing
    reads: said at the file, or once at a folder, with where such a file belongs.

    Why: a webmaster who saved ``themes/default/base.html`` or ``themes/default/css/situs.css`` beside the two folders
    got the shipped template and stylesheet without a word, and looked for a mistake in the file itself.
    """
    theme = rel_path(folder, root)
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or any(_same(path, folder / name) for name in THEME_FOLDERS):
            continue
        rel = rel_path(path, root)
        if path.is_dir():
            files = [p for p in sorted(path.rglob("*")) if p.is_file() and not p.name.startswith(".")]
            pages = any(p.suffix.lower() == ".html" for p in files)
            close = nearest(path.name, THEME_FOLDERS)  # "Templates", "statis": the folder itself misnamed
            target = f"{theme}/{close[0]}/" if close else f"{theme}/{'templates' if pages else 'static'}/{path.name}/"
            diags.warn((rel, 1), f"folder ini ({len(files)} berkas) berada di luar templates/ dan static/ tema, jadi "
                                 f"tidak dibaca build{did_you_mean(path.name, THEME_FOLDERS)}; {_WHERE}: pindahkan "
                                 f"isinya ke {target}, atau keluarkan folder ini dari folder tema")
            continue
        suffix = path.suffix.lower()
        if suffix == ".html":
            fix = f"pindahkan ke {theme}/templates/{path.name}"
        elif suffix in _STATIC_SUFFIXES:
            fix = f"pindahkan ke {theme}/static/{_STATIC_SUB.get(suffix, '')}{path.name}"
        else:
            fix = "pindahkan ke salah satunya, atau keluarkan berkas ini dari folder tema"
        diags.warn((rel, 1), f"berkas ini berada di luar templates/ dan static/ tema, jadi tidak dibaca build dan "
                             f"tidak terbit; {_WHERE}: {fix}")


def _same(path: Path, read: Path) -> bool:
    """Whether ``path`` is the folder the build reads as ``read``: on a file system that ignores case (Windows,
    macOS), ``Templates/`` is read as ``templates/`` and is no stray folder."""
    try:
        return path.is_dir() and read.is_dir() and path.samefile(read)
    except OSError:
        return False
