"""How the pages look on a phone and a desktop: spacing, alignment, the footer, the cover, the search filters.

Each test opens one page and measures what a reader saw go wrong in screenshots at 360 × 780 and 1280 × 800: a
title against the header, a grey footer halfway down a white 404 page, a bullet beside the second line of its link,
a search filter's name at the end of one line and its list on the next, a report's title squeezed beside its logo.
"""

from __future__ import annotations

from .support import PageProbe, SiteMap

# The gap (px) between the header's bottom and the first heading, and between the page's last element and the footer.
GAPS_JS = """() => {
    const header = document.querySelector('.kepala-situs').getBoundingClientRect();
    const h1 = document.querySelector('main h1').getBoundingClientRect();
    const main = document.querySelector('main');
    const last = main.lastElementChild.getBoundingClientRect();
    const footer = document.querySelector('.kaki-situs').getBoundingClientRect();
    return {top: h1.top - header.bottom, bottom: footer.top - last.bottom};
}"""


def test_home_page_title_and_last_report_are_clear_of_header_and_footer(probe: PageProbe) -> None:
    """The page's title is 24 px below the header and its last report 32 px above the footer: .wadah's side padding
    (a class) won over main's own (a tag), the title was 8 px under the header and the content against the footer."""
    probe.goto("/")
    gaps = probe.page.evaluate(GAPS_JS)
    assert gaps["top"] >= 24, f"judul halaman hanya {gaps['top']:.0f} px di bawah kepala situs"
    assert gaps["bottom"] >= 32, f"isi terakhir hanya {gaps['bottom']:.0f} px di atas kaki situs"


def test_footer_of_a_short_page_reaches_the_bottom_of_the_window(probe: PageProbe) -> None:
    """On the 404 page (three lines) the footer ends at the window's bottom: it ended at 342 px of 800, the rest of
    the screen white below a grey band."""
    probe.goto("/404.html")
    bottom = probe.page.evaluate("document.querySelector('.kaki-situs').getBoundingClientRect().bottom")
    height = probe.page.evaluate("window.innerHeight")
    assert bottom >= height - 0.5, f"kaki situs berakhir pada {bottom:.0f} px dari {height} px"
    assert probe.page.evaluate("document.documentElement.scrollHeight") <= height  # and the page does not scroll


# For each list item whose link wraps: a bullet's place (a probe of no width at the item's start, on its first line's
# baseline as the marker is) against the link's first line. Returns the items whose bullet is not beside that line.
BULLETS_JS = """(selector) => {
    const out = [];
    for (const li of document.querySelectorAll(selector)) {
        const link = li.querySelector('a');
        if (link.getClientRects().length === 0) continue;
        const probe = document.createElement('span');
        probe.textContent = '•';
        probe.style.cssText = 'display: inline-block; width: 0';  /* as the marker, it takes no room in the line */
        li.prepend(probe);
        const char = (at) => {
            const range = document.createRange();
            range.setStart(link.firstChild, at);
            range.setEnd(link.firstChild, at + 1);
            return range.getBoundingClientRect();
        };
        const first = char(0);
        const wraps = char(link.firstChild.length - 1).top > first.bottom;
        const dot = probe.getBoundingClientRect();
        probe.remove();
        if (wraps && Math.abs((dot.top + dot.bottom) / 2 - (first.top + first.bottom) / 2) > first.height / 2) {
            const name = link.textContent.trim().slice(0, 40);
            out.push(`${name}: titik ${Math.round(dot.top)} px, baris pertama ${Math.round(first.top)} px`);
        }
    }
    return out;
}"""


def test_bullet_of_a_wrapped_link_is_beside_its_first_line_on_a_phone(narrow_probe: PageProbe,
                                                                      site_map: SiteMap) -> None:
    """On a phone a list's bullet stands beside the first line of its link, as beside a wrapped sentence: the
    report's list of tables and figures and its downloads had each bullet beside the link's last line."""
    narrow_probe.goto(site_map.reports[0].url)
    wrapped = narrow_probe.page.evaluate("[...document.querySelectorAll('.daftar-tabel li a')].filter("
                                         "(a) => a.getBoundingClientRect().height > 60).length")
    assert wrapped, "tidak ada tautan daftar tabel yang terlipat di ponsel: uji ini tidak menguji apa-apa"
    misplaced = narrow_probe.page.evaluate(BULLETS_JS, ".daftar-tabel li, .unduhan li, .daftar-ringkas li")
    assert misplaced == [], "Titik daftar tidak sejajar dengan baris pertama tautannya:\n" + "\n".join(misplaced)


def test_search_filters_name_beside_their_list_on_a_phone(narrow_probe: PageProbe) -> None:
    """At 360 px each of the search's filters has its name on its list's line, left of it: "Instansi" ended the
    first line and its list began the next, the name read as belonging to the year's list."""
    narrow_probe.goto("/cari/")
    pairs = narrow_probe.page.evaluate("""() => [...document.querySelectorAll('.cari-saring label')].map((label) => {
        const l = label.getBoundingClientRect();
        const s = document.getElementById(label.htmlFor).getBoundingClientRect();
        return [label.textContent, (l.top + l.bottom) / 2 > s.top && (l.top + l.bottom) / 2 < s.bottom
                && l.right <= s.left];
    })""")
    assert len(pairs) == 2
    assert [name for name, beside in pairs if not beside] == []


def test_report_title_has_the_phone_width(narrow_probe: PageProbe, site_map: SiteMap) -> None:
    """On a phone a report's title is as wide as the page's text, the logo above it: beside the logo it had three
    quarters of the width, six lines of two words and an empty column under the logo."""
    narrow_probe.goto(site_map.reports[0].url)
    widths = narrow_probe.page.evaluate("""() => {
        const main = document.querySelector('main');
        const style = getComputedStyle(main);
        const text = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return [document.querySelector('.sampul h1').getBoundingClientRect().width, text];
    }""")
    assert widths[0] >= widths[1] - 1, f"judul laporan {widths[0]:.0f} px dari lebar teks {widths[1]:.0f} px"


# The gaps either side of each "·" between two links of a navigation line: [before, after] in px.
SEPARATOR_GAPS_JS = """() => {
    const rect = (node, from, to) => {
        const range = document.createRange();
        range.setStart(node, from);
        range.setEnd(node, to);
        return range.getBoundingClientRect();
    };
    const out = [];
    for (const text of document.querySelectorAll('.portal-nav p')) {
        for (const node of text.childNodes) {
            const prev = node.previousSibling, next = node.nextSibling;
            const between = prev?.tagName === 'A' && next?.tagName === 'A';
            if (node.nodeType !== 3 || node.textContent.trim() !== '·' || !between) continue;
            const before = rect(prev.firstChild, prev.firstChild.length - 1, prev.firstChild.length);
            const after = rect(next.firstChild, 0, 1);
            const dot = rect(node, node.textContent.indexOf('·'), node.textContent.indexOf('·') + 1);
            if (before.top !== after.top) continue;  /* the line wraps at this dot */
            out.push([prev.textContent, dot.left - before.right, after.left - dot.right]);
        }
    }
    return out;
}"""


def test_dots_between_short_links_are_evenly_spaced_on_a_phone(narrow_probe: PageProbe) -> None:
    """On a phone "Per tahun: 2024 · 2023 · 2022" has as much room before each dot as after it: a year's link is
    44 px wide to be tapped, its text was at the box's left, and the gap stood before each dot (13 px to 4)."""
    narrow_probe.goto("/perbandingan/")
    gaps = narrow_probe.page.evaluate(SEPARATOR_GAPS_JS)
    assert any(name == "2024" for name, _, _ in gaps), gaps
    uneven = [f"{name} · ({before:.0f} px, {after:.0f} px)" for name, before, after in gaps if abs(before - after) > 2]
    assert uneven == [], "Jarak sebelum dan sesudah titik pemisah tidak sama:\n" + "\n".join(uneven)
