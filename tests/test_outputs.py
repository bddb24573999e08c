"""The book's downloads: a notebook per chapter and a PDF per language.

Run after `make pdf` and `make html` (`make test` does so): `pytest -m built`.
"""

import doctest
import importlib
import inspect
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

pytestmark = pytest.mark.built

ROOT = Path(__file__).resolve().parent.parent
HTML = Path(os.environ.get("NNLIT_HTML", ROOT / "_build" / "html"))
LATEX = ROOT / "_build" / "latex"
LANGS = ("en", "zh_CN")
EXAMPLES = re.compile(r"^```\{doctest\}\n(.*?)^```|^\.\. auto(?:function|class):: ([\w.]+)",
                      re.MULTILINE | re.DOTALL)
CJK = re.compile(r"[\u4e00-\u9fff]")
CHECK = doctest.OutputChecker()
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def page_examples(page):
    """The doctest examples of a page, in order: its {doctest} blocks and the
    docstrings it shows, from their sources."""
    text = (ROOT / "docs" / f"{page}.md").read_text(encoding="utf-8")
    examples = []
    for block, name in EXAMPLES.findall(text):
        if name:
            module, _, attr = name.rpartition(".")
            block = inspect.getdoc(getattr(importlib.import_module(module), attr)) or ""
        examples += doctest.DocTestParser().get_examples(block)
    return examples


PAGES = sorted(p.stem for p in (ROOT / "docs").glob("*.md") if page_examples(p.stem))


def notebook(lang, page):
    path = HTML / lang / "_downloads" / f"{page}.ipynb"
    assert path.is_file(), f"{path} was not built (make html)"
    return json.loads(path.read_text(encoding="utf-8"))


def shown(output):
    """What a stored output shows, as the runner reports it."""
    if output["output_type"] == "stream":
        return output["text"]
    return output["data"]["text/plain"] + "\n"


@pytest.mark.parametrize("lang", LANGS)
def test_a_notebook_for_every_page_with_examples(lang):
    built = sorted(p.stem for p in (HTML / lang / "_downloads").glob("*.ipynb"))
    assert [b for b in built if not b.endswith("-exercises")] == PAGES
    assert [b for b in built if b.endswith("-exercises")] == sorted(
        f"{page}-exercises" for page in CHAPTERS)
    assert {"preliminaries", "logistic", "shallow", "softmax", "deep"} <= set(PAGES)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_notebook_is_nbformat_4(lang, page):
    book = notebook(lang, page)
    assert (book["nbformat"], book["nbformat_minor"]) == (4, 5)
    assert book["metadata"]["kernelspec"]["language"] == "python"
    ids = [cell["id"] for cell in book["cells"]]
    assert len(set(ids)) == len(ids) and all(re.fullmatch(r"[\w-]{1,64}", i) for i in ids)
    for cell in book["cells"]:
        assert isinstance(cell["source"], str) and cell["source"].strip()
        if cell["cell_type"] == "code":
            assert not re.search(r"^(>>>|\.\.\.) ", cell["source"], re.MULTILINE), cell["source"]
            assert isinstance(cell["execution_count"], int)
            assert all(o["output_type"] in ("stream", "execute_result", "error")
                       for o in cell["outputs"])
        else:
            assert cell["cell_type"] == "markdown"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_notebook_holds_the_page(lang, page):
    """Every example of the page, in order, with the doctest's output; the
    prose with its headings and the page's equations as $$ ... $$."""
    book = notebook(lang, page)
    code = "\n".join(c["source"] for c in book["cells"] if c["cell_type"] == "code") + "\n"
    outputs = [shown(o) for c in book["cells"] if c["cell_type"] == "code"
               for o in c["outputs"] if o["output_type"] != "error"]
    at = 0
    for example in page_examples(page):
        source = re.sub(r"\s*#\s*doctest:.*$", "", example.source, flags=re.MULTILINE)
        found = code.find(source, at)
        assert found >= 0, f"example missing or out of order: {source!r}"
        at = found + len(source)
        if example.want and example.exc_msg is None:
            assert example.want.replace("<BLANKLINE>", "") in outputs, example.want
    markdown = "\n".join(c["source"] for c in book["cells"] if c["cell_type"] == "markdown")
    assert markdown.startswith("# ")
    # as a CommonMark reader renders it: no bold mark left unclosed (代码：**...)
    html = MarkdownIt("commonmark").render(markdown)
    html = re.sub(r"<code[^>]*>.*?</code>", "", html, flags=re.S)
    assert "**" not in re.sub(r"<[^>]+>", "", html)
    source = (ROOT / "docs" / f"{page}.md").read_text(encoding="utf-8")
    for latex in re.findall(r"^\$\$\n(.*?)\n\\tag\{([^}]*)\}\n\$\$", source, re.M | re.S):
        assert "$$\n{}\n\\tag{{{}}}\n$$".format(*latex) in markdown
    if lang == "zh_CN":
        assert len(CJK.findall(markdown)) > 200
        assert code == "\n".join(c["source"] for c in notebook("en", page)["cells"]
                                 if c["cell_type"] == "code") + "\n"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_notebook_runs_with_the_doctests_outputs(lang, page):
    """Top to bottom in a fresh Python process, each cell shows what it stores."""
    ran = run_notebook(HTML / lang / "_downloads" / f"{page}.ipynb")
    cells = [c for c in notebook(lang, page)["cells"] if c["cell_type"] == "code"]
    assert len(ran) == len(cells)
    for cell, got in zip(cells, ran, strict=True):
        errors = [o for o in cell["outputs"] if o["output_type"] == "error"]
        want = "".join(shown(o) for o in cell["outputs"] if o["output_type"] != "error")
        if errors:
            assert "raises-exception" in cell["metadata"]["tags"]
            assert got["error"] is not None, f"did not raise: {cell['source']}"
            assert CHECK.check_output(f"{errors[0]['ename']}: {errors[0]['evalue']}\n",
                                      got["error"] + "\n", FLAGS), got["error"]
        else:
            assert got["error"] is None, f"{cell['source']}\nraised {got['error']}"
        assert CHECK.check_output(want, got["stdout"], FLAGS), (
            f"{cell['source']}\nstored:\n{want}\nran:\n{got['stdout']}")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_page_links_its_notebook_as_a_download(lang, page):
    html = (HTML / lang / f"{page}.html").read_text(encoding="utf-8")
    words = {"en": "Download this chapter as a notebook",
             "zh_CN": "下载本章的 Jupyter 笔记本"}[lang]
    link = (f'<a class="reference download notebook" href="_downloads/{page}.ipynb" '
            f'download="{page}.ipynb">{words}</a>')
    assert link in html


CHAPTERS = ("logistic", "shallow", "softmax", "deep")


def run_notebook(path):
    """What each code cell of the notebook at ``path`` shows, run top to bottom in a
    fresh Python process (tests/notebook_runner.py)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MPLBACKEND": "Agg"}
    with tempfile.TemporaryDirectory() as cwd:
        done = subprocess.run([sys.executable, "-W", "error", str(ROOT / "tests" /
                               "notebook_runner.py"), str(path)],
                              cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def exercise_notebook(lang, page):
    path = HTML / lang / "_downloads" / f"{page}-exercises.ipynb"
    assert path.is_file(), f"{path} was not built (make html)"
    return path, json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", CHAPTERS)
def test_exercise_notebook_has_a_skeleton_and_a_check_per_exercise(lang, page):
    from nnlit.exercises import EXERCISES, skeleton

    path, book = exercise_notebook(lang, page)
    code = [c["source"] for c in book["cells"] if c["cell_type"] == "code"]
    names = [n for n in EXERCISES if n.startswith(page + ".")]
    assert names and len(code) == 1 + 2 * len(names)
    for i, name in enumerate(names):
        assert code[1 + 2 * i] == skeleton(name, lang=lang).rstrip("\n")
        assert code[2 + 2 * i] == f"print(check({name!r}, {name.split('.')[1]}, lang={lang!r}))"
    html = (HTML / lang / f"{page}.html").read_text(encoding="utf-8")
    assert f'href="_downloads/{page}-exercises.ipynb" download="{page}-exercises.ipynb"' in html


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", CHAPTERS)
def test_exercise_notebook_runs_as_given_and_filled_with_nnlit(lang, page, tmp_path):
    """As downloaded, every check runs and reports the function as not written;
    with each skeleton filled by nnlit's own function, every check passes."""
    path, book = exercise_notebook(lang, page)
    failed, passed = {"en": ": FAILED", "zh_CN": "：未通过"}[lang], {"en": ": passed",
                                                                    "zh_CN": "：通过"}[lang]
    reports = [r["stdout"] for r in run_notebook(path)[2::2]]
    assert reports and all(failed in r.splitlines()[0] for r in reports), reports
    for cell in book["cells"]:
        if cell["cell_type"] == "code" and cell["source"].startswith("def "):
            function = cell["source"][4:cell["source"].index("(")]
            cell["source"] = f"from nnlit.{page} import {function}"
    filled = tmp_path / "filled.ipynb"
    filled.write_text(json.dumps(book), encoding="utf-8")
    ran = run_notebook(filled)
    assert all(r["error"] is None for r in ran), ran
    reports = [r["stdout"] for r in ran[2::2]]
    assert len(reports) == (len(ran) - 1) // 2 >= 2
    assert all(r.splitlines()[0].endswith(passed) for r in reports), reports


def book_words(lang):
    """The book extension's own words for verdicts and the ledger."""
    sys.path[:0] = [str(ROOT / "_ext")]
    try:
        from book import WORDS
    finally:
        del sys.path[0]
    return WORDS[lang]


def pdf(lang):
    path = LATEX / lang / f"nnlit-{lang}.pdf"
    assert path.is_file(), f"{path} was not built (make pdf)"
    return path


def poppler(*cmd):
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def outline(lang):
    """The PDF's bookmarks as (depth, title), through poppler's XML output."""
    xml = poppler("pdftohtml", "-xml", "-i", "-q", "-stdout", str(pdf(lang)))
    items, depth = [], 0
    for tag, title in re.findall(r"<(/?outline)>|<item [^>]*>([^<]*)</item>", xml):
        depth += {"outline": 1, "/outline": -1}.get(tag, 0)
        if title:
            items.append((depth, title.replace("&amp;", "&")))
    return items


def page_titles(lang):
    """The title of every page of the book, as its notebook or its source gives it."""
    titles = [notebook(lang, p)["cells"][1]["source"].split("\n")[0][2:] for p in PAGES]
    if lang == "en":
        titles += [(ROOT / "docs" / f"{p}.md").read_text(encoding="utf-8").split("\n")[0][2:]
                   for p in ("verification",)]
    return titles


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_text_is_extractable_and_typeset(lang):
    text = poppler("pdftotext", "-enc", "UTF-8", str(pdf(lang)), "-")
    assert len(text) > 100_000
    assert not re.search(r"\\(frac|begin|end|sigma|tag|label|hat|sum|left|right|sphinx"
                         r"|operatorname|mathrm|textbf)\b|\$\$", text)
    # each labelled equation keeps its tag as its number and has its chain
    # line (code · proof ✓); the verdicts and the ledger are there
    sources = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md"))
    tags = re.findall(r"\\tag\{([^}]*)\}", sources)
    assert tags and all(f"({tag})" in text for tag in tags)
    assert text.count("✓") > len(tags)
    words = book_words(lang)
    proved, failed = (words[key].split("{")[0] for key in ("proved", "failed"))
    ledger = f"{len(tags)}" + words["summary"].split("{equations}")[1].split("{")[0]
    flat = "".join(text.split())  # lines wrap anywhere, in Chinese without a space
    assert "".join(proved.split()) in flat and "".join(ledger.split()) in flat
    assert "".join(failed.split()) not in flat
    if lang == "zh_CN":
        assert len(CJK.findall(text)) > 20_000
        assert "逻辑斯特回归" in text and "交叉熵" in text
    log = (LATEX / lang / f"nnlit-{lang}.log").read_text(encoding="utf-8", errors="replace")
    assert "Missing character" not in log  # a glyph the fonts lack would be dropped silently


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_outline_has_chapters_and_sections(lang):
    items = outline(lang)
    chapters = [title for depth, title in items if depth == 1]
    for title in page_titles(lang):
        assert title in chapters
    assert sum(depth == 2 for depth, _ in items) > 3 * len(chapters)


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_has_the_figures(lang):
    rows = poppler("pdfimages", "-list", str(pdf(lang))).splitlines()[2:]
    images = [row for row in rows if row.split()[2] == "image"]
    plots = sum(p.read_text(encoding="utf-8").count(".. plot::")
                for p in (ROOT / "docs").glob("*.md"))
    assert plots > 0 and len(images) >= plots


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_pages_are_numbered(lang):
    """After the title page, the last line of each page ends with its number:
    i, ii, ... for the contents, then 1, 2, 3, ... to the end."""
    pages = poppler("pdftotext", "-layout", "-enc", "UTF-8", str(pdf(lang)), "-").split("\f")
    numbers = [[line for line in page.splitlines() if line.strip()][-1].split()[-1]
               for page in pages[1:] if page.strip()]
    front = next(i for i, n in enumerate(numbers) if n.isdigit())
    assert numbers[:front] == ["i", "ii", "iii", "iv"][:front] and front > 0
    assert numbers[front:] == [str(n) for n in range(1, len(numbers) - front + 1)]
    assert len(numbers) > 50


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_links_the_pdf(lang):
    copy = HTML / lang / "_downloads" / f"nnlit-{lang}.pdf"
    assert copy.read_bytes() == pdf(lang).read_bytes()
    words = {"en": "Download the book as a PDF", "zh_CN": "下载本书的 PDF"}[lang]
    link = f'<a class="reference download pdf" href="_downloads/nnlit-{lang}.pdf">{words}</a>'
    for page in (ROOT / "docs").glob("*.md"):
        assert link in (HTML / lang / f"{page.stem}.html").read_text(encoding="utf-8"), page.stem
