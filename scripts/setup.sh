#!/usr/bin/env bash
# Prepare everything lkjip-site needs, on a fresh Debian 12 machine or on one that is already set up.
#
# Why it looks the way it does:
# - It must work unattended (CI runs as root, with no stdin and CI=true), so apt runs non-interactively.
# - It must be fast when nothing is missing (it runs before every build and every test run), so apt is only
#   touched when `dpkg-query` says a package is absent, and pip only runs when pyproject.toml changed since the
#   last successful install (a stamp file inside .venv records its hash).
# - Browser tests drive Debian's chromium; Playwright must never download a browser of its own.
#
# Usage: bash scripts/setup.sh        (from anywhere; works on the repository this script lives in)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
STAMP="$VENV/.lkjip-setup-stamp"

export DEBIAN_FRONTEND=noninteractive
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export PIP_NO_INPUT=1
export PIP_DISABLE_PIP_VERSION_CHECK=1

# Debian packages needed at build or test time:
# - chromium: real-browser tests (Playwright drives /usr/bin/chromium);
# - poppler-utils: pdftoppm/pdftotext, used by the PDF tests;
# - libpango*, libharfbuzz*, libfontconfig1, shared-mime-info: WeasyPrint's system libraries (PDF output);
# - fonts-dejavu-core: a fallback font for glyphs outside the fonts shipped with the theme;
# - default-jre-headless: Java for the Nu HTML Checker (vnu.jar), which the tests run over every page.
# - libreoffice-calc-nogui: a real spreadsheet program, headless, for the workbook tests (a file LibreOffice re-saves
#   must import unchanged; the id-ID number formats must show as 1.234.567) and the guide's pictures
#   (scripts/excel-gambar.py). About 91 MB to download, 281 MB installed, 20-60 s once.
APT_PACKAGES=(
  chromium
  poppler-utils
  libpango-1.0-0
  libpangoft2-1.0-0
  libharfbuzz0b
  libharfbuzz-subset0
  libfontconfig1
  shared-mime-info
  fonts-dejavu-core
  default-jre-headless
  libreoffice-calc-nogui
)

# The Nu HTML Checker, from the npm registry's vnu-jar package (the jar only; it runs on the JRE above). Version 26 or
# later is needed: older checkers reject the CSP keyword 'wasm-unsafe-eval' the search page needs.
VNU_VERSION=26.9.27

log() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] GAGAL: %s\n' "$*" >&2; exit 1; }

# True when the Debian package named $1 is installed.
is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# Run a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n env DEBIAN_FRONTEND=noninteractive "$@"
  else
    die "perlu hak root untuk memasang paket Debian ($*); jalankan sebagai root atau pasang sudo"
  fi
}

# Install the given Debian packages, if any; one `apt-get update` per run at most.
APT_UPDATED=0
apt_install() {
  [ "$#" -gt 0 ] || return 0
  command -v apt-get >/dev/null 2>&1 || die "apt-get tidak ada; pasang manual: $*"
  if [ "$APT_UPDATED" -eq 0 ]; then
    log "apt-get update"
    as_root apt-get update -q </dev/null
    APT_UPDATED=1
  fi
  log "apt-get install $*"
  as_root apt-get install -y -q "$@" </dev/null
}

install_system_packages() {
  local missing=() pkg
  for pkg in "${APT_PACKAGES[@]}"; do
    is_installed "$pkg" || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    apt_install "${missing[@]}"
  fi
  [ -x /usr/bin/chromium ] || die "/usr/bin/chromium tidak ditemukan setelah pemasangan paket chromium"
}

# Print the path of a Python 3.11 interpreter that can create virtual environments, installing Debian's if needed.
find_python() {
  local candidate
  for candidate in "$(command -v python3.11 2>/dev/null || true)" /usr/bin/python3.11; do
    if [ -n "$candidate" ] && [ -x "$candidate" ] && "$candidate" -c 'import ensurepip, venv' >/dev/null 2>&1; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  apt_install python3.11 python3.11-venv >&2
  [ -x /usr/bin/python3.11 ] || die "python3.11 tidak tersedia"
  printf '%s\n' /usr/bin/python3.11
}

# True when .venv exists and its interpreter still runs (a moved or deleted base Python breaks it).
venv_works() {
  [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import sys; assert sys.version_info[:2] == (3, 11)' >/dev/null 2>&1
}

# The stamp: what was installed last time. A change in pyproject.toml means pip must run again.
wanted_stamp() {
  sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1
}

setup_venv() {
  if ! venv_works; then
    local python
    python="$(find_python)"
    log "membuat .venv dengan $python"
    rm -rf "$VENV"
    "$python" -m venv "$VENV"
  fi
  if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$(wanted_stamp)" ] && [ -x "$VENV/bin/lkjip" ] \
      && "$VENV/bin/python" -c 'import lkjip_site, playwright, axe_playwright_python, pytest' >/dev/null 2>&1; then
    return 0
  fi
  log "pip install -e '.[test]'"
  (cd "$ROOT" && "$VENV/bin/python" -m pip install -q -e '.[test]' </dev/null)
  wanted_stamp >"$STAMP"
}

# .venv/vnu/vnu.jar, fetched once with `npm pack` (no Node code runs); the tests never fetch anything.
install_vnu() {
  local dest="$VENV/vnu" tmp
  if [ -f "$dest/vnu.jar" ] && [ "$(cat "$dest/versi" 2>/dev/null)" = "$VNU_VERSION" ]; then
    return 0
  fi
  command -v npm >/dev/null 2>&1 || apt_install npm
  log "npm pack vnu-jar@$VNU_VERSION"
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "vnu-jar@$VNU_VERSION" >/dev/null </dev/null)
  tar -xzf "$tmp"/vnu-jar-*.tgz -C "$tmp"
  mkdir -p "$dest"
  cp "$tmp/package/build/dist/vnu.jar" "$dest/vnu.jar"
  cp "$tmp/package/LICENSE" "$dest/LICENSE"
  printf '%s\n' "$VNU_VERSION" >"$dest/versi"
  rm -rf "$tmp"
}

main() {
  install_system_packages
  setup_venv
  install_vnu
  log "siap"
}

main "$@"
