"""The citizen who cannot use a mouse or see the screen well, in chromium on a phone: text enlarged in the phone's
settings (the root font at 125-200 %), the keyboard alone (Tab, Shift+Tab, Escape), and a screen reader that hears
the names of links and controls and what the page announces in its live region. axe checks the markup
(test_axe.py); these tests check what such a reader meets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from .support import PageProbe, SiteMap, open_probe

UPGRADE_TIMEOUT_MS = 20_000
#: A chapter with seven wide tables whose rows' names are long (the column kept in view on phones).
TABLES_CHAPTER = "/laporan/martapura-barat-2023/1.0/bab-3-akuntabilitas-kinerja/"

# For each table in view (not in a closed <details>) whose rows' names stay in view on a phone: the cells of its first
# such row that no sideways scroll of the table's box brings out from under another element (the names' column).
NEVER_SEEN_JS = """() => Array.from(document.querySelectorAll('.tabel-wadah'))
  .filter((box) => !box.closest('details:not([open])') && box.querySelector('tbody .kolom-1'))
  .map((box) => {
    const name = box.querySelector('tbody .kolom-1');
    name.scrollIntoView({block: 'center'});
    const cells = Array.from(name.closest('tr').children).filter((cell) => cell !== name);
    const seen = cells.map(() => false);
    for (let x = 0; x <= box.scrollWidth; x += 8) {
      box.scrollLeft = x;
      cells.forEach((cell, i) => {
        const r = cell.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 12));
        if (hit && (hit === cell || cell.contains(hit))) seen[i] = true;
      });
    }
    box.scrollLeft = 0;
    const never = cells.filter((cell, i) => !seen[i]).map((cell) => cell.textContent.trim().slice(0, 24));
    return never.length ? `${box.getAttribute('aria-labelledby')}: ${never.join(' | ')}` : '';
  }).filter(Boolean)"""


@pytest.fixture
def phone(browser: Browser, base_url: str, request: pytest.FixtureRequest) -> Iterator[PageProbe]:
    """A phone of the width given by the test's ``width`` parameter (360 by default), network fenced."""
    width = getattr(request, "param", 360)
    context, probe = open_probe(browser, base_url, viewport={"width": width, "height": 640}, device_scale_factor=2,
                                is_mobile=True, has_touch=True)
    try:
        yield probe
    finally:
        context.close()


@pytest.mark.parametrize("phone, text_size", [(360, "100%"), (320, "100%"), (360, "125%"), (360, "150%"),
                                              (360, "200%"), (320, "200%")], indirect=["phone"])
def test_every_number_of_a_table_can_be_scrolled_into_view_with_large_text(phone: PageProbe, text_size: str) -> None:
    """With a phone's text at 200 % the column of the rows' names, kept in view while the rest scrolls, was wider
    (11 rem, 352 px) than its box (294 px): every target, realisasi and capaian scrolled beneath it, never seen."""
    phone.goto(TABLES_CHAPTER)
    phone.page.evaluate(f"document.documentElement.style.fontSize = '{text_size}'")
    phone.page.evaluate("document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => r())))")
    never_seen = phone.page.evaluate(NEVER_SEEN_JS)
    assert never_seen == [], "\n".join(never_seen)
    if text_size == "100%":  # at the phone's own text size the names still stay in view
        assert phone.page.locator(".bab .tabel-wadah tbody .kolom-1").first.evaluate(
            "e => getComputedStyle(e).position") == "sticky"


# The focused element inside a table's box, when something else (the column kept in view) covers its centre.
FOCUS_COVERED_JS = """() => {
  const e = document.activeElement;
  const box = e && e.closest('.tabel-wadah');
  if (!box || box === e) return null;
  const r = e.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  if (hit && (hit === e || e.contains(hit))) return null;
  const under = hit ? hit.tagName + '.' + hit.className : '-';
  return `${box.getAttribute('aria-labelledby')}: "${e.textContent.trim()}" di bawah ${under}`;
}"""


@pytest.mark.parametrize("phone", [360, 320], indirect=True)
def test_keyboard_focus_in_a_table_is_not_hidden_under_the_names_column(phone: PageProbe) -> None:
    """Tab and Shift+Tab through a chapter's tables on a phone: a link in a cell (an N/A's note) was scrolled to the
    box's left edge, beneath the column of the rows' names kept in view there, and the reader lost the focus."""
    phone.goto(TABLES_CHAPTER)
    phone.page.evaluate("document.fonts.ready")
    in_tables, hidden = phone.tab_through(200, ".tabel-wadah a", FOCUS_COVERED_JS)
    assert in_tables >= 10, in_tables  # the walk went through links inside the tables
    assert hidden == [], "\n".join(hidden)


@pytest.mark.parametrize("typed, meant", [("matrapura", "martapura"), ("pengron", "pengaron"),
                                          ("batu sopnag", "batu sopang")])
def test_a_screen_reader_hears_the_corrected_name_offered(phone: PageProbe, typed: str, meant: str) -> None:
    """A name typed with a slip is offered corrected, as a link under the results' status. The status is the live
    region a screen reader announces; it said "Tidak ada hasil untuk “matrapura”. Coba kata lain …" and nothing of
    the offer, which only a reader who looked below it found."""
    phone.goto("/cari/")
    phone.page.fill("#cari-kata", typed)
    phone.page.press("#cari-kata", "Enter")
    expect(phone.page.locator(".cari-saran a")).to_have_text(meant, timeout=UPGRADE_TIMEOUT_MS)
    status = phone.page.locator("#cari-status")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    expect(status).to_contain_text(f"Mungkin maksud Anda: {meant}?")
    assert phone.problems() == [], phone.problems()


def test_taking_the_corrected_name_keeps_the_focus_in_the_search(phone: PageProbe) -> None:
    """Taking the offered spelling with the keyboard replaced the results, the link with them, and the focus fell to
    the page's start: a reader began again from the top. It goes to the search field holding the corrected name,
    and the status says what was found."""
    phone.goto("/cari/")
    phone.page.fill("#cari-kata", "matrapura")
    phone.page.press("#cari-kata", "Enter")
    offer = phone.page.locator(".cari-saran a")
    expect(offer).to_have_text("martapura", timeout=UPGRADE_TIMEOUT_MS)
    offer.focus()
    phone.page.keyboard.press("Enter")
    expect(phone.page.locator("#cari-status")).to_contain_text("ditemukan untuk \u201cmartapura\u201d",
                                                              timeout=UPGRADE_TIMEOUT_MS)
    assert phone.page.evaluate("document.activeElement.id") == "cari-kata"
    assert phone.page.input_value("#cari-kata") == "martapura"
    assert phone.problems() == [], phone.problems()


def test_each_key_figures_definition_says_which_figure_it_defines(phone: PageProbe, site_map: SiteMap) -> None:
    """On a report page Tab reached five disclosures a screen reader named alike, "Definisi", away from the figure
    each belongs to; each is now named for its figure (the text seen is unchanged)."""
    phone.goto(site_map.reports[0].url)
    figures = phone.page.locator(".angka-kunci dt").all_inner_texts()
    snapshot = phone.page.locator(".angka-kunci").aria_snapshot()
    names = [" ".join(name.strip('"').split()) for name in re.findall(r"- group: (.*)", snapshot)]
    assert len(figures) >= 3 and len(names) == len(figures), snapshot
    assert names == [f"Definisi {label}" for label in figures], names
    assert phone.page.locator(".angka-kunci summary").first.evaluate("e => e.getBoundingClientRect().width") > 0


# What a screen reader says of the parts of the interactive charts: the role descriptions outside aria-hidden parts, and
# the forms inside them.
CHART_WORDS_JS = """() => {
  const words = {};
  document.querySelectorAll('.grafik-vega, .grafik-vega [aria-roledescription]').forEach((e) => {
    if (e.closest('[aria-hidden="true"]') || !e.hasAttribute('aria-roledescription')) return;
    const word = e.getAttribute('aria-roledescription');
    words[word] = (words[word] || 0) + 1;
  });
  return {words, forms: document.querySelectorAll('.grafik-vega form').length};
}"""


def test_a_screen_reader_hears_the_interactive_charts_parts_in_indonesian(phone: PageProbe) -> None:
    """Vega named an interactive chart "visualization" and its groups "group mark container", "rect mark container",
    … for screen readers: English words on an Indonesian page, heard while moving through a chart's bars."""
    phone.goto(TABLES_CHAPTER)
    charts = phone.page.locator("figure.grafik").count()
    phone.ask_for_interactive_charts()
    expect(phone.page.locator("figure.grafik.grafik-interaktif")).to_have_count(charts, timeout=UPGRADE_TIMEOUT_MS)
    bar = phone.page.locator(".grafik-vega svg path[aria-roledescription='batang']").first
    bar.scroll_into_view_if_needed()
    bar.hover(force=True)  # a tooltip shown: the chart redrawn as the reader uses it
    found = phone.page.evaluate(CHART_WORDS_JS)
    assert found["words"].get("grafik") == charts, found
    english = [word for word in found["words"] if re.search(r"\b(mark|container|visualization)\b", word)]
    assert english == [], found
    assert found["words"].get("batang", 0) > 10, found  # the marks keep the spec's own Indonesian names
    assert found["forms"] == 0, found
    assert phone.problems() == [], phone.problems()


def test_each_search_results_link_names_its_report(phone: PageProbe) -> None:
    """Searching "kecamatan" listed "BAB I Pendahuluan", "Lampiran", … once for each report: heard alone (with Tab, or
    in a screen reader's list of links) the links were alike, their report's heading above them unread. Each link's
    name now says its report and version; the text seen is the page's title, as before."""
    phone.goto("/cari/?q=kecamatan")
    expect(phone.page.locator(".hasil-grup")).to_have_count(3, timeout=UPGRADE_TIMEOUT_MS)
    names: dict[str, set[str]] = {}  # accessible name -> addresses, as a screen reader names the links
    name = None
    for line in phone.page.locator("#cari-hasil").aria_snapshot().splitlines():
        link = re.match(r'\s*- link "(.*)"', line)
        url = re.match(r"\s*- /url: (.*)", line)
        if url and name is not None:
            names.setdefault(" ".join(name.split()), set()).add(url.group(1))
        name = link.group(1) if link else None
    alike = {name: hrefs for name, hrefs in names.items() if len(hrefs) > 1}
    assert len(names) >= 6 and alike == {}, alike
    chapter = next(name for name in names if name.startswith("BAB I Pendahuluan"))
    assert re.fullmatch(r"BAB I Pendahuluan — Laporan Kinerja .+ Tahun 20\d\d, versi 1\.0", chapter), chapter
    visible = phone.page.locator(".hasil-tautan").first.evaluate(
        "e => Array.from(e.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent).join('')")
    assert visible and "versi" not in visible, visible


def test_each_report_link_of_the_comparison_names_its_instansi(phone: PageProbe) -> None:
    """The comparison's last column linked each row's report as "Versi 1.0": three links alike, heard alone."""
    phone.goto("/perbandingan/")
    links = phone.page.locator("#tabel-perbandingan tbody td:last-child a")
    assert links.count() == 3
    names = re.findall(r'- link "(Versi [^"]*)"', phone.page.locator("#tabel-perbandingan").aria_snapshot())
    names = [" ".join(name.split()) for name in names]
    assert len(names) == 3 and len(set(names)) == 3, names
    assert all(re.fullmatch(r"Versi 1\.0 — Kecamatan [A-Za-z ]+, (Tahun|Triwulan I) 20\d\d", n) for n in names), names
    # the hidden words stay in the table's scrolling box: placed at the links, off to the right, they widened the page
    assert phone.page.evaluate("document.documentElement.scrollWidth") <= 360


def test_the_comparisons_sections_are_headings_its_contents_list_leads_to(phone: PageProbe) -> None:
    """A comparison page had only its H1: a screen reader's list of headings offered nothing to jump to, the chart
    below a long table was found by reading through it. Its table and its chart are sections under their headings,
    and the list at its top ("Di halaman ini") brings each heading into view on a phone."""
    for url, title in (("/perbandingan/", "Perbandingan kinerja instansi"),
                       ("/perbandingan/2023/", "Perbandingan kinerja instansi tahun 2023")):
        phone.goto(url)
        heard = re.findall(r'- heading "([^"]*)" \[level=(\d)\]', phone.page.locator("main").aria_snapshot())
        assert heard == [(title, "1"), ("Tabel perbandingan", "2"), ("Grafik perbandingan", "2")], heard
        contents = phone.page.get_by_role("navigation", name="Isi halaman ini")
        for name in ("Grafik perbandingan", "Tabel perbandingan"):
            contents.get_by_role("link", name=name).click()
            expect(phone.page.get_by_role("heading", name=name, level=2)).to_be_in_viewport()
    assert phone.problems() == [], phone.problems()


def test_escape_hides_a_charts_tooltip_without_moving_the_pointer(browser: Browser, base_url: str) -> None:
    """A chart's tooltip (shown while the pointer rests on a bar) covered part of the chart, on a magnified screen much
    of what was in view, and only moving the pointer away hid it (WCAG 1.4.13: dismissible)."""
    context, probe = open_probe(browser, base_url, viewport={"width": 1280, "height": 800})
    try:
        probe.goto(TABLES_CHAPTER)
        charts = probe.page.locator("figure.grafik").count()
        expect(probe.page.locator("figure.grafik.grafik-interaktif")).to_have_count(charts, timeout=UPGRADE_TIMEOUT_MS)
        bar = probe.page.locator(".grafik-vega svg path[aria-roledescription='batang']").first
        bar.scroll_into_view_if_needed()
        box = bar.bounding_box()
        assert box is not None
        probe.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        tip = probe.page.locator("#vg-tooltip-element")
        expect(tip).to_have_class(re.compile(r"\bvisible\b"))
        probe.page.keyboard.press("Escape")
        expect(tip).not_to_have_class(re.compile(r"\bvisible\b"))
        probe.page.mouse.move(box["x"] + box["width"] / 2 + 1, box["y"] + box["height"] / 2)
        expect(tip).to_have_class(re.compile(r"\bvisible\b"))  # back as the pointer moves on
        assert probe.problems() == [], probe.problems()
    finally:
        context.close()


@pytest.mark.parametrize("phone", [320], indirect=True)  # the smallest phone still sold
def test_header_and_key_figures_fit_a_320px_phone_with_text_at_200_percent(phone: PageProbe, site_dir: Path) -> None:
    """The smallest phones (320 CSS px) with the text doubled: the header's "Perbandingan" ran past the screen's edge
    on every page (the page scrolled sideways), and a report's key figures were boxes 10 rem (320 px) wide in a
    column of 288; and a sum of money in a key figure, "Rp 2.511.814.579" at 43 px, ran out of its box past the
    screen's edge (it now breaks, as any word too long for the screen)."""
    urls = [p.relative_to(site_dir).as_posix().removesuffix("index.html")
            for p in sorted(site_dir.glob("**/index.html"))]
    assert len(urls) >= 20
    past = []
    for url in ["/" + u for u in urls] + ["/404.html"]:
        phone.goto(url)
        phone.page.evaluate("document.documentElement.style.fontSize = '200%'")
        phone.page.evaluate("document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => r())))")
        past += [f"{url}: {e}" for e in phone.page.evaluate(
            "() => Array.from(document.querySelectorAll('.kepala-situs a, .angka-kunci dl > div'))"
            ".filter((e) => e.getBoundingClientRect().right > 320.5)"
            ".map((e) => `${e.textContent.trim().slice(0, 30)}"
            " (kanan ${Math.round(e.getBoundingClientRect().right)} px)`)")]
        past += [f"{url}: {e}" for e in phone.page.evaluate(
            "() => Array.from(document.querySelectorAll('.angka-kunci dd'))"
            ".filter((e) => e.scrollWidth > e.clientWidth + 0.5)"
            ".map((e) => `${e.textContent.trim().slice(0, 30)} (lebar ${e.scrollWidth} px dalam ${e.clientWidth})`)")]
    assert past == [], "\n".join(past)
