# One command to run, one to test. Everything installs itself into .venv.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app assessment
PORT ?= 5000
WORKERS ?= 4
GUNICORN_CONFIG := python:assessment.web.gunicorn_config
STAMP := $(VENV)/.installed

.PHONY: run deploy serve test lint install system-deps fonts translations bench screenshots clean

$(STAMP): requirements.txt requirements-dev.txt setup.cfg
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -r requirements-dev.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

## make run: database up to date, shipped bank loaded, demo event, then serve on $(PORT)
run: install
	ASSESSMENT_PORT=$(PORT) $(FLASK) setup
	ASSESSMENT_PORT=$(PORT) $(BIN)/gunicorn --config $(GUNICORN_CONFIG) --workers 2 --threads 4 \
		--bind 0.0.0.0:$(PORT) --access-logfile - 'assessment:create_app()'

## make deploy: once per release, before the servers start: upgrade the database, load the
## shipped banks (several hosts at once is safe: they take turns on a PostgreSQL lock)
deploy: install
	$(FLASK) db-deploy

## make serve: production server with several workers (set ASSESSMENT_DATABASE_URL for PostgreSQL);
## it does not touch the schema: run `make deploy` first after each upgrade
serve: install
	$(BIN)/gunicorn --config $(GUNICORN_CONFIG) --workers $(WORKERS) --bind 0.0.0.0:$(PORT) \
		--access-logfile - 'assessment:create_app()'

## make test: Debian chromium and a Thai font when missing, then the whole suite on SQLite,
## then again on PostgreSQL (browser tests excepted) when TEST_DATABASE_URL or a local server answers
test: install system-deps
	$(BIN)/ruff check assessment tests benchmarks migrations tools
	env -u TEST_DATABASE_URL $(BIN)/pytest -q
	@. .ci/postgres.sh || exit 1; url=$$($(BIN)/python .ci/pg_probe.py) || exit 1; \
	if [ -n "$$url" ]; then \
	  echo "== the suite again on PostgreSQL at $${url##*@}"; \
	  TEST_DATABASE_URL="$$url" $(BIN)/pytest -q -m "not browser" -p no:cacheprovider; \
	else echo "== no PostgreSQL reachable: SQLite only (see .ci/postgres.sh)"; fi

## Debian packages the tests use: chromium and a Thai font (browser tests), nginx and
## redis-server (the two-server test); PostgreSQL is set up by .ci/postgres.sh in `make test`
system-deps:
	@bash .ci/system-deps.sh
	@bash .ci/topology-deps.sh || echo "no nginx/redis-server: the two-server test is skipped" >&2

lint: install
	$(BIN)/ruff check assessment tests benchmarks migrations tools

## make translations: extract and compile the Thai catalogue
translations: install
	$(BIN)/pybabel extract -F babel.cfg -k _l -k N_ -o assessment/translations/messages.pot assessment
	$(BIN)/pybabel update -i assessment/translations/messages.pot -d assessment/translations -l th
	$(BIN)/pybabel compile -d assessment/translations

## make fonts: the subset of Sarabun (Thai + Latin) the pages serve
fonts: install
	for w in 400:Regular 700:Bold; do \
	  $(BIN)/pyftsubset $$($(BIN)/python -c "import fontpkg_sarabun,os;print(os.path.dirname(fontpkg_sarabun.__file__))")/files/Sarabun-$${w#*:}.ttf \
	    --unicodes="U+0020-007E,U+00A0-00FF,U+0E00-0E7F,U+2010-2027,U+2030-2044,U+20AC,U+2122,U+2190-2193,U+2212,U+2713,U+2715" \
	    --layout-features='*' --flavor=woff2 --output-file=assessment/static/fonts/sarabun-$${w%%:*}.woff2; \
	done

bench: install
	$(BIN)/python benchmarks/page_weight.py

## make screenshots: the PNGs in the Thai guides (docs/images/), remade from the running app
screenshots: install system-deps
	$(BIN)/python tools/screenshots.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache test-artifacts
