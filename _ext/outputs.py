"""The book's downloads, written next to the HTML of each language.

- A Jupyter notebook per page that has examples (``_downloads/<page>.ipynb``),
  made from the resolved, translated doctree: headings, prose and math become
  Markdown cells (display math as ``$$ ... \\tag{n} $$``, the page's LaTeX),
  figures are attached to their cell, and every doctest example becomes a
  code cell without prompts, carrying the doctest's expected output as its
  output (a cell whose example raises is tagged ``raises-exception``).
- The PDF of the book (``make pdf``), copied to ``_downloads/nnlit-<lang>.pdf``
  when it has been built.
- An exercise notebook per chapter (``_downloads/<page>-exercises.ipynb``):
  for each coding exercise of the chapter, the skeleton of
  :func:`nnlit.exercises.skeleton` in one cell (the learner fills it in) and
  the call of :func:`nnlit.exercises.check` in the next, in the language of
  the edition.
- A line at the top of every page links them all (``<a download>``, so the
  browser saves a real ``.ipynb``); the PDF link appears only when the PDF
  has been built, so no link dangles (``make test`` builds it first).
- For the LaTeX builder: the file name and title of each language's PDF,
  Chinese captions, and the pages of the root toctree as chapters.
"""

import ast
import base64
import doctest
import json
import re
import shutil
import unicodedata
from pathlib import Path

from docutils import nodes
from sphinx import addnodes

ROOT = Path(__file__).resolve().parent.parent
DOWNLOADS = "_downloads"
DIRECTIVE = re.compile(r"\s*#\s*doctest:.*$", re.MULTILINE)
SKIP = (nodes.target, nodes.comment, nodes.raw, nodes.system_message, nodes.substitution_definition,
        addnodes.index, addnodes.only, addnodes.toctree, nodes.colspec)
WORDS = {
    "en": {"notebook": "Download this chapter as a notebook",
           "exercises": "Download its exercises as a notebook",
           "exercises_title": "Exercises: {title}",
           "exercises_intro": "Write each function in the cell that holds its skeleton "
                              "(replace `raise NotImplementedError`), then run the cell "
                              "below it: `check` compares your function with nnlit's and "
                              "names what is wrong. The book's page explains each formula.",
           "pdf": "Download the book as a PDF",
           "authors": "The nnlit authors"},
    "zh_CN": {"notebook": "下载本章的 Jupyter 笔记本",
              "exercises": "下载本章练习的笔记本",
              "exercises_title": "练习：{title}",
              "exercises_intro": "在存放函数骨架的单元格里写出每个函数（替换掉 "
                                 "`raise NotImplementedError`），然后运行它下面的单元格："
                                 "`check` 会把你的函数与 nnlit 的函数比较，并指出哪里错了。"
                                 "每个公式的解释见本书对应的章节。",
              "pdf": "下载本书的 PDF",
              "authors": "nnlit 作者"},
}

CHINESE_LATEX = r"""
\renewcommand{\contentsname}{目录}
"""


def pdf_path(config):
    """Where ``make pdf`` leaves the PDF of the build language."""
    lang = config.language
    return Path(config.nnlit_pdf_dir) / lang / f"nnlit-{lang}.pdf"


def pdf_url(app, pagename):
    """The PDF's URL from a page, or None as long as no PDF has been built."""
    pdf = pdf_path(app.config)
    if pdf.is_file() or (Path(app.outdir) / DOWNLOADS / pdf.name).is_file():
        return "../" * pagename.count("/") + f"{DOWNLOADS}/{pdf.name}"
    return None


def configure_latex(app, config):
    """One PDF per language, ``nnlit-<lang>.pdf``, titled in that language."""
    from book import WORDS as BOOK

    words = {**WORDS["en"], **WORDS.get(config.language, {})}
    title = f"nnlit — {BOOK.get(config.language, BOOK['en'])['tagline']}"
    config.latex_documents = [(config.root_doc, f"nnlit-{config.language}.tex", title,
                               words["authors"], "manual")]
    if config.language.startswith("zh"):  # babel has no Chinese captions: write our own
        config.latex_elements = {
            **config.latex_elements, "babel": "",
            "preamble": config.latex_elements.get("preamble", "") + CHINESE_LATEX}


def escape(text):
    text = re.sub(r"([\\`*_\[\]$])", r"\\\1", text)
    return text.replace("<", "&lt;")


def inline(node):
    """Markdown of inline content."""
    if isinstance(node, nodes.Text):
        return escape(node.astext())
    if isinstance(node, SKIP) or isinstance(node, nodes.footnote_reference):
        return ""
    if isinstance(node, nodes.math):
        return f"${node.astext()}$"
    if isinstance(node, nodes.literal):
        text = node.astext()
        fence = "``" if "`" in text else "`"
        return f"{fence}{text}{fence}"
    inner = "".join(inline(child) for child in node.children)
    mark, tag = {nodes.strong: ("**", "strong"), nodes.emphasis: ("*", "em")}.get(
        type(node), (None, None))
    if mark and inner.strip():
        # CommonMark: no space just inside the marks, so it goes outside; and
        # marks next to punctuation (代码：) may not close: then the HTML tag
        lead, trail = inner[:len(inner) - len(inner.lstrip())], inner[len(inner.rstrip()):]
        inner = inner.strip()
        if unicodedata.category(inner[0])[0] == "P" or unicodedata.category(inner[-1])[0] == "P":
            return f"{lead}<{tag}>{inner}</{tag}>{trail}"
        return f"{lead}{mark}{inner}{mark}{trail}"
    if isinstance(node, nodes.reference) and node.get("refuri", "").startswith(("http:", "https:")):
        return f"[{inner}]({node['refuri']})"
    return inner


def signature(desc):
    """``nnlit.logistic.sigmoid(z)``, without the [source] link."""
    sig = next(desc.findall(addnodes.desc_signature))
    parts = (addnodes.desc_addname, addnodes.desc_name, addnodes.desc_parameterlist)
    return "".join(child.astext() for child in sig.children if isinstance(child, parts))


def table(node):
    rows = [[inline(entry).replace("|", "\\|").replace("\n", " ")
             for entry in row.findall(nodes.entry)] for row in node.findall(nodes.row)]
    if not rows:
        return ""
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * len(rows[0])]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows[1:]])


def is_doctest(node):
    return isinstance(node, nodes.doctest_block) or (
        isinstance(node, nodes.literal_block) and node.get("testnodetype") == "doctest")


def code_cells(text):
    """Code cells from a doctest block: a cell ends after each example with output."""
    cells, chunk = [], []
    for example in doctest.DocTestParser().get_examples(text):
        chunk.append(example)
        if example.want or example.exc_msg is not None:
            cells.append(code_cell(chunk))
            chunk = []
    return cells + ([code_cell(chunk)] if chunk else [])


def code_cell(examples):
    source = "".join(DIRECTIVE.sub("", e.source) for e in examples).rstrip("\n")
    last = examples[-1]
    cell = {"cell_type": "code", "metadata": {}, "source": source, "outputs": []}
    if last.exc_msg is not None:
        name, _, value = last.exc_msg.strip().partition(": ")
        cell["metadata"]["tags"] = ["raises-exception"]
        cell["outputs"].append({"output_type": "error", "ename": name, "evalue": value,
                                "traceback": last.want.rstrip("\n").split("\n")})
    elif last.want:
        want = last.want.replace("<BLANKLINE>", "")
        body = ast.parse(last.source).body[-1]
        printed = not isinstance(body, ast.Expr) or (
            isinstance(body.value, ast.Call) and getattr(body.value.func, "id", "") == "print")
        cell["outputs"].append(
            {"output_type": "stream", "name": "stdout", "text": want} if printed else
            {"output_type": "execute_result", "metadata": {},
             "data": {"text/plain": want[:-1] if want.endswith("\n") else want}})
    return cell


class Notebook:
    """Walks a resolved doctree and collects the cells of its notebook."""

    def __init__(self, srcdir, setup):
        self.srcdir, self.cells, self.blocks, self.attachments = Path(srcdir), [], [], {}
        if setup.strip():
            self.cells.append(code_cell(doctest.DocTestParser().get_examples(
                "".join(f">>> {line}\n" for line in setup.strip().splitlines()))))

    def flush(self):
        if self.blocks:
            cell = {"cell_type": "markdown", "metadata": {}, "source": "\n\n".join(self.blocks)}
            if self.attachments:
                cell["attachments"] = self.attachments
            self.cells.append(cell)
        self.blocks, self.attachments = [], {}

    def markdown(self, node, depth):
        """The Markdown of a block inside a list item or a field (no code cells there)."""
        outer, self.blocks = self.blocks, []
        for child in node.children:
            self.walk(child, depth, cells=False)
        inner, self.blocks = "\n\n".join(self.blocks), outer
        return inner

    def walk(self, node, depth=0, cells=True):
        add = self.blocks.append
        if isinstance(node, SKIP):
            return
        if isinstance(node, nodes.section):
            depth += 1
        elif isinstance(node, nodes.title):
            add("#" * max(depth, 1) + " " + inline(node))
            return
        elif isinstance(node, (nodes.paragraph, nodes.rubric)):
            text = inline(node)
            add(f"**{text}**" if isinstance(node, nodes.rubric) else text)
            return
        elif isinstance(node, nodes.math_block):
            tag = f"\n\\tag{{{node['number']}}}" if node.get("number") else ""
            add(f"$$\n{node.astext().strip()}{tag}\n$$")
            return
        elif is_doctest(node) and cells:
            self.flush()
            self.cells.extend(code_cells(node.get("doctest_source", node.astext()) + "\n"))
            return
        elif isinstance(node, (nodes.literal_block, nodes.doctest_block)):
            language = "pycon" if is_doctest(node) else node.get("language", "python")
            language = "python" if language in ("default", "python3") else language
            add(f"```{language}\n{node.astext()}\n```")
            return
        elif isinstance(node, (nodes.bullet_list, nodes.enumerated_list)):
            for i, item in enumerate(node.children, 1):
                mark = f"{i}. " if isinstance(node, nodes.enumerated_list) else "- "
                text = self.markdown(item, depth).replace("\n", "\n" + " " * len(mark))
                add(mark + text)
            return
        elif isinstance(node, nodes.field):
            name, body = node.children
            add(f"**{inline(name)}**\n\n{self.markdown(body, depth)}")
            return
        elif isinstance(node, addnodes.desc):
            add(f"**`{signature(node)}`**")
            for content in node.children:
                if isinstance(content, addnodes.desc_content):
                    self.walk(content, depth, cells)
            return
        elif isinstance(node, nodes.table):
            add(table(node))
            return
        elif isinstance(node, (nodes.Admonition, nodes.block_quote)):
            add("> " + self.markdown(node, depth).replace("\n", "\n> "))
            return
        elif isinstance(node, nodes.image):
            self.image(node)
            return
        for child in node.children:
            self.walk(child, depth, cells)

    def image(self, node):
        path = (self.srcdir / node["uri"]).resolve()
        if path.suffix != ".png" or not path.is_file():
            return
        self.attachments[path.name] = {"image/png": base64.b64encode(path.read_bytes()).decode()}
        self.blocks.append(f"![{escape(node.get('alt', ''))}](attachment:{path.name})")

    def json(self, docname):
        self.flush()
        count = 0
        for i, cell in enumerate(self.cells):
            cell["id"] = f"{docname}-{i}"
            if cell["cell_type"] == "code":
                count += 1
                cell["execution_count"] = count
                for output in cell["outputs"]:
                    if output["output_type"] == "execute_result":
                        output["execution_count"] = count
        book = {"cells": self.cells, "nbformat": 4, "nbformat_minor": 5, "metadata": {
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"}}}
        return json.dumps(book, ensure_ascii=False, indent=1) + "\n"


def keep_doctest_source(app, doctree):
    """Sphinx shows examples without ``<BLANKLINE>`` (a final one takes its
    blank line with it): keep the test itself (``test``, set by the doctest
    directive; a docstring's block is trimmed only when resolved)."""
    for node in doctree.findall(is_doctest):
        node["doctest_source"] = node.get("test") or node.rawsource or node.astext()


def write_notebook(app, doctree, docname):
    """Write the page's notebook if it has examples; return its file name or None."""
    if not any(is_doctest(node) for node in doctree.findall(nodes.Element)):
        return None
    book = Notebook(app.srcdir, app.config.doctest_global_setup)
    book.walk(doctree)
    name = f"{docname.replace('/', '-')}.ipynb"
    out = Path(app.outdir) / DOWNLOADS / name
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(book.json(docname), encoding="utf-8")
    return name


def exercise_names(docname):
    """The coding exercises of the chapter page ``docname`` (the checker's names)."""
    from nnlit.exercises import EXERCISES

    return [name for name in EXERCISES if name.split(".")[0] == docname]


def write_exercises(app, doctree, docname):
    """Write the chapter's exercise notebook; return its file name or None."""
    from nnlit.exercises import skeleton

    names = exercise_names(docname)
    if not names:
        return None
    lang = app.config.language
    words = WORDS.get(lang, WORDS["en"])
    title = next(doctree.findall(nodes.title)).astext()
    book = Notebook(app.srcdir, "import numpy as np\nfrom nnlit.exercises import check")
    book.blocks = [f"# {words['exercises_title'].format(title=title)}", words["exercises_intro"]]
    book.flush()
    book.cells.insert(0, book.cells.pop())  # the title before the set-up cell
    for name in names:
        book.blocks.append(f"## `{name}`")
        book.flush()
        function = name.split(".")[1]
        for source in (skeleton(name, lang=lang).rstrip("\n"),
                       f"print(check({name!r}, {function}, lang={lang!r}))"):
            book.cells.append({"cell_type": "code", "metadata": {}, "source": source,
                               "outputs": []})
    name = f"{docname.replace('/', '-')}-exercises.ipynb"
    out = Path(app.outdir) / DOWNLOADS / name
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(book.json(f"{docname}-exercises"), encoding="utf-8")
    return name


def add_downloads(app, doctree, docname):
    """Write the notebook and put the download line at the top of the page."""
    if app.builder.format != "html":
        return
    words = WORDS.get(app.config.language, WORDS["en"])
    up = "../" * docname.count("/") + DOWNLOADS + "/"
    links = []
    notebook = write_notebook(app, doctree, docname)
    if notebook:
        links.append(f'<a class="reference download notebook" href="{up}{notebook}" '
                     f'download="{notebook}">{words["notebook"]}</a>')
    exercises = write_exercises(app, doctree, docname)
    if exercises:
        links.append(f'<a class="reference download exercises" href="{up}{exercises}" '
                     f'download="{exercises}">{words["exercises"]}</a>')
    pdf = pdf_url(app, docname)
    if pdf:
        links.append(f'<a class="reference download pdf" href="{pdf}">{words["pdf"]}</a>')
    section = next(doctree.findall(nodes.section), None)
    if links and section is not None:
        html = '<p class="nnlit-downloads">' + " · ".join(links) + "</p>\n"
        section.insert(section.first_child_not_matching_class(nodes.title) or 1,
                       nodes.raw("", html, format="html"))


def chapters_in_pdf(app, doctree, docname):
    """In the PDF, the pages of the root toctree are chapters, not sections of
    the root page's section that holds only that toctree ("Contents"); the
    root page's opening paragraphs open its first chapter (LaTeX would print
    them alone on a page after the contents)."""
    if app.builder.format != "latex":
        return
    root = next(doctree.findall(nodes.section), None)
    first = next((n for n in root.children if isinstance(n, nodes.section)), None) if root else None
    if first is not None:
        for para in reversed(root.children[:root.index(first)]):
            if isinstance(para, nodes.paragraph):
                root.remove(para)
                first.insert(1, para)
    for wrapper in list(doctree.findall(nodes.compound)):
        section = wrapper.parent
        rest = [n for n in section.children if not isinstance(n, (nodes.title, nodes.target))]
        if "toctree-wrapper" in wrapper["classes"] and isinstance(section, nodes.section) \
                and rest == [wrapper]:
            section.replace_self(wrapper.children)


def pdf_appeared(app, env, added, changed, removed):
    """Pages written before the PDF existed lack its link: rewrite them all
    when it first appears (a fresh output directory is written anyway)."""
    out, pdf = Path(app.outdir), pdf_path(app.config)
    if (app.builder.format == "html" and pdf.is_file()
            and (out / f"{app.config.root_doc}.html").is_file()
            and not (out / DOWNLOADS / pdf.name).is_file()):
        return sorted(env.found_docs - set(removed))
    return []


def pdf_in_context(app, pagename, templatename, context, doctree):
    """Templates may link the PDF too (``nnlit_pdf``: its URL from the page, or None)."""
    context["nnlit_pdf"] = pdf_url(app, pagename)


def copy_pdf(app, exception):
    pdf = pdf_path(app.config)
    if exception is None and app.builder.format == "html" and pdf.is_file():
        (Path(app.outdir) / DOWNLOADS).mkdir(exist_ok=True)
        shutil.copy2(pdf, Path(app.outdir) / DOWNLOADS / pdf.name)


def setup(app):
    app.connect("config-inited", configure_latex)
    app.add_config_value("nnlit_pdf_dir", str(ROOT / "_build" / "latex"), "env")
    app.connect("env-get-outdated", pdf_appeared)
    app.connect("doctree-read", keep_doctest_source)
    app.connect("doctree-resolved", add_downloads)
    app.connect("doctree-resolved", chapters_in_pdf)
    app.connect("html-page-context", pdf_in_context)
    app.connect("build-finished", copy_pdf)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
