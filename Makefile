# make run   — set everything up on a fresh Debian machine and serve the app with demo data on :8000, with
#              the background worker (manage.py db_worker) beside it
# make test  — the same set-up, then the whole test suite (after ruff and mypy)
# make bench — the same set-up, then the benchmark scripts under bench/
# make wheelhouse — the project's wheel and every dependency's in wheelhouse/, to install with no network

# Debian's own interpreter when there is one: it is built with optimisations that a pyenv or a
# self-built python3 earlier on PATH usually lacks (the PDF renders about 7% faster, bench/pdf_render.py).
PYTHON ?= $(firstword $(wildcard /usr/bin/python3) python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_WORKERS ?= auto

# Debian packages the app and its tests need: PDF rendering (Pango, HarfBuzz), the CJK fonts, hb-subset
# (libharfbuzz-bin) for the cut fonts below, and for the tests Chromium (Playwright drives it) and
# poppler-utils (pdftoppm); npm (Debian's, unless one is installed already) for the test tooling below.
APT_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libharfbuzz-bin fonts-noto-cjk \
	fonts-wqy-microhei fonts-arphic-gkai00mp fonts-arphic-gbsn00lp chromium poppler-utils

# Three of the PDF's free stand-ins cut to the characters of GB2312 (made here, not kept in git): Noto Serif
# CJK SC Bold (小标宋) and WenQuanYi Micro Hei (黑体). WeasyPrint subsets every font a report uses at every
# render, in time that grows with the font; these cuts take a fraction of what the 27 MB and 5 MB
# originals take (bench/pdf_render.py). Characters outside GB2312 come from the originals, next in the
# stylesheet's font stacks (static/document/gbt9704.css).
# And FandolFang (仿宋, the body; GPL with the font exception: embedding it in a PDF is free), the one free
# 仿宋 Debian has in simplified characters. It comes only in TeX Live's texlive-lang-chinese, whose
# dependencies are a whole TeX system (19 packages), and TeX Live's fonts are not fontconfig's: so its .deb
# is fetched with `apt-get download` (49 MB, no root needed, nothing installed) and only the font is taken
# out of it (FONT_DEB, FONT_IN_DEB).
CUT_FONTS := static/fonts/noto-serif-sc-bold-gb2312.otf static/fonts/wqy-microhei-gb2312.ttf \
	static/fonts/fandol-fang-gb2312.otf
static/fonts/noto-serif-sc-bold-gb2312.otf: FONT = Noto Serif CJK SC:style=Bold
static/fonts/wqy-microhei-gb2312.ttf: FONT = WenQuanYi Micro Hei
static/fonts/fandol-fang-gb2312.otf: FONT_DEB = texlive-lang-chinese
static/fonts/fandol-fang-gb2312.otf: FONT_IN_DEB = usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf

.PHONY: run test bench setup system-packages venv-interpreter migrate demo lint format clean wheelhouse

# The worker that runs the background jobs (the 汇编, the ZIP, e-mail) starts beside the web server, in a
# process group of its own (setsid), and the trap stops that group when the server stops (Ctrl+C, or the
# server failing to start): no worker is left behind. With DEBUG=1 it reloads on code changes, as
# runserver does.
run: setup migrate demo
	@echo ""
	@echo "法治年报 → http://$(HOST):$(PORT)/   (演示账号见上方，密码均为 demo12345；后台任务进程已同时启动)"
	@DEBUG=1 setsid $(PY) manage.py db_worker & worker=$$!; \
	trap 'kill -TERM -$$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

test: setup
	env -u DATABASE_URL $(PY) manage.py makemigrations --check --dry-run --settings=config.test_settings
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest -n $(PYTEST_WORKERS)

bench: setup
	@for script in bench/[!_]*.py; do [ -e "$$script" ] || continue; echo "== $$script"; $(PY) "$$script" || exit 1; done

setup: system-packages venv-interpreter $(VENV)/.installed $(CUT_FONTS) node_modules/.installed

# Test tooling only, never served: axe-core, which tests/browser/ injects into the public pages to check
# them against WCAG 2.1 AA. `npm ci` installs exactly what package-lock.json pins, from the registry.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# A venv made by another interpreter than $(PYTHON) is made anew.
venv-interpreter:
	@if [ -d $(VENV) ] && [ "$$(cat $(VENV)/.python 2>/dev/null)" != "$(PYTHON)" ]; then \
		echo "Making $(VENV) anew with $(PYTHON)"; rm -rf $(VENV); \
	fi

# Installs only what is missing, so a machine that has everything needs neither root nor network.
system-packages:
	@missing=""; for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	$(PYTHON) -c "import ensurepip, venv" 2>/dev/null || missing="$$missing python3-venv"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	echo "$(PYTHON)" > $(VENV)/.python
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

# A font out of a .deb: fetched into a scratch folder (`apt-get update` first if apt has no lists yet).
$(CUT_FONTS): | system-packages
	mkdir -p $(@D)
	chars=$$(mktemp) && scratch=$$(mktemp -d) && \
	$(PYTHON) -c "import sys; sys.stdout.write(''.join(map(chr, range(0x20, 0x7F))) + ''.join(\
		bytes((high, low)).decode('gb2312', 'ignore') for high in range(0xA1, 0xF8) for low in range(0xA1, 0xFF)))" \
		> $$chars && \
	if [ -n "$(FONT_DEB)" ]; then \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		( cd $$scratch && { apt-get download -qq $(FONT_DEB) 2>/dev/null || \
			{ $$SUDO apt-get update -qq && apt-get download -qq $(FONT_DEB); }; } ) && \
		dpkg-deb --fsys-tarfile $$scratch/$(FONT_DEB)_*.deb | tar -x -C $$scratch ./$(FONT_IN_DEB) && \
		font="$$scratch/$(FONT_IN_DEB):0"; \
	else \
		font=$$(fc-list -f '%{file}:%{index}\n' ':family=$(FONT)' | head -n 1); \
	fi && \
	{ [ -n "$$font" ] || { echo "no font $(FONT)$(FONT_DEB)"; false; }; } && \
	hb-subset --font-file="$${font%:*}" --face-index="$${font##*:}" --text-file=$$chars \
		--drop-tables=GSUB,GPOS,BASE --output-file=$@; \
	status=$$?; rm -rf $$chars $$scratch; exit $$status

# For a machine with no network (README, Deploying): the project's own wheel and a wheel of every runtime
# dependency, built for this machine's Python (Debian 12's 3.11). `make wheelhouse EXTRAS=s3` adds an extra.
wheelhouse: venv-interpreter $(VENV)/.installed
	rm -rf wheelhouse
	$(PY) -m pip wheel -q --wheel-dir wheelhouse '.$(if $(EXTRAS),[$(EXTRAS)])'
	@echo "wheelhouse/: $$(ls wheelhouse | wc -l) wheels, $$(du -sh wheelhouse | cut -f1)"

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
	rm -rf $(VENV) var .pytest_cache .mypy_cache static/fonts wheelhouse node_modules
