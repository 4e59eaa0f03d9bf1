# The two commands a newcomer needs are `make run` and `make test` (see README.md).
.PHONY: setup run train validate lint unit test evaluate bench clean constraints

PY := .venv/bin/python
export RASA_TELEMETRY_ENABLED := false
# Development and demos: an empty provider directory gets the made-up ESIMERKKI sample besides
# the national channels. A deployment runs `python -m bot run` without it (README, "Settings").
export DIGITUKI_PROVIDER_SAMPLE := 1

setup:
	@scripts/setup.sh

run: setup
	$(PY) -m bot run

train: setup
	$(PY) -m bot train

validate: setup
	.venv/bin/python -m bot validate

lint: setup
	.venv/bin/ruff check . && .venv/bin/ruff format --check .

unit: setup
	.venv/bin/pytest -q -m "not slow"

evaluate: train
	$(PY) -m bot evaluate nlu
	$(PY) -m bot evaluate triage
	$(PY) -m bot evaluate triage --language sv
	$(PY) -m bot evaluate triage --language en
	$(PY) -m bot evaluate triage --data evaluation/triage_sv_blind2.jsonl
	$(PY) -m bot evaluate triage --data evaluation/triage_en_blind2.jsonl
	$(PY) -m bot evaluate triage --data evaluation/triage_sv_blind3.jsonl
	$(PY) -m bot evaluate triage --data evaluation/triage_en_blind3.jsonl
	$(PY) -m bot evaluate triage --data evaluation/dev.jsonl
	$(PY) -m bot evaluate conversations
	$(PY) -m bot evaluate conversations --set sv
	$(PY) -m bot evaluate conversations --set en
	$(PY) -m bot evaluate conversations --set dev
	$(PY) -m bot evaluate conversations --set dev2
	$(PY) -m bot evaluate conversations --set dev3
	$(PY) -m bot evaluate conversations --set dev4
	$(PY) -m bot evaluate conversations --set dev5
	$(PY) -m bot evaluate conversations --set blind
	$(PY) -m bot evaluate conversations --set sv_blind
	$(PY) -m bot evaluate conversations --set en_blind

bench: setup
	$(PY) scripts/bench_providers.py

test:
	@scripts/test.sh

constraints:
	scripts/compile_constraints.sh

clean:
	rm -rf models/*.tar.gz models/evaluation results .pytest_cache
