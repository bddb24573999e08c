"""Sphinx configuration of the nnlit book (build with ``-c .``)."""

import logging
import sys
from pathlib import Path

import jieba
import sphinx.search.zh

ROOT = Path(__file__).resolve().parent
sys.path[:0] = [str(ROOT), str(ROOT / "_ext")]

project = "nnlit"
author = "the nnlit authors"
copyright = "2026, the nnlit authors"
release = version = "0.1.0"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "sphinx.ext.mathjax",
    "sphinx.ext.doctest",
    "matplotlib.sphinxext.plot_directive",
    "sphinx_copybutton",
    "book",
    "theme",
    "glossary",
    "outputs",
    "bench_table",
]
root_doc = "index"
exclude_patterns = ["_build"]
templates_path = ["_templates"]

# MyST: $...$ and $$...$$ (label) math, amsmath environments.
myst_enable_extensions = ["dollarmath", "amsmath"]
myst_heading_anchors = 3
math_eqref_format = "({number})"

# Two languages through gettext; locale_dirs is relative to the SOURCE
# directory, hence the absolute path.
language = "en"
locale_dirs = [str(ROOT / "locale")]
gettext_compact = False
gettext_uuid = False
gettext_location = False

# Sphinx 9.0.x references a ChineseStemmer it never ships, so zh search never
# runs (sphinx-doc/sphinx#14229); the stemmer name is the only use of this.
# Remove once a fixed Sphinx is pinned.
sphinx.search.zh.SearchChinese.language_name = "English"
jieba.setLogLevel(logging.WARNING)  # jieba announces loading its dictionary
# The book's own terms, so that jieba keeps words such as 交叉熵 whole.
html_search_options = {"dict": str(ROOT / "locale" / "zh_CN" / "search_words.txt")}

# Offline math: MathJax 3 from npm (package.json), copied into _static by the
# book extension.
mathjax_path = "mathjax/tex-chtml.js"

autodoc_member_order = "bysource"
autodoc_typehints = "none"
autodoc_preserve_defaults = True  # show `dtype=np.float64`, not the class repr
napoleon_google_docstring = False
napoleon_use_rtype = False
napoleon_use_param = False  # one translatable message per parameter, type included

doctest_global_setup = "import numpy as np"

# Figures made at build time by running nnlit; plot_pre_code is set per
# language by the book extension.
plot_include_source = False
plot_html_show_source_link = False
plot_html_show_formats = False
plot_formats = [("png", 110)]
plot_rcparams = {
    "font.sans-serif": ["Noto Sans CJK SC", "DejaVu Sans"],
    "axes.unicode_minus": False,
    "figure.dpi": 110,
}

# The book theme (sphinx-book-theme, offline: its fonts and icons are bundled)
# with a light/dark switch, and the language switcher in every page's header.
html_theme = "sphinx_book_theme"
html_title = "nnlit"
html_theme_options = {
    "article_header_end": ["langswitch.html", "article-header-buttons.html"],
    "navbar_persistent": [],  # the sidebar has the search field
    "use_download_button": False,
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "navigation_with_keys": False,
}
html_sidebars = {"**": ["navbar-logo.html", "tagline.html", "search-button-field.html",
                        "sbt-sidebar-nav.html"]}
html_static_path = ["_static"]
html_css_files = ["nnlit.css"]
html_js_files = ["nnlit.js"]

# Copy buttons copy the code without the >>> / ... prompts and without output.
copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True
html_copy_source = False

# The PDF (`make pdf`): Sphinx's LaTeX builder with xelatex and xeCJK with the
# Noto CJK fonts, in both languages (the English book shows Chinese output of
# the checker too). latex_documents (file name and title) and the Chinese
# captions are set per language by _ext/outputs.py.
latex_engine = "xelatex"
latex_domain_indices = False
latex_use_xindy = False  # no index is printed; xindy is a separate Debian package
latex_show_urls = "no"
latex_elements = {
    "papersize": "a4paper",
    "pointsize": "11pt",
    "extraclassoptions": "openany,oneside",  # read on screens: no blank pages
    # the titles carry the notes' own numbers ("1. Logistic regression")
    "secnumdepth": r"\setcounter{secnumdepth}{-1}",
    "fontenc": r"\usepackage{xeCJK}",  # loads fontspec
    "fvset": r"\fvset{fontsize=auto,formatcom=\xeCJKVerbAddon}",  # no spaces added in code
    "fontpkg": r"""
\setmainfont{texgyretermes}[Extension=.otf, UprightFont=*-regular, BoldFont=*-bold,
  ItalicFont=*-italic, BoldItalicFont=*-bolditalic]
\setsansfont{texgyreheros}[Extension=.otf, UprightFont=*-regular, BoldFont=*-bold,
  ItalicFont=*-italic, BoldItalicFont=*-bolditalic]
\setmonofont{DejaVu Sans Mono}[Scale=0.85]
\setCJKmainfont{Noto Serif CJK SC}
\setCJKsansfont{Noto Sans CJK SC}
\setCJKmonofont{Noto Sans Mono CJK SC}
""",
    # the verdict marks, which the text fonts lack
    "preamble": r"""
\usepackage{newunicodechar}
\newfontfamily\nnlitsymbols{DejaVu Sans}[Scale=0.9]
\newunicodechar{✓}{{\nnlitsymbols ✓}}
\newunicodechar{✗}{{\nnlitsymbols ✗}}
""",
    "printindex": "",
}
