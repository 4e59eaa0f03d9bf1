#!/usr/bin/env bash
# Recompile requirements/constraints.txt from pyproject.toml with pip-tools, for Python 3.10.
#
# WHY a tool: the constraints pin every package, transitive ones included; written by hand they
# drift from what pyproject.toml asks for and from the Python version set-up installs. pip-compile
# keeps every existing pin it can (the current file is its starting point), so adding one
# dependency changes only what that dependency needs. Upgrade one package on purpose with
# `scripts/compile_constraints.sh --upgrade-package NAME`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/python.sh

PIP_TOOLS_VERSION=7.6.2
TOOLS=.tools/pip-tools
python=$(find_python) || { echo "Python 3.10 is needed to compile the constraints." >&2; exit 1; }
if [ ! -x "$TOOLS/bin/pip-compile" ]; then
  "$python" -m venv "$TOOLS"
  "$TOOLS/bin/python" -m pip install -q "pip-tools==$PIP_TOOLS_VERSION"
fi
"$TOOLS/bin/pip-compile" --quiet --extra dev --strip-extras --allow-unsafe \
  --no-emit-index-url --no-emit-find-links \
  --output-file requirements/constraints.txt "$@" pyproject.toml
echo "requirements/constraints.txt compiled for $("$python" --version)."
