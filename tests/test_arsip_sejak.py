""""Perubahan sejak versi X": whoever holds an old version finds, on one page, what changed since it.

A report is released three times from the ``lkjip new`` scaffold, then edited as a draft, driven through the ``lkjip``
command as a webmaster would (without PDFs):

- 1.0: IKU1 target 80, realisasi 82,5; BAB IV "Isi kesimpulan.";
- 1.1: target 81, realisasi 84, IKU2 added (target 90, realisasi 95), the conclusion written;
- 1.2: target back to 80, realisasi 86, IKU2 realisasi 96, the conclusion rewritten;
- 1.3 (a draft, then released): realisasi 87.

Each release's change page compares it with the version before, so a 1.0 reader had to combine 1.1's, 1.2's and
1.3's: the realisasi listed three times, the target twice (81, then back to 80, as 1.0 printed it). The page beside
the versions lists the realisasi once, 82,5 → 87 (+4,5), and the target not at all; released files keep their bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import fill_in, fill_in_site, tree_hashes

from lkjip_site.cli.main import main
from lkjip_site.cli.scaffold import new_report

SLUG = "dinas-uji-2025"
EPOCH = "1771200000"  # 2026-02-16 00:00 UTC: after the scaffold's tanggal_terbit (2026-02-15)


@dataclass
class Run:
    code: int
    out: str
    err: str


def lkjip(root: Path, *args: str) -> Run:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([*args, "--situs", str(root)])
    return Run(code, out.getvalue(), err.getvalue())


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


@dataclass
class Flow:
    root: Path
    runs: dict[str, Run] = field(default_factory=dict)
    draft: dict[str, str] = field(default_factory=dict)  # build/laporan/<slug>/ pages with 1.3 as a draft
    released: dict[str, str] = field(default_factory=dict)  # arsip/ holding 1.0-1.2, before 1.3 is built or released

    def page(self, path: str) -> str:
        return (self.root / "build" / "laporan" / SLUG / path).read_text(encoding="utf-8")


def _version(folder: Path, old: str, new: str, note: str) -> None:
    edit(folder / "laporan.yaml", f'versi: "{old}"', f'versi: "{new}"\ncatatan_versi: {note}')


@pytest.fixture(scope="module")
def flow(tmp_path_factory: pytest.TempPathFactory) -> Flow:
    root = tmp_path_factory.mktemp("sejak") / "situs"
    assert new_report(root, SLUG, 2025, "tahunan", "Dinas Uji") == 0
    fill_in_site(root)
    folder = root / "content" / "laporan" / SLUG
    fill_in(folder)
    indicators, closing = folder / "data" / "indikator.yaml", folder / "40-bab-4-penutup.md"
    result = Flow(root)
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("LKJIP_DEBUG", raising=False)
        mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
        result.runs["1.0"] = lkjip(root, "terbitkan", SLUG, "--tanpa-pdf")

        edit(indicators, "2025: 80\n", "2025: 81\n")
        edit(indicators, "2025: 82.5\n", "2025: 84\n")
        indicators.write_text(indicators.read_text(encoding="utf-8") + (
            "  - id: IKU2\n    nama: Persentase Dokumen Perencanaan Tepat Waktu\n    satuan: persen\n"
            "    polaritas: positif\n    target:\n      2025: 90\n    realisasi:\n      2025: 95\n"), encoding="utf-8")
        edit(folder / "data" / "renstra.yaml", "indikator: [IKU1]", "indikator: [IKU1, IKU2]")
        edit(closing, "Isi kesimpulan.", "Kinerja dinas tahun ini baik.")
        _version(folder, "1.0", "1.1", "Koreksi target dan realisasi IKU1, IKU2 ditambahkan")
        result.runs["1.1"] = lkjip(root, "terbitkan", SLUG, "--tanpa-pdf")

        edit(indicators, "2025: 81\n", "2025: 80\n")  # back as 1.0 had it
        edit(indicators, "2025: 84\n", "2025: 86\n")
        edit(indicators, "2025: 95\n", "2025: 96\n")
        edit(closing, "tahun ini baik.", "tahun ini sangat baik.")
        edit(folder / "laporan.yaml", 'versi: "1.1"', 'versi: "1.2"')
        edit(folder / "laporan.yaml", "Koreksi target dan realisasi IKU1, IKU2 ditambahkan", "Koreksi kedua")
        result.runs["1.2"] = lkjip(root, "terbitkan", SLUG, "--tanpa-pdf")
        result.released = tree_hashes(root / "arsip")

        edit(indicators, "2025: 86\n", "2025: 87\n")
        edit(folder / "laporan.yaml", 'versi: "1.2"', 'versi: "1.3"')
        edit(folder / "laporan.yaml", "Koreksi kedua", "Realisasi akhir")
        result.runs["draf"] = lkjip(root, "build", "--tanpa-pdf")
        base = root / "build" / "laporan" / SLUG
        result.draft = {p.relative_to(base).as_posix(): p.read_text(encoding="utf-8")
                        for p in sorted(base.glob("**/*.html")) if "perubahan" in p.as_posix() or p.parent == base}
        result.runs["check"] = lkjip(root, "check")
        result.runs["1.3"] = lkjip(root, "terbitkan", SLUG, "--tanpa-pdf")
        result.runs["build"] = lkjip(root, "build", "--tanpa-pdf")
        result.runs["verifikasi"] = lkjip(root, "verifikasi")
    return result


def _rows(page: str) -> list[str]:
    """Each row of the value tables, its cells' text joined by " | " (marks and notes aside)."""
    rows = re.findall(r"<tr><th scope=\"row\">.*?</tr>", page)
    return [" | ".join(re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r))
            for r in rows]


def test_since_page_lists_a_value_changed_twice_once_and_one_changed_back_not_at_all(flow: Flow) -> None:
    page = flow.draft["perubahan-sejak/1.0/index.html"]
    rows = _rows(page)
    name = "IKU1 Indeks Kepuasan Masyarakat Kecamatan"
    assert f"{name} | Realisasi 2025 | 82,5 | 87 | +4,5" in rows
    assert [r for r in rows if "Realisasi 2025" in r and name in r] == [f"{name} | Realisasi 2025 | 82,5 | 87 | +4,5"]
    assert not [r for r in rows if "Target 2025" in r], rows  # 80 → 81 → 80: as 1.0 printed it
    assert "<li>IKU2 Persentase Dokumen Perencanaan Tepat Waktu</li>" in page  # added in 1.1, listed as added
    assert "Realisasi 2025 | 95" not in " ".join(rows)  # IKU2's 1.1 value is no step of 1.0 → 1.3
    assert "<ins><span class=\"sr\">[ditambahkan: </span>Kinerja dinas tahun ini sangat baik.<span" in page
    assert "<title>Perubahan sejak versi 1.0 — " in page and "<h1>Perubahan sejak versi 1.0</h1>" in page
    # each version between, with its own change page
    for versi in ("1.1", "1.2", "1.3"):
        assert f'<a href="../../{versi}/perubahan/">perubahan dari versi sebelumnya' in page
    # the draft's new values are marked as its own, for the audit (the page is not in its version folder)
    assert (f'<span data-angka="IKU1.realisasi@2025" data-laporan="laporan/{SLUG}/1.3/">87</span>') in page
    assert "versi 1.3 belum diarsipkan" in page


def test_versions_page_links_each_earlier_version_to_its_since_page(flow: Flow) -> None:
    page = flow.draft["index.html"]
    for versi in ("1.0", "1.1", "1.2"):
        assert (f'<a href="perubahan-sejak/{versi}/">Perubahan sejak versi {versi}<span class="sr"> sampai versi '
                "terbaru, 1.3</span></a>") in page
    assert 'href="perubahan-sejak/1.3/"' not in page
    assert set(k for k in flow.draft if k.startswith("perubahan-sejak/")) == {
        f"perubahan-sejak/{v}/index.html" for v in ("1.0", "1.1", "1.2")}


def test_released_bytes_are_kept_and_the_since_pages_are_no_part_of_any_release(flow: Flow) -> None:
    for name, run in flow.runs.items():
        assert run.code == 0, (name, run.out, run.err)
    assert "Pemeriksaan selesai: tidak ada galat." in flow.runs["check"].out  # the new pages' links resolve
    assert (flow.root / "build" / "laporan" / SLUG / "perubahan-sejak" / "1.0" / "index.html").is_file()
    after = tree_hashes(flow.root / "arsip")
    assert {k: v for k, v in after.items() if not k.startswith(f"{SLUG}/1.3/")} == flow.released
    for versi in ("1.0", "1.1", "1.2", "1.3"):
        situs = tree_hashes(flow.root / "arsip" / SLUG / versi / "situs")
        built = tree_hashes(flow.root / "build" / "laporan" / SLUG / versi)
        assert {k: built[k] for k in situs} == situs
    assert not [k for k in after if "perubahan-sejak" in k]
    assert flow.runs["verifikasi"].code == 0, flow.runs["verifikasi"].err


def test_once_the_newest_is_released_its_values_are_read_from_the_archive(flow: Flow) -> None:
    page = flow.page("perubahan-sejak/1.0/index.html")
    assert "IKU1 Indeks Kepuasan Masyarakat Kecamatan | Realisasi 2025 | 82,5 | 87 | +4,5" in _rows(page)
    assert "data-angka=" not in page  # no model of a released version is built to audit them with
    manifest = (flow.root / "arsip" / SLUG / "1.3" / "manifest.json").read_bytes()
    assert (f"versi 1.3 adalah folder <code>arsip/{SLUG}/1.3/</code>") in page
    assert hashlib.sha256(manifest).hexdigest() in page
    assert 'href="perubahan-sejak/1.2/"' in flow.page("index.html")
