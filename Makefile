# The two commands: `make run` serves the archive with sample documents, `make test` runs every test.
# Both create .venv and install the project from uv.lock on first use (again when pyproject.toml or
# uv.lock changes); with DATABASE_URL unset they start an embedded PostgreSQL whose data lives in
# .pgdata/ (git-ignored).

PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 && { echo $$p; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
STAMP := $(VENV)/.installed-stamp
# uv installs exactly what uv.lock pins, into $(VENV), with the interpreter the venv has.
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_PYTHON_DOWNLOADS := never
# The uv release the lock pins (bootstrapped with pip; the sync then keeps it).
UV_VERSION = $(shell sed -n '/^name = "uv"$$/{n;s/^version = "\(.*\)"$$/\1/p;}' uv.lock)

.PHONY: run test lint format superuser shell clean-db benchmark benchmark-admin evaluate-ranking hardening-report backup restore lock

# Development settings for manage.py on this machine; never used in production.
.dev.env:
	@$(PYTHON) -c 'import secrets; print("DEBUG=1"); print("SECRET_KEY=" + secrets.token_urlsafe(50))' > .dev.env
	@echo "Wrote .dev.env (development settings: DEBUG=1 and a random SECRET_KEY)."

$(UV):
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed: install it, or run make PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet "uv$(if $(UV_VERSION),==$(UV_VERSION))"

# The project (editable) with the dev and local extras, exactly as uv.lock pins them; again
# whenever pyproject.toml or uv.lock changes.
$(STAMP): pyproject.toml uv.lock | $(UV)
	$(UV) sync --locked --extra dev --extra local --extra bench \
		|| { echo "If uv.lock needs updating: make lock, then commit uv.lock."; exit 1; }
	@touch $(STAMP)

# Brings uv.lock in line with pyproject.toml, changing as few pins as it can;
# make lock LOCK_ARGS=--upgrade moves every package to its newest allowed release.
lock: | $(UV)
	$(UV) lock $(LOCK_ARGS)

run: $(STAMP) .dev.env
	$(PY) -m archive.local_db serve

test: $(STAMP) .dev.env
	@# axe-core for the browser tests' accessibility check (they skip it without node_modules).
	@if [ ! -f node_modules/axe-core/axe.min.js ] && command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund || npm install --no-audit --no-fund || true; fi
	$(PY) -m archive.local_db test $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

superuser: $(STAMP) .dev.env
	$(PY) -m archive.local_db exec $(PY) manage.py createsuperuser

shell: $(STAMP) .dev.env
	$(PY) -m archive.local_db exec $(PY) manage.py shell

# The search benchmark in its own database, archive_bench (docs/performance.md), e.g.
# make benchmark BENCH_ARGS="--docs 2000 --reuse --load"; BENCH_DB=archive_bench100 for another corpus
BENCH_DB ?= archive_bench
benchmark: $(STAMP) .dev.env
	$(PY) -m archive.local_db exec sh -c 'DATABASE_URL="$${DATABASE_URL%/archive}/$(BENCH_DB)" exec $(PY) manage.py benchmark $(BENCH_ARGS)'

# nDCG@10 of the ranking against the judged queries of bench/judged/, on the real texts of
# ../shared/corpus loaded into archive_ranking_bench, e.g. EVAL_ARGS="--corpus /path/to/corpus"
EVAL_DB ?= archive_ranking_bench
evaluate-ranking: $(STAMP) .dev.env
	$(PY) -m archive.local_db exec sh -c 'DATABASE_URL="$${DATABASE_URL%/archive}/$(EVAL_DB)" exec $(PY) manage.py evaluate_ranking $(EVAL_ARGS)'

# Every admin list timed at 1 M paragraphs (docs/performance.md), in the benchmark's database:
# make benchmark-admin ADMIN_ARGS="--paragraphs 300000"
benchmark-admin: $(STAMP) .dev.env
	$(PY) -m archive.local_db exec sh -c 'DATABASE_URL="$${DATABASE_URL%/archive}/$(BENCH_DB)" exec $(PY) manage.py benchmark_admin $(ADMIN_ARGS)'

# Hostile requests, bad uploads and faults, with the figures (docs/hardening.md), in its own
# database archive_bench_hardening.
hardening-report: $(STAMP) .dev.env
	$(PY) -m archive.local_db exec sh -c 'DATABASE_URL="$${DATABASE_URL%/archive}/archive_bench_hardening" exec $(PY) manage.py hardening_report'

# The database and the original files in one tar under backups/ (BACKUP=path to choose), and back.
backup: $(STAMP) .dev.env
	$(PY) -m archive.local_db exec $(PY) manage.py backup_archive $(BACKUP)

restore: $(STAMP) .dev.env
	@test -n "$(BACKUP)" || { echo "Say which backup: make restore BACKUP=backups/archive-....tar"; exit 2; }
	$(PY) -m archive.local_db exec $(PY) manage.py restore_archive $(BACKUP)

clean-db:
	rm -rf .pgdata .pgdata-run
