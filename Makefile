# qawl: `make run` and `make test` work on a fresh clone; `make help` lists the rest.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NOTEBOOKS := $(filter-out %.nbval.ipynb,$(wildcard notebooks/[0-9][0-9]_*.ipynb))
CORPUS ?= seeds
LIMIT ?=
WORKERS ?=
RUN_ID := $(shell date +%Y%m%d-%H%M%S)
SHARED ?= ../shared

.DEFAULT_GOAL := help
.PHONY: help setup lock browser run test unit nbval strip claims benchmarks bench-ner bench-quotes bench-stance bench-speed train-ner train-ner-lstm finetune-ner clean-outputs

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'
	@echo "  variables: CORPUS=path (default seeds), LIMIT=N, WORKERS=N (default all cores), SHARED=../shared"

$(STAMP): requirements.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $(STAMP)

setup: $(STAMP) ## create .venv if missing and install requirements.txt

# Rewrites requirements.txt only (its comment lines are kept).
lock: setup ## re-pin requirements.txt to what .venv holds (after a change to the dependencies in pyproject.toml, which setup installs)
	@{ grep '^#' requirements.txt; $(PY) -m pip freeze --all --exclude-editable | grep -v '^pip==' | sed 's/^torch==\([0-9.]*\)+cpu$$/torch==\1/'; echo "-e ."; } > requirements.txt.new
	@mv requirements.txt.new requirements.txt
	@echo "requirements.txt: $$(grep -c '^[^#].*==' requirements.txt) pinned packages"

run: setup strip ## execute every notebook on $(CORPUS) into outputs/<run_id>/ (prints report path)
	$(PY) -m qawl run --corpus $(CORPUS) --out outputs/$(RUN_ID)_$(notdir $(CORPUS)) $(if $(LIMIT),--limit $(LIMIT),) $(if $(WORKERS),--workers $(WORKERS),)

browser: ## install Debian's chromium for the browser test when possible (needs root; else the test skips)
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { test "$$(id -u)" = 0 && command -v apt-get >/dev/null 2>&1 && \
	    (apt-get install -y -qq chromium >/dev/null 2>&1 || \
	     (apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq chromium >/dev/null 2>&1)); } || \
	  echo "chromium not installed (needs root and apt-get): tests/test_browser.py will skip"

test: setup strip browser unit nbval ## unit tests (with the browser test when chromium is there), then nbval on the notebooks

unit: setup ## the pytest suite (package, CLI, smoke tests on ../shared when present)
	QAWL_SHARED=$(SHARED) MPLBACKEND=Agg $(PY) -m pytest -q tests

# The git-ignored notebooks/*.nbval.ipynb copies write into outputs/nbval-<time>/, which
# apply creates (an existing folder is refused); nothing else is deleted or overwritten.
nbval: setup ## run the notebooks under nbval into a new outputs/nbval-<time>/ (lax; the claims in tests/notebook_claims.json are checked)
	$(PY) tools/strip_notebooks.py apply --output-dir outputs/nbval-$(RUN_ID) $(NOTEBOOKS)
	MPLBACKEND=Agg $(PY) -m pytest -q --nbval-lax --nbval-sanitize-with tests/nbval_sanitize.cfg -p no:randomly $(NOTEBOOKS:.ipynb=.nbval.ipynb)

strip: setup ## strip every notebook output (outputs stay out of git)
	@$(PY) tools/strip_notebooks.py strip $(NOTEBOOKS)

claims: setup ## refresh tests/notebook_claims.json from a new run on seeds/ in outputs/claims-<time>/
	$(PY) -m qawl run --corpus seeds --out outputs/claims-$(RUN_ID)
	$(PY) tools/strip_notebooks.py save outputs/claims-$(RUN_ID) $(NOTEBOOKS)

benchmarks: bench-ner bench-quotes bench-stance ## every quality benchmark (needs ../shared)

bench-ner: setup ## NER P/R/F1 on ANERcorp, AQMAR, Wojood; speed and model size
	$(PY) benchmarks/ner.py

bench-quotes: setup ## quote detection, speaker, type, cue and end-to-end scores on the gold
	$(PY) benchmarks/quotes.py

bench-stance: setup ## stance P/R/F1 on the gold
	$(PY) benchmarks/stance.py

bench-speed: setup ## words/s per stage, then qawl run on SaudiNewsNet + ANT (37,162 articles; about 20 minutes)
	$(PY) benchmarks/speed.py stages --limit 1000
	$(PY) benchmarks/speed.py run --tag full
	$(PY) benchmarks/speed.py plot

train-ner: setup ## retrain the built-in CRF tagger (seeded, about 15 minutes)
	$(PY) -m qawl.entities.train

train-ner-lstm: setup ## retrain the default BiLSTM-CRF ensemble and its corpus language model (seeded, about 17 minutes)
	$(PY) -m qawl.entities.train_neural

finetune-ner: setup ## fine-tune the BiLSTM-CRF ensemble on the dev part's gold entities (the shipped model; seeded, about 13 minutes)
	mkdir -p build/ner_base
	git show d31e2e6:src/qawl/models/ner_lstm.pt > build/ner_base/ner_lstm.pt
	git show d31e2e6:src/qawl/models/ner_lstm.json.gz > build/ner_base/ner_lstm.json.gz
	$(PY) -m qawl.entities.finetune --base build/ner_base --split benchmarks/split.json --part dev \
		--shared $(SHARED) --out src/qawl/models --epochs 3 \
		--exclude $(foreach k,105 106 107 108 109 110 111 112 113 114 115 116 117 118 119 120 121 122 123 124 125 126 127 128 129 130 131 132 133 134 135 136 137 138 139 140 141 142 143 144,benchmarks/audit$(k)_gold.json) --gold $$($(PY) -c "import sys; sys.path[:0] = ['.', 'src']; \
		from pathlib import Path; from benchmarks.scoring import gold_paths; print(*gold_paths(Path('$(SHARED)')))")

# The one target that deletes what it did not create: only when asked for by name.
clean-outputs: ## delete every run folder under outputs/ (your runs too; asked for by name only)
	find outputs -mindepth 1 -maxdepth 1 ! -name .gitkeep -exec rm -rf {} +
