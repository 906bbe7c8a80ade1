"""How the pages look on a phone and a desktop: spacing, alignment, the footer, the cover, the search filters.

Each test opens one page and measures what a reader saw go wrong in screenshots at 360 × 780 and 1280 × 800: a
title against the header, a grey footer halfway down a white 404 page, a bullet beside the second line of its link,
a search filter's name at the end of one line and its list on the next, a report's title squeezed beside its logo.
"""

from __future__ import annotations

from .support import PageProbe

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
