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


# Targets a finger taps that are smaller than 24 × 24 px (WCAG 2.5.8), leaving out a link inside a line of text (the
# criterion's own exception: its size is the text's).
SMALL_TARGETS_JS = """() => {
    const out = [];
    for (const el of document.querySelectorAll('a[href], button, input, select, summary')) {
        const r = el.getBoundingClientRect();
        if (!r.width || !r.height || (el.tagName === 'A' && getComputedStyle(el).display === 'inline')) continue;
        if (r.width < 24 || r.height < 24) {
            const name = el.textContent.trim().slice(0, 30);
            out.push(`${el.tagName.toLowerCase()} "${name}" ${r.width.toFixed(1)} × ${r.height.toFixed(1)} px`);
        }
    }
    return out;
}"""


def test_every_target_is_24px_at_360px(narrow_probe: PageProbe, site_map: SiteMap) -> None:
    """On a phone every button, summary and link outside a sentence is at least 24 × 24 px (WCAG 2.5.8): a key
    figure's "Definisi" (20 px), "Di halaman ini" (23 px) and the comparison table's sort buttons (22 px) were not."""
    narrow_probe.goto("/perbandingan/")
    pages = [*site_map.all_pages(), "/perbandingan/", *narrow_probe.hrefs("a[href*='/perbandingan/20']"), "/cari/"]
    failures = []
    for url in pages:
        narrow_probe.goto(url)
        narrow_probe.page.evaluate("document.fonts.ready")
        failures += [f"{url}: {small}" for small in narrow_probe.page.evaluate(SMALL_TARGETS_JS)]
    if failures:
        pytest.fail("Sasaran sentuh lebih kecil dari 24 × 24 px pada lebar 360 px:\n" + "\n".join(failures),
                    pytrace=False)
