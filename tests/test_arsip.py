"""Published versions are permanent (issue 11): release, archive, fixity, history with computed changes, open data.

One flow on a copy of the three example reports, driven through the ``lkjip`` command as a webmaster would (built
without PDFs: the PDF is not the point here; ``test_release_with_pdf`` covers it on the small scaffold):

1. ``lkjip terbitkan batu-sopang-2022`` releases version 1.0;
2. the IKM realisasi is corrected (82 → 78,5) and one sentence of BAB IV rewritten, and releasing 1.0 again fails at
   the ``versi`` line, writing nothing;
3. ``versi`` becomes 1.1 and it is released;
4. the site's theme changes (a stylesheet and a template) and ``lkjip build`` runs.

Expected numbers were worked out by hand from ``content/laporan/batu-sopang-2022/data`` (target IKM 2022 = 80,
LAN scale): capaian IKM 82 / 80 = 102,50 % → 78,5 / 80 = 98,125 % (printed 98,13 %); difference of the printed
figures 98,13 − 102,50 = −4,37 (the unrounded −4,375 would print −4,38 beside them); sasaran S2 is IKM alone; the overall average of the three measured sasaran (S2, S3 =
(2 × 20 − 18) / 20 = 110 %, S4 = 80 %) goes from 97,50 % to 288,125 / 3 = 96,04 %; indicators reaching their target
go from 2 (IKM, KRIMINALITAS) to 1. The module takes 30–70 s (one cold build of the examples, drawing their
charts, is most of it; the releases and builds after it come from the memo).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from dataclasses import dataclass, field, replace
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import bagit
import frictionless
import pikepdf
import pypdf
import pytest
from conftest import copy_examples, fill_in, fill_in_site, tree_hashes
from hypothesis import given
from hypothesis import strategies as st
from serve_support import get, get_bytes, running_serve, wait

from lkjip_site import __version__
from lkjip_site import build as build_module
from lkjip_site.archive import release as release_module
from lkjip_site.archive.bag import make_bag_zip
from lkjip_site.archive.manifest import Manifest, checksums, entries, read_manifest, tree_digest
from lkjip_site.archive.readme import POWERSHELL_CHECK, POWERSHELL_FAILED
from lkjip_site.archive.store import write_version
from lkjip_site.build import BuildOptions, load_site
from lkjip_site.cli.main import main
from lkjip_site.core.diagnostics import Diagnostics
from lkjip_site.core.fmt import fmt_date
from lkjip_site.markdown import parser as parser_module
from lkjip_site.output import pages as pages_module
from lkjip_site.cli.scaffold import new_report
from lkjip_site.output.changes import (ChapterText, FieldChange, VersionData, compare, load_document, paragraphs,
                                       printed_in_pages, with_values, word_diff)
from lkjip_site.output.audit import audit_site, marks_in_html
from lkjip_site.output.opendata import machine_number, to_json
from lkjip_site.output.publish import LINK_MIN_BYTES, publish
from lkjip_site.output.versions import suggest_version, version_key

REPO = Path(__file__).resolve().parents[1]
SLUG = "batu-sopang-2022"
EPOCH_1 = "1707955200"  # 2024-02-15 00:00 UTC: release of 1.0
EPOCH_2 = "1710460800"  # 2024-03-15 00:00 UTC: release of 1.1
OLD = f"laporan/{SLUG}/1.0"
NEW = f"laporan/{SLUG}/1.1"
SENTENCE_OLD = "- Aparatur yang memahami SAKIP masih sedikit."
SENTENCE_NEW = "- Aparatur yang memahami SAKIP masih sangat sedikit, terutama di tingkat seksi."


@dataclass
class Run:
    code: int
    out: str
    err: str


@dataclass
class Flow:
    root: Path
    runs: dict[str, Run] = field(default_factory=dict)
    first_archive: dict[str, str] = field(default_factory=dict)  # arsip/<slug>/1.0 right after its release
    first_build: dict[str, str] = field(default_factory=dict)  # build/laporan/<slug>/1.0 right after its release
    before_refused: tuple[dict[str, str], dict[str, str]] = ({}, {})  # (arsip, build) before the refused release
    after_refused: tuple[dict[str, str], dict[str, str]] = ({}, {})
    build_before_unbumped: dict[str, str] = field(default_factory=dict)  # build/ after the refused build

    @property
    def build(self) -> Path:
        return self.root / "build"

    def archive(self, versi: str) -> Path:
        return self.root / "arsip" / SLUG / versi


def lkjip(root: Path, *args: str) -> Run:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([*args, "--situs", str(root)])
    return Run(code, out.getvalue(), err.getvalue())


def lkjip_here(*args: str) -> Run:
    """``lkjip`` in the working folder, without ``--situs``: a copy of arsip/ alone has no situs.yaml."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return Run(code, out.getvalue(), err.getvalue())


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def flow(tmp_path_factory: pytest.TempPathFactory) -> Flow:
    root = copy_examples(tmp_path_factory.mktemp("arsip") / "situs")
    fill_in_site(root)  # the examples' sample url_dasar: a release refuses it
    report = root / "content" / "laporan" / SLUG
    result = Flow(root)
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("LKJIP_DEBUG", raising=False)
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH_1)
        result.runs["terbit-1.0"] = lkjip(root, "terbitkan", SLUG, "--tanpa-pdf")
        result.first_archive = tree_hashes(result.archive("1.0"))
        result.first_build = tree_hashes(result.build / OLD)
        result.runs["terbit-1.0-lagi"] = lkjip(root, "terbitkan", SLUG, "--tanpa-pdf")

        edit(report / "data" / "indikator.yaml", "realisasi: {2022: 82}", "realisasi: {2022: 78.5}")
        edit(report / "40-bab-4-penutup.md", SENTENCE_OLD, SENTENCE_NEW)
        result.before_refused = (tree_hashes(root / "arsip"), tree_hashes(result.build))
        result.runs["terbit-1.0-berbeda"] = lkjip(root, "terbitkan", SLUG, "--tanpa-pdf")
        result.after_refused = (tree_hashes(root / "arsip"), tree_hashes(result.build))
        result.runs["build-belum-naik"] = lkjip(root, "build", "--tanpa-pdf")
        result.build_before_unbumped = tree_hashes(result.build)

        edit(report / "laporan.yaml", 'versi: "1.0"', 'versi: "1.1"')
        edit(report / "laporan.yaml", "tanggal_terbit: 2023-02-28", "tanggal_terbit: 2023-03-15")
        edit(report / "laporan.yaml", "catatan_versi: Terbitan pertama, disusun ulang dari dokumen cetak sebagai contoh.",
             "catatan_versi: Realisasi IKM dikoreksi menjadi 78,5 sesuai laporan survei akhir.")
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH_2)
        result.runs["terbit-1.1"] = lkjip(root, "terbitkan", SLUG, "--tanpa-pdf")

        theme = root / "themes" / "default"
        (theme / "static" / "css").mkdir(parents=True)
        (theme / "static" / "css" / "site.css").write_text("body { background: #fee; }\n", encoding="utf-8")
        (theme / "templates").mkdir(parents=True)
        base = (REPO / "themes" / "default" / "templates" / "base.html").read_text(encoding="utf-8")
        (theme / "templates" / "base.html").write_text(base.replace("</footer>", "<p>Tema baru</p></footer>"),
                                                       encoding="utf-8")
        result.runs["build-tema-baru"] = lkjip(root, "build", "--tanpa-pdf")
        result.runs["verifikasi"] = lkjip(root, "verifikasi")
    return result


# ------------------------------------------------------------------------------------------------ release


def test_release_stores_published_files_sources_and_manifest(flow: Flow) -> None:
    assert flow.runs["terbit-1.0"].code == 0, flow.runs["terbit-1.0"].err
    folder = flow.archive("1.0")
    manifest = read_manifest((folder / "manifest.json").read_bytes())
    # the exact published files of the version, as build/ held them right after the release
    assert {f"situs/{e.path}": e.sha256 for e in manifest.situs} == {
        k: v for k, v in flow.first_archive.items() if k.startswith("situs/")}
    assert {e.path: e.sha256 for e in manifest.situs} == {
        k: v for k, v in flow.first_build.items() if k != manifest.bagit.path}
    assert {"index.html", "bab-4-penutup/index.html", "aset/css/site.css", "data-terbuka/datapackage.json",
            "data/indikator.yaml"} <= {e.path for e in manifest.situs}
    # the report folder as it was
    source = REPO / "content" / "laporan" / SLUG
    assert {f"sumber/{e.path}" for e in manifest.sumber} == {
        f"sumber/{p.relative_to(source).as_posix()}" for p in source.rglob("*") if p.is_file()}
    assert (folder / "sumber" / "data" / "indikator.yaml").read_bytes() == \
        (source / "data" / "indikator.yaml").read_bytes()
    assert manifest.sumber_sha256 == tree_digest(manifest.sumber)
    assert all(e.ukuran == len((folder / "situs" / e.path).read_bytes()) for e in manifest.situs)
    assert manifest.lkjip_site == __version__
    assert manifest.diterbitkan == "2024-02-15T00:00:00Z"  # SOURCE_DATE_EPOCH
    assert manifest.laporan["versi"] == "1.0" and manifest.laporan["slug"] == SLUG
    # its kind as laporan.yaml writes it: the home page groups a released version by it (a name may not say it)
    assert manifest.laporan["instansi"]["jenis"] == "kecamatan"
    assert manifest.bagit.path == f"{SLUG}-1.0-bagit.zip"
    assert sorted(p.name for p in folder.iterdir()) == ["BACA-SAYA.txt", "SHA256SUMS", "batu-sopang-2022-1.0-bagit.zip",
                                                         "manifest.json", "situs", "sumber"]


def test_release_and_verifikasi_print_the_hashes_for_the_handover_record(flow: Flow) -> None:
    """``verifikasi`` proves the files, manifest and bag agree with one another: an archive rewritten whole (files,
    manifest and bag made again together) passed it. The SHA-256 of the manifest and of the bag, printed at the
    release for the handover record (Berita Acara Serah Terima) and again by ``verifikasi``, tell it apart."""
    def line(versi: str, name: str) -> str:
        path = flow.archive(versi) / name
        return f"{hashlib.sha256(path.read_bytes()).hexdigest()}  arsip/{SLUG}/{versi}/{name}"

    def lines(versi: str) -> list[str]:
        return [line(versi, "manifest.json"), line(versi, f"{SLUG}-{versi}-bagit.zip"), line(versi, "SHA256SUMS")]

    released = flow.runs["terbit-1.1"].out.splitlines()
    heading = next(i for i, text in enumerate(released) if "Berita Acara Serah Terima" in text)
    assert released[heading + 1:heading + 4] == lines("1.1")
    assert "'sha256sum -c' di folder situs" in released[heading]
    verified = flow.runs["verifikasi"].out.splitlines()
    heading = next(i for i, text in enumerate(verified) if "Berita Acara Serah Terima" in text)
    assert verified[heading + 1:] == lines("1.0") + lines("1.1")


def test_release_again_unchanged_is_a_no_op(flow: Flow) -> None:
    run = flow.runs["terbit-1.0-lagi"]
    assert run.code == 0
    assert "sudah diterbitkan dengan isi yang sama" in run.out


def test_a_release_dated_after_its_day_is_warned_at_tanggal_terbit(flow: Flow, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A version whose tanggal_terbit is still to come on the day it is released (``lkjip new`` writes an estimate,
    15 February of the next year) is warned of at that line with the release day to write; one released on or after
    its date (the flow's, 28 February 2023 released 15 February 2024) is not."""
    assert "sesudah hari penerbitan" not in flow.runs["terbit-1.0"].out + flow.runs["terbit-1.0"].err
    root = copy_examples(tmp_path / "situs")
    fill_in_site(root)
    monkeypatch.delenv("LKJIP_DEBUG", raising=False)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1675209600")  # 2023-02-01 00:00 UTC, four weeks before 2023-02-28
    run = lkjip(root, "terbitkan", SLUG, "--tanpa-pdf")
    assert run.code == 0, run.err
    assert (f"content/laporan/{SLUG}/laporan.yaml:7: peringatan: tanggal_terbit 28 Februari 2023 sesudah hari "
            "penerbitan (1 Februari 2023)") in run.out + run.err
    assert "tulis tanggal terbit sebenarnya, mis. tanggal_terbit: 2023-02-01" in run.out + run.err


def test_a_release_across_midnight_is_dated_by_the_day_its_date_was_checked_against(tmp_path: Path,
                                                                                     monkeypatch: pytest.MonkeyPatch
                                                                                     ) -> None:
    """The clock is asked once per release: a release begun at 23:59:59 WIT on 27 February and stamped a second later
    was warned of as released on the 27th and stamped the 28th (the manifest, the bag's ``LKjIP-Diterbitkan`` and the
    version page then disagreed with the warning the author had acted on)."""
    ticks = itertools.chain([dt.datetime(2023, 2, 27, 14, 59, 59, tzinfo=dt.timezone.utc)],  # 23:59:59 WIT
                            itertools.repeat(dt.datetime(2023, 2, 27, 15, 0, 1, tzinfo=dt.timezone.utc)))

    class Clock(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> dt.datetime:  # type: ignore[override]
            return next(ticks)

    root = copy_examples(tmp_path / "situs")
    fill_in_site(root)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setattr(release_module, "dt", SimpleNamespace(datetime=Clock, timezone=dt.timezone,
                                                              timedelta=dt.timedelta, date=dt.date))
    run = lkjip(root, "terbitkan", SLUG, "--tanpa-pdf")
    assert run.code == 0, run.err
    assert "sesudah hari penerbitan (27 Februari 2023)" in run.out + run.err  # tanggal_terbit is 28 Februari 2023
    (manifest,) = (root / "arsip").rglob("manifest.json")
    assert read_manifest(manifest.read_bytes()).diterbitkan == "2023-02-27T14:59:59Z"


def test_release_of_an_archived_number_with_other_content_fails_and_writes_nothing(flow: Flow) -> None:
    run = flow.runs["terbit-1.0-berbeda"]
    assert run.code == 1
    assert (f"content/laporan/{SLUG}/laporan.yaml:6: galat: versi '1.0' sudah diterbitkan "
            f"(arsip/{SLUG}/1.0, diterbitkan 15 Februari 2024)") in run.err
    assert "berubah: 40-bab-4-penutup.md, data/indikator.yaml" in run.err
    assert 'Naikkan versi, mis. versi: "1.1"' in run.err
    assert flow.after_refused == flow.before_refused  # archive and build/ untouched


def test_a_released_version_edited_without_a_new_number_stops_the_build(flow: Flow) -> None:
    """The version's own pages were the release's, but the instansi page, the year's comparison, the feed and the
    report's summary were computed from the edited folder: its unreleased numbers under the released version's
    name (a warning said only that the site kept serving the release)."""
    run = flow.runs["build-belum-naik"]
    assert run.code == 1
    assert (f"content/laporan/{SLUG}/laporan.yaml:6: galat: versi '1.0' sudah diterbitkan (arsip/{SLUG}/1.0, "
            "diterbitkan 15 Februari 2024), tetapi isi folder ini sudah berbeda (40-bab-4-penutup.md, "
            "data/indikator.yaml); situs tidak dibangun") in run.err
    assert 'Naikkan versi (mis. versi: "1.1")' in run.err
    assert flow.build_before_unbumped == flow.after_refused[1]  # build/ as the refused release left it


# ------------------------------------------------------------------------------------------------ serving


def test_both_versions_served_and_the_old_one_byte_for_byte_after_a_theme_change(flow: Flow) -> None:
    assert flow.runs["terbit-1.1"].code == 0, flow.runs["terbit-1.1"].err
    assert flow.runs["build-tema-baru"].code == 0, flow.runs["build-tema-baru"].err
    assert (flow.build / "aset" / "css" / "site.css").read_text(encoding="utf-8") == "body { background: #fee; }\n"
    assert "Tema baru" in (flow.build / "index.html").read_text(encoding="utf-8")  # the theme change took effect
    assert tree_hashes(flow.build / OLD) == flow.first_build  # ... and changed no byte of 1.0
    assert tree_hashes(flow.archive("1.0")) == flow.first_archive
    new = tree_hashes(flow.build / NEW)
    manifest = read_manifest((flow.archive("1.1") / "manifest.json").read_bytes())
    assert new == {**{e.path: e.sha256 for e in manifest.situs}, manifest.bagit.path: manifest.bagit.sha256}
    assert "Tema baru" not in (flow.build / NEW / "index.html").read_text(encoding="utf-8")
    # each version carries its own stylesheet and links it relatively
    page = (flow.build / OLD / "bab-4-penutup" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="\.\./aset/css/site\.css\?v=[0-9a-f]{10}"', page)
    assert (flow.build / OLD / "aset" / "css" / "site.css").read_bytes() == \
        (REPO / "themes" / "default" / "static" / "css" / "site.css").read_bytes()


def test_landing_page_and_versions_file_list_every_version_newest_first(flow: Flow) -> None:
    landing = (flow.build / "laporan" / SLUG / "index.html").read_text(encoding="utf-8")
    # each link named "Versi 1.1" for a screen reader ("1.1" alone, heard in a list of links, named nothing)
    rows = re.findall(r'<th scope="row"><a href="([^"]+)"><span class="sr">Versi </span>([^<]+)</a>'
                      r'( <span class="tanda-terbaru">terbaru</span>)?', landing)
    assert rows == [("1.1/", "1.1", ' <span class="tanda-terbaru">terbaru</span>'), ("1.0/", "1.0", "")]
    assert "15 Maret 2023" in landing and "28 Februari 2023" in landing
    assert "Realisasi IKM dikoreksi menjadi 78,5" in landing
    assert 'href="1.1/perubahan/"' in landing
    for versi in ("1.0", "1.1"):
        bag = flow.build / "laporan" / SLUG / versi / f"{SLUG}-{versi}-bagit.zip"
        assert f'href="{versi}/{bag.name}"' in landing
        assert read_manifest((flow.archive(versi) / "manifest.json").read_bytes()).bagit.sha256 in landing
    doc = json.loads((flow.build / "laporan" / SLUG / "versi.json").read_text(encoding="utf-8"))
    assert doc["terbaru"] == "1.1"
    assert [(v["versi"], v["url"], v["perubahan"], v["diarsipkan"]) for v in doc["versi"]] == [
        ("1.1", "1.1/", "1.1/perubahan/", True), ("1.0", "1.0/", None, True)]
    home = (flow.build / "index.html").read_text(encoding="utf-8")
    assert f'href="laporan/{SLUG}/1.1/"' in home and f'href="laporan/{SLUG}/1.0/"' not in home


def test_version_pages_load_the_notice_script_from_their_own_folder(flow: Flow) -> None:
    page = (flow.build / OLD / "bab-4-penutup" / "index.html").read_text(encoding="utf-8")
    tag = re.search(r'<script src="([^"]+)" data-versi="1\.0" data-versi-json="([^"]+)" defer></script>', page)
    assert tag is not None
    assert tag.group(1).startswith("../aset/js/versi.js?v=") and tag.group(2) == "../../versi.json"
    assert "<script>" not in page  # nothing inline: a Content-Security-Policy without 'unsafe-inline' allows it


# ------------------------------------------------------------------------------------------------ changes


class _Rows(HTMLParser):
    """Rows of every table on a page as lists of cell texts, per caption."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.caption: str | None = None
        self.cell: list[str] | None = None
        self.row: list[str] = []
        self.in_caption = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "caption":
            self.in_caption, self.caption = True, ""
        elif tag in ("td", "th"):
            self.cell = []
        elif tag == "tr":
            self.row = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "caption":
            self.in_caption = False
            self.tables[self.caption or ""] = []
        elif tag in ("td", "th") and self.cell is not None:
            self.row.append("".join(self.cell).strip())
            self.cell = None
        elif tag == "tr" and self.caption is not None:
            self.tables[self.caption].append(self.row)

    def handle_data(self, data: str) -> None:
        if self.in_caption:
            self.caption = (self.caption or "") + data
        elif self.cell is not None:
            self.cell.append(data)


def test_change_page_lists_exactly_what_changed(flow: Flow) -> None:
    html = (flow.build / NEW / "perubahan" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Perubahan dari versi 1.0</h1>" in html
    # it said "setiap angka yang berbeda ditampilkan", and an efficiency that changed with a realisasi was not listed
    assert "setiap angka yang berbeda" not in html
    assert ("Angka yang dihitung dari angka-angka itu (selisih antartahun, tingkat kemajuan Renstra, efisiensi) ikut "
            "berubah bersamanya dan tidak didaftar lagi di sini.") in html
    parser = _Rows()
    parser.feed(html)
    body = {caption: rows[1:] for caption, rows in parser.tables.items()}  # without the header row
    ikm = "IKM Indeks Kepuasan Masyarakat (IKM)"
    assert body == {
        "Target, realisasi, capaian dan predikat yang berubah": [
            [ikm, "Realisasi 2022", "82", "78,5", "-3,5"],
            [ikm, "Capaian 2022", "102,50 %", "98,13 %", "-4,37 poin persen"],
        ],
        "Capaian rata-rata sasaran yang berubah": [
            ["S2 Meningkatnya kualitas pelayanan publik kecamatan dan kelurahan", "Capaian rata-rata", "102,50 %",
             "98,13 %", "-4,37 poin persen"],
        ],
        "Angka kunci, rata-rata dan jumlah yang berubah": [
            ["Indikator mencapai target", "Nilai", "2", "1", "-1"],
            ["Indikator belum mencapai target", "Nilai", "1", "2", "+1"],
            # the share, its difference that of the two as printed (66,67 − 33,33)
            ["Persentase indikator mencapai target", "Nilai", "66,67 %", "33,33 %", "-33,34 poin persen"],
            ["Rata-rata capaian kinerja", "Nilai", "97,50 %", "96,04 %", "-1,46 poin persen"],
            ["Indikator mencapai target sasaran S2", "Nilai", "1", "0", "-1"],
            ["Indikator belum mencapai target sasaran S2", "Nilai", "0", "1", "+1"],
            ["Persentase indikator mencapai target sasaran S2", "Nilai", "100,00 %", "0,00 %", "-100,00 poin persen"],
        ],
        # every source file that differs, the data and chapter above among them
        "Berkas sumber yang berubah": [
            ["40-bab-4-penutup.md", "diubah"], ["data/indikator.yaml", "diubah"], ["laporan.yaml", "diubah"]],
    }
    assert "dibuat dengan lkjip" not in html  # both versions made by this lkjip
    # the chapter whose text changed, word by word, and the sentences whose printed figures changed with the data:
    # the page showed "{nilai}`capaian.rata_rata`" and left out a sentence whose number changed, its source unchanged
    assert re.findall(r'<h3 id="teks-([^"]+)">', html) == ["ikhtisar-eksekutif", "bab-3-akuntabilitas-kinerja",
                                                           "bab-4-penutup"]
    shown = [re.sub(r'<span class="sr">[^<]*</span>', "", p) for p in
             re.findall(r'<p class="paragraf">(.*?)</p>', html, re.S)]
    assert shown[-1] == ("• Aparatur yang memahami SAKIP masih <del>sedikit.</del><ins>sangat sedikit, terutama di "
                         "tingkat seksi.</ins>")
    # a bold figure reads as the page showed it, not "<del>**97,50</del><ins>**96,04</ins> %**"
    assert ("dapat diukur adalah <del>97,50</del><ins>96,04</ins> %.") in shown[0]
    assert "**" not in html
    assert ("Indeks Kepuasan Masyarakat (IKM) mencapai <del>82</del><ins>78,5</ins> dari target 80; capaiannya "
            "<del>102,50</del><ins>98,13</ins> %") in shown[3]
    assert "{nilai}" not in html and "{ref}" not in html
    assert "Realisasi IKM dikoreksi menjadi 78,5" in html


def test_change_page_new_values_are_marked_and_audited(flow: Flow) -> None:
    """The change page printed figures of the version it belongs to with no audit mark, so nothing compared them
    with the model (an IKM read "80,5556" there beside "80,56" everywhere else). Each new value is marked with its
    figure id; the old ones are the archive's and are not. An indicator's realisasi and capaian are its year's
    (``@2022``)."""
    page = (flow.build / NEW / "perubahan" / "index.html").read_text(encoding="utf-8")
    marks = [(s.figure, s.text) for s in marks_in_html(f"{NEW}/perubahan/index.html", page)]
    assert marks == [("IKM.realisasi@2022", "78,5"), ("IKM.capaian@2022", "98,13 %"), ("capaian.S2", "98,13 %"),
                     ("indikator.mencapai_target", "1"), ("indikator.belum_mencapai", "2"),
                     ("indikator.persen_mencapai_target", "33,33 %"), ("capaian.rata_rata", "96,04 %"),
                     ("sasaran.S2.mencapai_target", "0"), ("sasaran.S2.belum_mencapai", "1"),
                     ("sasaran.S2.persen_mencapai_target", "0,00 %")]
    site = load_site(BuildOptions(root=flow.root), Diagnostics())
    path = f"{NEW}/perubahan/index.html"
    assert audit_site(site, {path: page.encode()}) == []
    wrong = page.replace('<span data-angka="capaian.rata_rata">96,04 %</span>',
                         '<span data-angka="capaian.rata_rata">96,05 %</span>')
    [(place, message)] = audit_site(site, {path: wrong.encode()})
    assert place == path and message.startswith("angka 'capaian.rata_rata' (Rata-rata capaian kinerja) tidak sama")
    wrong = page.replace('<span data-angka="IKM.capaian@2022">98,13 %</span>',
                         '<span data-angka="IKM.capaian@2022">98,12 %</span>')
    [(place, message)] = audit_site(site, {path: wrong.encode()})
    assert place == path and message.startswith("angka 'IKM.capaian@2022' tidak sama")


def test_change_page_prints_an_index_as_the_pages_do() -> None:
    """A key figure in ``indeks`` (the IKM, ``ikm.nilai``) with two decimals, as every page prints it, its change
    that of the printed figures; it read "80,5556 → 80,6667" with "+0,1111"."""
    def side(versi: str, nilai: Decimal) -> VersionData:
        rows = [{"kunci": "ikm.nilai", "uraian": "Indeks Kepuasan Masyarakat", "nilai": nilai, "teks": "",
                 "satuan": "indeks"}]
        return VersionData(versi, dt.date(2024, 1, 31), {"angka_kunci": rows}, [])
    [change] = compare(side("1.0", Decimal(29) / 9 * 25), side("1.1", Decimal("29.04") / 9 * 25)).angka_kunci
    assert (change.lama, change.baru, change.selisih, change.angka) == ("80,56", "80,67", "+0,11", "ikm.nilai")


@pytest.fixture(scope="module")
def means(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site whose IKM is a mean of its quarters (``agregasi: rata_rata``), released as 1.0 with quarters
    84/85/84/85 (84,50), then built as 1.1 with 90,1/91/91/91 (90,775, printed 90,78)."""
    root = copy_examples(tmp_path_factory.mktemp("rerata") / "situs")
    fill_in_site(root)
    report = root / "content" / "laporan" / SLUG
    edit(report / "data" / "indikator.yaml", "    realisasi: {2022: 82}\n",
         "    agregasi: rata_rata\n    realisasi: {2022: {tw1: 84, tw2: 85, tw3: 84, tw4: 85}}\n")
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("LKJIP_DEBUG", raising=False)
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH_1)
        run = lkjip(root, "terbitkan", SLUG, "--tanpa-pdf")
        assert run.code == 0, run.err
        edit(report / "data" / "indikator.yaml", "{tw1: 84, tw2: 85, tw3: 84, tw4: 85}",
             "{tw1: 90.1, tw2: 91, tw3: 91, tw4: 91}")
        edit(report / "laporan.yaml", 'versi: "1.0"', 'versi: "1.1"')
        edit(report / "laporan.yaml", "tanggal_terbit: 2023-02-28", "tanggal_terbit: 2023-03-15")
        run = lkjip(root, "build", "--tanpa-pdf")
        assert run.code == 0, run.err
    return root


def _chapter_marks(root: Path, version: str, figure: str) -> set[str]:
    """The texts a version's chapter pages print for one marked figure."""
    return {s.text for page in sorted((root / "build" / "laporan" / SLUG / version).glob("*/index.html"))
            if "perubahan" not in page.parts
            for s in marks_in_html(page.as_posix(), page.read_text(encoding="utf-8")) if s.figure == figure}


def test_change_page_prints_a_mean_of_quarters_as_the_tables_do(means: Path) -> None:
    """laporan.json does not say a realisasi is a mean of quarters, which every table prints with two decimals: the
    change page printed "84,5 → 90,775, +6,275" beside the tables' "84,50" and "90,78", and in the chapter's
    sentence too. Each version's value reads as its own pages print it (the released 1.0's read from its archived
    pages), the change that of the two printed figures; the new one is marked and passes the audit."""
    assert _chapter_marks(means, "1.0", "IKM.realisasi") == {"84,50"}
    assert _chapter_marks(means, "1.1", "IKM.realisasi") == {"90,78"}
    path = f"{NEW}/perubahan/index.html"
    page = (means / "build" / path).read_text(encoding="utf-8")
    parser = _Rows()
    parser.feed(page)
    rows = parser.tables["Target, realisasi, capaian dan predikat yang berubah"][1:]
    assert rows[0] == ["IKM Indeks Kepuasan Masyarakat (IKM)", "Realisasi 2022", "84,50", "90,78", "+6,28"]
    assert '<span data-angka="IKM.realisasi@2022">90,78</span>' in page
    shown = [re.sub(r'<span class="sr">[^<]*</span>', "", p) for p in
             re.findall(r'<p class="paragraf">(.*?)</p>', page, re.S)]
    assert any("Indeks Kepuasan Masyarakat (IKM) mencapai <del>84,50</del><ins>90,78</ins> dari target 80" in p
               for p in shown), shown
    assert "84,5<" not in page and "90,775" not in page
    site = load_site(BuildOptions(root=means), Diagnostics())
    assert audit_site(site, {path: page.encode()}) == []
    wrong = page.replace('data-angka="IKM.realisasi@2022">90,78<', 'data-angka="IKM.realisasi@2022">90,775<')
    [(place, message)] = audit_site(site, {path: wrong.encode()})
    assert place == path and message.startswith("angka 'IKM.realisasi@2022' tidak sama")


def test_a_released_version_reads_as_its_own_pages_printed_it() -> None:
    """A released version is never rebuilt: its value reads as its pages printed it (the first place, in path
    order), whichever lkjip made them (an older one printed a mean "84,5", as if typed), not another report's mark;
    a value its pages did not mark as its open data writes it. The change is that of the printed figures, with the
    more decimals of the two; of two that print the same, the exact one."""
    this_year = {**_ind("IKM", Decimal("84.5"), Decimal("105.63")), "target": 80}
    doc = {**_doc([{**this_year, "tahun": 2022, "realisasi": 84}, this_year]),
           "laporan": {"tahun": 2023, "periode": "tahunan"}}
    url = "laporan/x/1.0/"
    pages = {"bab-3/index.html": b'<td data-angka="IKM.realisasi" class="angka">84,5</td>'
                                 b'<td data-angka="IKM.target">80</td><td data-laporan="laporan/y/1.0/" '
                                 b'data-angka="IKM.realisasi@2022">99</td>',
             "index.html": b'<span data-angka="IKM.realisasi@2023">84,50</span>'}
    assert printed_in_pages(url, pages, doc) == {"IKM.realisasi@2023": "84,5", "IKM.target@2023": "80"}
    old = VersionData("1.0", dt.date(2024, 1, 31), doc, [], printed=printed_in_pages(url, pages, doc))
    new_doc = {**doc, "indikator": [doc["indikator"][0], {**this_year, "realisasi": Decimal("90.775")}]}
    new = VersionData("1.1", dt.date(2024, 2, 28), new_doc, [], printed={"IKM.realisasi@2023": "90,78"})
    [change] = compare(old, new).indikator
    assert (change.lama, change.baru, change.selisih, change.angka) == ("84,5", "90,78", "+6,28",
                                                                       "IKM.realisasi@2023")
    [unprinted] = compare(old, replace(new, printed={})).indikator
    assert (unprinted.baru, unprinted.selisih) == ("90,775", "+6,275")
    almost = {**doc, "indikator": [doc["indikator"][0], {**this_year, "realisasi": Decimal("90.776")}]}
    [same] = compare(VersionData("1.0", dt.date(2024, 1, 31), almost, [], printed={"IKM.realisasi@2023": "90,78"}),
                     new).indikator
    assert (same.lama, same.baru, same.selisih) == ("90,78", "90,78", "-0,001")


def test_report_page_links_its_change_page_and_every_version(flow: Flow) -> None:
    page = (flow.build / NEW / "index.html").read_text(encoding="utf-8")
    assert '<a href="perubahan/">Perubahan dari versi 1.0</a>' in page
    assert '<a href="../">Semua versi laporan ini</a>' in page
    assert "perubahan/" not in (flow.build / OLD / "index.html").read_text(encoding="utf-8")


# ------------------------------------------------------------------------------------------------ fixity


def test_bag_validates_with_bagit(flow: Flow, tmp_path: Path) -> None:
    data = (flow.build / NEW / f"{SLUG}-1.1-bagit.zip").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        zf.extractall(tmp_path)
    bag = bagit.Bag(str(tmp_path / f"{SLUG}-1.1"))
    bag.validate()  # raises BagValidationError on any problem
    assert bag.info["External-Identifier"] == f"laporan/{SLUG}/1.1"
    assert bag.info["Bagging-Date"] == "2024-03-15"
    assert set(bag.algorithms) == {"sha256", "sha512"}
    payload = set(bag.payload_entries())
    assert {"data/situs/index.html", "data/situs/perubahan/index.html", "data/situs/data-terbuka/datapackage.json",
            "data/sumber/laporan.yaml", "data/sumber/data/indikator.yaml"} <= payload
    assert (tmp_path / f"{SLUG}-1.1" / "data" / "situs" / "index.html").read_bytes() == \
        (flow.build / NEW / "index.html").read_bytes()
    # a changed byte inside the bag is caught by bagit itself
    target = tmp_path / f"{SLUG}-1.1" / "data" / "sumber" / "laporan.yaml"
    target.write_bytes(target.read_bytes() + b"#")
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(tmp_path / f"{SLUG}-1.1")).validate()


def test_the_bag_carries_the_readme_as_a_tag_file_and_bags_released_without_it_still_verify(flow: Flow,
                                                                                           tmp_path: Path) -> None:
    """The README was only in the version folder, outside the bag, where a BagIt tool does not look: the bag
    downloaded from the version page or handed over alone said what it was only in bag-info.txt, and a README
    changed beside it was no concern of ``bagit.py``. It is now a tag file of the bag, listed in its tag manifests,
    the folder's own bytes. A version released before (its bag without the README) passes ``verifikasi`` still."""
    top = f"{SLUG}-1.1"
    with zipfile.ZipFile(flow.archive("1.1") / f"{top}-bagit.zip") as zf:
        zf.extractall(tmp_path / "bag")
    folder = tmp_path / "bag" / top
    assert (folder / "BACA-SAYA.txt").read_bytes() == (flow.archive("1.1") / "BACA-SAYA.txt").read_bytes()
    bag = bagit.Bag(str(folder))
    bag.validate()
    assert "BACA-SAYA.txt" in bag.tagfile_entries()
    (folder / "BACA-SAYA.txt").write_bytes(b"Paket ini tidak pernah ada.\n")
    with pytest.raises(bagit.BagValidationError, match="BACA-SAYA.txt"):
        bagit.Bag(str(folder)).validate()

    root = tmp_path / "situs"
    shutil.copytree(flow.root, root)

    def another_readme(bag_top: Path) -> None:  # and the tag manifests made again to match it
        (bag_top / "BACA-SAYA.txt").write_text("isi lain\n", encoding="utf-8")
        bagit.Bag(str(bag_top)).save()

    _replace_bag(root, "1.1", another_readme)
    run = lkjip(root, "verifikasi")
    assert run.code == 1
    assert f"arsip/{SLUG}/1.1/{top}-bagit.zip: BACA-SAYA.txt di dalam bag tidak sama dengan BACA-SAYA.txt yang " \
           "dicatat manifest.json" in run.out, run.out

    shutil.rmtree(root)
    shutil.copytree(flow.root, root)
    _bag_without_readme(root, "1.0")
    old = root / "arsip" / SLUG / "1.0"
    data = (old / "manifest.json").read_bytes()
    (old / "SHA256SUMS").write_bytes(checksums(read_manifest(data), data))
    passed = lkjip(root, "verifikasi")
    assert passed.code == 0, passed.out
    check = subprocess.run(["sha256sum", "-c", "--strict", "--quiet", "SHA256SUMS"], cwd=old, capture_output=True,
                           text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_the_page_list_of_a_release_links_every_page_of_it_by_its_file(flow: Flow) -> None:
    """``situs/daftar-halaman.html`` (for reading from disk without JavaScript, see tests/browser/test_versi.py)
    leaves no page of the version out, links each by its ``index.html``, and is published like every other file."""
    folder = flow.archive("1.1") / "situs"
    page = (folder / "daftar-halaman.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'<a href="([^"]+)"', page)
    assert sorted(h for h in hrefs if h.endswith("index.html")) == sorted(
        p.relative_to(folder).as_posix() for p in folder.rglob("index.html"))
    assert {"data-terbuka/laporan.json", "data-terbuka/indikator.csv"} <= set(hrefs)
    assert f"https://lkjip.banjarkab.go.id/laporan/{SLUG}/1.1/" in hrefs
    assert "<script" not in page and 'name="robots" content="noindex"' in page
    assert (flow.build / NEW / "daftar-halaman.html").read_text(encoding="utf-8") == page
    sitemap = (flow.build / "sitemap.xml").read_text(encoding="utf-8")
    assert f"{NEW}/bab-4-penutup/" in sitemap and "daftar-halaman" not in sitemap


def _bag_without_readme(root: Path, versi: str) -> None:
    """The version's bag as released before the README went into it: no such tag file, tag manifests without it,
    the zip's hash and size in manifest.json and the zip in ``build/`` to match (SHA256SUMS left to the caller)."""
    def no_readme(bag_top: Path) -> None:
        (bag_top / "BACA-SAYA.txt").unlink()
        bagit.Bag(str(bag_top)).save()

    _replace_bag(root, versi, no_readme)
    name = f"{SLUG}-{versi}-bagit.zip"
    shutil.copy2(root / "arsip" / SLUG / versi / name, root / "build" / "laporan" / SLUG / versi / name)


def test_bag_zip_is_deterministic() -> None:
    when = dt.datetime(2024, 2, 15, tzinfo=dt.timezone.utc)
    args = ({"index.html": b"<p>1</p>", "a/b.csv": b"x,y\r\n"}, {"laporan.yaml": b"versi: 1\n"},
            {"External-Identifier": "laporan/x/1"}, "x-1", when)
    first = make_bag_zip(*args)
    assert make_bag_zip(*args) == first
    with zipfile.ZipFile(io.BytesIO(first)) as zf:
        names = zf.namelist()
        assert names == sorted(names)
        assert {i.date_time for i in zf.infolist()} == {(2024, 2, 15, 0, 0, 0)}


def test_a_version_folder_is_readable_by_all_whatever_the_umask(tmp_path: Path) -> None:
    """Released under umask 077 (a hardened server, a CI runner), the version folder was 0700 and its files 0600:
    handed over with ``cp -a``, ``tar`` or ``rsync -a``, the archives office's account read none of it, and the same
    release gave another tree on another machine. Files are 0644 and folders 0755, ``arsip/`` itself among them."""
    old = os.umask(0o077)
    try:
        folder = write_version(tmp_path, SLUG, "1.0", {"manifest.json": b"{}", "situs/bab/index.html": b"<p>1</p>",
                                                       "sumber/laporan.yaml": b"versi: 1\n"})
    finally:
        os.umask(old)
    found = {p.relative_to(tmp_path).as_posix(): oct(p.stat().st_mode & 0o777) for p in tmp_path.rglob("*")}
    assert folder == tmp_path / "arsip" / SLUG / "1.0"
    assert {name for name, mode in found.items() if mode == "0o755"} == {
        "arsip", f"arsip/{SLUG}", f"arsip/{SLUG}/1.0", f"arsip/{SLUG}/1.0/situs", f"arsip/{SLUG}/1.0/situs/bab",
        f"arsip/{SLUG}/1.0/sumber"}
    assert {name for name, mode in found.items() if mode == "0o644"} == {
        f"arsip/{SLUG}/1.0/manifest.json", f"arsip/{SLUG}/1.0/situs/bab/index.html",
        f"arsip/{SLUG}/1.0/sumber/laporan.yaml"}


def test_a_version_folder_is_checked_with_sha256sum_and_bagit_and_explained_without_lkjip(flow: Flow,
                                                                                         tmp_path: Path) -> None:
    """The folder of a version handed to an archives office, renamed on the way, checked years later where lkjip is
    not installed. It held manifest.json (which no standard tool reads), situs/, sumber/ and a zip, and nothing
    saying what they were or how to check them: ``sha256sum -c`` had no file to read. Its README says, in
    Indonesian, and ``SHA256SUMS`` lists every other file, the manifest among them, so that the commands it gives
    pass on the folder as released and fail on a changed byte."""
    handed = tmp_path / "Serahan LKjIP 2022"
    shutil.copytree(flow.archive("1.1"), handed)
    sums = (handed / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    listed = [line.split("  ", 1)[1] for line in sums]
    assert listed == sorted(p.relative_to(handed).as_posix() for p in handed.rglob("*")
                            if p.is_file() and p.name != "SHA256SUMS")
    check = subprocess.run(["sha256sum", "-c", "--strict", "SHA256SUMS"], cwd=handed, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.count(": OK\n") == len(listed)

    readme = (handed / "BACA-SAYA.txt").read_text(encoding="utf-8")
    top = f"{SLUG}-1.1"
    for told in (f"Versi       : 1.1, tanggal terbit 15 Maret 2023", "sha256sum -c SHA256SUMS",
                 f"sha256sum SHA256SUMS manifest.json {top}-bagit.zip", "Berita Acara Serah Terima",
                 f"unzip {top}-bagit.zip -d bag", f"python3 -m bagit --validate bag/{top}", "situs/index.html",
                 f"https://lkjip.banjarkab.go.id/laporan/{SLUG}/1.1/",
                 # Windows has PowerShell, not sha256sum: the same check of every file, in one line
                 "Get-Content -Encoding UTF8 SHA256SUMS | ForEach-Object { $h, $f = $_ -split '  ', 2;"):
        assert told in readme, told
    with zipfile.ZipFile(handed / f"{top}-bagit.zip") as zf:  # the README's own commands, as written
        zf.extractall(tmp_path / "bag")
    validate = subprocess.run([sys.executable, "-m", "bagit", "--validate", f"bag/{top}"], cwd=tmp_path,
                              capture_output=True, text=True)
    assert validate.returncode == 0, validate.stderr

    page = handed / "situs" / "index.html"
    page.write_bytes(page.read_bytes() + b" ")
    changed = subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=handed, capture_output=True, text=True)
    assert changed.returncode == 1 and changed.stdout == "situs/index.html: FAILED\n"


def test_a_version_folder_handed_over_alone_names_the_version_its_change_page_compares(flow: Flow,
                                                                                       tmp_path: Path) -> None:
    """Version 1.1's folder handed to an archives office without the rest of the site: its change page's link
    "Baca versi 1.0" (``../../1.0/``) found nothing on disk, and nothing said where 1.0 lay or how to know it. The
    page and the README now name 1.0's folder and bag, and the SHA-256 of its manifest.json, which the reader
    compares with the folder of 1.0 they are given; 1.0, released before, keeps its bytes."""
    handed = tmp_path / "Serahan LKjIP 2022 versi 1.1"
    shutil.copytree(flow.archive("1.1"), handed)
    page = (handed / "situs" / "perubahan" / "index.html").read_text(encoding="utf-8")
    assert not (handed / "1.0").exists() and not (handed / "situs" / "1.0").exists()  # the link's dead end
    manifest = hashlib.sha256((flow.archive("1.0") / "manifest.json").read_bytes()).hexdigest()
    note = re.search(r'<p class="catatan" id="versi-sebelumnya">(.*?)</p>', page, re.S)
    assert note is not None
    text = re.sub(r"<[^>]+>", "", note.group(1))
    for told in (f"arsip/{SLUG}/1.0/", "situs/index.html", f"{SLUG}-1.0-bagit.zip",
                 f"manifest.json versi 1.0, yang dibandingkan halaman ini", manifest, "Berita Acara Serah Terima"):
        assert told in text, told

    readme = (handed / "BACA-SAYA.txt").read_text(encoding="utf-8")
    assert "PERUBAHAN DARI VERSI 1.0" in readme and "situs/perubahan/index.html" in readme
    assert f"folder arsip/{SLUG}/1.0/" in readme and f"{SLUG}-1.0-bagit.zip" in readme
    assert f"     {manifest}  manifest.json\n" in readme
    first = (flow.archive("1.0") / "BACA-SAYA.txt").read_text(encoding="utf-8")
    assert "Tidak ada versi terbitan sebelum versi ini" in first
    assert tree_hashes(flow.archive("1.0")) == flow.first_archive


def test_the_readme_and_the_guide_give_the_check_on_windows_and_macos(flow: Flow) -> None:
    """An archivist on a Windows PC without Python: the guide gave ``sha256sum -c`` only, and the README's PowerShell
    line printed one GAGAL among hundreds of OK lines, unseen. Both give the PowerShell line, the filter that shows
    only the files that differ, and macOS's ``shasum``; a version released without a PDF says so."""
    readme = (flow.archive("1.1") / "BACA-SAYA.txt").read_text(encoding="utf-8")
    guide = (REPO / "docs" / "panduan-penulis.md").read_text(encoding="utf-8")
    for text in (readme, guide):
        for told in (POWERSHELL_CHECK, POWERSHELL_FAILED, "shasum -a 256 -c SHA256SUMS"):
            assert told in text, told
    assert "Versi ini diterbitkan tanpa PDF" in " ".join(readme.split())  # released with --tanpa-pdf


def test_verifikasi_names_a_changed_or_missing_readme_and_sha256sums(flow: Flow, tmp_path: Path) -> None:
    """``SHA256SUMS`` and the README are part of the release: one edited or lost is named, as any archived file is,
    while a version released before they existed (its manifest names no README) still passes without them."""
    root = tmp_path / "situs"
    shutil.copytree(flow.root, root)
    new, old = root / "arsip" / SLUG / "1.1", root / "arsip" / SLUG / "1.0"
    (new / "BACA-SAYA.txt").write_text("isi lain\n", encoding="utf-8")
    sums = new / "SHA256SUMS"
    sums.write_text(sums.read_text(encoding="utf-8").replace("situs/index.html", "situs/lain.html"), encoding="utf-8")
    for name in ("BACA-SAYA.txt", "SHA256SUMS"):
        (old / name).unlink()
    run = lkjip(root, "verifikasi")
    assert run.code == 1
    assert [line for line in run.out.splitlines() if ": " in line] == [
        f"arsip/{SLUG}/1.0/BACA-SAYA.txt: hilang (arsip/{SLUG}/1.0/manifest.json:{_readme_line(old)})",
        f"arsip/{SLUG}/1.0/SHA256SUMS: hilang: versi ini terbit dengan SHA256SUMS (tercatat BACA-SAYA.txt di "
        "manifest.json); kembalikan berkas aslinya",
        f"arsip/{SLUG}/1.1/BACA-SAYA.txt: berubah: SHA-256 tidak sama dengan manifest "
        f"(arsip/{SLUG}/1.1/manifest.json:{_readme_line(new)})",
        f"arsip/{SLUG}/1.1/SHA256SUMS: berubah: tidak sama dengan sidik berkas yang dicatat manifest.json (dibuat "
        "darinya saat terbit); kembalikan berkas aslinya",
    ]
    # 1.0 as a release made before the README: its manifest and its bag without one, and no SHA256SUMS
    _bag_without_readme(root, "1.0")
    manifest = read_manifest((old / "manifest.json").read_bytes())
    (old / "manifest.json").write_bytes(replace(manifest, baca_saya=None).to_json())
    assert b"baca_saya" not in (old / "manifest.json").read_bytes()
    shutil.copy2(flow.archive("1.1") / "BACA-SAYA.txt", new / "BACA-SAYA.txt")
    shutil.copy2(flow.archive("1.1") / "SHA256SUMS", new / "SHA256SUMS")
    passed = lkjip(root, "verifikasi")
    assert passed.code == 0, passed.out
    lines = passed.out.splitlines()
    heading = next(i for i, text in enumerate(lines) if "Berita Acara Serah Terima" in text)
    assert [line.split("  ", 1)[1] for line in lines[heading + 1:]] == [  # 1.0 has no SHA256SUMS to record
        f"arsip/{SLUG}/1.0/manifest.json", f"arsip/{SLUG}/1.0/{SLUG}-1.0-bagit.zip",
        f"arsip/{SLUG}/1.1/manifest.json", f"arsip/{SLUG}/1.1/{SLUG}-1.1-bagit.zip", f"arsip/{SLUG}/1.1/SHA256SUMS"]


def _readme_line(folder: Path) -> int:
    lines = (folder / "manifest.json").read_text(encoding="utf-8").splitlines()
    return lines.index('    "path": "BACA-SAYA.txt",') + 1


def test_verifikasi_passes_then_names_every_tampered_missing_and_extra_file(flow: Flow, tmp_path: Path) -> None:
    assert flow.runs["verifikasi"].code == 0, flow.runs["verifikasi"].out
    assert "Verifikasi berhasil: 2 versi terbitan" in flow.runs["verifikasi"].out
    root = tmp_path / "situs"
    shutil.copytree(flow.root, root)
    archived = root / "arsip" / SLUG / "1.0" / "situs" / "bab-4-penutup" / "index.html"
    archived.write_bytes(archived.read_bytes().replace(b"sedikit", b"banyak"))
    (root / "build" / NEW / "data-terbuka" / "indikator.csv").unlink()
    (root / "build" / OLD / "catatan.txt").write_text("tambahan", encoding="utf-8")
    source = root / "arsip" / SLUG / "1.1" / "sumber" / "data" / "indikator.yaml"
    source.write_bytes(source.read_bytes().replace(b"78.5", b"82"))
    run = lkjip(root, "verifikasi")
    assert run.code == 1
    lines = [line for line in run.out.splitlines() if ": " in line]
    # each changed or missing file names the manifest line that lists it (its hash was looked for by hand)
    page = _manifest_line(root, "1.0", "situs", "bab-4-penutup/index.html")
    # and, the version's bag being intact, the command that writes the released bytes back: an office keeping
    # arsip/ on a share has no git, and a backup restored with one byte changed is no better
    page_back = (f"unzip -p arsip/{SLUG}/1.0/{SLUG}-1.0-bagit.zip {SLUG}-1.0/data/situs/bab-4-penutup/index.html > "
                 f"arsip/{SLUG}/1.0/situs/bab-4-penutup/index.html")
    source_back = (f"unzip -p arsip/{SLUG}/1.1/{SLUG}-1.1-bagit.zip {SLUG}-1.1/data/sumber/data/indikator.yaml > "
                   f"arsip/{SLUG}/1.1/sumber/data/indikator.yaml")
    assert lines == [
        f"arsip/{SLUG}/1.0/situs/bab-4-penutup/index.html: berubah: SHA-256 tidak sama dengan manifest "
        f"(arsip/{SLUG}/1.0/manifest.json:{page}); aslinya utuh di paket BagIt versi ini: {page_back}",
        f"build/{OLD}/catatan.txt: berkas tambahan yang tidak ada di manifest",
        f"arsip/{SLUG}/1.1/sumber/data/indikator.yaml: berubah: SHA-256 tidak sama dengan manifest "
        f"(arsip/{SLUG}/1.1/manifest.json:{_manifest_line(root, '1.1', 'sumber', 'data/indikator.yaml')}); "
        f"aslinya utuh di paket BagIt versi ini: {source_back}",
        f"build/{NEW}/data-terbuka/indikator.csv: hilang "
        f"(arsip/{SLUG}/1.1/manifest.json:{_manifest_line(root, '1.1', 'situs', 'data-terbuka/indikator.csv')})",
    ]
    assert "Verifikasi GAGAL: 4 berkas" in run.err
    # a build never publishes a changed release: it stops, naming the file, and keeps the previous build
    before = tree_hashes(root / "build")
    build = lkjip(root, "build", "--tanpa-pdf")
    assert build.code == 1
    assert (f"arsip/{SLUG}/1.0/situs/bab-4-penutup/index.html:1: galat: berubah: SHA-256 tidak sama dengan "
            f"manifest (arsip/{SLUG}/1.0/manifest.json:{page}); versi terbitan tidak boleh berubah: kembalikan "
            f"berkas aslinya dari paket BagIt versi ini, yang masih utuh: {page_back}, lalu jalankan "
            "'lkjip verifikasi'") in build.err
    assert tree_hashes(root / "build") == before
    if shutil.which("unzip"):  # the commands, run as written in the site folder, bring the released bytes back
        for command in (page_back, source_back):
            subprocess.run(command, shell=True, cwd=root, check=True)
        again = lkjip(root, "verifikasi")
        assert not [line for line in again.out.splitlines() if line.startswith("arsip/")], again.out


def _manifest_line(root: Path, versi: str, section: str, path: str) -> int:
    """The line of ``"path": "<path>"`` in the ``section`` (situs, sumber) of a version's manifest.json."""
    lines = (root / "arsip" / SLUG / versi / "manifest.json").read_text(encoding="utf-8").splitlines()
    start = lines.index(f'  "{section}": {{')
    return lines.index(f'        "path": "{path}",', start) + 1


def test_a_git_clone_of_the_site_keeps_released_bytes_with_the_gitattributes_of_lkjip_init(flow: Flow,
                                                                                             tmp_path: Path) -> None:
    """``arsip/`` is committed to the site's repository; Git for Windows (``core.autocrlf=true``) checked its text
    files out with CRLF, and the clone of a sound archive failed at every page, stylesheet and source ("berubah:
    SHA-256 tidak sama"), the build stopped, and ``sha256sum -c`` failed as well. The message now says the line ends
    changed and how to mend it; the ``.gitattributes`` that ``lkjip init`` writes keeps Git from changing them."""
    git = shutil.which("git")
    if git is None:
        pytest.fail("git tidak ditemukan: uji ini mengambil salinan repositori situs", pytrace=False)
    origin = tmp_path / "asal"
    shutil.copytree(flow.root / "arsip", origin / "arsip")
    shutil.copytree(flow.root / "content", origin / "content")
    shutil.copy2(flow.root / "situs.yaml", origin / "situs.yaml")

    def run(cwd: Path, *args: str) -> None:
        subprocess.run([git, "-c", "user.name=Pengelola", "-c", "user.email=pengelola@contoh.go.id", *args], cwd=cwd,
                       check=True, capture_output=True)

    def windows_clone(name: str) -> Path:
        clone = tmp_path / name
        run(tmp_path, "clone", "-q", "-c", "core.autocrlf=true", str(origin), str(clone))
        return clone

    run(origin, "init", "-q")
    run(origin, "add", "-A")
    run(origin, "commit", "-q", "-m", "Situs dan arsip")
    clone = windows_clone("tanpa-atribut")
    assert b"\r\n" in (clone / "arsip" / SLUG / "1.1" / "situs" / "index.html").read_bytes()
    failed = lkjip(clone, "verifikasi")
    assert failed.code == 1
    said = dict(line.split(": ", 1) for line in failed.out.splitlines() if line.startswith("arsip/"))
    for path in (f"arsip/{SLUG}/1.1/situs/index.html", f"arsip/{SLUG}/1.1/sumber/laporan.yaml",
                 f"arsip/{SLUG}/1.1/SHA256SUMS"):
        assert said[path].startswith("berubah: akhir barisnya diubah menjadi CRLF (isinya sama dengan manifest bila "
                                     "CRLF dibaca LF), biasanya oleh Git di Windows (core.autocrlf); tulis baris "
                                     "'arsip/** -text' di .gitattributes situs"), said[path]

    assert main(["init", str(tmp_path / "baru")]) == 0
    shutil.copy2(tmp_path / "baru" / ".gitattributes", origin / ".gitattributes")
    run(origin, "add", ".gitattributes")
    run(origin, "commit", "-q", "-m", "Akhir baris arsip tidak diubah Git")
    clone = windows_clone("dengan-atribut")
    source = f"content/laporan/{SLUG}/laporan.yaml"  # a released version's sources read as edited when converted
    assert (clone / source).read_bytes() == (origin / source).read_bytes()
    passed = lkjip(clone, "verifikasi")
    assert passed.code == 0, passed.out
    check = subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=clone / "arsip" / SLUG / "1.1",
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout


def test_verifikasi_names_an_empty_folder_added_inside_a_released_version(flow: Flow, tmp_path: Path) -> None:
    """An extra file inside a released version was named, an extra empty folder passed: the manifest names files
    only. Inside a version's folder (archive or build) it is named; the outermost of nested empty folders once."""
    root = tmp_path / "situs"
    shutil.copytree(flow.root, root)
    (root / "arsip" / SLUG / "1.0" / "situs" / "baru" / "lagi").mkdir(parents=True)
    (root / "arsip" / SLUG / "1.1" / "kosong").mkdir()
    (root / "build" / OLD / "data-terbuka" / "kosong").mkdir()
    run = lkjip(root, "verifikasi")
    assert run.code == 1
    extra = "folder tambahan yang tidak ada di manifest (versi terbitan tidak memuat folder kosong); hapus folder ini"
    assert [line for line in run.out.splitlines() if ": " in line] == [
        f"arsip/{SLUG}/1.0/situs/baru/: {extra}", f"build/{OLD}/data-terbuka/kosong/: {extra}",
        f"arsip/{SLUG}/1.1/kosong/: {extra}"]
    assert "Verifikasi GAGAL: 3 berkas" in run.err


def test_verifikasi_checks_an_archive_handed_over_without_its_site(flow: Flow, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The ``arsip/`` folder handed to an archives office, without ``situs.yaml``, could not be verified there:
    "situs.yaml tidak ditemukan …; buat situs dengan 'lkjip init FOLDER'". It is checked from the folder holding it
    or from inside it, and a changed byte is still named."""
    handed = tmp_path / "serahan"
    shutil.copytree(flow.root / "arsip", handed / "arsip")

    def run(*args: str) -> Run:
        return lkjip_here("verifikasi", *args)

    for where in (handed, handed / "arsip"):
        monkeypatch.chdir(where)
        passed = run()
        assert passed.code == 0, passed.out + passed.err
        assert f"{handed} bukan folder situs (tidak ada situs.yaml): hanya arsip/ yang diperiksa." in passed.out
        assert "Verifikasi berhasil: 2 versi terbitan" in passed.out
    page = handed / "arsip" / SLUG / "1.0" / "situs" / "index.html"
    page.write_bytes(page.read_bytes() + b" ")
    failed = run()
    assert failed.code == 1
    assert f"arsip/{SLUG}/1.0/situs/index.html: berubah: SHA-256 tidak sama dengan manifest" in failed.out
    monkeypatch.chdir(tmp_path)  # neither a site nor an archive: where to run it
    lost = run()
    assert lost.code == 2 and "di folder yang memuat folder arsip/" in lost.err


def test_verifikasi_checks_one_version_folder_handed_over_alone(flow: Flow, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """One version folder (``arsip/<slug>/<versi>/``) handed over alone could not be verified: "bukan folder situs",
    and it holds no ``arsip/``. It is checked when named (renamed on the way too) or from inside it."""
    handed = tmp_path / "serahan" / f"{SLUG}-1.1"
    shutil.copytree(flow.archive("1.1"), handed)

    def run(*args: str) -> Run:
        return lkjip_here("verifikasi", *args)

    monkeypatch.chdir(tmp_path)
    for where, args in ((tmp_path, [str(handed)]), (tmp_path, ["--situs", str(handed)]), (handed, [])):
        monkeypatch.chdir(where)
        passed = run(*args)
        assert passed.code == 0, passed.out + passed.err
        assert f"{handed} adalah folder satu versi terbitan (berisi manifest.json)" in passed.out
        assert "Verifikasi berhasil: 1 versi terbitan" in passed.out
    digest = hashlib.sha256((handed / "manifest.json").read_bytes()).hexdigest()
    assert f"{digest}  ./manifest.json" in passed.out.splitlines()
    monkeypatch.chdir(tmp_path)
    page = handed / "situs" / "index.html"
    page.write_bytes(page.read_bytes() + b" ")
    failed = run(f"serahan/{SLUG}-1.1")
    assert failed.code == 1
    assert f"serahan/{SLUG}-1.1/situs/index.html: berubah: SHA-256 tidak sama dengan manifest" in failed.out
    assert "Verifikasi GAGAL: 1 berkas" in failed.err
    # inside a site, the whole site is checked as before
    monkeypatch.chdir(flow.archive("1.0"))
    assert "Verifikasi berhasil: 2 versi terbitan" in run().out


def test_a_released_version_lost_from_the_archive_stops_the_build_and_fails_verifikasi(flow: Flow,
                                                                                      tmp_path: Path) -> None:
    """Deleting arsip/<slug>/1.0 (or cloning the site without arsip/) removed 1.0 from build/ at the next build,
    exit 0, while 1.1's change page still linked to it; verifikasi said "berhasil: 1 versi"."""
    root = tmp_path / "situs"
    shutil.copytree(flow.root, root)
    shutil.rmtree(root / "arsip" / SLUG / "1.0")
    before = tree_hashes(root / "build")
    build = lkjip(root, "build", "--tanpa-pdf")
    assert build.code == 1
    assert (f"arsip/{SLUG}/1.0:1: galat: versi terbitan '1.0' laporan '{SLUG}' tercantum di laporan/{SLUG}/versi.json "
            "situs yang sudah terbit, tetapi foldernya tidak ada di arsip/") in build.err
    assert tree_hashes(root / "build") == before  # 1.0 still served
    run = lkjip(root, "verifikasi")
    assert run.code == 1
    assert f"arsip/{SLUG}/1.0: hilang: versi terbitan '1.0'" in run.out
    shutil.rmtree(root / "arsip")  # a clone without its archive: both versions named
    assert [line.split(":")[0] for line in lkjip(root, "verifikasi").out.splitlines() if ": hilang: " in line] == [
        f"arsip/{SLUG}/1.0", f"arsip/{SLUG}/1.1"]


#: Files under ``arsip/`` opened while :data:`_WATCHING` holds a folder (an audit hook cannot be removed: it is
#: added once per process and watches only while a test sets the folder).
_OPENED: list[str] = []
_WATCHING: list[Path] = []


def _watch_opens(event: str, args: tuple[Any, ...]) -> None:
    if event == "open" and _WATCHING and isinstance(args[0], (str, Path)):
        path = Path(args[0])
        if _WATCHING[0] in path.parents:
            _OPENED.append(path.relative_to(_WATCHING[0]).as_posix())


sys.addaudithook(_watch_opens)


def test_a_rebuild_reads_no_released_file_it_read_before_and_still_finds_one_rewritten(flow: Flow,
                                                                                     tmp_path: Path) -> None:
    """Every build read every released version's files whole (pages, PDF, bag) to check them against the manifest,
    and held them in memory until published: a portal of 500 released reports (about 4 MB each) read and held 2 GB
    on every build, a one-chapter edit of an unreleased report included. The released files' hashes are now known
    from the build before (path, size, time): a rebuild opens none of them. A file rewritten since, even to the
    same size, has a new time, and is read and refused as before."""
    root = tmp_path / "situs"
    shutil.copytree(flow.root, root)
    assert lkjip(root, "build", "--tanpa-pdf").code == 0  # the copy's paths: learnt once here
    released = tree_hashes(root / "build" / OLD)
    edit(root / "content" / "laporan" / "martapura-barat-2023" / "40-bab-4-penutup.md", "\n## Langkah ke depan",
         "\nSatu kalimat baru.\n\n## Langkah ke depan")
    _OPENED.clear()
    _WATCHING.append(root / "arsip")
    try:
        run = lkjip(root, "build", "--tanpa-pdf")
    finally:
        _WATCHING.clear()
    assert run.code == 0, run.err
    assert [p for p in _OPENED if "/situs/" in p or "/sumber/" in p or p.endswith(".zip")] == []
    assert tree_hashes(root / "build" / OLD) == released  # still published, byte for byte

    page = root / "arsip" / SLUG / "1.0" / "situs" / "index.html"
    data = page.read_bytes()
    at = data.index(b"<title>") + len(b"<title>")
    page.write_bytes(data[:at] + bytes([data[at] ^ 0x20]) + data[at + 1:])  # same size, other bytes, a new time
    before = tree_hashes(root / "build")
    run = lkjip(root, "build", "--tanpa-pdf")
    assert run.code == 1
    assert f"arsip/{SLUG}/1.0/situs/index.html:1: galat: berubah: SHA-256 tidak sama dengan manifest" in run.err
    assert tree_hashes(root / "build") == before


def test_a_clone_without_build_whose_archive_lost_the_compared_version_is_stopped_at_the_link(flow: Flow,
                                                                                             tmp_path: Path) -> None:
    """A fresh clone has no build/, so nothing recorded that 1.0 was released: with arsip/<slug>/1.0 lost, the build
    made the site without 1.0, exit 0, 1.1's "Baca versi 1.0" led nowhere, verifikasi passed, and an upload with
    'rsync --delete' took 1.0 off the server. 1.1's change page, released, is the record: its link names 1.0."""
    root = tmp_path / "situs"
    shutil.copytree(flow.root, root, ignore=shutil.ignore_patterns("build"))
    shutil.rmtree(root / "arsip" / SLUG / "1.0")
    page = f"arsip/{SLUG}/1.1/situs/perubahan/index.html"
    line = next(n for n, text in enumerate((root / page).read_text(encoding="utf-8").splitlines(), 1)
                if '<a href="../../1.0/">Baca versi 1.0</a>' in text)
    told = (f"{page}:{line}: galat: halaman perubahan versi terbitan '1.1' laporan '{SLUG}' menautkan versi '1.0' "
            f"(versi yang dibandingkannya), tetapi folder arsip/{SLUG}/1.0/ tidak ada di arsip/")
    for command in ("build", "check"):
        run = lkjip(root, command, "--tanpa-pdf") if command == "build" else lkjip(root, command)
        assert run.code == 1 and told in run.err, run.err
        assert f"kembalikan folder arsip/{SLUG}/1.0/ dari repositori situs atau cadangan" in run.err
    assert not (root / "build").exists()  # nothing written: the upload has nothing to delete 1.0 with
    run = lkjip(root, "verifikasi")
    assert run.code == 1
    assert f"arsip/{SLUG}/1.0: hilang: halaman perubahan versi terbitan '1.1'" in run.out
    assert run.out.count(": hilang: ") == 1 and f"({page}:{line})" in run.out


#: The change page of a version released by lkjip 0.2.10 (before a change page named where the compared version
#: lies), cut to its links: the portal's, its own version's and "Baca versi 1.0".
OLD_CHANGE_PAGE = """<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>Perubahan dari versi 1.0 — Laporan Kinerja Kecamatan Lama Tahun 2025</title>
<link rel="alternate" type="application/atom+xml" href="../../../../feed.xml" title="Laporan dan versi baru">
<link rel="stylesheet" href="../aset/css/site.css?v=c5aaff7e0f">
</head>
<body>
<a class="lewati" href="#isi">Langsung ke isi</a>
<nav class="menu-situs" aria-label="Menu utama"><a href="../../../../cari/">Cari</a>
  <a href="../../../../perbandingan/">Perbandingan</a>
</nav>
<nav class="remah wadah" aria-label="Jejak navigasi">
  <ol>
<li><a href="../../../../">Beranda</a></li><li><a href="../../../../instansi/kecamatan-lama/">Kecamatan Lama</a></li>
<li><a href="../../">Tahun 2025</a></li><li><a href="../">Versi 1.1</a></li>
  </ol>
</nav>
<main id="isi" class="wadah" tabindex="-1">
<h1>Perubahan dari versi 1.0</h1>
<p class="meta">Laporan Kinerja Kecamatan Lama Tahun 2025 · versi 1.0 (terbit 15 Februari 2026) →
<a href="../">versi 1.1</a> (terbit 1 Maret 2026)</p>
<p>Halaman ini dihitung otomatis dari data kedua versi. <a href="../../1.0/">Baca versi 1.0</a>.</p>
<p class="catatan">Versi 1.0 dibuat dengan lkjip 0.2.9, versi 1.1 dengan lkjip 0.2.10.</p>
</main>
</body>
</html>
"""


def _old_release(root: Path, slug: str, versi: str, site: dict[str, bytes]) -> None:
    """A version folder as lkjip 0.2.10 and before wrote it: manifest.json without baca_saya, situs/, sumber/ and
    the bag, no BACA-SAYA.txt nor SHA256SUMS; small, written directly (a test cannot run the old lkjip)."""
    folder = root / "arsip" / slug / versi
    released = {"1.0": "2026-02-15", "1.1": "2026-03-01"}[versi]
    sources = {"laporan.yaml": f'tahun: 2025\nperiode: tahunan\nversi: "{versi}"\ntanggal_terbit: {released}\n'
               .encode("utf-8")}
    when = dt.datetime.fromisoformat(f"{released}T00:00:00+00:00")
    info = {"External-Identifier": f"laporan/{slug}/{versi}", "Bag-Software-Agent": "lkjip-site 0.2.10 dengan bagit.py",
            "LKjIP-Diterbitkan": f"{released}T00:00:00Z", "LKjIP-Sumber-SHA256": tree_digest(entries(sources))}
    bag = make_bag_zip(site, sources, info, f"{slug}-{versi}", when)
    meta = {"slug": slug, "versi": versi, "judul": "Laporan Kinerja Kecamatan Lama Tahun 2025", "tahun": 2025,
            "periode": "tahunan", "tanggal_terbit": released, "catatan_versi": "", "bab": []}
    manifest = Manifest(meta, "0.2.10", f"{released}T00:00:00Z", entries(site), entries(sources),
                        entries({f"{slug}-{versi}-bagit.zip": bag})[0])
    for rel, data in [*((f"situs/{p}", d) for p, d in site.items()), *((f"sumber/{p}", d) for p, d in sources.items()),
                      (f"{slug}-{versi}-bagit.zip", bag), ("manifest.json", manifest.to_json())]:
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)


def test_an_archive_released_by_an_older_lkjip_names_the_version_its_change_page_compares_if_lost(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An arsip/ released by lkjip 0.2.10 (copied alone, as to an archives office): its 1.1's change page links to
    1.0 as every change page has; with 1.0 there it passes, links to the portal's pages are no loss; with 1.0 gone,
    verifikasi passed ("berhasil: 1 versi terbitan") and now names 1.0, at 1.1's link."""
    slug = "kecamatan-lama-2025"
    _old_release(tmp_path, slug, "1.0", {"index.html": b"<!DOCTYPE html><title>Versi 1.0</title>\n"})
    _old_release(tmp_path, slug, "1.1", {"index.html": b"<!DOCTYPE html><title>Versi 1.1</title>\n",
                                         "perubahan/index.html": OLD_CHANGE_PAGE.encode("utf-8")})
    monkeypatch.chdir(tmp_path)
    run = lkjip_here("verifikasi")
    assert run.code == 0 and "Verifikasi berhasil: 2 versi terbitan" in run.out, run.out + run.err
    shutil.rmtree(tmp_path / "arsip" / slug / "1.0")
    run = lkjip_here("verifikasi")
    assert run.code == 1
    line = OLD_CHANGE_PAGE.splitlines().index(next(x for x in OLD_CHANGE_PAGE.splitlines() if "Baca versi" in x)) + 1
    assert [x for x in run.out.splitlines() if ": hilang: " in x] == [
        f"arsip/{slug}/1.0: hilang: halaman perubahan versi terbitan '1.1' laporan '{slug}' menautkan versi '1.0' "
        f"(versi yang dibandingkannya), tetapi folder arsip/{slug}/1.0/ tidak ada di arsip/ (versi terbitan tidak "
        "boleh hilang dari situs: tautan itu tidak menuju ke mana pun, dan unggahan yang membuang berkas lama di "
        "server, mis. 'rsync --delete', menghapus versi itu dari portal); kembalikan folder "
        f"arsip/{slug}/1.0/ dari repositori situs atau cadangan, lalu jalankan 'lkjip verifikasi' "
        f"(arsip/{slug}/1.1/situs/perubahan/index.html:{line})"]


def _replace_bag(root: Path, versi: str, change: Any) -> None:
    """Change the bag's unpacked files with ``change(folder)``, zip it again and write the new zip's hash and size
    into manifest.json: what the zip's hash alone could not catch."""
    folder = root / "arsip" / SLUG / versi
    manifest_path = folder / "manifest.json"
    doc = json.loads(manifest_path.read_text(encoding="utf-8"))
    zip_path = folder / doc["bagit"]["path"]
    unpacked = root.parent / "bag"
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(unpacked)
    top = next(unpacked.iterdir())
    change(top)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for path in sorted(p for p in top.rglob("*") if p.is_file()):
            zf.write(path, f"{top.name}/{path.relative_to(top).as_posix()}")
    zip_path.write_bytes(buf.getvalue())
    doc["bagit"]["sha256"] = hashlib.sha256(buf.getvalue()).hexdigest()
    doc["bagit"]["ukuran"] = len(buf.getvalue())
    manifest_path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    shutil.rmtree(unpacked)


def _append(name: str) -> Any:
    def change(top: Path) -> None:
        path = top / name
        path.write_bytes(path.read_bytes() + b"#")
    return change


@pytest.mark.parametrize("damage, says", [
    # payload, bag manifests kept: bagit.py said only "Payload-Oxum validation failed", the file is named with its line
    (_append("data/sumber/laporan.yaml"), "bag BagIt tidak sah menurut bagit.py: Payload-Oxum validation failed."),
    (_append("data/sumber/laporan.yaml"), "; berkas di dalam bag yang tidak sama dengan manifest bag: "
                                          "data/sumber/laporan.yaml berubah (manifest-sha256.txt baris "),
    (_append("bag-info.txt"), "bag-info.txt berubah (tagmanifest-sha256.txt baris "),  # a tag file: the tag manifests
    (lambda top: (top / "tagmanifest-sha512.txt").unlink(), "hilang: tagmanifest-sha512.txt"),
    # a tag file not in UTF-8: bagit.py's UnicodeDecodeError was a traceback
    (lambda top: (top / "bag-info.txt").write_bytes(b"Source-Organization: \xff\xfe\n"),
     "bag BagIt tidak sah menurut bagit.py"),
    (lambda top: (top / "catatan.txt").write_text("x", encoding="utf-8"), "tambahan: catatan.txt"),
])
def test_verifikasi_validates_the_bag_itself_not_only_its_hash(flow: Flow, tmp_path: Path, damage: Any,
                                                               says: str) -> None:
    """A bag changed inside, zipped again and its new hash written into manifest.json passed verifikasi: only the
    zip's hash and the bag's SHA-256 manifest lines were compared."""
    root = tmp_path / "situs"
    shutil.copytree(flow.root, root)
    _replace_bag(root, "1.0", damage)
    run = lkjip(root, "verifikasi")
    assert run.code == 1
    assert any(line.startswith(f"arsip/{SLUG}/1.0/{SLUG}-1.0-bagit.zip: ") and says in line
               for line in run.out.splitlines()), run.out


@pytest.mark.parametrize("key, value, says", [
    ("tanggal_terbit", "2023-01-01", "laporan.tanggal_terbit '2023-01-01' tidak sama dengan '2023-02-28' di "
                                     "sumber/laporan.yaml"),
    ("catatan_versi", "Terbitan PALSU", "laporan.catatan_versi 'Terbitan PALSU' tidak sama dengan"),
    ("diterbitkan", "2020-01-01T00:00:00Z", "diterbitkan '2020-01-01T00:00:00Z' tidak sama dengan LKjIP-Diterbitkan "
                                            "'2024-02-15T00:00:00Z' di bag-info.txt"),
    ("lkjip_site", "9.9.9", "lkjip_site '9.9.9' tidak sama dengan Bag-Software-Agent"),
])
def test_verifikasi_reads_the_manifests_own_facts_against_the_release(flow: Flow, tmp_path: Path, key: str,
                                                                      value: str, says: str) -> None:
    """A manifest edited to another date or note passed verifikasi, and the site's version list, versi.json and
    feed showed what it said."""
    root = tmp_path / "situs"
    shutil.copytree(flow.root, root)
    path = root / "arsip" / SLUG / "1.0" / "manifest.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    (doc["laporan"] if key in doc["laporan"] else doc)[key] = value
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    run = lkjip(root, "verifikasi")
    assert run.code == 1
    assert any(line.startswith(f"arsip/{SLUG}/1.0/manifest.json: ") and says in line
               for line in run.out.splitlines()), run.out


# ------------------------------------------------------------------------------------------------ open data


def test_datapackage_validates_with_frictionless(flow: Flow) -> None:
    for folder in (flow.build / OLD / "data-terbuka", flow.build / NEW / "data-terbuka"):
        report = frictionless.validate(str(folder / "datapackage.json"))
        assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
    descriptor = json.loads((flow.build / NEW / "data-terbuka" / "datapackage.json").read_text(encoding="utf-8"))
    # an annual report without quarterly values has no triwulan.csv (not a header without rows)
    assert [r["path"] for r in descriptor["resources"]] == ["indikator.csv", "sasaran.csv", "anggaran.csv",
                                                            "angka-kunci.csv", "laporan.json"]
    # the quarterly example publishes each quarter's values (Tabel "… per Triwulan")
    quarterly = flow.build / "laporan" / "pengaron-2024-tw1" / "1.0" / "data-terbuka"
    report = frictionless.validate(str(quarterly / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
    descriptor = json.loads((quarterly / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in descriptor["resources"]] == ["indikator.csv", "sasaran.csv", "triwulan.csv",
                                                            "anggaran.csv", "angka-kunci.csv", "laporan.json"]


def test_open_data_carries_machine_values(flow: Flow) -> None:
    package = frictionless.Package(str(flow.build / NEW / "data-terbuka" / "datapackage.json"))
    rows = package.get_resource("indikator").read_rows()
    ikm = [r for r in rows if r["indikator_id"] == "IKM" and r["tahun"] == 2022]
    assert len(ikm) == 1
    assert (ikm[0]["target"], ikm[0]["realisasi"], ikm[0]["capaian"]) == (80, Decimal("78.5"), Decimal("98.125"))
    assert ikm[0]["predikat"] == "Sangat Berhasil" and ikm[0]["periode"] == "tahunan"
    rb = [r for r in rows if r["indikator_id"] == "RB" and r["tahun"] == 2022][0]
    assert rb["capaian"] is None and rb["realisasi"] is None
    assert rb["alasan_na"] == "realisasi tidak tersedia: Hasil penilaian mandiri tidak disajikan dalam LKjIP 2022"
    sakip = [r for r in rows if r["indikator_id"] == "SAKIP" and r["tahun"] == 2022][0]
    assert sakip["target_kualitatif"] == "B" and sakip["target"] is None
    keys = {r["kunci"]: r for r in package.get_resource("angka-kunci").read_rows()}
    assert keys["indikator.mencapai_target"]["nilai"] == 1  # the {nilai} path is the key
    assert keys["capaian.rata_rata"]["nilai"] == Decimal("288.125") / 3  # unrounded, not the printed 96,04
    assert keys["capaian.predikat"]["teks"] == "Sangat Berhasil" and keys["capaian.predikat"]["nilai"] is None
    assert keys["capaian.rata_rata"]["definisi"].startswith("rerata per sasaran")
    budget = package.get_resource("anggaran").read_rows()
    assert all(r["kode_induk"] is None for r in budget if r["tingkat"] == "program")
    total = load_document((flow.build / NEW / "data-terbuka" / "laporan.json").read_bytes())["anggaran"]
    assert total["pagu"] == sum(r["pagu"] for r in budget if r["tingkat"] == "program")
    # the old version keeps its own numbers
    old = load_document((flow.build / OLD / "data-terbuka" / "laporan.json").read_bytes())
    assert [r["realisasi"] for r in old["indikator"] if r["indikator_id"] == "IKM" and r["tahun"] == 2022] == [82]


# ------------------------------------------------------------------------------------------------ small parts


def test_version_order_is_natural_and_suggestions_go_above_every_release() -> None:
    assert sorted(["1.10", "1.9", "2.0", "1.0"], key=version_key) == ["1.0", "1.9", "1.10", "2.0"]
    assert suggest_version("1.0") == "1.1"
    assert suggest_version("1.0", ["1.0", "1.1"]) == "1.2"
    assert suggest_version("2") == "3"


def test_one_figure_under_two_names_is_listed_once() -> None:
    """``indikator.jumlah`` and ``laporan.jumlah_indikator`` are one count: "Jumlah indikator 5 → 6" was listed twice."""
    def side(versi: str, n: int) -> VersionData:
        rows = [{"kunci": k, "uraian": "Jumlah indikator", "nilai": n, "teks": "", "satuan": "indikator"}
                for k in ("indikator.jumlah", "laporan.jumlah_indikator")]
        return VersionData(versi, dt.date(2024, 1, 31), {"angka_kunci": rows}, [])
    assert [(c.subjek, c.lama, c.baru) for c in compare(side("1.0", 5), side("1.1", 6)).angka_kunci] == [
        ("Jumlah indikator", "5", "6")]


def test_a_key_figure_a_newer_lkjip_computes_is_not_listed_as_changed() -> None:
    """The first version made after an upgrade listed "Indikator dalam rata-rata capaian – → 1" as a change of the
    report: 0.1.0 did not compute that figure. Between two lkjip versions a figure only one side lists is named in a
    note instead; made by one lkjip, a figure that appears is a change (the report's data gained it)."""
    def side(versi: str, keys: tuple[str, ...], alat: str) -> VersionData:
        rows = [{"kunci": k, "uraian": k.capitalize(), "nilai": 1, "teks": "", "satuan": "indikator"} for k in keys]
        return VersionData(versi, dt.date(2024, 1, 31), {"angka_kunci": rows}, [], alat)
    upgraded = compare(side("1.0", ("jumlah",), "0.1.0"), side("1.1", ("jumlah", "dirata-rata"), "0.2.0"))
    assert upgraded.angka_kunci == [] and upgraded.angka_kunci_alat == ["Dirata-rata"] and upgraded.empty
    same_tool = compare(side("1.0", ("jumlah",), "0.2.0"), side("1.1", ("jumlah", "dirata-rata"), "0.2.0"))
    assert [(c.subjek, c.lama, c.baru) for c in same_tool.angka_kunci] == [("Dirata-rata", "–", "1")]
    assert same_tool.angka_kunci_alat == []


def test_change_page_text_shows_last_years_change_and_link_text_as_the_pages_did() -> None:
    """The change page showed citizens "(selisih [angka])" for a change from last year (not in the open data by
    that name) and "[BAB III](30-bab-3-akuntabilitas-kinerja.md)" as written."""
    row = {"nama": "Aduan", "satuan": "aduan", "polaritas": "negatif", "periode": "tahunan", "capaian": None}
    document = {"laporan": {"tahun": 2023, "periode": "tahunan"}, "indikator": [
        {**row, "indikator_id": "ADU", "tahun": 2023, "realisasi": 6},
        {**row, "indikator_id": "ADU", "tahun": 2022, "realisasi": 4},
        {**row, "indikator_id": "IKK", "polaritas": "positif", "tahun": 2023, "realisasi": Decimal("85.32")},
        {**row, "indikator_id": "IKK", "polaritas": "positif", "tahun": 2022, "realisasi": Decimal("82.4")}]}
    body = ("Aduan {nilai}`ADU.realisasi_lalu` menjadi {nilai}`ADU.realisasi` ({nilai}`ADU.tren`, selisih "
            "{nilai}`ADU.delta`); IKK {nilai}`IKK.delta`, {nilai}`IKK.tren`, lihat [BAB III](30-bab-3.md) dan "
            "{ref}`tabel-1`; {nilai}`ADU.kemajuan`.")
    [chapter] = with_values([ChapterText("bab-1", "Pendahuluan", body)], document)
    assert chapter.body == ("Aduan 4 menjadi 6 (naik (memburuk), selisih 2); IKK 2,92, naik, lihat BAB III dan "
                            "[rujukan]; [angka].")


def test_change_page_text_shows_means_of_quarters_and_their_change_as_printed() -> None:
    """Two means of quarters (83,3333… and 81,6666…) read "83,3333" and "(selisih 1,6667)" in a changed sentence,
    where the pages print "83,33" and "1,66", the change of the printed figures (``comparisons.delta``). As the
    version printed them (``printed``); the change the model's when it says it (the version being built)."""
    row = {"nama": "IKM", "satuan": "nilai", "polaritas": "positif", "periode": "tahunan", "capaian": None,
           "indikator_id": "IKM"}
    document = {"laporan": {"tahun": 2023, "periode": "tahunan"}, "indikator": [
        {**row, "tahun": 2023, "realisasi": Decimal(250) / 3}, {**row, "tahun": 2022, "realisasi": Decimal(245) / 3}]}
    body = "IKM {nilai}`IKM.realisasi_lalu` menjadi {nilai}`IKM.realisasi` (selisih {nilai}`IKM.delta`)."
    printed = {"IKM.realisasi@2023": "83,33", "IKM.realisasi@2022": "81,67"}
    [chapter] = with_values([ChapterText("bab-1", "Pendahuluan", body)], document, printed)
    assert chapter.body == "IKM 81,67 menjadi 83,33 (selisih 1,66)."
    [chapter] = with_values([ChapterText("bab-1", "Pendahuluan", body)], document, {**printed, "IKM.delta": "1,70"})
    assert chapter.body == "IKM 81,67 menjadi 83,33 (selisih 1,70)."


def test_change_page_text_shows_a_percent_indicator_with_its_unit_as_the_chapter_does() -> None:
    """A changed sentence citing a realisasi in % read "84,50" (and last year's "80") where the chapter page prints
    "84,50 %" and "80 %": the change page printed the number without the renderer's unit rule (``refs.value_ref``).
    The mean of quarters keeps the decimals its version printed; a declared N/A stays N/A."""
    row = {"nama": "Persentase layanan", "satuan": "%", "polaritas": "positif", "periode": "tahunan",
           "capaian": None, "indikator_id": "PL"}
    document = {"laporan": {"tahun": 2023, "periode": "tahunan"}, "indikator": [
        {**row, "tahun": 2023, "realisasi": Decimal("84.5"), "target": None, "target_kualitatif": ""},
        {**row, "tahun": 2022, "realisasi": 80}]}
    body = ("Realisasi {nilai}`PL.realisasi` ({nilai}`PL.realisasi@2023`), tahun lalu {nilai}`PL.realisasi_lalu`, "
            "target {nilai}`PL.target`.")
    [chapter] = with_values([ChapterText("bab-3", "Akuntabilitas", body)], document, {"PL.realisasi@2023": "84,50"})
    assert chapter.body == "Realisasi 84,50 % (84,50 %), tahun lalu 80 %, target N/A."
    [chapter] = with_values([ChapterText("bab-3", "Akuntabilitas", body)], document)  # as entered when not known
    assert chapter.body == "Realisasi 84,5 % (84,5 %), tahun lalu 80 %, target N/A."


def test_word_diff_shows_changed_paragraphs_only() -> None:
    old = "Satu dua tiga.\n\nEmpat lima\nenam.\n\n- butir a\n- butir b\n"
    new = "Satu dua tiga.\n\nEmpat lima enam.\n\n- butir a\n- butir c\n"
    assert paragraphs(new) == ["Satu dua tiga.", "Empat lima enam.", "• butir a", "• butir c"]
    assert word_diff(old, new) == [[("sama", "• butir "), ("hapus", "b"), ("tambah", "c")]]  # re-wrap is no change
    assert word_diff("a", "a") == []


def test_word_diff_shows_a_deleted_paragraph_deleted_not_rewritten_into_the_next() -> None:
    """A list item deleted beside a heading that was edited read "<del>memberi umpan balik</del><ins>Kedudukan,
    tugas</ins> dan <del>…</del>": the paragraphs of a changed block were paired by position. The deleted item is
    shown deleted whole, and the heading beside its own old text."""
    old = "- mengaitkan anggaran;\n- memberi umpan balik untuk perencanaan.\n\n## Kedudukan, tugas dan fungsi\n"
    new = "- mengaitkan anggaran;\n\n## Kedudukan, tugas pokok dan fungsi\n"
    assert word_diff(old, new) == [
        [("hapus", "• memberi umpan balik untuk perencanaan.")],
        [("sama", "Kedudukan, tugas "), ("tambah", "pokok "), ("sama", "dan fungsi")]]
    # a paragraph added before one that was edited: the edit is still shown beside its own old text
    assert word_diff("Satu dua tiga empat.", "Paragraf baru sama sekali.\n\nSatu dua tiga lima.") == [
        [("tambah", "Paragraf baru sama sekali.")],
        [("sama", "Satu dua tiga "), ("hapus", "empat."), ("tambah", "lima.")]]


def test_word_diff_compares_the_text_a_reader_sees_not_its_markdown() -> None:
    """The change page showed readers "[dihapus: **97,50]" for a bold figure that changed, and "##", "- " and
    "|---|" as words: it compared the Markdown source. It compares and shows the text as the pages show it."""
    old = ("## Capaian {#capaian}\n\nRata-rata capaian adalah **97,50 %**, lihat `Tabel 3.1`.\n\n"
           "| Indikator | Capaian |\n|---|--:|\n| IKM | *102,50 %* |\n\n* Satu \\*dua\\*\n")
    new = ("## Capaian kinerja {#capaian}\n\nRata-rata capaian adalah **96,04 %**, lihat `Tabel 3.1`.\n\n"
           "| Indikator | Capaian |\n|:--|--:|\n| IKM | *98,13 %* |\n\n- Satu \\*dua\\*\n")
    assert paragraphs(new) == ["Capaian kinerja", "Rata-rata capaian adalah 96,04 %, lihat Tabel 3.1.",
                               "Indikator | Capaian", "IKM | 98,13 %", "• Satu *dua*"]
    assert word_diff(old, new) == [
        [("sama", "Capaian"), ("tambah", " kinerja")],
        [("sama", "Rata-rata capaian adalah "), ("hapus", "97,50"), ("tambah", "96,04"),
         ("sama", " %, lihat Tabel 3.1.")],
        [("sama", "IKM | "), ("hapus", "102,50"), ("tambah", "98,13"), ("sama", " %")]]
    # emphasis added or a list marker changed is no change of the text a reader reads
    assert word_diff("Capaian **baik**.\n\n* butir", "Capaian *baik*.\n\n- butir") == []


def test_word_diff_says_what_a_table_or_chart_block_is() -> None:
    """A table or chart whose title or options changed was shown as its source ("```{tabel} capaian id:
    capaian-sasaran judul: … ```"): fences, id and option names read as words. It reads as the kind of block, its
    title and its other options; its id (an anchor no reader sees) is left out."""
    old = ("Teks.\n\n```{tabel} capaian\nid: capaian-sasaran\njudul: Capaian Sasaran 2023\nsasaran: [S1]\n```\n\n"
           "~~~{grafik} target_realisasi\nid: g\njudul: Target dan Realisasi\n~~~\n")
    new = old.replace("Sasaran 2023", "Sasaran Strategis 2023").replace("id: g", "id: grafik-tr")
    assert paragraphs(new) == ["Teks.", "Tabel capaian: Capaian Sasaran Strategis 2023 (sasaran: [S1])",
                               "Grafik target realisasi: Target dan Realisasi"]
    assert word_diff(old, new) == [[("sama", "Tabel capaian: Capaian Sasaran "), ("tambah", "Strategis "),
                                     ("sama", "2023 (sasaran: [S1])")]]
    assert word_diff(old, old.replace("[S1]", "[S1, S2]")) == [
        [("sama", "Tabel capaian: Capaian Sasaran 2023 (sasaran: "), ("hapus", "[S1])"), ("tambah", "[S1, S2])")]]
    # a code block is not a directive: kept as written
    assert paragraphs("```\nkode: 1\n```") == ["``` kode: 1 ```"]


@given(st.decimals(allow_nan=False, allow_infinity=False, places=None).filter(lambda d: abs(d.adjusted()) < 40))
def test_open_data_numbers_round_trip_exactly(value: Decimal) -> None:
    text = machine_number(value)
    assert "e" not in text.lower()
    assert load_document(to_json({"x": value}))["x"] == value


def test_release_with_pdf_archives_the_pdf_with_its_open_data_attached(fresh_project: Path, epoch: None,
                                                                      tmp_path: Path) -> None:
    """The default release (with PDF) on the small scaffold report: the PDF is published, archived and in the bag,
    and it carries the version's open data as PDF/A-3 attachments, byte for byte. The PDF the head reviewed before
    the release (``lkjip pdf``) is the archived one, byte for byte: a version's PDF is not marked a draft before its
    release (its web pages are not either), only one laid out after a release without a PDF is marked."""
    fill_in(fresh_project / "content/laporan/contoh-2023")
    review = tmp_path / "untuk-pimpinan.pdf"
    assert lkjip(fresh_project, "pdf", "contoh-2023", "-o", str(review)).code == 0
    run = lkjip(fresh_project, "terbitkan", "contoh-2023")
    assert run.code == 0, run.err
    folder = fresh_project / "arsip" / "contoh-2023" / "1.0"
    manifest = read_manifest((folder / "manifest.json").read_bytes())
    assert "contoh-2023-1.0.pdf" in {e.path for e in manifest.situs}
    pdf = folder / "situs" / "contoh-2023-1.0.pdf"
    assert pdf.read_bytes() == (fresh_project / "build" / "laporan" / "contoh-2023" / "1.0" / pdf.name).read_bytes()
    assert pdf.read_bytes() == review.read_bytes()
    with pikepdf.open(pdf) as doc:
        attached = {name: spec.get_file().read_bytes() for name, spec in doc.attachments.items()}
    for name in ("datapackage.json", "indikator.csv", "anggaran.csv", "laporan.json"):
        assert attached[name] == (folder / "situs" / "data-terbuka" / name).read_bytes(), name
    with zipfile.ZipFile(folder / manifest.bagit.path) as zf:
        assert zf.read("contoh-2023-1.0/data/situs/contoh-2023-1.0.pdf") == pdf.read_bytes()
    page = (fresh_project / "build" / "laporan" / "contoh-2023" / "1.0" / "index.html").read_text(encoding="utf-8")
    pdf_link = page.index('href="contoh-2023-1.0.pdf"')
    assert pdf_link < page.index('href="data-terbuka/indikator.csv"') < page.index('href="data/indikator.yaml"')
    assert lkjip(fresh_project, "verifikasi").code == 0


def test_pdf_of_a_released_version_is_the_archived_pdf(fresh_project: Path, epoch: None,
                                                       monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """``lkjip pdf`` of a released version, a year later (another SOURCE_DATE_EPOCH, as another lkjip or another
    layout would be), gives the signed PDF of that number byte for byte, not a new layout of it; and ``--strict``
    does not stop on a warning of that released text, as ``build --strict`` does not."""
    folder = fresh_project / "content/laporan/contoh-2023"
    fill_in(folder)
    chapter = folder / "30-bab-3-akuntabilitas-kinerja.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace(
        "({nilai}`anggaran.serapan`).", "({nilai}`anggaran.serapan`), naik 12,34 %."), encoding="utf-8")
    assert lkjip(fresh_project, "terbitkan", "contoh-2023").code == 0
    archived = (fresh_project / "arsip/contoh-2023/1.0/situs/contoh-2023-1.0.pdf").read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 1 January 2026
    target = tmp_path / "laporan.pdf"
    run = lkjip(fresh_project, "pdf", "contoh-2023", "--strict", "-o", str(target))
    assert run.code == 0, run.err
    assert target.read_bytes() == archived
    assert "PDF-nya disalin dari arsip/contoh-2023/1.0 apa adanya, tidak dibuat ulang" in run.out
    assert "peringatan: versi ini sudah diterbitkan dan tidak dibangun ulang" in run.err

    # the next version, not released yet, is laid out, and --strict stops on the same warning there
    meta = folder / "laporan.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace('versi: "1.0"', 'versi: "1.1"'), encoding="utf-8")
    run = lkjip(fresh_project, "pdf", "contoh-2023", "--strict", "-o", str(target))
    assert run.code == 1 and re.search(r"bab-3-akuntabilitas-kinerja\.md:\d+: galat: persentase 12,34 %", run.err)
    run = lkjip(fresh_project, "pdf", "contoh-2023", "-o", str(target))
    assert run.code == 0 and "disalin dari" not in run.out and target.read_bytes() != archived


def test_pdf_of_a_version_released_without_one_says_it_is_not_part_of_the_release(flow: Flow, tmp_path: Path) -> None:
    """``lkjip pdf`` of a version released with ``--tanpa-pdf`` lays it out from the version's sources, and said only
    where it wrote it: the PDF, which names the version, was taken for the released document (printed, handed over
    beside the version's folder). It says, in Indonesian, that the PDF is laid out now, by which lkjip, that no
    manifest lists it, and how to publish a PDF; the released version is left as it was."""
    archive, build = tree_hashes(flow.root / "arsip"), tree_hashes(flow.build)
    target = tmp_path / "laporan.pdf"
    run = lkjip(flow.root, "pdf", SLUG, "-o", str(target))
    assert run.code == 0, run.err
    assert target.read_bytes().startswith(b"%PDF")
    said = " ".join(run.out.split())
    assert (f"Versi ini sudah diterbitkan tanpa PDF (arsip/{SLUG}/1.1): PDF ini baru disusun sekarang dari sumber "
            f"versi itu dengan lkjip-site {__version__}, dan bukan bagian dari versi terbitan.") in said
    assert "tidak tercantum di manifest.json maupun SHA256SUMS versi itu" in said
    assert f"naikkan versi di laporan.yaml, isi catatan_versi, lalu jalankan 'lkjip terbitkan {SLUG}'" in said
    assert (tree_hashes(flow.root / "arsip"), tree_hashes(flow.build)) == (archive, build)


def _pdf_text(pdf: Path) -> tuple[list[str], dict[str, Any], str]:
    """A PDF read back as a reader has it: each page's text (spaces as one), its document information (/Subject,
    /Keywords, /CreationDate) and its XMP description."""
    reader = pypdf.PdfReader(pdf)
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    xmp = reader.xmp_metadata
    return pages, dict(reader.metadata or {}), (xmp.dc_description or {}).get("x-default", "") if xmp else ""


def test_a_pdf_laid_out_after_a_release_without_one_says_so_on_the_document(fresh_project: Path, epoch: None,
                                                                           tmp_path: Path) -> None:
    """``lkjip pdf`` of a version released with ``--tanpa-pdf`` said on the terminal only that the PDF is no part of
    the release: the PDF itself, mailed or found beside the version's folder, looked like the signed report. It says
    so on its cover, under every page number and in its /Subject, /Keywords and XMP, dated the day it is laid out.
    The same version's PDF laid out before the release (``lkjip pdf`` for the head's review, memoised) is not marked,
    as the version's web pages are not: ``terbitkan`` archives it byte for byte; nor is it taken from the memo for
    the PDF laid out after the release. The smallest report (``lkjip new``); about 20 s."""
    fill_in(fresh_project / "content/laporan/contoh-2023")
    review = tmp_path / "sebelum.pdf"
    assert lkjip(fresh_project, "pdf", "contoh-2023", "-o", str(review)).code == 0
    assert lkjip(fresh_project, "terbitkan", "contoh-2023", "--tanpa-pdf").code == 0
    later = tmp_path / "sesudah.pdf"
    run = lkjip(fresh_project, "pdf", "contoh-2023", "-o", str(later))
    assert run.code == 0, run.err

    day = "15 Februari 2024"  # the day SOURCE_DATE_EPOCH names, as the PDF's creation date
    pages, info, xmp = _pdf_text(later)
    assert (f"Bukan dokumen terbitan. PDF ini disusun {day} dengan lkjip-site {__version__} dari sumber versi 1.0, "
            "yang diterbitkan tanpa PDF (arsip/contoh-2023/1.0); sidiknya tidak tercantum di manifest.json versi "
            "itu.") in pages[0]
    footer = f"Bukan dokumen terbitan: disusun {day} dari sumber versi 1.0, yang terbit tanpa PDF"
    printed = [text for text in pages[1:] if text]  # (the back of the cover and pages left blank: nothing printed)
    assert len(printed) >= 10 and all(text.endswith(footer) for text in printed), printed
    assert info["/Subject"] == xmp and re.fullmatch(
        r"Laporan Kinerja Instansi Pemerintah \(LKjIP\) Kecamatan Contoh Tahun \d{4}, versi 1\.0 "
        rf"\(bukan dokumen terbitan: disusun {day}; versi itu terbit tanpa PDF\)", xmp), xmp
    assert info["/Keywords"].endswith(", bukan dokumen terbitan")
    assert info["/CreationDate"].startswith("D:20240215")

    pages, info, xmp = _pdf_text(review)  # before the release: as the web pages of that version, unmarked
    assert not any("dokumen terbitan" in text for text in pages)
    assert "terbitan" not in info["/Subject"] + info["/Keywords"] + xmp


def test_serve_shows_released_versions_as_released(tmp_path: Path) -> None:
    """``lkjip serve`` copies a released version byte for byte (no live-reload script added) next to the version
    being written, which it rebuilds and reloads as usual. About 8 s."""
    root = tmp_path / "situs"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH_1)
        assert new_report(root, "contoh-2023") == 0
        fill_in(root / "content/laporan/contoh-2023")
        assert lkjip(root, "terbitkan", "contoh-2023", "--tanpa-pdf").code == 0
    released = root / "arsip" / "contoh-2023" / "1.0" / "situs"
    with running_serve(root, EPOCH_1) as base:
        page = get_bytes(f"{base}/laporan/contoh-2023/1.0/bab-1-pendahuluan/")
        assert page == (released / "bab-1-pendahuluan" / "index.html").read_bytes()
        assert b"__lkjip_muat_ulang" not in page
        version = get(base + "/__lkjip_versi")[1]
        meta = root / "content" / "laporan" / "contoh-2023" / "laporan.yaml"
        edit(meta, 'versi: "1.0"', 'versi: "1.1"')
        wait(lambda: get(base + "/__lkjip_versi")[1] != version)
        status, new = get(f"{base}/laporan/contoh-2023/1.1/bab-1-pendahuluan/")
        assert status == 200 and "/__lkjip_muat_ulang.js" in new
        assert get_bytes(f"{base}/laporan/contoh-2023/1.0/bab-1-pendahuluan/") == page
        assert "Perubahan dari versi 1.0" in get(f"{base}/laporan/contoh-2023/1.1/perubahan/")[1]


def test_release_warns_about_an_unchanged_catatan_and_refuses_a_lower_number(fresh_project: Path, epoch: None) -> None:
    meta = fresh_project / "content" / "laporan" / "contoh-2023" / "laporan.yaml"
    fill_in(meta.parent)
    assert lkjip(fresh_project, "terbitkan", "contoh-2023", "--tanpa-pdf").code == 0
    edit(meta, 'versi: "1.0"', 'versi: "1.1"')
    run = lkjip(fresh_project, "terbitkan", "contoh-2023", "--tanpa-pdf")
    assert run.code == 0
    assert ("content/laporan/contoh-2023/laporan.yaml:4: peringatan: catatan_versi sama dengan versi '1.0' yang "
            "sudah terbit") in run.err
    # ``lkjip check`` renders the landing and change pages like a build: links to archived files resolve
    check = lkjip(fresh_project, "check")
    assert check.code == 0 and "Pemeriksaan selesai: tidak ada galat." in check.out, check.out
    edit(meta, 'versi: "1.1"', 'versi: "0.9"')
    before = tree_hashes(fresh_project / "arsip"), tree_hashes(fresh_project / "build")
    run = lkjip(fresh_project, "terbitkan", "contoh-2023", "--tanpa-pdf")
    assert run.code == 1
    assert ("content/laporan/contoh-2023/laporan.yaml:4: galat: versi '0.9' lebih rendah dari versi '1.1' yang sudah "
            'diterbitkan; nomor versi baru harus lebih tinggi, mis. versi: "1.2"') in run.err
    assert (tree_hashes(fresh_project / "arsip"), tree_hashes(fresh_project / "build")) == before
    # nor dated before a released version: 1.3 dated 2020 was listed as published before 1.2
    edit(meta, 'versi: "0.9"', 'versi: "1.2"')
    text = meta.read_text(encoding="utf-8")
    dated = re.search(r"tanggal_terbit: (\S+)", text)
    assert dated is not None
    meta.write_text(text.replace(dated.group(0), "tanggal_terbit: 2020-01-01"), encoding="utf-8")
    run = lkjip(fresh_project, "terbitkan", "contoh-2023", "--tanpa-pdf")
    assert run.code == 1
    line = text[:dated.start()].count("\n") + 1
    assert (f"content/laporan/contoh-2023/laporan.yaml:{line}: galat: tanggal_terbit 1 Januari 2020 lebih awal dari "
            "versi '1.1' yang terbit") in run.err, run.err
    assert (tree_hashes(fresh_project / "arsip"), tree_hashes(fresh_project / "build")) == before


def test_a_correction_released_later_under_the_date_of_the_version_before_is_warned_at_tanggal_terbit(
        fresh_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The archivist's probe: 1.1, 1.2 and 2.0 released months apart with ``versi`` and ``catatan_versi`` changed but
    not ``tanggal_terbit`` were each listed "terbit 31 Januari 2024" on the version list, the change pages and the
    feed, without a word. A version released the same day as the one before keeps its date silently; ``--strict``
    refuses the release."""
    scaffold = fresh_project / "content" / "laporan" / "contoh-2023"  # named by the year lkjip new wrote in it
    year = re.search(r"^tahun: (\d{4})$", (scaffold / "laporan.yaml").read_text(encoding="utf-8"), re.M)
    assert year is not None
    slug = f"contoh-{year.group(1)}"  # no other warning: the release's own stops --strict, or nothing did
    meta = scaffold.rename(scaffold.parent / slug) / "laporan.yaml"
    fill_in(meta.parent)
    monkeypatch.delenv("LKJIP_DEBUG", raising=False)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_1)  # 15 Februari 2024
    assert lkjip(fresh_project, "terbitkan", slug, "--tanpa-pdf").code == 0
    text = meta.read_text(encoding="utf-8")
    dated = re.search(r"tanggal_terbit: (\S+)", text)
    assert dated is not None
    line = text[:dated.start()].count("\n") + 1
    edit(meta, 'versi: "1.0"', 'versi: "1.1"')
    meta.write_text(meta.read_text(encoding="utf-8") + "catatan_versi: Salah ketik diperbaiki.\n", encoding="utf-8")
    same_day = lkjip(fresh_project, "terbitkan", slug, "--tanpa-pdf")
    assert same_day.code == 0, same_day.err
    assert "sama dengan versi" not in same_day.out + same_day.err
    edit(meta, 'versi: "1.1"', 'versi: "1.2"')
    edit(meta, "catatan_versi: Salah ketik diperbaiki.", "catatan_versi: Realisasi dikoreksi.")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_2)  # 15 Maret 2024
    # --strict ("peringatan dianggap galat") stops on it before anything is archived: the release's own warnings
    # were added after the version was stored for good, and 1.2 was released under the date 1.1 had
    before = tree_hashes(fresh_project / "arsip"), tree_hashes(fresh_project / "build")
    strict = lkjip(fresh_project, "terbitkan", slug, "--tanpa-pdf", "--strict")
    assert strict.code == 1, strict.out + strict.err
    assert f"laporan.yaml:{line}: galat: tanggal_terbit " in strict.err, strict.err
    assert (tree_hashes(fresh_project / "arsip"), tree_hashes(fresh_project / "build")) == before
    later = lkjip(fresh_project, "terbitkan", slug, "--tanpa-pdf")
    assert later.code == 0, later.err
    told = dt.date.fromisoformat(dated.group(1))
    assert (f"content/laporan/{slug}/laporan.yaml:{line}: peringatan: tanggal_terbit "
            f"{fmt_date(told)} sama dengan versi '1.1' yang diarsipkan 15 Februari "
            "2024") in later.err, later.err
    assert "tulis tanggal terbit versi ini, mis. tanggal_terbit: 2024-03-15" in later.err


def _doc(indikator: list[dict], anggaran: dict | None = None) -> dict:
    return {"format": "lkjip-data-terbuka/1", "indikator": indikator, "sasaran": [], "angka_kunci": [],
            "anggaran": anggaran}


def _ind(iid: str, realisasi: object, capaian: object, predikat: str = "Baik") -> dict:
    return {"indikator_id": iid, "nama": f"Indikator {iid}", "tahun": 2023, "periode": "tahunan", "target": 100,
            "target_kualitatif": "", "realisasi": realisasi, "realisasi_kualitatif": "", "capaian": capaian,
            "predikat": predikat}


def test_compare_lists_added_and_removed_indicators_budget_rows_and_chapters() -> None:
    """Hand-made documents: what a change page must say when rows and chapters appear and disappear."""
    leaf = {"kode": "7.01.01.2.01.0001", "nama": "Sub A", "pagu": 100, "realisasi": 90, "serapan": 90, "rincian": []}
    gone = {"kode": "7.01.01.2.01.0002", "nama": "Sub B", "pagu": 50, "realisasi": 50, "serapan": 100, "rincian": []}
    old = VersionData("1.0", dt.date(2024, 1, 31), _doc(
        [_ind("A", 95, Decimal("95")), _ind("B", 50, Decimal("50"), "Kurang")],
        {"pagu": 150, "realisasi": 140, "serapan": Decimal("93.33"), "program": [leaf, gone]}),
        [ChapterText("bab-1", "BAB I Pendahuluan", "Teks."), ChapterText("lampiran", "Lampiran", "L.")])
    new = VersionData("1.1", dt.date(2024, 2, 29), _doc(
        [_ind("A", "", None, ""), _ind("C", 10, Decimal("10"), "Kurang")],
        {"pagu": 100, "realisasi": 90, "serapan": 90, "program": [leaf]}),
        [ChapterText("bab-1", "BAB I Latar Belakang", "Teks."), ChapterText("bab-2", "BAB II Baru", "B.")])
    changes = compare(old, new)
    assert changes.indikator_ditambahkan == ["C Indikator C"]
    assert changes.indikator_dihapus == ["B Indikator B"]
    assert [(c.subjek, c.besaran, c.lama, c.baru, c.selisih) for c in changes.indikator] == [
        ("A Indikator A", "Realisasi 2023", "95", "N/A", ""),
        # N/A as the tables print them, not "–" (see the test of a value that cannot be computed)
        ("A Indikator A", "Capaian 2023", "95,00 %", "N/A", ""),
        ("A Indikator A", "Predikat 2023", "Baik", "N/A", ""),
    ]
    assert [(c.subjek, c.besaran, c.lama, c.baru, c.selisih) for c in changes.anggaran] == [
        ("Total anggaran", "Pagu", "Rp 150", "Rp 100", "-Rp 50"),
        ("Total anggaran", "Realisasi", "Rp 140", "Rp 90", "-Rp 50"),
        ("Total anggaran", "Serapan", "93,33 %", "90,00 %", "-3,33 poin persen"),
        ("7.01.01.2.01.0002 Sub B", "Baris", "ada", "dihapus", ""),
    ]
    assert [(b.id, b.status, b.judul_lama) for b in changes.bab] == [
        ("bab-1", "judul", "BAB I Pendahuluan"), ("bab-2", "ditambahkan", ""), ("lampiran", "dihapus", "")]
    assert not changes.empty
    assert compare(old, old).empty


def test_compare_prints_a_realisasi_declared_missing_as_n_a_as_the_tables_do() -> None:
    """A realisasi corrected to ``tidak_ada`` read "95 → –" on the change page, the dash that means nil, where every
    table prints N/A. The open data holds a declared N/A and a value not written alike (null), and the tables print
    both N/A; "–" is kept for a year the old version had no row of."""
    old = VersionData("1.0", dt.date(2024, 1, 31), _doc([_ind("A", 95, Decimal("95"))]), [])
    new = VersionData("1.1", dt.date(2024, 2, 29), _doc([
        {**_ind("A", None, None), "alasan_na": "realisasi tidak tersedia: survei tidak dilaksanakan"},
        {**_ind("A", 90, Decimal("90")), "tahun": 2024}]), [])
    rows = [(c.besaran, c.lama, c.baru) for c in compare(old, new).indikator]
    assert ("Realisasi 2023", "95", "N/A") in rows
    assert ("Realisasi 2024", "–", "90") in rows  # no row of 2024 in the old version
    assert ("Target 2024", "–", "100") in rows



CARRIED = ("realisasi TW III tidak tersedia (survei TW III belum selesai); yang ditampilkan realisasi TW II, nilai "
           "terakhir yang tersedia")


def test_change_page_says_a_value_taken_from_an_earlier_quarter_and_its_change(tmp_path: Path, epoch: None) -> None:
    """A TW III realisasi of 85, released, then declared missing (the survey not done after all): version 1.1 shows
    TW II's 83, marked in its tables, and its change page read "85 → 83, -2" and capaian "-2,50 poin persen" bare,
    as if TW III's level fell. The new value and its change carry the note the tables letter, lettered under the
    table; a value without one carries none."""
    root = tmp_path / "proyek"
    slug = "uji-2026-tw3"
    assert new_report(root, slug, 2026, "tw3", "Kecamatan Uji") == 0
    fill_in_site(root)
    folder = root / "content" / "laporan" / slug
    fill_in(folder)
    indicators = folder / "data" / "indikator.yaml"
    text = indicators.read_text(encoding="utf-8").replace("    polaritas: positif\n",
                                                          "    polaritas: positif\n    agregasi: terakhir\n")
    indicators.write_text(re.sub(r"      2026: \{tw1: [^}]*\}", "      2026: {tw1: 81, tw2: 83, tw3: 85}", text),
                          encoding="utf-8")
    assert lkjip(root, "terbitkan", slug, "--tanpa-pdf").code == 0
    edit(indicators, "tw3: 85}", "tw3: {tidak_ada: survei TW III belum selesai}}")
    edit(folder / "laporan.yaml", 'versi: "1.0"', 'versi: "1.1"')
    run = lkjip(root, "build", "--tanpa-pdf")
    assert run.code == 0, run.err
    page = (root / "build" / "laporan" / slug / "1.1" / "perubahan" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr><th scope=\"row\">.*?</tr>", page)
    letter = ('<sup class="na-ref"><a href="#tabel-ubah-indikator-na-1" aria-label="catatan a">a</a></sup>')
    realisasi = next(r for r in rows if "Realisasi s.d. TW III 2026" in r)
    assert f'<td class="angka">85</td><td class="angka"><span data-angka="IKU1.realisasi@2026">83</span>{letter}' \
           f'</td><td class="angka">-2{letter}</td>' in realisasi
    capaian = next(r for r in rows if "Capaian s.d. TW III 2026" in r)
    assert capaian.count(letter) == 2 and '<td class="angka">106,25 %</td>' in capaian
    assert f'<li id="tabel-ubah-indikator-na-1" class="na-catatan-tabel"><sup>a</sup> {CARRIED}</li>' in page
    assert page.count("na-catatan-tabel") == 1


def test_compare_letters_each_values_own_note() -> None:
    """A row's ``catatan_nilai`` holds its target's note and its realisasi's: each value's change carries its own
    (the realisasi's was not the target's), an old value its own version's, equal notes one letter; the capaian's
    is its ``catatan_capaian``. An open data made before it had the column says nothing."""
    target_note = "target TW III tidak tersedia (x; y); yang ditampilkan target TW II, nilai terakhir yang tersedia"
    old = VersionData("1.0", dt.date(2024, 1, 31), _doc([{**_ind("A", 80, Decimal("80")), "target": 90}]), [])
    new = VersionData("1.1", dt.date(2024, 2, 29), _doc([
        {**_ind("A", 83, Decimal("92.22")), "catatan_nilai": f"{target_note}; {CARRIED}", "catatan_capaian": CARRIED}]),
        [])
    changes = compare(old, new)
    notes = {c.besaran: (c.catatan_lama, c.catatan_baru) for c in changes.indikator}
    assert changes.indikator_catatan == [target_note, CARRIED]
    assert notes == {"Target 2023": (0, 1), "Realisasi 2023": (0, 2), "Capaian 2023": (0, 2)}
    back = compare(new, old)
    assert {c.besaran: (c.catatan_lama, c.catatan_baru) for c in back.indikator}["Realisasi 2023"] == (2, 0)

def test_compare_lists_a_changed_pagu_awal_and_target_awal() -> None:
    """A correction that recorded the APBD Perubahan (pagu_awal) in program 7.01.01 and corrected the PK awal's
    target of A changed no pagu, realisasi, target or capaian: the change page listed nothing but the data files.
    A version made before the columns existed (no key) and one without a change (null) are alike."""
    leaf = {"kode": "7.01.01", "nama": "Program", "pagu": 100, "realisasi": 90, "serapan": 90, "rincian": []}
    old = VersionData("1.0", dt.date(2024, 1, 31), _doc([_ind("A", 95, Decimal("95"))],
                                                        {"pagu": 100, "realisasi": 90, "serapan": 90, "program": [leaf]}), [])
    new = VersionData("1.1", dt.date(2024, 2, 29), _doc(
        [{**_ind("A", 95, Decimal("95")), "target_awal": 110, "target_awal_kualitatif": ""}],
        {"pagu": 100, "realisasi": 90, "serapan": 90, "pagu_awal": 120,
         "program": [{**leaf, "pagu_awal": 120}]}), [])
    changes = compare(old, new)
    assert [(c.subjek, c.besaran, c.lama, c.baru) for c in changes.indikator] == [
        ("A Indikator A", "Target awal (PK awal) 2023", "–", "110")]
    assert [(c.subjek, c.besaran, c.lama, c.baru, c.selisih) for c in changes.anggaran] == [
        ("Total anggaran", "Pagu awal", "–", "Rp 120", ""),
        ("7.01.01 Program", "Pagu awal", "–", "Rp 120", "")]
    nulls = replace(old, document=_doc([{**_ind("A", 95, Decimal("95")), "target_awal": None}],
                                       {"pagu": 100, "realisasi": 90, "serapan": 90, "pagu_awal": None,
                                        "program": [{**leaf, "pagu_awal": None}]}))
    assert compare(old, nulls).empty


def test_compare_lists_a_corrected_jenis_belanja_amount_with_its_figure() -> None:
    """A correction of Belanja Modal's realisasi (printed in the jenis belanja table and chart, in laporan.json) was
    listed only as "anggaran.yaml diubah": its rows are compared as the budget tree's, each new value marked with its
    figure id for the audit. A version whose laporan.json had no jenis belanja rows lists none as new."""
    def budget(modal: int) -> dict:
        rows = [{"jenis": "pegawai", "nama": "Belanja Pegawai", "pagu": 60, "realisasi": 60, "serapan": Decimal(100),
                 "sisa": 0, "pagu_awal": None},
                {"jenis": "modal", "nama": "Belanja Modal", "pagu": 40, "realisasi": modal,
                 "serapan": Decimal(modal) / 40 * 100, "sisa": 40 - modal, "pagu_awal": None}]
        return {"pagu": 100, "realisasi": 60 + modal, "serapan": Decimal(60 + modal), "program": [],
                "jenis_belanja": rows, "jenis_belanja_jumlah": {"pagu": 100, "realisasi": 60 + modal,
                                                                "serapan": Decimal(60 + modal), "sisa": 40 - modal,
                                                                "pagu_awal": None}}
    old = VersionData("1.0", dt.date(2024, 1, 31), _doc([], budget(30)), [])
    new = VersionData("1.1", dt.date(2024, 2, 29), _doc([], budget(35)), [])
    jenis = [(c.subjek, c.besaran, c.lama, c.baru, c.angka) for c in compare(old, new).anggaran
             if c.subjek.startswith("Jenis belanja")]
    assert jenis == [
        ("Jenis belanja: Belanja Modal", "Realisasi", "Rp 30", "Rp 35", "anggaran.jenis.modal.realisasi"),
        ("Jenis belanja: Belanja Modal", "Serapan", "75,00 %", "87,50 %", "anggaran.jenis.modal.serapan"),
        ("Jenis belanja: Jumlah belanja", "Realisasi", "Rp 90", "Rp 95", "anggaran.jenis.realisasi"),
        ("Jenis belanja: Jumlah belanja", "Serapan", "90,00 %", "95,00 %", "anggaran.jenis.serapan")]
    earlier = {**budget(35)}
    del earlier["jenis_belanja"], earlier["jenis_belanja_jumlah"]
    assert not [c for c in compare(replace(old, document=_doc([], earlier)), new).anggaran
                if c.subjek.startswith("Jenis belanja")]


def test_change_page_lists_the_source_files_whose_change_no_figure_shows() -> None:
    """A version that corrected only a table drawn from the report's own data file (``data/pendanaan.csv``) read
    "Tidak ada angka maupun teks bab yang berubah": no computed figure nor chapter text differed. Every source file
    that differs is listed; nothing when one side's files are not known (a version archived without them)."""
    old = VersionData("1.0", dt.date(2024, 1, 31), {}, [], "0.2.2",
                      {"laporan.yaml": "a" * 64, "data/pendanaan.csv": "b" * 64, "gambar/lama.svg": "c" * 64})
    new = VersionData("1.1", dt.date(2024, 2, 28), {}, [], "0.2.2",
                      {"laporan.yaml": "a" * 64, "data/pendanaan.csv": "d" * 64, "gambar/baru.svg": "c" * 64})
    changes = compare(old, new)
    assert changes.berkas == [("data/pendanaan.csv", "diubah"), ("gambar/baru.svg", "ditambahkan"),
                              ("gambar/lama.svg", "dihapus")]
    assert changes.empty  # of figures and text: the page says so, and names the files below
    assert compare(old, replace(new, sumber={})).berkas == []


def test_change_page_of_a_version_made_by_another_lkjip_says_so(flow: Flow, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Versions made by two lkjip versions differ in layout no author wrote: the page names both. A version whose
    only change is in ``laporan.yaml`` says no figure nor text changed, and names the file."""
    root = tmp_path / "situs"
    shutil.copytree(flow.root, root)
    report = root / "content" / "laporan" / SLUG
    edit(report / "laporan.yaml", 'versi: "1.1"', 'versi: "1.2"')
    monkeypatch.setattr(pages_module, "__version__", "9.9.9")
    run = lkjip(root, "build", "--tanpa-pdf")
    assert run.code == 0, run.err
    html = (root / "build" / "laporan" / SLUG / "1.2" / "perubahan" / "index.html").read_text(encoding="utf-8")
    assert f"Versi 1.1 dibuat dengan lkjip {__version__}, versi 1.2 dengan lkjip 9.9.9." in html
    assert ("Tidak ada target, realisasi, capaian, anggaran, angka kunci maupun teks bab yang berubah; "
            '<a href="#ubah-berkas">berkas sumber yang berubah</a> didaftar di bawah.') in html
    parser = _Rows()
    parser.feed(html)
    assert parser.tables["Berkas sumber yang berubah"][1:] == [["laporan.yaml", "diubah"]]


_LAPORAN_1 = """versi: "1.0"
tanggal_terbit: 2024-01-31
catatan_versi: Terbitan pertama.
instansi:
  nama: Kecamatan Contoh
  kepala: {nama: "H. Ahmad, M.Si", jabatan: Camat Contoh, pangkat: Pembina (IV/a), nip: "19690115 199002 1 001"}
penandatanganan: {tempat: Martapura, tanggal: 2024-01-31}
capaian: {batas_100: false}
"""


def test_change_page_lists_each_changed_field_of_laporan_pk_and_renstra() -> None:
    """A new head of the instansi, another signing date or a corrected PK date changed no figure and no chapter:
    the page said only "laporan.yaml diubah". Each field that differs is listed with its old and new value, in the
    order of the files, named in words; the version, its date and note (shown at the top) are not; a file only one
    side has is compared field by field with "–"; nothing when one side's files are not known."""
    laporan_2 = (_LAPORAN_1.replace('"1.0"', '"1.1"').replace("2024-01-31", "2024-03-15")
                 .replace("Terbitan pertama.", "Ralat.").replace("H. Ahmad, M.Si", "Dra. Siti Aminah, M.AP")
                 .replace("19690115 199002 1 001", "19750512 199803 2 004").replace("false", "true"))
    pk = "tahun: 2023\ntanggal: 2023-10-05\npihak_kedua: {nama: Bupati Lama, jabatan: Bupati}\nsasaran: [S1]\n"
    renstra = ("tujuan:\n  - id: T1\n    uraian: Tujuan\n    sasaran:\n      - id: S1\n        uraian: Lama\n"
               "        indikator: [A, B]\n")
    old = VersionData("1.0", dt.date(2024, 1, 31), {}, [], isian={"laporan.yaml": _LAPORAN_1, "data/pk.yaml": pk,
                                                                  "data/renstra.yaml": renstra})
    new = VersionData("1.1", dt.date(2024, 3, 15), {}, [], isian={
        "laporan.yaml": laporan_2, "data/pk.yaml": pk.replace("10-05", "10-06").replace("Lama", "Baru"),
        "data/renstra.yaml": renstra.replace("Lama", "Baru").replace("[A, B]", "[A, C]")})
    changes = compare(old, new)
    signatory = FieldChange("laporan.yaml", "Nama kepala instansi (penanda tangan)", "H. Ahmad, M.Si",
                            "Dra. Siti Aminah, M.AP")
    assert changes.isian == [
        signatory,
        FieldChange("laporan.yaml", "NIP kepala instansi", "19690115 199002 1 001", "19750512 199803 2 004"),
        FieldChange("laporan.yaml", "Tanggal penandatanganan", "31 Januari 2024", "15 Maret 2024"),
        FieldChange("laporan.yaml", "Capaian dibatasi 100 %", "tidak", "ya"),
        FieldChange("data/pk.yaml", "Tanggal Perjanjian Kinerja", "5 Oktober 2023", "6 Oktober 2023"),
        FieldChange("data/pk.yaml", "Pihak kedua PK: nama", "Bupati Lama", "Bupati Baru"),
        FieldChange("data/renstra.yaml", "tujuan T1 › sasaran S1 › uraian", "Lama", "Baru"),
        FieldChange("data/renstra.yaml", "tujuan T1 › sasaran S1 › indikator", "A; B", "A; C"),
    ]
    assert changes.penanda_tangan == signatory
    assert changes.empty  # of figures and text: the fields have their own table
    added = compare(replace(old, isian={"laporan.yaml": _LAPORAN_1}), new).isian
    assert FieldChange("data/pk.yaml", "Tahun Perjanjian Kinerja", "–", "2023") in added
    assert compare(replace(old, isian={}), new).isian == []
    renamed = laporan_2.replace("  kepala:", "  nama_sebelumnya: [Kecamatan Lama]\n  kepala:")
    assert FieldChange("laporan.yaml", "Nama lama instansi", "–", "Kecamatan Lama") in compare(
        new, replace(new, isian={**new.isian, "laporan.yaml": renamed})).isian


def test_change_page_says_the_signatory_changed(flow: Flow, tmp_path: Path) -> None:
    """The released version's laporan.yaml (from its archived sources) against the folder's: a new signatory is
    said at the top of the page and listed with the other fields."""
    root = tmp_path / "situs"
    shutil.copytree(flow.root, root)
    report = root / "content" / "laporan" / SLUG
    edit(report / "laporan.yaml", 'versi: "1.1"', 'versi: "1.2"')
    edit(report / "laporan.yaml", "nama: Misran, SE, MM", "nama: Dra. Siti Aminah, M.AP")
    edit(report / "laporan.yaml", 'nip: "19720210 199303 1 006"', 'nip: "19750512 199803 2 004"')
    run = lkjip(root, "build", "--tanpa-pdf")
    assert run.code == 0, run.err
    html = (root / "build" / "laporan" / SLUG / "1.2" / "perubahan" / "index.html").read_text(encoding="utf-8")
    assert ("<p><strong>Penanda tangan berganti:</strong> Misran, SE, MM (versi 1.1) → Dra. Siti Aminah, M.AP "
            "(versi 1.2);") in html
    parser = _Rows()
    parser.feed(html)
    assert parser.tables["Keterangan laporan, Perjanjian Kinerja dan Renstra yang berubah"][1:] == [
        ["Nama kepala instansi (penanda tangan)", "laporan.yaml", "Misran, SE, MM", "Dra. Siti Aminah, M.AP"],
        ["NIP kepala instansi", "laporan.yaml", "19720210 199303 1 006", "19750512 199803 2 004"]]
    assert ('<a href="#ubah-keterangan">keterangan laporan yang berubah</a> dan <a href="#ubah-berkas">berkas '
            "sumber yang berubah</a> didaftar di bawah.") in html


def test_change_page_names_a_quarter_as_the_pages_do() -> None:
    """A quarterly row's change read "Realisasi s.d. TW2 2024" (the data key upper-cased) where every page says
    "s.d. TW II"."""
    old = VersionData("1.0", dt.date(2024, 7, 31), _doc([{**_ind("A", 40, Decimal("40")), "periode": "tw2"}]), [])
    new = VersionData("1.1", dt.date(2024, 8, 31), _doc([{**_ind("A", 45, Decimal("45")), "periode": "tw2"}]), [])
    assert [c.besaran for c in compare(old, new).indikator] == ["Realisasi s.d. TW II 2023", "Capaian s.d. TW II 2023"]


def test_change_page_prints_a_value_that_cannot_be_computed_as_the_tables_do() -> None:
    """A capaian, predikat, sasaran capaian, serapan or key figure that became N/A read "–" on the change page (the
    dash that means nil), unmarked, where every table prints N/A; a capaian set by ``hasil_negatif: tidak_tercapai``
    read N/A in a changed sentence where the tables print "tidak tercapai". Each as the tables print it, the N/A
    marked for the audit with its reason in a lettered note; "–" stays for a row its version did not have."""
    year = {"laporan": {"tahun": 2023, "periode": "tahunan"}}
    old = VersionData("1.0", dt.date(2024, 1, 31), {
        **year, **_doc([_ind("A", 95, Decimal("95"), "Cukup"), _ind("B", 120, Decimal("80"), "Baik")],
               {"pagu": 100, "realisasi": 90, "serapan": Decimal("90"), "program": [
                   {"kode": "7.01.01", "nama": "Program", "pagu": 100, "realisasi": 90, "serapan": Decimal("90")}]}),
        "sasaran": [{"sasaran_id": "S1", "uraian": "Sasaran", "capaian": Decimal("95"), "predikat": "Cukup"}],
        "angka_kunci": [{"kunci": "capaian.rata_rata", "uraian": "Rata-rata capaian", "nilai": Decimal("95"),
                         "teks": "", "satuan": "persen"}]}, [ChapterText("bab-3", "BAB III", "B {nilai}`B.capaian`.")])
    missing = {**_ind("A", None, None, ""), "alasan_na": "realisasi tidak tersedia: belum diverifikasi"}
    negative = {**_ind("B", 250, None, "Kurang"), "alasan_na": "tidak tercapai: realisasi lebih dari dua kali target"}
    new = VersionData("1.1", dt.date(2024, 2, 28), {
        **year, **_doc([missing, negative, _ind("C", 10, Decimal("10"))],
               {"pagu": 0, "realisasi": 0, "serapan": None, "program": [
                   {"kode": "7.01.01", "nama": "Program", "pagu": 0, "realisasi": 0, "serapan": None}]}),
        "sasaran": [{"sasaran_id": "S1", "uraian": "Sasaran", "capaian": None, "predikat": ""}],
        "angka_kunci": [{"kunci": "capaian.rata_rata", "uraian": "Rata-rata capaian", "nilai": None,
                         "teks": "tidak ada indikator yang terukur", "satuan": "persen"}]},
        [ChapterText("bab-3", "BAB III", "B {nilai}`B.capaian`.")])
    changes = compare(old, new)
    rows = {(c.subjek.split()[0], c.besaran): (c.lama, c.baru, c.angka, c.catatan_baru) for c in changes.indikator}
    assert rows[("A", "Realisasi 2023")] == ("95", "N/A", "A.realisasi@2023", 1)
    assert rows[("A", "Capaian 2023")] == ("95,00 %", "N/A", "A.capaian@2023", 1)
    assert rows[("A", "Predikat 2023")] == ("Cukup", "N/A", "A.predikat", 1)
    assert rows[("B", "Capaian 2023")] == ("80,00 %", "tidak tercapai", "B.capaian@2023", 2)
    assert changes.indikator_catatan == ["N/A: realisasi tidak tersedia: belum diverifikasi",
                                         "tidak tercapai: realisasi lebih dari dua kali target"]
    assert ("C", "Realisasi 2023") not in rows  # a new indicator, listed as added
    assert [(c.besaran, c.lama, c.baru, c.angka) for c in changes.sasaran] == [
        ("Capaian rata-rata", "95,00 %", "N/A", "capaian.S1"), ("Predikat", "Cukup", "N/A", "capaian.S1.predikat")]
    serapan = [(c.lama, c.baru, c.angka) for c in changes.anggaran if c.besaran == "Serapan"]
    assert serapan == [("90,00 %", "N/A", "anggaran.serapan"), ("90,00 %", "N/A", "anggaran.7.01.01.serapan")]
    [key] = [c for c in changes.angka_kunci if c.besaran == "Nilai"]
    assert (key.lama, key.baru, key.angka) == ("95,00 %", "N/A", "capaian.rata_rata")
    [text] = changes.bab
    assert [words for paragraph in text.paragraphs for kind, words in paragraph if kind == "tambah"] == [
        "B tidak tercapai."]


def test_publish_links_the_same_large_bytes_instead_of_copying(tmp_path: Path) -> None:
    """Each version carries its own fonts and bundle: the same bytes object is stored once on disk (hard links)."""
    shared = os.urandom(LINK_MIN_BYTES)
    equal_copy = bytes(bytearray(shared))  # equal bytes, another object: written on its own
    publish({"a/1.0/aset/f.woff2": shared, "b/1.0/aset/f.woff2": shared, "c/aset/f.woff2": equal_copy,
             "kecil-1": b"x", "kecil-2": b"x"}, tmp_path / "build")
    out = tmp_path / "build"
    assert (out / "a/1.0/aset/f.woff2").read_bytes() == (out / "b/1.0/aset/f.woff2").read_bytes() == shared
    assert (out / "a/1.0/aset/f.woff2").stat().st_nlink == 2
    assert (out / "c/aset/f.woff2").stat().st_nlink == 1
    assert (out / "kecil-2").stat().st_nlink == 1


@pytest.mark.parametrize("damage", ["{", '{"format": "lain"}', "tahun", "tanggal", "path"])
def test_a_damaged_manifest_is_a_message_not_a_traceback(flow: Flow, tmp_path: Path, damage: str) -> None:
    root = tmp_path / "situs"
    shutil.copytree(flow.root, root)
    path = root / "arsip" / SLUG / "1.0" / "manifest.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    if damage == "tahun":
        doc["laporan"]["tahun"] = "dua ribu"
    elif damage == "tanggal":
        doc["laporan"]["tanggal_terbit"] = "31-01-2024"
    elif damage == "path":
        doc["situs"]["berkas"][0]["path"] = "../../situs.yaml"
    text = damage if damage.startswith("{") else json.dumps(doc)
    path.write_text(text, encoding="utf-8")
    for command in (["verifikasi"], ["build", "--tanpa-pdf"]):
        run = lkjip(root, *command)
        assert run.code == 1, (command, run.err)
        assert f"arsip/{SLUG}/1.0/manifest.json" in run.out + run.err


# ------------------------------------------------------------------------------------------------ while releasing

def _release(root: Path) -> int:
    return main(["terbitkan", "--situs", str(root), "contoh-2023", "--tanpa-pdf"])


@pytest.mark.parametrize("how", ["bab", "bab-disimpan-kembali", "versi"])
def test_a_file_saved_while_releasing_stops_the_release(project: Path, epoch: None, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str], how: str) -> None:
    """An author still saving while the webmaster releases: the release's pages would be of one text and its sources
    of another, for good (or, with ``versi`` changed, a version folder without its pages, which no later build gets
    past). Nothing is archived; the message names the file; run again, it releases."""
    folder = project / "content/laporan/contoh-2023"
    fill_in(folder)
    saved = folder / ("laporan.yaml" if how == "versi" else "40-bab-4-penutup.md")
    old = saved.read_bytes()
    real = build_module.release_target

    def then_saved(*args: Any, **kwargs: Any) -> Any:  # after the sources were read for the archive
        found = real(*args, **kwargs)
        saved.write_bytes(old.replace(b'versi: "1.0"', b'versi: "1.1"') if how == "versi" else old + b"\nLagi.\n")
        if how == "bab-disimpan-kembali":
            os.utime(saved, ns=(saved.stat().st_atime_ns, saved.stat().st_mtime_ns + 10**9))
            saved.write_bytes(old)
        return found

    with monkeypatch.context() as patched:
        patched.setattr(build_module, "release_target", then_saved)
        capsys.readouterr()
        assert _release(project) == 1
    err = capsys.readouterr().err
    assert (f"content/laporan/contoh-2023/{saved.name}:1: galat: berkas ini diubah saat 'lkjip terbitkan "
            "contoh-2023' berjalan; tidak ada yang diterbitkan") in err, err
    assert not (project / "arsip").exists()
    assert _release(project) == 0 and main(["verifikasi", "--situs", str(project)]) == 0


def test_release_refuses_sample_values_of_the_scaffold_and_of_situs_yaml(project: Path, epoch: None) -> None:
    """``lkjip terbitkan`` released ``lkjip new``'s report as it was, with 25 "masih teks contoh" warnings and no
    question asked, freezing "Tuliskan …", the sample head and logo, "Pemerintah Kabupaten Contoh" and
    https://lkjip.contoh.go.id/ into a version that can never change. Each is now an error at its line (not said
    twice), with one line saying why; nothing is written. situs.yaml's samples alone still stop it: they are on
    every page."""
    folder = project / "content/laporan/contoh-2023"
    situs = project / "situs.yaml"
    before = (tree_hashes(project / "build"), situs.read_bytes())
    run = lkjip(project, "terbitkan", "contoh-2023", "--tanpa-pdf")
    assert run.code == 1 and "Traceback" not in run.err
    for said in ("content/laporan/contoh-2023/10-bab-1-pendahuluan.md:9: galat: 'Tuliskan latar belakang penyusunan "
                 "laporan.' masih teks contoh dari lkjip new",
                 "content/laporan/contoh-2023/laporan.yaml:10: galat: instansi.logo: 'gambar/logo.svg' masih logo "
                 "contoh dari lkjip new",
                 "content/laporan/contoh-2023/laporan.yaml:12: galat: instansi.kepala.nama: 'Nama Kepala, S.Sos' masih "
                 "isian contoh dari lkjip new",
                 "content/laporan/contoh-2023/laporan.yaml:14: galat: instansi.kepala.pangkat: 'Pembina (IV/a)' masih "
                 "isian contoh dari lkjip new",
                 "content/laporan/contoh-2023/laporan.yaml:15: galat: instansi.kepala.nip: '197001011990031001' masih "
                 "NIP contoh dari lkjip new",
                 "content/laporan/contoh-2023/00-kata-pengantar.md:6: galat: Kata Pengantar: seluruh teks bab ini "
                 "masih teks contoh dari lkjip new",
                 "content/laporan/contoh-2023/01-ikhtisar-eksekutif.md:6: galat: Ikhtisar Eksekutif: seluruh teks bab "
                 "ini masih teks contoh dari lkjip new",
                 "content/laporan/contoh-2023/data/indikator.yaml:9: galat: IKU1: target 80 dan realisasi 82,5 tahun "
                 "2023 masih angka contoh dari lkjip new",
                 "content/laporan/contoh-2023/data/anggaran.yaml:12: galat: 7.01.02.2.01.0001: pagu Rp 100.000.000 dan "
                 "realisasinya masih angka contoh dari lkjip new",
                 "situs.yaml:4: galat: pemda: 'Pemerintah Kabupaten Contoh' masih isian contoh dari lkjip init",
                 "situs.yaml:5: galat: url_dasar: 'https://lkjip.contoh.go.id/' masih isian contoh dari lkjip init",
                 "content/laporan/contoh-2023/laporan.yaml:4: galat: laporan 'contoh-2023' masih memuat 22 isian "
                 "contoh dari lkjip init/new (disebut per baris); versi terbitan tidak dapat diubah lagi, jadi tidak "
                 "ada yang diterbitkan. Ganti setiap isian itu, periksa dengan 'lkjip check --strict --laporan contoh-2023'"):
        assert said in run.err, run.err
    assert not re.search(r": peringatan: .*masih (teks|isian|logo|NIP|angka) contoh", run.err), run.err
    assert not (project / "arsip").exists() and (tree_hashes(project / "build"), situs.read_bytes()) == before

    fill_in(folder)
    filled = situs.read_bytes()
    situs.write_bytes(before[1])  # the report written over, situs.yaml not
    run = lkjip(project, "terbitkan", "contoh-2023", "--tanpa-pdf")
    assert run.code == 1 and "laporan 'contoh-2023' masih memuat 2 isian contoh" in run.err, run.err
    assert not (project / "arsip").exists()

    situs.write_bytes(filled)
    assert lkjip(project, "terbitkan", "contoh-2023", "--tanpa-pdf").code == 0
    page = (project / "arsip/contoh-2023/1.0/situs/index.html").read_text(encoding="utf-8")
    assert "Pemerintah Kabupaten Banjar" in page and "lkjip.contoh.go.id" not in page


def test_a_file_the_build_does_not_read_stops_the_release(project: Path, epoch: None) -> None:
    """A working note in ``data/`` (which the build says it does not publish), a Word draft beside the chapters and an
    image no page shows were archived with the version, in the public BagIt zip, for good. Now the release stops,
    naming each file and writing nothing; once they are moved out, the bag holds exactly what the build read, and it
    verifies."""
    folder = project / "content/laporan/contoh-2023"
    fill_in(folder)
    extra = {"data/catatan.txt": b"angka sementara, jangan diterbitkan\n", "draf-catatan.docx": b"PK\x03\x04draf",
             "gambar/lama.png": b"\x89PNG\r\n\x1a\n"}
    for rel, data in extra.items():
        (folder / rel).write_bytes(data)
    before = tree_hashes(project / "build")
    run = lkjip(project, "terbitkan", "contoh-2023", "--tanpa-pdf")
    assert run.code == 1
    for rel in extra:
        assert (f"content/laporan/contoh-2023/{rel}:1: galat: berkas ini tidak dibaca build (bukan laporan.yaml, bab, "
                "berkas data, atau gambar yang dipakai), tetapi akan ikut terbit selamanya di paket arsip BagIt versi "
                "ini; tidak ada yang diterbitkan. Pindahkan berkas ini ke luar folder laporan") in run.err, run.err
    assert "Traceback" not in run.err
    assert not (project / "arsip").exists() and tree_hashes(project / "build") == before

    for rel in extra:
        (folder / rel).unlink()
    assert lkjip(project, "terbitkan", "contoh-2023", "--tanpa-pdf").code == 0
    bag = project / "build/laporan/contoh-2023/1.0/contoh-2023-1.0-bagit.zip"
    with zipfile.ZipFile(bag) as zf:
        sources = sorted(n.split("/data/sumber/", 1)[1] for n in zf.namelist() if "/data/sumber/" in n)
    assert sources == sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    assert "gambar/logo.svg" in sources  # the cover's logo is read: an image a page shows is a source
    assert lkjip(project, "verifikasi").code == 0


def test_check_names_before_the_release_every_file_it_would_refuse(project: Path, epoch: None) -> None:
    """``lkjip check`` warns of each file ``terbitkan`` refuses as unread, at that file (a folder of the author's own
    once, at the folder), saying what to do; ``check --strict`` fails on them. Was: an unused image in ``gambar/``
    and a folder of old data in ``data/`` passed ``check --strict`` without a word, and ``terbitkan`` refused them."""
    folder = project / "content/laporan/contoh-2023"
    fill_in(folder)
    extra = {"gambar/lama.png": b"\x89PNG\r\n\x1a\n", "data/2022/indikator.yaml": b"indikator: []\n",
             "data/2022/pk.yaml": b"tahun: 2022\n", "draf/bab-3-lama.md": b"# draf\n",
             "draf-catatan.docx": b"PK\x03\x04draf"}
    for rel, data in extra.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
    run = lkjip(project, "check")
    assert run.code == 0, run.err
    said = {line.partition(":1: peringatan: ")[0].removeprefix("content/laporan/contoh-2023/"): line
            for line in run.out.splitlines() if ":1: peringatan: " in line and "content/laporan/contoh-2023/" in line}
    assert set(said) == {"gambar/lama.png", "data/2022", "draf/bab-3-lama.md", "draf-catatan.docx"}, run.out
    assert ("gambar ini tidak ditampilkan di bab mana pun, jadi tidak terbit di situs, tetapi 'lkjip terbitkan' "
            "menolak laporan selama berkas ini ada di folder laporan") in said["gambar/lama.png"]
    assert "tampilkan dari bab, mis. ![Keterangan gambar](gambar/lama.png), hapus, atau pindahkan ke luar folder " \
           "laporan" in said["gambar/lama.png"]
    assert ("folder ini (2 berkas: indikator.yaml, pk.yaml) tidak dibaca build dan tidak terbit di situs, tetapi "
            "'lkjip terbitkan' menolak laporan selama folder ini ada di folder laporan") in said["data/2022"]
    assert "hapus, atau pindahkan ke luar folder laporan" in said["draf/bab-3-lama.md"]
    strict = lkjip(project, "check", "--strict")
    assert strict.code == 1 and "content/laporan/contoh-2023/gambar/lama.png:1: galat: gambar ini" in strict.err

    released = lkjip(project, "terbitkan", "contoh-2023", "--tanpa-pdf")
    refused = {line.partition(":1: galat: berkas ini tidak dibaca build (bukan")[0]
               .removeprefix("content/laporan/contoh-2023/")
               for line in released.err.splitlines() if ":1: galat: berkas ini tidak dibaca build (bukan" in line}
    assert released.code == 1 and refused == set(extra), released.err  # the same files, by the same rule

    for rel in extra:
        (folder / rel).unlink()
    run = lkjip(project, "check", "--strict")
    assert run.code == 0 and "tidak terbit di situs, tetapi 'lkjip terbitkan' menolak" not in run.out + run.err


def test_names_windows_cannot_make_are_warned_of_and_refused_by_the_release(project: Path, epoch: None) -> None:
    """A version's sources are unpacked on Windows laptops: ``aux.png``, ``peta: 2024.png`` and ``Foto.png`` beside
    ``foto.png`` built on Linux without a word and were archived for good. ``check`` warns at each, ``terbitkan``
    refuses; Explorer's ``Thumbs.db`` and ``desktop.ini`` and a zip's ``__MACOSX/`` are the system's: passed over."""
    folder = project / "content/laporan/contoh-2023"
    fill_in(folder)
    names = ["gambar/aux.png", "gambar/peta: 2024.png", "gambar/Foto.png", "gambar/foto.png"]
    for rel in names:
        (folder / rel).write_bytes(b"\x89PNG\r\n\x1a\n")
    for rel in ["Thumbs.db", "gambar/Thumbs.db", "desktop.ini", "__MACOSX/._10-bab-1-pendahuluan.md"]:
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(b"x")
    run = lkjip(project, "check")
    assert run.code == 0, run.err
    for rel, says in [("gambar/aux.png", "memakai 'aux', nama perangkat yang dicadangkan Windows"), ("gambar/peta: 2024.png",
                      "memuat ':'"), ("gambar/foto.png", "hanya berbeda huruf besar/kecil dengan 'gambar/Foto.png'")]:
        assert f"content/laporan/contoh-2023/{rel}:1: peringatan: nama '{rel}' {says}" in run.out, run.out
    assert "Thumbs.db" not in run.out + run.err and "desktop.ini" not in run.out + run.err
    released = lkjip(project, "terbitkan", "contoh-2023", "--tanpa-pdf")
    assert released.code == 1 and "Traceback" not in released.err
    assert "content/laporan/contoh-2023/gambar/aux.png:1: galat: nama 'gambar/aux.png'" in released.err
    assert ("galat: laporan 'contoh-2023' memuat 3 nama berkas atau folder yang tidak dapat dibuat di Windows atau "
            "macOS") in released.err, released.err
    assert not (project / "arsip").exists()
    for rel in names:
        (folder / rel).unlink()
    assert lkjip(project, "terbitkan", "contoh-2023", "--tanpa-pdf").code == 0
    assert lkjip(project, "verifikasi").code == 0


def test_a_version_number_differing_from_a_released_one_only_in_letter_case_is_refused(project: Path,
                                                                                      epoch: None) -> None:
    """``arsip/<slug>/1.0-rc/`` beside a released ``1.0-RC/`` (and the same two in ``build/``) are two folders on
    Linux and one on the archivist's Windows or macOS machine: copied there, the second version's manifest, bag and
    pages overwrote the first's, and neither verified again. Refused at the ``versi`` line, nothing written."""
    folder = project / "content/laporan/contoh-2023"
    fill_in(folder)
    edit(folder / "laporan.yaml", 'versi: "1.0"', 'versi: "1.0-RC"')
    assert lkjip(project, "terbitkan", "contoh-2023", "--tanpa-pdf").code == 0
    edit(folder / "laporan.yaml", 'versi: "1.0-RC"', 'versi: "1.0-rc"')
    edit(folder / "10-bab-1-pendahuluan.md", "\n---\n", "\n---\nKalimat baru versi ini.\n\n")
    versi = next(i for i, line in enumerate((folder / "laporan.yaml").read_text().splitlines(), 1)
                 if line.startswith("versi:"))
    for command in ("check", "build", "terbitkan"):
        args = {"check": [], "build": ["--tanpa-pdf"], "terbitkan": ["contoh-2023", "--tanpa-pdf"]}[command]
        run = lkjip(project, command, *args)
        assert run.code == 1 and "Traceback" not in run.err, (command, run.err)
        assert (f"content/laporan/contoh-2023/laporan.yaml:{versi}: galat: alamat 'laporan/contoh-2023/1.0-rc' di "
                "situs hanya berbeda huruf besar/kecil dengan 'laporan/contoh-2023/1.0-RC'") in run.err, run.err
        assert "Ganti nomor versi '1.0-rc' di laporan.yaml dengan nomor lain" in run.err
    assert sorted(p.name for p in (project / "arsip/contoh-2023").iterdir()) == ["1.0-RC"]
    assert not (project / "build/laporan/contoh-2023/1.0-rc").exists()


def _svg(folder: Path, rel: str) -> None:
    target = folder / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes((folder / "gambar/logo.svg").read_bytes())


def test_an_image_folder_one_name_with_a_page_folder_on_windows_or_macos_stops_the_build(project: Path,
                                                                                          epoch: None) -> None:
    """An image folder ``Lampiran/`` beside the chapter page ``lampiran/``, and ``Aset/favicon.svg`` beside the
    theme's ``aset/favicon.svg``: no two of the report's own files clash, yet two outputs did. Copied to Windows or
    macOS one overwrote the other (the theme's icon became the author's image) and the released bag no longer
    verified there. Said at the image, with the folder to rename; the previous build stays."""
    folder = project / "content/laporan/contoh-2023"
    before = tree_hashes(project / "build")
    for rel in ("Lampiran/foto.svg", "Aset/favicon.svg"):
        _svg(folder, rel)
    with (folder / "90-lampiran.md").open("a", encoding="utf-8") as chapter:
        chapter.write("\n![Foto kegiatan](Lampiran/foto.svg)\n\n![Lambang](Aset/favicon.svg)\n")
    run = lkjip(project, "build", "--tanpa-pdf")
    assert run.code == 1 and "Traceback" not in run.err, run.err
    for rel, other in (("Aset", "aset"), ("Lampiran", "lampiran")):
        img = next(folder.glob(f"{rel}/*.svg")).name
        assert (f"content/laporan/contoh-2023/{rel}/{img}:1: galat: alamat 'laporan/contoh-2023/1.0/{rel}' di situs "
                f"hanya berbeda huruf besar/kecil dengan 'laporan/contoh-2023/1.0/{other}'") in run.err, run.err
        assert f"Ganti nama '{rel}' di folder laporan" in run.err
    assert tree_hashes(project / "build") == before
    for rel in ("Lampiran", "Aset"):
        (folder / rel).rename(folder / f"foto-{rel.lower()}")
    edit(folder / "90-lampiran.md", "(Lampiran/foto.svg)", "(foto-lampiran/foto.svg)")
    edit(folder / "90-lampiran.md", "(Aset/favicon.svg)", "(foto-aset/favicon.svg)")
    assert lkjip(project, "build", "--tanpa-pdf").code == 0


def test_an_accented_image_name_kept_by_macos_is_found_and_published_as_typed(project: Path, epoch: None) -> None:
    """macOS keeps ``gambar/Cibéber.svg`` as NFD (``e`` + accent), the chapter's text is typed NFC: the author's
    ``check`` on macOS passed, the Linux server said "tidak ditemukan" of a file that is there. And an image
    written as macOS keeps it was published at ``Cibe%CC%81ber.svg``, another address than the same image of an
    author on Windows (``Cib%C3%A9ber.svg``): both are now found, and published at the typed (NFC) name."""
    folder = project / "content/laporan/contoh-2023"
    nfc, nfd = "gambar/Cibéber.svg", unicodedata.normalize("NFD", "gambar/Peta Cibéber.svg")
    for rel in (unicodedata.normalize("NFD", nfc), nfd):
        _svg(folder, rel)
    with (folder / "90-lampiran.md").open("a", encoding="utf-8") as chapter:
        chapter.write(f"\n![Peta desa]({nfc})\n\n![Peta kecamatan](<{nfd}>)\n")
    run = lkjip(project, "build", "--tanpa-pdf")
    assert run.code == 0, run.err
    version = project / "build/laporan/contoh-2023/1.0"
    assert sorted(p.name for p in (version / "gambar").iterdir() if "ber" in p.name) == \
        ["Cibéber.svg", "Peta Cibéber.svg"]  # NFC: the folder listing holds them as typed
    page = (version / "lampiran/index.html").read_text(encoding="utf-8")
    assert 'src="../gambar/Cib%C3%A9ber.svg"' in page and 'src="../gambar/Peta%20Cib%C3%A9ber.svg"' in page


def test_a_logo_and_a_chapter_link_typed_for_a_name_macos_keeps_are_found(project: Path, epoch: None) -> None:
    """The image rule (above) for the report's logo and a link to a chapter: typed ``é`` (NFC) on Windows for a file
    a Mac named ``e`` + accent (NFD), both were "tidak ditemukan" on the Linux server, of files that are there (and
    the PDF's cover, once the logo was found, said it again)."""
    folder = project / "content/laporan/contoh-2023"
    logo, chapter = "gambar/logo-Cibéber.svg", "95-lampiran-cibéber.md"
    (folder / "gambar/logo.svg").rename(folder / unicodedata.normalize("NFD", logo))
    edit(folder / "laporan.yaml", "logo: gambar/logo.svg", f"logo: {logo}")
    (folder / unicodedata.normalize("NFD", chapter)).write_text(
        "---\nid: peta-desa\njudul: Peta Desa Cibéber\njenis: lampiran\nbab: B\nurutan: 95\n---\nPeta desa.\n", encoding="utf-8")
    with (folder / "90-lampiran.md").open("a", encoding="utf-8") as text:
        text.write(f"\nLihat [peta desa]({chapter}).\n")
    run = lkjip(project, "build")  # with the PDF, whose cover opened the logo as typed
    assert run.code == 0, run.err
    assert "tidak ditemukan" not in run.err and "tidak menunjuk bab" not in run.err, run.err
    version = project / "build/laporan/contoh-2023/1.0"
    assert (version / "gambar/logo-Cibéber.svg").is_file()  # published at the typed (NFC) name, as images are
    assert 'src="gambar/logo-Cib%C3%A9ber.svg"' in (version / "index.html").read_text(encoding="utf-8")
    assert '<a href="../peta-desa/">peta desa</a>' in (version / "lampiran/index.html").read_text(encoding="utf-8")
    assert (version / "contoh-2023-1.0.pdf").is_file()


def test_two_releases_at_once_both_end_well(project: Path, epoch: None, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """Two ``lkjip terbitkan`` of the same version at once (two webmasters, a CI job and a person): the one that
    finds the version written meanwhile with the same sources says so and publishes the site, exit 0."""
    fill_in(project / "content/laporan/contoh-2023")
    real = build_module.store_release

    def other_first(*args: Any) -> Any:
        real(*args)  # the other process's release lands first
        return real(*args)

    monkeypatch.setattr(build_module, "store_release", other_first)
    capsys.readouterr()
    assert _release(project) == 0
    assert "versi 1.0 sudah diterbitkan dengan isi yang sama; tidak ada yang diarsipkan" in capsys.readouterr().out
    assert main(["verifikasi", "--situs", str(project)]) == 0


def test_a_release_stopped_after_archiving_is_finished_by_running_it_again(project: Path, epoch: None,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Stopped (Ctrl+C, a CI job cancelled) between writing ``arsip/`` and publishing: ``build/`` is the old site
    and does not verify; the same command again publishes it (was: "nothing to do, run lkjip build")."""
    fill_in(project / "content/laporan/contoh-2023")
    real = build_module.build
    builds: list[bool] = []

    def stopped_before_publishing(opts: Any, write: bool = True, session: Any = None) -> Any:
        builds.append(write)
        if write:
            raise KeyboardInterrupt
        return real(opts, write, session)

    with monkeypatch.context() as patched:
        patched.setattr(build_module, "build", stopped_before_publishing)
        assert _release(project) == 130 and builds == [False, True]
    assert (project / "arsip/contoh-2023/1.0/manifest.json").is_file()
    assert main(["verifikasi", "--situs", str(project)]) == 1
    assert _release(project) == 0 and main(["verifikasi", "--situs", str(project)]) == 0


def test_strict_does_not_stop_a_site_on_the_warnings_of_a_released_version(project: Path, epoch: None) -> None:
    """A version released with a warning (or warned of by a newer lkjip's checks) stopped every ``build --strict``
    of the site afterwards: its pages are the archive's and cannot change under their number, and following the
    warning without a new number is refused. It stays a warning, with what to do; the next version is strict."""
    folder = project / "content/laporan/contoh-2023"
    fill_in(folder)
    chapter = folder / "30-bab-3-akuntabilitas-kinerja.md"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace(
        "({nilai}`anggaran.serapan`).", "({nilai}`anggaran.serapan`), naik 12,34 %."), encoding="utf-8")
    assert lkjip(project, "terbitkan", "contoh-2023", "--tanpa-pdf").code == 0
    run = lkjip(project, "build", "--strict", "--tanpa-pdf")
    assert run.code == 0, run.err
    assert re.search(r"30-bab-3-akuntabilitas-kinerja\.md:\d+: peringatan: persentase 12,34 %", run.err), run.err
    assert ("content/laporan/contoh-2023/laporan.yaml:4: peringatan: versi ini sudah diterbitkan dan tidak dibangun "
            "ulang, jadi --strict tidak menganggap peringatan laporan 'contoh-2023' sebagai galat; perbaiki di versi "
            "berikutnya: naikkan versi (versi: \"1.1\"), ubah isinya, lalu 'lkjip terbitkan contoh-2023'") in run.err
    assert lkjip(project, "check", "--strict").code == 0

    meta = folder / "laporan.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace('versi: "1.0"', 'versi: "1.1"'), encoding="utf-8")
    run = lkjip(project, "build", "--strict", "--tanpa-pdf")
    assert run.code == 1 and re.search(r"bab-3-akuntabilitas-kinerja\.md:\d+: galat: persentase 12,34 %", run.err)


def test_an_error_a_newer_lkjip_finds_in_a_released_versions_chapter_does_not_stop_the_site(
        project: Path, epoch: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """0.2.4 let ``html_mentah`` write ``<p style=…>``; 0.2.5 refuses it (an error at its line). A site whose released
    version has one could not be built at all after the upgrade: the message said to remove the attribute, and the
    chapter so mended under the released number was refused in turn, so the only way on was a new version of a
    signed report. Its pages and PDF are the archive's, never made from that chapter again: the error is held as a
    warning, with what to do at ``versi``; the next version must mend it, and the released bytes stay as they are."""
    folder = project / "content/laporan/contoh-2023"
    fill_in(folder)
    site = project / "situs.yaml"
    site.write_text(site.read_text(encoding="utf-8") + "html_mentah: true\n", encoding="utf-8")
    chapter = folder / "40-bab-4-penutup.md"
    chapter.write_text(chapter.read_text(encoding="utf-8")
                       + '\n<p style="color: #555">Data triwulan IV diverifikasi Inspektorat.</p>\n', encoding="utf-8")
    with monkeypatch.context() as older:  # released by an lkjip that did not refuse the attribute
        older.setattr(parser_module, "_check_blocked_html", lambda *args: None)
        assert lkjip(project, "terbitkan", "contoh-2023", "--tanpa-pdf").code == 0
    shutil.rmtree(project / ".cache")  # the upgrade's new memo format: nothing of the older lkjip's cache is read
    released = tree_hashes(project / "arsip")
    for command in (["build", "--tanpa-pdf"], ["build", "--strict", "--tanpa-pdf"], ["check"], ["check", "--strict"]):
        run = lkjip(project, *command)
        said = run.out + run.err  # (check says its warnings on stdout when it finds no error)
        assert run.code == 0, (command, said)
        assert re.search(r"40-bab-4-penutup\.md:\d+: peringatan: '<p style=\"color: #555\">': atribut style", said)
        assert ("content/laporan/contoh-2023/laporan.yaml:4: peringatan: versi ini sudah diterbitkan dan halaman serta "
                "PDF-nya disalin dari arsip/ apa adanya, jadi galat di bab-babnya tidak menghentikan build situs; "
                "perbaiki di versi berikutnya: naikkan versi (versi: \"1.1\"), ubah isinya, lalu 'lkjip terbitkan "
                "contoh-2023'") in said, said
    assert tree_hashes(project / "arsip") == released
    pages = tree_hashes(project / "arsip/contoh-2023/1.0/situs")
    built = tree_hashes(project / "build/laporan/contoh-2023/1.0")
    assert {path: built.get(path) for path in pages} == pages  # (and the bag, to download)

    meta = folder / "laporan.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace('versi: "1.0"', 'versi: "1.1"'), encoding="utf-8")
    run = lkjip(project, "build", "--tanpa-pdf")
    assert run.code == 1 and re.search(r"40-bab-4-penutup\.md:\d+: galat: '<p style=", run.err), run.err


def test_a_released_source_deleted_or_changed_stops_check_and_build_at_its_path(flow: Flow, tmp_path: Path) -> None:
    """A released version's sumber/laporan.yaml deleted (or a source edited) was named by 'lkjip verifikasi' only:
    check and build passed, and the next version's change page read the version without it. A released version
    must not change, its sources included: both stop at the file, with the command that writes it back."""
    root = tmp_path / "situs"
    shutil.copytree(flow.root, root)
    sources = root / "arsip" / SLUG / "1.0" / "sumber"
    (sources / "laporan.yaml").unlink()
    (sources / "40-bab-4-penutup.md").write_text("diubah\n", encoding="utf-8")
    before = tree_hashes(root / "build")
    for run in (lkjip(root, "check"), lkjip(root, "build", "--tanpa-pdf")):
        assert run.code == 1
        assert (f"arsip/{SLUG}/1.0/sumber/laporan.yaml:1: galat: hilang (arsip/{SLUG}/1.0/manifest.json:"
                in run.err), run.err
        assert f"arsip/{SLUG}/1.0/sumber/40-bab-4-penutup.md:1: galat: berubah: SHA-256 tidak sama" in run.err
        assert (f"unzip -p arsip/{SLUG}/1.0/{SLUG}-1.0-bagit.zip {SLUG}-1.0/data/sumber/laporan.yaml > "
                f"arsip/{SLUG}/1.0/sumber/laporan.yaml") in run.err
    assert tree_hashes(root / "build") == before


def test_the_command_that_writes_a_lost_file_back_makes_its_lost_folder_first(flow: Flow, tmp_path: Path) -> None:
    """A released version's sumber/gambar/ deleted with its logo: the printed 'unzip -p … > …/gambar/logo.svg'
    failed as run ('No such file or directory', the shell's > makes no folder); it now makes the folder first."""
    root = tmp_path / "situs"
    shutil.copytree(flow.root, root)
    sources = root / "arsip" / SLUG / "1.0" / "sumber"
    lost = next(p for p in sorted(sources.rglob("*"))  # the logo, alone in gambar/
                if p.is_file() and p.parent != sources and len(list(p.parent.iterdir())) == 1)
    shutil.rmtree(lost.parent)
    rel = lost.relative_to(root).as_posix()
    inner = f"{SLUG}-1.0/data/sumber/{lost.relative_to(sources).as_posix()}"
    command = (f"mkdir -p {rel.rsplit('/', 1)[0]} && unzip -p arsip/{SLUG}/1.0/{SLUG}-1.0-bagit.zip {inner} > "
               f"{rel}")
    run = lkjip(root, "check")
    assert run.code == 1
    assert f"{rel}:1: galat: hilang (arsip/{SLUG}/1.0/manifest.json:" in run.err, run.err
    assert f"yang masih utuh: {command}, lalu jalankan 'lkjip verifikasi'" in run.err, run.err
    if shutil.which("unzip"):  # run as printed, in the site folder
        subprocess.run(command, shell=True, cwd=root, check=True)
        assert not lkjip(root, "check").err.count(f"{SLUG}/1.0/sumber/"), "the file is back"


EPOCH_3 = "1713139200"  # 2024-04-15 00:00 UTC: release of 1.2 (``three``)


@pytest.fixture(scope="module")
def three(flow: Flow, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the flow's site with a third version, 1.2, released after 1.1 (its change page compares 1.1)."""
    root = tmp_path_factory.mktemp("tiga") / "situs"
    shutil.copytree(flow.root, root)
    report = root / "content" / "laporan" / SLUG
    edit(report / "laporan.yaml", 'versi: "1.1"', 'versi: "1.2"')
    edit(report / "laporan.yaml", "tanggal_terbit: 2023-03-15", "tanggal_terbit: 2023-04-15")
    edit(report / "laporan.yaml", "catatan_versi: Realisasi IKM dikoreksi menjadi 78,5 sesuai laporan survei akhir.",
         "catatan_versi: Satu kalimat BAB IV diperbaiki.")
    edit(report / "40-bab-4-penutup.md", SENTENCE_NEW, SENTENCE_NEW.replace("sangat sedikit", "amat sedikit"))
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("LKJIP_DEBUG", raising=False)
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH_3)
        run = lkjip(root, "terbitkan", SLUG, "--tanpa-pdf")
    assert run.code == 0, run.err
    return root


def _lost_two(three: Path, target: Path, with_build: bool) -> Path:
    """A copy of ``three`` whose arsip/ lost 1.0 and 1.1 (1.2 released after them), with or without build/."""
    shutil.copytree(three, target, ignore=None if with_build else shutil.ignore_patterns("build"))
    for versi in ("1.0", "1.1"):
        shutil.rmtree(target / "arsip" / SLUG / versi)
    return target


def test_check_names_every_lost_version_build_names(three: Path, tmp_path: Path) -> None:
    """With 1.0 and 1.1 both lost, 'lkjip build' named both (from build/'s versi.json) and 'lkjip check' named 1.1
    alone (from 1.2's change page): the author who checked first learnt half of what the build then refused."""
    root = _lost_two(three, tmp_path / "situs", with_build=True)
    build, check = lkjip(root, "build", "--tanpa-pdf"), lkjip(root, "check")
    said = [f"arsip/{SLUG}/{versi}:1: galat: versi terbitan '{versi}' laporan '{SLUG}' tercantum di "
            f"laporan/{SLUG}/versi.json" for versi in ("1.0", "1.1")]
    for run in (build, check):
        assert run.code == 1
        assert all(line in run.err for line in said), run.err
        assert run.err.count("galat:") == 2, run.err  # each once


def test_a_clone_without_build_names_every_lost_version_its_manifests_record(three: Path, tmp_path: Path) -> None:
    """A fresh clone (no build/) whose arsip/ lost 1.0 and 1.1: 1.2's change page names 1.1 only, so 1.0 went
    unnamed (build exit 0 without it had 1.1 been there; here the build named one of two). Each release's manifest
    now records the versions released before it (versi_sebelumnya): 1.0 is named at its line in 1.2's manifest."""
    manifest = read_manifest((three / "arsip" / SLUG / "1.2" / "manifest.json").read_bytes())
    assert manifest.sebelumnya == ["1.0", "1.1"]
    assert read_manifest((three / "arsip" / SLUG / "1.0" / "manifest.json").read_bytes()).sebelumnya == []
    root = _lost_two(three, tmp_path / "situs", with_build=False)
    line = _manifest_text_line(root / "arsip" / SLUG / "1.2" / "manifest.json", '    "1.0",')
    told = (f"arsip/{SLUG}/1.2/manifest.json:{line}: galat: manifest versi terbitan '1.2' laporan '{SLUG}' mencatat "
            f"versi '1.0' sebagai versi yang terbit sebelumnya (versi_sebelumnya), tetapi folder arsip/{SLUG}/1.0/ "
            "tidak ada di arsip/")
    for run in (lkjip(root, "check"), lkjip(root, "build", "--tanpa-pdf")):
        assert run.code == 1
        assert told in run.err, run.err
        assert f"arsip/{SLUG}/1.2/situs/perubahan/index.html:" in run.err  # 1.1, at the link that names it
        assert run.err.count("galat:") == 2, run.err
    assert not (root / "build").exists()
    run = lkjip(root, "verifikasi")
    assert [x.split(":")[0] for x in run.out.splitlines() if ": hilang: " in x] == [
        f"arsip/{SLUG}/1.0", f"arsip/{SLUG}/1.1"]
    assert f"(arsip/{SLUG}/1.2/manifest.json:{line})" in run.out


def _manifest_text_line(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line == text)


def test_verifikasi_counts_lost_version_folders_as_versions_not_files(three: Path, tmp_path: Path) -> None:
    """Two lost version folders read "2 berkas berubah, hilang atau berlebih (1 versi terbitan)": folders counted
    as files, and 1 the versions left, not the 3 released. One changed source reads as files of one version."""
    root = _lost_two(three, tmp_path / "situs", with_build=True)
    run = lkjip(root, "verifikasi")
    assert run.code == 1
    assert ("Verifikasi GAGAL: 2 versi terbitan hilang dari arsip/; 1 versi lain utuh (dari 3 versi terbitan)."
            in run.err), run.err
    shutil.rmtree(root / "arsip")
    shutil.copytree(three / "arsip", root / "arsip")
    (root / "arsip" / SLUG / "1.1" / "sumber" / "laporan.yaml").unlink()
    run = lkjip(root, "verifikasi")
    assert ("Verifikasi GAGAL: 1 berkas berubah, hilang atau berlebih di 1 versi; 2 versi lain utuh (dari 3 versi "
            "terbitan).") in run.err, run.err


def test_a_version_folder_without_its_manifest_is_said_once_and_not_as_lost(flow: Flow, tmp_path: Path) -> None:
    """arsip/<slug>/1.0/ kept, its manifest.json deleted: build and check said 'folder arsip tanpa manifest.json'
    and, of the same folder, "foldernya tidak ada di arsip/" (read from build/'s versi.json); verifikasi counted the
    folder as a lost version and as a file, and summed up '2 berkas … (1 versi terbitan)'."""
    root = tmp_path / "situs"
    shutil.copytree(flow.root, root)
    (root / "arsip" / SLUG / "1.0" / "manifest.json").unlink()
    for run in (lkjip(root, "build", "--tanpa-pdf"), lkjip(root, "check")):
        assert run.code == 1
        assert f"arsip/{SLUG}/1.0:1: galat: folder arsip tanpa manifest.json" in run.err, run.err
        assert "foldernya tidak ada" not in run.err and run.err.count("galat:") == 1, run.err
    run = lkjip(root, "verifikasi")
    assert [x.split(": ")[0] for x in run.out.splitlines()] == [f"arsip/{SLUG}/1.0"], run.out
    assert ("Verifikasi GAGAL: 1 berkas berubah, hilang atau berlebih di 1 versi; 1 versi lain utuh (dari 2 versi "
            "terbitan).") in run.err, run.err


def test_a_file_added_in_a_released_version_is_to_be_deleted_not_restored(flow: Flow, tmp_path: Path) -> None:
    """A .DS_Store that macOS Finder wrote in arsip/<slug>/1.0/sumber/ (or situs/) stopped the build with
    'kembalikan berkas aslinya (mis. dengan git)': there is no original of a file the version never held, and the
    archivist searched the backup for one. It is to be deleted; verifikasi says so too."""
    root = tmp_path / "situs"
    shutil.copytree(flow.root, root)
    for section in ("sumber", "situs"):
        (root / "arsip" / SLUG / "1.0" / section / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    run = lkjip(root, "build", "--tanpa-pdf")
    assert run.code == 1
    for section in ("sumber", "situs"):
        assert (f"arsip/{SLUG}/1.0/{section}/.DS_Store:1: galat: berkas tambahan yang tidak ada di manifest "
                f"(arsip/{SLUG}/1.0/manifest.json); versi terbitan tidak boleh berubah: hapus berkas ini") in run.err
    assert "kembalikan berkas aslinya" not in run.err, run.err
    run = lkjip(root, "verifikasi")
    assert (f"arsip/{SLUG}/1.0/sumber/.DS_Store: berkas tambahan yang tidak ada di manifest; hapus berkas ini"
            in run.out), run.out
