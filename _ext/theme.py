"""The reader's side of the book: alt text for every figure, in the build's language.

Every ``.. plot::`` block of the book calls one figure function of
``_ext/figures*.py`` (``from figures_x import f`` then ``f(LANG)``). Each
figure function says what it shows, per language, with
``@figures.describe(en=..., zh_CN=...)``. This module overrides matplotlib's
``plot`` directive: it tags the plot's image with a class naming the figure
function (a plot whose function has no description for the build language is
a warning, so the ``-W`` build fails), and the HTML writer's resolved doctree
gets the description as the image's ``alt``. The alt is set that late so that
gettext does not extract it: both languages come from the figure code, not
from the catalogs. It also leaves the theme's source maps out of the site.
"""

import importlib
import re
from functools import cache
from pathlib import Path

from docutils import nodes
from matplotlib.sphinxext.plot_directive import PlotDirective
from sphinx.util import logging

logger = logging.getLogger(__name__)
IMPORT = re.compile(r"^\s*from\s+(\w+)\s+import\s+(\w+)\s*$", re.M)
TAG = "nnlit-alt-"


def _tag(module, name):
    return TAG + f"{module}-{name}".replace("_", "-").lower()


def _figure(code):
    """(module, function) of the figure function that `code` calls, or None."""
    for module, name in IMPORT.findall(code):
        if re.search(rf"^\s*{name}\(", code, re.M):
            return module, name
    return None


def _describe(module, name, language):
    alt = getattr(getattr(importlib.import_module(module), name, None), "alt", {})
    return alt.get(language) or alt.get(language.split("_")[0])


def figure_alt(code, language):
    """The description registered for the figure function that `code` calls,
    and that function's name ("module.function"; None if there is none)."""
    found = _figure(code)
    return (_describe(*found, language), ".".join(found)) if found else (None, None)


@cache
def _tags():
    """Image class -> (module, function) for every described figure function."""
    tags = {}
    for path in sorted(Path(__file__).parent.glob("figures*.py")):
        for name, draw in vars(importlib.import_module(path.stem)).items():
            if callable(draw) and hasattr(draw, "alt"):
                tags[_tag(path.stem, name)] = (path.stem, name)
    return tags


class DescribedPlot(PlotDirective):
    """matplotlib's ``plot`` directive, its image tagged with its figure function."""

    def run(self):
        language = self.state.document.settings.env.config.language or "en"
        alt, where = figure_alt("\n".join(self.content), language)
        if alt:
            self.options["class"] = [*self.options.get("class", []), _tag(*where.split("."))]
        elif "alt" not in self.options:
            logger.warning("figure %s has no description for %r: add "
                           "@describe(en=..., zh_CN=...) to it (it is the image's alt text)",
                           where or "code", language,
                           location=self.state_machine.get_source_and_line(self.lineno))
        return super().run()


def describe_images(app, doctree, docname):
    """Give each tagged figure image its description in the build's language."""
    if app.builder.format != "html":
        return
    for image in doctree.findall(nodes.image):
        for cls in image["classes"]:
            if cls.startswith(TAG) and cls in _tags():
                image["alt"] = _describe(*_tags()[cls], app.config.language or "en")


def drop_source_maps(app, exception):
    """The theme's source maps (3.5 MB a language) only serve its developers."""
    if exception is None and app.builder.format == "html":
        for source_map in (Path(app.outdir) / "_static").rglob("*.map"):
            source_map.unlink()


def setup(app):
    app.setup_extension("matplotlib.sphinxext.plot_directive")
    app.add_directive("plot", DescribedPlot, override=True)
    app.connect("doctree-resolved", describe_images)
    app.connect("build-finished", drop_source_maps)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
