"""A small schema language for the content files, with Indonesian messages and JSON Schema export.

Why not jsonschema at runtime: its messages are English and name JSON pointers, not lines. Authors need
``berkas:baris: pesan`` in their language. The same schema objects export JSON Schema (``lkjip schema``) so editors
and other tools can validate the files too; one source, two uses.
"""

from __future__ import annotations

import datetime as dt
import pickle
import re
from dataclasses import dataclass, field
from typing import Any

from ..core.controls import control_in, describe_control
from ..core.diagnostics import Diagnostics
from ..core.memo import Memo, unpickled
from ..core.numbers import formula_advice, formula_lead, number_problem, parse_hand_written, thousands_or_decimal
from ..core.suggest import did_you_mean
from .source import not_utf8
from .yamltree import YList, YMap, load_yaml


@dataclass
class Ctx:
    """Where we are while validating: the file, the diagnostics sink, and the numbers by line that YAML read with a
    thousands dot as a decimal point (``1.250``: ``yamltree``)."""

    file: str
    diags: Diagnostics
    written: dict[tuple[int, float], str] = field(default_factory=dict)


class Node:
    """Base schema node. ``check`` records problems and returns nothing: conversion happens later, on valid data."""

    doc: str = ""

    def check(self, value: Any, where: str, line: int, ctx: Ctx) -> None:
        raise NotImplementedError

    def drop_empty(self, value: Any) -> None:
        """Remove, below valid ``value``, each optional key written without a value (``tw2:``, ``pemda:``).

        Why: ``check`` takes such a key as not written (:class:`Obj`), but the loaders read ``.get(key, {})`` and got
        None: an author's ``realisasi_tw:`` or ``target_renstra:`` left empty stopped ``lkjip check`` with "galat
        internal" instead of the report being read as if the line were not there. Only nodes that hold other
        nodes have anything to remove."""

    def json(self) -> dict[str, Any]:
        raise NotImplementedError

    def type_name(self) -> str:
        return "nilai"


def _describe(value: Any) -> str:
    if isinstance(value, YMap) or isinstance(value, dict):
        return "pemetaan (kunci: nilai)"
    if isinstance(value, YList) or isinstance(value, list):
        return "daftar"
    if isinstance(value, bool):
        return f"benar/salah ({'true' if value else 'false'})"
    if value is None:
        return "kosong"
    if isinstance(value, (int, float)):
        return f"angka ({value})"
    if isinstance(value, dt.date):
        return f"tanggal ({value.isoformat()})"
    return f"teks ('{value}')"


@dataclass
class Str(Node):
    doc: str = ""
    pattern: str | None = None
    pattern_hint: str = ""
    choices: tuple[str, ...] | None = None
    allow_numbers: bool = False  # NIP or codes written without quotes are still meant as text
    #: a name or a title: shown on one line (a table cell, a chart's label, the page title), so a TAB or a line
    #: break inside it (a cell copied from a table in a PDF, a ``|`` block) is said; prose fields may hold both
    one_line: bool = False
    #: published as a cell of the open data's CSV (``output/opendata.py``): text a spreadsheet would read as a formula
    #: is refused (``core.numbers.formula_lead``)
    cell: bool = False

    def check(self, value: Any, where: str, line: int, ctx: Ctx) -> None:
        if self.allow_numbers and isinstance(value, float):
            # YAML reads 1.10 as the number 1.1: a version or code would silently change (and may collide)
            ctx.diags.error((ctx.file, line), f"{where}: tulis di antara tanda kutip persis seperti yang dimaksud; "
                                              f"tanpa tanda kutip YAML membacanya sebagai angka {value}, dan nol di "
                                              "belakang titik hilang (1.10 menjadi 1.1; tulis \"1.10\")")
            return
        if self.allow_numbers and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, bool):
            # ``penanggung_jawab: no`` or ``satuan: on``: YAML 1.1 reads these words as true/false, so the author saw
            # "false" for what they wrote and nothing on what to do
            ctx.diags.error((ctx.file, line), f"{where}: harus berupa teks, tertulis {_describe(value)}: YAML membaca "
                                              "yes, no, on, off, true dan false tanpa tanda kutip sebagai benar/salah; "
                                              "bila itu teks, apit dengan tanda kutip, mis. \"no\"")
            return
        if not isinstance(value, str):
            ctx.diags.error((ctx.file, line), f"{where}: harus berupa teks, tertulis {_describe(value)}")
            return
        if self.one_line and (char := control_in(value.rstrip("\n"), breaks=True)) is not None:
            ctx.diags.error((ctx.file, line), f"{where}: teks satu baris ini memuat {describe_control(char)} (biasanya "
                                              "terbawa saat menyalin dari tabel atau PDF); tulis dalam satu baris, "
                                              "dengan spasi biasa")
        elif self.choices is not None and value not in self.choices:
            allowed = ", ".join(self.choices)
            ctx.diags.error((ctx.file, line), f"{where}: nilai '{value}' tidak dikenal"
                                              f"{did_you_mean(value, self.choices)}; pilihan: {allowed}")
        elif self.pattern and not re.fullmatch(self.pattern, value):
            ctx.diags.error((ctx.file, line), f"{where}: '{value}' tidak sesuai format {self.pattern_hint or self.pattern}")
        elif not value.strip():
            ctx.diags.error((ctx.file, line), f"{where}: tidak boleh kosong")
        elif self.cell and formula_lead(value):
            ctx.diags.error((ctx.file, line), f"{where}: {formula_advice(value)}")

    def json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": ["string", "integer"] if self.allow_numbers else "string"}
        if self.choices:
            out["enum"] = list(self.choices)
        if self.pattern:
            out["pattern"] = f"^{self.pattern}$"
        return _with_doc(out, self.doc)


@dataclass
class Grade(Str):
    """A qualitative value (``A``, ``BB``, ``Baik``) where a number is also allowed: text that is really a number
    typed by hand (``68,85``, ``80%``, ``Rp 5.000``) is an error, or it would be published as a grade."""

    def check(self, value: Any, where: str, line: int, ctx: Ctx) -> None:
        written = parse_hand_written(value) if isinstance(value, str) else None
        if written is not None:
            ctx.diags.error((ctx.file, line), f"{where}: {written.advice()}")
            return
        super().check(value, where, line, ctx)


def _whole_instead(value: Any, line: int, ctx: Ctx) -> str:
    """What to write for a whole number typed as text or with a thousands dot (``tahun: '2023'``, ``2.023``): the
    message said only what was read ("teks ('2023')"), not what to write."""
    typed = parse_hand_written(value) if isinstance(value, str) else None
    if typed is not None and typed.value == typed.value.to_integral_value():
        return f"; {typed.advice()}"
    text = ctx.written.get((line, float(value))) if isinstance(value, float) else None
    return f"; '{text}' memakai pemisah ribuan; tulis {text.replace('.', '')}" if text else ""


@dataclass
class Int(Node):
    doc: str = ""
    min: int | None = None
    max: int | None = None

    def check(self, value: Any, where: str, line: int, ctx: Ctx) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            ctx.diags.error((ctx.file, line), f"{where}: harus berupa bilangan bulat, tertulis {_describe(value)}"
                                              f"{_whole_instead(value, line, ctx)}")
            return
        if self.min is not None and value < self.min:
            ctx.diags.error((ctx.file, line), f"{where}: paling kecil {self.min}, tertulis {value}")
        if self.max is not None and value > self.max:
            ctx.diags.error((ctx.file, line), f"{where}: paling besar {self.max}, tertulis {value}")

    def json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "integer"}
        if self.min is not None:
            out["minimum"] = self.min
        if self.max is not None:
            out["maximum"] = self.max
        if self.max is not None:
            out["maximum"] = self.max
        return _with_doc(out, self.doc)


@dataclass
class Num(Node):
    doc: str = ""
    min: float | None = None
    max: float | None = None
    #: rupiah: no amount has three decimals, so ``1.250`` is 1250 written with a thousands dot (YAML read 1,25)
    money: bool = False

    def check(self, value: Any, where: str, line: int, ctx: Ctx) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            written = parse_hand_written(value) if isinstance(value, str) else None
            if written is not None:  # never read as a different number: say exactly what to write
                ctx.diags.error((ctx.file, line), f"{where}: harus berupa angka; {written.advice()}")
                return
            ctx.diags.error((ctx.file, line), f"{where}: harus berupa angka, tertulis {_describe(value)}")
            return
        text = ctx.written.get((line, float(value))) if isinstance(value, float) else None
        if self.money and text:
            ctx.diags.error((ctx.file, line), f"{where}: '{text}' memakai pemisah ribuan (rupiah tidak memiliki tiga "
                                              f"angka desimal); tulis {text.replace('.', '')}")
        elif text and self._thousands_written(text):
            ctx.diags.error((ctx.file, line), f"{where}: {thousands_or_decimal(text)}")
        elif problem := number_problem(value):
            ctx.diags.error((ctx.file, line), f"{where}: {problem}")
        elif self.min is not None and value < self.min:
            ctx.diags.error((ctx.file, line), f"{where}: tidak boleh kurang dari {self.min:g}, tertulis {value}")
        elif self.max is not None and value > self.max:  # with the rest of the file's problems, not after them
            ctx.diags.error((ctx.file, line), f"{where}: tidak boleh lebih dari {self.max:g}, tertulis {value}")

    def _thousands_written(self, text: str) -> bool:
        """Whether ``1.000`` or ``2.500`` is, beyond doubt, a number written with a thousands dot.

        Why: YAML reads ``realisasi: 1.000`` as 1, so a count typed as Indonesian prints it (one thousand) was
        published a thousand times too small, its capaian 1,37 % instead of 1 370 %, without a word. A decimal with
        three places whose last is 0 is never typed so by hand (``1.5``, not ``1.500``); one that ends in another
        digit (an IKM of ``83.515``) stays a decimal, as the guide says. When the thousands reading is above
        ``max`` (an IKM element's 1 to 4) the number can only be a decimal."""
        if not text.endswith("0"):
            return False
        return self.max is None or float(text.replace(".", "")) <= self.max

    def json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "number"}
        if self.min is not None:
            out["minimum"] = self.min
        if self.max is not None:
            out["maximum"] = self.max
        return _with_doc(out, self.doc)


@dataclass
class Bool(Node):
    doc: str = ""

    def check(self, value: Any, where: str, line: int, ctx: Ctx) -> None:
        if not isinstance(value, bool):
            ctx.diags.error((ctx.file, line), f"{where}: harus true atau false, tertulis {_describe(value)}")

    def json(self) -> dict[str, Any]:
        return _with_doc({"type": "boolean"}, self.doc)


@dataclass
class Date(Node):
    doc: str = ""

    def check(self, value: Any, where: str, line: int, ctx: Ctx) -> None:
        found = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value.strip()) if isinstance(value, str) else None
        if found:
            year, month, day = (int(part) for part in found.groups())
            try:
                dt.date(year, month, day)
            except ValueError:
                ctx.diags.error((ctx.file, line), f"{where}: tanggal '{value}' tidak ada di kalender (periksa bulan "
                                                  "dan hari)")
                return
            # a real date YAML kept as text: quoted (as NIP and versi are told to be), or a one-digit month or day
            ctx.diags.error((ctx.file, line), f"{where}: tanggal '{value}' terbaca sebagai teks; tulis "
                                              f"{year:04d}-{month:02d}-{day:02d} tanpa tanda kutip (bulan dan hari "
                                              "dua angka)")
        elif isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            ctx.diags.error(
                (ctx.file, line),
                f"{where}: harus berupa tanggal dengan format TTTT-BB-HH (mis. 2024-01-31), tertulis {_describe(value)}",
            )

    def json(self) -> dict[str, Any]:
        return _with_doc({"type": "string", "format": "date"}, self.doc)


@dataclass
class ListOf(Node):
    item: Node
    doc: str = ""
    min_items: int = 0

    def check(self, value: Any, where: str, line: int, ctx: Ctx) -> None:
        if not isinstance(value, list):
            ctx.diags.error((ctx.file, line), f"{where}: harus berupa daftar (baris-baris diawali '- '), tertulis {_describe(value)}")
            return
        if len(value) < self.min_items:
            ctx.diags.error((ctx.file, line), f"{where}: paling sedikit {self.min_items} butir")
        for i, item in enumerate(value):
            item_line = value.line_of(i) if isinstance(value, YList) else line
            self.item.check(item, f"{where}[{i + 1}]", item_line, ctx)

    def drop_empty(self, value: Any) -> None:
        for item in value:
            self.item.drop_empty(item)

    def json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "array", "items": self.item.json()}
        if self.min_items:
            out["minItems"] = self.min_items
        return _with_doc(out, self.doc)


@dataclass
class Field:
    node: Node
    required: bool = False
    #: What to write when a required key is missing ("realisasi dalam rupiah … atau {tidak_ada: alasan} …"); else
    #: the node's own ``expected`` (an AnyOf's), else nothing.
    hint: str = ""


def _item_named(where: str, value: dict[Any, Any]) -> str:
    """A list item as its author knows it, by its kode or id and nama: " (sub kegiatan 1.03.02.2.01.0001 Pembangunan
    Jalan)". A missing key of item 8.2.1 was said as 'program[8].kegiatan[2].sub_kegiatan[1].realisasi' alone,
    which an author of forty sub kegiatan had to count to find."""
    if not where.endswith("]"):
        return ""
    kind = where.rsplit(".", 1)[-1].split("[", 1)[0].replace("_", " ")
    said = [str(value[k]).strip() for k in ("kode", "id", "nama")
            if isinstance(value.get(k), (str, int, float)) and not isinstance(value.get(k), bool)
            and str(value[k]).strip()]
    return f" ({kind} {' '.join(said[:2])})" if said else ""


@dataclass
class Obj(Node):
    fields: dict[str, Field]
    doc: str = ""

    def check(self, value: Any, where: str, line: int, ctx: Ctx) -> None:
        if not isinstance(value, dict):
            ctx.diags.error((ctx.file, line), f"{where or 'isi berkas'}: harus berupa pemetaan 'kunci: nilai', tertulis {_describe(value)}")
            return
        prefix = f"{where}." if where else ""
        for name, spec in self.fields.items():
            if name not in value or value[name] is None:
                if spec.required:
                    hint = spec.hint or getattr(spec.node, "expected", "")
                    ctx.diags.error((ctx.file, line), f"kunci wajib '{prefix}{name}'{_item_named(where, value)} "
                                                      f"belum diisi{f'; tulis {hint}' if hint else ''}")
                continue
            key_line = value.line_of(name) if isinstance(value, YMap) else line
            spec.node.check(value[name], f"{prefix}{name}", key_line, ctx)
        for key in value:
            if key not in self.fields:
                key_line = value.line_of(key) if isinstance(value, YMap) else line
                known = ", ".join(self.fields)
                hint = did_you_mean(str(key), self.fields)
                # a warning: ``--strict`` promotes it, for the reports it applies to (see build._stop_on_errors)
                ctx.diags.warn((ctx.file, key_line),
                               f"kunci '{prefix}{key}' tidak dikenal{hint} (kunci yang dikenal: {known})")

    def drop_empty(self, value: Any) -> None:
        for name, spec in self.fields.items():
            if name not in value:
                continue
            if value[name] is None and not spec.required:
                del value[name]
            else:
                spec.node.drop_empty(value[name])

    def json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": "object",
            "properties": {k: f.node.json() for k, f in self.fields.items()},
            "additionalProperties": False,
        }
        required = [k for k, f in self.fields.items() if f.required]
        if required:
            out["required"] = required
        return _with_doc(out, self.doc)


@dataclass
class MapOf(Node):
    """A mapping with free keys (years, scale ids) checked by ``key`` and values by ``value``."""

    key: Node
    value: Node
    doc: str = ""

    def check(self, value: Any, where: str, line: int, ctx: Ctx) -> None:
        if not isinstance(value, dict):
            ctx.diags.error((ctx.file, line), f"{where}: harus berupa pemetaan 'kunci: nilai', tertulis {_describe(value)}")
            return
        for key, item in value.items():
            key_line = value.line_of(key) if isinstance(value, YMap) else line
            self.key.check(key, f"{where} (kunci {key})", key_line, ctx)
            self.value.check(item, f"{where}.{key}", key_line, ctx)

    def drop_empty(self, value: Any) -> None:
        for item in value.values():
            self.value.drop_empty(item)

    def json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "object", "additionalProperties": self.value.json()}
        key_json = self.key.json()
        if key_json.get("type") == "integer":
            out["propertyNames"] = {"pattern": "^[0-9]{4}$"}
        elif "pattern" in key_json:
            out["propertyNames"] = {"pattern": key_json["pattern"]}
        return _with_doc(out, self.doc)


@dataclass
class AnyOf(Node):
    """One of several shapes, chosen by a predicate so the message can name the expected shape."""

    options: list[tuple[Any, Node]]  # (predicate(value) -> bool, node)
    doc: str = ""
    expected: str = ""

    def check(self, value: Any, where: str, line: int, ctx: Ctx) -> None:
        for accepts, node in self.options:
            if accepts(value):
                node.check(value, where, line, ctx)
                return
        ctx.diags.error((ctx.file, line), f"{where}: harus {self.expected}, tertulis {_describe(value)}")

    def drop_empty(self, value: Any) -> None:
        for accepts, node in self.options:
            if accepts(value):
                node.drop_empty(value)
                return

    def json(self) -> dict[str, Any]:
        return _with_doc({"anyOf": [node.json() for _, node in self.options]}, self.doc)


def _with_doc(out: dict[str, Any], doc: str) -> dict[str, Any]:
    if doc:
        out["description"] = doc
    return out


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


@dataclass
class SchemaDoc:
    """A named top-level schema (one per kind of file), exported as ``docs/schema/<name>.schema.json``."""

    name: str
    title: str
    root: Node
    extra: dict[str, Any] = field(default_factory=dict)

    def json_schema(self) -> dict[str, Any]:
        out = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"lkjip-site/{self.name}.schema.json",
            "title": self.title,
        }
        out.update(self.root.json())
        return out


def read_validated(raw: bytes, rel: str, schema: SchemaDoc, diags: Diagnostics, memo: Memo | None = None) -> Any:
    """Parse a YAML file's bytes ``raw`` (read once by ``load/source.read_source``, and hashed as read:
    ``load/data.load_data``), validate them against ``schema``; return the data only if it produced no new errors.

    With ``memo``, an unchanged file (same bytes, schema and path) is not parsed again: its validated
    tree and the messages it produced are taken from the memo (ten times faster than PyYAML's constructor, which
    matters for an archive of hundreds of reports).
    """
    key = memo.key("yaml", schema.name, rel, raw) if memo is not None else None
    stored = unpickled(memo.get(key), tuple) if key is not None and memo is not None else None
    if stored is not None and len(stored) == 2:  # else not stored, or damaged: read again (and stored again)
        data, found = stored
        for diagnostic in found:
            diags.add(diagnostic)
        return data
    start = len(diags.items)
    data = _read_validated(raw, rel, schema, diags)
    if key is not None and memo is not None:
        memo.put(key, pickle.dumps((data, diags.items[start:])))
    return data


def _read_validated(raw: bytes, rel: str, schema: SchemaDoc, diags: Diagnostics) -> Any:
    before = len(diags.errors)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, shown = not_utf8(raw, exc)
        diags.error((rel, line), f"berkas bukan teks UTF-8{shown}; simpan ulang dengan pengodean UTF-8")
        return None
    written: dict[tuple[int, float], str] = {}
    data = load_yaml(text, rel, diags, written=written)
    if data is None and len(diags.errors) == before:
        diags.error((rel, 1), "berkas kosong")
        return None
    if data is not None:
        schema.root.check(data, "", getattr(data, "line", 1), Ctx(rel, diags, written))
    if len(diags.errors) != before:
        return None
    schema.root.drop_empty(data)
    return data
