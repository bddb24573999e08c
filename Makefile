# nnlit: `make docs` builds the book in both languages, `make test` runs every
# check. Both set themselves up (virtual environment, pinned MathJax, and the
# Debian packages chromium and fonts-noto-cjk when missing).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
SPHINX := $(PY) -m sphinx -W --keep-going -q -c .
HTML   := _build/html

.PHONY: docs test setup system-deps proofs html html-en html-zh gettext lint clean bench

docs: setup system-deps proofs html
	@echo
	@echo "The book is built. Open one of:"
	@echo "  file://$(CURDIR)/$(HTML)/en/index.html"
	@echo "  file://$(CURDIR)/$(HTML)/zh_CN/index.html"

test: setup system-deps
	$(PY) -m ruff check .
	$(PY) -m pytest
	$(PY) -m derivations
	$(MAKE) --no-print-directory html
	$(PY) -m pytest -m browser

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# Chinese fonts for the figures, Chromium for the browser test.
system-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -q "Noto Sans CJK"; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	  else \
	    echo "nnlit needs the Debian packages chromium and fonts-noto-cjk:" >&2; \
	    echo "  sudo apt-get install chromium fonts-noto-cjk" >&2; exit 1; \
	  fi; \
	fi

proofs: setup
	$(PY) -m derivations

html: html-en html-zh
	@printf '<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=en/index.html"><title>nnlit</title><a href="en/index.html">English</a> · <a href="zh_CN/index.html">中文</a>\n' > $(HTML)/index.html

html-en: setup
	$(SPHINX) -d _build/cache/en/doctrees docs $(HTML)/en

html-zh: setup
	$(SPHINX) -D language=zh_CN -d _build/cache/zh_CN/doctrees docs $(HTML)/zh_CN

# After editing a page or a docstring: refresh the catalogs, then translate
# what `sphinx-intl stat` reports as untranslated or fuzzy.
gettext: setup
	$(PY) -m sphinx -q -b gettext -c . -d _build/cache/gettext/doctrees docs _build/gettext
	$(VENV)/bin/sphinx-intl update -p _build/gettext -l zh_CN -d locale
	$(VENV)/bin/sphinx-intl stat -d locale -l zh_CN

# Time per training iteration: nnlit against the GEMM floor, PyTorch (the
# optional extra: pip install -e ".[bench]") and scikit-learn.
bench: setup
	$(PY) -m benchmarks --json _build/bench.json

lint: setup
	$(PY) -m ruff check .

clean:
	rm -rf _build
