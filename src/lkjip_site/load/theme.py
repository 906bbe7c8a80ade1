"""Stage 1, a site's own theme: what its files may not bring onto the public pages.

The shipped theme is part of the program and tested with it; a site's theme (``<site>/themes/<tema>/``) is the
webmaster's. Its SVGs are checked as a report's images are (no scripts, nothing fetched), and its page templates are
read for what the site's Content-Security-Policy blocks in every browser (an inline ``<script>``, a ``style``
attribute, an image from another server): it built with "0 galat" and the browser refused three things on every page.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..core.diagnostics import Diagnostics
from ..core.paths import rel_path
from ..core.resources import DEFAULT_THEME
from .svgcheck import check_svg

#: What a page template may not hold, with what to do instead. The PDF's templates (``templates/pdf/``) are not
#: pages of the site: WeasyPrint reads their inline styles and no browser does.
_BLOCKED = (
    (re.compile(r"<script\b(?![^>]*\bsrc\s*=)(?![^>]*\btype\s*=\s*[\"']?application/(?:ld\+)?json)[^>]*>", re.I),
     "skrip di dalam halaman (<script> tanpa src) diblokir Content-Security-Policy situs; simpan skripnya sebagai "
     "berkas di static/js/ dan muat dengan <script src=\"{{ url(asset['aset/js/…']) }}\" defer>"),
    (re.compile(r"<style\b", re.I),
     "elemen <style> diblokir Content-Security-Policy situs; pindahkan aturannya ke berkas CSS di static/css/"),
    (re.compile(r"\sstyle\s*=\s*[\"']", re.I),
     "atribut style diblokir Content-Security-Policy situs; beri elemen itu kelas, lalu tulis aturannya di berkas CSS "
     "di static/css/"),
    (re.compile(r"\son[a-z]+\s*=\s*[\"']", re.I),
     "atribut on… (skrip di dalam halaman) diblokir Content-Security-Policy situs; tulis perilakunya di berkas "
     "skrip di static/js/"),
    (re.compile(r"<(?:img|script|iframe|video|audio|source|embed|object)\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//"
                r"|<link\b[^>]*\brel\s*=\s*[\"']?(?:stylesheet|icon|preload)\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//",
                re.I),
     "berkas dari server lain tidak dimuat: Content-Security-Policy situs hanya mengizinkan berkas situs sendiri "
     "(dan pembaca tidak dilacak pihak lain); simpan salinannya di static/ dan rujuk dengan {{ url(asset[...]) }}"),
)


def check_site_theme(root: Path, tema: str, diags: Diagnostics) -> None:
    """The site's own theme folders (``tema``, and ``default`` where the site overrides files of it)."""
    for name in dict.fromkeys((tema, DEFAULT_THEME)):
        folder = root / "themes" / name
        if not folder.is_dir():
            continue
        for svg in sorted((folder / "static").rglob("*.svg")):
            if svg.is_file():
                check_svg(svg, rel_path(svg, root), diags)
        templates = folder / "templates"
        for page in sorted(templates.rglob("*.html")):
            if page.is_file() and page.relative_to(templates).parts[0] != "pdf":
                _check_template(page, rel_path(page, root), diags)


def _check_template(path: Path, rel: str, diags: Diagnostics) -> None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return  # the template loader says so, at the file, when the template is used
    for number, line in enumerate(text.splitlines(), 1):
        for pattern, message in _BLOCKED:
            found = pattern.search(line)
            if found:
                diags.warn((rel, number), f"'{found.group(0).strip()[:60]}': {message}")
