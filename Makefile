# vusta_party — see README.md. Every target installs what it needs into .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST_PORT ?= 127.0.0.1:8000
PYTEST_ARGS ?=

.PHONY: install run test test-fast test-postgres lint format check ci clean bench load

install: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -qq --upgrade pip
	$(PY) -m pip install -qq -r requirements-dev.txt
	touch $(STAMP)

run: install
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py seed_demo --if-empty
	DEBUG=1 $(PY) manage.py create_demo_user
	@echo "Mở http://$(HOST_PORT)/ trong trình duyệt (Ctrl+C để dừng)."
	DEBUG=1 $(PY) manage.py runserver $(HOST_PORT)

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

test-fast: install
	$(PY) -m pytest -m "not slow and not e2e" $(PYTEST_ARGS)

test-postgres: install
	scripts/with-postgres.sh $(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

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

# Load: gunicorn (4 workers) on a throwaway PostgreSQL with 100,000 demo members, 50 simulated
# staff for 60 s; prints requests per second, p50/p95/p99 latency and errors per kind of page.
load: install
	PY=$(PY) scripts/with-postgres.sh scripts/load-run.sh
