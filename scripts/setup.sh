#!/usr/bin/env bash
# Idempotent set-up: Python 3.10, the Voikko packages, and .venv with pinned dependencies.
# Safe to run every time: each step does nothing when it is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[setup] %s\033[0m\n' "$*" >&2; exit 1; }

source scripts/python.sh

ensure_debian_packages() {
  local missing=()
  for package in libvoikko1 voikko-fi; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    die "Voikko is missing. Install libvoikko and the Finnish dictionary (voikko-fi) with your system's package manager."
  fi
  if [ "$(id -u)" -eq 0 ]; then
    say "Installing ${missing[*]} (Finnish morphology for the NLU)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    die "Missing Debian packages: ${missing[*]}. Run: sudo apt-get install -y ${missing[*]}"
  fi
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
.venv/bin/python -c 'import libvoikko; libvoikko.Voikko("fi")' \
  || die "Voikko is installed but its Finnish dictionary cannot be loaded (package voikko-fi)."
say "Ready: $(.venv/bin/python --version), Rasa $(.venv/bin/python -c 'import rasa; print(rasa.__version__)' 2>/dev/null)"
