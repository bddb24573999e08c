"""Figures of the prose, computed by the build: the ``{value}`` role.

A number that a reader could reproduce by running nnlit (an accuracy, a count,
a cost, a ratio, a factor, a time) is never typed into a page. It is written
``{value}`name```, and ``name`` is registered here, by the chapter's figure
module, with the function that computes it and its format in each language::

    @value("softmax.test_correct", en="{correct} of {total}",
           zh_CN="{total} 张中的 {correct} 张")
    def _test_correct():
        ...
        return {"correct": 434, "total": 449}

The function returns a number (formatted with ``"{}"``-style fields) or a
dict of named fields. Both languages format the same result, so they show the
same number by construction; a change of code changes the text. A function
that raises, or an unknown name, fails the ``-W`` build. Pages that use a
value are read again whenever nnlit or the figure code changes (they depend on
those files), so an incremental build never shows a stale number.
"""

import hashlib
import shutil
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from pathlib import Path

from docutils import nodes

ROOT = Path(__file__).resolve().parent.parent
#: The modules that register values (each chapter's figure module).
MODULES = ("figures", "figures_shallow", "figures_softmax", "figures_deep", "figures_speed")
REGISTRY = {}


@dataclass(frozen=True)
class Value:
    """One registered figure of the prose: how to compute it, how to print it."""

    name: str
    compute: object
    formats: dict

    def render(self, language):
        result = self.compute()
        template = self.formats.get(language, self.formats["en"])
        return template.format(**result) if isinstance(result, dict) else template.format(result)


def value(name, en, zh_CN=None):
    """Register the decorated function as the value ``name`` (computed once)."""

    def register(func):
        if name in REGISTRY:
            raise ValueError(f"the value {name!r} is registered twice")
        REGISTRY[name] = Value(name, cache(func), {"en": en, "zh_CN": zh_CN or en})
        return func

    return register


def load():
    """Every registered value, by name."""
    for module in MODULES:
        import_module(module)
    return REGISTRY


def sources():
    """The files a value may depend on: nnlit and the figure code."""
    return sorted([*ROOT.glob("nnlit/*.py"), *(ROOT / "_ext").glob("*.py"),
                   *ROOT.glob("benchmarks/*.py")])


def note_code(app, doctree):
    """doctree-read: a page that draws a figure depends on the code the figure
    runs, like a page that states a value, so it is read again when that changes."""
    if any("plot_directive" in node.get("uri", "") for node in doctree.findall(nodes.image)):
        for path in sources():
            app.env.note_dependency(str(path))


def refresh_figures(app):
    """builder-inited: the plot directive redraws a figure only when its page is
    newer than the image. When nnlit or the figure code has changed since the last
    build, drop the drawn figures: the pages that draw them are read again
    (:func:`note_code`) and draw them afresh, so figures and values agree."""
    folder = Path(app.doctreedir).parent / "plot_directive"
    stamp = folder / ".code"
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in sources())).hexdigest()
    if stamp.is_file() and stamp.read_text() == digest:
        return
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    stamp.write_text(digest)


def value_role(name, rawtext, text, lineno, inliner, options=None, content=()):
    """``{value}`name```: the registered value ``name``, formatted for the language."""
    env = inliner.document.settings.env
    for path in sources():
        env.note_dependency(str(path))
    key = text.strip()
    found = load().get(key)
    if found is None:
        message = f"{{value}}: no value named {key!r} (registered: {', '.join(sorted(REGISTRY))})"
    else:
        try:
            shown = found.render(env.config.language)
        except Exception as exc:  # any failure of the computation fails the build
            message = f"{{value}}: computing {key!r} raised {type(exc).__name__}: {exc}"
        else:
            return [nodes.inline(rawtext, shown, classes=["computed-value"])], []
    error = inliner.reporter.error(message, line=lineno)
    problem = inliner.problematic(rawtext, rawtext, error)
    return [problem], [error]
