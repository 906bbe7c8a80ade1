"""schema/schemas: every node type's checks and messages, and the exported JSON Schema is real JSON Schema.

The JSON Schema test validates the repository's example content (``content/``) with the ``jsonschema`` package, so
the two uses of one schema (our Indonesian validator, editors' JSON Schema) cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from lkjip_site.core.diagnostics import Diagnostics
from lkjip_site.core.numbers import to_decimal
from lkjip_site.load import schemas
from lkjip_site.load.schema import AnyOf, Bool, Ctx, Date, Field, Int, ListOf, MapOf, Num, Obj, Str, is_number
from lkjip_site.load.yamltree import load_yaml

REPO = Path(__file__).resolve().parent.parent


def run(node: Any, text: str) -> Diagnostics:
    """Check the value of key ``v`` in ``text`` (YAML) against ``node``, as a file would be checked."""
    diags = Diagnostics()
    data = load_yaml(text, "f.yaml", diags)
    assert not diags.items, diags.items
    Obj({"v": Field(node)}).check(data, "", data.line, Ctx("f.yaml", diags))
    return diags


def messages(diags: Diagnostics) -> list[tuple[int, str]]:
    return [(d.line, d.message) for d in diags.errors]


# ------------------------------------------------------------------------------------------------ scalar nodes


def test_str_accepts_text_rejects_number_and_empty() -> None:
    assert not run(Str(), "v: teks\n").items
    assert messages(run(Str(), "v: 12\n")) == [(1, "v: harus berupa teks, tertulis angka (12)")]
    assert messages(run(Str(), "v: '  '\n")) == [(1, "v: tidak boleh kosong")]


@pytest.mark.parametrize("text", ["v: '=1+1'\n", "v: '+cmd|x'\n", "v: '-A1*2'\n", "v: '@SUM(A1)'\n",
                                  'v: "\\t=1"\n'])
def test_a_cell_of_the_open_data_is_no_formula(text: str) -> None:
    """What the open data publishes as a CSV cell (``Str(cell=True)``) must not start as a spreadsheet formula."""
    [(line, message)] = messages(run(Str(cell=True), text))
    assert line == 1 and "yang dibaca Excel dan LibreOffice sebagai awal rumus" in message
    assert not run(Str(), text).items  # other text (a chapter's prose, a title) may


@pytest.mark.parametrize("key", ["indikator", "satuan"])
def test_a_sub_kegiatans_output_indicator_is_no_formula(key: str) -> None:
    """A sub kegiatan's output indicator and its unit are published in anggaran.csv (indikator_output,
    satuan_output), so a formula typed there ran in the spreadsheet of a citizen who opened the open data."""
    text = f"v:\n  kode: 7.01.01.2.01.0001\n  nama: Sub\n  pagu: 1\n  realisasi: 1\n  {key}: '=HYPERLINK(1)'\n"
    [(line, message)] = messages(run(schemas.SUB_KEGIATAN, text))
    assert line == 6 and "yang dibaca Excel dan LibreOffice sebagai awal rumus" in message


@pytest.mark.parametrize(("node", "text", "line"), [
    (schemas.SITE.root, "judul: Portal\npemda: '=HYPERLINK(1)'\nurl_dasar: https://a.id/\n", 3),
    (schemas.REPORT.root.fields["instansi"].node, "nama: '=HYPERLINK(1)'\nkepala: {}\n", 2),
    (schemas.REPORT.root.fields["instansi"].node, "nama: Dinas\npemda: '@SUM(A1)'\nkepala: {}\n", 3),
    (schemas.PK.root.fields["alasan_perubahan"].node, "'+cmd|x'\n", 1),
    (schemas.PK.root.fields["target_awal"].node, "- {indikator: IKU1, target: 1, alasan: '=HYPERLINK(1)'}\n", 2),
    (schemas.SCALE, "nama: '=HYPERLINK(1)'\nkelas: []\n", 2),
])
def test_a_name_every_open_data_row_carries_is_no_formula(node: Any, text: str, line: int) -> None:
    """The instansi's name and pemda (columns of every row of every open data CSV and of perbandingan.csv), a scale's
    name (perbandingan.csv's skala_predikat) and the PK Perubahan's reasons (indikator.csv's alasan_perubahan) are
    CSV cells too: a formula typed there was published without a word and ran in the spreadsheet of a citizen who
    opened the open data."""
    body = "v:\n" + "".join(f"  {row}\n" for row in text.splitlines()) if not text.startswith("'") else f"v: {text}"
    found = [(n, m) for n, m in messages(run(node, body)) if "awal rumus" in m]
    assert [n for n, _ in found] == [line] and "yang dibaca Excel dan LibreOffice sebagai awal rumus" in found[0][1]


@pytest.mark.parametrize("text", ["v: '-'\n", "v: '-5'\n", "v: '+62'\n", "v: 'Rasio A - B'\n", "v: ' =1'\n"])
def test_a_cell_that_a_spreadsheet_shows_as_written_passes(text: str) -> None:
    assert not run(Str(cell=True), text).items


@pytest.mark.parametrize(("text", "says"), [
    ("v: '2023'\n", "v: harus berupa bilangan bulat, tertulis teks ('2023'); '2023' memakai tanda kutip (YAML "
                    "membacanya sebagai teks); tulis 2023 tanpa tanda kutip"),
    ("v: 2.023\n",
     "v: harus berupa bilangan bulat, tertulis angka (2.023); '2.023' memakai pemisah ribuan; tulis 2023"),
])
def test_int_says_what_to_write(text: str, says: str) -> None:
    """``tahun: '2023'`` was said to be text, and ``2.023`` a number, without what to write instead."""
    diags = Diagnostics()
    written: dict[tuple[int, float], str] = {}
    data = load_yaml(text, "f.yaml", diags, written=written)
    Obj({"v": Field(Int())}).check(data, "", data.line, Ctx("f.yaml", diags, written))
    assert messages(diags) == [(1, says)]


@pytest.mark.parametrize("word", ["no", "Yes", "on", "OFF"])
def test_str_given_a_yaml_boolean_says_to_quote_it(word: str) -> None:
    """``penanggung_jawab: no``: YAML 1.1 reads the word as false; the author saw "false" and nothing to do."""
    [(line, message)] = messages(run(Str(), f"x: 1\nv: {word}\n"))
    assert line == 2 and message.startswith("v: harus berupa teks, tertulis benar/salah (")
    assert "bila itu teks, apit dengan tanda kutip, mis. \"no\"" in message


def test_str_choices_and_pattern() -> None:
    node = Str(choices=("a", "b"))
    assert messages(run(node, "v: c\n")) == [(1, "v: nilai 'c' tidak dikenal; pilihan: a, b")]
    pat = Str(pattern=r"\d{3}", pattern_hint="tiga angka")
    assert messages(run(pat, "v: '12'\n")) == [(1, "v: '12' tidak sesuai format tiga angka")]
    assert not run(pat, "v: '123'\n").items


def test_str_allow_numbers() -> None:
    """An unquoted NIP or program code is read as a number by YAML but meant as text."""
    node = Str(pattern=r"\d{3}", allow_numbers=True)
    assert not run(node, "v: 123\n").items
    assert run(node, "v: 1234\n").errors


def test_int_bounds_and_bool() -> None:
    node = Int(min=1990, max=2100)
    assert not run(node, "v: 2023\n").items
    assert messages(run(node, "v: 1900\n")) == [(1, "v: paling kecil 1990, tertulis 1900")]
    assert messages(run(node, "v: 3000\n")) == [(1, "v: paling besar 2100, tertulis 3000")]
    assert "bilangan bulat" in messages(run(node, "v: true\n"))[0][1]
    assert "bilangan bulat" in messages(run(node, "v: 2023.5\n"))[0][1]
    assert messages(run(node, 'v: "dua ribu"\n')) == [(1, "v: harus berupa bilangan bulat, tertulis teks ('dua ribu')")]


def test_num_display_format_hint() -> None:
    node = Num(min=0)
    assert not run(node, "v: 84.82\n").items
    # a number typed as it is printed is an error that says exactly what to write instead
    assert messages(run(node, "v: 1.234.567\n")) == [
        (1, "v: harus berupa angka; '1.234.567' memakai pemisah ribuan; tulis 1234567")]
    assert messages(run(node, 'v: "1.234,5"\n')) == [
        (1, "v: harus berupa angka; '1.234,5' memakai koma desimal dan pemisah ribuan; tulis 1234.5")]
    assert messages(run(node, "v: Rp 5.000.000\n")) == [
        (1, "v: harus berupa angka; 'Rp 5.000.000' memakai awalan Rp dan pemisah ribuan; tulis 5000000")]
    assert messages(run(node, "v: -1\n")) == [(1, "v: tidak boleh kurang dari 0, tertulis -1")]
    assert "harus berupa angka" in messages(run(node, "v: false\n"))[0][1]


def test_bool() -> None:
    assert not run(Bool(), "v: true\n").items
    assert messages(run(Bool(), "v: ya\n")) == [(1, "v: harus true atau false, tertulis teks ('ya')")]


def test_date() -> None:
    assert not run(Date(), "v: 2024-01-31\n").items
    assert "TTTT-BB-HH" in messages(run(Date(), "v: 31-01-2024\n"))[0][1]
    assert "TTTT-BB-HH" in messages(run(Date(), "v: 2024-01-31 10:00:00\n"))[0][1]  # a time is not a date
    assert "tidak ada di kalender" in messages(run(Date(), "v: 2024-02-30\n"))[0][1]


# ------------------------------------------------------------------------------------------------ containers


def test_list_items_checked_at_their_lines() -> None:
    node = ListOf(Int(), min_items=1)
    diags = run(node, "v:\n  - 1\n  - dua\n  - 3\n")
    assert messages(diags) == [(3, "v[2]: harus berupa bilangan bulat, tertulis teks ('dua')")]
    assert messages(run(node, "v: []\n")) == [(1, "v: paling sedikit 1 butir")]
    assert "harus berupa daftar" in messages(run(node, "v: 1\n"))[0][1]


def test_obj_required_and_unknown() -> None:
    node = Obj({"a": Field(Int(), required=True), "b": Field(Str())})
    text = "v:\n  b: x\n  c: 1\n"
    diags = run(node, text)
    # the missing key is reported at the line of "v:", the mapping that lacks it
    assert messages(diags) == [(1, "kunci wajib 'v.a' belum diisi")]
    [w] = diags.warnings
    assert (w.line, w.severity) == (3, "warning") and "kunci 'v.c' tidak dikenal" in w.message
    assert w.message == "kunci 'v.c' tidak dikenal (kunci yang dikenal: a, b)"
    # a near miss names the key meant (did-you-mean)
    [w] = run(node, "v:\n  a: 1\n  bb: x\n").warnings
    assert w.message == "kunci 'v.bb' tidak dikenal; mungkin maksudnya 'b' (kunci yang dikenal: a, b)"
    # an empty value ("a:") counts as missing
    assert messages(run(node, "v:\n  a:\n")) == [(1, "kunci wajib 'v.a' belum diisi")]
    assert "harus berupa pemetaan" in messages(run(node, "v: [1]\n"))[0][1]


def test_mapof_keys_and_values() -> None:
    node = MapOf(Int(min=1990, max=2100), Num())
    assert not run(node, "v:\n  2022: 1\n  2023: 2.5\n").items
    diags = run(node, "v:\n  2022: 1\n  tahun: 2\n  2024: x\n")
    lines = sorted(line for line, _ in messages(diags))
    assert lines == [3, 4]


def test_anyof_picks_shape_and_names_expectation() -> None:
    node = AnyOf([(is_number, Num()), (lambda v: isinstance(v, str), Str())], expected="angka atau teks")
    assert not run(node, "v: 1\n").items and not run(node, "v: B\n").items
    assert messages(run(node, "v: [1]\n")) == [(1, "v: harus angka atau teks, tertulis daftar")]


def test_missing_value_with_reason() -> None:
    ok = run(schemas.GRADE_OR_NUMBER, "v: {tidak_ada: Survei belum dilaksanakan}\n")
    assert not ok.items
    bad = run(schemas.GRADE_OR_NUMBER, "v: {alasan: x}\n")
    assert "kunci wajib 'v.tidak_ada'" in messages(bad)[0][1]


def test_to_decimal_keeps_written_digits() -> None:
    assert str(to_decimal(84.82)) == "84.82"
    assert str(to_decimal(0.1)) == "0.1"


# ------------------------------------------------------------------------------------------------ real schemas


def test_report_schema_nested_lines() -> None:
    text = (
        "tahun: 2023\n"
        "periode: tahunan\n"
        "versi: '1.0'\n"
        "tanggal_terbit: 2024-02-15\n"
        "instansi:\n"
        "  nama: X\n"
        "  kepala:\n"
        "    nama: A\n"
        "    jabatan: B\n"
        "    pangkat: C\n"
        "    nip: 1970 0101\n"
        "penandatanganan: {tempat: M, tanggal: 2024-01-31}\n"
    )
    diags = Diagnostics()
    data = load_yaml(text, "l.yaml", diags)
    schemas.REPORT.root.check(data, "", data.line, Ctx("l.yaml", diags))
    assert [(d.line, d.message.split(":")[0]) for d in diags.errors] == [(11, "instansi.kepala.nip")]


# ------------------------------------------------------------------------------------------------ JSON Schema


def _jsonable(value: Any) -> Any:
    """YAML data as a JSON document would hold it: dates as ISO strings, keys as strings."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


@pytest.mark.parametrize("doc", schemas.ALL, ids=[d.name for d in schemas.ALL])
def test_exported_json_schema_is_valid(doc: schemas.SchemaDoc) -> None:
    exported = json.loads(json.dumps(doc.json_schema()))
    jsonschema.Draft202012Validator.check_schema(exported)
    assert exported["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def _example_files() -> list[tuple[str, Path]]:
    content = REPO / "content"
    out: list[tuple[str, Path]] = []
    if (content / "situs.yaml").is_file():
        out.append(("situs", content / "situs.yaml"))
    for path in sorted((content / "laporan").glob("*/laporan.yaml")):
        out.append(("laporan", path))
    for path in sorted((content / "laporan").glob("*/data/*.yaml")):
        if path.name in schemas.DATA_FILES:
            out.append((schemas.DATA_FILES[path.name].name, path))
        elif path.with_suffix(".csv").is_file():
            out.append(("dataset", path))
    return out


def _front_matter(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    return text[4:text.index("\n---", 3)]


EXAMPLES = _example_files()


@pytest.mark.skipif(not EXAMPLES, reason="content/ tidak berisi contoh")
@pytest.mark.parametrize(("name", "path"), EXAMPLES, ids=[p.relative_to(REPO).as_posix() for _, p in EXAMPLES])
def test_example_content_validates_against_cli_schema(tmp_path_factory: pytest.TempPathFactory, name: str,
                                                      path: Path) -> None:
    """The files ``lkjip schema`` writes accept the example content (as our own validator does)."""
    out = _schema_dir(tmp_path_factory)
    schema = json.loads((out / f"{name}.schema.json").read_text(encoding="utf-8"))
    diags = Diagnostics()
    data = load_yaml(path.read_text(encoding="utf-8"), str(path), diags)
    assert not diags.errors
    jsonschema.validate(_jsonable(data), schema, cls=jsonschema.Draft202012Validator)


def test_example_front_matter_validates(tmp_path_factory: pytest.TempPathFactory) -> None:
    chapters = sorted((REPO / "content" / "laporan").glob("*/*.md"))
    if not chapters:
        pytest.skip("content/ tidak berisi contoh")
    schema = json.loads((_schema_dir(tmp_path_factory) / "bab.schema.json").read_text(encoding="utf-8"))
    for path in chapters:
        diags = Diagnostics()
        data = load_yaml(_front_matter(path), str(path), diags)
        jsonschema.validate(_jsonable(data), schema, cls=jsonschema.Draft202012Validator)


def test_json_schema_rejects_what_we_reject(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Not a schema that accepts anything: unknown keys, bad enums and missing keys fail there too."""
    schema = json.loads((_schema_dir(tmp_path_factory) / "laporan.schema.json").read_text(encoding="utf-8"))
    good = {
        "tahun": 2023, "periode": "tahunan", "versi": "1.0", "tanggal_terbit": "2024-02-15",
        "instansi": {"nama": "X", "kepala": {"nama": "A", "jabatan": "B", "pangkat": "C",
                                             "nip": "197001011990031001"}},
        "penandatanganan": {"tempat": "M", "tanggal": "2024-01-31"},
    }
    jsonschema.validate(good, schema)
    for broken in ({**good, "periode": "tahun"}, {**good, "warna": 1},
                   {k: v for k, v in good.items() if k != "tahun"},
                   {**good, "instansi": {**good["instansi"], "kepala": {**good["instansi"]["kepala"], "nip": "1"}}}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema)


_SCHEMA_DIR: list[Path] = []


def _schema_dir(factory: pytest.TempPathFactory) -> Path:
    """Run ``lkjip schema`` once per session and reuse its files."""
    if not _SCHEMA_DIR:
        from lkjip_site.cli.main import main

        out = factory.mktemp("skema")
        assert main(["schema", "--output", str(out)]) == 0
        _SCHEMA_DIR.append(out)
    return _SCHEMA_DIR[0]


def test_a_missing_key_names_its_item_and_says_what_to_write() -> None:
    """A sub kegiatan without realisasi was said as "kunci wajib 'program[1].kegiatan[1].sub_kegiatan[2].realisasi'
    belum diisi": no kode an author of forty sub kegiatan could search for, nor that {tidak_ada: ...} may be written."""
    text = ("tahun: 2024\nprogram:\n  - kode: 3.27.02\n    nama: Program Penyediaan Prasarana Pertanian\n"
            "    kegiatan:\n      - kode: 3.27.02.2.01\n        nama: Pengawasan Penggunaan Sarana Pertanian\n"
            "        sub_kegiatan:\n          - {kode: 3.27.02.2.01.0001, nama: Sub A, pagu: 10, realisasi: 5}\n"
            "          - kode: 3.27.02.2.01.0002\n            nama: Penyediaan Benih\n            pagu: 10\n")
    diags = Diagnostics()
    data = load_yaml(text, "anggaran.yaml", diags)
    schemas.BUDGET.root.check(data, "", data.line, Ctx("anggaran.yaml", diags))
    assert messages(diags) == [(10, "kunci wajib 'program[1].kegiatan[1].sub_kegiatan[2].realisasi' (sub kegiatan "
                                    "3.27.02.2.01.0002 Penyediaan Benih) belum diisi; tulis realisasi dalam rupiah "
                                    "tanpa pemisah ribuan, mis. realisasi: 95000000 (0 bila tidak ada belanja), atau "
                                    "realisasi: {tidak_ada: <alasan>} bila realisasi setahun belum ada (laporan "
                                    "triwulan, dengan realisasi_tw)")]
    # an indicator by its id and name; a value of several shapes says them (the AnyOf's expectation)
    diags = Diagnostics()
    data = load_yaml("indikator:\n  - id: IKU2\n    nama: Luas Tanam\n    satuan: Ha\n    polaritas: positif\n"
                     "    kondisi_awal: {tahun: 2020}\n", "indikator.yaml", diags)
    schemas.INDICATORS.root.check(data, "", data.line, Ctx("indikator.yaml", diags))
    assert messages(diags) == [(6, "kunci wajib 'indikator[1].kondisi_awal.nilai' belum diisi; tulis angka, nilai "
                                   "kualitatif (teks) atau {tidak_ada: alasan}")]
    diags = Diagnostics()
    data = load_yaml("indikator:\n  - id: IKU2\n    nama: Luas Tanam\n    polaritas: positif\n", "indikator.yaml",
                     diags)
    schemas.INDICATORS.root.check(data, "", data.line, Ctx("indikator.yaml", diags))
    assert messages(diags) == [(2, "kunci wajib 'indikator[1].satuan' (indikator IKU2 Luas Tanam) belum diisi")]
