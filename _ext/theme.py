"""The reader's side of the book: alt text for every figure, in the build's language.

Every ``.. plot::`` block of the book calls one figure function of
``_ext/figures*.py`` (``from figures_x import f`` then ``f(LANG)``). Each
figure function says what it shows, per language, with
``@figures.describe(en=..., zh_CN=...)``; this module overrides matplotlib's
``plot`` directive so that the description becomes the ``alt`` of the figure's
image. A plot whose function has no description for the build language is a
warning, so the ``-W`` build fails.
"""

import importlib
import re

from matplotlib.sphinxext.plot_directive import PlotDirective
from sphinx.util import logging

logger = logging.getLogger(__name__)
IMPORT = re.compile(r"^\s*from\s+(\w+)\s+import\s+(\w+)\s*$", re.M)


def figure_alt(code, language):
    """The description registered for the figure function that `code` calls."""
    for module, name in IMPORT.findall(code):
        if re.search(rf"^\s*{name}\(", code, re.M):
            draw = getattr(importlib.import_module(module), name, None)
            alt = getattr(draw, "alt", {})
            return alt.get(language) or alt.get(language.split("_")[0]), f"{module}.{name}"
    return None, None


class DescribedPlot(PlotDirective):
    """matplotlib's ``plot`` directive, with the figure function's alt text."""

    def run(self):
        if "alt" not in self.options:
            language = self.state.document.settings.env.config.language or "en"
            alt, where = figure_alt("\n".join(self.content), language)
            if alt:
                self.options["alt"] = alt
            else:
                logger.warning("figure %s has no description for %r: add "
                               "@describe(en=..., zh_CN=...) to it (it is the image's alt text)",
                               where or "code", language,
                               location=self.state_machine.get_source_and_line(self.lineno))
        return super().run()


def setup(app):
    app.setup_extension("matplotlib.sphinxext.plot_directive")
    app.add_directive("plot", DescribedPlot, override=True)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
