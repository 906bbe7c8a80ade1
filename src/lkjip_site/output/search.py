"""Search: the search page, and a Pagefind index of every report and chapter page, made at build time.

Pagefind (the ``pagefind`` Python package with its binary from ``pagefind[bin]``) indexes the rendered HTML and
writes a static index (WebAssembly, index chunks, fragments) that the browser queries itself; there is no search
service to run. The index is made from the pages in memory: they are written to a temporary folder, indexed there,
and the index files are read back into the build's ``{path: bytes}``, so a failed index never touches ``build/``
(publishing stays one atomic swap) and the index is part of the deterministic output.

One index (a Pagefind *bundle*, ``pagefind/<tahun>/``) per report year, listed newest first in
``pagefind/bundel.json``. Pagefind cannot update an index (Pagefind/pagefind#71), so one index of the whole archive
was made again on every build, in time and memory growing with every year published. An edit now indexes again only
its own year's pages; the other years' bundles come from the memo, byte for byte. In the browser ``cari.js`` opens
the newest bundle and merges the others into it (Pagefind's ``mergeIndex``: one WebAssembly module, each merged
bundle adds its small metadata file and the index chunks of the words searched), so a search still covers every
year, ranked together. The program files (``pagefind.js``, the worker, the WebAssembly) are published only with the
newest bundle, the one the browser loads them from.

What is indexed is decided by the templates: report and chapter pages mark their content with
``data-pagefind-body`` and carry metadata (year, instansi, report, version) that ``aset/js/cari.js`` uses, with the
search page's list of newest versions, to group results by report and version and to put old versions last.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from collections.abc import Callable, Collection, Mapping
from typing import Any

from ..core.diagnostics import Diagnostics
from ..core.files import Held, content, held_items
from ..core.heap import release_freed_memory
from ..core.memo import ContentHashes, Memo, pack_files, unpack_files
from ..core.model import Site
from .discovery import page_meta, reports_by_year
from .theme import memoised, render_page
from .versions import VersionInfo

SEARCH_URL = "cari/"
INDEX_DIR = "pagefind"
#: The list of bundles, newest first, that ``cari.js`` reads to know which to open and which to merge.
BUNDLES = "bundel.json"
#: The bundle of indexed pages without a year in their metadata.
OTHER = "lain"
_BODY = b"data-pagefind-body"
_YEAR = re.compile(rb'data-pagefind-meta="tahun">(\d{4})<')
TIMEOUT_S = 300
#: Where a chart drawn inline starts and ends (see :func:`without_charts`).
_SVG_OPEN, _SVG_CLOSE = b"<svg", b"</svg>"
_NAME_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
#: A table cell that holds only a number (the theme's class "angka": values, percentages, rupiah). A reader searches
#: by words (an indicator, a kecamatan, "tidak tercapai", which stay), not by a measured value; every distinct
#: number was a word of its own in the index. Without them, on 100 reports (1 228 pages), Pagefind needs a third less
#: memory (402 → 268 MB) and a fifth less time, and the published index is 29 % smaller (5,3 → 3,8 MB), less for a
#: phone to fetch. Numbers written in the narrative stay searchable.
_NUMBER_CELL = re.compile(
    rb'(<td\b[^>]*\sclass="angka(?: [^"]*)?"[^>]*>)(?:[-+\d.,%\s]|&nbsp;|\xc2\xa0|\xe2\x88\x92)*(</td>)')
#: Pagefind's ready-made interfaces; the theme has its own (aset/js/cari.js), so they are not published.
UNUSED = ("pagefind-ui.", "pagefind-modular-ui.", "pagefind-component-ui.", "pagefind-highlight.")


def render_search(site: Site, env: Any, ctx: dict[str, Any], memo: Memo, theme_key: str,
                  newest: list[VersionInfo]) -> dict[str, bytes]:
    """The search page: form, filters for year and instansi, and (without JavaScript) the lists of reports.

    ``newest`` is the newest version of each report (archived or not). The page hands it to ``cari.js`` as
    ``data-terbaru`` (slug -> version): a released page's own bytes never change, so whether a result is an old
    version is decided here, by the build that knows every version, not by the page.
    """
    years = sorted({r.tahun for r in newest}, reverse=True)
    instansi = sorted({r.instansi.nama for r in newest})
    meta = page_meta(site, f"Cari laporan — {site.config.judul}",
                     f"Cari kata di semua laporan kinerja {site.config.pemda}, menurut tahun dan instansi.", SEARCH_URL)
    terbaru = json.dumps({v.slug: v.versi for v in sorted(newest, key=lambda v: v.slug)}, ensure_ascii=False,
                         separators=(",", ":"))
    key = memo.key("cari", theme_key, repr(newest), years, instansi, repr(meta))
    page = SEARCH_URL + "index.html"
    return {page: memoised(memo, key, page, lambda: render_page(
        env, "cari.html", SEARCH_URL, years=years, instansi=instansi, groups=reports_by_year(newest), meta=meta,
        terbaru=terbaru, **ctx))}


def index_pages(files: Mapping[str, bytes], diags: Diagnostics, memo: Memo | None = None,
                sha: Callable[[Held], str] | None = None) -> dict[str, bytes]:
    """The Pagefind bundles (``pagefind/<tahun>/…``, newest first in ``pagefind/bundel.json``) of the report and
    chapter pages in ``files``; ``memo`` keeps each bundle while its own pages are unchanged. ``sha``: the build's
    hashes of its output (``ContentHashes``), which the audit has already taken of every page.

    A failure (binary missing, Pagefind error) is a diagnostic: the build stops before anything is written.
    """
    groups = pages_by_year(files)
    index: dict[str, bytes] = {f"{INDEX_DIR}/{BUNDLES}": json.dumps({"bundel": list(groups)}).encode("utf-8") + b"\n"}
    version = _binary_version() if memo is not None and groups else ""
    sha = sha or ContentHashes()
    for position, (name, pages) in enumerate(groups.items()):
        key = memo.key("pagefind", version, "tanpa-grafik-dan-angka-tabel", name,
                       sorted((p, sha(d)) for p, d in pages.items())) if memo is not None else None
        # held unpacked by the session (its ``index``), so not packed in memory as well
        stored = memo.get(key, hold=False) if memo is not None and key is not None else None
        if stored is not None:
            bundle = unpack_files(stored)
        else:
            try:
                bundle = _run_pagefind(pages, f"{INDEX_DIR}/{name}")
            except (OSError, subprocess.SubprocessError, RuntimeError) as exc:
                diags.error(("situs.yaml", 1), f"indeks pencarian (Pagefind) tidak dapat dibuat: {exc}")
                return {}
            if memo is not None and key is not None:
                memo.put(key, pack_files(bundle), hold=False)
        index.update(bundle if position == 0 else
                     {path: data for path, data in bundle.items() if not _program_file(path)})
    return index


def pages_by_year(files: Mapping[str, bytes]) -> dict[str, dict[str, Held]]:
    """The pages Pagefind indexes (those whose template marks ``data-pagefind-body``), by report year, newest year
    first; a page without the year in its search metadata (a release made before it was written) in ``lain``, last.
    A page held by reference stays one (read here, and again only if its year's bundle is made).
    """
    groups: dict[str, dict[str, Held]] = {}
    for path, held in sorted(held_items(files)):
        if not path.endswith(".html"):
            continue
        data = content(held)
        if _BODY in data:
            found = _YEAR.search(data)
            groups.setdefault(found.group(1).decode("ascii") if found else OTHER, {})[path] = held
    return {name: groups[name] for name in _newest_first(groups)}


def _newest_first(names: Collection[str]) -> list[str]:
    years = sorted((n for n in names if n != OTHER), reverse=True)
    return years + [OTHER] * (OTHER in names)


def _program_file(path: str) -> bool:
    """Pagefind's own program in a bundle: the browser loads it once, from the newest bundle only."""
    name = path.rsplit("/", 1)[-1]
    return name in ("pagefind.js", "pagefind-worker.js") or name.startswith("wasm.")


def published_index(output: Path, on_disk: Mapping[str, str], held: Mapping[str, bytes] | None = None,
                    sha: Callable[[bytes], str] | None = None) -> dict[str, bytes]:
    """The index files already in ``output`` (``on_disk``: the published files, checked against the build record),
    for a preview rebuild that refreshes the index afterwards. ``held``: the files a preview session published
    last, taken instead of reading them again when ``sha`` shows they are the ones on disk."""
    index = {}
    for rel in sorted(on_disk):
        if rel.startswith(INDEX_DIR + "/"):
            data = held.get(rel) if held is not None else None
            index[rel] = data if data is not None and sha is not None and sha(data) == on_disk[rel] else \
                (output / rel).read_bytes()
    return index


def _executable() -> Path:
    from pagefind.service import get_executable  # slow-ish import (asyncio), only when an index is made

    found = get_executable()
    if found is None:
        raise RuntimeError("program pagefind tidak ditemukan; pasang paket 'pagefind[bin]' (bash scripts/setup.sh)")
    return found


def _binary_version() -> str:
    try:
        out = subprocess.run([str(_executable()), "--version"], capture_output=True, text=True, timeout=60, check=True)
    except (OSError, subprocess.SubprocessError, RuntimeError):
        return "?"
    return out.stdout.strip()


def searchable(page: bytes) -> bytes:
    """The page as Pagefind is given it: without inline charts and without the numbers of table cells."""
    return _NUMBER_CELL.sub(rb"\1\2", without_charts(page))


def without_charts(page: bytes) -> bytes:
    """``page`` without its inline charts (``<svg …>`` up to the first ``</svg>``; an unclosed one stays).

    A chart's words (axis labels, tick values) are those of its caption and table, so Pagefind is given the page
    without it: a quarter less indexing time on a kabupaten archive, and no hits on tick labels. Found with
    ``bytes.find`` rather than the regular expression ``<svg\\b.*?</svg>`` (the same result): the expression's
    lazy scan through every chart was most of the time spent preparing a year's pages for Pagefind.
    """
    parts, pos = [], 0
    start = page.find(_SVG_OPEN)
    while start != -1:
        after = start + len(_SVG_OPEN)
        if after < len(page) and page[after] in _NAME_BYTES:  # <svgfoo: another element
            start = page.find(_SVG_OPEN, after)
            continue
        end = page.find(_SVG_CLOSE, after)
        if end == -1:
            break
        parts.append(page[pos:start])
        pos = end + len(_SVG_CLOSE)
        start = page.find(_SVG_OPEN, pos)
    parts.append(page[pos:])
    return b"".join(parts)


def _run_pagefind(pages: dict[str, Held], subdir: str) -> dict[str, bytes]:
    """One bundle: ``pages`` written where they are published (their URLs are the index's), indexed into ``subdir``."""
    with tempfile.TemporaryDirectory(prefix="lkjip-cari-") as tmp:
        site = Path(tmp) / "situs"
        for rel, data in pages.items():
            target = site / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(searchable(content(data)))
        release_freed_memory()  # Pagefind beside the build is the build's peak: its freed blocks go back first
        proc = subprocess.run([str(_executable()), "--site", str(site), "--output-subdir", subdir, "--silent"],
                              capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
        if proc.returncode != 0:
            raise RuntimeError((proc.stderr or proc.stdout).strip()[-500:] or f"kode keluar {proc.returncode}")
        out = site / subdir
        index = {f"{subdir}/{p.relative_to(out).as_posix()}": p.read_bytes()
                 for p in sorted(out.rglob("*")) if p.is_file() and not p.name.startswith(UNUSED)}
        shutil.rmtree(site, ignore_errors=True)
    return index
