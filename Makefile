# Emancip'Asso hub: `make help` lists the targets.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1:8000
# Links in e-mails point to the address `make run` serves (see SITE_URL in the README).
export SITE_URL ?= http://$(HOST)

.DEFAULT_GOAL := help
.PHONY: help install run worker migrate demo backup restore test test-deploy lint clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed ## Create .venv and install the project with its dev tools

migrate: install ## Create the cache table (used without REDIS_URL; migrate writes to the cache), then migrate
	$(MANAGE) createcachetable
	$(MANAGE) migrate --noinput

demo: migrate ## Load or refresh the demo content on purpose (reverts edits to it) and print the logins
	$(MANAGE) load_demo_content

run: migrate ## Serve http://127.0.0.1:8000 with its task worker (demo loaded only into an empty site)
	$(MANAGE) load_demo_content --if-empty
	@echo "Site : http://$(HOST)/   Administration : http://$(HOST)/admin/"
	@trap 'kill 0' INT TERM EXIT; $(MANAGE) db_worker --interval 2 & $(MANAGE) runserver $(HOST)

backup: install ## Save the database and the uploaded files into backups/emancipasso-<date>.tar.gz
	$(MANAGE) backup_site --dossier backups

restore: install ## Restore ARCHIVE=backups/… into an empty database (createdb first on PostgreSQL)
	@test -n "$(ARCHIVE)" || { echo "Indiquez l'archive : make restore ARCHIVE=backups/emancipasso-….tar.gz"; exit 2; }
	$(MANAGE) restore_site $(ARCHIVE)

worker: install ## Run the task worker alone (e-mail delivery, search indexing)
	$(MANAGE) db_worker

# The suite runs on TEST_PROCESSES workers (pytest-xdist, one test database each; its default
# "load" order keeps the order of tests/conftest.py: tests without a database first, transactional
# tests last). The browser gates run beside it in their own pytest (their own database and live
# server, no transactional test to flush it); their output follows the suite's. On SQLite both
# copy one migrated database and one demo site, built once into a directory made for this
# `make test` by a process started first (tests/databases.py) while the first tests need neither.
# Test modules are not cached as bytecode here (PYTHONDONTWRITEBYTECODE is unset for them):
# pytest rewrites each one for its assertions, about 4 s of CPU per process when not cached.
TEST_PROCESSES ?= auto

test: export PYTHONDONTWRITEBYTECODE =
test: install ## Run the test suite and the browser gates (skipped, with the reason, without Chromium); print the slowest tests
	@templates=$$(mktemp -d); export TEST_DATABASE_TEMPLATES="$$templates"; \
	trap 'kill $$builder $$browser 2>/dev/null; rm -rf "$$templates"' EXIT; trap 'exit 130' INT TERM; \
	$(BIN)/python -m tests.databases > "$$templates/builder.log" 2>&1 & builder=$$!; \
	$(BIN)/pytest tests/browser -o cache_dir=.pytest_cache/browser-run --durations=20 \
		> "$$templates/browser.log" 2>&1 & browser=$$!; \
	$(BIN)/pytest --ignore=tests/browser --ignore=tests/deploy -n $(TEST_PROCESSES) --durations=20; \
	suite=$$?; wait $$builder || { echo "Construction des bases de test :"; cat "$$templates/builder.log"; }; \
	echo "Tests navigateur (lancés en même temps que la suite) :"; \
	wait $$browser; gates=$$?; cat "$$templates/browser.log"; \
	[ $$suite -eq 0 ] && [ $$gates -eq 0 ]

test-deploy: install ## The servers of deploy/ on loopback: nginx, gunicorn, PostgreSQL, Redis, S3 (moto)
	$(BIN)/pytest tests/deploy -p no:xdist --durations=5

lint: install ## Ruff (rules and formatting), Django's checks and missing migrations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

clean: ## Remove the virtualenv, the SQLite database and caches
	rm -rf $(VENV) db.sqlite3 .pytest_cache .ruff_cache staticfiles
