#!/usr/bin/env bash
# Everything CI checks, in the order a failure is cheapest to find.
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2
# The tests and evaluations use the shipped ESIMERKKI sample providers (off by default).
export DIGITUKI_PROVIDER_SAMPLE=1

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

scripts/setup.sh

step "lint (ruff)"
.venv/bin/ruff check .
.venv/bin/ruff format --check .

step "validate domain and training data (Rasa validator, strict)"
.venv/bin/python -m bot validate

step "train (only if config, domain, data or pipeline code changed)"
.venv/bin/python -m bot train

step "tests (unit, components, actions, conversations, databases)"
.venv/bin/pytest -q

step "NLU evaluation on held-out messages, against the baseline"
.venv/bin/python -m bot evaluate nlu --strict

step "triage evaluation on held-out messages"
.venv/bin/python -m bot evaluate triage --no-regression

step "triage evaluation on the Swedish and English held-out messages"
.venv/bin/python -m bot evaluate triage --language sv --no-regression
.venv/bin/python -m bot evaluate triage --language en --no-regression

step "conversation evaluation: whole scripted conversations through the assistant"
.venv/bin/python -m bot evaluate conversations --no-regression

step "conversation evaluation in Swedish and English (whole conversations, answers in the person's language)"
.venv/bin/python -m bot evaluate conversations --set sv --no-regression
.venv/bin/python -m bot evaluate conversations --set en --no-regression

step "triage evaluation on the second Swedish and English sets, now used to find errors (report only)"
.venv/bin/python -m bot evaluate triage --data evaluation/triage_sv_blind2.jsonl
.venv/bin/python -m bot evaluate triage --data evaluation/triage_en_blind2.jsonl

step "triage evaluation on the third Swedish and English sets, blind (report only)"
.venv/bin/python -m bot evaluate triage --data evaluation/triage_sv_blind3.jsonl
.venv/bin/python -m bot evaluate triage --data evaluation/triage_en_blind3.jsonl

step "triage evaluation on the second, independently written set (report only)"
.venv/bin/python -m bot evaluate triage --data evaluation/dev.jsonl

step "conversation evaluation on the second, independently written set (report only)"
.venv/bin/python -m bot evaluate conversations --set dev

step "conversation evaluation on the third set, written apart (report only)"
.venv/bin/python -m bot evaluate conversations --set dev2
.venv/bin/python -m bot evaluate conversations --set dev3
.venv/bin/python -m bot evaluate conversations --set dev4
.venv/bin/python -m bot evaluate conversations --set dev5

step "conversation evaluation on the seventh, blind set (report only; never used to choose a fix)"
.venv/bin/python -m bot evaluate conversations --set blind

step "Swedish and English conversations written apart, blind (report only)"
.venv/bin/python -m bot evaluate conversations --set sv_blind
.venv/bin/python -m bot evaluate conversations --set en_blind
