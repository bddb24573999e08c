"""The book's terminology: one data file, docs/glossary.toml, read by the
Glossary page (the ``glossary-table`` directive) and by the tests.

- ``load_terms()`` returns the terms as dicts with every field filled in.
- ``without_asides(text)`` removes the "（又称……）" asides in which a chapter
  names a term's alternatives once, so that only the book's own usage is left
  to check.
- ``forbidden_in(text, term)`` lists the forbidden variants of ``term`` that
  ``text`` uses.
"""

import re
from pathlib import Path

import tomllib
from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx import addnodes

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "docs" / "glossary.toml"
ASIDE = re.compile(r"（又称[^（）]*）")
FIELDS = {"alternatives": [], "forbidden": [], "allow": [], "heading": False, "en_match": ""}


def load_terms(path=DATA):
    with open(path, "rb") as fh:
        terms = tomllib.load(fh)["term"]
    return [{**FIELDS, **term} for term in terms]


def without_asides(text):
    return ASIDE.sub("", text)


def forbidden_in(text, term, terms=()):
    """Forbidden variants of ``term`` used in ``text`` (asides removed first).

    A variant inside an allowed word (``term["allow"]``) or inside the book's
    own rendering of any term (``terms``) does not count: 深度网络 would be
    fine inside a rendering that contained it.
    """
    text = without_asides(text)
    found = []
    for variant in term["forbidden"]:
        shields = [w for w in term["allow"] if variant in w]
        shields += [t["zh"] for t in terms if variant in t["zh"] and t["zh"] != variant]
        rest = text
        for word in sorted(shields, key=len, reverse=True):
            rest = rest.replace(word, "\0")
        if variant in rest:
            found.append(variant)
    return found


# The Glossary page: ``glossary-table`` writes the table from the data, in the
# build's language; in a Chinese build the terms are also made jieba words, so
# the search index holds every rendering and alternative whole.

COLUMNS = {
    "en": ("English", "Chinese (this book)", "Also called", "Defined in"),
    "zh_CN": ("英文", "中文（本书译名）", "其他译名", "定义于"),
}
SEP = {"en": ", ", "zh_CN": "、"}
HAN = re.compile(r"[\u4e00-\u9fff]")


def search_words(terms):
    """Every Chinese rendering and alternative, one word each ("a / b" split)."""
    words = []
    for term in terms:
        for text in [term["zh"], *term["alternatives"]]:
            words += [w.strip() for w in text.split("/") if HAN.search(w)]
    return list(dict.fromkeys(words))


def _entry(*children):
    entry = nodes.entry()
    entry += nodes.paragraph("", "", *children)
    return entry


def _row(cells):
    row = nodes.row()
    for cell in cells:
        row += _entry(*cell) if isinstance(cell, list) else _entry(nodes.Text(cell))
    return row


def _chinese(text):
    """Text marked as Chinese (``lang="zh-CN"``), so that the English edition, too,
    shows it with Simplified Chinese glyphs and a screen reader reads it as Chinese."""
    return nodes.inline(text, text, classes=["language-zh-CN"])


def _doc_link(page, docname):
    ref = addnodes.pending_xref("", refdomain="std", reftype="doc", reftarget="/" + page,
                                 refdoc=docname, refexplicit=False, refwarn=True)
    ref += nodes.inline("", page)
    return ref


def glossary_table(language, docname, terms):
    columns = COLUMNS.get(language, COLUMNS["en"])
    sep = SEP.get(language, SEP["en"])
    table = nodes.table(classes=["glossary-table"])
    group = nodes.tgroup(cols=len(columns))
    table += group
    for width in (26, 22, 30, 22):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    head += _row(columns)
    group += head
    body = nodes.tbody()
    # the docstrings' section headers last, as the page says, wherever the file has them
    for term in sorted(terms, key=lambda t: t["heading"]):
        body += _row([term["en"], [_chinese(term["zh"])],
                      [_chinese(sep.join(term["alternatives"]) or "–")],
                      [_doc_link(term["page"], docname)]])
    group += body
    return table


class GlossaryTable(Directive):
    """``glossary-table``: every term of docs/glossary.toml, one row each, in
    the order of the file (chapter by chapter), the section headers of the
    docstrings last."""

    def run(self):
        env = self.state.document.settings.env
        env.note_dependency(str(DATA))
        env.note_dependency(__file__)  # the table's layout is made here
        return [glossary_table(env.config.language, env.docname, load_terms())]


def add_search_words(app):
    if app.config.language.startswith("zh"):
        import jieba

        for word in search_words(load_terms()):
            jieba.add_word(word)


def setup(app):
    app.add_directive("glossary-table", GlossaryTable)
    app.connect("builder-inited", add_search_words)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
