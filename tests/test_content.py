"""content: report discovery, chapter front matter, ordering, default ids, unique versions, logo checks."""

from __future__ import annotations

import posixpath
import shutil
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkjip_site.build import BuildOptions, load_site
from lkjip_site.cli.scaffold import new_report
from lkjip_site.core.diagnostics import Diagnostics
from lkjip_site.core.paths import as_listed, relpath, resolve_inside
from lkjip_site.load.config import load_config
from lkjip_site.load.content import load_chapter, load_reports, unportable_paths
from lkjip_site.load.data import read_data_files

pytestmark = pytest.mark.usefixtures("epoch")


def chapter_file(folder: Path, name: str, front: str, body: str = "Isi.\n") -> Path:
    path = folder / name
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    return path


def load(root: Path, strict: bool = False):
    diags = Diagnostics()
    config = load_config(root, diags)
    assert config is not None, diags.items
    return load_reports(root / "content", root, config, diags), diags


def test_scaffold_loads_in_order(fresh_project: Path) -> None:
    reports, diags = load(fresh_project)
    assert not diags.items
    [r] = reports
    assert (r.slug, r.tahun, r.periode, r.versi) == ("contoh-2023", 2023, "tahunan", "1.0")
    assert [c.id for c in r.chapters] == [
        "kata-pengantar", "ikhtisar-eksekutif", "bab-1-pendahuluan", "bab-2-perencanaan-kinerja",
        "bab-3-akuntabilitas-kinerja", "bab-4-penutup", "lampiran",
    ]
    assert [c.urutan for c in r.chapters] == [0, 1, 10, 20, 30, 40, 90]
    assert r.judul == "Laporan Kinerja Instansi Pemerintah Kecamatan Contoh Tahun 2023"  # derived title
    assert r.instansi.pemda == "Pemerintah Kabupaten Contoh"  # defaults to situs.pemda
    assert r.url == "laporan/contoh-2023/1.0/"
    bab3 = r.chapters[4]
    assert bab3.display_title == "BAB III Akuntabilitas Kinerja"
    assert bab3.body_line == 7 and bab3.body.startswith("## Capaian Kinerja Organisasi")
    assert "gambar/logo.svg" in r.assets


def test_order_by_urutan_not_file_name(tmp_path: Path) -> None:
    """File names only give default ids; reading order is ``urutan``."""
    (tmp_path / "r").mkdir()
    folder = tmp_path / "r"
    chapter_file(folder, "01-z.md", "judul: Z\njenis: lampiran\nurutan: 90\n")
    chapter_file(folder, "99-a.md", "judul: A\njenis: kata-pengantar\nurutan: 0\n")
    chapter_file(folder, "50-b.md", "judul: B\njenis: bab\nbab: II\nurutan: 20\nid: bab-dua\n")
    from lkjip_site.load.content import load_chapters

    diags = Diagnostics()
    chapters = load_chapters(folder, tmp_path, diags)
    assert not diags.items
    assert [(c.id, c.urutan) for c in chapters] == [("a", 0), ("bab-dua", 20), ("z", 90)]


@pytest.mark.parametrize(
    ("name", "expected"),
    [("10-bab-1-pendahuluan.md", "bab-1-pendahuluan"), ("lampiran.md", "lampiran"),
     ("3_ringkasan.md", "ringkasan"), ("2023-laporan.md", "laporan")],
)
def test_default_id_from_file_name(tmp_path: Path, name: str, expected: str) -> None:
    path = chapter_file(tmp_path, name, "judul: X\njenis: lampiran\nurutan: 1\n")
    diags = Diagnostics()
    chapter = load_chapter(path, tmp_path, diags)
    assert chapter is not None and chapter.id == expected


def test_front_matter_fields_and_body_line(tmp_path: Path) -> None:
    path = chapter_file(tmp_path, "30-x.md", "judul: Akuntabilitas\njenis: bab\nbab: III\nurutan: 30\n"
                                             "ringkasan: Capaian dan anggaran\n", "Baris pertama.\n")
    diags = Diagnostics()
    c = load_chapter(path, tmp_path, diags)
    assert not diags.items
    assert (c.judul, c.jenis, c.bab, c.urutan, c.ringkasan) == ("Akuntabilitas", "bab", "III", 30, "Capaian dan anggaran")
    assert c.body == "Baris pertama.\n" and c.body_line == 8  # 7 front matter lines (--- x2 + 5 keys)
    assert c.rel == "30-x.md"


def test_front_matter_with_crlf(tmp_path: Path) -> None:
    """Windows editors save CRLF; the front matter must still be found."""
    path = tmp_path / "10-a.md"
    path.write_bytes(b"---\r\njudul: A\r\njenis: lampiran\r\nurutan: 1\r\n---\r\nIsi.\r\n")
    diags = Diagnostics()
    c = load_chapter(path, tmp_path, diags)
    assert c is not None and c.judul == "A", diags.items
    assert c.body == "Isi.\n" and c.body_line == 6  # the text as Windows' and old Mac's line ends are read as ends


def test_old_mac_line_ends_are_line_ends(tmp_path: Path) -> None:
    """A lone CR ends a line as LF does (as Python's text mode reads it), so line numbers in messages stay right."""
    path = tmp_path / "10-a.md"
    path.write_bytes(b"---\rjudul: A\rjenis: lampiran\rurutan: 1\r---\rSatu.\r\rDua.\r")
    c = load_chapter(path, tmp_path, Diagnostics())
    assert c is not None and c.body == "Satu.\n\nDua.\n" and c.body_line == 6


def test_numeric_bab_and_letter_lampiran(tmp_path: Path) -> None:
    a = chapter_file(tmp_path, "a.md", "judul: A\njenis: bab\nbab: 3\nurutan: 1\n")
    b = chapter_file(tmp_path, "b.md", "judul: B\njenis: lampiran\nbab: A\nurutan: 2\n")
    diags = Diagnostics()
    assert load_chapter(a, tmp_path, diags).bab == "3"
    assert load_chapter(b, tmp_path, diags).bab == "A"
    assert not diags.items


def test_duplicate_chapter_id_names_both_files(tmp_path: Path) -> None:
    chapter_file(tmp_path, "10-a.md", "judul: A\njenis: lampiran\nurutan: 1\nid: sama\n")
    chapter_file(tmp_path, "20-b.md", "judul: B\njenis: lampiran\nurutan: 2\nid: sama\n")
    from lkjip_site.load.content import load_chapters

    diags = Diagnostics()
    load_chapters(tmp_path, tmp_path, diags)
    [d] = diags.errors
    assert (d.file, d.line) == ("20-b.md", 5) and "10-a.md" in d.message  # line 5: "id: sama"


def test_reserved_chapter_id(tmp_path: Path) -> None:
    chapter_file(tmp_path, "daftar-isi.md", "judul: A\njenis: lampiran\nurutan: 1\n")
    from lkjip_site.load.content import load_chapters

    diags = Diagnostics()
    load_chapters(tmp_path, tmp_path, diags)
    [d] = diags.errors
    assert (d.file, d.line) == ("daftar-isi.md", 1) and "daftar-isi" in d.message


def test_two_versions_of_a_report_and_duplicate_version(fresh_project: Path) -> None:
    base = fresh_project / "content" / "laporan"
    shutil.copytree(base / "contoh-2023", base / "contoh-2023-rev")
    meta = base / "contoh-2023-rev" / "laporan.yaml"
    reports, diags = load(fresh_project)
    # two folders with the same version of different slugs are fine (slug = folder)
    assert not diags.errors and [r.slug for r in reports] == ["contoh-2023", "contoh-2023-rev"]
    meta.write_text(meta.read_text(encoding="utf-8").replace('versi: "1.0"', 'versi: "1.1"'), encoding="utf-8")
    reports, diags = load(fresh_project)
    assert not diags.errors and [r.versi for r in reports] == ["1.0", "1.1"]


def test_a_folder_named_for_another_year_or_quarter_is_said_at_the_key(fresh_project: Path) -> None:
    """A report copied by hand to "contoh-2022" and "contoh-2023-tw2" kept tahun: 2023, periode: tahunan: both
    built silently, published for ever at addresses naming another year and quarter than their covers."""
    base = fresh_project / "content" / "laporan"
    for name in ("contoh-2022", "contoh-2023-tw2"):
        shutil.copytree(base / "contoh-2023", base / name)
    meta = (base / "contoh-2023" / "laporan.yaml").read_text(encoding="utf-8").splitlines()
    tahun, periode = (next(n for n, line in enumerate(meta, 1) if line.startswith(k)) for k in ("tahun:", "periode:"))
    _, diags = load(fresh_project)
    said = {(d.file, d.line): d.message for d in diags.warnings}
    assert said.keys() == {("content/laporan/contoh-2022/laporan.yaml", tahun),
                           ("content/laporan/contoh-2023-tw2/laporan.yaml", periode)}, said
    assert said["content/laporan/contoh-2022/laporan.yaml", tahun] == (
        "nama folder laporan 'contoh-2022' menyebut tahun 2022, tetapi di sini tahun: 2023; nama folder menjadi "
        "alamat laporan untuk selamanya. Bila laporan ini tahun 2023, ganti nama foldernya menjadi 'contoh-2023' "
        "sebelum diterbitkan; bila tahun 2022, tulis tahun: 2022")
    assert said["content/laporan/contoh-2023-tw2/laporan.yaml", periode] == (
        "nama folder laporan 'contoh-2023-tw2' menyebut Triwulan II, tetapi di sini periode: tahunan; nama folder "
        "menjadi alamat laporan untuk selamanya. Bila periodenya tahunan, ganti nama foldernya menjadi "
        "'contoh-2023' sebelum diterbitkan; bila Triwulan II, tulis periode: tw2")


def test_same_slug_and_version_twice_is_an_error() -> None:
    """Two report objects with equal (slug, versi) cannot both be published at one URL."""
    from types import SimpleNamespace

    from lkjip_site.core.model import Loc
    from lkjip_site.load.content import check_unique_versions

    a = SimpleNamespace(slug="x", versi="1.0", loc=Loc("content/laporan/x/laporan.yaml", 1), rel="content/laporan/x")
    b = SimpleNamespace(slug="x", versi="1.0", loc=Loc("content/laporan/x2/laporan.yaml", 1), rel="content/laporan/x2")
    diags = Diagnostics()
    check_unique_versions([a, b], diags)  # type: ignore[list-item]
    [d] = diags.errors
    assert d.file == "content/laporan/x2/laporan.yaml" and "sudah ada di content/laporan/x" in d.message


def test_bad_folder_name_and_missing_metadata(fresh_project: Path) -> None:
    base = fresh_project / "content" / "laporan"
    (base / "Laporan Baru").mkdir()
    (base / "kosong-2023").mkdir()
    (base / ".tersembunyi").mkdir()  # ignored
    reports, diags = load(fresh_project)
    assert [r.slug for r in reports] == ["contoh-2023"]
    found = {(d.file, d.line) for d in diags.errors}
    assert found == {("content/laporan/Laporan Baru", 1), ("content/laporan/kosong-2023/laporan.yaml", 1)}


def test_logo_outside_report_folder(fresh_project: Path) -> None:
    meta = fresh_project / "content" / "laporan" / "contoh-2023" / "laporan.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("logo: gambar/logo.svg", "logo: ../../situs.yaml"),
                    encoding="utf-8")
    _, diags = load(fresh_project)
    [d] = diags.errors
    assert d.line == 10 and "di luar folder laporan" in d.message


@pytest.mark.parametrize("path", ["../x.png", "/etc/passwd", "C:/x.png", "gambar/../../x.png", "https://a/b.png"])
def test_resolve_inside_rejects_escapes(tmp_path: Path, path: str) -> None:
    assert resolve_inside(tmp_path, path) is None


def test_resolve_inside_accepts_sub_folders(tmp_path: Path) -> None:
    assert resolve_inside(tmp_path, "gambar/peta/a.png") == (tmp_path / "gambar/peta/a.png").resolve()


_SEGMENTS = st.lists(st.sampled_from(["laporan", "a-2023", "1.0", "bab-1", "aset", ".", "..", "", "x.css"]),
                     max_size=6).map("/".join)


@given(_SEGMENTS, _SEGMENTS)
def test_relative_links_are_the_standard_librarys(path: str, start: str) -> None:
    """Every link of the site is made by ``relpath``, written for speed: it must answer as ``posixpath.relpath``
    (paths with ``.``, ``..``, doubled and trailing slashes, climbing out, or empty, which both refuse)."""
    try:
        expected = posixpath.relpath(path, start)
    except ValueError:
        with pytest.raises(ValueError):
            relpath(path, start)
        return
    assert relpath(path, start) == expected


def test_new_report_refuses_existing_folder(fresh_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert new_report(fresh_project, "contoh-2023") == 2
    assert "sudah ada" in capsys.readouterr().err


def test_front_matter_after_utf8_bom(tmp_path: Path) -> None:
    """Windows Notepad saves a byte order mark before '---'; the chapter must still load."""
    path = tmp_path / "10-a.md"
    path.write_bytes("\ufeff---\njudul: A\njenis: lampiran\nurutan: 1\n---\nIsi.\n".encode("utf-8"))
    diags = Diagnostics()
    c = load_chapter(path, tmp_path, diags)
    assert c is not None and c.judul == "A" and c.body_line == 6, diags.items


# ------------------------------------------------------------------------------------------------ data files


def _data(root: Path):
    from lkjip_site.load.data import load_data

    reports, diags = load(root)
    for r in reports:
        load_data(r, root, diags)
    return reports[0], diags


def test_data_files_convert(fresh_project: Path) -> None:
    from decimal import Decimal

    from lkjip_site.core.model import Missing

    folder = fresh_project / "content" / "laporan" / "contoh-2023" / "data"
    ind = folder / "indikator.yaml"
    ind.write_text(ind.read_text(encoding="utf-8").replace(
        "      2023: 82.5", "      2023: 84.82\n      2022: {tidak_ada: Survei belum dilaksanakan}"), encoding="utf-8")
    report, diags = _data(fresh_project)
    assert not diags.items
    d = report.data
    iku = d.indikator["IKU1"]
    assert iku.realisasi[2023].annual == Decimal("84.82")  # exact decimal, not a binary float
    assert iku.realisasi[2022].annual == Missing("Survei belum dilaksanakan")
    assert iku.target[2023].annual == Decimal(80) and iku.sasaran_id == "S1"
    assert iku.loc.line == 2 and iku.realisasi[2022].loc.line == 10
    assert [s.id for s in d.renstra.all_sasaran()] == ["S1"]
    assert d.pk.program == ["7.01.02"] and d.pk.sasaran == ["S1"]
    [program] = d.anggaran.program
    leaf = program.children[0].children[0]
    assert (leaf.kode, leaf.pagu, leaf.realisasi) == ("7.01.02.2.01.0001", Decimal(100000000), Decimal(95000000))
    assert sorted(p.name for p in d.files) == ["anggaran.yaml", "indikator.yaml", "pk.yaml", "renstra.yaml"]


def test_csv_dataset_columns_and_meta(fresh_project: Path) -> None:
    from decimal import Decimal

    folder = fresh_project / "content" / "laporan" / "contoh-2023" / "data"
    (folder / "penduduk.csv").write_text(
        "\ufeffdesa,laki_laki,perempuan,keterangan\nSungai Besar,1200,1310.5,\"kota, pesisir\"\n\n"
        "Batu,,980,pedalaman\n", encoding="utf-8")
    (folder / "penduduk.yaml").write_text("judul: Penduduk per desa\nsatuan: {laki_laki: jiwa}\n", encoding="utf-8")
    report, diags = _data(fresh_project)
    assert not diags.items
    ds = report.data.datasets["penduduk"]
    assert ds.columns == ["desa", "laki_laki", "perempuan", "keterangan"]  # BOM stripped from the first name
    assert ds.numeric == [False, True, True, False]
    assert ds.rows == [["Sungai Besar", Decimal(1200), Decimal("1310.5"), "kota, pesisir"],
                       ["Batu", "", Decimal(980), "pedalaman"]]
    assert ds.judul == "Penduduk per desa" and ds.satuan == {"laki_laki": "jiwa"}


def test_csv_multiline_cell_keeps_line_numbers(fresh_project: Path) -> None:
    folder = fresh_project / "content" / "laporan" / "contoh-2023" / "data"
    # row 2 spans lines 2-3 (quoted line break); the bad row starts on line 4
    (folder / "x.csv").write_text('a,b\n"satu\ndua",1\nc,2,3\n', encoding="utf-8")
    _, diags = _data(fresh_project)
    [d] = diags.errors
    assert (d.file.rsplit("/", 1)[-1], d.line) == ("x.csv", 4)


def test_broken_indicator_file_does_not_cascade(fresh_project: Path) -> None:
    """One typo in indikator.yaml is one error, not also 'IKU1 does not exist' in renstra.yaml."""
    folder = fresh_project / "content" / "laporan" / "contoh-2023" / "data"
    ind = folder / "indikator.yaml"
    ind.write_text(ind.read_text(encoding="utf-8").replace("polaritas: positif", "polaritas: naik"), encoding="utf-8")
    _, diags = _data(fresh_project)
    assert [(d.file.rsplit("/", 1)[-1], d.line) for d in diags.errors] == [("indikator.yaml", 5)]


def test_indicator_program_reference_line(fresh_project: Path) -> None:
    folder = fresh_project / "content" / "laporan" / "contoh-2023" / "data"
    ind = folder / "indikator.yaml"
    ind.write_text(ind.read_text(encoding="utf-8").replace("    polaritas: positif\n",
                                                          "    polaritas: positif\n    program: 7.01.99\n"),
                   encoding="utf-8")
    _, diags = _data(fresh_project)
    [d] = diags.errors
    assert d.line == 6 and "program '7.01.99'" in d.message


def test_averaging_is_chosen_by_the_site_and_overridden_by_the_report(fresh_project: Path) -> None:
    """``capaian:`` in situs.yaml is every report's default; laporan.yaml overrides it key by key."""
    situs = fresh_project / "situs.yaml"
    situs.write_text(situs.read_text(encoding="utf-8") + "capaian: {rata_rata: per_indikator, batas_100: true}\n",
                     encoding="utf-8")
    meta = next((fresh_project / "content" / "laporan").iterdir()) / "laporan.yaml"
    meta.write_text(meta.read_text(encoding="utf-8") + "capaian: {batas_100: false}\n", encoding="utf-8")
    report = load_site(BuildOptions(root=fresh_project), Diagnostics()).reports[0]
    assert (report.capaian.rata_rata, report.capaian.batas_100) == ("per_indikator", False)
    assert report.computed.figures["capaian.metode"].value == "rerata seluruh indikator terukur"


# ------------------------------------------------------------------------------------------------ Windows and macOS


def test_names_windows_or_macos_cannot_make_are_found() -> None:
    """A report folder built on Linux is copied back to Windows (the author's laptop, the version's BagIt zip):
    a device name, a character Windows refuses, a name ending in a dot or space, two names differing only in case
    and an over-long path are each found, once, with what to do."""
    deep = "lampiran/" + "a" * 80 + "/" + "b" * 80 + ".pdf"
    found = dict(unportable_paths(["gambar/aux.png", "CON.md", "gambar/peta: 2024.png", "catatan. ", "gambar/Foto.png",
                                   "gambar/foto.png", "Gambar2/x.png", "gambar2/y.png", "10-bab-1.md", deep,
                                   "gambar/peta.png", "data/pk.yaml"]))
    assert set(found) == {"gambar/aux.png", "CON.md", "gambar/peta: 2024.png", "catatan. ", "gambar/foto.png",
                          "gambar2", deep}
    assert "nama perangkat yang dicadangkan Windows" in found["CON.md"]
    assert "memuat ':'" in found["gambar/peta: 2024.png"]
    assert "berakhiran titik atau spasi" in found["catatan. "]
    assert "hanya berbeda huruf besar/kecil dengan 'gambar/Foto.png'" in found["gambar/foto.png"]
    assert "hanya berbeda huruf besar/kecil dengan 'Gambar2'" in found["gambar2"]
    assert f"panjangnya {len(deep)} karakter" in found[deep]
    assert all("'lkjip terbitkan' menolak laporan selama nama ini ada" in m for m in found.values())


def test_an_accented_name_typed_and_as_macos_keeps_it_are_found_as_one_name() -> None:
    """``gambar/Cibéber.png`` typed (NFC) beside the same name as macOS keeps it (NFD, ``e`` + accent), copied from
    a Mac: two files on Linux, one on macOS (the second overwrote the first), and two names Windows shows alike.
    Warned as case is, and so refused by ``terbitkan``, with how the two differ."""
    nfc = "gambar/Cibéber.png"
    nfd = unicodedata.normalize("NFD", nfc)
    found = dict(unportable_paths([nfc, nfd, "gambar/cibeber.png"]))
    assert list(found) == [nfc]  # sorted: 'e' + accent comes first, the typed name is the one named
    assert f"sama dengan '{nfd}', hanya berbeda bentuk Unicode huruf beraksennya" in found[nfc]
    assert "'lkjip terbitkan' menolak laporan selama nama ini ada" in found[nfc]


def test_a_path_in_other_letter_case_is_given_as_listed(tmp_path: Path) -> None:
    (tmp_path / "Gambar").mkdir()
    (tmp_path / "Gambar" / "Peta.PNG").write_bytes(b"x")
    assert as_listed(tmp_path, "gambar/peta.png") == "Gambar/Peta.PNG"
    assert as_listed(tmp_path, "./Gambar/Peta.PNG") == "Gambar/Peta.PNG"
    assert as_listed(tmp_path, "gambar/lain.png") is None


def _case_blind(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """``exists()`` and ``is_file()`` in ``folder`` as on Windows and macOS: blind to letter case."""
    exists, is_file = Path.exists, Path.is_file

    def blind(real):  # type: ignore[no-untyped-def]
        def check(self: Path) -> bool:
            if self.parent == folder:
                return any(p.name.casefold() == self.name.casefold() and real(p) for p in folder.iterdir())
            return real(self)
        return check
    monkeypatch.setattr(Path, "exists", blind(exists))
    monkeypatch.setattr(Path, "is_file", blind(is_file))


def test_a_chapter_named_md_in_capitals_is_said_on_a_case_blind_system(fresh_project: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """``40-bab-4-penutup.MD``: on macOS ``40-bab-4-penutup.md`` "exists" (it is the same file), and the chapter was
    left out of the report without a word; it is said on every system, as on Linux."""
    folder = fresh_project / "content/laporan/contoh-2023"
    (folder / "40-bab-4-penutup.md").rename(folder / "40-bab-4-penutup.MD")
    _case_blind(monkeypatch, folder)
    _, diags = load(fresh_project)
    assert ("content/laporan/contoh-2023/40-bab-4-penutup.MD", 1) in [(d.file, d.line) for d in diags.errors]
    assert any("ganti namanya menjadi 40-bab-4-penutup.md" in d.message for d in diags.errors), diags.items


def test_a_data_file_in_capitals_is_said_on_a_case_blind_system(fresh_project: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """``data/PK.yaml``: on Windows ``data/pk.yaml`` "is a file" (the same one), and the PK was passed over as an
    unknown file with a warning; it is an error at the file, as on Linux."""
    folder = fresh_project / "content/laporan/contoh-2023/data"
    (folder / "pk.yaml").rename(folder / "PK.yaml")
    _case_blind(monkeypatch, folder)
    diags = Diagnostics()
    read_data_files(folder.parent, fresh_project, diags)
    assert any(d.file.endswith("data/PK.yaml") and "namanya harus persis 'pk.yaml'" in d.message
               for d in diags.errors), diags.items
