"""The reader who uses the keyboard alone (Tab, Shift+Tab, Enter) with a screen reader, or with the page magnified:
where the focus is must be seen, and what a control does must be heard. axe checks the markup (test_axe.py); these
tests press the keys.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .support import PageProbe

# The focused element's focus ring: its colour, and the colour of what lies just outside it (under the ring's outer
# edge, at the middle of its right and bottom sides), with the ring's outer box.
RING_JS = """() => {
  const e = document.activeElement;
  const cs = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  const out = parseFloat(cs.outlineOffset) + parseFloat(cs.outlineWidth);
  const behind = (x, y) => {
    for (const el of document.elementsFromPoint(x, y)) {
      if (el === e || e.contains(el)) continue;
      const bg = getComputedStyle(el).backgroundColor;
      if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
    }
    return getComputedStyle(document.body).backgroundColor;
  };
  return {ring: cs.outlineColor, style: cs.outlineStyle, width: parseFloat(cs.outlineWidth),
          box: [r.left - out, r.top - out, r.right + out, r.bottom + out],
          behind: [behind(r.right + out + 1, r.top + r.height / 2), behind(r.left + r.width / 2, r.bottom + out + 1)]};
}"""


def _luminance(css: str) -> float:
    r, g, b = (int(v) / 255 for v in re.findall(r"\d+", css)[:3])
    return sum(k * (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
               for k, c in zip((0.2126, 0.7152, 0.0722), (r, g, b)))


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_the_skip_links_focus_ring_is_seen_whole_against_the_header(probe: PageProbe) -> None:
    """The first Tab shows "Langsung ke isi" over the header: its orange ring was 2.1:1 against the header's blue
    (WCAG 1.4.11 asks 3:1), and at the page's very corner its top and left sides were outside the window."""
    probe.goto("/")
    probe.page.keyboard.press("Tab")
    assert probe.page.evaluate("document.activeElement.className") == "lewati"
    ring = probe.page.evaluate(RING_JS)
    assert ring["style"] == "solid" and ring["width"] >= 2, ring
    left, top, right, bottom = ring["box"]
    assert left >= 0 and top >= 0 and right <= 1280 and bottom <= 800, ring
    low = [f"{bg}: {_contrast(ring['ring'], bg):.2f}" for bg in ring["behind"] if _contrast(ring["ring"], bg) < 3]
    assert low == [], f"cincin fokus {ring['ring']} kurang kontras dengan latarnya: {low}"
    probe.page.keyboard.press("Enter")  # and it still works: the next Tab is the first control of the page's content
    assert probe.page.evaluate("document.activeElement.id") == "isi"
    probe.page.keyboard.press("Tab")
    assert probe.page.evaluate("document.activeElement.id") == "beranda-cari"
    expect(probe.page.locator("a.lewati")).not_to_be_in_viewport()


# The sort buttons' text, the headers' aria-sort and the arrow shown beside the sorted column's button.
SORT_HEARD_JS = """() => ({
  names: Array.from(document.querySelectorAll('#tabel-perbandingan .urut-tombol')).map((b) => b.textContent),
  sort: Array.from(document.querySelectorAll('#tabel-perbandingan th[aria-sort]'))
    .map((th) => th.textContent.trim() + ' ' + th.getAttribute('aria-sort')),
  arrow: getComputedStyle(document.querySelector('#tabel-perbandingan th[aria-sort] .urut-tombol'), '::after').content,
})"""


def _button_names(probe: PageProbe) -> list[str]:
    snapshot = probe.page.locator("#tabel-perbandingan thead").aria_snapshot()
    return [" ".join(name.split()) for name in re.findall(r'- button "([^"]*)"', snapshot)]


def test_sorting_the_comparison_by_keyboard_is_heard(probe: PageProbe) -> None:
    """Enter on a column's sort button reordered the rows and said nothing: the focus stays on the button, and a
    screen reader does not read its header's aria-sort again. The button's name then became "Instansi ▲", the arrow
    read out as a symbol's name. A status beside the table now says the order; the arrow is still seen."""
    probe.goto("/perbandingan/")
    button = probe.page.locator("#tabel-perbandingan .urut-tombol").first
    expect(button).to_have_text("Instansi")
    before = _button_names(probe)
    button.focus()
    probe.page.keyboard.press("Enter")
    status = probe.page.locator(".tabel-wadah .urut-status[role=status]")
    expect(status).to_have_text("Diurutkan menurut instansi, A ke Z.")
    heard = probe.page.evaluate(SORT_HEARD_JS)
    assert heard["sort"] == ["Instansi ascending"] and "▲" in heard["arrow"], heard
    assert _button_names(probe) == before, _button_names(probe)  # no arrow in the name
    probe.page.keyboard.press("Enter")
    expect(status).to_have_text("Diurutkan menurut instansi, Z ke A.")
    assert _button_names(probe) == before
    probe.page.locator("#tabel-perbandingan .urut-tombol", has_text="Serapan anggaran").press("Enter")
    expect(status).to_have_text("Diurutkan menurut serapan anggaran, urutan naik.")
    assert probe.page.evaluate(SORT_HEARD_JS)["sort"] == ["Serapan anggaran ascending"]
    assert probe.problems() == [], probe.problems()


# The focused element inside a table's scrolling box, when part of it is outside the box's visible width.
FOCUS_CUT_JS = """() => {
  const e = document.activeElement;
  const box = e && e.closest('.tabel-wadah');
  if (!box || box === e) return null;
  const left = box.getBoundingClientRect().left + box.clientLeft, right = left + box.clientWidth;
  const r = e.getBoundingClientRect();
  if (r.left >= left - 0.5 && r.right <= right + 0.5) return null;
  return `"${e.textContent.trim().slice(0, 30)}": ${Math.round(Math.max(left - r.left, r.right - right))} px ` +
    `dari ${Math.round(r.width)} di luar kotak tabel`;
}"""


@pytest.mark.parametrize("path", ["/perbandingan/", "/perbandingan/2023/"])
def test_tab_shows_a_tables_link_or_button_whole_on_a_phone(narrow_probe: PageProbe, path: str) -> None:
    """On the comparison at 360 px Tab reached "116,19 %" at the table box's right edge and left it there: "116" in
    view, the rest and most of the focus ring beyond the edge; the sort button "Rata-rata capaian kinerja" likewise
    (chromium scrolls a box only to an element wholly out of its view)."""
    narrow_probe.goto(path)
    narrow_probe.page.evaluate("document.fonts.ready")
    in_tables, cut = narrow_probe.tab_through(80, ".tabel-wadah a, .tabel-wadah button", FOCUS_CUT_JS)
    assert in_tables >= 10, in_tables  # the walk went through the table's links and buttons
    assert cut == [], "\n".join(cut)
    assert narrow_probe.problems() == [], narrow_probe.problems()


@pytest.mark.parametrize("path, current", [("/", {}), ("/cari/", {"Cari": "page"}),
                                           ("/perbandingan/", {"Perbandingan": "page"}),
                                           ("/perbandingan/2023/", {"Perbandingan": "true"}),
                                           ("/instansi/kecamatan-pengaron/", {"Perbandingan": "true"})])
def test_the_menu_says_which_of_its_pages_the_reader_is_on(probe: PageProbe, path: str,
                                                          current: dict[str, str]) -> None:
    """The header's menu, "Cari" and "Perbandingan", said nothing of where the reader was: on the search page a screen
    reader heard "Cari, tautan" as on any other, and the comparisons of a year or an instansi were not marked as the
    comparison's. The page is aria-current="page", a page of the section "true", and the link is underlined thicker."""
    probe.goto(path)
    menu = probe.page.locator("nav.menu-situs a")
    found = {text: value for text, value in menu.evaluate_all(
        "links => links.map((a) => [a.textContent.trim(), a.getAttribute('aria-current')])") if value}
    assert found == current, found
    thickness = dict(menu.evaluate_all(  # 'auto' (the font's own, about 1 px) is read as 0
        "links => links.map((a) => [a.textContent.trim(),"
        " parseFloat(getComputedStyle(a).textDecorationThickness) || 0])"))
    assert all(thickness[text] >= 3 if text in current else thickness[text] < 3 for text in thickness), thickness


def test_escape_in_the_search_field_clears_the_results_with_the_word(probe: PageProbe) -> None:
    """Escape in the search field (a search box's own key) emptied it, and the results and the status "8 halaman
    ditemukan untuk “anggaran”" stayed below the empty field: a screen reader user back in the field heard nothing
    of it, and read results for a word no longer asked."""
    probe.goto("/cari/?q=anggaran")
    expect(probe.page.locator("#cari-status")).to_contain_text("ditemukan untuk", timeout=20_000)
    assert probe.page.locator("#cari-hasil .hasil").count() > 0
    probe.page.focus("#cari-kata")
    probe.page.keyboard.press("Escape")
    assert probe.page.input_value("#cari-kata") == ""
    expect(probe.page.locator("#cari-status")).to_have_text("")
    expect(probe.page.locator("#cari-hasil .hasil")).to_have_count(0)
    assert "q=" not in probe.page.url
    probe.page.keyboard.type("anggaran")  # typing again searches only on Enter, as before
    probe.page.keyboard.press("Enter")
    expect(probe.page.locator("#cari-status")).to_contain_text("ditemukan untuk \u201canggaran\u201d", timeout=20_000)
    assert probe.problems() == [], probe.problems()
