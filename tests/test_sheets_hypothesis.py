"""Round trip on generated data (hypothesis): indicator files of any shape the format allows, written in mixed styles
with comments, survive export → import unchanged byte for byte; edited values come back as typed, and every comment
and untouched line of the file is still there."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPORT_DIR, SLUG
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sheets_support import column, open_book, save

from lkjip_site.cli.scaffold import new_report
from lkjip_site.core.diagnostics import Diagnostics
from lkjip_site.core.model import Missing
from lkjip_site.core.numbers import formula_lead
from lkjip_site.sheets.export import export_workbook
from lkjip_site.sheets.impor import import_workbook
from lkjip_site.sheets.stage import load_one
from lkjip_site.sheets.yamledit import emit_text, emit_value

TEXT = st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs"), exclude_characters="\x85\u2028\u2029"),
               min_size=1, max_size=30).map(str.strip).filter(bool)
#: A name or a reason as the files may hold them: text a spreadsheet reads as a formula is refused (it is published in
#: the open data's CSV: ``core.numbers.formula_lead``), so a round trip starts from none
CELL_TEXT = TEXT.filter(lambda t: formula_lead(t) is None)
NUMBER = st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False, allow_infinity=False)
YEARS = st.lists(st.sampled_from([2021, 2022, 2023, 2024]), min_size=1, max_size=3, unique=True)


@st.composite
def value(draw: Any, grades: list[str] | None) -> Any:
    kind = draw(st.sampled_from(["grade", "grade", "missing"] if grades else ["number", "number", "missing"]))
    if kind == "missing":
        return Missing(draw(CELL_TEXT))
    if kind == "grade":
        return draw(st.sampled_from(grades))  # type: ignore[arg-type]
    return draw(NUMBER)


@st.composite
def year_value(draw: Any, grades: list[str] | None, annual: bool) -> Any:
    if draw(st.booleans()):
        return draw(value(grades))
    quarters = draw(st.lists(st.sampled_from(["tw1", "tw2", "tw3", "tw4"]), min_size=1, max_size=4, unique=True))
    # some quarters only need the annual value beside them in an annual report (a part of the year is not a year)
    keys = quarters + (["tahunan"] if annual and len(quarters) < 4 else [])
    return {k: draw(value(grades)) for k in keys}


@st.composite
def indicator(draw: Any, iid: str) -> dict[str, Any]:
    grades = ["D", "C", "B", "A"] if draw(st.booleans()) else None
    out: dict[str, Any] = {"id": iid, "nama": draw(CELL_TEXT),
                           "satuan": draw(st.sampled_from(["%", "nilai", "orang"])),
                           "polaritas": draw(st.sampled_from(["positif", "negatif"])), "agregasi": "jumlah"}
    if grades:
        out["kualitatif"] = grades
    for kind in ("target", "realisasi"):
        years = draw(YEARS)
        # targets are annual values: quarter targets without the annual one are an error in an annual report
        # (issue 12), and the round trip of quarter values is exercised by realisasi
        out[kind] = {y: draw(value(grades) if kind == "target" else year_value(grades, annual=True))
                     for y in sorted(years)}
    return out


@st.composite
def indicator_file(draw: Any) -> tuple[str, list[dict[str, Any]]]:
    # written unquoted (``- id: ON``), so an id that YAML reads as something else than text (ON, NO, YES, OFF,
    # TRUE, NULL…) is not generated: the loader rightly calls ``id: ON`` a true/false value, not an id
    ids = st.from_regex(r"[A-Z][A-Z0-9]{1,5}", fullmatch=True).filter(lambda i: isinstance(yaml.safe_load(i), str))
    extra = draw(st.lists(ids, max_size=2, unique=True).filter(lambda ids: "IKU1" not in ids))
    items = [draw(indicator(iid)) for iid in ["IKU1", *extra]]
    flow = draw(st.lists(st.booleans(), min_size=len(items), max_size=len(items)))
    lines = ["# Indikator (dibuat hypothesis)", "indikator:"]
    for item, is_flow in zip(items, flow):
        lines.append(f"  # {item['id']}: komentar penulis")
        lines.append(f"  - id: {item['id']}")
        for key in ("nama", "satuan", "polaritas", "agregasi"):
            lines.append(f"    {key}: {_scalar(item[key])}")
        if "kualitatif" in item:
            lines.append(f"    kualitatif: [{', '.join(item['kualitatif'])}]")
        for kind in ("target", "realisasi"):
            if is_flow:
                lines.append(f"    {kind}: " + "{" + ", ".join(f"{y}: {_flow(v)}" for y, v in item[kind].items()) + "}")
            else:
                lines.append(f"    {kind}:")
                lines.extend(f"      {y}: {_flow(v)}  # tahun {y}" for y, v in item[kind].items())
        lines.append("")
    return "\n".join(lines), items


def _scalar(v: Any) -> str:
    if isinstance(v, Decimal):
        return str(v)
    return json.dumps(v, ensure_ascii=False)  # always quoted: the input style differs from what the editor writes


def _flow(v: Any) -> str:
    if isinstance(v, Missing):
        return "{tidak_ada: " + json.dumps(v.reason, ensure_ascii=False) + "}"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {_flow(x)}" for k, x in v.items()) + "}"
    return _scalar(v)


@pytest.fixture(scope="module")
def scaffold(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hyp") / "situs"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1707955200")
        assert new_report(root, SLUG) == 0
    return root


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=indicator_file(), edits=st.lists(st.tuples(st.integers(0, 50), st.one_of(NUMBER, CELL_TEXT)), max_size=4))
def test_generated_indicator_files_round_trip(data: tuple[str, list[dict[str, Any]]],
                                             edits: list[tuple[int, Any]], scaffold: Path, tmp_path: Path) -> None:
    text, items = data
    graded = {i["id"] for i in items if "kualitatif" in i}
    root = tmp_path / "situs"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(scaffold, root)
    path = root / REPORT_DIR / "data" / "indikator.yaml"
    path.write_text(text, encoding="utf-8")
    book = export_workbook(load_one(root, SLUG, Diagnostics()))
    assert import_workbook(root, SLUG, book, "data.xlsx").written == []
    assert path.read_text(encoding="utf-8") == text
    # edit some realisasi cells: a new number, or a reason instead of the value
    wb = open_book(book)
    ws = wb["Nilai Indikator"]
    real, why = column(ws, "Realisasi"), column(ws, "Alasan realisasi tidak ada")
    # a realisasi the files have (a value or a reason) is replaced: an empty cell may stand beside the quarters of its
    # year (a target-only annual row, the report year's empty row), where a new annual value that is not their sum
    # is rightly refused (triwulan-agregasi), which is no round trip
    rows = [r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value and ws.cell(r, 1).value not in graded
            and (ws.cell(r, real).value is not None or ws.cell(r, why).value is not None)]
    for index, new in edits:
        if not rows:
            break
        r = rows[index % len(rows)]
        if isinstance(new, Decimal):
            ws.cell(r, real).value = float(new) if new != new.to_integral_value() else int(new)
            ws.cell(r, why).value = None
        else:
            ws.cell(r, real).value = None
            ws.cell(r, why).value = new
            # typed as text: openpyxl would store "=s" as a formula without a value (which the import rightly
            # refuses), where an author who means the text types '=s and the spreadsheet keeps a string
            ws.cell(r, why).data_type = "s"
    edited = save(wb)
    import_workbook(root, SLUG, edited, "data.xlsx")
    new_text = path.read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            assert line in new_text  # the authors' comments are kept
    # the files now say what the workbook says: exporting them again gives the edited cells back
    again = open_book(export_workbook(load_one(root, SLUG, Diagnostics())))["Nilai Indikator"]
    assert _values(again) == _values(open_book(edited)["Nilai Indikator"])


def _values(ws: Any) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    keys = [column(ws, h) for h in ("ID", "Tahun", "Periode")]
    vals = [column(ws, h) for h in ("Target", "Realisasi", "Alasan target tidak ada", "Alasan realisasi tidak ada")]
    out = {}
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 1).value is None:
            continue
        cells = tuple(ws.cell(r, c).value for c in vals)
        out[tuple(ws.cell(r, c).value for c in keys)] = tuple(
            Decimal(str(v)) if isinstance(v, (int, float)) else (v.strip() if isinstance(v, str) else v) for v in cells)
    return out


@settings(max_examples=300, deadline=None)
@given(text=TEXT)
def test_a_written_text_reads_back_the_same_in_every_yaml_context(text: str) -> None:
    """A reason or name from a workbook, written into a block line, a flow mapping (``{tidak_ada: ...}``, found by
    the round trip above with ``Ñqġ?$č``) or a flow list, reads back as exactly that text."""
    assert yaml.safe_load(f"k: {emit_text(text)}") == {"k": text}
    assert yaml.safe_load(f"k: {emit_value(Missing(text))}") == {"k": {"tidak_ada": text}}
    assert yaml.safe_load(f"k: {{2021: {emit_value(Missing(text))}}}") == {"k": {2021: {"tidak_ada": text}}}
    assert yaml.safe_load(f"k: [{emit_text(text)}]") == {"k": [text]}
