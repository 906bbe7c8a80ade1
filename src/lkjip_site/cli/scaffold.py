"""``lkjip new <slug>``: a report with the PermenPANRB 53/2014 outline that builds as it is."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sys
from pathlib import Path

from ..core.resources import SCAFFOLD


def _year() -> int:
    """Last year by default: an LKjIP reports on the year that has ended."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    today = dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date() if epoch else dt.date.today()
    return today.year - 1


def new_report(content: Path, slug: str) -> int:
    if not re.fullmatch(r"[a-z0-9][a-z0-9\-]*", slug):
        print(f"galat penggunaan: nama '{slug}' hanya boleh berisi huruf kecil, angka dan '-'", file=sys.stderr)
        return 2
    target = content / "laporan" / slug
    if target.exists():
        print(f"galat penggunaan: folder {target} sudah ada; pilih nama lain", file=sys.stderr)
        return 2
    if not (content / "situs.yaml").exists():
        content.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SCAFFOLD / "situs.yaml", content / "situs.yaml")
        print(f"Dibuat: {content / 'situs.yaml'}")
    year = _year()
    for source in sorted((SCAFFOLD / "laporan").rglob("*")):
        dest = target / source.relative_to(SCAFFOLD / "laporan")
        if source.is_dir():
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8")
        dest.write_text(text.replace("__TAHUN1__", str(year + 1)).replace("__TAHUN__", str(year)), encoding="utf-8")
    print(f"Laporan baru dibuat di {target}. Ubah isinya, lalu jalankan: lkjip check && lkjip build")
    return 0
