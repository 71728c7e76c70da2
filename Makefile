# Newsroom: `make run` serves the demo publication, `make test` runs the whole suite.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
DATA_DIR ?= $(or $(NEWSROOM_DATA_DIR),var)
HOST ?= 127.0.0.1
PORT ?= 8000
VNU_VERSION := 26.9.27
AXE_VERSION := 4.14.1
# Lighthouse 12 is the last line that runs on Node 20 (13 needs Node 22.19).
LIGHTHOUSE_VERSION := 12.8.2
LIGHTHOUSE_PORT ?= 8180

# Finds a Python >= 3.12: $(PYTHON) if given, then python3.x on PATH, then pyenv's and uv's installs.
define find_python
for candidate in $(PYTHON) python3.14 python3.13 python3.12 python3 python \
    $$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.1[2-9]*/bin/python 2>/dev/null | sort -rV) \
    $$(ls -d $$HOME/.local/share/uv/python/cpython-3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
  if command -v "$$candidate" >/dev/null 2>&1 && \
     "$$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
    command -v "$$candidate"; exit 0; \
  fi; \
done; exit 1
endef

.PHONY: help run serve test test-browser bench lighthouse lint format worker clean-data

help:
	@echo "make run     serve the demo publication at http://$(HOST):$(PORT)"
	@echo "make serve   the same in production mode: gunicorn, WhiteNoise, the task worker"
	@echo "make test    install the test tools and run the whole suite"
	@echo "make bench   run the benchmarks"
	@echo "make lighthouse  Lighthouse scores of the demo's main pages (production mode, port $(LIGHTHOUSE_PORT))"
	@echo "make worker  run the task worker alone (make run starts one)"
	@echo "make lint    ruff check and format check"

$(VENV)/.created:
	@python=$$($(find_python)) || { \
	  echo "Newsroom needs Python 3.12 or newer, and none was found." >&2; \
	  echo "Install one (python.org, your package manager, pyenv or uv), or name it: make run PYTHON=/path/to/python3.12" >&2; \
	  exit 1; }; \
	echo "Using $$python ($$($$python --version))"; \
	$$python -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip
	@touch $@

$(VENV)/.runtime: $(VENV)/.created pyproject.toml
	$(PY) -m pip install --quiet .
	@touch $@

$(VENV)/.dev: $(VENV)/.runtime
	$(PY) -m pip install --quiet ".[dev]"
	@touch $@

# The W3C Nu HTML checker for tests/articles/test_html_valid.py (run with the machine's Java).
VNU_JAR := $(VENV)/vnu/node_modules/vnu-jar/build/dist/vnu.jar
$(VNU_JAR):
	@if command -v npm >/dev/null 2>&1; then \
	  npm install --no-save --silent --prefix $(VENV)/vnu vnu-jar@$(VNU_VERSION); \
	else echo "npm not found: the HTML validity test will be skipped."; fi

# axe-core, the accessibility rules tests/browser/test_audits.py runs in Chromium.
AXE_JS := $(VENV)/axe/node_modules/axe-core/axe.min.js
$(AXE_JS):
	@if command -v npm >/dev/null 2>&1; then \
	  npm install --no-save --silent --prefix $(VENV)/axe axe-core@$(AXE_VERSION); \
	else echo "npm not found: the accessibility audit will be skipped."; fi

LIGHTHOUSE := $(VENV)/lighthouse/node_modules/.bin/lighthouse
$(LIGHTHOUSE):
	npm install --no-save --silent --prefix $(VENV)/lighthouse lighthouse@$(LIGHTHOUSE_VERSION)

$(DATA_DIR)/secret_key:
	@mkdir -p $(DATA_DIR)
	@$(PY) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@
	@chmod 600 $@

# Links in emails, feeds and sitemaps point at this server unless SITE_URL says otherwise.
run: export SITE_URL ?= http://$(HOST):$(PORT)
run: $(VENV)/.runtime $(DATA_DIR)/secret_key
	$(PY) manage.py migrate --no-input --verbosity 0
	$(PY) manage.py collectstatic --no-input --verbosity 0
	$(PY) manage.py load_demo --if-empty
	$(PY) manage.py load_demo_editions
	$(PY) manage.py build_renditions
	$(PY) manage.py demo_editor
	$(PY) manage.py schedule_digests
	$(PY) manage.py schedule_retraction_watch
	@echo "Serving http://$(HOST):$(PORT)  (admin: http://$(HOST):$(PORT)/admin/)"
	@# The task worker (newsletter email) runs beside the server and stops with it.
	@$(PY) manage.py db_worker --queue-name '*' --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	$(PY) manage.py runserver $(HOST):$(PORT)

# Production mode on this machine: gunicorn (newsroom/gunicorn.conf.py) and the task worker of
# TASKS_BACKEND beside it; PostgreSQL and Redis when DATABASE_URL and REDIS_URL are set.
ifeq ($(TASKS_BACKEND),rq)
TASK_WORKER = $(PY) manage.py rqworker default email --with-scheduler --job-class django_tasks_rq.Job
else
TASK_WORKER = $(PY) manage.py db_worker --queue-name '*'
endif
serve: export SITE_URL ?= http://$(HOST):$(PORT)
serve: export DJANGO_DEBUG = 0
serve: export GUNICORN_BIND ?= $(HOST):$(PORT)
serve: $(VENV)/.runtime $(DATA_DIR)/secret_key
	$(PY) manage.py migrate --no-input --verbosity 0
	$(PY) manage.py collectstatic --no-input --verbosity 0
	$(PY) manage.py load_demo --if-empty
	$(PY) manage.py build_renditions
	$(PY) manage.py schedule_digests
	@echo "Serving $(SITE_URL) with gunicorn on $(GUNICORN_BIND); Ctrl-C stops it and the worker"
	@$(TASK_WORKER) --verbosity 0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	$(VENV)/bin/gunicorn --config newsroom/gunicorn.conf.py newsroom.wsgi

worker: $(VENV)/.runtime $(DATA_DIR)/secret_key
	$(TASK_WORKER)

# One pytest-xdist worker a core (TEST_WORKERS=0 runs the suite in one process); a test file
# stays on one worker, so its tests share their fixtures and services as they do when run alone.
TEST_WORKERS ?= auto
test: $(VENV)/.dev $(VNU_JAR) $(AXE_JS)
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

test-browser: $(VENV)/.dev $(AXE_JS)
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile -m browser $(PYTEST_ARGS)

bench: $(VENV)/.dev
	$(PY) -m tests.benchmarks $(BENCH_ARGS)

# Not in the test suite (a minute a page): the demo in production mode on its own data folder,
# then Lighthouse in the machine's Chromium, mobile and desktop, printed as a table.
lighthouse: $(VENV)/.runtime $(LIGHTHOUSE)
	$(PY) -m tests.benchmarks.lighthouse --port $(LIGHTHOUSE_PORT) --lighthouse $(LIGHTHOUSE)

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
