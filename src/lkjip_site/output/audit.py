"""Site-wide consistency audit: every figure an output shows is compared with the one value of the model.

Why: "no two places may disagree" is the product's promise, and a template, a chart planner or a theme override can
break it without any test of its own noticing (a chart summary once counted its own rows: "Dari 23 indikator" beside
"25 indikator"). So the audit reads what was actually rendered, not what the code meant to render.

How: renderers mark each model figure they print with its id, which is its ``{nilai}`` path
(``<span data-angka="capaian.rata_rata">98,17 %</span>``; ``data-laporan="laporan/<slug>/<versi>/"`` names the
report when a page is not inside one report's folder). A :class:`Source` collects :class:`Shown` marks from the
output; :func:`audit` looks every id up in its report's model (:func:`lookup`) and compares the text shown with the
model's formatted value. A difference is an error that names the figure, the model's value and every place with what
it showed there, so "shown twice, disagreeing" is found whichever place is wrong.

Sources: the site's HTML pages and each PDF's print HTML (:class:`HtmlSource`), and the PDF's own text
(:func:`audit_pdf`: the print HTML's marks must appear, in order, in the text read back from the PDF), and the open
data files (``opendata.OpenDataSource``, which ``build.py`` passes with the HTML source), whose machine values
set ``machine=True`` and are compared unrounded (``98.1666…`` with the model's Decimal, not ``98,17``), or to the
significant digits their place keeps (``digits``: the 15 of a comparison workbook's cell).
"""

from __future__ import annotations

import functools
import hashlib
import html
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import NamedTuple, Protocol

from ..compute.refs import Ref, UnknownReference, lookup
from ..core.files import Held, content, held_items
from ..core.memo import ContentHashes, digest, keeping
from ..core.model import Missing, Report, Site
from .parts import readable_part

REPORT_URL = re.compile(r"^(laporan/[^/]+/[^/]+/)")
# A marked element: <tag ... data-angka="id" ...>text</tag>; marked elements never nest an element of their own tag.
_MARK = re.compile(r'<(?P<tag>[a-z0-9]+)\b(?P<attrs>[^>]*?\bdata-angka="(?P<id>[^"]*)"[^>]*)>(?P<body>.*?)</(?P=tag)>',
                   re.S)
_MARK_ATTR = 'data-angka="'
_REPORT_ATTR = re.compile(r'\bdata-laporan="([^"]*)"')
_SUP = re.compile(r"<sup\b.*?</sup>", re.S)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


class Shown(NamedTuple):
    """One figure as one place shows it (a tuple: a build reads some 135 000 of them at N = 100, and a frozen
    dataclass took two and a half times as long to make)."""

    report: str  # the report's URL, ``laporan/<slug>/<versi>/``
    figure: str  # the figure's id (its ``{nilai}`` path)
    text: str  # as shown
    place: str  # where: a file of the output, "…pdf (HTML cetak)", "…csv baris 3"
    machine: bool = False  # an unformatted value (open data), compared with the model's value, not its text
    digits: int = 0  # the significant digits a machine value keeps (a workbook's cell: 15); 0: all of them


class Source(Protocol):
    """Something that shows figures: yields every model figure it shows (see the module docstring)."""

    def collect(self, files: Mapping[str, bytes]) -> Iterable[Shown]: ...


def normalise(text: str) -> str:
    """The figure without its unit: whitespace collapsed, no "Rp " before or " %" after the number, no "+" before it.

    The unit belongs to the figure, not to the place: a table with a "Pagu (Rp)" or "Satuan: %" column prints
    ``2.421.570.000`` and ``92,86`` where a sentence prints ``Rp 2.421.570.000`` and ``92,86 %``. The number (or
    grade, or N/A) is what must agree. So does a change's explicit sign: a trend's text says "(+1,97)" of the change
    the year table prints "1,97".
    """
    t = _SPACE.sub(" ", text.replace("\u00a0", " ")).strip().removeprefix("+")
    if t.startswith(("Rp ", "-Rp ", "−Rp ")):  # a negative amount (sisa of an overspent line) signs before "Rp"
        t = t[:-len(t.lstrip("-−"))] + t.lstrip("-−")[3:]
    if t.endswith(" %"):
        t = t[:-2]
    return t


def marks_in_html(page: str, html_text: str, place: str | None = None,
                  failed: set[int] | None = None) -> list[Shown]:
    """Every marked figure of one HTML document, in document order (``failed``: as for :func:`_marks`)."""
    return [shown for _start, _end, shown in _marks_at(page, html_text, place, failed)]


def _marks_at(page: str, html_text: str, place: str | None = None,
              failed: set[int] | None = None) -> Iterator[tuple[int, int, Shown]]:
    """:func:`marks_in_html`'s figures, each with where its element begins and ends in ``html_text``."""
    default = REPORT_URL.match(page)
    for found in _marks(html_text, failed):
        own = _REPORT_ATTR.search(found.group("attrs"))
        report = own.group(1) if own else (default.group(1) if default else "")
        body = found.group("body")
        if "<" in body:
            body = _TAG.sub("", _SUP.sub("", body))
        yield found.start(), found.end(), Shown(report, html.unescape(found.group("id")), html.unescape(body), place or page)


def _marks(text: str, failed: set[int] | None = None) -> Iterator[re.Match[str]]:
    """The matches of ``_MARK.finditer(text)``, found faster.

    Why not ``finditer`` itself: it tries the expression at every tag of the page, and at each one scans the tag's
    attributes for the mark, so most of its time went to the tags that have none (2,1 s of a 100-report site's
    audit). Here the marks are found by ``str.find`` and the expression is tried only where a match could hold one:
    at each ``<`` after the last ``>`` before the mark (the expression's attributes cannot hold a ``>``), leftmost
    first, as ``finditer`` tries them. A mark inside an element already matched (or in a page's text) is passed over,
    as ``finditer`` passes it; a test compares both on generated markup. ``failed``: where a tag tried did not
    match, filled in as they are found.
    """
    end = 0  # where the last match ended
    failed = set() if failed is None else failed  # tags where the expression did not match
    pos = text.find(_MARK_ATTR)
    while pos != -1:
        found = _mark_at(text, max(end, text.rfind(">", end, pos) + 1), pos, failed)
        if found is None:
            pos = text.find(_MARK_ATTR, pos + 1)
            continue
        yield found
        end = found.end()
        pos = text.find(_MARK_ATTR, end)


def _mark_at(text: str, after: int, mark: int, failed: set[int]) -> re.Match[str] | None:
    """The leftmost match of ``_MARK`` starting at a ``<`` between ``after`` and the mark at ``mark``."""
    start = text.find("<", after, mark)
    while start != -1:
        if start not in failed:
            found = _MARK.match(text, start)
            if found is not None:
                return found
            failed.add(start)
        start = text.find("<", start + 1, mark)
    return None


class HtmlSource:
    """The site's pages: every ``.html`` file of the output."""

    def collect(self, files: Mapping[str, bytes]) -> Iterable[Shown]:
        for path, data in files.items():
            if path.endswith(".html") and b"data-angka=" in data:
                yield from marks_in_html(path, data.decode("utf-8"))


#: The sources :func:`audit_site` reads by default (``build.py`` adds the open data's).
SOURCES: list[Source] = [HtmlSource()]
#: The name of a file's marks fingerprint (:func:`fingerprint`) among its facts (``ContentHashes.fact``), followed by
#: its path (a page's marks name their report by it): what reading the marks depends on besides the bytes.
MARKS_FACT = "tanda-audit " + digest(_MARK.pattern, _MARK_ATTR, _REPORT_ATTR.pattern, _SUP.pattern, _TAG.pattern,
                                     REPORT_URL.pattern, "1")[:16] + " "


def file_marks(path: str, data: bytes, sources: Sequence[Source]) -> list[Shown]:
    """The marks ``sources`` read of one file."""
    return [shown for source in sources for shown in source.collect({path: data})]


def fingerprint(marks: Iterable[Shown]) -> str:
    """What the audit's verdict on a file depends on besides the model: its marks' reports, ids, texts and kinds, in
    order; not their places, which only the messages name (and a disagreement audits the whole site again).

    Why not the file's hash: a change every page shows outside its figures (the portal's title, a theme's header)
    changed every file, and the whole site was audited again for the same marks."""
    text = "\n".join([repr((s.report, s.figure, s.text, s.machine)) for s in marks])  # (one hash of one string)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprint_in_parts(hashes: ContentHashes, data: Held, path: str, span: tuple[int, int],
                         sources: Sequence[Source], read: dict[str, list[Shown]]) -> Callable[[bytes], str]:
    """A ``learn`` (``ContentHashes.fact``) of the marks' fingerprint of a page that holds a chapter's body at
    ``span`` (``SiteFiles.bodies``): the fingerprints of what lies before the body and after it, and the body's, kept
    under the body's hash (``ContentHashes.part``). Why: the portal's title, in every page's header, changed every
    page, and every page's marks were read again (0,8 s at N = 100) to find the same figures.

    Only when every mark of each part is read within it, and neither the part before the body nor the body leaves
    anything open (``parts.closed``): else the whole page's fingerprint, as before. A theme that wraps the body in a
    marked element, or a chapter whose raw HTML leaves one open, had its page pass with the marks of its parts where
    a build without the cache, reading it whole, found the figure that disagreed (found by a fuzzer).

    The marks read are kept in ``read`` (as :func:`keeping` keeps them), the parts' in the page's order when all three
    were read here: those are the page's marks, each read as in the whole page, so a page audited for the first time
    (every page of a cold build) is not read again whole to be audited (its audit took twice as long)."""
    start, end = span

    def learn(page: bytes) -> str:
        part = readable_part(hashes, data, page, span)
        body_marks: list[Shown] | None = None  # read here, not known from an earlier build

        def read_body() -> str:
            nonlocal body_marks
            found, body_marks = _part_marks(path, page[start:end])
            return found
        body = hashes.part_fact(part, f"{MARKS_FACT}isi-3 {path}", read_body) if part else ""
        before, before_marks = _part_marks(path, page[:start]) if body else ("", [])
        after, after_marks = _part_marks(path, page[end:]) if before else ("", [])
        if not after:
            return keeping(read, path, functools.partial(file_marks, path, sources=sources), fingerprint)(page)
        if body_marks is not None:
            read[path] = before_marks + body_marks + after_marks
        return digest("bagian", before, body, after)
    return learn


def _part_marks(path: str, part: bytes) -> tuple[str, list[Shown]]:
    """The fingerprint of a part's marks (a page's: :class:`HtmlSource`'s) and the marks, or "" when they are not
    read within it as in any page around it: each mark matched at the first tag tried for it (a tag tried first and
    left unmatched here, as ``<a x <b data-angka=…>``, may match up to an end tag after the part in the whole page:
    found by a fuzzer), none passed over. One reading of the part for both."""
    text = part.decode("utf-8")
    failed: set[int] = set()
    marks = marks_in_html(path, text, failed=failed)
    return (fingerprint(marks) if not failed and len(marks) == text.count(_MARK_ATTR) else "", marks)


def parts_fact(path: str, span: tuple[int, int]) -> str:
    """The name of :func:`fingerprint_in_parts`' fact of a page (not :data:`MARKS_FACT`'s: another fingerprint of
    the same marks)."""
    return f"{MARKS_FACT}bagian-3 {span[0]}:{span[1]} {path}"


class Remembered:
    """A source that gives the marks already read of a file (``read``, taken out as they are given) and has
    ``sources`` read the others: a file read for its fingerprint is not read again to be audited."""

    def __init__(self, read: dict[str, list[Shown]], sources: Sequence[Source]) -> None:
        self.read, self.sources = read, sources

    def collect(self, files: Mapping[str, bytes]) -> Iterable[Shown]:
        for path, data in files.items():
            known = self.read.pop(path, None)
            yield from known if known is not None else file_marks(path, data, self.sources)


def _agrees(ref: Ref, s: Shown, expected: str) -> bool:
    """Shown as the model says: formatted text (units aside; ``expected`` is the model's, ``normalise``d once per
    figure rather than once per place), or for machine values the unrounded value itself."""
    if not s.machine:
        return normalise(s.text) == expected
    text = s.text.strip()
    if isinstance(ref.value, Missing):
        return text in ("", f"N/A: {ref.value.reason}")
    if isinstance(ref.value, Decimal):
        try:
            value = Decimal(text)
        except InvalidOperation:
            return False
        if s.digits:  # both rounded as the writer rounds (``workbook.excel_number``: half even)
            return value.is_finite() and _significant(value, s.digits) == _significant(ref.value, s.digits)
        return value == ref.value
    return text == str(ref.value)


def _significant(value: Decimal, digits: int) -> Decimal:
    """``value`` rounded to ``digits`` significant digits, half even."""
    return Decimal(format(value, f".{digits}g"))


def audit(reports: Mapping[str, Report], shown: Iterable[Shown]) -> list[tuple[str, str]]:
    """(place, message) for every figure shown otherwise than the model says, naming every place it appears."""
    groups: dict[tuple[str, str], list[Shown]] = {}
    for s in shown:
        groups.setdefault((s.report, s.figure), []).append(s)
    problems = []
    for (url, figure), items in sorted(groups.items()):
        report = reports.get(url)
        if report is None or report.computed is None:
            problems.append((items[0].place, f"angka '{figure}' ditandai untuk laporan '{url}' yang tidak ada"))
            continue
        try:
            ref = lookup(report.computed, figure)
        except UnknownReference as exc:
            problems.append((items[0].place, f"angka '{figure}' ditandai, tetapi tidak ada di model laporan: {exc}"))
            continue
        expected = normalise(ref.formatted())
        wrong = [s for s in items if not _agrees(ref, s, expected)]
        if wrong:
            problems.append((wrong[0].place, _message(figure, ref, items)))
    return problems


def _message(figure: str, ref: Ref, items: Sequence[Shown]) -> str:
    by_text: dict[str, list[str]] = {}
    expected = normalise(ref.formatted())
    for s in sorted(items, key=lambda s: normalise(s.text) == expected):  # the places that differ first
        places = by_text.setdefault(s.text.strip(), [])
        if s.place not in places:
            places.append(s.place)
    shown = "; ".join(f"'{text}' di {', '.join(places)}" for text, places in by_text.items())
    name = f" ({ref.nama})" if ref.nama else ""
    return (f"angka '{figure}'{name} tidak sama di semua tempat: model {ref.formatted()}; tampil {shown}. "
            "Ini kesalahan program atau tema, bukan isi laporan")


#: The files a source reads marks from (pages, open data); others (fonts, images) cannot disagree with the model.
AUDITED = (".html", ".csv", ".json", ".xlsx")


def audit_units(site: Site, files: Mapping[str, bytes],
                hashes: ContentHashes | None = None) -> dict[str, tuple[str, dict[str, Held]]]:
    """The output cut by the model its marks are compared with, each with the digest of that model (``{unit: (model
    key, files)}``): a report's own files, and the rest of the site (the pages above the reports, and any file that
    marks another report's figures), whose key covers every report.

    Why: a file whose bytes and unit model are those of an earlier audit that passed needs no audit again
    (``build.py`` keeps the verdicts per unit and model), so a one-chapter edit audits one page, not the archive.
    Auditing is per mark, so the verdict of a unit (or a file) does not depend on the others. ``hashes`` remembers
    per bytes object whether a file marks another report's figures (a preview session asks it of every page).
    """
    models = {r.url: digest(r.source_digest, repr(site.config.scales), site.config.skala_predikat)
              for r in site.reports}
    models[""] = digest(sorted(models.items()))
    units: dict[str, tuple[str, dict[str, Held]]] = {}
    for path, data in held_items(files):  # a page held by reference is read for its hash, not kept
        if not path.endswith(AUDITED):
            continue
        own = REPORT_URL.match(path)
        unit = own.group(1) if own and own.group(1) in models and not _marks_others(data, hashes) else ""
        if unit not in units:
            units[unit] = (models[unit], {})
        units[unit][1][path] = data
    return units


def _marks_others(data: Held, hashes: ContentHashes | None) -> bool:
    """Whether a report's file marks another report's figures (``data-laporan=``): then the site's unit audits it."""
    return hashes.contains(data, b"data-laporan=") if hashes is not None else b"data-laporan=" in content(data)


def audit_site(site: Site, files: Mapping[str, bytes], extra: Iterable[Shown] = (),
               sources: Sequence[Source] | None = None) -> list[tuple[str, str]]:
    """Audit every source of the built output (and ``extra`` marks, e.g. the PDFs' print HTML)."""
    reports = {r.url: r for r in site.reports}
    shown: list[Shown] = list(extra)
    for source in (SOURCES if sources is None else sources):
        shown.extend(source.collect(files))
    return audit(reports, shown)


# ---------------------------------------------------------------------------------------------------------------
# PDF


def pdf_pages_text(pdf: bytes, bands: Sequence[tuple[float, float]] | None = None) -> list[str]:
    """The text of every page, read back from the PDF (imported here, only a PDF build needs it); with ``bands``
    ((bottom, top) in points, per page, from the layout) only the text between the page's margins, without the
    running header and footer.

    Why PDFium (pypdfium2) and not pypdf: this read-back runs on every PDF of every build, and pypdf's pure-Python
    content-stream parser took a quarter of the PDF time (about 5 s for a 44-page report; PDFium about 0,2 s), more
    than WeasyPrint's drawing. Both read the text through the fonts' ``/ToUnicode`` maps, which is what the audit is
    for: what a reader copies or searches is what the print HTML says.
    """
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        texts = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            if bands is None:
                texts.append(textpage.get_text_range())
            else:  # a point of slack: a glyph's box may reach a hair past the line box
                bottom, top = bands[index]
                texts.append(textpage.get_text_bounded(bottom=bottom - 1, top=top + 1))
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()


def _value_pattern(value: str, called: bool = False) -> re.Pattern[str]:
    """The value as printed: text extraction may break, drop or add a space anywhere ("N/ A" in a justified line);
    a number is not part of a longer one.

    Only a value that starts (ends) with a digit needs the guard before (after) it: "N/A" may be followed by its
    footnote number, "98,17 %" by anything; and a number that calls a note (``called``) by the note's number.
    """
    body = r"\s*".join(re.escape(ch) for ch in value.replace(" ", ""))
    before = r"(?<![\d.,])" if value[:1].isdigit() else ""
    after = r"(?![\d]|[.,]\d)" if value[-1:].isdigit() and not called else ""
    return re.compile(before + body + after)


def audit_pdf(print_html: str, pdf: bytes, place: str,
              bands: Sequence[tuple[float, float]] | None = None) -> list[str]:
    """The print HTML's marked figures must be printed, in order, in the PDF's text; messages for those that are not.

    ``bands``: each page's text band from the layout (``pdf/layout.text_bands``), so that a value broken over a page
    is read whole, not with the running footer and header in between.

    The print HTML itself is compared with the model by :func:`audit` (its marks are :class:`Shown` like a page's);
    this checks that the PDF prints what the print HTML says (nothing clipped, lost or garbled by the layout).
    """
    pages = [_SPACE.sub(" ", t.replace("\u00a0", " ")) for t in pdf_pages_text(pdf, bands)]
    starts, text = [], ""
    for page in pages:
        starts.append(len(text))
        text += page + " "
    notes = _page_notes(print_html)
    pos, problems = 0, []
    note, note_pos = None, 0  # the page note being read, and where its last figure was found
    for at, end, s in _marks_at(place, print_html):
        value = _SPACE.sub(" ", s.text).strip()
        if not value:
            continue
        inside = next((n for n in notes if n[0] <= at < n[1]), None)
        if inside is not None and inside != note:  # a note's figures are after the text of its page
            note, note_pos = inside, pos
        # "Rp 100.000.000⁷" is read "Rp 100.000.0007": an author's note, or a value's own (``nilai-catatan``)
        called = _PAGE_NOTE.match(print_html, end) is not None or _VALUE_NOTE.match(print_html, end) is not None
        m = _value_pattern(value, called).search(text, note_pos if inside is not None else pos)
        if m is None:
            page = sum(1 for st in starts if st <= pos)
            problems.append(f"angka '{s.figure}' ({value}) tidak tercetak di PDF setelah halaman {page}")
            continue
        if inside is not None:
            note_pos = m.end()
        else:
            pos = m.end()
    return problems


#: Where an author's note begins in the print HTML (``markdown.renderer``: printed at the foot of its page).
_PAGE_NOTE = re.compile(r'<span class="catatan-kaki"')
#: Where a value's note is called right after it (``markdown.renderer.format_value``: a footnote in the PDF).
_VALUE_NOTE = re.compile(r'<a class="na-panggil" href="[^"]*"><span class="nilai-catatan"')
_SPAN_TAG = re.compile(r"<(/?)span\b")


def _page_notes(print_html: str) -> list[tuple[int, int]]:
    """(start, end) in the print HTML of each author's note, which the PDF prints at the foot of the page that calls
    it: its figures are read there, after the rest of that page's text, and the text's figures after it are read
    before it (they were reported as not printed)."""
    ranges = []
    for opened in _PAGE_NOTE.finditer(print_html):
        if ranges and opened.start() < ranges[-1][1]:
            continue  # a note inside a note is read in its place (print-pdf.css)
        depth, end = 0, len(print_html)
        for tag in _SPAN_TAG.finditer(print_html, opened.start()):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                end = tag.end()
                break
        ranges.append((opened.start(), end))
    return ranges
