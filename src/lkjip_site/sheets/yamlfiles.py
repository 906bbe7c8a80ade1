"""The report's YAML data files as text, for the import to edit and for the few facts the model does not keep."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..core.model import Report
from ..load.data import DATA_DIR, value
from .rows import cell_value
from .yamledit import YamlText

EDITABLE = ("indikator.yaml", "renstra.yaml", "pk.yaml", "anggaran.yaml")


def read_texts(report_folder: Path) -> dict[str, YamlText]:
    """The editable data files that exist, parsed with positions (they passed validation when the report loaded)."""
    out = {}
    for name in EDITABLE:
        path = report_folder / DATA_DIR / name
        if path.is_file():
            out[name] = YamlText(path.read_bytes().decode("utf-8"))  # no newline translation: CRLF files stay CRLF
    return out


def explicit_target_akhir(report: Report) -> dict[str, Any]:
    """``target_akhir`` as written: the model fills it from the last Renstra target when the file leaves it out."""
    path = report.folder / DATA_DIR / "indikator.yaml"
    if not path.is_file():
        return {}
    doc = YamlText(path.read_text(encoding="utf-8"))
    out: dict[str, Any] = {}
    items = doc.find(["indikator"])
    for i, _item in enumerate(getattr(items, "value", [])):
        raw = doc.value(doc.find(["indikator", i]))
        if isinstance(raw, dict) and raw.get("target_akhir") is not None:
            out[str(raw["id"])] = cell_value(value(raw["target_akhir"]))[0]
    return out
