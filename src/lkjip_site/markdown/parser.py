"""Parsing: every chapter of every report to tokens, then every table and figure numbered per BAB.

All chapters of the site are parsed before any is rendered, so tables and figures can be numbered per BAB and
cross-referenced from anywhere (even forward), and links can be checked against the anchors of every chapter.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any, Iterator, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.myst_role import myst_role_plugin

from ..core.diagnostics import Diagnostics
from ..core.fmt import chapter_prefix
from ..core.markup import APART, RAW_TEXT
from ..core.memo import digest
from ..core.model import RESERVED_IDS, Chapter, Loc, NumberedItem, Report, SiteConfig
from ..core.suggest import did_you_mean
from ..compute.pasted import pasted_tables
from ..compute.prose import CODE_SPAN, lines, table_cells
from ..load.theme import hiding_classes
from ..load.yamltree import YMap, load_yaml
from .directives import Directive, ParsedChapter, Registry
from .links import collect_images, line_of
from .plugins import (ATTRIBUTES, REFUSED_ATTRS, attrs_allowlist_plugin, directive_plugin, heading_attrs_plugin,
                      new_window_plugin, slugify, source_lines_plugin)
from .renderer import LkjipRenderer


def make_parser(allow_html: bool) -> MarkdownIt:
    """CommonMark + GFM tables + footnotes + attributes + heading anchors + the LKjIP plugins.

    Raw HTML only when a site opts in. Order matters: heading attributes before anchors (an explicit id wins);
    our role rule after the roles plugin (whose default prints the role as code); source lines last.
    """
    md = MarkdownIt("commonmark", {"html": allow_html, "typographer": False}, renderer_cls=LkjipRenderer)
    md.enable(["table", "strikethrough"])
    md.use(footnote_plugin)
    md.add_render_rule("footnote_anchor", LkjipRenderer.footnote_anchor)
    md.add_render_rule("footnote_ref", LkjipRenderer.footnote_ref)
    md.use(attrs_plugin, allowed=ATTRIBUTES)
    md.use(attrs_block_plugin, allowed=ATTRIBUTES)
    md.use(attrs_allowlist_plugin)
    md.use(heading_attrs_plugin)
    md.use(anchors_plugin, min_level=2, max_level=4, slug_func=slugify)
    md.use(myst_role_plugin)
    md.add_render_rule("myst_role", LkjipRenderer.myst_role)
    md.use(directive_plugin)
    md.use(new_window_plugin)
    md.use(source_lines_plugin)
    return md


#: A chapter body's tokens and parser env, as an earlier parse left them (see :func:`parse_chapter`).
Tokenized = dict[str, tuple[list[Token], dict[str, Any]]]


def parse_chapter(md: MarkdownIt, report: Report, chapter: Chapter, diags: Diagnostics,
                  earlier: Tokenized | None = None) -> ParsedChapter:
    """One chapter to tokens, its directives read, its headings, table of contents and images collected.

    ``earlier`` (``serve``): the bodies of the report's chapters as this process parsed them before the report's
    folder changed. A body found there is not tokenised again: tokens are a function of the body and the parser
    alone, and nothing after this function changes them (rendering works on copies, ``renderer._copy_token``).
    Each is taken out as it is used, so two chapters with the same body never share tokens (this function writes in
    them: a directive's number). What depends on more than the body (directive options, images on disk, ids) is read
    again below all the same.
    """
    held = earlier.pop(chapter.body, None) if earlier is not None else None  # once: this function writes in tokens
    env: dict[str, Any] = {} if held is None else held[1]
    tokens = md.parse(chapter.body, env) if held is None else held[0]
    parsed = ParsedChapter(report, chapter, tokens, env)
    for token in tokens:
        if token.type == "lkjip_directive":
            token.meta["directive_index"] = len(parsed.directives)  # (a number, not the object: see render_chapter)
            parsed.directives.append(_directive(chapter, token, diags))
        elif token.type == "heading_open" and token.attrGet("id"):
            chapter.anchors.add(str(token.attrGet("id")))
            chapter.heading_ids.add(str(token.attrGet("id")))
        elif token.type == "fence" and token.info.strip().startswith("{"):
            diags.error((chapter.rel, line_of(chapter, token)),
                        f"blok '{token.info.strip()}' tidak dikenal; gunakan ```{{tabel}} <jenis> atau ```{{grafik}} <jenis>")
    ids, chapter.ids_source = _marked_ids(tokens)
    chapter.anchors.update(ids)
    _check_ids_unique(chapter, tokens, diags)
    _check_footnotes(chapter, tokens, env, diags)
    _check_comments_and_titles(chapter, tokens, diags)
    _check_heading_levels(chapter, tokens, diags)
    _check_table_rows(chapter, tokens, diags)
    _check_blocked_html(chapter, tokens, diags)
    _check_attributes(chapter, tokens, diags)
    chapter.toc = _toc(tokens)
    collect_images(report, chapter, tokens, diags)
    return parsed


#: Elements whose content is no element of the page a browser shows (a template's content, raw text), so no id
#: inside them is a place a link can reach; Python's HTML parser reads tags inside most of them.
_NOT_IN_PAGE = RAW_TEXT | APART


class _Ids(HTMLParser):
    """The ``id`` attributes of raw HTML, as a browser reads its tags (character references decoded, a tag's first
    ``id`` the one it has, as in a browser and in libxml2, which the link check reads pages with; none inside an
    element of :data:`_NOT_IN_PAGE`). What this reading and a browser's still part on (a comment ended by ``--!>``)
    cannot keep a page unchecked: what the ids are read from is in the pages' keys (``Chapter.ids_source``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self._inside: list[str] = []  # the elements of _NOT_IN_PAGE open here

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_startendtag(tag, attrs)
        if tag in _NOT_IN_PAGE:
            self._inside.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:  # (opens nothing)
        given = next((v for k, v in attrs if k == "id"), None)
        if given and not self._inside:
            self.ids.add(given)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._inside:
            del self._inside[len(self._inside) - 1 - self._inside[::-1].index(tag):]


def _check_ids_unique(chapter: Chapter, tokens: list[Token], diags: Diagnostics) -> None:
    """Two places of one chapter with the same id (two ``{#a}``, or a heading's id from its text given to a
    paragraph too): the page had both, and a link to it, the contents or a search result went to the first only."""
    first: dict[str, int] = {}
    for block in tokens:
        for token in (block, *(block.children or ())):
            given = token.attrGet("id") if token.type != "lkjip_directive" else None
            if not given:
                continue
            line = line_of(chapter, token)
            if str(given) in first:
                diags.error((chapter.rel, line),
                            f"id '{given}' sudah dipakai di baris {first[str(given)]} bab ini; setiap id dalam satu "
                            "bab harus berbeda: ganti salah satunya dengan {#id-lain} (judul bagian tanpa {#...} "
                            "mendapat id dari teksnya)")
            else:
                first[str(given)] = line


#: A footnote reference as an author types it (a label has no space), and one not escaped (``\[^2]`` is text).
#: A role written in a table's or figure's title: titles are text, and it was printed as it was.
ROLE_IN_TITLE = re.compile(r"\{[a-z]+\}`")
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\]")
_UNESCAPED_REF = re.compile(r"(?<!\\)\[\^([^\]\s]+)\]")


def note_line(chapter: Chapter, label: str) -> int:
    """The line of the chapter's file where note ``[^label]: ...`` is written (the body's first line if none)."""
    lines = chapter.body.splitlines()
    at = next((i for i, text in enumerate(lines) if text.lstrip().startswith(f"[^{label}]:")), 0)
    return chapter.body_line + at


def _check_footnotes(chapter: Chapter, tokens: list[Token], env: dict[str, Any], diags: Diagnostics) -> None:
    """A reference to a note never written (``[^2]`` without ``[^2]: ...``) was published as the text "[^2]"; a note
    written and never referred to was left out of the page and the PDF without a word."""
    refs: dict[str, int] = env.get("footnotes", {}).get("refs", {})
    for block in tokens:
        if block.type != "inline":
            continue
        unescaped = set(_UNESCAPED_REF.findall(block.content))  # the source: code spans and escapes are in it
        for token in block.children or ():
            for label in _FOOTNOTE_REF.findall(token.content) if token.type == "text" else ():
                if label in unescaped and f":{label}" not in refs:
                    diags.error((chapter.rel, line_of(chapter, token)),
                                f"catatan kaki [^{label}] belum ada isinya; tulis di bawah paragrafnya satu baris "
                                f"'[^{label}]: isi catatan' (dengan baris kosong sebelum dan sesudahnya)")
    for key, used in refs.items():
        if used < 0:
            label = key[1:]
            diags.warn((chapter.rel, note_line(chapter, label)),
                       f"catatan kaki [^{label}] tidak dirujuk di teks, jadi tidak tampil; tulis [^{label}] tepat "
                       "setelah kata yang dijelaskannya, atau hapus catatan ini")


def _check_table_rows(chapter: Chapter, tokens: list[Token], diags: Diagnostics) -> None:
    """A row of a Markdown table with more cells than its header: the parser drops the extra cells, so a number typed
    there was missing from the page without a word (an error); with fewer, the missing cells show empty (a
    warning). Said at the row's line with the count and what to do."""
    source = chapter.body.split("\n")
    columns, in_body = 0, False
    for token in tokens:
        if token.type == "thead_open":
            columns = 0
        elif token.type == "th_open":
            columns += 1
        elif token.type in ("tbody_open", "tbody_close"):
            in_body = token.type == "tbody_open"
        elif token.type == "tr_open" and in_body and token.map and token.map[0] < len(source):
            cells = table_cells(source[token.map[0]])
            where = (chapter.rel, line_of(chapter, token))
            if len(cells) > columns:
                dropped = ", ".join(f"'{c.strip()}'" for c in cells[columns:] if c.strip()) or "sel kosong"
                diags.error(where, f"baris tabel ini memiliki {len(cells)} sel, sedangkan baris judulnya {columns} "
                                   f"kolom; sel lebihannya ({dropped}) tidak tampil di halaman; tambahkan kolom di "
                                   "baris judul dan baris garis (|---|), atau hapus sel itu")
            elif len(cells) < columns:
                diags.warn(where, f"baris tabel ini memiliki {len(cells)} sel, sedangkan baris judulnya {columns} "
                                  "kolom; sel yang kurang tampil kosong; tambahkan sel (| |) sampai jumlahnya sama")


def _check_heading_levels(chapter: Chapter, tokens: list[Token], diags: Diagnostics) -> None:
    """A heading a level below the one before it plus one ('##' then '####', or a chapter opening with '###'): a
    screen reader's list of headings and the tagged PDF's structure (H2, then H4) lost a level, and nothing said so.
    The chapter's title, from its front matter, is the page's level 1; a '#' in the text is warned of above."""
    above, above_line = 1, 0
    for token in tokens:
        if token.type != "heading_open":
            continue
        level, line = int(token.tag[1]), line_of(chapter, token)
        if level > above + 1:
            after = (f"judul '{'#' * above}' di baris {above_line}" if above_line else
                     "judul bab (dari 'judul' di front matter, setingkat '#')")
            diags.warn((chapter.rel, line),
                       f"judul '{'#' * level}' melompati tingkat sesudah {after}; tulis '{'#' * (above + 1)}' "
                       "(pembaca layar dan struktur PDF menyusun bagian bab menurut tingkat judulnya; tingkat yang "
                       "dilompati merancukan susunan itu)")
        above, above_line = level, line


def _check_comments_and_titles(chapter: Chapter, tokens: list[Token], diags: Diagnostics) -> None:
    """An HTML comment where raw HTML is off was published as text: an author's working note ("TODO: angka ini belum
    dicek") on the public page; so was a link to a ``javascript:`` or ``file:`` address, which is never made a link.
    A ``#`` heading made a second title on the chapter's page, outside its contents. A role in an image's alt text
    was dropped from it (the text a screen reader reads lost its number)."""
    for block in tokens:
        if block.type == "heading_open" and block.tag == "h1":
            diags.warn((chapter.rel, line_of(chapter, block)),
                       "judul '#' dipakai untuk judul bab (diambil dari 'judul' di front matter); tulis bagian bab "
                       "dengan '##' atau '###'")
        for token in block.children or ():
            if token.type == "image" and any(c.type == "myst_role" for c in token.children or ()):
                diags.error((chapter.rel, line_of(chapter, token)),
                            "peran {nilai} atau {ref} di teks pengganti gambar tidak terbaca (pembaca layar "
                            "mendengar kalimatnya tanpa angka); tulis nilainya di kalimat sebelum atau sesudah gambar")
            if token.type == "text" and (link := _REFUSED_LINK.search(token.content)):
                diags.warn((chapter.rel, line_of(chapter, token)),
                           f"tautan ke alamat '{link.group(1).lower()}:' tidak dibuat (alamat itu menjalankan kode "
                           "atau membuka berkas di komputer pembaca), jadi tulisan [..](..) tampil apa adanya di "
                           "halaman; tulis tautan https://…, mailto:…, tel:…, atau ke bab lain, mis. "
                           "[BAB III](30-bab-3.md)")
            if token.type == "text" and "<!--" in token.content:
                diags.error((chapter.rel, line_of(chapter, token)),
                            "komentar HTML (<!-- ... -->) akan tampil sebagai teks di halaman, karena HTML mentah "
                            "tidak diizinkan; hapus komentar ini (simpan catatan kerja di luar folder laporan)")
            elif token.type == "text" and (tag := _HTML_TAG.search(token.content)):
                diags.warn((chapter.rel, line_of(chapter, token)),
                           f"tag HTML '{tag.group(0)[:40]}' akan tampil sebagai teks di halaman, karena HTML mentah "
                           "tidak diizinkan (html_mentah di situs.yaml); tulis dengan Markdown (**tebal**, *miring*, "
                           "daftar '- ', tabel '|'), atau hapus tag ini")


#: A Markdown link or image to an address the parser refuses to link (markdown-it's ``validateLink``: script and
#: local-file schemes, ``data:`` but for images): printed as "[x](javascript:…)" without a word from the build.
#: A reference definition (``[r]: javascript:…``) to such an address is no definition either: the link that names it
#: and the definition were both printed as written.
_REFUSED_LINK = re.compile(r"(?:\]\(|^ {0,3}\[[^\]]+\]:)\s*<?\s*(javascript|vbscript|file|data):",
                           re.IGNORECASE | re.MULTILINE)

#: A tag as raw HTML writes it (``<div>``, ``</b>``, ``<b onclick="…">``, ``<br/>``): where raw HTML is off it is
#: printed as text (the page showed "<div>" and "<script>alert(1)</script>" without a word from the build).
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*)?/?>")


#: What the site's Content-Security-Policy (``output/csp.py``) keeps a browser from running or showing, though it is
#: in the page's bytes, in the PDF and in the version's archive all the same; said once per tag.
_BLOCKED_WHY = ("diblokir kebijakan keamanan halaman (Content-Security-Policy) sehingga {0} di peramban, tetapi tetap "
                "ikut tersimpan di PDF dan paket arsip versi")
_BLOCKED_TAGS = {
    "script": ("skrip di dalam bab " + _BLOCKED_WHY.format("tidak berjalan")
               + "; hapus elemen ini: grafik ditulis dengan ```{grafik} <jenis>```, angka dengan {nilai}`…`"),
    **dict.fromkeys(("iframe", "object", "embed"), (
        "isi yang disematkan " + _BLOCKED_WHY.format("tampil kosong")
        + "; tulis tautan biasa, mis. [Peta kecamatan](https://…), atau simpan gambarnya di folder laporan dan "
          "tampilkan dengan ![Keterangan](gambar/…)")),
    "form": ("formulir di dalam bab " + _BLOCKED_WHY.format("tidak dapat mengirim isian ke alamat lain")
             + "; hapus elemen ini: situs laporan tidak menerima isian, tautkan formulir di situs pemda, mis. "
               "[Formulir pengaduan](https://…)"),
}
#: What reaches a reader although the policy is in the page, so an error (the build stops) and not a warning: the PDF,
#: the report's lasting record, takes a chapter's styles and shows what a browser hides; a browser follows a refresh.
_REFUSED_WHY = "tampilan diatur oleh tema situs, untuk tabel dengan sel gabungan cukup colspan dan rowspan"
_REFUSED_TAGS = {
    # not the policy's: a refresh sends the reader to any address, and nothing in the page stops it
    "meta": ("elemen <meta> di dalam bab dapat mengalihkan pembaca ke situs lain (http-equiv=\"refresh\") dan tidak "
             "dicegah kebijakan keamanan halaman; hapus elemen ini: tautan ke situs lain ditulis "
             "[Situs pemda](https://…)"),
    # the policy's base-uri 'self' refuses another site only: a base on the site's own path moved every link
    "base": ("elemen <base> mengubah alamat setiap tautan di halaman ini (daftar isi, 'Lewati ke isi', tautan "
             "antarbab) dan alamat yang ditulis relatif di PDF; kebijakan keamanan halaman hanya mencegah alamat situs "
             "lain; hapus elemen ini: tautan antarbab ditulis [BAB III](30-bab-3.md)"),
    "style": ("elemen <style> di dalam bab diblokir di peramban, tetapi mengubah tampilan seluruh PDF laporan "
              "(dapat menyembunyikan angka, menulis predikat lain, atau menutupi halaman); hapus elemen ini: "
              + _REFUSED_WHY),
    "link": ("elemen <link> di dalam bab memuat lembar gaya ke PDF atau menghubungi alamat lain dari peramban "
             "pembaca; hapus elemen ini: " + _REFUSED_WHY + ", tautan ditulis [teks](https://…)"),
    **dict.fromkeys(("template", "noscript"), (
        "isi elemen ini tidak tampil di halaman situs, tetapi tercetak di PDF, sehingga PDF dan situs berbeda isi; "
        "tulis isinya sebagai teks bab biasa, atau hapus elemen ini")),
}
#: What is left of an HTML block when its last tag has no '>' (the block ended at a blank line inside the tag).
_OPEN_TAG = re.compile(r"</?[A-Za-z]")
#: Attributes that hold an address (a ``file:`` one in them is a live link or a fetch, in the page and the PDF).
_URL_ATTRS = frozenset(("href", "xlink:href", "src", "srcset", "action", "formaction", "data", "poster", "background",
                        "cite"))
#: What a browser drops from a URL before reading its scheme (``java\tscript:`` runs as ``javascript:``).
_URL_NOISE = re.compile(r"[\x00-\x20]+")
#: Attributes whose address a browser and the PDF load as part of the page (an image, a poster, a background), on any
#: tag; ``href`` loads only on these (SVG written inline); on ``<a>`` it is a link the reader chooses to follow.
_LOADED_ATTRS = frozenset(("src", "srcset", "poster", "data", "background"))
_LOADED_HREF_TAGS = frozenset(("image", "use", "feimage"))
#: An address on another host: a scheme (``https:``, ``ftp:``) or ``//host`` (a browser reads ``\`` as ``/``).
_ELSEWHERE = re.compile(r"^(?:[a-z][a-z0-9+.\-]*:|//)")


class _Blocked(HTMLParser):
    """The tags of raw HTML that the site's Content-Security-Policy blocks (warnings), and those that reach the
    reader all the same (errors: :data:`_REFUSED_TAGS`, ``style`` attributes, ``file:`` and ``data:`` addresses, a
    tag left open), with their line in the fed text (1-based), what to say and whether it is an error. Read as a
    browser reads tags: character references in attribute values decoded, names in any case, nothing inside a
    comment (a comment is said itself: the page's source publishes it)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        shown = (self.get_starttag_text() or f"<{tag}>").replace("\n", " ")
        shown = shown if len(shown) <= 40 else shown[:39] + "…"
        if tag in _BLOCKED_TAGS:
            self.found.append((line, f"'{shown}': {_BLOCKED_TAGS[tag]}", False))
        elif tag in _REFUSED_TAGS:
            self.found.append((line, f"'{shown}': {_REFUSED_TAGS[tag]}", True))
        values = {name: value or "" for name, value in attrs}
        if tag == "a" and values.get("target") and "noopener" not in values.get("rel", "").lower().split():
            # the page it opens can send this tab elsewhere through window.opener; Markdown's own links get the rel
            self.found.append((line, f"'{shown}': tautan yang membuka jendela baru tanpa rel=\"noopener\" memberi "
                               "halaman tujuannya kuasa mengalihkan halaman laporan ini ke alamat lain; tulis "
                               "[teks](https://…){target=_blank} (diberi rel=\"noopener noreferrer\" otomatis), "
                               "atau tambahkan rel=\"noopener noreferrer\" di tag ini", False))
        for name, value in attrs:
            address = _URL_NOISE.sub("", value or "").lower()
            if name.startswith("on"):
                self.found.append((line, f"'{shown}': atribut {name} (skrip) " + _BLOCKED_WHY.format("tidak berjalan")
                                   + "; hapus atribut ini (halaman laporan tidak menjalankan skrip dari bab)", False))
            elif name == "style":
                self.found.append((line, f"'{shown}': atribut style diblokir di peramban, tetapi berlaku di PDF "
                                   "laporan (mis. position:fixed menutupi setiap halaman, color:white "
                                   "menyembunyikan angka); hapus atribut ini: " + _REFUSED_WHY, True))
            elif name == "class" and (hidden := sorted(hiding_classes().intersection((value or "").split()))):
                why, fix = _ATTRIBUTE_HINTS["class"]
                self.found.append((line, f"'{shown}': kelas '{' '.join(hidden)}': {why}; {fix}", True))
            elif address.startswith("javascript:"):
                self.found.append((line, f"'{shown}': alamat javascript: di atribut {name} "
                                   + _BLOCKED_WHY.format("tidak berjalan") + "; tulis tautan ke halaman, mis. "
                                   "[BAB III](30-bab-3.md) atau [Situs pemda](https://…)", False))
            elif name in _URL_ATTRS and address.startswith("file:"):
                self.found.append((line, f"'{shown}': alamat file: di atribut {name} menunjuk berkas di komputer "
                                   "pembaca atau di folder bersama jaringan (di PDF tautan seperti itu dapat diklik); "
                                   "tulis tautan https://… atau ke bab lain, mis. [BAB III](30-bab-3.md), dan gambar "
                                   "dari folder laporan dengan ![Keterangan](gambar/…)", True))
            elif tag not in _BLOCKED_TAGS and _loaded_from_elsewhere(tag, name, address):
                # (an <iframe>, <object> or <script> is said above; an <a>'s href is a link, not loaded)
                self.found.append((line, f"'{shown}': atribut {name} memuat berkas dari luar situs ke halaman; "
                                   "peramban pembaca menolaknya (kebijakan keamanan halaman) sehingga tampil rusak, "
                                   "PDF tidak memuatnya, dan situs berjanji tidak menghubungi alamat lain saat "
                                   "dibaca; simpan gambarnya di folder laporan dan tampilkan dengan "
                                   "![Keterangan](gambar/…), atau tulis tautan biasa [teks](https://…)", True))
            elif name in _URL_ATTRS and address.startswith("data:"):
                self.found.append((line, f"'{shown}': alamat data: di atribut {name} diblokir di peramban (situs "
                                   "menampilkan gambar rusak), tetapi tercetak di PDF, dan isinya tidak diperiksa; "
                                   "simpan gambarnya sebagai berkas di folder laporan, lalu tulis "
                                   "![teks pengganti](gambar/nama.png)", True))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def close(self) -> None:
        """A tag left open where the HTML block ends (a blank line inside the tag ends the block): a browser and the
        PDF close it with what follows (``<div style=…`` took the next block's ``<blockquote>`` as an attribute and
        kept its ``style``), so nothing of it was read here. Said at the line the tag starts on."""
        if _OPEN_TAG.match(self.rawdata):
            shown = " ".join(self.rawdata.split())
            shown = shown if len(shown) <= 40 else shown[:39] + "…"
            self.found.append((self.getpos()[0], f"'{shown}': tag HTML ini tidak ditutup dengan '>' sebelum baris "
                               "kosong, sehingga peramban dan PDF menggabungkannya dengan isi sesudahnya (atributnya "
                               "tidak diperiksa); tulis tag itu sampai '>' tanpa baris kosong di dalamnya", True))
        super().close()

    def handle_comment(self, data: str) -> None:
        shown = " ".join(data.split())
        shown = shown if len(shown) <= 30 else shown[:29] + "…"
        self.found.append((self.getpos()[0], f"komentar HTML '<!--{shown}-->' tidak tampil di halaman maupun PDF, "
                           "tetapi ikut terbit di sumber halaman (terbaca siapa pun) dan paket arsip versi; hapus "
                           "komentar ini (simpan catatan kerja di luar folder laporan)", False))


def _loaded_from_elsewhere(tag: str, name: str, address: str) -> bool:
    """Whether attribute ``name`` of ``tag``, holding ``address`` (noise dropped, lower case), makes the page load a
    file from another host: each candidate of a ``srcset`` is read. ``data:``, ``file:`` and ``javascript:`` are
    said by their own rules."""
    if name not in _LOADED_ATTRS and not (name in ("href", "xlink:href") and tag in _LOADED_HREF_TAGS):
        return False
    candidates = address.split(",") if name == "srcset" else [address]
    return any(_ELSEWHERE.match(url.replace("\\", "/")) and not url.startswith(("data:", "file:", "javascript:"))
               for url in candidates)


def _check_blocked_html(chapter: Chapter, tokens: list[Token], diags: Diagnostics) -> None:
    """Where a site allows raw HTML (``html_mentah``), each tag the page's Content-Security-Policy blocks, at its own
    line. Why: they passed into the page without a word; the browser refused them (a video or a button that did
    nothing), while the PDF and the archived version keep them for good. Those that reach a reader despite the policy
    are errors: a ``style`` (attribute or element) blanked every page of the PDF with one ``position:fixed`` box or
    printed another predikat, a ``<noscript>`` or ``<template>`` printed in the PDF what the site hides, a
    ``file:`` link was a live link in the PDF, a ``<meta>`` refresh sent the reader elsewhere, a ``<base>`` on the
    site's own path every link of the page (the policy refuses another site's only), a ``data:`` image was
    printed in the PDF and broken on the site (the policy's ``img-src 'self'``), its content checked by nothing."""
    for block in tokens:
        for token in (block, *(block.children or ())):
            if token.type not in ("html_block", "html_inline"):
                continue
            reader = _Blocked()
            reader.feed(token.content)
            reader.close()
            for line, message, error in reader.found:
                (diags.error if error else diags.warn)((chapter.rel, line_of(chapter, token) + line - 1), message)


#: Why an attribute of ``{...}`` is refused, and what to write instead, by its name; the others get the general rule.
_ATTRIBUTE_HINTS = {
    "style": ("gaya tampilan dari bab dapat menutupi atau menyembunyikan isi laporan, juga di PDF", "tampilan diatur "
              "oleh tema situs; hapus atribut ini"),
    "src": ("alamat gambar ditulis di dalam ( )", "tulis ![teks pengganti](gambar/nama.png)"),
    "href": ("alamat tautan ditulis di dalam ( )", "tulis [teks](alamat)"),
    "srcset": ("gambar dari alamat lain tidak diperiksa dan tidak ikut terbit", "simpan gambarnya di folder "
               "laporan dan tulis ![teks pengganti](gambar/nama.png)"),
    "title": ("judul tautan atau gambar ditulis di dalam ( ) sesudah alamatnya", 'tulis [teks](alamat "judul")'),
    "alt": ("teks pengganti gambar ditulis di dalam [ ]", "tulis ![teks pengganti](gambar/nama.png)"),
    "target": ("tautan hanya dapat dibuka di jendela baru", "tulis {target=_blank} sesudah tautan, mis. "
               "[Situs pemda](https://…){target=_blank}"),
    "rel": ("rel hanya untuk tautan, berisi kata huruf kecil", "tulis mis. [Situs pemda](https://…){rel=external}"),
    "width": ("lebar hanya untuk gambar, dalam piksel: angka 1 sampai 99999", "tulis "
              "![teks pengganti](gambar/nama.png){width=800}"),
    "height": ("tinggi hanya untuk gambar, dalam piksel: angka 1 sampai 99999", "tulis "
               "![teks pengganti](gambar/nama.png){height=600}"),
    "class": ("tema situs memakai kelas itu untuk menyembunyikan, memindahkan atau menandai bagian halamannya sendiri, "
              "di situs atau di PDF, sehingga isi ini dapat tampil di PDF tetapi tidak di situs, atau sebaliknya",
              "hapus kelas ini, atau pakai nama kelas lain; tampilan diatur oleh tema situs"),
}
#: The general rule, said with every refused attribute.
_ATTRIBUTES_ALLOWED = ("di dalam {...} hanya boleh {#penanda}, {.kelas}, {target=_blank} dan {rel=…} sesudah "
                       "tautan, dan {width=…} / {height=…} (angka piksel) sesudah gambar")


def _check_attributes(chapter: Chapter, tokens: list[Token], diags: Diagnostics) -> None:
    """Each attribute of ``{...}`` outside :data:`.plugins.ATTRIBUTES`, at the line it is written on: it is left out
    of the page and the PDF alike (``plugins._block_attrs_rule``), so what the author meant by it did not happen.
    A heading's trailing ``{...}`` holding more than ``#id`` and ``.kelas`` was printed in its text."""
    for i, block in enumerate(tokens):
        for token in (block, *(block.children or ())):
            for name, value, line in token.meta.get(REFUSED_ATTRS, ()):
                where = (chapter.rel, chapter.body_line + line if line >= 0 else line_of(chapter, token))
                shown = f'{name}="{value}"' if len(value) <= 40 else f'{name}="{value[:40]}…"'
                if name.lower().startswith("on"):
                    why = "atribut on… menjalankan skrip, yang tidak dijalankan halaman laporan"
                    fix = "hapus atribut ini"
                else:
                    why, fix = _ATTRIBUTE_HINTS.get(name.lower(), ("", "hapus atribut ini"))
                diags.error(where, f"atribut {{{shown}}} tidak dipakai{f' ({why})' if why else ''}; "
                                   f"{_ATTRIBUTES_ALLOWED}; {fix}")
        if block.type == "heading_open" and i + 1 < len(tokens) and tokens[i + 1].children:
            last = tokens[i + 1].children[-1]
            if last.type == "text" and (braces := _HEADING_BRACES.search(last.content)):
                diags.error((chapter.rel, line_of(chapter, block)),
                            f"'{braces.group(0).strip()[:60]}' di akhir judul tampil sebagai teks judul; di akhir "
                            "judul hanya boleh {#penanda} dan {.kelas}, mis. ## Realisasi anggaran "
                            "{#realisasi-anggaran}; hapus atribut lainnya")
        _check_printed_braces(chapter, block.children or [], diags)


#: Braces written as attributes (``{.merah}``, ``{#penting}``, ``{style="…"}``) where the attributes plugin takes
#: none: after emphasis, or after a bracketed text that is no link (Pandoc's span); both are printed as they are.
_INLINE_BRACES = re.compile(r'\{(?:[#.][\w-]+|[A-Za-z][\w-]*=(?:"[^"{}]*"|[^\s{}"]+))'
                            r'(?:\s+(?:[#.][\w-]+|[A-Za-z][\w-]*=(?:"[^"{}]*"|[^\s{}"]+)))*\}')
#: The closing tokens after which braces are printed, and how the message names the text they follow.
_UNATTRIBUTED = {"em_close": "teks miring *…*", "strong_close": "teks tebal **…**", "s_close": "teks coret ~~…~~"}


def _check_printed_braces(chapter: Chapter, children: Sequence[Token], diags: Diagnostics) -> None:
    """Attribute braces the page prints as text, at their line: after ``*teks*`` or ``**teks**`` (the plugin gives
    attributes only to links, images, code and blocks) and after ``[teks]`` that links nowhere. Why: Pandoc and
    some editors accept ``*penting*{.merah}``, so an author writes it and the published page shows the braces."""
    for before, token in zip([None, *children], children):
        if token.type != "text":
            continue
        if before is not None and before.type in _UNATTRIBUTED and (braces := _INLINE_BRACES.match(token.content)):
            after = _UNATTRIBUTED[before.type]
        elif braces := re.search(r"(?<=\])" + _INLINE_BRACES.pattern, token.content):
            after = "[teks] yang bukan tautan"
        else:
            continue
        diags.warn((chapter.rel, line_of(chapter, token)),
                   f"'{braces.group(0)[:60]}' sesudah {after} tampil apa adanya di halaman: atribut {{...}} hanya "
                   "berlaku sesudah tautan, gambar, `kode`, di akhir judul, atau pada baris sendiri di atas paragraf; "
                   "hapus tanda kurung kurawal itu (tampilan teks diatur oleh tema situs)")


#: A heading's trailing braces that look like attributes (``{style=…}``, ``{#a target=_blank}``) but are not only
#: ``#id`` and ``.kelas`` (those ``plugins.HEADING_ATTRS`` takes out of the text).
_HEADING_BRACES = re.compile(r"\s*\{[^{}=]*=[^{}]*\}\s*$")


def _marked_ids(tokens: list[Token]) -> tuple[set[str], str]:
    """Every id the chapter's page shows besides its headings': attributes (``{#id}`` on a paragraph or an image)
    and, where a site allows raw HTML, its tags' (``<p id="sasaran">``); with a digest of what they are read from
    (``Chapter.ids_source``, "" when nothing).

    Why: a link may name them (from another chapter, or a theme's template), and what they are read from is among
    what other pages show of a chapter (``keys.report_fingerprint``): a page that links to one is rendered and
    checked again when it goes. A directive's block (``{tabel}``, ``{grafik}``) renders no such attribute: its id is
    its ``id:`` option (``number_items``); a heading's is read with the headings.
    """
    reader = _Ids()
    out: set[str] = set()
    sources: list[tuple[str, str]] = []
    for block in tokens:
        for token in (block, *(block.children or ())):
            if token.type in ("lkjip_directive", "heading_open"):
                continue
            if token.attrGet("id"):
                out.add(str(token.attrGet("id")))
                sources.append((token.type, str(token.attrGet("id"))))
            elif token.type in ("html_block", "html_inline"):
                reader.feed(token.content)
                sources.append((token.type, token.content))
    reader.close()
    return out | reader.ids, digest(sources) if sources else ""


def _directive(chapter: Chapter, token: Token, diags: Diagnostics) -> Directive:
    line = line_of(chapter, token)
    options = load_yaml(token.meta["source"], chapter.rel, diags, line_offset=line) if token.meta["source"].strip() else {}
    if options is None:
        options = {}
    elif not isinstance(options, dict):
        diags.error((chapter.rel, line), f"isi blok {{{token.meta['directive']}}} harus berupa pasangan 'kunci: nilai'")
        options = {}
    lines = {k: options.line_of(k) for k in options} if isinstance(options, YMap) else {}
    return Directive(token.meta["directive"], token.meta["kind"], dict(options), Loc(chapter.rel, line),
                     option_lines=lines)


def iter_roles(tokens: list[Token]) -> Iterator[tuple[str, str]]:
    """Every ``{nilai}``/``{ref}`` role of a chapter, in order: (name, target)."""
    for block in tokens:
        for token in block.children or []:
            if token.type == "myst_role":
                yield token.meta.get("name", ""), token.content.strip()


def _toc(tokens: list[Token]) -> list[tuple[int, str, str]]:
    """The chapter's ``##``/``###`` headings: (level, id, text). A role in a heading is kept as it is written here
    (``{nilai}`IKM.nilai```), and given its value when a page shows the list (:func:`.renderer.toc_text`): the
    parse is kept across a data edit, so a value taken now would go stale (and was left out altogether, the list
    reading "Capaian IKM " where the heading read "Capaian IKM 86,11")."""
    out = []
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag in ("h2", "h3") and token.attrGet("id"):
            text = "".join(c.content if c.type != "myst_role" else f"{{{c.meta.get('name', '')}}}`{c.content.strip()}`"
                           for c in (tokens[i + 1].children or []) if c.type in ("text", "code_inline", "myst_role"))
            out.append((int(token.tag[1]), str(token.attrGet("id")), text))
    return out


def restore_items(report: Report, parsed: Sequence[ParsedChapter], registry: Registry) -> None:
    """Bind the tables and figures of a report read back from the store to this build's elements.

    Why not :func:`number_items` again: their numbers, ids and messages, the tables' memo keys and the charts' specs
    were pickled with the chapters, and the report's model is the one they were made from (a report whose numbers
    are computed again is numbered again). Numbering planned every chart and keyed every table of every unchanged
    report again on each CLI rebuild: work that grew with the archive.
    """
    for p in parsed:
        for d in p.directives:
            restore = registry.restorers.get((d.directive, d.kind))
            if restore is not None and d.item is not None:
                restore(report, d)


def item_entries(parsed: Sequence[ParsedChapter], registry: Registry) -> tuple[tuple[str, str, str], ...]:
    """(directive, kind, memo key) of every item of these chapters whose built output a memo keeps: stored with
    the report's state, so that a build which reads that state back keeps those entries without its chapters."""
    out = []
    for p in parsed:
        for d in p.directives:
            entry = registry.entries.get((d.directive, d.kind))
            key = entry.key(d) if entry is not None and d.item is not None else ""
            if key:
                out.append((d.directive, d.kind, key))
    return tuple(out)


def keep_entries(entries: Sequence[tuple[str, str, str]], registry: Registry) -> None:
    """Count the entries :func:`item_entries` listed as used by this build (the memo's pruning keeps them)."""
    for directive, kind, key in entries:
        entry = registry.entries.get((directive, kind))
        if entry is not None:
            entry.memo.keep(key)


def number_items(report: Report, parsed: Sequence[ParsedChapter], registry: Registry, site: SiteConfig,
                 diags: Diagnostics) -> None:
    """Number tables and figures per BAB in reading order and check ids are unique across the report."""
    report.tables, report.figures = [], []
    seen: dict[str, Loc] = {}
    anchors = {a for p in parsed for a in p.chapter.anchors}
    chapter_ids = {p.chapter.id for p in parsed}
    counted: dict[str, dict[str, int]] = {}  # per prefix: the chapters without one (kata pengantar, ikhtisar, a
    for p in parsed:                          # lampiran without a letter) share theirs, else each began at "Tabel 1"
        prefix = chapter_prefix(p.chapter)
        counters = counted.setdefault(prefix, {"tabel": 0, "grafik": 0})
        for d in p.directives:
            if (d.directive, d.kind) not in registry.renderers:
                known = registry.kinds(d.directive)
                diags.error(d.loc, f"jenis {d.directive} '{d.kind}' tidak dikenal{did_you_mean(d.kind, known)}; "
                                   f"pilihan: {', '.join(known) or '-'}")
                continue
            validator = registry.validators.get((d.directive, d.kind))
            if validator:
                validator(report, d, diags)
            counters[d.directive] += 1
            n = counters[d.directive]
            number = f"{prefix}.{n}" if prefix else str(n)
            item_id = str(d.options.get("id") or f"{d.directive}-{p.chapter.id}-{n}")
            id_loc = (d.loc.file, d.option_lines.get("id", d.loc.line))  # the line that names the id
            if not re.fullmatch(r"[a-z0-9][a-z0-9\-]*", item_id):
                diags.error(id_loc, f"id '{item_id}' hanya boleh berisi huruf kecil, angka dan '-'")
            if item_id in seen:
                diags.error(id_loc, f"id '{item_id}' sudah dipakai di {seen[item_id]}")
            elif item_id in anchors:
                diags.error(id_loc, f"id '{item_id}' sama dengan id judul atau bagian lain di bab; pilih id lain")
            elif item_id in RESERVED_IDS or item_id in chapter_ids:
                diags.error(id_loc, f"id '{item_id}' sudah dipakai oleh bab atau bagian laporan; pilih id lain")
            seen[item_id] = d.loc
            raw_judul = d.options.get("judul")
            judul = "" if isinstance(raw_judul, (list, dict)) else str(raw_judul or "")
            if isinstance(raw_judul, (list, dict)):  # was printed as Python's "['Capaian', 2023]" in the caption
                diags.error((d.loc.file, d.option_lines.get("judul", d.loc.line)),
                            "judul harus satu baris teks; bila memuat koma, titik dua atau kurung siku, apit dengan "
                            'tanda kutip: judul: "..."')
            elif not judul:
                diags.error(d.loc, f"{d.directive} ini belum memiliki 'judul'")
            elif role := ROLE_IN_TITLE.search(judul):  # was printed as it is: "Capaian {nilai}`NEK.capaian` …"
                diags.error((d.loc.file, d.option_lines.get("judul", d.loc.line)),
                            f"judul tidak dapat memuat {role.group(0)}…` (judul dicetak apa adanya, juga di Daftar "
                            "Tabel); tulis judul tanpa angka, angkanya sudah ada di isi tabel atau grafik")
            elif d.kind != "dataset" and (years := _CAPTION_YEAR.findall(judul)) and max(map(int, years)) < report.tahun:
                diags.warn((d.loc.file, d.option_lines.get("judul", d.loc.line)),
                           f"judul menyebut tahun {max(map(int, years))}, padahal laporan ini tahun {report.tahun} dan "
                           f"{'tabel' if d.directive == 'tabel' else 'grafik'} ini menampilkan angka sampai tahun "
                           f"{report.tahun} (judul salinan laporan lama?); perbarui tahun di judulnya")
            wide = d.options.get("lebar")
            if wide is not None and not isinstance(wide, bool):  # any text counted as true
                diags.error((d.loc.file, d.option_lines.get("lebar", d.loc.line)),
                            f"opsi 'lebar' harus true atau false, tertulis '{wide}'")
            kind = "tabel" if d.directive == "tabel" else "gambar"
            word = "Tabel" if kind == "tabel" else site.label_gambar
            d.item = NumberedItem(kind, item_id, number, f"{word} {number}", judul, p.chapter.id, d.loc)
            p.chapter.anchors.add(item_id)
            (report.tables if kind == "tabel" else report.figures).append(d.item)
    _check_typed_item_numbers(report, parsed, site, diags)


def _typed_caption(rel: str, line_no: int, typed: str, same: NumberedItem | None, diags: Diagnostics) -> None:
    """"Tabel 3.1 Capaian …" typed over a table pasted with ``|`` (warning): such a table has no number, so the typed
    one printed a second "Tabel 3.1" beside the computed table of that number, unsaid, or a number no table has (told
    to write ``{ref}``, which names another table)."""
    other = (f"{typed} laporan ini adalah tabel lain ('{same.judul}')" if same is not None
             else f"laporan ini tidak memiliki {typed}")
    diags.warn((rel, line_no), f"'{typed}' diketik sebagai judul tabel ketikan di bawahnya, padahal {other}: tabel yang "
                               "diketik dengan | tidak bernomor dan tidak masuk Daftar Tabel. Bila isinya angka hasil "
                               "hitungan, ganti dengan blok {tabel} (nomornya ditulis otomatis); bila tidak, tulis "
                               "judulnya tanpa nomor")


#: A year in a table's or chart's caption ("Perbandingan Realisasi Kinerja Tahun 2021–2023"): every kind but a
#: dataset shows the report's own year, so a caption whose years all end before it is last year's, copied (a 2024
#: report printed "Tahun 2021–2023" over columns 2022–2024 and passed ``check --strict``).
_CAPTION_YEAR = re.compile(r"\b(?:199\d|20\d\d)\b")


#: "lihat Tabel 3.15": a table or figure named by its number in the text; the word is read as the site names figures
#: ("Grafik") and as authors write them anyway.
_ITEM_WORDS = ("Tabel", "Gambar", "Grafik")


def _check_typed_item_numbers(report: Report, parsed: Sequence[ParsedChapter], site: SiteConfig,
                              diags: Diagnostics) -> None:
    """A "Tabel 3.15" typed in the text that the report does not have, or names by another word (warning).

    Numbers are counted per BAB, so a table inserted above renumbers those below, and a number copied from last
    year's report or a Word draft sends the reader to nothing (a real report referred to tables its body lacked).
    ``{ref}`` writes the number the table has; a typed number that exists passes (it cannot be told from right).
    """
    items = {it.label.casefold(): it for it in [*report.tables, *report.figures]}
    by_number = {(it.kind, it.number): it for it in [*report.tables, *report.figures]}
    words = sorted({*_ITEM_WORDS, site.label_gambar}, key=len, reverse=True)
    pattern = re.compile(rf"\b({'|'.join(map(re.escape, words))})\s+(\d+|[A-Z])\.(\d+)(?![\d.,]*\d)")
    for p in parsed:
        captions = {t.caption_line for t in pasted_tables(p.chapter) if t.caption_line}
        for line_no, raw in lines(p.chapter):
            for m in pattern.finditer(CODE_SPAN.sub(lambda c: " " * len(c.group(0)), raw)):
                typed = f"{m.group(1)} {m.group(2)}.{m.group(3)}"
                kind = "tabel" if m.group(1) == "Tabel" else "gambar"
                same = by_number.get((kind, f"{m.group(2)}.{m.group(3)}"))
                if kind == "tabel" and line_no in captions and m.start() == len(raw) - len(raw.lstrip(" *_")):
                    _typed_caption(p.chapter.rel, line_no, typed, same, diags)
                    continue
                if typed.casefold() in items:
                    continue
                if same is not None:
                    diags.warn((p.chapter.rel, line_no), f"'{typed}' diketik, padahal laporan ini menamainya "
                                                         f"'{same.label}' ({same.judul}); rujuk dengan {{ref}}`{same.id}`")
                    continue
                numbers = [it.label for it in [*report.tables, *report.figures]
                           if it.kind == kind and it.number.split(".")[0] == m.group(2)]
                have = (f"yang ada: {numbers[0]} sampai {numbers[-1]}" if len(numbers) > 1 else
                        f"yang ada hanya {numbers[0]}" if numbers else
                        f"tidak ada {'tabel' if kind == 'tabel' else site.label_gambar.lower()} bernomor "
                        f"{m.group(2)}.…")
                diags.warn((p.chapter.rel, line_no), f"'{typed}' diketik, padahal laporan ini tidak memiliki {typed} "
                                                     f"({have}); nomor tabel dan gambar dihitung per bab: rujuk dengan "
                                                     "{ref}`<id tabel>`, yang selalu menulis nomor yang benar")
