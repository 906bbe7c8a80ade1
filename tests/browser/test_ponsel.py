"""A citizen on a phone looking for how their kecamatan did: a chapter's table of capaian shows each indicator's
name, its capaian and its predikat on the first screen, without scrolling sideways; the search page without
JavaScript offers no form that does nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from .support import PHONE, PageProbe, SiteMap, open_probe

if TYPE_CHECKING:
    from playwright.sync_api import Browser

# Per table with a predikat column: where the text of its first predikat and of the capaian before it, and the row's
# name kept in view, lie at load, against the inside of the table's box (CSS px, its left edge at 0): a number is right
# aligned, so its cell may begin under the name while its text stands whole beside it.
PREDIKAT_TABLES_JS = """() => [...document.querySelectorAll('.bab > .tabel-wadah')]
  .filter((box) => box.querySelector('tbody .predikat-sel'))
  .map((box) => {
    const left = box.getBoundingClientRect().left + box.clientLeft;
    const span = (r) => [r.left - left, r.right - left];
    const text = (el) => { const range = document.createRange(); range.selectNodeContents(el);
                           return span(range.getBoundingClientRect()); };
    const row = box.querySelector('tbody tr:has(.predikat-sel)');
    const predikat = row.querySelector('.predikat-sel');
    return {caption: box.querySelector('caption').textContent.trim().slice(0, 40), width: box.clientWidth,
            name: span(row.querySelector('.kolom-1').getBoundingClientRect()),
            capaian: text(predikat.previousElementSibling), predikat: text(predikat),
            text: predikat.previousElementSibling.textContent.trim()};
  })"""


@pytest.mark.parametrize("width", [360, 412])
def test_a_capaian_table_shows_name_capaian_and_predikat_without_scrolling(narrow_probe: PageProbe,
                                                                          site_map: SiteMap, width: int) -> None:
    """At 360 px a capaian table opened at its start: No, Sasaran and half the indicator's name; scrolled to its end,
    the capaian (116,19 %) lay half under the name kept in view (11 rem, its 45vw overruled) and "Cukup Berhasil" kept
    one line 155 px wide. Now it opens at its predikat, the name beside it at most two fifths of the box."""
    narrow_probe.page.set_viewport_size({"width": width, "height": 740})
    chapters = [url for report in site_map.reports for url in report.chapters if "/bab-3-" in url]
    failures, seen = [], 0
    for url in chapters:
        narrow_probe.goto(url)
        narrow_probe.page.evaluate("document.fonts.ready")
        assert narrow_probe.page.evaluate("scrollY") == 0, f"{url}: the page itself was scrolled"
        for table in narrow_probe.page.evaluate(PREDIKAT_TABLES_JS):
            seen += 1
            name, capaian, predikat = table["name"], table["capaian"], table["predikat"]
            whole = (name[0] >= -1 and capaian[0] >= name[1] - 1 and predikat[0] >= capaian[1] - 1
                     and predikat[1] <= table["width"] + 1)
            if not whole:
                failures.append(f"{url} {table['caption']!r}: nama {name}, capaian {table['text']} {capaian}, "
                                f"predikat {predikat}, kotak {table['width']} px")
    assert seen >= 5, seen
    assert not failures, "\n".join(failures)


#: Per capaian table: how far its box is scrolled, and the opacity and width of the shadow its first row's name kept in
#: view casts beside it, at load and scrolled back to its start (a frame later: a scroll-driven animation follows).
KEPT_COLUMN_SHADOW_JS = """async () => {
  const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const out = [];
  for (const box of [...document.querySelectorAll('.bab > .tabel-wadah')]
                        .filter((b) => b.querySelector('tbody .predikat-sel'))) {
    const name = box.querySelector('tbody tr:has(.predikat-sel) .kolom-1');
    await frame();
    const shadow = () => { const s = getComputedStyle(name, '::after');
                           return s.content === 'none' ? 0 : Number(s.opacity) * parseFloat(s.width); };
    const opened = {scrolled: box.scrollLeft, shadow: shadow()};
    box.scrollLeft = 0;
    await frame();
    out.push({caption: box.querySelector('caption').textContent.trim().slice(0, 40), opened, start: shadow()});
  }
  return out;
}"""


def test_a_capaian_table_opened_at_its_predikat_shows_columns_lie_to_the_left(narrow_probe: PageProbe,
                                                                            site_map: SiteMap) -> None:
    """Opened at its predikat on a phone, a capaian table hid No and Sasaran beneath the name kept in view, and nothing
    said so: the box's own left shadow lay under that column, its edge a hairline as at the table's start. Scrolled
    from its start, the kept column casts a shadow on the columns beside it; at its start, the hairline alone."""
    chapters = [url for report in site_map.reports for url in report.chapters if "/bab-3-" in url]
    seen, failures = 0, []
    for url in chapters:
        narrow_probe.goto(url)
        narrow_probe.page.evaluate("document.fonts.ready")
        for table in narrow_probe.page.evaluate(KEPT_COLUMN_SHADOW_JS):
            if table["opened"]["scrolled"] < 16:
                continue  # opened at its start (a table whose columns fit): nothing lies to the left
            seen += 1
            if table["opened"]["shadow"] < 8 or table["start"] != 0:
                failures.append(f"{url} {table['caption']!r}: {table}")
    assert seen >= 3, seen
    assert not failures, "\n".join(failures)


def test_without_javascript_the_search_page_offers_no_form_that_does_nothing(browser: Browser, base_url: str) -> None:
    """Without JavaScript (a data-saving browser) the search page showed its field, its filters and "Cari": a citizen
    who typed "kecamatan pengaron" and pressed it got the same page back, the word gone. Only the note and the lists
    of reports are shown now, the note first under the title."""
    context, probe = open_probe(browser, base_url, java_script_enabled=False, **PHONE)
    try:
        probe.goto("/cari/?q=kecamatan+pengaron")
        assert not probe.page.locator("#cari-form").is_visible()
        assert probe.page.locator("#cari-form select, #cari-form button").evaluate_all(
            "(els) => els.filter((el) => el.getClientRects().length).length") == 0
        note = probe.page.locator(".catatan-js")
        assert note.is_visible() and "memerlukan JavaScript" in note.inner_text()
        assert note.bounding_box()["y"] < 740  # on the first screen
        assert probe.page.locator(".telusuri a[href*='pengaron-2024-tw1']").count() >= 1
    finally:
        context.close()
    context, probe = open_probe(browser, base_url, **PHONE)
    try:
        probe.goto("/cari/")
        assert probe.page.locator("#cari-kata").is_visible()  # with JavaScript the form is there
    finally:
        context.close()
