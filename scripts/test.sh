#!/usr/bin/env bash
# Set up (idempotent, fast when nothing is missing), then run the whole pytest suite, browser tests included.
# Extra arguments go to pytest; pytest's exit code is this script's exit code.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/setup.sh"
cd "$ROOT"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# Two pytest workers (pytest-xdist), one test file at a time each: a file's module and package fixtures (chromium for
# the browser tests) are made once per worker, and the browser tests' built site once per run (a file lock in
# tests/browser/conftest.py). On a 2-core machine the suite took 13 min 16 s against 16 min 48 s in one process, in
# the same hour. LKJIP_TEST_WORKERS=0 runs everything in one process (pdb, -s output).
exec "$ROOT/.venv/bin/python" -m pytest -n "${LKJIP_TEST_WORKERS:-2}" --dist loadfile "$@"
