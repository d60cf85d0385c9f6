# Every set-up step lives here: a fresh clone needs only `make run` or `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Two workers on the two cores; `make test PYTEST_ARGS=` runs serially.
PYTEST_ARGS ?= -n 2

.PHONY: run test lint bench install browser-deps setup-db clean backup restore soak

$(VENV)/.installed: requirements.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 wird benötigt ($(PYTHON) nicht gefunden)."; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

install: $(VENV)/.installed

setup-db: install
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo_content
	$(MANAGE) setup_editorial --demo-users
	$(MANAGE) ensure_admin

run: setup-db
	@echo "Server: http://$(HOST):$(PORT)/  (Admin: http://$(HOST):$(PORT)/admin/)"
	$(MANAGE) runserver $(HOST):$(PORT)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Browser tests need Debian's chromium and the axe-core npm package; install them where we can (root).
browser-deps:
	@if ! command -v chromium >/dev/null 2>&1; then \
		if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
			echo "Installiere chromium (apt-get) ..."; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "WARNUNG: chromium fehlt und kann nicht installiert werden; Browser-Tests werden übersprungen."; \
		fi; \
	fi
	@if [ ! -f node_modules/axe-core/axe.min.js ] && command -v npm >/dev/null 2>&1; then \
		npm install --no-audit --no-fund --silent; \
	fi

test: install browser-deps
	@$(PY) -c "import os; print('Datenbank für Tests:', os.environ.get('DATABASE_URL') or 'SQLite (DATABASE_URL nicht gesetzt)')"
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# Benchmarks need wrk (Debian) and use PostgreSQL (database staedtenetz_bench) and Redis when reachable.
bench: install
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = "0" ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } || { echo "wrk fehlt und kann nicht installiert werden."; exit 1; }
	$(PY) bench/run.py

# Operations (README "Security and operations"): one archive with database dump, media and checksums.
backup: install
	$(MANAGE) backup

# Restores into an EMPTY database (DATABASE_URL) and MEDIA_ROOT: make restore FILE=backups/staedtenetz-backup-….tar.gz
restore: install
	@test -n "$(FILE)" || { echo "Bitte die Sicherung angeben: make restore FILE=backups/staedtenetz-backup-….tar.gz"; exit 1; }
	$(MANAGE) restore "$(FILE)"

# 60 s of load at 32 connections on gunicorn while a reviewer publishes; not part of make test.
soak: install
	$(PY) bench/soak.py

clean:
	rm -rf $(VENV) node_modules staticfiles tmp
