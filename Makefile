# Every target bootstraps what it needs: `make serve` and `make test` work on a fresh clone.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: serve site check test generate clean

# The venv is rebuilt whenever the lock file or the package metadata changes.
$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

serve: $(STAMP)  ## Build, serve on http://127.0.0.1:8000 and rebuild on every change
	ATLAS_SITE_URL=http://127.0.0.1:8000/ $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

site: $(STAMP)  ## Strict build into site/
	$(BIN)/mkdocs build --strict --site-dir site

check: $(STAMP)  ## Validate data/, content/ and references.bib
	$(BIN)/atlas check

generate: $(STAMP)  ## Write the generated Markdown pages to build/pages for other engines
	$(BIN)/atlas generate --out build/pages

test: $(STAMP)  ## Every test: unit, fixtures, real strict builds
	$(BIN)/python -m pytest -n 2

clean:
	rm -rf site build .pytest_cache
