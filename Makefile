# regioreg — two commands: `make run` (serve on SQLite with the real reference data) and
# `make test` (the whole suite against a throwaway PostgreSQL and a real Chromium).
# Both install what they need themselves.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test demo bench belasting install lint format migrate schema schermafdrukken clean help

help:
	@echo "make run    - start regioreg op http://$(HOST):$(PORT) (SQLite, referentiedata geladen)"
	@echo "make test   - alle controles en tests tegen een tijdelijke PostgreSQL"
	@echo "make bench  - meet de snelheid op landelijke schaal (docs/performance.md)"
	@echo "make belasting - belastingtest: twee app-servers, Redis, cache aan/uit (docs/belasting.md)"
	@echo "make demo   - start een demo met synthetische gegevens op landelijke schaal"
	@echo "make format - code formatteren met ruff"
	@echo "make schema - docs/openapi.yaml opnieuw genereren na een API-wijziging"
	@echo "make schermafdrukken - de afbeeldingen in docs/img/ opnieuw maken (browsertests)"

$(BIN)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@

# Front-end packages (NL Design System CSS, axe-core for the browser tests), pinned in
# package-lock.json; served as our own static files, never committed.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

install: $(BIN)/.installed node_modules/.package-lock.json

# As production for a visitor (DEBUG off: Dutch 404/403/500 pages, static files collected and
# served by WhiteNoise) but over plain http on this machine; DEBUG=true make run for Django's
# technical error pages.
run: install
	DEBUG=$${DEBUG:-false} ./scripts/run.sh $(HOST) $(PORT)

test: install
	./scripts/test.sh $(ARGS)

# Latency and throughput on national-scale synthetic data; writes docs/performance.md.
bench: install
	./scripts/bench.sh

# Load test: two app servers behind haproxy, one PostgreSQL, one Redis; reads and writes with wrk,
# cache on and off, Redis stopped halfway; writes docs/belasting.md.
belasting: install
	./scripts/belasting.sh

# A separate SQLite database with synthetic national-scale data (every page says so).
demo: install
	./scripts/demo.sh $(HOST) $(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

schermafdrukken: install
	REGIOREG_SCHERMAFDRUKKEN=1 ./scripts/test.sh tests/samenwerking/test_werkplek_browser.py \
		tests/raad/test_openbare_paginas_browser.py

schema: install
	SECRET_KEY=$${SECRET_KEY:-alleen-voor-het-schema} $(BIN)/python manage.py spectacular \
		--validate --fail-on-warn --file docs/openapi.yaml

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache regioreg.sqlite3 demo.sqlite3
