#!/usr/bin/env bash
# Set up (idempotent, fast when nothing is missing), then build the example reports in content/ into build/.
# Extra arguments go to `lkjip build` (e.g. --strict); its exit code is this script's exit code.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/setup.sh"
cd "$ROOT"
exec "$ROOT/.venv/bin/lkjip" build "$@"
