# Sourced by the set-up scripts: which Python this project runs on, and where to find it.
# shellcheck shell=bash

python_ok() {  # Rasa 3.6.21 needs Python < 3.11; requirements/constraints.txt is compiled for 3.10
  "$1" -c 'import sys, venv; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' 2>/dev/null
}

find_python() {
  local candidates=()
  [ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
  if command -v pyenv >/dev/null 2>&1; then
    local root; root=$(pyenv root)
    for dir in $(ls -d "$root"/versions/3.10.* 2>/dev/null | sort -rV); do
      candidates+=("$dir/bin/python")
    done
  fi
  candidates+=(/usr/bin/python3.10 /usr/local/bin/python3.10 python3.10 python3)
  local candidate
  for candidate in "${candidates[@]}"; do
    if command -v "$candidate" >/dev/null 2>&1 && python_ok "$candidate"; then
      command -v "$candidate"; return 0
    fi
  done
  return 1
}
