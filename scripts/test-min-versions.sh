#!/usr/bin/env bash
# Run the test suite against the LOWEST versions pyproject.toml allows, as MkDocs' min-versions job does.
#
# Why: a lower bound nobody runs is a guess; `weasyprint>=62` once allowed releases without the API the PDF stage uses.
# This script turns every `name>=X` of [project].dependencies into `name==X`, installs the project with its test
# extras into a venv of its own (.venv-min/, recreated when pyproject.toml changes), and runs pytest there.
#
# The browser tests (tests/browser) are left out: they test the theme in Chromium through Playwright, which belongs to
# the test extras, and no runtime dependency's version changes what they check. Everything else runs, PDFs included.
# The test extras themselves are installed at their newest allowed versions.
#
# Usage: bash scripts/test-min-versions.sh [pytest arguments]     (about 12 minutes, plus 1-2 to create the venv)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv-min"
STAMP="$VENV/.lkjip-min-stamp"
export PIP_NO_INPUT=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

bash "$ROOT/scripts/setup.sh"  # Debian packages (WeasyPrint's libraries, poppler) and the main .venv

# The lower bounds, one `name==version` a line, read from pyproject.toml by the main venv's Python.
pins() {
  "$ROOT/.venv/bin/python" - "$ROOT/pyproject.toml" <<'EOF'
import re, sys, tomllib
with open(sys.argv[1], "rb") as f:
    deps = tomllib.load(f)["project"]["dependencies"]
for dep in deps:
    m = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)(\[[^\]]*\])?\s*>=\s*([^,;\s]+).*", dep)
    if not m:
        sys.exit(f"[min] dependensi tanpa batas bawah >=: {dep!r}")
    print(f"{m.group(1)}=={m.group(3)}")
EOF
}

wanted="$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)"
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$wanted" ]; then
  rm -rf "$VENV"
  "$("$ROOT/.venv/bin/python" -c 'import sys; print(sys._base_executable)')" -m venv "$VENV"
  pins >"$VENV/batas-bawah.txt"
  echo "[min] memasang batas bawah:" $(cat "$VENV/batas-bawah.txt")
  (cd "$ROOT" && "$VENV/bin/python" -m pip install -q -c "$VENV/batas-bawah.txt" -e '.[test]' </dev/null)
  echo "$wanted" >"$STAMP"
fi

# Every pinned version must really be the one installed (pip could have been overruled by another constraint).
"$VENV/bin/python" - "$VENV/batas-bawah.txt" <<'EOF'
import sys
from importlib.metadata import version
from packaging.version import Version  # 1.9 and 1.9.0 are one version (PEP 440), as pip installed it
bad = []
for line in open(sys.argv[1]):
    name, want = line.strip().split("==")
    if Version(version(name)) != Version(want):
        bad.append(f"{name}: ingin {want}, terpasang {version(name)}")
if bad:
    sys.exit("[min] versi tidak sesuai: " + "; ".join(bad))
EOF

cd "$ROOT"
exec "$VENV/bin/python" -m pytest -p no:cacheprovider --ignore=tests/browser "$@"
