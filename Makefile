# make run   — set everything up on a fresh Debian machine and serve the app with demo data on :8000
# make test  — the same set-up, then the whole test suite
# make bench — the same set-up, then the benchmark scripts under bench/
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_WORKERS ?= auto

# Debian packages the app and its tests need: PDF rendering (Pango, HarfBuzz), the CJK fonts,
# and for the tests Chromium (Playwright drives it) and poppler-utils (pdftoppm).
APT_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-cjk fonts-wqy-microhei \
	fonts-arphic-gkai00mp fonts-arphic-gbsn00lp chromium poppler-utils

.PHONY: run test bench setup system-packages migrate demo lint format clean

run: setup migrate demo
	@echo ""
	@echo "法治年报 → http://$(HOST):$(PORT)/   (演示账号见上方，密码均为 demo12345)"
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

test: setup
	env -u DATABASE_URL $(PY) manage.py makemigrations --check --dry-run --settings=config.test_settings
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS)

bench: setup
	@for script in bench/*.py; do [ -e "$$script" ] || continue; echo "== $$script"; $(PY) "$$script" || exit 1; done

setup: system-packages $(VENV)/.installed

# Installs only what is missing, so a machine that has everything needs neither root nor network.
system-packages:
	@missing=""; for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	$(PYTHON) -c "import ensurepip, venv" 2>/dev/null || missing="$$missing python3-venv"; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

migrate: setup
	DEBUG=1 $(PY) manage.py migrate --noinput

demo: migrate
	DEBUG=1 $(PY) manage.py load_demo

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format:
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) var .pytest_cache
