# Every target bootstraps what it needs: `make serve` and `make test` work on a fresh clone.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

CHROMIUM ?= /usr/bin/chromium
NODE_STAMP := node_modules/.installed

# ENGINE=properdocs builds and serves with ProperDocs, the maintained fork of MkDocs 1.6.
ENGINE ?= mkdocs

.PHONY: serve site check test test-fast fuzz generate figures clean chromium lighthouse bench firstvisit

# The venv is rebuilt whenever the lock file or the package metadata changes.
$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

# axe-core for the accessibility tests, installed from the lock file (never from a CDN).
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "The browser tests need Node.js and npm: install them (Debian: apt-get install nodejs npm)"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Browser tests drive Debian's Chromium; install it when we can, else say exactly what to do.
chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Chromium for the browser tests (apt-get install chromium)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "The browser tests need Chromium at $(CHROMIUM). Install it with: sudo apt-get install chromium"; exit 1; \
	  fi; \
	fi

serve: $(STAMP)  ## Build, serve on http://127.0.0.1:8000 and rebuild on every change
	ATLAS_SITE_URL=http://127.0.0.1:8000/ $(BIN)/$(ENGINE) serve --dev-addr 127.0.0.1:8000

site: $(STAMP)  ## Strict build into site/
	$(BIN)/$(ENGINE) build --strict --site-dir site

check: $(STAMP)  ## Validate data/, content/ and references.bib
	$(BIN)/atlas check

generate: $(STAMP)  ## Write the generated Markdown pages to build/pages for other engines
	$(BIN)/atlas generate --out build/pages

figures: $(STAMP)  ## Contact sheet of every exercise figure -> build/figures/index.html (open it, look, screenshot)
	$(BIN)/atlas figures --out build/figures

test: $(STAMP) $(NODE_STAMP) chromium  ## Every test: unit, fixtures, real strict builds, real Chromium
	$(BIN)/python -m pytest -n 2 --dist worksteal  # each worker starts on a contiguous half: most files build their sites once

test-fast: $(STAMP)  ## The core's unit tests: a few seconds, no site build, no browser
	$(BIN)/python -m pytest -n 0 tests/unit

FUZZ_EXAMPLES ?= 3000
fuzz: $(STAMP)  ## Long property-based fuzzing of the data schemas and the BibTeX reader (FUZZ_EXAMPLES per property)
	ATLAS_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -n 0 -m fuzz tests/test_fuzz.py --hypothesis-show-statistics

LH_STAMP := bench/lighthouse/node_modules/.installed
$(LH_STAMP): bench/lighthouse/package.json bench/lighthouse/package-lock.json
	cd bench/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

bench: $(STAMP)  ## Benchmark (not a test): build at 100, 500 and 2,000 exercises -> bench/results/
	$(BIN)/python bench/scale.py

firstvisit: $(STAMP) $(NODE_STAMP) chromium  ## Benchmark (not a test): bytes of a first visit and a first search -> bench/results/
	$(BIN)/python bench/firstvisit.py

lighthouse: site $(LH_STAMP) chromium  ## Benchmark (not a test): Lighthouse mobile on five pages -> bench/results/
	$(BIN)/python bench/lighthouse.py site

clean:
	rm -rf site build .pytest_cache
