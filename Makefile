# Mizan: `make run` serves the platform with demo data; `make test` runs the whole suite.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export DJANGO_SETTINGS_MODULE := mizan.settings

.PHONY: run test test-postgres test-reliability lint format keys setup migrate demo messages clean

$(BIN)/python:
	@command -v $(PY) >/dev/null 2>&1 || { echo "Python 3.11 is required ($(PY) not found)"; exit 1; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

setup: $(VENV)/.installed

keys: setup
	$(BIN)/python -m mizan.lib.keyfiles var/keys

migrate: keys
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py seed_demo --if-empty
	$(BIN)/python manage.py seed_followup_demo --if-empty

run: demo
	$(BIN)/python manage.py collectstatic --noinput -v0
	$(BIN)/python -m mizan.serve --port $(PORT)

# The suite on two worker processes (pytest-xdist), each with its own var folder, MEDIA_ROOT and
# test databases (tests/plugin_env.py); --dist loadfile keeps each test file on one worker, so
# module and session fixtures (the matrices' worlds, the backup tests' sites) are built once.
# `pytest tests/x.py` alone still runs in one process; PYTEST_XDIST= (empty) runs `make test` so.
PYTEST_XDIST ?= -n 2 --dist loadfile
test: setup
	$(BIN)/python -m pytest $(PYTEST_XDIST)

test-postgres: setup
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} $(BIN)/python -m pytest $(PYTEST_XDIST)

# Kill-and-restart, concurrent officers and a short bounded load test against the real server,
# on SQLite and then on PostgreSQL (slow: not part of `make test`, which skips the marker).
test-reliability: setup
	env -u DATABASE_URL $(BIN)/python -m pytest tests/reliability -m reliability
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} $(BIN)/python -m pytest tests/reliability -m reliability
	env -u DATABASE_URL $(BIN)/python bench/load.py --duration 15 --check
	$(BIN)/python bench/load.py --duration 15 --check --database-url $${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}

lint: keys
	$(BIN)/ruff check mizan tests bench
	$(BIN)/python manage.py makemigrations --check --dry-run

format: setup
	$(BIN)/ruff format mizan tests

messages: setup
	cd mizan && ../$(BIN)/python ../manage.py makemessages -l ar -l fr -l en --no-obsolete
	cd mizan && ../$(BIN)/python ../manage.py compilemessages

clean:
	rm -rf $(VENV) var test-output
