# media-framing: `make report` builds the study, `make test` checks it.
# With no virtual or conda environment active, both create .venv from
# requirements.lock first; with one active (conda env create -f environment.yml,
# then conda activate media-framing), they use it.

SHELL := /bin/bash
PYTHON ?= python3
DEFAULT_CORPUS := data/raw/trump-putin-call-2025-02-12
CORPUS ?= $(DEFAULT_CORPUS)
CODE ?=
ENGINE ?= single
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]-*.ipynb))

ifneq ($(VIRTUAL_ENV),)
  PY := $(VIRTUAL_ENV)/bin/python
  ENV_READY :=
else ifneq ($(filter-out base,$(CONDA_DEFAULT_ENV)),)
  PY := $(CONDA_PREFIX)/bin/python
  ENV_READY :=
else
  PY := .venv/bin/python
  ENV_READY := .venv/.installed
endif

.PHONY: help env data report test browser lint format validate models local-models lock strip clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 12

env: $(ENV_READY) ## create .venv from requirements.lock (when no environment is active)

.venv/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv .venv
	.venv/bin/python -m pip install --quiet --upgrade "pip==25.3"
	.venv/bin/python -m pip install --quiet --no-deps --require-virtualenv -r requirements.lock
	.venv/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
	.venv/bin/python -m pip check
	touch $@

data: $(ENV_READY) ## analyse CORPUS into data/processed/<corpus name>/ (ENGINE=stream or dask for a large table corpus: <corpus name>-chunked/)
	$(PY) -m analysis run $(CORPUS) --engine $(ENGINE)

report: data local-models ## build every notebook into reports/*.html (code hidden; CODE=1 shows it; executed notebooks kept in reports/notebooks/) with the annotated articles and reports/index.html (CORPUS=path for another corpus, ENGINE=stream or dask to run it in chunks); for the default corpus, rewrite the README's findings
	FRAMING_CORPUS=$(abspath $(CORPUS)) $(PY) -m analysis report $(CORPUS) --engine $(ENGINE) $(if $(CODE),--code,)
	@if [ "$(abspath $(CORPUS))" = "$(abspath $(DEFAULT_CORPUS))" ] && [ "$(ENGINE)" = single ]; then $(PY) -m analysis findings; \
	  else echo "README findings left as they are: they describe the default corpus"; fi

test: $(ENV_READY) browser ## run the test suite (notebooks included; installs Chromium first when missing)
	$(PY) -m pytest

lint: $(ENV_READY) ## check the code's format and lint it (ruff, settings in pyproject.toml)
	$(PY) -m ruff format --check analysis tests benchmarks
	$(PY) -m ruff check analysis tests benchmarks

format: $(ENV_READY) ## format the code and sort its imports (ruff)
	$(PY) -m ruff format analysis tests benchmarks
	$(PY) -m ruff check --select I --fix analysis tests benchmarks

browser: ## install Debian's chromium and chromium-driver when missing (the browser test drives them; sudo when not root)
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then exit 0; fi; \
	if ! command -v apt-get >/dev/null; then \
	  echo "error: the browser test needs Chromium and chromedriver; install them with your system's package manager" >&2; exit 1; fi; \
	SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO="sudo"; \
	echo "installing Debian's chromium and chromium-driver for the browser test"; \
	$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null

validate: $(ENV_READY) ## score every measure against the gold data in FRAMING_DATA_HOME
	$(PY) -m analysis validate segmentation
	$(PY) -m analysis validate tone
	$(PY) -m analysis validate hedging
	$(PY) -m analysis validate loaded
	$(PY) -m analysis validate sources
	$(PY) -m analysis validate across

models: $(ENV_READY) ## refit the committed tone models (analysis/resources/models/) and fit the local hedging and loaded-wording models (models/, not committed) from FRAMING_DATA_HOME
	$(PY) -m analysis fit tone
	$(PY) -m analysis fit target-tone
	$(PY) -m analysis fit hedging
	$(PY) -m analysis fit loaded

local-models: $(ENV_READY) ## fit the local hedging and loaded-wording models when missing and the data home has their data
	$(PY) -m analysis fit hedging --if-missing
	$(PY) -m analysis fit loaded --if-missing

lock: ## re-pin every dependency from pyproject.toml into requirements.lock and environment.yml
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade "pip==25.3" setuptools wheel
	.lock-venv/bin/python -m pip install --quiet ".[dev]"
	{ echo "# Every package of the environment, pinned (setuptools and wheel build the kit itself)."; \
	  echo "# Written by 'make lock'; do not edit."; \
	  .lock-venv/bin/python -m pip freeze --all --exclude media-framing --exclude pip | LC_ALL=C sort -f; } > requirements.lock
	{ echo "# Written by 'make lock' from requirements.lock; do not edit."; \
	  echo "name: media-framing"; echo "channels:"; echo "  - conda-forge"; echo "dependencies:"; \
	  echo "  - python=$$(.lock-venv/bin/python -c 'import platform; print(platform.python_version())')"; \
	  echo "  - pip=25.3"; echo "  - pip:"; \
	  grep -v '^#' requirements.lock | sed 's/^/      - /'; echo "      - -e ."; } > environment.yml
	rm -rf .lock-venv

strip: $(ENV_READY) ## remove outputs from the notebooks before committing
	$(PY) -m jupyter nbconvert --clear-output --inplace $(NOTEBOOKS)

clean: ## remove build outputs (reports, figures, processed data)
	rm -rf reports/*.html reports/articles figures/*.png figures/*.svg figures/*.csv data/processed/*/ data/interim/*/ build/browser
