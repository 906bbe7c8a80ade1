"""Search: the search page, and a Pagefind index of every report and chapter page, made at build time.

Pagefind (the ``pagefind`` Python package with its binary from ``pagefind[bin]``) indexes the rendered HTML and
writes a static index (WebAssembly, index chunks, fragments) that the browser queries itself; there is no search
service to run. The index is made from the pages in memory: they are written to a temporary folder, indexed there,
and the index files are read back into the build's ``{path: bytes}``, so a failed index never touches ``build/``
(publishing stays one atomic swap) and the index is part of the deterministic output.

One index (a Pagefind *bundle*, ``pagefind/<tahun>/``) per report year, listed newest first in
``pagefind/bundel.json``. Pagefind cannot update an index (Pagefind/pagefind#71), so one index of the whole archive
was made again on every build, in time and memory growing with every year published. An edit now indexes again only
its own year's pages; the other years' bundles come from the memo, byte for byte. A year of more than
``MAX_BUNDLE_PAGES`` pages is cut into several bundles of whole reports (``pagefind/<tahun>/``,
``pagefind/<tahun>-2/``, …): Pagefind holds a bundle's whole index in memory (about a quarter of a megabyte per
page), so the cut bounds its memory beside the build, and an edit indexes again only its own part of the year. In
the browser ``cari.js`` opens the newest bundle and merges the others into it (Pagefind's ``mergeIndex``: one
WebAssembly module, each merged bundle adds its small metadata file and the index chunks of the words searched), so
a search still covers every year, ranked together. The program files (``pagefind.js``, the worker, the
WebAssembly) are published only with the newest bundle, the one the browser loads them from.

What is indexed is decided by the templates: report and chapter pages mark their content with
``data-pagefind-body`` and carry metadata (year, instansi, report, version) that ``aset/js/cari.js`` uses, with the
search page's list of newest versions, to group results by report and version and to put old versions last.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from collections.abc import Callable, Collection, Mapping
from typing import Any

from ..compute.jenis_instansi import Kind, grouped_by_kind
from ..core.diagnostics import Diagnostics
from ..core.files import Held, bodies_of, content, held_items, size
from ..core.heap import release_freed_memory
from ..core.memo import ContentHashes, Memo, digest, keeping, pack_files, unpack_files
from ..core.model import Site
from ..core.refusals import refused
from .discovery import page_meta, reports_by_year
from .inline import SVG_CLOSE, SVG_OPEN, without_charts
from .parts import readable_part
from .theme import memoised, render_page
from .versions import VersionInfo

SEARCH_URL = "cari/"
INDEX_DIR = "pagefind"
#: The list of bundles, newest first, that ``cari.js`` reads to know which to open and which to merge.
BUNDLES = "bundel.json"
#: The bundle of indexed pages without a year in their metadata.
OTHER = "lain"
#: The most pages one Pagefind run indexes, unless one report alone has more (a report is never cut). Pagefind's peak
#: grows with the pages it is given (about 0,25 MB a page: 342 MB for one year of the N = 500 benchmark, 1 375
#: pages, beside a preview holding 770 MB); 500 pages keep it near 125 MB, and a kabupaten's year (some 45 reports
#: of eleven pages) in one bundle, so a search on a phone fetches few more files.
MAX_BUNDLE_PAGES = 500
_BODY = b"data-pagefind-body"
_YEAR = re.compile(rb'data-pagefind-meta="tahun">(\d{4})<')
#: The name of :func:`_search_year`'s answer among a page's facts (``ContentHashes.fact``): what it depends on,
#: hashed (the cache's facts file repeats it for every page).
_YEAR_FACT = "tahun-cari " + digest(_BODY, _YEAR.pattern, OTHER)[:16]
#: What Pagefind reads of a page outside its indexed element (tried on Pagefind 1.5, each alone, see
#: ``tests/test_web.py``): its metadata and filters wherever they are (``data-pagefind-…``), the first ``<h1>`` (a
#: result's title; the ``<title>`` if there is none) and an ``<img>`` (its image) of the whole page, and the page's
#: language (``<html lang>``); not the header's or footer's text, the ``<meta>`` description or Open Graph tags.
_READ_OUTSIDE = (b"data-pagefind", b"<h1", b"<img")
#: A start tag (its name, its attributes) and an attribute's name, as HTML writes them.
_ATTRIBUTE = rb"""\s+([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""
_START_TAG = re.compile(rb"<([a-zA-Z][a-zA-Z0-9-]*)((?:" + _ATTRIBUTE + rb")*)\s*/?>")
_ATTRIBUTE_NAME = re.compile(_ATTRIBUTE)
#: The result's title is the page's ``<title>`` when it has no ``<h1>`` (tried as above).
_H1 = re.compile(rb"<h1[\s>]", re.I)
_HTML_TAG = re.compile(rb"<html\b[^>]*>", re.I)
#: Bump when :func:`pagefind_input` changes what it keeps (the facts file keeps its digest of a stored page).
_INPUT_FORMAT = "1"
TIMEOUT_S = 300
#: Linux's memory file system, for Pagefind's scratch copy of a bundle (see :func:`scratch_folder`).
MEMORY_SCRATCH = Path("/dev/shm")
#: Room left free on it beyond three times a bundle's pages (a container's /dev/shm may be only 64 MB).
SCRATCH_MARGIN = 16 * 1024 * 1024
#: The name every scratch copy's folder starts with.
SCRATCH_PREFIX = "lkjip-cari-"
#: A scratch copy in memory older than this was left by a build that was killed (a Pagefind run is stopped after
#: ``TIMEOUT_S``): removed by the next build that indexes (see :func:`sweep_scratch`).
STALE_AFTER_S = 3 * TIMEOUT_S
#: A table cell that holds only a number (the theme's class "angka": values, percentages, rupiah). A reader searches
#: by words (an indicator, a kecamatan, "tidak tercapai", which stay), not by a measured value; every distinct
#: number was a word of its own in the index. Without them, on 100 reports (1 228 pages), Pagefind needs a third less
#: memory (402 → 268 MB) and a fifth less time, and the published index is 29 % smaller (5,3 → 3,8 MB), less for a
#: phone to fetch. Numbers written in the narrative stay searchable.
_NUMBER_CELL = re.compile(
    rb'(<td\b[^>]*\sclass="angka(?: [^"]*)?"[^>]*>)(?:[-+\d.,%\s]|&nbsp;|\xc2\xa0|\xe2\x88\x92)*(</td>)')
#: A table cell or row closed right before the next opens: Pagefind joins their words ("NoSasaran strategisIndikator
#: kinerja" in a result's excerpt), so a space is put between.
_CELL_END = re.compile(rb"(</t[dhr]>)(?=<)")
#: An N/A's note number beside it ("N/A<sup>1</sup>" was excerpted "N/A1").
_NOTE_MARK = re.compile(rb'<sup class="na-ref">.*?</sup>')
#: The name among a page's facts of the digest of what Pagefind is given of it (:func:`pagefind_input`).
_INPUT_FACT = "masukan-cari " + digest(_INPUT_FORMAT, _BODY, _READ_OUTSIDE, _START_TAG.pattern, _HTML_TAG.pattern,
                                       _H1.pattern, SVG_OPEN, SVG_CLOSE, _NUMBER_CELL.pattern, _CELL_END.pattern,
                                       _NOTE_MARK.pattern)[:16]
#: Pagefind's ready-made interfaces; the theme has its own (aset/js/cari.js), so they are not published.
UNUSED = ("pagefind-ui.", "pagefind-modular-ui.", "pagefind-component-ui.", "pagefind-highlight.")


def render_search(site: Site, env: Any, ctx: dict[str, Any], memo: Memo, theme_key: str,
                  newest: list[VersionInfo],
                  successors: Mapping[tuple[str, str], tuple[str, str, str]] | None = None,
                  instansi_pages: Mapping[str, list[str]] | None = None) -> dict[str, bytes]:
    """The search page: form, filters for year and instansi, and (without JavaScript) the lists of reports.

    ``newest`` is the newest version of each report (archived or not). The page hands it to ``cari.js`` as
    ``data-terbaru`` (slug -> version): a released page's own bytes never change, so whether a result is an old
    version is decided here, by the build that knows every version, not by the page.

    The instansi filter's options are ``pilihan_instansi`` (value, label: :func:`instansi_choices`), the same under
    a heading a kind of instansi ``pilihan_per_jenis`` (:func:`choices_by_kind`, an ``<optgroup>`` each), and each
    report's whose name is shared or was renamed ``data-instansi``; ``instansi`` is still every name once, what a
    site theme's copy of ``cari.html`` from before lists: its filter stays as it was (a shared name, all instansi of
    that name). ``successors``: (nama, pemda) of each earlier name of an instansi renamed → (nama, pemda, address)
    of its current name (``portal.Lineage.successors``); ``nama_lama`` (``data-nama-lama``) tells ``cari.js``
    which page a search for an earlier name leads to.

    ``instansi_pages``: each instansi's page (from the site root) → [how the portal names it, its current name, its
    earlier names] (``portal.instansi_pages``); ``halaman_instansi`` (``data-halaman-instansi``) lets ``cari.js``
    link the page of the instansi a search names ("pupr", "pengaron"), said above the results. Why not in the index:
    its heading names it with words every instansi has ("Kinerja", "Kecamatan"), so a search of one listed every
    instansi page among the reports, and a filter read each of their fragments to leave them out; a search naming
    an instansi found its reports only, never its page of every year.
    """
    successors = successors or {}
    years = sorted({r.tahun for r in newest}, reverse=True)
    choices, units, kinds = instansi_choices(newest, successors)
    by_kind = choices_by_kind(choices, kinds)
    lama = {nama: [now, f"instansi/{address}/"] for (nama, _), (now, _, address) in successors.items()}
    meta = page_meta(site, f"Cari laporan — {site.config.judul}",
                     f"Cari kata di semua laporan kinerja {site.config.pemda}, menurut tahun dan instansi.", SEARCH_URL)
    terbaru = json.dumps({v.slug: v.versi for v in sorted(newest, key=lambda v: v.slug)}, ensure_ascii=False,
                         separators=(",", ":"))
    unit_json = json.dumps(units, ensure_ascii=False, separators=(",", ":"))
    lama_json = json.dumps(dict(sorted(lama.items())), ensure_ascii=False, separators=(",", ":"))
    pages_json = json.dumps(dict(sorted((instansi_pages or {}).items())), ensure_ascii=False, separators=(",", ":"))
    key = memo.key("cari", theme_key, repr(newest), years, choices, repr(by_kind), unit_json, lama_json, pages_json,
                   repr(meta))
    page = SEARCH_URL + "index.html"
    return {page: memoised(memo, key, page, lambda: render_page(
        env, "cari.html", SEARCH_URL, years=years, pilihan_instansi=choices, pilihan_per_jenis=by_kind,
        instansi_laporan=unit_json,
        nama_lama=lama_json, halaman_instansi=pages_json,
        instansi=sorted({r.instansi.nama for r in newest}), groups=reports_by_year(newest, site.config.pemda),
        meta=meta, terbaru=terbaru, **ctx))}


def instansi_choices(newest: Collection[VersionInfo],
                     successors: Mapping[tuple[str, str], tuple[str, str, str]] | None = None,
                     ) -> tuple[list[tuple[str, str]], dict[str, list[str]], list[Kind]]:
    """The search page's instansi filter: its options (value, label), names in alphabetical order regardless of
    letter case ("Bappeda" before "BPKAD"); for each report (slug) whose instansi's name another pemda's instansi
    shares, [its option's value, its pemda] (``data-instansi`` for ``cari.js``); and each option's kind of instansi.

    A name one pemda has is one option, its value the name, the URL parameter it always had (``?instansi=…``). A
    name several pemdas share was one option of both: "Dinas Pendidikan" filtered the results to the kabupaten's and
    the province's alike. It is now an option per pemda, named with it ("Dinas Pendidikan (Pemerintah Kabupaten
    Banjar)"), after one for all of them whose value is the bare name, so a link written before the name was shared
    still finds that instansi, and the others of its name. A released page's metadata names its instansi only (its
    bytes never change): which pemda's it is comes from its report (slug), which this build knows.

    An instansi renamed (``successors``: :func:`render_search`) is one option, its current name's, labelled with
    its earlier names ("Dinas PUPR (dahulu: Dinas Pekerjaan Umum)"), and the reports of its earlier names are its:
    "Dinas Pekerjaan Umum" and "Dinas PUPR" were two options, each half of the instansi's years."""
    successors = successors or {}
    pemdas: dict[str, set[str]] = {}
    for r in newest:
        pemdas.setdefault(r.instansi.nama, set()).add(r.instansi.pemda)

    def value(nama: str, pemda: str) -> str:
        return nama if len(pemdas.get(nama, ())) <= 1 else f"{nama} ({pemda})"

    listed = {(r.instansi.nama, r.instansi.pemda) for r in newest}
    now = {pair: value(*later[:2]) for pair, later in successors.items() if later[:2] in listed}
    earlier: dict[str, set[str]] = {}
    for (nama, _), shown in now.items():
        earlier.setdefault(shown, set()).add(nama)

    def label(shown: str) -> str:
        return f"{shown} (dahulu: {', '.join(sorted(earlier[shown]))})" if shown in earlier else shown

    kind = {r.instansi.nama: r.instansi.kind for r in sorted(newest, key=lambda r: r.slug)}
    options: list[tuple[str, str]] = []
    kinds: list[Kind] = []
    for nama in sorted(pemdas, key=lambda n: (n.casefold(), n)):
        kept = sorted(p for p in pemdas[nama] if (nama, p) not in now)
        if len(pemdas[nama]) == 1:
            added = [(nama, label(nama))] if kept else []
        else:
            added = [(nama, f"{nama} (semua pemda)"), *((value(nama, p), label(value(nama, p))) for p in kept)]
        options += added
        kinds += [kind[nama]] * len(added)
    units = {r.slug: [now.get((r.instansi.nama, r.instansi.pemda), value(r.instansi.nama, r.instansi.pemda)),
                      r.instansi.pemda if len(pemdas[r.instansi.nama]) > 1 else ""]
             for r in sorted(newest, key=lambda r: r.slug)
             if len(pemdas[r.instansi.nama]) > 1 or (r.instansi.nama, r.instansi.pemda) in now}
    return options, units, kinds


def choices_by_kind(options: list[tuple[str, str]], kinds: list[Kind]) -> list[tuple[str, list[tuple[str, str]]]]:
    """The filter's options (:func:`instansi_choices`) under a heading a kind (Dinas, Badan … Kecamatan), in the order
    of a pemda's organisation, each in the order given; none when they are of one kind (no heading then). Why: on a
    phone the filter was one list of every instansi ("BPKAD", "Bappeda", "Dinas …", "Inspektorat", then the
    kecamatan), and a citizen scrolled the wheel through the dinas and badan to find their kecamatan."""
    groups = grouped_by_kind(zip(options, kinds, strict=True), lambda pair: pair[1].key)
    if len(groups) < 2:
        return []
    return [(kind.heading, [option for option, _ in listed]) for kind, listed in groups]


def index_pages(files: Mapping[str, bytes], diags: Diagnostics, memo: Memo | None = None,
                sha: ContentHashes | None = None, fixed: Collection[str] = frozenset()) -> dict[str, bytes]:
    """The Pagefind bundles (``pagefind/<tahun>/…``, newest first in ``pagefind/bundel.json``) of the report and
    chapter pages in ``files``; ``memo`` keeps each bundle while what Pagefind is given of its pages is unchanged.
    ``sha``: the build's hashes of its output (``ContentHashes``), which the audit has already taken of every page,
    and which knows the year of each page, and what Pagefind is given of it, the memo held in the last build.
    ``fixed``: the paths whose bytes never change (released versions), kept under their hash (see :func:`_bundle`).

    A failure (binary missing, Pagefind error) is a diagnostic: the build stops before anything is written.
    """
    sha = sha or ContentHashes()
    bodies = bodies_of(files)
    groups = bundles(pages_by_year(files, sha))
    index: dict[str, bytes] = {f"{INDEX_DIR}/{BUNDLES}": json.dumps({"bundel": list(groups)}).encode("utf-8") + b"\n"}
    version = _binary_version() if memo is not None and groups else ""
    for position, (name, pages) in enumerate(groups.items()):
        try:
            bundle = _bundle(pages, memo, version, sha, fixed, bodies)
        except (OSError, subprocess.SubprocessError, RuntimeError) as exc:
            if refused(exc):  # the cache or the temporary folder, not the pages: said as such (``cli/main``)
                raise
            diags.error(("situs.yaml", 1), f"indeks pencarian (Pagefind) tidak dapat dibuat: {exc}")
            return {}
        index.update({f"{INDEX_DIR}/{name}/{path}": data for path, data in bundle.items()
                      if position == 0 or not _program_file(path)})
    return index


def _bundle(pages: dict[str, Held], memo: Memo | None, version: str, sha: ContentHashes,
            fixed: Collection[str] = frozenset(), bodies: Mapping[str, tuple[int, int]] | None = None
            ) -> dict[str, bytes]:
    """One bundle's files: from the memo while what Pagefind reads of its pages is unchanged, else made by Pagefind
    (and kept). Keyed by Pagefind's input (:func:`pagefind_input`), not by the pages: a change every page shows outside
    its indexed part (the portal's title, a theme's header or footer) indexes nothing again.

    Pagefind's files do not depend on the folder they are written to: a bundle is kept under its pages' paths and
    inputs alone, so a part of a year that moves to another name (a report added before it) is not indexed again.
    They do depend on the kind of file system its scratch copy is on (the order it lists a folder in), so that is
    part of the key: a build never mixes bundles made on both.

    A page of ``fixed`` (a released version's, read from ``arsip/`` on every build, so nothing learnt of it is kept)
    is keyed by its hash, which publishing takes anyway: its bytes never change, and making its input on every build
    cost as much again as hashing it. A page rendered around a chapter's body (``bodies``) is keyed by its input in
    parts (:func:`input_in_parts`).
    """
    made: dict[str, bytes] = {}  # the inputs made for the key, given to Pagefind if it runs (not made twice)
    bodies = bodies or {}

    def given(path: str, data: Held) -> str:
        if path in fixed:
            return sha(data)
        span = sha.body_span(path, data, bodies)
        if span is None:
            return sha.fact(data, _INPUT_FACT, keeping(made, path, pagefind_input, _input_digest))
        return sha.fact(data, f"{_INPUT_FACT} bagian-3 {span[0]}:{span[1]}", input_in_parts(sha, data, span))

    def key(scratch: Path | None) -> str | None:
        return memo.key("pagefind", version, "masukan", "tanpa-nama", "memori" if scratch is not None else "disk",
                        sorted((p, given(p, d)) for p, d in pages.items())) if memo is not None else None

    scratch = scratch_folder(sum(size(d) for d in pages.values()))
    if scratch is not None:
        sweep_scratch(scratch)
    wanted = key(scratch)
    # held unpacked by the session (its ``index``), so not packed in memory as well
    stored = memo.get(wanted, hold=False) if memo is not None and wanted is not None else None
    if stored is not None:
        return unpack_files(stored)
    try:
        bundle = _run_pagefind(pages, scratch, made)
    except (OSError, RuntimeError):  # (not a time-out: that would only take as long again)
        if scratch is None:
            raise
        scratch = None  # the memory file system filled meanwhile: the system's temporary folder, as before
        wanted = key(scratch)
        bundle = _run_pagefind(pages, scratch, made)
    if memo is not None and wanted is not None:
        memo.put(wanted, pack_files(bundle), hold=False)
    return bundle


def scratch_folder(need: int) -> Path | None:
    """Where Pagefind's scratch copy of a bundle (``need`` bytes of pages at most) is written: the memory file system
    :data:`MEMORY_SCRATCH` when there is one, writable, with room for three times that and a margin, unless the
    user set ``TMPDIR``; else None (Python's temporary folder).

    Why: Pagefind reads a bundle's pages from files, one per page in a folder of its own, and writes its index
    beside them; on the benchmark's 2-core machine, whose temporary folder is on the disk (ext4), making and removing
    those files took about as long as Pagefind itself: a year's 265 pages written in 0,44 s, indexed in 0,81 s; in
    memory 0,01 and 0,52 s (a one-chapter rebuild indexes one such year). The pages are at most
    ``MAX_BUNDLE_PAGES`` (tens of megabytes), held there only while Pagefind runs.
    """
    if os.environ.get("TMPDIR") or not MEMORY_SCRATCH.is_dir() or not os.access(MEMORY_SCRATCH, os.W_OK):
        return None
    try:
        free = os.statvfs(MEMORY_SCRATCH)
    except OSError:
        return None
    return MEMORY_SCRATCH if free.f_bavail * free.f_frsize >= 3 * need + SCRATCH_MARGIN else None


def sweep_scratch(folder: Path, now: float | None = None) -> None:
    """Remove the scratch copies that killed builds of this user left in ``folder`` (older than
    :data:`STALE_AFTER_S`). Why: a copy in memory stays until the machine restarts, up to tens of megabytes each;
    a build stopped by Ctrl-C removes its own, one killed outright (a closed terminal, ``kill -9``) cannot."""
    limit = (time.time() if now is None else now) - STALE_AFTER_S
    uid = getattr(os, "getuid", lambda: -1)()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not entry.name.startswith(SCRATCH_PREFIX) or not entry.is_dir(follow_symlinks=False):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if st.st_uid == uid and st.st_mtime < limit:
            shutil.rmtree(entry.path, ignore_errors=True)


def pages_by_year(files: Mapping[str, bytes], facts: ContentHashes | None = None) -> dict[str, dict[str, Held]]:
    """The pages Pagefind indexes (those whose template marks ``data-pagefind-body``), by report year, newest year
    first; a page without the year in its search metadata (a release made before it was written) in ``lain``, last.
    A page held by reference stays one, read only if ``facts`` (the build's :class:`ContentHashes`) does not know
    its year yet, and again only if its year's bundle is made.
    """
    facts = facts or ContentHashes()
    groups: dict[str, dict[str, Held]] = {}
    for path, held in sorted(held_items(files)):
        if path.endswith(".html"):
            year = facts.fact(held, _YEAR_FACT, _search_year)
            if year:
                groups.setdefault(year, {})[path] = held
    return {name: groups[name] for name in _newest_first(groups)}


def _search_year(page: bytes) -> str:
    """The bundle year of a page Pagefind indexes (:data:`OTHER` without one), "" for a page it does not."""
    if _BODY not in page:
        return ""
    found = _YEAR.search(page)
    return found.group(1).decode("ascii") if found else OTHER


def bundles(years: Mapping[str, dict[str, Held]], limit: int | None = None) -> dict[str, dict[str, Held]]:
    """Each year's pages cut into bundles of whole reports, at most ``limit`` pages each (``MAX_BUNDLE_PAGES``)
    unless one report alone has more: ``<tahun>``, then ``<tahun>-2``, ``<tahun>-3``, … in the order of the reports'
    paths. A year within the limit is one bundle named by the year, as before the cut existed.

    Why whole reports filled in path order: an edit changes no page count, so it re-indexes only its own bundle;
    a report added or a version released moves the cuts after it only: at most its year's bundles are indexed
    again, what every edit cost while a year was one bundle. The pages of a report are those under
    ``laporan/<slug>/``, all its versions.
    """
    limit = MAX_BUNDLE_PAGES if limit is None else limit
    out: dict[str, dict[str, Held]] = {}
    for year, pages in years.items():
        parts: list[dict[str, Held]] = [{}]
        for members in _by_report(pages):
            if parts[-1] and len(parts[-1]) + len(members) > limit:
                parts.append({})
            parts[-1].update(members)
        for number, part in enumerate(parts, start=1):
            out[year if number == 1 else f"{year}-{number}"] = part
    return out


def _by_report(pages: Mapping[str, Held]) -> list[dict[str, Held]]:
    """``pages`` grouped by report (the first two path segments, ``laporan/<slug>``), in path order."""
    grouped: dict[str, dict[str, Held]] = {}
    for path in sorted(pages):
        grouped.setdefault("/".join(path.split("/", 2)[:2]), {})[path] = pages[path]
    return list(grouped.values())


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


def pagefind_input(page: bytes) -> bytes:
    """The page as Pagefind is given it: :func:`searchable`, and of what lies outside the indexed element
    (``data-pagefind-body``) only the ``<html>`` tag, when nothing else there is read by Pagefind
    (:data:`_READ_OUTSIDE`, and the ``<title>`` when the element has no ``<h1>``); else the whole searchable page.

    Why: a bundle is kept under its input, and a change every page shows around its indexed part (the portal's title
    in the header, a theme's navigation or footer) changed every page, so each year was indexed again for an index
    that came out the same (3,3 s of a 13 s full build at N = 100). Pagefind makes the same index of both forms
    (compared on the benchmark's pages); a site theme that puts an ``<h1>``, an ``<img>`` or search metadata outside
    the indexed element, or none inside it, gives Pagefind its whole page, as before.
    """
    page = searchable(page)
    span = _indexed_span(page)
    if span is None:
        return page
    start, end = span
    before, after = page[:start].lower(), page[end:].lower()
    if any(marker in before or marker in after for marker in _READ_OUTSIDE) or not _H1.search(page, start, end):
        return page
    html = _HTML_TAG.search(before)
    return b"".join((b"<!DOCTYPE html>\n", page[html.start():html.end()] if html else b"<html>",
                     b'<head><meta charset="utf-8"></head><body>', page[start:end], b"</body></html>\n"))


def _indexed_span(page: bytes) -> tuple[int, int] | None:
    """Where the element marked ``data-pagefind-body`` starts and ends (after its closing tag), counting the
    openings and closings of its tag name; None when the marker is not one element's attribute, is there more than
    once, or its element is not closed."""
    found = _indexed_element(page)
    return found[:2] if found is not None else None


def _indexed_element(page: bytes) -> tuple[int, int, bytes] | None:
    """:func:`_indexed_span` and the element's tag name."""
    at = page.find(_BODY)
    if at < 0 or page.find(_BODY, at + len(_BODY)) >= 0:
        return None
    start = page.rfind(b"<", 0, at)
    tag = _START_TAG.match(page, start) if start >= 0 else None
    if tag is None or tag.end() <= at or \
            _BODY not in (name.lower() for name in _ATTRIBUTE_NAME.findall(tag.group(2))):
        return None
    depth = 0
    for found in _tags(tag.group(1)).finditer(page, start):
        depth += -1 if found.group(1) else 1
        if depth == 0:
            close = page.find(b">", found.end())
            return (start, close + 1, tag.group(1)) if close >= 0 else None
    return None


def _tags(name: bytes) -> re.Pattern[bytes]:
    """The openings and closings of the elements named ``name``."""
    return re.compile(rb"<(/?)" + re.escape(name) + rb"(?=[\s/>])", re.I)


#: Stands for a chapter's body in its page when Pagefind's input is made in parts (:func:`input_in_parts`).
_STAND_IN = b"<!--lkjip:isi-bab-->"


def input_in_parts(hashes: ContentHashes, data: Held, span: tuple[int, int]) -> Callable[[bytes], str]:
    """A ``learn`` (``ContentHashes.fact``) of a digest of what Pagefind is given of a page that holds a chapter's
    body at ``span`` (``SiteFiles.bodies``): the input of the page with :data:`_STAND_IN` where the body was, and
    the body's own (:func:`searchable`), kept under the body's hash (``ContentHashes.part``).

    Why: the portal's title, in every page's header, changed every page, and every year's pages were made
    searchable again (0,5 s at N = 100) to key the same bundles. The page's input is the stand-in's with the
    body's input in its place when the body is neutral: inside the indexed element, holding no marker of its own,
    no ``<h1>``, and as many openings as closings of the element's tag, never more closings at any point, nothing
    left open in it nor before it (``parts.closed``: a chart left open in a body took in the footer, found by a
    fuzzer); and the rest of the page holds no unclosed chart. Else the digest is that of the whole page's input, as
    before."""
    start, end = span

    def learn(page: bytes) -> str:
        part = readable_part(hashes, data, page, span)
        found = around_body(page, span) if part is not None else None
        body = hashes.part_fact(part, f"{_INPUT_FACT} isi-3 {found[2].decode('ascii')}",
                                lambda: _body_input(page[start:end], found[2])) if part and found else ""
        if not body:  # a page or a body not neutral
            return _input_digest(pagefind_input(page))
        return digest(_INPUT_FORMAT, "bagian", found[0], body, found[1])
    return learn


def around_body(page: bytes, span: tuple[int, int]) -> tuple[bytes, bytes, bytes] | None:
    """What Pagefind is given of ``page`` before its chapter's body at ``span`` and after it, and the indexed
    element's tag name: the input is those around the body's own (:func:`searchable`) when the body is neutral
    (:func:`input_in_parts`). None when the rest of the page does not allow it."""
    start, end = span
    before, after = page[:start], page[end:]
    if _STAND_IN in page or SVG_OPEN in without_charts(after):  # (and nothing open before it: ``input_in_parts``)
        return None
    stand_in = before + _STAND_IN + after
    element = _indexed_element(searchable(stand_in))
    given = pagefind_input(stand_in)
    at = given.find(_STAND_IN)
    if element is None or at < 0 or given.find(_STAND_IN, at + 1) >= 0:
        return None
    return given[:at], given[at + len(_STAND_IN):], element[2]


def _body_input(body: bytes, tag: bytes) -> str:
    """The digest of a chapter's body as Pagefind is given it, when it is neutral (:func:`input_in_parts`) inside
    the element ``tag``; else ""."""
    given = searchable(body)
    if _BODY in given or _H1.search(given):
        return ""
    depth = 0
    for found in _tags(tag).finditer(given):
        depth += -1 if found.group(1) else 1
        if depth < 0:
            return ""
    return _input_digest(given) if depth == 0 else ""


def _input_digest(given: bytes) -> str:
    return digest(_INPUT_FORMAT, given)


def searchable(page: bytes) -> bytes:
    """What of a page search indexes: the page without its inline charts (their words, axis labels and tick values,
    are the caption's and table's: a quarter less indexing time on a kabupaten archive, and no hits on tick labels)
    and without the numbers of table cells or the N/A's note marks, its cells apart."""
    return _CELL_END.sub(rb"\1 ", _NOTE_MARK.sub(b"", _NUMBER_CELL.sub(rb"\1\2", without_charts(page))))


def _run_pagefind(pages: dict[str, Held], scratch: Path | None = None,
                  made: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """One bundle of ``pages``, written where they are published (their URLs are the index's) below ``scratch``
    (:func:`scratch_folder`; None: the temporary folder): its files by their paths inside the bundle's folder
    (``pagefind-entry.json``, ``index/…``), which Pagefind writes the same whatever the folder is called.
    ``made``: the pages' inputs already made (:func:`pagefind_input`), taken out of it as they are written."""
    made = {} if made is None else made
    with tempfile.TemporaryDirectory(prefix=SCRATCH_PREFIX, dir=scratch) as tmp:
        site = Path(tmp) / "situs"
        for rel, data in pages.items():
            target = site / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            given = made.pop(rel, None)
            target.write_bytes(given if given is not None else pagefind_input(content(data)))
        release_freed_memory()  # Pagefind beside the build is the build's peak: its freed blocks go back first
        subdir = f"{INDEX_DIR}/bundel"
        proc = subprocess.run([str(_executable()), "--site", str(site), "--output-subdir", subdir, "--silent"],
                              capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
        if proc.returncode != 0:
            raise RuntimeError((proc.stderr or proc.stdout).strip()[-500:] or f"kode keluar {proc.returncode}")
        out = site / subdir
        index = {p.relative_to(out).as_posix(): p.read_bytes()
                 for p in sorted(out.rglob("*")) if p.is_file() and not p.name.startswith(UNUSED)}
        shutil.rmtree(site, ignore_errors=True)
    return index
