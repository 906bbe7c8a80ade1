"""cli: the commands as a user types them (``lkjip new`` builds as is, ``lkjip schema`` writes files), exit codes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPORT_DIR, fill_in, tree_hashes

import lkjip_site
from lkjip_site.cli import main as cli
from lkjip_site.cli.main import main
from lkjip_site.core import fmt, resources
from lkjip_site.core.diagnostics import Diagnostics
from lkjip_site.load.schemas import ALL
from lkjip_site.load.yamltree import load_yaml

pytestmark = pytest.mark.usefixtures("epoch")


def test_new_then_build_from_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    """In an empty folder, ``lkjip new`` (the folder becomes a site) then ``lkjip build`` (into ./build)."""
    monkeypatch.chdir(tmp_path)
    assert main(["new", "kecamatan-contoh-2023"]) == 0
    out = capsys.readouterr().out
    assert "Laporan baru dibuat" in out and (tmp_path / "situs.yaml").is_file()
    assert "Diasumsikan: tahun 2023 (tahun lalu" in out and "Diasumsikan: periode tahunan" in out
    meta = (tmp_path / "content/laporan/kecamatan-contoh-2023/laporan.yaml").read_text(encoding="utf-8")
    assert "tahun: 2023\n" in meta and "tanggal_terbit: 2024-02-15" in meta  # year before SOURCE_DATE_EPOCH's
    assert "__TAHUN" not in meta
    assert main(["build", "--no-pdf"]) == 0
    captured = capsys.readouterr()
    # the scaffold's only warnings: what it and lkjip init leave for the author to write (its sample head, NIP and
    # logo, "Tuliskan …", the two-sentence foreword and ikhtisar, the sample IKM and budget amounts, situs.yaml's
    # pemda and url_dasar, and the open data's licence lkjip init suggests in a comment)
    said = [line for line in captured.err.splitlines() if ": peringatan: " in line]
    licence = [line for line in said if line.startswith("situs.yaml:1: peringatan: lisensi_data belum ditulis")]
    assert len(said) == 23 and len(licence) == 1 and all(
        "masih" in line and re.search(r"contoh dari lkjip (new|init)", line)
        for line in said if line not in licence), said
    assert "Selesai: 1 laporan" in captured.out
    files = tree_hashes(tmp_path / "build")
    base = "laporan/kecamatan-contoh-2023/1.0/"
    for chapter in ("kata-pengantar", "ikhtisar-eksekutif", "bab-1-pendahuluan", "bab-2-perencanaan-kinerja",
                    "bab-3-akuntabilitas-kinerja", "bab-4-penutup", "lampiran"):
        assert f"{base}{chapter}/index.html" in files
    assert {"index.html", "404.html", f"{base}index.html", "laporan/kecamatan-contoh-2023/index.html",
            f"{base}gambar/logo.svg", f"{base}data/indikator.yaml"} <= files.keys()
    # a second report next to the first also builds, both written over as the guide asks (another instansi's: two
    # annual 2023 reports of one instansi are said as one period twice)
    assert main(["new", "kecamatan-lain-2023", "--instansi", "Kecamatan Lain"]) == 0
    for slug in ("kecamatan-contoh-2023", "kecamatan-lain-2023"):
        fill_in(tmp_path / "content" / "laporan" / slug)
    assert main(["build", "--no-pdf", "--strict"]) == 0


def test_new_in_an_existing_site_keeps_its_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "situs.yaml").write_text("judul: Milik Saya\npemda: P\nurl_dasar: https://a.b/\n", encoding="utf-8")
    (tmp_path / "content" / "laporan").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "content" / "laporan")  # the site is found from a folder inside it
    assert main(["new", "a-2023"]) == 0
    assert (tmp_path / "situs.yaml").read_text(encoding="utf-8").startswith("judul: Milik Saya")
    assert (tmp_path / "content" / "laporan" / "a-2023" / "laporan.yaml").is_file()


@pytest.mark.parametrize("periode", ["tahunan", "tw1", "tw2", "tw3", "tw4"])
def test_new_with_year_period_and_instansi_passes_strict_check(tmp_path: Path, periode: str,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "situs"
    assert main(["init", str(site)]) == 0
    assert main(["new", "--situs", str(site), "martapura-2024", "--tahun", "2024", "--periode", periode,
                 "--instansi", "Kecamatan Martapura Barat"]) == 0
    out = capsys.readouterr().out
    assert "Diasumsikan" not in out  # everything was given
    meta = (site / "content/laporan/martapura-2024/laporan.yaml").read_text(encoding="utf-8")
    assert "tahun: 2024\n" in meta and f"periode: {periode}\n" in meta
    assert "nama: Kecamatan Martapura Barat" in meta and "jabatan: Camat Martapura Barat" in meta
    # a quarterly report's budget to date is written by quarter, up to its own (an annual realisasi alone was printed
    # as "terealisasi Rp 95.000.000" in a TW II report)
    budget = load_yaml((site / "content/laporan/martapura-2024/data/anggaran.yaml").read_text(encoding="utf-8"), "x",
                       Diagnostics())
    leaf = budget["program"][0]["kegiatan"][0]["sub_kegiatan"][0]
    quarters = int(periode[-1]) if periode != "tahunan" else 0
    assert sorted(leaf.get("realisasi_tw", {})) == [f"tw{q}" for q in range(1, quarters + 1)]
    chapter = (site / "content/laporan/martapura-2024/30-bab-3-akuntabilitas-kinerja.md").read_text(encoding="utf-8")
    assert ("terealisasi s.d. Triwulan" in chapter) == bool(quarters)
    # the foreword and the ikhtisar name the report it is: a TW II report's called itself "Laporan Kinerja Instansi
    # Pemerintah" (the annual report) on the year, and its average "tahun ini"
    folder = site / "content/laporan/martapura-2024"
    foreword = " ".join((folder / "00-kata-pengantar.md").read_text(encoding="utf-8").split())
    summary = " ".join((folder / "01-ikhtisar-eksekutif.md").read_text(encoding="utf-8").split())
    if quarters:
        numeral = ("I", "II", "III", "IV")[quarters - 1]
        assert f"Laporan Kinerja Triwulan {numeral} ini" in foreword
        assert f"Kecamatan Martapura Barat s.d. Triwulan {numeral} tahun" in foreword
        assert f"sasaran s.d. Triwulan {numeral} tahun ini" in summary
    else:
        assert "Laporan Kinerja Instansi Pemerintah ini menyajikan capaian kinerja Kecamatan Martapura Barat tahun" \
            in foreword and "sasaran tahun ini" in summary
    fill_in(folder)
    assert main(["check", "--situs", str(site), "--strict"]) == 0


@pytest.mark.parametrize("tahun", [2019, 2027, 2031])
def test_new_for_any_year_has_a_renstra_holding_it(tmp_path: Path, tahun: int) -> None:
    """The scaffold's Renstra period holds the year asked for: a fixed 2021–2026 warned on a new 2027 report that its
    own Renstra had ended (``tahun-renstra``), so a report fresh from ``lkjip new`` failed ``check --strict``."""
    assert main(["init", str(tmp_path)]) == 0
    assert main(["new", "--situs", str(tmp_path), f"contoh-{tahun}", "--tahun", str(tahun)]) == 0
    renstra = load_yaml((tmp_path / f"content/laporan/contoh-{tahun}/data/renstra.yaml").read_text(encoding="utf-8"),
                        "x", Diagnostics())
    assert renstra["periode"]["awal"] <= tahun <= renstra["periode"]["akhir"]
    fill_in(tmp_path / f"content/laporan/contoh-{tahun}")
    assert main(["check", "--situs", str(tmp_path), "--strict"]) == 0


@pytest.mark.parametrize("nama", ["Kecamatan Suka: Maju", "Dinas P&K #2", "yes", "'Kec' Baru", "%Dinas Sosial"])
def test_new_with_any_instansi_name_writes_it_as_it_is_and_passes_strict_check(tmp_path: Path, nama: str) -> None:
    """A name YAML reads otherwise written bare (a colon, " #" that starts a comment, a leading "-", "yes") made a
    scaffold that failed its own check or held another name; it is quoted where it must be, and the narrative check
    takes the name as written for the report's own."""
    assert main(["init", str(tmp_path)]) == 0
    assert main(["new", "--situs", str(tmp_path), "contoh-2024", "--tahun", "2024", "--instansi", nama]) == 0
    data = load_yaml((tmp_path / "content/laporan/contoh-2024/laporan.yaml").read_text(encoding="utf-8"), "x",
                     Diagnostics())
    assert data["instansi"]["nama"] == nama
    fill_in(tmp_path / "content/laporan/contoh-2024")
    assert main(["check", "--situs", str(tmp_path), "--strict"]) == 0


def test_new_with_a_name_a_spreadsheet_reads_as_a_formula_writes_it_and_check_says_why_at_its_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A leading "- " (YAML's list sign) is written quoted, so the name is read as typed; but every open data row
    carries it, and a spreadsheet reads a cell that begins with "-" as a formula: ``check`` refuses it at its line."""
    assert main(["init", str(tmp_path)]) == 0
    assert main(["new", "--situs", str(tmp_path), "contoh-2024", "--tahun", "2024", "--instansi",
                 "- Dinas Kesehatan"]) == 0
    data = load_yaml((tmp_path / "content/laporan/contoh-2024/laporan.yaml").read_text(encoding="utf-8"), "x",
                     Diagnostics())
    assert data["instansi"]["nama"] == "- Dinas Kesehatan"
    capsys.readouterr()
    assert main(["check", "--situs", str(tmp_path)]) == 1
    said = capsys.readouterr()
    assert "contoh-2024/laporan.yaml:7: galat: instansi.nama: '- Dinas Kesehatan' diawali '-'" in said.out + said.err


def test_new_for_a_dinas_has_no_kecamatan_budget(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A dinas's new report began with a kecamatan's program (7.01.02, "Koordinasi … di Tingkat Kecamatan"): it has
    the program every perangkat daerah has, under urusan 0.00, said to be a sample in a comment and by ``check``;
    a kecamatan keeps its own."""
    assert main(["init", str(tmp_path)]) == 0
    for slug, nama in (("dinas-2024", "Dinas Pertanian Kabupaten Contoh"), ("kec-2024", "Kecamatan Martapura")):
        assert main(["new", "--situs", str(tmp_path), slug, "--tahun", "2024", "--instansi", nama]) == 0
    folder = tmp_path / "content/laporan/dinas-2024"
    text = (folder / "data/anggaran.yaml").read_text(encoding="utf-8")
    budget = load_yaml(text, "x", Diagnostics())
    program = budget["program"][0]
    assert (program["kode"], program["nama"]) == ("0.00.01", "Program Penunjang Urusan Pemerintahan Daerah "
                                                  "Kabupaten/Kota")
    assert "Kecamatan" not in text and "# Contoh: ganti 0.00 dengan kode urusan dan bidang instansi Anda" in text
    assert "program: [0.00.01]" in (folder / "data/pk.yaml").read_text(encoding="utf-8")
    kec = load_yaml((tmp_path / "content/laporan/kec-2024/data/anggaran.yaml").read_text(encoding="utf-8"), "x",
                    Diagnostics())
    assert kec["program"][0]["kode"] == "7.01.02"
    capsys.readouterr()
    assert main(["check", "--situs", str(tmp_path), "--laporan", "dinas-2024"]) == 0
    assert ("content/laporan/dinas-2024/data/anggaran.yaml:5: peringatan: kode program '0.00.01': urusan dan bidang "
            "0.00 masih isian contoh dari lkjip new; tulis kode program, kegiatan dan sub kegiatan dari DPA instansi "
            "Anda (mis. 3.27.01 untuk program penunjang urusan pertanian), juga di pk.yaml") in capsys.readouterr().out
    fill_in(folder)
    assert main(["check", "--situs", str(tmp_path), "--laporan", "dinas-2024", "--strict"]) == 0


def test_new_writes_the_kind_the_portal_compares_an_instansi_by(tmp_path: Path) -> None:
    """``jenis`` was the name's first word: 'Rumah Sakit Umum Daerah …' wrote ``jenis: rumah`` and 'Bappeda'
    ``jenis: bappeda``, kinds no portal groups by. A name that says its kind writes it; one that says none writes
    'lainnya' with the kinds to choose from beside it, and the report passes its strict check either way."""
    assert main(["init", str(tmp_path)]) == 0
    for slug, nama in (("rsud-2024", "Rumah Sakit Umum Daerah Ratu Zalecha"), ("bappeda-2024", "Bappeda"),
                       ("ulp-2024", "Unit Layanan Pengadaan")):
        assert main(["new", "--situs", str(tmp_path), slug, "--tahun", "2024", "--instansi", nama]) == 0
    rsud = (tmp_path / "content/laporan/rsud-2024/laporan.yaml").read_text(encoding="utf-8")
    assert "  jenis: rsud\n" in rsud
    bappeda = (tmp_path / "content/laporan/bappeda-2024/laporan.yaml").read_text(encoding="utf-8")
    assert "  jenis: badan\n" in bappeda  # an abbreviation of a badan
    ulp = (tmp_path / "content/laporan/ulp-2024/laporan.yaml").read_text(encoding="utf-8")
    assert "  jenis: lainnya  # nama instansi tidak menyebut jenisnya: ganti dengan salah satu dari " in ulp
    for slug in ("rsud-2024", "bappeda-2024", "ulp-2024"):
        fill_in(tmp_path / "content/laporan" / slug)
    assert main(["check", "--situs", str(tmp_path), "--strict"]) == 0


def test_init_creates_a_ready_site_and_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "portal"
    assert main(["init", str(site)]) == 0
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == [
        ".gitattributes", ".gitignore", "README.md", "content", "content/laporan", "situs.yaml"]
    assert "build/" in (site / ".gitignore").read_text(encoding="utf-8")
    # released bytes kept from Git's line-end conversion (tests/test_arsip.py clones an archive with it)
    assert {"arsip/** -text", "content/** -text"} <= set((site / ".gitattributes").read_text("utf-8").splitlines())
    assert main(["init", str(site)]) == 2
    assert "sudah ada" in capsys.readouterr().err


def test_new_in_a_repository_folder_keeps_its_own_readme_and_gitignore(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """``lkjip new`` in a folder without situs.yaml makes the site there first; a pemda's repository folder kept its
    own README.md and .gitignore only by luck: they were overwritten without a word. They stay now, and the lines
    the site still needs in .gitignore are said."""
    (tmp_path / "README.md").write_text("# Repositori LKjIP Kabupaten\n", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("*.bak\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["new", "kec-2024", "--tahun", "2024"]) == 0
    out = capsys.readouterr().out
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "# Repositori LKjIP Kabupaten\n"
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8") == "*.bak\n"
    assert (tmp_path / "situs.yaml").is_file() and (tmp_path / ".gitattributes").is_file()
    assert f"Dibuat: situs baru di {tmp_path} (situs.yaml, content/, .gitattributes)" in out
    assert "Tidak diubah karena sudah ada: .gitignore, README.md" in out
    assert "Tambahkan ke .gitignore Anda: build/, .build-*/, .cache/" in out


def test_a_folder_without_situs_yaml_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["build"]) == 2
    assert "situs.yaml tidak ditemukan" in capsys.readouterr().err
    assert main(["check", "--situs", str(tmp_path)]) == 2
    assert "bukan folder situs" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"lkjip-site {lkjip_site.__version__}"


def test_build_output_option(fresh_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "keluaran"
    assert main(["build", "--situs", str(fresh_project), "--no-pdf", "--output", str(out)]) == 0
    assert (out / "index.html").is_file() and not (fresh_project / "build").exists()


def test_schema_writes_one_file_per_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "skema"
    assert main(["schema", "-o", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"{d.name}.schema.json" for d in ALL)
    assert len(names) == 9
    laporan = json.loads((out / "laporan.schema.json").read_text(encoding="utf-8"))
    assert laporan["properties"]["periode"]["enum"] == ["tahunan", "tw1", "tw2", "tw3", "tw4"]
    assert "tahun" in laporan["required"]
    assert "9 skema ditulis" in capsys.readouterr().out


def test_repository_schema_files_are_current(tmp_path: Path) -> None:
    """docs/schema/ is what editors use; it must match what ``lkjip schema`` writes today."""
    repo = Path(__file__).resolve().parent.parent / "docs" / "schema"
    assert main(["schema", "-o", str(tmp_path)]) == 0
    for path in sorted(tmp_path.iterdir()):
        assert (repo / path.name).read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), path.name


def test_internal_error_is_a_message_not_a_traceback(monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    def boom(args):  # type: ignore[no-untyped-def]
        raise RuntimeError("rusak")

    monkeypatch.setattr(cli, "command", lambda name: boom)
    assert main(["check"]) == 3
    err = capsys.readouterr().err
    assert "galat internal lkjip: RuntimeError: rusak" in err and "Traceback" not in err


def test_a_reader_that_leaves_early_is_not_a_program_error(fresh_project: Path) -> None:
    """`lkjip check | head -2`: the reader closed the pipe, and a check that had checked (a build that had published)
    ended in "galat internal lkjip: BrokenPipeError" and code 3, told to report it as a bug."""
    proc = subprocess.Popen([sys.executable, "-m", "lkjip_site", "check"], cwd=fresh_project,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # before the interpreter has even started: its first line finds no reader
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=120) == 141, err
    assert "galat internal" not in err and "Traceback" not in err and "BrokenPipe" not in err, err


@pytest.mark.parametrize("code, says", [(28, "disk penuh; kosongkan ruang disk"),  # ENOSPC
                                         (13, "tidak ada izin; jalankan lkjip sebagai pengguna pemilik")])  # EACCES
def test_a_refusal_of_the_system_is_said_as_such(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str], code: int, says: str) -> None:
    """A full disk or an output folder of another user while publishing: what, where and what to do, exit 3, and
    the previous build intact; not ``galat internal``, which sends the webmaster to report a bug."""
    before = tree_hashes(project / "build")
    chapter = project / REPORT_DIR / "40-bab-4-penutup.md"
    chapter.write_text(chapter.read_text(encoding="utf-8") + "\nSatu kalimat lagi.\n", encoding="utf-8")
    real = Path.write_bytes

    def refused(self: Path, data: bytes) -> int:
        if "baru-" in self.as_posix():  # the new files, staged beside the published ones
            raise OSError(code, "refused", str(self))
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", refused)
    capsys.readouterr()
    assert main(["build", "--situs", str(project), "--no-pdf"]) == 3
    err = capsys.readouterr().err
    assert f"lkjip: tidak dapat menulis atau membaca {project}" in err and says in err, err
    assert "galat internal" not in err and "refused" not in err
    assert tree_hashes(project / "build") == before


@pytest.mark.parametrize("argv, says", [
    (["pdf", "contoh-2023", "-o", "{root}"], "{root} adalah folder; tulis nama berkasnya, mis. --output "
                                              "{root}/contoh-2023.pdf"),
    (["ekspor", "contoh-2023", "-o", "{root}"], "{root} adalah folder; tulis nama berkasnya"),
    (["pdf", "contoh-2023", "-o", "{root}/situs.yaml/x.pdf"], "{root}/situs.yaml adalah berkas, bukan folder"),
    (["schema", "-o", "{root}/situs.yaml"], "{root}/situs.yaml adalah berkas, bukan folder; pilih folder lain"),
    (["init", "{root}/situs.yaml"], "{root}/situs.yaml adalah berkas, bukan folder"),
    (["new", "lain-2023", "--tahun", "99999"], "--tahun 99999 di luar rentang 1990–2100"),
    # a workbook named .csv was written, which a spreadsheet then opened as text
    (["ekspor", "contoh-2023", "-o", "{root}/data.csv"], "{root}/data.csv: berkas ini ber-format XLSX; beri nama "
                                                           "berakhiran .xlsx, mis. --output {root}/data.xlsx"),
    (["pdf", "contoh-2023", "-o", "{root}/laporan"], "berkas ini ber-format PDF; beri nama berakhiran .pdf"),
    # a build replaces its output folder whole: "--output ." removed content/ and situs.yaml, ".." the site
    (["build", "--no-pdf", "-o", "{root}"], "--output {root}: itu folder situs ini; build mengganti seluruh isi "
                                            "folder hasil, jadi sumber laporan akan terhapus. Pilih folder lain, mis. "
                                            "--output {root}/build"),
    (["build", "--no-pdf", "-o", "{root}/.."], "itu folder situs ini atau folder di atasnya"),
    (["build", "--no-pdf", "-o", "{root}/content"], "folder itu adalah content/ situs ini, yang akan terhapus"),
    (["build", "--no-pdf", "-o", "{root}/content/laporan/contoh-2023/gambar"], "folder itu ada di dalam content/"),
    (["terbitkan", "contoh-2023", "--no-pdf", "-o", "{root}/arsip"], "folder itu adalah arsip/ situs ini"),
    (["build", "--no-pdf", "-o", "{root}/.cache"], "folder itu adalah .cache/ situs ini"),
], ids=["pdf-ke-folder", "ekspor-ke-folder", "pdf-di-bawah-berkas", "schema-ke-berkas", "init-di-berkas",
        "tahun-mustahil", "ekspor-ke-csv", "pdf-tanpa-akhiran", "build-ke-situs", "build-ke-atas-situs",
        "build-ke-content", "build-ke-dalam-content", "terbitkan-ke-arsip", "build-ke-cache"])
def test_an_output_path_that_cannot_be_is_a_usage_error_before_any_work(
        project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: list[str],
        says: str) -> None:
    """Said before the PDF is laid out or the workbook made, with a path to use; not ``galat internal`` (Python's
    IsADirectoryError after the work), and ``lkjip new`` leaves no half-made report folder."""
    monkeypatch.chdir(project)
    before = sorted(p.relative_to(project).as_posix() for p in project.rglob("*") if ".cache" not in p.parts)
    capsys.readouterr()
    assert main([a.format(root=project) for a in argv]) == 2
    err = capsys.readouterr().err
    assert says.format(root=project) in err and "galat internal" not in err, err
    assert sorted(p.relative_to(project).as_posix() for p in project.rglob("*") if ".cache" not in p.parts) == before


def test_a_build_output_folder_holding_other_files_is_refused_and_a_build_folder_is_taken(
        project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--output ~/Dokumen`` would have replaced the folder's files with the site. A folder with files is taken only
    when it is a site lkjip built (its index.html at the top), as build/ is after a first build."""
    office = tmp_path / "dokumen"
    office.mkdir()
    (office / "laporan-2023.docx").write_bytes(b"PK draft")
    assert main(["build", "--situs", str(project), "--no-pdf", "-o", str(office)]) == 2
    assert "sudah berisi berkas yang bukan hasil build lkjip (tidak ada index.html)" in capsys.readouterr().err
    assert [p.name for p in office.iterdir()] == ["laporan-2023.docx"]
    site = tmp_path / "situs-lain"
    shutil.copytree(project / "build", site)
    assert main(["build", "--situs", str(project), "--no-pdf", "-o", str(site)]) == 0
    assert (site / "index.html").is_file() and (project / "content").is_dir()


def test_a_file_written_by_a_command_may_go_into_a_folder_not_made_yet(project: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    target = project / "unduhan" / "data.xlsx"
    assert main(["ekspor", "--situs", str(project), "contoh-2023", "-o", str(target)]) == 0
    said = capsys.readouterr().out
    assert target.read_bytes()[:2] == b"PK" and f"Buku kerja ditulis ke {target}" in said
    # its size in id-ID digits, as every number the author reads ('56.410 bita', not '56410 bita')
    assert f"({fmt.fmt_int(target.stat().st_size)} bita)" in said and target.stat().st_size >= 1000


def test_console_script_entry_point(tmp_path: Path) -> None:
    """The installed ``lkjip`` command is this module's ``main``."""
    exe = Path(sys.executable).parent / "lkjip"
    if not exe.exists():
        pytest.skip("perintah lkjip tidak terpasang di venv ini")
    proc = subprocess.run([str(exe), "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0
    for command in ("build", "check", "serve", "new", "schema"):
        assert command in proc.stdout


LOADED = """\
import sys
from lkjip_site.cli.main import command
if sys.argv[1] != "-":
    command(sys.argv[1])
heavy = ("openpyxl", "watchdog", "http.server", "jinja2", "lkjip_site.build")
print(" ".join(name for name in heavy if name in sys.modules))
"""


@pytest.mark.parametrize(("name", "loaded"), [
    ("-", ""),  # lkjip --help, a usage error: the parser alone
    ("build", "jinja2 lkjip_site.build"),
    ("serve", "watchdog http.server jinja2 lkjip_site.build"),
    ("ekspor", "openpyxl jinja2 lkjip_site.build"),  # it reads the report as the build does
])
def test_a_command_loads_only_what_it_runs(name: str, loaded: str) -> None:
    """``lkjip build`` starts without the spreadsheet library or the preview server (a third of a one-chapter
    rebuild's start-up at N = 100 was importing them), and ``lkjip --help`` without the build."""
    proc = subprocess.run([sys.executable, "-c", LOADED, name], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == loaded.split()


LAUNCHER = """\
import sys
print("skrip peluncur dijalankan", file=sys.stderr, flush=True)
from lkjip_site.cli.main import run
if __name__ == "__main__":
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context
    from lkjip_site.cli import main as cli
    if sys.argv[1] == "dinamai":
        cli._launcher_not_rerun_in_workers()
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        assert pool.submit(abs, -3).result() == 3
"""


@pytest.mark.parametrize("named, runs", [("dinamai", 1), ("apa-adanya", 2)])
def test_workers_do_not_run_the_console_script_again(tmp_path: Path, named: str, runs: int) -> None:
    """A spawned worker (charts, PDFs) runs its parent's main module again unless multiprocessing knows it only
    launches a command; the ``lkjip`` script pip writes (the same lines as here) imported the whole command into every
    chart worker, about 30 MB each beside the build of an archive. ``run`` names it the package's ``__main__``, so a
    worker starts without it; without the naming (the second case) the script runs twice, so the count is meant."""
    script = tmp_path / "lkjip"
    script.write_text(LAUNCHER, encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script), named], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.count("skrip peluncur dijalankan") == runs


@pytest.mark.parametrize(("template", "mistake", "said"), [
    ("base.html", "<p>{{ site.capaian.rumus_negatif }}</p>", "templat tema memakai nilai yang tidak ada"),
    # Jinja said "'lkjip_site.core.model.SiteConfig object' has no attribute 'telepon'": a class name in English
    ("base.html", "<p>{{ site.telepon }}</p>", "templat tema memakai nilai yang tidak ada ('telepon' tidak ada pada "
                                               "site (situs.yaml))"),
    ("base.html", "<p>{{ telepon.kantor }}</p>", "templat tema memakai nilai yang tidak ada ('telepon' tidak dikenal "
                                                 "di templat ini)"),
    ("partials/table.html", "{% if %}", "templat tema tidak dapat dibaca"),
])
def test_a_mistake_in_a_site_theme_is_the_webmasters_error_at_its_line(
        fresh_project: Path, capsys: pytest.CaptureFixture[str], template: str, mistake: str, said: str) -> None:
    """A site theme's template that fails (a value the site does not have, a syntax error in a partial the tables
    use) stops the build with an error at the template's line, in Indonesian, saying what to do, and the last build
    stays as it was; it was "galat internal lkjip" (exit 3) in Jinja's English."""
    assert main(["build", "--situs", str(fresh_project), "--tanpa-pdf"]) == 0
    before = tree_hashes(fresh_project / "build")
    shipped = resources.PACKAGE_THEMES / "default" / "templates" / template
    override = fresh_project / "themes" / "default" / "templates" / template
    override.parent.mkdir(parents=True, exist_ok=True)
    override.write_text("\n" + mistake + "\n" + shipped.read_text(encoding="utf-8"), encoding="utf-8")
    capsys.readouterr()
    assert main(["build", "--situs", str(fresh_project), "--tanpa-pdf"]) == 1
    err = capsys.readouterr().err
    assert f"themes/default/templates/{template}:2: galat: {said}" in err, err
    assert "hapus berkas ini dari folder themes/" in err and "galat internal" not in err
    assert tree_hashes(fresh_project / "build") == before


def test_a_site_template_that_is_not_utf8_is_the_webmasters_error_at_its_line(
        fresh_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A site theme's template saved in another encoding (``café`` in Latin-1) stopped the build as "galat internal
    lkjip" with Python's decoding error; it is an error at the template's line that says how to save it."""
    shipped = resources.PACKAGE_THEMES / "default" / "templates" / "chapter.html"
    override = fresh_project / "themes" / "default" / "templates" / "chapter.html"
    override.parent.mkdir(parents=True)
    override.write_bytes(b"{# tema #}\n<p>caf\xe9</p>\n" + shipped.read_bytes())
    assert main(["build", "--situs", str(fresh_project), "--tanpa-pdf"]) == 1
    err = capsys.readouterr().err
    assert "themes/default/templates/chapter.html:2: galat: templat tema tidak dapat dibaca" in err, err
    assert "bukan teks UTF-8" in err and "galat internal" not in err


def test_every_argument_of_every_command_says_what_to_give() -> None:
    """``lkjip impor --help`` listed "laporan" and "berkas.xlsx" with no word on what they are, and
    ``lkjip schema --help`` an "--output OUTPUT" without saying it is a folder or where it writes by default."""
    parser = cli._parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    silent = [f"{name} {a.option_strings[0] if a.option_strings else a.metavar or a.dest}"
              for name, sub in sorted(commands.items()) for a in sub._actions if not a.help]
    assert silent == []


def test_every_output_option_names_its_value_in_indonesian() -> None:
    """``lkjip build --help`` showed ``--output OUTPUT, -o OUTPUT`` (and so did serve, terbitkan, verifikasi, pdf and
    ekspor): the one English word on the webmaster's screen, beside ``--situs FOLDER`` and ``--tunggu MENIT``."""
    commands = next(a for a in cli._parser()._actions if a.dest == "command").choices
    for name, sub in commands.items():
        assert "OUTPUT" not in sub.format_help(), name
        output = sub._option_string_actions.get("--output")
        assert output is None or output.metavar in ("FOLDER", "BERKAS"), name
