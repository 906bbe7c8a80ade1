"""``lkjip new SLUG --dari SLUG_LAMA``: this year's report from last year's, with last year's figures, dates and text
left visibly to be replaced (``isian-salinan``) instead of carried silently; ``terbitkan`` refuses until they are.

From a bundled example (the repository's site copied) and from the scaffold; then the refusals: an unknown or
existing slug, an old report with errors, a period that is not later.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import copy_examples, fill_in_site, tree_hashes
from sheets_support import column, open_book, put, save

from lkjip_site.cli.main import main

pytestmark = pytest.mark.usefixtures("epoch")

OLD = "martapura-barat-2023"
NEW = "martapura-barat-2024"
TW = "pengaron-2024-tw1"


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _front(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out + err


@pytest.fixture()
def examples(tmp_path: Path) -> Path:
    return copy_examples(tmp_path / "situs")


def test_annual_report_carried_to_the_next_year(examples: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = examples / "content" / "laporan" / OLD
    # a realisasi of 2024 already in last year's file (typed early) does not come over as this year's
    ind = old / "data" / "indikator.yaml"
    text = ind.read_text(encoding="utf-8")
    ind.write_text(text.replace("      2023: 84.82\n", "      2023: 84.82\n      2024: 90\n"), encoding="utf-8")
    # the old year's PK Perubahan and the targets it changed: not the new year's PK awal (check refuses them there)
    pk_old = old / "data" / "pk.yaml"
    pk_old.write_text(pk_old.read_text(encoding="utf-8").replace(
        "program: [", "alasan_perubahan: APBD Perubahan 2023\ntarget_awal:\n  - indikator: NEK\n    target: 75\n"
        "    alasan: Kriteria penilaian diubah\nprogram: ["), encoding="utf-8")
    # and a pagu the old year's APBD Perubahan changed: the new year begins with its own DPA awal
    budget_old = old / "data" / "anggaran.yaml"
    budget_old.write_text(budget_old.read_text(encoding="utf-8").replace(
        "            pagu: 1000800\n", "            pagu: 1000800\n            pagu_awal: 1500000\n", 1),
        encoding="utf-8")
    before = tree_hashes(examples)
    code, said = _run(capsys, "new", NEW, "--dari", OLD, "--situs", str(examples))
    assert code == 0, said
    assert "Laporan baru dibuat" in said and "lkjip check --laporan martapura-barat-2024" in said
    new = examples / "content" / "laporan" / NEW
    # nothing else in the site changed
    after = tree_hashes(examples)
    assert {k: v for k, v in after.items() if not k.startswith(f"content/laporan/{NEW}/")} == before

    meta = _yaml(new / "laporan.yaml")
    assert (meta["tahun"], meta["periode"], meta["versi"]) == (2024, "tahunan", "1.0")
    assert meta["disalin_dari"] == OLD and "catatan_versi" not in meta
    assert meta["judul"].endswith("Tahun 2024") and meta["instansi"] == _yaml(old / "laporan.yaml")["instansi"]
    assert str(meta["tanggal_terbit"]) == "2025-02-15" and str(meta["penandatanganan"]["tanggal"]) == "2025-01-31"
    assert (new / "laporan.yaml").read_text(encoding="utf-8").startswith("# Laporan contoh 1")  # comments kept

    indicators = {i["id"]: i for i in _yaml(new / "data" / "indikator.yaml")["indikator"]}
    assert indicators["NEK"]["realisasi"] == {2022: 82.85, 2023: 84.82}  # history kept, 2024 not carried
    assert indicators["NEK"]["target"] == {2022: 70, 2023: 73}
    assert indicators["K01"]["realisasi"] == {2021: 100, 2022: 100, 2023: 100}
    assert all(2024 not in i.get("realisasi", {}) and "tertulis" not in i for i in indicators.values())
    assert indicators["NEK"]["formula"] == _yaml(ind)["indikator"][0]["formula"]

    pk = _yaml(new / "data" / "pk.yaml")
    assert (pk["tahun"], pk["jenis"], "tanggal" in pk) == (2024, "awal", False)
    assert "target_awal" not in pk and "alasan_perubahan" not in pk and pk["program"]
    assert pk["indikator"] == _yaml(old / "data" / "pk.yaml")["indikator"]

    budget = _yaml(new / "data" / "anggaran.yaml")
    leaves = [s for p in budget["program"] for k in p["kegiatan"] for s in k["sub_kegiatan"]]
    old_leaves = [s for p in _yaml(old / "data" / "anggaran.yaml")["program"] for k in p["kegiatan"]
                  for s in k["sub_kegiatan"]]
    assert [s["kode"] for s in leaves] == [s["kode"] for s in old_leaves]
    assert all(s["pagu"] == 0 and s["realisasi"] == 0 and "pagu_awal" not in s for s in leaves)
    assert budget["tahun"] == 2024 and budget["disalin_dari"] == OLD and "total_tertulis" not in budget
    # last year's totals as the 2023 report computed and published them (Tabel 3.7's sums), not retyped from its PDF
    assert budget["tahun_lalu"] == {"pagu": 2511814579, "realisasi": 2455218753}
    assert ("data/anggaran.yaml: tahun_lalu diisi jumlah pagu dan realisasi laporan martapura-barat-2023 "
            "(Rp 2.511.814.579 dan Rp 2.455.218.753)") in said
    assert not any("pagu_tertulis" in p for p in budget["program"])

    assert (new / "data" / "renstra.yaml").read_bytes() == (old / "data" / "renstra.yaml").read_bytes()
    for image in ("gambar/logo-banjar.svg", "gambar/struktur-organisasi.svg"):
        assert (new / image).read_bytes() == (old / image).read_bytes()
    chapters = sorted(p.name for p in new.glob("*.md"))
    assert chapters == sorted(p.name for p in old.glob("*.md"))
    for name in chapters:
        assert _front(new / name)["disalin_dari"] == OLD
        # the text as it was, but for a year's values and the captions, a year on
        was = (old / name).read_text(encoding="utf-8").split("---\n", 2)[2].splitlines()
        now = (new / name).read_text(encoding="utf-8").split("---\n", 2)[2].splitlines()
        assert len(was) == len(now), name
        for a, b in zip(was, now):
            assert a == b or (("@20" in a or a.startswith("judul:"))
                              and re.sub(r"20\d\d", lambda y: str(int(y.group()) + 1), a) == b), (name, a, b)

    # last year's comments in the data files (published with the sources and the bag) are named, file and line
    assert re.search(r"Komentar berkas data yang masih menyebut tahun sebelumnya .*: data/anggaran.yaml:1, "
                     r"data/indikator.yaml:1, data/pk.yaml:1; perbarui atau hapus", said), said
    # what check says is the list of what to fill, at each line
    code, said = _run(capsys, "check", "--situs", str(examples), "--laporan", NEW)
    rel = f"content/laporan/{NEW}"
    for name in chapters:
        assert f"{rel}/{name}:4: peringatan: bab ini masih teks laporan '{OLD}'" in said
    assert re.search(rf"{rel}/laporan.yaml:\d+: peringatan: tanggal_terbit: 15 Februari 2025 hanya perkiraan", said)
    assert re.search(rf"{rel}/laporan.yaml:\d+: peringatan: penandatanganan.tanggal: 31 Januari 2025", said)
    assert said.count("pagu dan realisasi 2024 belum diisi") == len(leaves)
    assert f"{rel}/data/indikator.yaml:17: peringatan: NEK: tidak ada target tahun 2024" in said
    assert "tahun_lalu" not in said  # the same totals the 2023 report computes: nothing to compare
    # the efficiency chart of last year's BAB III has nothing to draw yet: it shows N/A, and the whole site (the
    # published 2023 report's portal, the preview) still builds, where that error stopped it
    assert code == 0 and " galat:" not in said, said
    code, said = _run(capsys, "build", "--tanpa-pdf", "--situs", str(examples))
    assert code == 0, said
    page = (examples / "build" / "laporan" / NEW / "1.0" / "bab-3-akuntabilitas-kinerja" / "index.html")
    assert "Capaian kinerja dan serapan anggaran 21 indikator ini belum tersedia." in page.read_text(encoding="utf-8")

    # terbitkan refuses while the marks are there; nothing archived
    fill_in_site(examples)
    code, said = _run(capsys, "terbitkan", NEW, "--tanpa-pdf", "--situs", str(examples))
    assert code == 1 and not (examples / "arsip").exists()
    assert re.search(r"masih memuat \d+ isian salinan laporan lama dari lkjip new --dari", said), said


def test_a_carried_chapter_reads_its_values_and_captions_a_year_on(examples: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """"naik dari {nilai}`NEK.realisasi@2022` menjadi {nilai}`NEK.realisasi` (selisih {nilai}`NEK.delta`)" carried
    into 2024 read 2022 against 2024 beside the change from 2023 (4,60 printed as 2,63), and a caption "Tahun
    2021–2023" headed columns 2022–2024: a year's reference and a table's or chart's caption and years move with the
    report; a dataset's block (its CSV's years) and the prose's typed years do not."""
    old = (examples / "content" / "laporan" / OLD / "30-bab-3-akuntabilitas-kinerja.md").read_text(encoding="utf-8")
    assert "{nilai}`NEK.realisasi@2022`" in old
    code, said = _run(capsys, "new", NEW, "--dari", OLD, "--situs", str(examples))
    assert code == 0, said
    new = (examples / "content" / "laporan" / NEW / "30-bab-3-akuntabilitas-kinerja.md").read_text(encoding="utf-8")
    assert "{nilai}`NEK.realisasi@2023` menjadi {nilai}`NEK.realisasi`" in new and "@2022`" not in new
    old_captions = re.findall(r"(?m)^judul: .*", old)
    new_captions = re.findall(r"(?m)^judul: .*", new)
    shifted = [(a, b) for a, b in zip(old_captions, new_captions) if a != b]
    assert shifted and all(re.sub(r"20\d\d", lambda m: str(int(m.group()) + 1), a) == b for a, b in shifted), shifted


def test_quarterly_report_carried_with_renstra_target(examples: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """TW I 2024 -> TW I 2025: the Renstra's 2025 target becomes the year's target; the budget's quarter is 0 and its
    year 'not yet'; check finds no error in the new report, only what to fill."""
    old = examples / "content" / "laporan" / TW
    ind = old / "data" / "indikator.yaml"
    text = ind.read_text(encoding="utf-8")
    ind.write_text(text.replace("target_renstra: {2022: 84, 2023: 85, 2024: 86}",
                                "target_renstra: {2022: 84, 2023: 85, 2024: 86, 2025: 87}"), encoding="utf-8")
    code, said = _run(capsys, "new", "pengaron-2025-tw1", "--dari", TW, "--situs", str(examples))
    assert code == 0, said
    assert "Target 2025 diambil dari target_renstra: IKM" in said
    new = examples / "content" / "laporan" / "pengaron-2025-tw1"
    meta = _yaml(new / "laporan.yaml")
    assert (meta["tahun"], meta["periode"]) == (2025, "tw1")
    indicators = {i["id"]: i for i in _yaml(new / "data" / "indikator.yaml")["indikator"]}
    assert indicators["IKM"]["target"][2025] == {"tahunan": 87}
    assert indicators["IKM"]["realisasi"][2023] == 83.51 and 2025 not in indicators["IKM"]["realisasi"]
    assert indicators["P02"]["realisasi"] == {2024: {"tw1": 25}}
    assert "tahun_lalu" not in _yaml(new / "data" / "anggaran.yaml")  # TW I 2025 is no annual report of 2024's
    leaf = _yaml(new / "data" / "anggaran.yaml")["program"][0]["kegiatan"][0]["sub_kegiatan"][0]
    assert leaf == {"kode": "7.01.01.2.01.0001", "nama": "Penyusunan Dokumen Perencanaan Perangkat Daerah",
                    "indikator": "Jumlah Dokumen Perencanaan Perangkat Daerah", "satuan": "dokumen", "pagu": 0,
                    "realisasi": {"tidak_ada": "Tahun anggaran masih berjalan"}, "realisasi_tw": {"tw1": 0}}
    code, said = _run(capsys, "check", "--situs", str(examples), "--laporan", "pengaron-2025-tw1")
    assert code == 0, said
    assert "pagu dan realisasi 2025 belum diisi" in said and "peringatan: IKM: realisasi 2025 belum diisi" in said


def test_from_the_scaffold_and_the_marks_taken_away(fresh_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A report made by ``lkjip new`` carried again: same bytes twice; once the author removes a mark, its warning
    goes."""
    root = str(fresh_project)
    assert _run(capsys, "new", "contoh-2024", "--dari", "contoh-2023", "--situs", root)[0] == 0
    assert _run(capsys, "new", "contoh-2024-b", "--dari", "contoh-2023", "--situs", root)[0] == 0
    base = fresh_project / "content" / "laporan"
    assert tree_hashes(base / "contoh-2024") == tree_hashes(base / "contoh-2024-b")
    shutil.rmtree(base / "contoh-2024-b")
    new = base / "contoh-2024"
    assert _yaml(new / "laporan.yaml")["tahun"] == 2024
    assert _yaml(new / "data" / "indikator.yaml")["indikator"][0]["realisasi"] == {2023: 82.5}
    code, said = _run(capsys, "check", "--situs", root, "--laporan", "contoh-2024")
    assert code == 0, said
    bab1 = "content/laporan/contoh-2024/10-bab-1-pendahuluan.md"
    assert f"{bab1}:4: peringatan: bab ini masih teks laporan 'contoh-2023'" in said
    assert "IKU1: tidak ada target tahun 2024" in said
    path = new / "10-bab-1-pendahuluan.md"
    path.write_text(re.sub(r"(?m)^(#.*\n)*disalin_dari: .*\n", "", path.read_text(encoding="utf-8"), count=1),
                    encoding="utf-8")
    code, said = _run(capsys, "check", "--situs", root, "--laporan", "contoh-2024")
    assert not [line for line in said.splitlines() if line.startswith(bab1) and "isian" not in line
                and "teks laporan" in line]
    assert f"{bab1}:9: peringatan: 'Tuliskan latar belakang" in said  # the scaffold's own, where it was
    assert "content/laporan/contoh-2024/20-bab-2-perencanaan-kinerja.md:4: peringatan: bab ini masih" in said
    # carried again a year on, marks left in: each file has one mark, naming the report it now comes from
    assert _run(capsys, "new", "contoh-2025", "--dari", "contoh-2024", "--situs", root)[0] == 0
    again = base / "contoh-2025"
    for rel in ("laporan.yaml", "data/anggaran.yaml", "20-bab-2-perencanaan-kinerja.md"):
        text = (again / rel).read_text(encoding="utf-8")
        assert text.count("disalin_dari:") == 1 and "contoh-2023" not in text, rel
    assert _yaml(again / "laporan.yaml")["disalin_dari"] == "contoh-2024"
    assert _run(capsys, "check", "--situs", root, "--laporan", "contoh-2025")[0] == 0


def test_refusals_write_nothing(examples: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = str(examples)
    reports = examples / "content" / "laporan"
    before = tree_hashes(examples)
    code, said = _run(capsys, "new", NEW, "--dari", "martapura-barat", "--situs", site)
    assert code == 2 and "laporan lama 'martapura-barat' (--dari) tidak ada" in said
    assert "mungkin maksudnya 'martapura-barat-2023'" in said
    code, said = _run(capsys, "new", TW, "--dari", OLD, "--situs", site)  # never over an existing folder
    assert code == 2 and "sudah ada" in said
    code, said = _run(capsys, "new", NEW, "--dari", OLD, "--tahun", "2023", "--situs", site)
    assert code == 2 and "harus sesudah laporan lama" in said
    code, said = _run(capsys, "new", NEW, "--dari", OLD, "--instansi", "Kecamatan Lain", "--situs", site)
    assert code == 2 and "--instansi tidak dipakai bersama --dari" in said
    assert tree_hashes(examples) == before
    # an old report with errors: said at its own file and line, nothing made
    ind = reports / OLD / "data" / "indikator.yaml"
    ind.write_text(ind.read_text(encoding="utf-8").replace("2023: 84.82", "2023: '84,82'"), encoding="utf-8")
    code, said = _run(capsys, "new", NEW, "--dari", OLD, "--situs", site)
    assert code == 1
    assert re.search(rf"content/laporan/{OLD}/data/indikator.yaml:\d+: galat: .*koma desimal", said), said
    assert f"laporan lama '{OLD}' masih memuat galat" in said and "laporan baru belum dibuat" in said
    assert not (reports / NEW).exists()


def test_the_workbook_of_a_carried_report_has_the_new_years_rows(examples: Path, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """Right after ``new --dari`` the author exports to Excel to type the new year's figures: the Nilai Indikator
    sheet has a row of 2024 for every indicator (it had none, and each ID, year and period had to be typed first).
    Left empty, the rows change nothing, and a workbook without them (exported before) is not refused."""
    assert _run(capsys, "new", NEW, "--dari", OLD, "--situs", str(examples))[0] == 0
    book = tmp_path / "data.xlsx"
    assert _run(capsys, "ekspor", NEW, "-o", str(book), "--situs", str(examples))[0] == 0
    wb = open_book(book.read_bytes())
    ws = wb["Nilai Indikator"]
    ids = [i["id"] for i in _yaml(examples / "content" / "laporan" / NEW / "data" / "indikator.yaml")["indikator"]]
    rows = {ws.cell(r, column(ws, "ID")).value: r for r in range(2, ws.max_row + 1)
            if ws.cell(r, column(ws, "Tahun")).value == 2024}
    assert sorted(rows) == sorted(ids)
    nek = rows["NEK"]
    assert ws.cell(nek, column(ws, "Periode")).value == "tahunan"
    assert ws.cell(nek, column(ws, "Target")).value is None and ws.cell(nek, column(ws, "Realisasi")).value is None
    assert ws.cell(nek, column(ws, "Keterangan capaian")).value == "belum diisi: tulis target dan realisasinya di baris ini"
    ind = examples / "content" / "laporan" / NEW / "data" / "indikator.yaml"
    before = ind.read_bytes()
    code, said = _run(capsys, "impor", NEW, str(book), "--situs", str(examples))
    assert code == 0 and "Tidak ada perubahan" in said and ind.read_bytes() == before, said

    older = open_book(book.read_bytes())  # as exported before these rows existed: the 2024 rows deleted
    sheet = older["Nilai Indikator"]
    for r in sorted(rows.values(), reverse=True):
        sheet.delete_rows(r)
    older_book = tmp_path / "lama.xlsx"
    older_book.write_bytes(save(older))
    code, said = _run(capsys, "impor", NEW, str(older_book), "--situs", str(examples))
    assert code == 0 and "Tidak ada perubahan" in said and ind.read_bytes() == before, said

    put(ws, nek, {"Target": 75, "Realisasi": 86.5})
    book.write_bytes(save(wb))
    code, said = _run(capsys, "impor", NEW, str(book), "--situs", str(examples))
    assert code == 0, said
    nek_now = {i["id"]: i for i in _yaml(ind)["indikator"]}["NEK"]
    assert nek_now["target"][2024] == 75 and nek_now["realisasi"][2024] == 86.5
    code, said = _run(capsys, "check", "--situs", str(examples), "--laporan", NEW)
    assert "NEK: tidak ada target tahun 2024" not in said and "NEK: realisasi 2024 belum diisi" not in said


def test_the_next_quarter_without_a_year_is_the_same_years(examples: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--periode tw2`` from the TW I 2024 report is TW II 2024 (it was TW II 2025: the slug said 2024, the report a
    year later, and every 2024 value typed in it a year early); ``--periode tw1`` from it is still next year's."""
    site = str(examples)
    code, said = _run(capsys, "new", "pengaron-2024-tw2", "--dari", TW, "--periode", "tw2", "--situs", site)
    assert code == 0, said
    meta = _yaml(examples / "content" / "laporan" / "pengaron-2024-tw2" / "laporan.yaml")
    assert (meta["tahun"], meta["periode"]) == (2024, "tw2")
    assert "tw2 2024" in said
    code, said = _run(capsys, "new", "pengaron-2025-tw1", "--dari", TW, "--periode", "tw1", "--situs", site)
    assert code == 0, said
    meta = _yaml(examples / "content" / "laporan" / "pengaron-2025-tw1" / "laporan.yaml")
    assert (meta["tahun"], meta["periode"]) == (2025, "tw1")


def test_the_next_quarter_is_written_through_the_workbook(examples: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """TW II from TW I: the new quarter is not written yet, which ``check`` calls an error. The workbook that is there
    to write it could not be exported ("galat: ... hanya diisi tw1, tanpa tw2", exit 1), nor imported. Now it is
    exported with a note; an import that writes the budget's TW II only is taken, and the indicators' quarter still
    unwritten stays an error of ``check``, not of the import."""
    site = str(examples)
    new = "pengaron-2024-tw2"
    assert _run(capsys, "new", new, "--dari", TW, "--periode", "tw2", "--situs", site)[0] == 0
    book = tmp_path / "tw2.xlsx"
    code, said = _run(capsys, "ekspor", new, "-o", str(book), "--situs", site)
    assert code == 0 and book.is_file(), said
    assert "galat pemeriksaan" in said and f"lkjip check --laporan {new}" in said
    wb = open_book(book.read_bytes())
    ws = wb["Anggaran"]
    tw2 = column(ws, "Realisasi TW II (Rp)")
    leaves = [r for r in range(2, ws.max_row + 1) if ws.cell(r, column(ws, "Tingkat (dihitung)")).value == "Sub kegiatan"]
    for r in leaves:
        put(ws, r, {"Realisasi TW II (Rp)": 1000})
    assert ws.cell(leaves[0], tw2).value == 1000
    book.write_bytes(save(wb))
    code, said = _run(capsys, "impor", new, str(book), "--situs", site)
    assert code == 0 and "Impor selesai" in said, said
    budget = (examples / "content" / "laporan" / new / "data" / "anggaran.yaml").read_text(encoding="utf-8")
    assert "tw2: 1000" in budget
    code, said = _run(capsys, "check", "--situs", site, "--laporan", new)
    assert code == 1
    assert "realisasi_tw hanya diisi" not in said and "P02: realisasi 2024 hanya diisi tw1, tanpa tw2" in said
