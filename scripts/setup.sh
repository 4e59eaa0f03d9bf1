#!/usr/bin/env bash
# Idempotent set-up: Python 3.10, the Voikko packages, .venv with pinned dependencies, and for
# the browser tests (tests/browser) Debian's Chromium and axe-core from the npm registry.
# Safe to run every time: each step does nothing when it is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[setup] %s\033[0m\n' "$*" >&2; exit 1; }

source scripts/python.sh

missing_packages() {
  local package
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || printf '%s\n' "$package"
  done
}

# Voikko is needed to run the assistant; Chromium only by the browser tests, which Playwright
# drives at /usr/bin/chromium (no browser is ever downloaded).
ensure_debian_packages() {
  local needed=() browser=()
  mapfile -t needed < <(missing_packages libvoikko1 voikko-fi)
  mapfile -t browser < <(missing_packages chromium)
  local missing=("${needed[@]}" "${browser[@]}")
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    [ ${#needed[@]} -eq 0 ] || die "Voikko is missing. Install libvoikko and the Finnish dictionary (voikko-fi) with your system's package manager."
    say "Chromium is missing: the browser tests (tests/browser) need it at /usr/bin/chromium."
    return 0
  fi
  if [ "$(id -u)" -eq 0 ]; then
    say "Installing ${missing[*]} (Finnish morphology for the NLU; Chromium for the browser tests)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  elif [ ${#needed[@]} -gt 0 ]; then
    die "Missing Debian packages: ${missing[*]}. Run: sudo apt-get install -y ${missing[*]}"
  else
    say "Chromium is missing; the browser tests need it. Run: sudo apt-get install -y chromium"
  fi
}

# axe-core (tests/browser/package-lock.json), installed again only when the lock file changes.
ensure_browser_test_tools() {
  local dir=tests/browser
  local stamp=$dir/node_modules/.installed-from
  local want; want=$(sha256sum "$dir/package-lock.json" | cut -c1-16)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  if ! command -v npm >/dev/null 2>&1; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
      say "Installing npm (for axe-core in the browser tests)"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
    else
      say "npm is missing; the browser tests need axe-core. Run: sudo apt-get install -y nodejs npm"
      return 0
    fi
  fi
  say "Installing axe-core for the browser tests (npm ci in $dir)"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$want" > "$stamp"
}

ensure_venv() {
  local python="$1"
  local stamp=.venv/.installed-from
  local want; want=$(cat pyproject.toml requirements/constraints.txt | sha256sum | cut -c1-16)
  if [ -x .venv/bin/python ] && ! python_ok .venv/bin/python; then
    say "Removing .venv: it was made with an unsupported Python"; rm -rf .venv
  fi
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  [ -x .venv/bin/python ] || { say "Creating .venv with $("$python" --version)"; "$python" -m venv .venv; }
  say "Installing pinned dependencies into .venv (first time: a few minutes, ~2.7 GB)"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -c requirements/constraints.txt -e ".[dev]"
  echo "$want" > "$stamp"
}

ensure_debian_packages
PYTHON_BIN=$(find_python) || die "Python 3.10 is needed (Rasa 3.6 does not run on 3.11; the pinned constraints are compiled for 3.10). Install it, e.g. 'pyenv install 3.10.13' or 'sudo apt-get install python3.10 python3.10-venv', or set PYTHON=/path/to/python3.10."
ensure_venv "$PYTHON_BIN"
ensure_browser_test_tools
.venv/bin/python -c 'import libvoikko; libvoikko.Voikko("fi")' \
  || die "Voikko is installed but its Finnish dictionary cannot be loaded (package voikko-fi)."
say "Ready: $(.venv/bin/python --version), Rasa $(.venv/bin/python -c 'import rasa; print(rasa.__version__)' 2>/dev/null)"
