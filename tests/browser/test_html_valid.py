"""Every page of the example build is valid HTML: the Nu HTML Checker (vnu.jar) reports no error.

vnu.jar comes from the npm registry's vnu-jar package, installed by ``scripts/setup.sh`` into ``.venv/vnu/`` (nothing
is fetched at test time); it runs on Debian's JRE. All pages are checked in one Java start (about 10 s). A missing
jar or Java fails the test with the fix, never skips it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

VNU = Path(sys.prefix) / "vnu" / "vnu.jar"


def test_every_page_passes_the_nu_html_checker(site_dir: Path) -> None:
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        pytest.fail(f"Java atau {VNU} tidak ada; jalankan `bash scripts/setup.sh`", pytrace=False)
    pages = sorted(str(p) for p in site_dir.rglob("*.html") if "pagefind" not in p.parts)
    assert len(pages) >= 30, pages
    proc = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                          capture_output=True, text=True, timeout=300, check=False)
    messages = json.loads(proc.stderr or proc.stdout or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '').split(str(site_dir))[-1]}:{m.get('lastLine', '?')}: {m.get('message')}"
              for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    assert not errors, "Galat HTML (vnu):\n" + "\n".join(errors[:50])
    assert proc.returncode == 0, proc.stderr[-2000:]
