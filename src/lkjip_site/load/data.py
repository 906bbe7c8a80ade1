"""Stage 3, data: a report's data files (Renstra, indicators, PK, budget, IKM, CSV datasets) into the model.

Validation happens first (``schemas``); conversion trusts the validated shape. Cross-file references (a sasaran
naming an indicator, a PK naming a program) are checked here, once, with the line of the reference.
"""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Iterable

from ..core.diagnostics import Diagnostics
from ..core.memo import Memo, digest
from ..core.model import (
    Budget,
    BudgetNode,
    Dataset,
    Ikm,
    IkmElement,
    Indicator,
    JenisBelanja,
    Loc,
    Missing,
    PeriodValues,
    PerjanjianKinerja,
    Pihak,
    Renstra,
    Report,
    ReportData,
    Sasaran,
    Stated,
    TargetAwal,
    Tujuan,
    Value,
)
from ..core.numbers import (PLAIN, QUOTED, bracketed_negative, formula_advice, formula_lead, number_problem,
                            parse_hand_written, placeholder, thousands_or_decimal, to_decimal)
from ..core.paths import rel_path
from ..core.suggest import did_you_mean
from . import schemas
from .references import check_references, reference_lines
from .schema import read_validated
from .source import HIDDEN_EXTENSION, SAVE_CSV_UTF8, not_utf8, read_source
from .yamltree import YMap, key_lines

DATA_DIR = "data"
#: The kinds of file in ``data/`` that are read (a folder named so is an error, not silently passed over).
_READ = (".yaml", ".yml", ".csv")


def load_data(report: Report, root: Path, diags: Diagnostics, memo: Memo | None = None) -> None:
    data, raw, read = read_data_files(report.folder, root, diags, memo)
    report.data = data
    # The URL too: the model carries it (slug, versi), and a report folder copied under another name has the same
    # files; without it the copy's open data and tables were taken from the original's memo entries. The bytes
    # hashed are those parsed: read a second time for the hash, a data file saved in between (an author saving while
    # a build runs) had its tables and open data kept under its new text's key with its old text's numbers.
    report.source_digest = digest(report.url, report.laporan_digest, read, inherited(report))
    _convert(data, raw, diags)
    _apply_dataset_meta(data, raw)
    unreadable = frozenset(name for name, (parsed, _rel) in raw.items() if parsed is None)
    check_references(report, diags, reference_lines(raw), unreadable)


def inherited(report: Report) -> list[str]:
    """What the report took from situs.yaml where its laporan.yaml is silent (``load_report``): the pemda, the
    predikat scale and the capaian rules. They are part of its model's sources as its own files are: keyed by the
    files alone, its tables, open data and audit verdicts were taken from the memo after a change of situs.yaml."""
    return [report.instansi.pemda, report.skala_predikat, repr(report.capaian)]


def read_data_files(report_folder: Path, root: Path, diags: Diagnostics,
                    memo: Memo | None = None) -> tuple[ReportData, dict[str, Any], list[tuple[str, bytes]]]:
    """Read and validate every file of ``data/``; also used alone when laporan.yaml is broken. With the bytes each
    file was read as (name, bytes), each read once.

    A broken laporan.yaml must not hide the mistakes in the data files: the author gets all of them in one run.
    """
    folder = report_folder / DATA_DIR
    data = ReportData()
    raw: dict[str, Any] = {}
    read: list[tuple[str, bytes]] = []
    if not folder.is_dir():
        return data, raw, read
    known = set(schemas.DATA_FILES) | {p.name for p in folder.glob("*.csv")}
    entries = sorted(folder.iterdir())
    names = {p.name for p in entries}  # as spelt: ``is_file()`` ignores letter case on Windows and macOS
    for path in entries:
        if path.name.startswith(".") or (path.is_dir() and path.name not in known and path.suffix not in _READ):
            continue  # a folder of the author's own (old versions, drafts) is not read
        rel = rel_path(path, root)
        meta = path.suffix in (".yaml", ".yml") and (path.stem + ".csv") in known
        if (meant := _misnamed(path.name)) is not None and meant not in names:
            # pk.yml, PK.yaml, pk.yaml.txt (Windows hides the last extension) where no pk.yaml is: the file the author
            # means to be the PK was passed over with a warning, and the report published without its PK (beside a
            # pk.yaml it is a stray copy: the warning below)
            diags.error((rel, 1), f"berkas data '{path.name}' tidak dibaca: namanya harus persis '{meant}'; ganti "
                                  f"namanya ({HIDDEN_EXTENSION})")
            continue
        if path.name not in schemas.DATA_FILES and path.suffix != ".csv" and not meta:
            # not read, and not published as open data either: a working note left here stays the author's
            names = [*schemas.DATA_FILES, "<nama>.csv"]
            diags.warn((rel, 1), f"berkas data '{path.name}' tidak dikenal dan diabaikan"
                                 f"{did_you_mean(path.name, schemas.DATA_FILES)}; berkas ini tidak ikut diterbitkan, "
                                 "dan 'lkjip terbitkan' menolak laporan selama berkas ini ada di foldernya "
                                 f"(berkas yang dikenal: {', '.join(names)})")
            continue
        content = read_source(path, rel, diags, report_folder)
        if content is None:
            continue
        data.files.append(path)
        read.append((path.name, content))
        if path.name in schemas.DATA_FILES:
            raw[path.name] = (read_validated(content, rel, schemas.DATA_FILES[path.name], diags, memo), rel)
        elif path.suffix == ".csv":
            dataset = load_csv(path, rel, diags, content)
            if dataset is not None:
                data.datasets[dataset.id] = dataset
        else:
            raw[path.name] = (read_validated(content, rel, schemas.DATASET_META, diags, memo), rel)
    return data, raw, read


def _misnamed(name: str) -> str | None:
    """The data file ``name`` is meant to be, when it differs from it only by its extension or letter case
    (``pk.yml``, ``Indikator.yaml``, ``anggaran.yaml.txt``); None for a known name or any other file."""
    if name in schemas.DATA_FILES:
        return None
    stem = name.casefold().removesuffix(".txt")
    for known in schemas.DATA_FILES:
        base = known.removesuffix(".yaml")
        if stem in (known, base + ".yml", base + ".yaml"):
            return known
    return None


def _convert(data: ReportData, raw: dict[str, Any], diags: Diagnostics) -> None:
    def get(name: str) -> tuple[Any, str]:
        return raw.get(name, (None, ""))

    ind, ind_rel = get("indikator.yaml")
    if ind:
        folded: dict[str, str] = {}
        for item in ind["indikator"]:
            key = str(item["id"])
            if key in data.indikator:
                diags.error((ind_rel, item.line), f"id indikator '{key}' sudah dipakai di baris "
                                                  f"{data.indikator[key].loc.line}")
                continue
            twin = folded.setdefault(key.casefold(), key)
            if twin != key:
                diags.error((ind_rel, item.line), _case_twin("id indikator", key, twin, data.indikator[twin].loc.line))
                continue
            data.indikator[key] = _indicator(item, ind_rel)
    ren, rel = get("renstra.yaml")
    if ren:
        data.renstra = _renstra(ren, rel)
        _check_renstra(ren, rel, diags)
        _check_renstra_targets(ren, ind, ind_rel, diags)
    pk, rel = get("pk.yaml")
    if pk:
        data.pk = PerjanjianKinerja(
            tahun=pk["tahun"], jenis=pk.get("jenis", "awal"), tanggal=pk.get("tanggal"),
            sasaran=[str(s) for s in pk["sasaran"]], indikator=[str(i) for i in pk.get("indikator", [])],
            program=[str(p) for p in pk.get("program", [])], loc=Loc(rel, pk.line), lines=key_lines(pk),
            pihak_pertama=_party(pk.get("pihak_pertama")), pihak_kedua=_party(pk.get("pihak_kedua")),
            target_awal=[_target_awal(t, rel) for t in pk.get("target_awal") or []],
            alasan_perubahan=str(pk.get("alasan_perubahan") or "").strip(),
        )
    bud, rel = get("anggaran.yaml")
    if bud:
        data.anggaran = _budget(bud, rel)
        _once(((str(j["jenis"]), j) for j in bud.get("jenis_belanja", [])), rel, diags, "jenis belanja",
              "jenis belanja '{0}' sudah ditulis di baris {1}; gabungkan kedua baris menjadi satu")
    ikm, rel = get("ikm.yaml")
    if ikm:
        data.ikm = Ikm(
            tahun=ikm["tahun"], responden=ikm.get("responden"), loc=Loc(rel, ikm.line), lines=key_lines(ikm),
            unsur=[IkmElement(u["kode"], u["nama"], to_decimal(u["nilai"]), Loc(rel, u.line)) for u in ikm["unsur"]],
        )


def _party(written: YMap | None) -> Pihak | None:
    """A signatory of the PK (``pihak_pertama``/``pihak_kedua``), validated by the schema: a name and a post."""
    return Pihak(str(written["nama"]).strip(), str(written["jabatan"]).strip()) if written else None


def _target_awal(written: YMap, rel: str) -> TargetAwal:
    """A target the PK Perubahan changed (``target_awal``), validated by the schema; ``check`` compares it with the
    revised target and with the reports published before the revision."""
    return TargetAwal(str(written["indikator"]), value(written["target"]), str(written.get("alasan") or "").strip(),
                      Loc(rel, written.line))


def _once(items: Iterable[tuple[str, YMap]], rel: str, diags: Diagnostics, what: str, message: str) -> None:
    """An id written twice, an error at the second naming the first's line: every table, chart and figure keyed by
    it took one of the two (the site's own figure check then blamed the program at a page's line 1)."""
    first: dict[str, int] = {}
    folded: dict[str, str] = {}
    for key, node in items:
        line = node.line_of("id") if "id" in node else node.line
        if key in first:
            diags.error((rel, line), message.format(key, first[key]))
        elif key.casefold() in folded:
            twin = folded[key.casefold()]
            diags.error((rel, line), _case_twin(what, key, twin, first[twin]))
        else:
            first[key] = line
            folded[key.casefold()] = key


def _case_twin(what: str, key: str, twin: str, line: int) -> str:
    """Two ids that differ only in capitals: a reader cannot tell them apart, Excel's lookups and a Windows or macOS
    folder take them for one, and a reference typed in the other capitals lands on the other one unseen."""
    return (f"{what} '{key}' hanya berbeda huruf besar/kecil dengan '{twin}' di baris {line}; pembaca dan Excel "
            f"menganggap keduanya sama: bila memang satu, gabungkan kedua baris menjadi satu; bila berbeda, beri "
            f"{what} yang lain")


def _check_renstra(r: YMap, rel: str, diags: Diagnostics) -> None:
    """What the Renstra's structure must hold for every average and table built on it: a period that runs forward;
    each tujuan and sasaran id once (a second S1 under another tujuan took the first's indicators, and the report's
    average was the second's alone: 40 % where the sasaran averaged 71,56 %); each indicator under one sasaran (one
    under two was counted twice: three indicators of two)."""
    period = r["periode"]
    if period["awal"] > period["akhir"]:
        diags.error((rel, period.line_of("awal")), f"periode Renstra {period['awal']}–{period['akhir']} terbalik; "
                                                   f"tulis awal: {period['akhir']} dan akhir: {period['awal']}")
    _once(((str(t["id"]), t) for t in r["tujuan"]), rel, diags, "id tujuan",
          "id tujuan '{0}' sudah dipakai di baris {1}; setiap tujuan memerlukan id sendiri, mis. T2")
    _once(((str(s["id"]), s) for t in r["tujuan"] for s in t["sasaran"]), rel, diags, "id sasaran",
          "id sasaran '{0}' sudah dipakai di baris {1}; setiap sasaran memerlukan id sendiri, mis. S2")
    under: dict[str, str] = {}
    for t in r["tujuan"]:
        for s in t["sasaran"]:
            for iid in (str(x) for x in s["indikator"]):
                if iid in under and under[iid] != str(s["id"]):
                    diags.error((rel, s.line_of("indikator")),
                                f"indikator {iid} sudah berada di bawah sasaran {under[iid]}; satu indikator mengukur "
                                f"satu sasaran (di dua sasaran ia terhitung dua kali dalam rata-rata)")
                under.setdefault(iid, str(s["id"]))


def _check_renstra_targets(r: YMap, ind: YMap | None, rel: str, diags: Diagnostics) -> None:
    """A ``target_renstra`` year outside the Renstra's period was taken as the period's final target ("Target akhir
    Renstra 2026: 99" from a 2030 target), and the progress measured against it."""
    awal, akhir = r["periode"]["awal"], r["periode"]["akhir"]
    if awal > akhir:  # said once, by _check_renstra
        return
    for item in (ind or {}).get("indikator", []):
        targets = item.get("target_renstra")
        for year in targets or {}:
            if not awal <= int(year) <= akhir:
                diags.error((rel, targets.line_of(year)),
                            f"indikator {item['id']}: target_renstra tahun {year} di luar periode Renstra "
                            f"{awal}–{akhir}; tulis target untuk tahun {awal} sampai {akhir}")


def value(raw: Any) -> Value:
    if isinstance(raw, dict):
        return Missing(str(raw["tidak_ada"]))
    if isinstance(raw, str):
        return raw
    return to_decimal(raw)


def _period(raw: Any, loc: Loc) -> PeriodValues:
    if isinstance(raw, dict) and "tidak_ada" not in raw:
        quarters = {k: value(v) for k, v in raw.items() if k != "tahunan"}
        locs = {str(k): Loc(loc.file, raw.line_of(k)) for k in raw} if isinstance(raw, YMap) else {}
        return PeriodValues(annual=value(raw["tahunan"]) if "tahunan" in raw else None, quarters=quarters, loc=loc,
                            locs=locs)
    return PeriodValues(annual=value(raw), loc=loc, locs={"tahunan": loc})


def _years(raw: YMap | None, rel: str) -> dict[int, PeriodValues]:
    return {int(y): _period(v, Loc(rel, raw.line_of(y))) for y, v in sorted((raw or {}).items())}


def _indicator(i: YMap, rel: str) -> Indicator:
    kondisi = i.get("kondisi_awal")
    nasional = i.get("target_nasional")
    stated = {
        int(y): Stated(
            capaian=to_decimal(s["capaian"]) if s.get("capaian") is not None else None,
            predikat=s.get("predikat"), loc=Loc(rel, i["tertulis"].line_of(y)),
        )
        for y, s in sorted(i.get("tertulis", {}).items())
    }
    renstra_targets = {int(y): value(v) for y, v in sorted(i.get("target_renstra", {}).items())}
    end = i.get("target_akhir")
    return Indicator(
        id=str(i["id"]), nama=i["nama"], satuan=str(i["satuan"]), polaritas=i["polaritas"], loc=Loc(rel, i.line),
        jenis=i.get("jenis", "sasaran"), agregasi=i.get("agregasi", "terakhir"),
        kualitatif=[str(g) for g in i["kualitatif"]] if i.get("kualitatif") else None,
        definisi=i.get("definisi", ""), formula=i.get("formula", ""), sumber_data=i.get("sumber_data", ""),
        penanggung_jawab=i.get("penanggung_jawab", ""),
        program=str(i["program"]) if i.get("program") is not None else None,
        kondisi_awal=(kondisi["tahun"], value(kondisi["nilai"])) if kondisi else None,
        target_renstra=renstra_targets,
        target_akhir=value(end) if end is not None else (renstra_targets[max(renstra_targets)] if renstra_targets else None),
        target_nasional=(value(nasional["nilai"]), nasional["sumber"]) if nasional else None,
        target=_years(i.get("target"), rel),
        realisasi=_years(i.get("realisasi"), rel),
        tertulis=stated,
        lines=key_lines(i),
    )


def _renstra(r: YMap, rel: str) -> Renstra:
    tujuan = []
    for t in r["tujuan"]:
        sasaran = [
            Sasaran(str(s["id"]), s["uraian"], [str(x) for x in s["indikator"]], Loc(rel, s.line), tujuan_id=str(t["id"]))
            for s in t["sasaran"]
        ]
        tujuan.append(Tujuan(str(t["id"]), t["uraian"], sasaran, Loc(rel, t.line), [str(x) for x in t.get("indikator", [])]))
    return Renstra(
        awal=r["periode"]["awal"], akhir=r["periode"]["akhir"], visi=r["visi"], misi=list(r["misi"]), tujuan=tujuan,
        loc=Loc(rel, r.line_of("periode")), strategi=list(r.get("strategi", [])), kebijakan=list(r.get("kebijakan", [])),
        lines=key_lines(r),
    )


def _stated(node: YMap) -> dict[str, Decimal | None]:
    return {k: to_decimal(node[k]) if node.get(k) is not None else None for k in ("pagu_tertulis", "realisasi_tertulis")}


def _budget(b: YMap, rel: str) -> Budget:
    programs = []
    for p in b["program"]:
        kegiatan = []
        for k in p["kegiatan"]:
            subs = [
                BudgetNode(
                    level="sub_kegiatan", kode=str(s["kode"]), nama=s["nama"], loc=Loc(rel, s.line),
                    pagu=to_decimal(s["pagu"]), realisasi=value(s["realisasi"]),
                    pagu_awal=to_decimal(s["pagu_awal"]) if s.get("pagu_awal") is not None else None,
                    realisasi_tw={q: to_decimal(v) for q, v in s.get("realisasi_tw", {}).items()},
                    indikator=s.get("indikator", ""), satuan=s.get("satuan", ""),
                    target=value(s["target"]) if s.get("target") is not None else None,
                    realisasi_output=value(s["realisasi_output"]) if s.get("realisasi_output") is not None else None,
                    jenis_belanja=s.get("jenis_belanja"), lines=key_lines(s),
                )
                for s in k["sub_kegiatan"]
            ]
            kegiatan.append(BudgetNode("kegiatan", str(k["kode"]), k["nama"], Loc(rel, k.line), children=subs,
                                       lines=key_lines(k), **_stated(k)))
        programs.append(BudgetNode(
            "program", str(p["kode"]), p["nama"], Loc(rel, p.line), children=kegiatan,
            sasaran=str(p["sasaran"]) if p.get("sasaran") is not None else None, lines=key_lines(p), **_stated(p),
        ))
    total = b.get("total_tertulis")
    last = b.get("tahun_lalu")
    return Budget(
        tahun=b["tahun"], program=programs, loc=Loc(rel, b.line),
        jenis_belanja=[
            JenisBelanja(j["jenis"], to_decimal(j["pagu"]), to_decimal(j["realisasi"]), Loc(rel, j.line))
            for j in b.get("jenis_belanja", [])
        ],
        total_tertulis=(
            to_decimal(total["pagu"]) if total.get("pagu") is not None else None,
            to_decimal(total["realisasi"]) if total.get("realisasi") is not None else None,
            Loc(rel, b.line_of("total_tertulis")),
        ) if total else None,
        tahun_lalu=(to_decimal(last["pagu"]), to_decimal(last["realisasi"])) if last else None,
        disalin_dari=b.get("disalin_dari", ""),
        lines=key_lines(b),
    )


def load_csv(path: Path, rel: str, diags: Diagnostics, raw: bytes) -> Dataset | None:
    """A generic dataset, from the file's bytes ``raw``. Columns whose every non-empty cell is a plain number are
    numeric."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, shown = not_utf8(raw, exc)
        diags.error((rel, line), f"berkas CSV bukan teks UTF-8{shown}; simpan ulang sebagai CSV UTF-8 "
                                 f"({SAVE_CSV_UTF8})")
        return None
    numbered = _csv_rows(text)
    if not numbered:
        diags.error((rel, 1), "berkas CSV kosong; baris pertama harus berisi nama kolom")
        return None
    header_line, first = numbered[0]
    header = [h.strip() for h in first]
    if separator := _other_separator(text, first):
        diags.error((rel, header_line), f"kolom CSV dipisahkan {separator}; simpan ulang dengan pemisah koma "
                                        "(di Excel: Simpan Sebagai → CSV UTF-8 (dipisahkan koma); di LibreOffice: "
                                        "Berkas → Simpan Sebagai… → Teks CSV (.csv), centang 'Sunting pengaturan "
                                        "penyaring' (Edit filter settings), lalu pilih pemisah ruas ',' dan set "
                                        "karakter 'Unicode (UTF-8)')")
        return None
    if _title_row(header, numbered):
        diags.error((rel, header_line), f"baris ini tampaknya judul tabel ('{next(h for h in header if h)}'), bukan "
                                        "nama kolom; hapus baris ini agar baris pertama berisi nama kolom (judul tabel "
                                        f"ditulis di berkas keterangan {path.stem}.yaml, kunci 'judul')")
        return None
    if len(set(header)) != len(header) or any(not h for h in header):
        empty = [str(c + 1) for c, h in enumerate(header) if not h]
        twice = sorted({h for h in header if h and header.count(h) > 1})
        what = (f"kolom ke-{', '.join(empty)} tidak bernama (kolom kosong di kanan atau di tengah tabel Excel?); isi "
                "namanya, atau hapus kolom itu" if empty else
                f"nama kolom {', '.join(repr(h) for h in twice)} dipakai lebih dari sekali; beri nama yang berbeda")
        diags.error((rel, header_line), f"nama kolom CSV harus terisi dan berbeda satu sama lain: {what}")
        return None
    body = [row for _, row in numbered[1:]]
    lines = [n for n, _ in numbered[1:]]
    ok = True
    for n, row in numbered[1:]:
        if len(row) != len(header):
            diags.error((rel, n), f"baris ini memiliki {len(row)} kolom, sedangkan judul kolom ada {len(header)}"
                                  + _split_decimal(row, len(header)))
            ok = False
    if not ok:
        return None
    numeric = [all(PLAIN.fullmatch(r[c].strip()) or not r[c].strip() for r in body) and bool(body)
               for c in range(len(header))]
    numeric[0] = False  # the first column labels the rows
    if not _no_written_totals(header, numeric, header_line, numbered[1:], rel, diags):
        return None
    if not _no_formulas(header, numeric, header_line, numbered[1:], rel, diags):
        return None
    for c, name in enumerate(header):
        if not numeric[c] and c > 0 and not _no_placeholders(body, lines, c, name, rel, diags):
            return None
        if not numeric[c] and c > 0:
            _warn_comma_numbers(body, lines, c, name, rel, diags)
        elif numeric[c] and not _no_thousands_dot(body, lines, c, name, rel, diags):
            return None
        elif numeric[c] and (wrong := next(((n, problem) for n, r in zip(lines, body) if r[c].strip()
                                            and (problem := number_problem(Decimal(r[c].strip())))), None)):
            diags.error((rel, wrong[0]), f"kolom '{name}': {wrong[1]}")
            return None
    cells = [[_cell(r[c], numeric[c]) for c in range(len(header))] for r in body]
    return Dataset(id=path.stem, columns=header, rows=cells, numeric=numeric, loc=Loc(rel, 1))


#: The separators other than the comma that a spreadsheet writes, as the message names them: Excel and LibreOffice
#: with Indonesian settings write ``;`` (the comma is the decimal mark there); "Teks (dipisahkan tab)" writes tabs.
_OTHER_SEPARATORS = {";": "titik koma (;)", "\t": "tab"}


def _other_separator(text: str, first: list[str]) -> str | None:
    """How the file's columns are separated, named, when it is not the comma: the first non-empty row read with
    ``;`` or a tab gives more columns than ``first``, the same row read with commas, or as many but of quoted fields
    (``"Desa";"Luas (km², 2023)"``: the comma-read cells then hold the separator and the next field's quote).

    Why: only a header of one column holding ';' was refused. A header with a comma in a name ("Luas (km², 2023)")
    read as two columns, each row's decimal comma split it alike, and the table published as "Desa;Luas (km²" over
    "A;12" without a word; a tab-separated file was one column of "Desa\tPenduduk"."""
    for separator, name in _OTHER_SEPARATORS.items():
        row = next((r for r in csv.reader(io.StringIO(text), delimiter=separator) if any(c.strip() for c in r)), [])
        if len(row) > len(first) or (len(row) == len(first) > 1 and any(f'{separator}"' in c for c in first)):
            return name
    return None


_WHOLE_PART = re.compile(r"-?\d+")
_DIGITS = re.compile(r"\d+")


def _split_decimal(row: list[str], columns: int) -> str:
    """Why a row may have more columns than its header: a number with a decimal comma written without quotes
    (``A,85,32``), said as a possibility (``1,10`` may as well be two counts), with how to write it; "" when the row
    has no two number cells side by side after its label.

    Why: "baris ini memiliki 3 kolom" alone left the author counting commas in a line that has the columns it should;
    the comma inside 85,32 is the one the author does not see as a separator."""
    if len(row) <= columns:
        return ""
    cells = [c.strip() for c in row]
    split = next((f"{a},{b}" for a, b in zip(cells[1:], cells[2:])
                  if _WHOLE_PART.fullmatch(a) and _DIGITS.fullmatch(b)), None)
    if split is None:
        return ""
    return (f"; bila '{split}' satu angka berkoma desimal, tulis {split.replace(',', '.')} (koma memisahkan kolom, "
            "desimal ditulis dengan titik)")


def _title_row(header: list[str], numbered: list[tuple[int, list[str]]]) -> bool:
    """Whether the first row is a title typed above the table (one cell filled, the next row wider), as a sheet made
    for print has it: said as one row per line "has 4 columns, the header 1", the author was not told to delete it."""
    filled = [h for h in header if h]
    if len(filled) != 1 or len(numbered) < 2:
        return False
    names = [cell.strip() for cell in numbered[1][1] if cell.strip()]
    return len(names) > 1 and not any(PLAIN.fullmatch(cell) for cell in names)  # the next row names, not counts


def _csv_rows(text: str) -> list[tuple[int, list[str]]]:
    """Non-empty rows with the file line each starts on: blank lines and quoted line breaks must not shift lines."""
    reader = csv.reader(io.StringIO(text))
    out: list[tuple[int, list[str]]] = []
    start = 1
    for row in reader:
        if any(cell.strip() for cell in row):
            out.append((start, row))
        start = reader.line_num + 1
    return out


#: What a row or column that adds up the others is called: lkjip adds them up itself (a dataset table's Jumlah row
#: and column), so one written in the file was added in again (a Jumlah column made the row totals twice as large).
_TOTALS = {"jumlah", "total", "jumlah total", "total jumlah", "grand total", "jumlah keseluruhan"}


def _no_written_totals(header: list[str], numeric: list[bool], header_line: int, rows: list[tuple[int, list[str]]],
                       rel: str, diags: Diagnostics) -> bool:
    """A Jumlah row, or a Jumlah column beside other number columns (alone, "jumlah" is a count: nothing adds it
    in again)."""
    ok = True
    for c, name in enumerate(header):
        if c and numeric[c] and sum(numeric) > 1 and name.casefold() in _TOTALS:
            diags.error((rel, header_line), f"kolom '{name}' tidak perlu ditulis: lkjip menjumlahkan kolom angka "
                                            "sendiri (kolom dan baris Jumlah pada tabel); hapus kolom ini")
            ok = False
    for n, row in rows:
        if row and row[0].strip().casefold() in _TOTALS:
            diags.error((rel, n), f"baris '{row[0].strip()}' tidak perlu ditulis: lkjip menjumlahkan baris sendiri "
                                  "(baris Jumlah pada tabel); hapus baris ini")
            ok = False
    return ok


def _no_formulas(header: list[str], numeric: list[bool], header_line: int, rows: list[tuple[int, list[str]]],
                 rel: str, diags: Diagnostics) -> bool:
    """A column name or a text cell a spreadsheet reads as a formula (``=HYPERLINK(…)``, ``=cmd|…``): the file is
    published as it is (``data/`` of the version) and beside the open data, and ran in the Excel of the citizen who
    opened it. Said at each such cell's line (but once per line)."""
    ok = True
    for n, row in [(header_line, header), *rows]:
        cell = next((cell.strip() for c, cell in enumerate(row)
                     if (n == header_line or not numeric[c]) and formula_lead(cell.strip())), None)
        if cell is not None:
            diags.error((rel, n), f"sel CSV {formula_advice(cell)}")
            ok = False
    return ok


def _no_thousands_dot(body: list[list[str]], lines: list[int], c: int, name: str, rel: str,
                      diags: Diagnostics) -> bool:
    """A number column's cell written ``1.250``: Excel saves numbers as they are shown, so with Indonesian settings
    1250 is written with a thousands dot, which a CSV reads as 1,25; taken as such it became a total a thousand
    times too small, without a word. Such a number is therefore refused, with both readings
    (:func:`~lkjip_site.core.numbers.thousands_or_decimal`), at every cell so written: an author who copied a
    column of 1.234's was told of its first, and met the next at each run."""
    ok = True
    for n, row in zip(lines, body):
        if why := thousands_or_decimal(row[c].strip()):
            diags.error((rel, n), f"kolom '{name}': {why}")
            ok = False
    return ok


#: What to write instead of each kind of stand-in for a number in a CSV cell (``core.numbers.placeholder``).
_INSTEAD = {
    "strip": ("tulis 0 bila nilainya nol (format Akuntansi Excel menampilkan 0 sebagai '-'), atau kosongkan sel bila "
              "datanya tidak ada"),
    "n/a": "kosongkan sel bila datanya tidak ada",
    "rumus": "itu galat rumus Excel; perbaiki rumusnya, atau kosongkan sel bila datanya tidak ada, lalu simpan ulang",
}


def _placeholder_advice(cell: str) -> str | None:
    """What to write instead of a stand-in for a number in a column of numbers (None: the cell is no stand-in)."""
    if kind := placeholder(cell):
        return _INSTEAD[kind]
    if negative := bracketed_negative(cell):
        return f"angka negatif ditulis dengan tanda minus: tulis {negative}"
    return None


def _no_placeholders(body: list[list[str]], lines: list[int], c: int, name: str, rel: str,
                     diags: Diagnostics) -> bool:
    """A column of numbers with a dash, N/A, ``#DIV/0!`` or ``(1.234)`` in a cell: the one cell made the whole
    column text, so its Jumlah row and column vanished from the table and its numbers were published as text in the
    open data, without a word. Said at the cell's line, with what to write instead."""
    cells = [(n, row[c].strip()) for n, row in zip(lines, body) if row[c].strip()]
    if not any(PLAIN.fullmatch(cell) for _, cell in cells):
        return True
    odd = [(n, cell) for n, cell in cells if not PLAIN.fullmatch(cell)]
    advice = [(n, cell, _placeholder_advice(cell)) for n, cell in odd]
    if not advice or any(why is None for *_, why in advice):
        return True  # a column of text that holds some numbers (a nomor, a year) is text
    for n, cell, why in advice:
        diags.error((rel, n), f"kolom '{name}' berisi angka, tetapi sel ini berisi '{cell}'; {why}")
    return False


def _warn_comma_numbers(body: list[list[str]], lines: list[int], c: int, name: str, rel: str,
                        diags: Diagnostics) -> None:
    """Every cell of a column written as Excel shows a number (``1.234,5``, ``98,70%``, ``Rp 1.250.000``, ``1 234``),
    each at its line: the column is text until all are plain, and an author told only of the first met the next at
    each run."""
    for n, row in zip(lines, body):
        written = parse_hand_written(row[c])
        if written is not None and written.mistakes != (QUOTED,):  # a plain number in a text column is text
            diags.error((rel, n), f"kolom '{name}': angka ditulis dalam format tampilan, {written.advice()} "
                                  "(titik desimal, tanpa pemisah ribuan, tanpa % atau Rp)")


def _cell(raw: str, numeric: bool) -> str | Decimal:
    raw = raw.strip()
    if numeric and raw:
        try:
            return Decimal(raw)
        except InvalidOperation:  # pragma: no cover - guarded by the regex
            return raw
    return raw


def _apply_dataset_meta(data: ReportData, raw: dict[str, Any]) -> None:
    for name, (meta, _rel) in raw.items():
        stem = Path(name).stem
        if meta and stem in data.datasets and name not in schemas.DATA_FILES:
            data.datasets[stem].judul = meta.get("judul", "")
            data.datasets[stem].satuan = dict(meta.get("satuan", {}))
