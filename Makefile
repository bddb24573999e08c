# nnlit: `make docs` builds the book in both languages, `make pdf` its PDFs,
# `make test` runs every check. All set themselves up (virtual environment,
# pinned MathJax, and the Debian packages they need, when missing).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
SPHINX := $(PY) -m sphinx -W --keep-going -q -c .
HTML   := _build/html

LANGS  := en zh_CN
# Debian packages: fonts for the figures, Chromium for the browser test,
# XeLaTeX with xeCJK and latexmk for the PDFs, poppler to test them.
DEBS   := chromium fonts-noto-cjk texlive-xetex texlive-lang-chinese texlive-lang-cjk \
          texlive-latex-extra latexmk poppler-utils

.PHONY: docs test setup system-deps proofs html html-index html-en html-zh html-zh_CN pdf $(LANGS:%=pdf-%) gettext \
        lint clean bench check-units check-browser check-built \
        $(LANGS:%=check-pdf-%) $(LANGS:%=check-html-%)

docs: setup system-deps proofs
	$(MAKE) --no-print-directory -j2 -Otarget html  # both languages at once
	@echo
	@echo "The book is built. Open one of:"
	@echo "  file://$(CURDIR)/$(HTML)/en/index.html"
	@echo "  file://$(CURDIR)/$(HTML)/zh_CN/index.html"

# Every check, on the machine's two cores. The proofs first (one process per
# core); then each language's PDF and HTML (the HTML links the PDF) beside the
# unit tests: three jobs on two cores, as a build often waits for the disk memo
# (a training that the other language's build is computing, derivations/memo.py);
# then the browser tests beside the tests of the downloads.
test: setup system-deps
	$(PY) -m ruff check .
	$(PY) -m derivations
	$(MAKE) --no-print-directory -j3 -Otarget check-html-en check-html-zh_CN check-units
	$(MAKE) --no-print-directory -j2 -Otarget check-browser check-built
	@echo "Every check passed."

check-units: setup
	$(PY) -m pytest

check-browser: html-index
	$(PY) -m pytest -m browser

check-built: html-index
	$(PY) -m pytest -m built

$(LANGS:%=check-html-%): check-html-%: check-pdf-%
	$(MAKE) --no-print-directory html-$*

$(LANGS:%=check-pdf-%): check-pdf-%: setup system-deps
	$(MAKE) --no-print-directory pdf-$*

setup: $(VENV)/.installed node_modules/.installed

# uv installs in a third of pip's time; pip is the fallback where uv can't
# run. Python writes the bytecode of what it imports as it goes (even where
# the environment says not to), instead of compiling every installed module.
unexport PYTHONDONTWRITEBYTECODE
$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv --without-pip $(VENV)
	if $(PYTHON) -m pip --python $(PY) install --quiet uv; then \
	  $(VENV)/bin/uv pip install --quiet --python $(PY) pip -e ".[dev]"; \
	else \
	  $(PY) -m ensurepip --default-pip >/dev/null && $(PY) -m pip install --quiet -e ".[dev]"; \
	fi
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

system-deps:
	@missing=""; \
	if command -v dpkg >/dev/null 2>&1; then \
	  for pkg in $(DEBS); do dpkg -s $$pkg >/dev/null 2>&1 || missing="$$missing $$pkg"; done; \
	else \
	  for cmd in chromium xelatex latexmk pdftotext; do \
	    command -v $$cmd >/dev/null 2>&1 || missing="$$missing $$cmd"; done; \
	fi; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "nnlit needs the Debian packages$$missing:" >&2; \
	    echo "  sudo apt-get install$$missing" >&2; exit 1; \
	  fi; \
	fi

proofs: setup
	$(PY) -m derivations

html: html-en html-zh html-index

# The root page: a choice of language.
html-index:
	@mkdir -p $(HTML)
	@printf '<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0; url=en/index.html"><title>nnlit</title><a href="en/index.html">English</a> · <a href="zh_CN/index.html">中文</a>\n' > $(HTML)/index.html

html-en: setup
	$(SPHINX) -d _build/cache/en/doctrees docs $(HTML)/en

html-zh html-zh_CN: setup
	$(SPHINX) -D language=zh_CN -d _build/cache/zh_CN/doctrees docs $(HTML)/zh_CN

# The PDF of each language: Sphinx's LaTeX builder (sharing the HTML build's
# doctrees), then xelatex through latexmk; the HTML links it once it exists.
pdf: $(LANGS:%=pdf-%)
	@echo "The PDFs are built:"; for l in $(LANGS); do echo "  $(CURDIR)/_build/latex/$$l/nnlit-$$l.pdf"; done

$(LANGS:%=pdf-%): pdf-%: setup system-deps
	$(SPHINX) -b latex -D language=$* -d _build/cache/$*/doctrees docs _build/latex/$*
	$(MAKE) --no-print-directory -C _build/latex/$* clean all-pdf LATEXMKOPTS=-silent \
	  LATEXOPTS="-interaction=nonstopmode -halt-on-error" >_build/latex/xelatex-$*.out 2>&1 \
	  || { tail -40 _build/latex/xelatex-$*.out >&2; exit 1; }

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
