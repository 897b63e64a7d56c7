# The two commands a reader needs:
#   make serve   set everything up, then serve the book at http://127.0.0.1:8000
#   make test    set everything up, then run the whole test suite
# And for authors:
#   make generate  run stale snippets, execute stale notebooks (the cache)
#   make build     generate, then build site/ strictly
#   make budget    cold run time per chapter against the time budget
# Set-up is idempotent: a Python 3.11+ virtual environment in .venv with the
# pinned requirements, and the build's Node packages (MathJax, PurgeCSS,
# svgo, axe-core) from npm in node_modules.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Silence the MkDocs 2 / Material end-of-life banner on every build.
export NO_MKDOCS_2_WARNING := 1
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: setup generate serve build test budget clean
.DEFAULT_GOAL := serve

setup: $(STAMP) node_modules/.package-lock.json
	@command -v dot >/dev/null || { echo "Graphviz's dot program is needed \
	for the model diagrams: sudo apt install graphviz (Debian/Ubuntu) or \
	brew install graphviz (macOS), then rerun."; exit 1; }

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), \
	  f"Python 3.11+ is needed, {sys.executable} is {sys.version.split()[0]}"'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@rm -f $(VENV)/.installed-* && touch $@

node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node.js 18+) is needed to \
	draw the math: install Node.js from your package manager, then rerun."; \
	exit 1; }
	npm ci --no-audit --no-fund

generate: setup
	$(BIN)/python -m scripts.generate

serve: generate
	$(BIN)/mkdocs serve

build: generate
	$(BIN)/mkdocs build --strict

budget: setup
	$(BIN)/python -m scripts.budget

test: setup
	$(BIN)/pytest

clean:
	rm -rf site .cache
