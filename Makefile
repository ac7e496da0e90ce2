# vusta_party — see README.md. Every target installs what it needs into .venv first.
# The Debian packages they need are in scripts/debian-packages.txt
# (scripts/install-system-packages.sh installs them).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RUNTIME_STAMP := $(VENV)/.installed-runtime
DEV_STAMP := $(VENV)/.installed-dev
HOST_PORT ?= 127.0.0.1:8000
# Test processes in parallel (pytest-xdist): one per core.
TEST_WORKERS ?= auto
PYTEST_ARGS ?=

.PHONY: install install-runtime run test test-fast test-postgres lint format check ci clean bench bench-postgres load

install-runtime: $(RUNTIME_STAMP)
install: $(DEV_STAMP)

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -qq --upgrade pip

# What the app needs to run (make run).
$(RUNTIME_STAMP): requirements.txt | $(PY)
	$(PY) -m pip install -qq -r requirements.txt
	touch $(RUNTIME_STAMP)

# And the tools to test and check it.
$(DEV_STAMP): requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install -qq -r requirements-dev.txt
	touch $(RUNTIME_STAMP) $(DEV_STAMP)

run: install-runtime
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py seed_demo --if-empty
	DEBUG=1 $(PY) manage.py create_demo_user
	@echo "Mở http://$(HOST_PORT)/ trong trình duyệt (Ctrl+C để dừng)."
	DEBUG=1 $(PY) manage.py runserver $(HOST_PORT)

test: install
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# Without the tests that render PDFs or drive a browser: needs neither WeasyPrint nor Chromium.
test-fast: install
	$(PY) -m pytest -n $(TEST_WORKERS) -m "not slow and not e2e" $(PYTEST_ARGS)

test-postgres: install
	scripts/with-postgres.sh $(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports

format: install
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

# Migrations are complete and the production settings pass Django's deployment checks.
check: install
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run
	DEBUG=0 SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" \
		ALLOWED_HOSTS=dangbo.example.vn $(PY) manage.py check --deploy --fail-level WARNING

ci:
	bash .ci/run

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache

# Speed on demo registers of 10,000 and 100,000 members (made once into bench-results/).
bench: install
	$(PY) bench/run.py

# The same on a throwaway PostgreSQL with 100,000 and 1,000,000 members (seeded in bulk).
bench-postgres: install
	scripts/with-postgres.sh $(PY) bench/run.py --postgres

# Load: gunicorn (4 workers) on a throwaway PostgreSQL with 100,000 demo members, 50 simulated
# staff for 60 s; prints requests per second, p50/p95/p99 latency and errors per kind of page.
load: install
	PY=$(PY) scripts/with-postgres.sh scripts/load-run.sh
