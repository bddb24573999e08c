"""The nnlit book's Sphinx extension.

- Equation numbers: every labelled equation carries ``\\tag{...}`` with the
  notes' own number (or one of ours); the tag becomes the number Sphinx shows
  and uses in ``{eq}`` references.
- Math is locked against translation, so both languages show the very same
  equations.
- ``proof-verdict`` shows the verdict of a proof in ``derivations/``, from a
  real run of the proofs during this build.
- Figures: ``plot_pre_code`` tells the figure code the build language.
- Offline MathJax: the pinned MathJax 3 from ``node_modules`` is copied into
  ``_static/mathjax``.
"""

import re
import shutil
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import Directive
from docutils.transforms import Transform
from sphinx.errors import ConfigError
from sphinx.util import logging

logger = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parent.parent
TAG = re.compile(r"\\tag\{([^{}]*)\}")

WORDS = {
    "en": {
        "proved": "Proved by SymPy during this build ({seconds:.2f} s): {labels}.",
        "failed": "FAILED during this build: {message}",
        "label_list_sep": ", ",
    },
    "zh_CN": {
        "proved": "本次构建中已由 SymPy 证明（{seconds:.2f} 秒）：{labels}。",
        "failed": "本次构建中证明失败：{message}",
        "label_list_sep": "、",
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


class proof_verdict(nodes.General, nodes.Element):
    """Placeholder, filled in when the doctree is resolved."""


class ProofVerdict(Directive):
    """``proof-verdict chapter.proof_name``: the verdict of one proof."""

    required_arguments = 1

    def run(self):
        node = proof_verdict(proof=self.arguments[0])
        node.source, node.line = self.state_machine.get_source_and_line(self.lineno)
        return [node]


def _results(app):
    """Run every proof once per build and keep the results."""
    if not hasattr(app, "_nnlit_proofs"):
        from derivations import load

        app._nnlit_proofs = {}
        for proof in load():
            ok, message, seconds = proof.run()
            app._nnlit_proofs[f"{proof.chapter}.{proof.name}"] = (proof, ok, message, seconds)
    return app._nnlit_proofs


def fill_verdicts(app, doctree, docname):
    words = WORDS.get(app.config.language, WORDS["en"])
    domain = app.env.domains["math"]
    for node in list(doctree.findall(proof_verdict)):
        if app.builder.format != "html":
            node.replace_self([])
            continue
        key = node["proof"]
        result = _results(app).get(key)
        if result is None:
            logger.warning("proof-verdict: no proof named %r in derivations/", key, location=node)
            node.replace_self([])
            continue
        proof, ok, message, seconds = result
        para = nodes.paragraph(classes=["proof-verdict", "proved" if ok else "failed"])
        if ok:
            parts = words["proved"].format(seconds=seconds, labels="\0").split("\0")
            para += nodes.Text(parts[0])
            for i, label in enumerate(proof.labels):
                if i:
                    para += nodes.Text(words["label_list_sep"])
                target_doc, number = domain.equations.get(label, (None, None))
                if target_doc is None:
                    logger.warning("proof %s claims %r, which no page labels", key, label,
                                   location=node)
                    para += nodes.literal(text=label)
                    continue
                ref = nodes.reference("", f"({number})", internal=True, refuri=(
                    app.builder.get_relative_uri(docname, target_doc)
                    + "#" + nodes.make_id(f"equation-{label}")))
                para += ref
            para += nodes.Text(parts[1])
        else:
            logger.warning("proof %s failed: %s", key, message, location=node)
            para += nodes.Text(words["failed"].format(message=message))
        node.replace_self(para)


def set_plot_language(app, config):
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
    app.connect("config-inited", set_plot_language)
    app.connect("doctree-read", number_from_tags)
    app.connect("doctree-resolved", fill_verdicts)
    app.connect("builder-inited", copy_mathjax)
    return {"version": "1", "parallel_read_safe": False, "parallel_write_safe": True}
