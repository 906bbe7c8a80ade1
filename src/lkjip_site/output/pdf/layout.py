"""Laying out one PDF: WeasyPrint for the layout, pikepdf for page labels; the archival rules live here.

The PDF is the document an office signs, submits and archives, so it has its own layout rules (cover, front matter
numbered i, ii, …, body numbered 1, 2, … from BAB I, landscape pages for wide tables) and archival rules (PDF/A-3,
embedded source data, embedded fonts, no network, byte-identical rebuilds).

Pipeline
--------
1. The Markdown stage renders each chapter for print (``RenderContext.pdf``): heading ids prefixed with the chapter id,
   links between chapters as in-document anchors, images as local files, wide tables marked by the table model.
2. :func:`.document.prepare_pdf` (cheap, main process) puts those chapters into the templates in ``templates/pdf/``
   (cover, Kata Pengantar with signature, Daftar Isi/Tabel/Gambar, body) and returns a picklable :class:`PdfJob`.
3. :func:`render_job_bytes` (expensive, any process): WeasyPrint first lays out only the tables, of a long one
   only the rows that can make it wider (:func:`table_probe_html`); a table not declared ``lebar`` that turns out
   wider than a portrait page is moved to a landscape page by :func:`overflow_stylesheet`; then it lays the whole
   job out once (and once more only if a table the probe missed still overflows), moves each table's link target
   to its caption (:func:`anchor_tables_at_their_captions`), and pikepdf adds page labels and viewer settings.
   :func:`lkjip_site.output.pdfs.render_pdfs` runs the jobs in worker processes and memoises the bytes.

WeasyPrint and pikepdf are imported inside the functions that use them: a build without PDFs (``serve``,
``--tanpa-pdf``) never pays for loading them.

Archival choices (checked with WeasyPrint 70.0)
-----------------------------------------------
* **PDF/A-3b** (``pdf_variant="pdf/a-3b"``). PDF/A-3 is the only PDF/A part that allows arbitrary embedded files, and
  the report's YAML/CSV sources must travel with it. Level *b* rather than the tagged *a* level or PDF/UA-1: WeasyPrint
  70 renders ``pdf/a-3a`` and ``pdf/ua-1`` without error (running headers become artifacts, tables get
  THead/TH/TD), but on this layout its structure tree is wrong where it matters: a table that continues over three
  pages becomes three separate ``/Table`` elements, and a block inside a heading (the "BAB I" line) becomes an ``H1``
  nested in an ``H1``. No validator (veraPDF) is available in the build to catch such faults, and a tagged file with a
  wrong structure misleads screen-reader users more than an untagged one. The accessible edition is the website
  (WCAG 2.1 AA). Switching :data:`PDF_VARIANT` to ``"pdf/a-3a"`` is the only change needed once WeasyPrint's tagging
  handles split tables.
* **Dates**: WeasyPrint does not read ``SOURCE_DATE_EPOCH``; it takes CreationDate/ModDate (and the XMP CreateDate /
  ModifyDate) only from ``<meta name="dcterms.created|modified">``, and attachment dates from the file system. This
  module therefore fills those from ``SOURCE_DATE_EPOCH`` (or, when unset, from the report's ``tanggal_terbit`` at
  00:00 UTC, so a rebuild is reproducible even without the variable). No wall-clock time is ever written.
* **/ID and XMP**: WeasyPrint's identifier is an MD5 of the object data and the XMP has no random UUID for PDF/A, so
  both are deterministic; pikepdf then saves with ``deterministic_id=True`` and without touching the XMP
  (``open_metadata`` is never used: it would stamp the current time into ``xmp:MetadataDate``).
* **Page labels**: WeasyPrint writes no ``/PageLabels``; :func:`add_page_labels` adds "Sampul" for the cover, lower
  roman from the first front-matter page and decimal from BAB I, found from WeasyPrint's page anchors.
* **No network**: :class:`SafeURLFetcher` serves only ``file:`` URLs inside the allowed roots (asset root and the
  theme ``static`` folders) plus ``data:`` URLs; http(s), ftp and every other file are refused.
* **Fonts**: the theme's WOFF2 Noto Sans / Noto Serif (``static/fonts/fonts.css``) via ``@font-face``; WeasyPrint
  embeds every font it uses as a subset (FontFile2/FontFile3).
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import hashlib
import io
import mimetypes
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from .document import PdfError, PdfJob, file_url
from .ua import scoped_user_agent

MIME_TYPES = {
    ".yaml": "application/yaml", ".yml": "application/yaml", ".csv": "text/csv", ".json": "application/json",
    ".md": "text/markdown", ".txt": "text/plain", ".svg": "image/svg+xml", ".png": "image/png",
    ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".woff2": "font/woff2", ".woff": "font/woff",
    ".ttf": "font/ttf", ".otf": "font/otf", ".css": "text/css",
}


def _url_fetcher_base() -> type:
    from weasyprint import URLFetcher

    return URLFetcher


def _url_to_path(url: str) -> Path:
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        raise PdfError(f"URL berkas dengan host tidak diizinkan: {url}")
    return Path(url2pathname(unquote(parts.path)))


def _is_inside(path: Path, roots: Iterable[Path]) -> bool:
    resolved = path.resolve()
    return any(resolved == root or root in resolved.parents for root in roots)


def make_url_fetcher(allowed_roots: Sequence[Path], allowed_files: Sequence[Path] = (),
                     files: Mapping[str, bytes] | None = None) -> Any:
    """A WeasyPrint URL fetcher that only reads local files under ``allowed_roots`` (and ``data:`` URLs).

    With ``files`` (a job's :func:`~.document.job_files`) it reads those bytes instead of the disk: the permitted
    files were chosen and read where the job was made, so a worker on another machine serves the same bytes.

    Why: an archival PDF must be reproducible from the build inputs alone, and a report author must not be able to
    make the build fetch (or leak to) a remote host by writing ``![](https://…)`` in Markdown.
    """
    base = _url_fetcher_base()
    roots = tuple(Path(r).resolve() for r in allowed_roots)
    allowed = frozenset(Path(f).resolve() for f in allowed_files)
    carried = files

    class SafeURLFetcher(base):  # type: ignore[misc, valid-type]
        """Refuses every URL that is not a permitted local file; records what it served (for the cache)."""

        def __init__(self) -> None:
            super().__init__(allowed_protocols=("file", "data"), allow_redirects=False, fail_on_errors=False)
            self.served: dict[str, str] = {}
            self.refused: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            try:
                return self._fetch(url, headers)
            except Exception:
                self.refused.append(url if len(url) < 200 else url[:200] + "…")
                raise

        def _fetch(self, url: str, headers: Any = None) -> Any:
            from weasyprint.urls import URLFetcherResponse

            scheme = url.split(":", 1)[0].lower()
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme != "file":
                raise ValueError(f"Akses jaringan ditolak saat membuat PDF: {url}")
            path = _url_to_path(url)
            if carried is not None:
                path = Path(os.path.normpath(path))
                if str(path) not in carried:
                    raise ValueError(f"Berkas di luar folder yang diizinkan (atau tidak ada) ditolak: {path}")
                data, served, url = carried[str(path)], str(path), path.as_uri()  # no resolve(): not our disk
            else:
                if not (path.resolve() in allowed or _is_inside(path, roots)):
                    raise ValueError(f"Berkas di luar folder yang diizinkan ditolak: {path}")
                data, served, url = path.read_bytes(), str(path.resolve()), file_url(path)
            self.served[served] = hashlib.sha256(data).hexdigest()
            mime = MIME_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0]
            headers_out = {"Content-Type": mime} if mime else {}
            return URLFetcherResponse(url, data, headers_out)

    return SafeURLFetcher()


#: The headings that go to a wide table's landscape page with it (:func:`overflow_stylesheet`).
_HEADING = ":is(h2, h3, h4, h5, h6)"


def overflow_stylesheet(table_ids: Iterable[str]) -> str:
    """CSS that moves these tables (and their wrapper with the notes) to landscape pages.

    Why CSS and not an edit of the HTML: the HTML comes from the Markdown stage as it is; selecting by id keeps the
    second layout a pure styling change. ``partials/table.html`` labels the wrapper with ``<id>-judul``. A heading
    right before the table goes along, and a heading with the one paragraph between it and the table, as the
    theme's rules do for a declared wide table (``print-pdf.css``).
    """
    rules = []
    for table_id in sorted(set(table_ids)):
        ident = table_id.replace("\\", "").replace('"', "")
        table, wrapper = f'table[id="{ident}"]', f'div.tabel-wadah[aria-labelledby="{ident}-judul"]'
        before = f"+ {table}, + {wrapper}"
        rules.append(f"{table}, {wrapper}, {_HEADING}:has({before}), {_HEADING} + p:has({before}),\n"
                     f"{_HEADING}:has(+ p:has({before})),\n{chapter_opening(table, wrapper)} {{ page: lanskap; }}\n"
                     f"{table} {{ font-size: 8.5pt; }}")
    return "\n".join(rules)


def chapter_opening(*wides: str) -> str:
    """The selectors of a chapter's title and first paragraph when the chapter opens with one of ``wides`` (a wide
    table), after at most a paragraph, a heading and the paragraph that introduces it, as ``print-pdf.css`` has
    them for a table declared wide: on a portrait page of their own they left it nine-tenths empty (Lampiran A).

    Nested ``:has(+ …)``: WeasyPrint reads one step after each combinator inside ``:has()``."""
    def nest(parts: list[str]) -> str:
        return parts[0] + "".join(f":has(+ {part}" for part in parts[1:]) + ")" * (len(parts) - 1)

    shapes = [shape for wide in wides for shape in (
        [f"{wide}:first-child"], [f"{_HEADING}:first-child", wide], [f"{_HEADING}:first-child", "p", wide],
        ["p:first-child", wide], ["p:first-child", _HEADING, wide], ["p:first-child", _HEADING, "p", wide])]
    return ",\n".join([f"h1.judul-bab:has(+ .isi-bab:has(> {nest(shape)}))" for shape in shapes]
                       + [f".isi-bab > {nest(shape)}" for shape in shapes if shape[0] == "p:first-child"])


def overflowing_tables(document: Any, tolerance: float = 1.0) -> list[str]:
    """Ids of portrait-page tables wider than the page's content area (they would be cut off at the margin).

    Why measure after layout: only the layout knows the real column widths (long words, numbers that must not
    wrap); counting columns (``tables.AUTO_LANDSCAPE_COLUMNS``) is just the cheap first guess.
    """
    from weasyprint.formatting_structure.boxes import TableBox

    found: list[str] = []
    for page in document.pages:
        box = page._page_box
        if box.width > box.height:  # already landscape
            continue
        right = box.content_box_x() + box.width
        for child in box.descendants():
            if not isinstance(child, TableBox) or child.element is None:
                continue
            table_id = child.element.get("id")
            classes = (child.element.get("class") or "").split()
            if table_id and "lebar" not in classes and table_id not in found:
                if child.position_x + child.margin_width() > right + tolerance:
                    found.append(table_id)
    return found


def _is_probed_table(element: ET.Element) -> bool:
    """A table :func:`overflowing_tables` would look at: it has an id and is not declared ``lebar``."""
    return element.tag == "table" and bool(element.get("id")) and "lebar" not in (element.get("class") or "").split()


def _keep_tables(element: ET.Element) -> bool:
    """Cut ``element``'s subtree down to the probed tables and their ancestors; True if anything is left."""
    kept = False
    for child in list(element):
        if _is_probed_table(child) or _keep_tables(child):
            kept = True
        else:
            element.remove(child)
    return kept


#: Of a table's body the probe keeps, per column, the rows whose cells have the widest unbreakable text by each of
#: two estimates (:func:`_probe_rows`): the rows that set the column's narrowest width unless the estimate is off.
PROBE_ROWS_PER_COLUMN = 2

#: Rough widths of characters in em, for ranking cells only (never for a layout decision): narrow punctuation and
#: letters, wide letters, capitals a little wider than lower case; digits and the rest 1.
_NARROW = frozenset("iljtfrI.,:;'!|()[] -/")
_WIDE = frozenset("mwMW@%")


def _text_width(text: str) -> float:
    return sum(0.5 if ch in _NARROW else 1.5 if ch in _WIDE else 1.25 if ch.isupper() else 1.0 for ch in text)


def _cell_estimates(cell: ET.Element) -> tuple[float, float]:
    """(widest word, whole text): the narrowest the cell can be if it wraps at spaces, and if it does not wrap.

    Both, because whether a cell wraps is the theme's choice (the default print stylesheet keeps numbers on one
    line); ranking by each keeps the probe independent of it."""
    words = "".join(cell.itertext()).split()
    return max((_text_width(w) for w in words), default=0.0), _text_width(" ".join(words))


def _span(cell: ET.Element, name: str) -> int:
    """A cell's ``colspan`` or ``rowspan`` as HTML reads it: not a number is 1, ``colspan`` at most 1 000 (HTML's
    limit, which also bounds the work of :func:`_body_grid`); ``rowspan="0"`` is 0 (to the end of the body)."""
    try:
        value = int(cell.get(name) or 1)
    except ValueError:
        return 1
    return min(max(value, 1), 1000) if name == "colspan" else max(value, 0)


def _body_grid(rows: Sequence[ET.Element]) -> list[list[tuple[ET.Element, int, int, int]]]:
    """Per row, its cells as HTML places them: (cell, column, colspan, rows spanned within the body)."""
    taken: set[tuple[int, int]] = set()  # (row, column) covered by a cell from a row above
    grid = []
    for r, row in enumerate(rows):
        column, placed = 0, []
        for cell in row:
            if cell.tag not in ("td", "th"):
                continue
            while (r, column) in taken:
                column += 1
            cols, down = _span(cell, "colspan"), _span(cell, "rowspan")
            down = len(rows) - r if down == 0 else min(down, len(rows) - r)
            taken.update((r + i, column + j) for i in range(1, down) for j in range(cols))
            placed.append((cell, column, cols, down))
            column += cols
        grid.append(placed)
    return grid


def _probe_rows(table: ET.Element) -> None:
    """Cut each body of ``table`` down to the rows that may set a column's narrowest width.

    Why: a table too wide for a portrait page is one whose columns cannot be narrower than the page, and a column's
    narrowest width is that of its widest unbreakable text, so the other rows cannot make the table wider; laying
    them out was most of the probe's time. Which rows hold that text is estimated from the characters
    (:func:`_text_width`); an estimate that picks the wrong row makes the probe miss the table, and the final layout
    still finds and moves it (the same PDF, one more layout). The header and footer rows stay, and the first row (a
    table laid out with ``table-layout: fixed`` takes its columns from it).

    A cell that spans rows stays with its row whenever a row it spans stays, and then spans only the rows kept, so
    every kept cell sits in the same column as in the real table. Leaving cells out never makes a table wider, so
    the probe never moves a table that fits.
    """
    for body in table.findall("tbody"):
        rows = [row for row in body if row.tag == "tr"]
        if len(rows) <= PROBE_ROWS_PER_COLUMN + 1:
            continue
        grid = _body_grid(rows)
        ranked: dict[tuple[int, int, int], list[tuple[float, int]]] = {}
        for r, placed in enumerate(grid):
            for cell, column, cols, _down in placed:
                for measure, width in enumerate(_cell_estimates(cell)):
                    ranked.setdefault((measure, column, cols), []).append((-width, r))
        keep = {0}
        for key in sorted(ranked):
            keep.update(r for _width, r in sorted(ranked[key])[:PROBE_ROWS_PER_COLUMN])
        for r in reversed(range(len(rows))):  # a kept row keeps the rows whose cells span it (from the bottom up)
            if any(r + i in keep for _cell, _column, _cols, down in grid[r] for i in range(1, down)):
                keep.add(r)
        for r in sorted(keep):
            for cell, _column, _cols, down in grid[r]:
                if down > 1 or cell.get("rowspan") is not None:
                    cell.set("rowspan", str(sum(1 for i in range(r, r + down) if i in keep)))
        for r, row in enumerate(rows):
            if r not in keep:
                body.remove(row)


def table_probe_html(root: ET.Element) -> str | None:
    """The print document cut down to its portrait tables, each inside its own ancestors; None if there is none.

    Why: whether a table is too wide for a portrait page is only known after layout (:func:`overflowing_tables`),
    and laying the whole report out twice (once to measure, once with the tables moved) was about 30 % of the PDF
    time. Every table keeps its ancestors (same classes, containing block width and inherited font), so it is laid
    out as wide as in the whole document; the chapters' text, figures and charts are left out, and of a long table's
    body only the rows that can set a column's narrowest width (:func:`_probe_rows`). The probe cost 25-60 % of a
    full layout with every row, about half that since; it wins whenever a report has a table that overflows (two of
    the three example reports, every benchmark report) and costs that much extra when none does. The print
    stylesheet has no sibling selectors that could make a table wider without its neighbours; :func:`render_job_bytes`
    still checks the final layout and moves a table the probe missed.

    None too when a table holds a foreign element (inline SVG or MathML): the serialiser would rename it, so such a
    document is measured whole, as before.
    """
    probe = copy.deepcopy(root)
    body = probe.find("body")
    if body is None or not _keep_tables(body):
        return None
    if any(isinstance(el.tag, str) and el.tag.startswith("{") for el in probe.iter()):
        return None
    for table in [el for el in body.iter("table") if _is_probed_table(el)]:
        _probe_rows(table)
    return "<!DOCTYPE html>\n" + ET.tostring(probe, encoding="unicode", method="html")


def _page_of_anchor(pages: Sequence[Any], anchor: str | None) -> int | None:
    if anchor is None:
        return None
    for index, page in enumerate(pages):
        if anchor in page.anchors:
            return index
    return None


def anchor_tables_at_their_captions(pages: Sequence[Any]) -> None:
    """Move each table's link target up from its first row to its caption ("Tabel 3.2 …").

    Why: WeasyPrint puts the anchor of ``<table id>`` on the table's grid, below its caption (the caption belongs to
    the box around the grid). A reader who tapped "Tabel 3.2" in the text or the Daftar Tabel landed on the column
    headers with the caption above the top of the screen, and could not tell which table it was. The page does not
    change (the caption is on the page of the table's first rows), so the printed numbers in the lists stay right.
    """
    for page in pages:
        for box in page._page_box.descendants():
            if not getattr(box, "is_table_wrapper", False) or box.element is None:
                continue
            name = box.element.get("id")
            if name in page.anchors:
                x1, y1, x2, y2 = page.anchors[name]
                page.anchors[name] = (x1, min(y1, box.border_box_y()), x2, y2)


#: How far a footnote call's link reaches past its number on either side, in CSS px (2 pt): a number of 6,5 pt is
#: some 3 pt wide, too narrow for a finger.
CALL_REACH = 2 / 0.75


def link_footnote_calls(pages: Sequence[Any]) -> None:
    """Make each footnote's call, the number WeasyPrint leaves in the line (``::footnote-call``), a link to its note
    at the page's foot; the link is as high as the call's line and reaches :data:`CALL_REACH` past the number.

    Why after the layout: WeasyPrint makes links of ``<a href>`` only, and an author's note, printed where it is
    called, cannot stand inside one: a note that names its source with a link (``[BPS](https://…)``) would put a
    link inside a link, which the HTML parser undoes by closing the first. A call already inside a link (an N/A's,
    :func:`lkjip_site.markdown.renderer.format_value`) keeps that one.
    """
    from weasyprint.formatting_structure.boxes import LineBox

    for page in pages:
        _link_calls(page._page_box, None, False, page.links, LineBox)


def _link_calls(box: Any, line: Any, linked: bool, links: list[Any], line_box: type) -> None:
    linked = linked or getattr(box, "link", None) is not None
    line = box if isinstance(box, line_box) else line
    note = getattr(box, "footnote", None)
    ident = note.element.get("id") if note is not None and note.element is not None else None
    if ident and not linked and line is not None:
        x, y = box.border_box_x() - CALL_REACH, line.position_y
        links.append(("internal", ident, (x, y, x + box.border_width() + 2 * CALL_REACH, y + line.margin_height()),
                      box))
    for child in box.all_children():
        _link_calls(child, line, linked, links, line_box)


def cut_notes(pages: Sequence[Any]) -> list[tuple[str, str]]:
    """(id, the author's label) of each note too long for a page: (part of) it lies above the page's text.

    Why: WeasyPrint lays out the notes of a page at its foot, moving the line that calls one to the next page when
    the note no longer fits (``footnote-policy: line``); a note taller than a whole page fits on none, and what is
    above the page's top edge is not printed, without a word. Such a note is the tallest on its page.
    """
    from weasyprint.formatting_structure.boxes import FootnoteAreaBox

    cut = []
    for page in pages:
        box = page._page_box
        for area in box.children:
            if isinstance(area, FootnoteAreaBox) and area.children and area.position_y < box.content_box_y() - 0.5:
                note = max(area.children, key=lambda child: child.margin_height())
                if note.element is not None:
                    cut.append((note.element.get("id") or "", note.element.get("data-catatan") or ""))
    return cut


def _dedupe_associated_files(pdf: Any) -> None:
    """WeasyPrint 70 lists every attachment twice in the catalog's ``/AF``; keep each file spec once."""
    import pikepdf

    if "/AF" not in pdf.Root:
        return
    seen: set[tuple[int, int]] = set()
    unique = []
    for spec in pdf.Root.AF:
        key = spec.objgen if spec.is_indirect else (id(spec), -1)
        if key not in seen:
            seen.add(key)
            unique.append(spec)
    pdf.Root.AF = pikepdf.Array(unique)


def _open_as_a_report(pdf: Any) -> None:
    """Viewer settings: open with the bookmarks shown, and the report's title (not "contoh-1.0.pdf") in the window.

    Why: a reader on a laptop moves through a report of forty pages by its chapters and sections, and the outline
    that lists them stayed hidden behind a button until asked for; with several reports open, their windows and tabs
    were told apart by file name only. Both only when the PDF has what they show (an outline, a title).
    """
    import pikepdf

    if "/Outlines" in pdf.Root and pdf.Root.Outlines.get("/First") is not None:
        pdf.Root.PageMode = pikepdf.Name.UseOutlines
    if pdf.docinfo.get("/Title"):
        pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)


def add_page_labels(pdf_bytes: bytes, front_start: int | None, body_start: int | None) -> bytes:
    """Add ``/PageLabels`` so viewers show the printed numbers (cover "Sampul", then i, ii, …, then 1, 2, …), and
    the viewer settings of :func:`_open_as_a_report`.

    Saved with a deterministic ``/ID`` and the XMP untouched, so the file stays PDF/A and reproducible.
    """
    import pikepdf

    nums: list[Any] = []
    if 0 not in (front_start, body_start):  # page 0 is the cover, printed without a number
        nums += [0, pikepdf.Dictionary(P=pikepdf.String("Sampul"))]
    if front_start is not None:
        nums += [front_start, pikepdf.Dictionary(S=pikepdf.Name.r, St=1)]
    if body_start is not None:
        nums += [body_start, pikepdf.Dictionary(S=pikepdf.Name.D, St=1)]
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        pdf.Root.PageLabels = pdf.make_indirect(pikepdf.Dictionary(Nums=pikepdf.Array(nums)))
        _open_as_a_report(pdf)
        _dedupe_associated_files(pdf)
        out = io.BytesIO()
        # fix_metadata_version=False: otherwise pikepdf re-serialises WeasyPrint's XMP packet on save.
        pdf.save(out, deterministic_id=True, compress_streams=True, fix_metadata_version=False,
                 object_stream_mode=pikepdf.ObjectStreamMode.preserve)
        return out.getvalue()


#: One page's text band, (bottom, top) in PDF points from the foot of the page: what lies between its margins.
Band = tuple[float, float]


def render_job_bytes(job: PdfJob) -> tuple[bytes, list[Band], dict[str, str], list[str], list[tuple[str, str]]]:
    """Lay out and write one job; returns (pdf bytes, each page's text band, {file: sha256} of fetched files,
    refused URLs, notes too long for a page (:func:`cut_notes`))."""
    from weasyprint import CSS, Attachment
    from weasyprint.text.fonts import FontConfiguration

    fetcher = make_url_fetcher(job.allowed_roots, [a.path for a in job.attachments if a.data is None], job.files)
    stamp = dt.datetime.fromtimestamp(job.epoch, dt.timezone.utc).replace(tzinfo=None)
    # The FontConfiguration must be shared by the stylesheet and the layout, otherwise WeasyPrint silently ignores
    # the theme's @font-face rules and takes whatever fontconfig finds on the build machine.
    fonts = FontConfiguration()
    stylesheet = CSS(string=job.stylesheet, base_url=job.stylesheet_url, url_fetcher=fetcher, font_config=fonts)

    def layout(html: Any, moved: list[str]) -> Any:
        # Declared landscape tables are already on landscape pages; ``moved`` overflow a portrait page: move them.
        extra = [CSS(string=overflow_stylesheet(moved), font_config=fonts)] if moved else []
        return html.render(stylesheets=[stylesheet, *extra], font_config=fonts)

    user_agent = _user_agent(job)

    def parsed(text: str) -> Any:
        html = _print_html()(string=text, base_url=job.base_url, url_fetcher=fetcher)
        html.user_agent = user_agent
        return html

    page_html = parsed(job.html)
    probe = table_probe_html(page_html.etree_element)
    moved = [] if probe is None else overflowing_tables(layout(parsed(probe), []))
    document = layout(page_html, moved)
    while missed := [t for t in overflowing_tables(document) if t not in moved]:
        moved += missed  # each round moves at least one more table, so this ends
        document = layout(page_html, moved)
    anchor_tables_at_their_captions(document.pages)
    link_footnote_calls(document.pages)
    front_start = _page_of_anchor(document.pages, job.front_anchor)
    body_start = _page_of_anchor(document.pages, job.body_anchor)
    attachments = [Attachment(string=a.data, name=a.name, description=a.description, created=stamp, modified=stamp,
                              relationship=a.relationship) if a.data is not None else
                   Attachment(url=file_url(a.path), url_fetcher=fetcher, name=a.name, description=a.description,
                              created=stamp, modified=stamp, relationship=a.relationship) for a in job.attachments]
    raw = document.write_pdf(pdf_variant=job.variant, attachments=attachments)
    data = add_page_labels(raw, front_start, body_start)
    return (data, text_bands(document), dict(sorted(fetcher.served.items())), sorted(set(fetcher.refused)),
            cut_notes(document.pages))


def _user_agent(job: PdfJob) -> Any:
    """The job's user-agent stylesheet: WeasyPrint's, its pseudo-element rules scoped (:mod:`.ua`), or None to keep
    WeasyPrint's own. The job's stylesheet and the print HTML decide (the other stylesheet a layout gets,
    :func:`overflow_stylesheet`, sets only a table's page and font size); imports are read by a fetcher of the job's
    own, so the layout's record of served and refused files stays what the layout itself fetched."""
    from weasyprint.html import UA

    reader = make_url_fetcher(job.allowed_roots, [], job.files)

    def read(url: str) -> str | None:
        try:
            response = reader.fetch(url)
            try:
                return response.read().decode("utf-8")
            finally:
                response.close()
        except Exception:  # noqa: BLE001 - any failure: unsure, and WeasyPrint's own stylesheet is kept
            return None

    text = scoped_user_agent(UA, [(job.stylesheet, job.stylesheet_url)], job.html, read)
    return None if text is None else _user_agent_sheet(text)


@functools.lru_cache(maxsize=4)
def _user_agent_sheet(text: str) -> Any:
    """Parsed once per process and text (a worker lays out several jobs with the same theme), as WeasyPrint parses
    its own once; its ``@counter-style`` rules go to a throwaway: the counter styles stay WeasyPrint's own."""
    from weasyprint import CSS
    from weasyprint.css.counters import CounterStyle

    return CSS(string=text, counter_style=CounterStyle())


@functools.lru_cache(maxsize=1)
def _print_html() -> type:
    """WeasyPrint's ``HTML`` whose user-agent stylesheet can be the job's (``user_agent``; None keeps WeasyPrint's).

    ``_ua_stylesheets`` is the method WeasyPrint itself calls for it; overriding it is the one way to give a document
    another user-agent stylesheet (checked with WeasyPrint 70; ``tests/test_pdf.py`` fails if that stops working).
    """
    from weasyprint import HTML
    from weasyprint.html import UA_STYLESHEET

    class PrintHTML(HTML):  # type: ignore[misc, valid-type]
        user_agent: Any = None

        def _ua_stylesheets(self, forms: bool = False) -> list[Any]:
            own = super()._ua_stylesheets(forms)
            if self.user_agent is None or not own or own[0] is not UA_STYLESHEET:
                return own
            return [self.user_agent, *own[1:]]

    return PrintHTML


def text_bands(document: Any) -> list[Band]:
    """Each page's band between its top and bottom margins, where the body text and its footnotes are laid out.

    Why: the running header and footer (the margin boxes) are drawn in the margins, and a text read-back of the whole
    page puts them between the last line of one page and the first of the next; a value broken over a page ("Sangat"
    | "Tinggi") would then read "Sangat LKjIP … 17 Tinggi" and be reported as not printed. The band comes from the
    layout itself, so a theme's own margins need no configuration. CSS pixels are 0,75 PDF points.
    """
    bands = []
    for page in document.pages:
        box = page._page_box  # WeasyPrint's laid-out page: margins and content box in CSS px
        top = box.content_box_y()
        bottom = top + box.height
        bands.append((round((page.height - bottom) * 0.75, 2), round((page.height - top) * 0.75, 2)))
    return bands
