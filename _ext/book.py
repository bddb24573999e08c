"""The nnlit book's Sphinx extension.

- Equation numbers: every labelled equation carries ``\\tag{...}`` with the
  notes' own number (or one of ours); the tag becomes the number Sphinx shows
  and uses in ``{eq}`` references.
- Math is locked against translation, so both languages show the very same
  equations.
- ``proof-verdict`` shows the verdict of a proof in ``derivations/``, from a
  real run of the proofs on this version of the code (kept in the disk memo,
  ``derivations/memo.py``, while that code is unchanged).
- ``{proof}`chapter.name``` links to a proof's verdict, with its mark.
- ``answer`` folds the worked answer of an exercise away until the reader
  opens it (``<details>`` in HTML, a plain paragraph in print).
- ``{value}`name``` inserts a figure of the prose computed by the build
  (``_ext/values.py``).
- ``equation-ledger`` writes the table of every equation of the book, with
  its code, proofs, verdicts and times (the verification page).
- Under every labelled equation, a line links the functions whose docstrings
  cite it (``:eq:``) and the proofs that claim it, with their verdicts.
- Language: ``plot_pre_code`` tells the figure code the build language, and
  the sidebar tagline follows it
  (``html_context['tagline']``, shown by ``_templates/tagline.html``).
- Offline MathJax: the pinned MathJax 3 from ``node_modules`` is copied into
  ``_static/mathjax``.
"""

import re
import shutil
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import Directive
from docutils.transforms import Transform
from sphinx import addnodes
from sphinx.errors import ConfigError
from sphinx.util import logging
from sphinx.writers.latex import LaTeXTranslator
from values import note_code, refresh_figures, value_role

logger = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parent.parent
TAG = re.compile(r"\\tag\{([^{}]*)\}")

WORDS = {
    "en": {
        "tagline": "neural networks, literate and proven",
        "proved": "Proved by SymPy for this version of the code ({seconds:.2f} s): {labels}.",
        "failed": "FAILED for this version of the code: {message}",
        "sep": ", ",
        "code": "Code: ",
        "proof": "Proof: ",
        "gap": " · ",
        "none": "none",
        "summary": "{equations} equations on {pages} pages: {proven} proven and {linked} "
                   "linked to code. The {proofs} proofs ran on this version of the code, "
                   "in {seconds:.2f} s.",
        "columns": ("Equation", "Formula", "Code", "Proofs (time)"),
        "answer": "Answer",
    },
    "zh_CN": {
        "tagline": "神经网络：文学化编程，逐式证明",
        "proved": "已由 SymPy 针对当前版本的代码证明（{seconds:.2f} 秒）：{labels}。",
        "failed": "针对当前版本的代码证明失败：{message}",
        "sep": "、",
        "code": "代码：",
        "proof": "证明：",
        "gap": " · ",
        "none": "无",
        "summary": "共 {pages} 页 {equations} 个公式：已证明 {proven} 个，与代码关联 {linked} 个。"
                   "全部 {proofs} 个证明针对当前版本的代码运行，用时 {seconds:.2f} 秒。",
        "columns": ("公式", "表达式", "代码", "证明（用时）"),
        "answer": "答案",
    },
}


class LockMath(Transform):
    """Mark display math untranslatable (runs before Sphinx's Locale, 20)."""

    default_priority = 10

    def apply(self):
        for node in self.document.findall(nodes.math_block):
            node["translatable"] = False


def number_from_tags(app, doctree):
    """Use each labelled equation's ``\\tag{}`` as its number."""
    domain = app.env.domains["math"]
    docname = app.env.docname
    found_here = []
    for node in doctree.findall(nodes.math_block):
        label = node.get("label")
        if not label:
            continue
        latex = node.astext()
        found = TAG.findall(latex)
        if len(found) != 1:
            logger.warning("equation %r needs exactly one \\tag{...}, found %d",
                           label, len(found), location=node)
            continue
        node["number"] = found[0]
        node.children = [nodes.Text(TAG.sub("", latex).strip())]
        domain.equations[label] = (docname, found[0])
        found_here.append((label, found[0], node.astext()))
    app.env.nnlit_equations = {**getattr(app.env, "nnlit_equations", {}), docname: found_here}


class proof_verdict(nodes.General, nodes.Element):
    """Placeholder, filled in when the doctree is resolved."""


class ProofVerdict(Directive):
    """``proof-verdict chapter.proof_name``: the verdict of one proof."""

    required_arguments = 1

    def run(self):
        node = proof_verdict(proof=self.arguments[0])
        node.source, node.line = self.state_machine.get_source_and_line(self.lineno)
        return [node]


class proof_ref(nodes.Inline, nodes.Element):
    """Placeholder for a ``{proof}`` reference, filled when resolved."""


def proof_role(name, rawtext, text, lineno, inliner, options=None, content=()):
    """``{proof}`chapter.proof_name```: a link to that proof's verdict, with it."""
    node = proof_ref(proof=text.strip())
    node.source, node.line = inliner.reporter.get_source_and_line(lineno)
    return [node], []


def _proof_link(app, docname, node):
    key = node["proof"]
    result = _results(app).get(key)
    if result is None:
        logger.warning("{proof}: no proof named %r in derivations/", key, location=node)
        return nodes.literal(text=key)
    if key not in getattr(app.env, "nnlit_proof_pages", {}):
        logger.warning("{proof}: the verdict of %r is shown on no page", key, location=node)
    return _to_verdict(app, docname, key, result[1], classes=["proof-ref"])


def _to_verdict(app, docname, key, ok, suffix="", classes=()):
    """``name ✓`` (or ✗) linking to the proof's verdict, plain where it has none."""
    text = key.rsplit(".", 1)[-1] + (" ✓" if ok else " ✗") + suffix
    page = getattr(app.env, "nnlit_proof_pages", {}).get(key)
    if page is None:
        return nodes.literal(text=text)
    return _link(app, docname, page, nodes.make_id(f"proof-{key}"), text, classes)


def _results(app):
    """Every proof's verdict, run once per build (or taken from the memo, which
    holds passes of unchanged proofs of unchanged code)."""
    if not hasattr(app, "_nnlit_proofs"):
        from derivations import load

        app._nnlit_proofs = {}
        for proof in load():
            ok, message, seconds = proof.verdict()
            app._nnlit_proofs[f"{proof.chapter}.{proof.name}"] = (proof, ok, message, seconds)
    return app._nnlit_proofs


def note_chain(app, doctree):
    """Remember which documented functions cite which equation (``:eq:``) and
    on which page each proof's verdict stands."""
    env, docname = app.env, app.env.docname
    cited = []
    for desc in doctree.findall(addnodes.desc):
        if desc.get("objtype") != "function":
            continue
        sig = next(iter(desc.findall(addnodes.desc_signature)), None)
        if sig is None or not sig.get("ids"):
            continue
        name = f"{sig.get('module')}.{sig.get('fullname')}"
        for xref in desc.findall(addnodes.pending_xref):
            if xref.get("reftype") == "eq":
                cited.append((xref["reftarget"], name, sig["ids"][0]))
    env.nnlit_code = {**getattr(env, "nnlit_code", {}), docname: cited}
    pages = getattr(env, "nnlit_proof_pages", {})
    pages.update({node["proof"]: docname for node in doctree.findall(proof_verdict)})
    env.nnlit_proof_pages = pages
    if any(doctree.findall(equation_ledger)):
        env.nnlit_ledger_pages = getattr(env, "nnlit_ledger_pages", set()) | {docname}


def ledger_is_always_outdated(app, env, added, changed, removed):
    """The ledger summarises every page: rebuild it whenever anything is read."""
    return sorted(getattr(env, "nnlit_ledger_pages", set()) - set(removed))


def purge_chain(app, env, docname):
    getattr(env, "nnlit_code", {}).pop(docname, None)
    getattr(env, "nnlit_equations", {}).pop(docname, None)
    getattr(env, "nnlit_ledger_pages", set()).discard(docname)
    pages = getattr(env, "nnlit_proof_pages", {})
    for key in [k for k, doc in pages.items() if doc == docname]:
        del pages[key]


def _link(app, fromdoc, todoc, anchor, text, classes=()):
    uri = app.builder.get_relative_uri(fromdoc, todoc) + "#" + anchor
    return nodes.reference("", text, internal=True, refuri=uri, classes=list(classes))


def _equation_link(app, docname, label, node):
    target_doc, number = app.env.domains["math"].equations.get(label, (None, None))
    if target_doc is None:
        logger.warning("a proof claims %r, which no page labels", label, location=node)
        return nodes.literal(text=label)
    return _link(app, docname, target_doc, nodes.make_id(f"equation-{label}"), f"({number})")


def _verdict(app, docname, node, words):
    """The paragraph that replaces one proof-verdict placeholder."""
    key = node["proof"]
    result = _results(app).get(key)
    if result is None:
        logger.warning("proof-verdict: no proof named %r in derivations/", key, location=node)
        return []
    proof, ok, message, seconds = result
    para = nodes.paragraph(ids=[nodes.make_id(f"proof-{key}")],
                           classes=["proof-verdict", "proved" if ok else "failed"])
    if not ok:
        logger.warning("proof %s failed: %s", key, message, location=node)
        para += nodes.Text(words["failed"].format(message=message))
        return [para]
    before, after = words["proved"].format(seconds=seconds, labels="\0").split("\0")
    para += nodes.Text(before)
    for i, label in enumerate(proof.labels):
        if i:
            para += nodes.Text(words["sep"])
        para += _equation_link(app, docname, label, node)
    para += nodes.Text(after)
    return [para]


def _code_refs(app, docname, label):
    """Links to the documented functions whose docstrings cite ``label``."""
    code = [(doc, name, anchor) for doc, cited in getattr(app.env, "nnlit_code", {}).items()
            for lab, name, anchor in cited if lab == label]
    refs = []
    for doc, name, anchor in dict.fromkeys(code):
        ref = _link(app, docname, doc, anchor, "", ["code-link"])
        ref += nodes.literal(text=name.rsplit(".", 1)[-1] + "()")
        refs.append(ref)
    return refs


def _proof_refs(app, docname, label, seconds=False):
    """Links to the verdicts of the proofs claiming ``label``: name ✓ or ✗."""
    return [_to_verdict(app, docname, key, ok, f" ({time:.2f} s)" if seconds else "")
            for key, (proof, ok, _, time) in _results(app).items() if label in proof.labels]


def _join(parent, refs, words):
    for i, ref in enumerate(refs):
        if i:
            parent += nodes.Text(words["sep"])
        parent += ref
    if not refs:
        parent += nodes.Text(words["none"])
    return parent


def _chain(app, docname, node, words):
    """The line under an equation: the functions citing it and its proofs.

    A missing link of the chain is a warning, so a ``-W`` build fails.
    """
    label = node["label"]
    code, proofs = _code_refs(app, docname, label), _proof_refs(app, docname, label)
    if not code:
        logger.warning("equation %r is cited (:eq:) by no documented function", label,
                       location=node)
    if not proofs:
        logger.warning("equation %r is claimed by no proof in derivations/", label,
                       location=node)
    return _chain_line(code, proofs, words)


def _chain_line(code, proofs, words):
    """**Code:** f(), g() · **Proof:** name ✓"""
    para = nodes.paragraph(classes=["equation-chain"])
    para += nodes.strong(text=words["code"])
    _join(para, code, words)
    para += nodes.Text(words["gap"])
    para += nodes.strong(text=words["proof"])
    return _join(para, proofs, words)


class answer(nodes.General, nodes.Element):
    """The worked answer of an exercise, folded away in HTML."""


class Answer(Directive):
    """``answer``: its content is the answer, shown when the reader opens it."""

    has_content = True

    def run(self):
        node = answer()
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


def _answer_word(translator):
    return WORDS.get(translator.builder.config.language, WORDS["en"])["answer"]


def visit_answer_html(self, node):
    self.body.append(f'<details class="answer"><summary>{_answer_word(self)}</summary>\n'
                     '<div class="answer-body">\n')


def depart_answer_html(self, node):
    self.body.append("</div></details>\n")


def visit_answer_latex(self, node):
    self.body.append("\n\\par\\noindent\\textbf{" + _answer_word(self) + ".}\\enspace ")


def depart_answer_latex(self, node):
    self.body.append("\n")


def visit_answer_plain(self, node):
    pass


def depart_answer_plain(self, node):
    pass


class equation_ledger(nodes.General, nodes.Element):
    """Placeholder for the table of every equation of the book."""


class EquationLedger(Directive):
    """``equation-ledger``: every labelled equation, its code, proofs, verdicts."""

    def run(self):
        return [equation_ledger()]


def _page_order(env):
    """Docnames in reading order (depth-first through the toctrees)."""
    order, todo = [], [env.config.root_doc]
    while todo:
        doc = todo.pop(0)
        if doc not in order:
            order.append(doc)
            todo[:0] = env.toctree_includes.get(doc, [])
    return order


def _ledger(app, docname, words):
    """The summary and the table that replace the ``equation-ledger`` node."""
    env = app.env
    equations = getattr(env, "nnlit_equations", {})
    rows, proven, linked = [], 0, 0
    for page in _page_order(env):
        for label, number, latex in equations.get(page, []):
            code = _code_refs(app, docname, label)
            proofs = _proof_refs(app, docname, label, seconds=True)
            verdicts = [ok for proof, ok, _, _ in _results(app).values() if label in proof.labels]
            proven += bool(verdicts) and all(verdicts)
            linked += bool(code)
            title = env.titles[page].astext() if page in env.titles else page
            where = _link(app, docname, page, nodes.make_id(f"equation-{label}"),
                          f"{title} ({number})")
            rows.append([[where], [nodes.math(latex, latex)], code, proofs])
    pages = len({p for p, eqs in equations.items() if eqs})
    seconds = sum(r[3] for r in _results(app).values())
    summary = nodes.paragraph(classes=["ledger-summary"], text=words["summary"].format(
        equations=len(rows), pages=pages, proven=proven, linked=linked,
        proofs=len(_results(app)), seconds=seconds))
    if app.builder.format == "latex":  # four columns do not fit a page: an entry per equation
        entries = nodes.bullet_list(classes=["equation-ledger"])
        for where, formula, code, proofs in rows:
            head = nodes.paragraph("", "", *where, nodes.Text(" "), *formula)
            entries += nodes.list_item("", head, _chain_line(code, proofs, words))
        return [summary, entries]
    table = nodes.table(classes=["equation-ledger", "colwidths-given"])
    group = nodes.tgroup(cols=4)
    table += group
    for width in (17, 41, 20, 22):
        group += nodes.colspec(colwidth=width)
    head, body = nodes.thead(), nodes.tbody()
    group += head
    group += body
    for cells, part in [(words["columns"], head)] + [(r, body) for r in rows]:
        row = nodes.row()
        for cell in cells:
            entry = nodes.entry()
            entry += (nodes.paragraph(text=cell) if isinstance(cell, str)
                      else _join(nodes.paragraph(), cell, words))
            row += entry
        part += row
    return [summary, table]


def fill_book(app, doctree, docname):
    """Fill in proof verdicts and the code/proof line under each equation
    (HTML and LaTeX; other builders get the proof names as plain text)."""
    linked = app.builder.format in ("html", "latex")
    words = WORDS.get(app.config.language, WORDS["en"])
    for node in list(doctree.findall(proof_verdict)):
        node.replace_self(_verdict(app, docname, node, words) if linked else [])
    for node in list(doctree.findall(proof_ref)):
        node.replace_self(_proof_link(app, docname, node) if linked
                          else nodes.literal(text=node["proof"]))
    if not linked:
        return
    for node in list(doctree.findall(equation_ledger)):
        node.replace_self(_ledger(app, docname, words))
    for node in list(doctree.findall(nodes.math_block)):
        if node.get("label"):
            node.parent.insert(node.parent.index(node) + 1, _chain(app, docname, node, words))
    if app.builder.format == "latex":  # LaTeX labels targets, not paragraphs
        for para in list(doctree.findall(nodes.paragraph)):
            if "proof-verdict" in para["classes"]:
                para.parent.insert(para.parent.index(para), nodes.target(ids=para["ids"]))
                para["ids"] = []


def latex_math_block(self, node):
    """LaTeX numbers a labelled equation with its tag, as the HTML does, and
    links to it (``{eq}``, chain lines, ledger) land on it."""
    if node.get("label"):
        self.body.append(self.hypertarget(nodes.make_id(f"equation-{node['label']}")))
    try:
        LaTeXTranslator.visit_math_block(self, node)
    except nodes.SkipNode:
        if node.get("label") and node.get("number"):
            label = "\\label{equation:" + f"{node['docname']}:{node['label']}}}"
            tag = "\\tag{" + f"{node['number']}}}"
            self.body[-1] = self.body[-1].replace(label, label + tag, 1)
        raise


def configure_language(app, config):
    """Settings that depend on the build language (known only after -D)."""
    words = WORDS.get(config.language, WORDS["en"])
    config.html_context = {**config.html_context, "tagline": words["tagline"]}
    config.plot_pre_code = (
        "import numpy as np\nfrom matplotlib import pyplot as plt\n"
        f"LANG = {config.language!r}\n"
    )


def copy_mathjax(app):
    if app.builder.format != "html":
        return
    src = ROOT / "node_modules" / "mathjax" / "es5"
    if not (src / "tex-chtml.js").is_file():
        raise ConfigError("MathJax is missing: run `npm ci` in the repository root first")
    dest = Path(app.outdir) / "_static" / "mathjax"
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src / "tex-chtml.js", dest / "tex-chtml.js")
    for part in ("output/chtml/fonts/woff-v2", "input/tex/extensions"):
        shutil.copytree(src / part, dest / part, dirs_exist_ok=True)


def setup(app):
    app.add_transform(LockMath)
    app.add_node(proof_verdict)
    app.add_directive("proof-verdict", ProofVerdict)
    plain = (visit_answer_plain, depart_answer_plain)
    app.add_node(answer, html=(visit_answer_html, depart_answer_html),
                 latex=(visit_answer_latex, depart_answer_latex),
                 text=plain, man=plain, texinfo=plain)
    app.add_directive("answer", Answer)
    app.add_node(equation_ledger)
    app.add_node(proof_ref)
    app.add_node(nodes.math_block, override=True, latex=(latex_math_block, None))
    app.add_role("proof", proof_role)
    app.add_role("value", value_role)
    app.connect("doctree-read", note_code)
    app.connect("builder-inited", refresh_figures)
    app.add_directive("equation-ledger", EquationLedger)
    app.connect("env-get-outdated", ledger_is_always_outdated)
    app.connect("config-inited", configure_language)
    app.connect("doctree-read", number_from_tags)
    app.connect("doctree-read", note_chain)
    app.connect("env-purge-doc", purge_chain)
    app.connect("doctree-resolved", fill_book)
    app.connect("builder-inited", copy_mathjax)
    return {"version": "1", "env_version": 2,
            "parallel_read_safe": False, "parallel_write_safe": True}
