#!/usr/bin/env bash
# Set up (idempotent, fast when nothing is missing), then run the whole pytest suite, browser tests included.
# Extra arguments go to pytest; pytest's exit code is this script's exit code.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/setup.sh"
cd "$ROOT"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
exec "$ROOT/.venv/bin/python" -m pytest "$@"
