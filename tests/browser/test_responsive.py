"""Responsive layout: at 360 CSS px wide (a small phone) no page scrolls sideways.

Wide content (tables, charts) may scroll inside its own container, but the page itself must
not: ``document.documentElement.scrollWidth`` stays within the viewport. On failure the test
lists the elements that stick out, so the offending CSS is easy to find.
"""

from __future__ import annotations

import pytest

from .support import PageProbe, SiteMap

WIDTH = 360

# Elements whose right edge passes the viewport and that are not inside a horizontally scrollable box.
OVERFLOWING_JS = """(width) => {
    const scrollsX = (el) => {
        for (let p = el.parentElement; p; p = p.parentElement) {
            const o = getComputedStyle(p).overflowX;
            if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
        }
        return false;
    };
    const out = [];
    for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.right > width + 0.5 && !scrollsX(el)) {
            const cls = el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
            out.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls} (kanan ${Math.round(r.right)} px)`);
        }
        if (out.length >= 10) break;
    }
    return out;
}"""


def test_no_horizontal_scroll_at_360px(narrow_probe: PageProbe, site_map: SiteMap) -> None:
    """Home, every report page and every chapter page fit in 360 px without sideways scrolling."""
    assert narrow_probe.page.viewport_size["width"] == WIDTH
    failures = []
    for url in site_map.all_pages():
        narrow_probe.goto(url)
        narrow_probe.page.evaluate("document.fonts.ready")
        scroll_width = narrow_probe.page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > WIDTH:
            culprits = narrow_probe.page.evaluate(OVERFLOWING_JS, WIDTH)
            failures.append(f"{url}: scrollWidth {scroll_width} px > {WIDTH} px; menonjol: {culprits}")
    if failures:
        pytest.fail("Halaman bergulir ke samping pada lebar 360 px:\n" + "\n".join(failures), pytrace=False)
    assert narrow_probe.foreign_requests() == [], narrow_probe.foreign_requests()


# Targets a finger taps (WCAG 2.5.5, the platforms' 44 px guidance): each is 44 × 44 px, or, smaller, spaced as WCAG
# 2.5.8 spaces its 24 px ones (a circle of 44 px on its centre touches no other target nor another small one's circle).
# A link inside a sentence, text on either side of it, is left out (the criterion's exception: its size is the text's).
SMALL_TARGETS_JS = """(side) => {
    const TARGET = 'a[href], button, input:not([type=hidden]), select, summary';
    const words = /[\\p{L}\\p{N}]/u;
    const inline = (el) => getComputedStyle(el).display === 'inline';
    const besideText = (node, step) => {
        let text = '';
        for (let s = node[step]; s; s = s[step]) {
            if (s.nodeType === 3) text += s.textContent;
            else if (s.nodeType === 1) {
                if (!inline(s) || s.matches(TARGET) || s.querySelector(TARGET)) break;
                if (!s.matches('.sr')) text += s.textContent;
            }
        }
        return words.test(text);
    };
    const inSentence = (el) => {
        for (let node = el; inline(node); node = node.parentElement) {
            if (besideText(node, 'previousSibling') || besideText(node, 'nextSibling')) return true;
        }
        return false;
    };
    const all = [...document.querySelectorAll(TARGET)].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width && r.height && !el.closest('.sr');
    });
    const box = all.map((el) => el.getBoundingClientRect());
    const centre = (r) => [r.left + r.width / 2, r.top + r.height / 2];
    const small = all.map((el, i) => (box[i].width < side || box[i].height < side) && !inSentence(el));
    const reach = (c, r) => Math.hypot(Math.max(r.left - c[0], 0, c[0] - r.right),
                                       Math.max(r.top - c[1], 0, c[1] - r.bottom));
    const apart = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1]);
    const out = [];
    all.forEach((el, i) => {
        if (!small[i]) return;
        const c = centre(box[i]);
        const near = all.some((other, j) => j !== i && !other.contains(el) && !el.contains(other)
            && (reach(c, box[j]) < side / 2 || (small[j] && apart(c, centre(box[j])) < side)));
        if (near) {
            const name = el.textContent.trim().slice(0, 30);
            const size = `${box[i].width.toFixed(1)} × ${box[i].height.toFixed(1)} px`;
            out.push(`${el.tagName.toLowerCase()} "${name}" ${size}`);
        }
    });
    return out;
}"""


SEARCH = "/cari/?q=kinerja"


def phone_pages(probe: PageProbe, site_map: SiteMap) -> list[str]:
    """Every page of the site map, the comparisons (all years, each year) and the search page with its results."""
    probe.goto("/perbandingan/")
    return [*site_map.all_pages(), "/perbandingan/", *probe.hrefs("a[href*='/perbandingan/20']"), SEARCH]


def open_page(probe: PageProbe, url: str) -> None:
    """Open ``url`` with its fonts, and the search's results once cari.js has listed them."""
    probe.goto(url)
    probe.page.evaluate("document.fonts.ready")
    if url == SEARCH:
        probe.page.wait_for_selector(".hasil-tautan")


@pytest.mark.parametrize("width", [WIDTH, 412])
def test_every_target_is_44px_on_a_phone(narrow_probe: PageProbe, site_map: SiteMap, width: int) -> None:
    """On a phone every button, summary and link outside a sentence is 44 × 44 px, or spaced as if it were: the links
    in tables, the menu, the breadcrumbs, "Data grafik", a table's note marks (5 × 13 px) and the chapter's next and
    previous links were 19 to 34 px tall, side by side or one above the other. Two widths: a link of two lines at
    360 px is 44 px tall by chance, of one line at 412 px it was 22."""
    narrow_probe.page.set_viewport_size({"width": width, "height": 915})
    failures = []
    for url in phone_pages(narrow_probe, site_map):
        open_page(narrow_probe, url)
        failures += [f"{url}: {small}" for small in narrow_probe.page.evaluate(SMALL_TARGETS_JS, 44)]
    if failures:
        pytest.fail(f"Sasaran sentuh lebih kecil dari 44 × 44 px dan berdekatan pada lebar {width} px:\n"
                    + "\n".join(failures), pytrace=False)


# Text smaller than its floor: small print (notes, sources, labels, the theme's own names for them) 14 px, everything
# else a reader reads 16 px; folded parts (a chart's data table) are opened first, charts' own SVG text left out.
SMALL_TEXT_JS = """(smallPrint) => {
    for (const folded of document.querySelectorAll('details')) folded.open = true;
    const out = [];
    for (const el of document.body.querySelectorAll('*')) {
        if (el.closest('svg, .sr, script, style, noscript')) continue;
        if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
        const r = el.getBoundingClientRect();
        if (!r.width || !r.height) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        const floor = el.closest(smallPrint) ? 14 : 16;
        if (size >= floor - 0.01) continue;
        const text = el.textContent.trim().slice(0, 30);
        out.push(`${el.tagName.toLowerCase()}.${el.className} "${text}" ${size.toFixed(1)} px < ${floor}`);
    }
    return [...new Set(out)].slice(0, 12);
}"""
SMALL_PRINT = (".kecil, .meta, .remah, .kaki-situs, .tabel-catatan, .catatan-sel, .catatan, .definisi, .ringkasan, "
               ".arah, .pemda, dt, sup, code, .tanda-terbaru, .hasil-versi, .hasil-bagian, .sha256, .na-catatan, "
               ".nilai-catatan, .footnotes")


def test_text_is_16px_and_small_print_14px_at_360px(narrow_probe: PageProbe, site_map: SiteMap) -> None:
    """On a phone a table's text, its caption, a chart's data table and the text around them are 16 px, small print
    14 px: at 360 px a table's cells were 12.8 to 14 px, a chart's data 12.8 px, a cell's note 12 px."""
    failures = []
    for url in phone_pages(narrow_probe, site_map):
        open_page(narrow_probe, url)
        failures += [f"{url}: {small}" for small in narrow_probe.page.evaluate(SMALL_TEXT_JS, SMALL_PRINT)]
    if failures:
        pytest.fail("Teks terlalu kecil untuk dibaca pada lebar 360 px:\n" + "\n".join(failures), pytrace=False)
