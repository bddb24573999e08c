"""Run a notebook's code cells top to bottom, as a Jupyter kernel would, and
print as JSON what each cell shows: its stdout (plus the repr of a final
expression, like Jupyter's display) and the exception it raised, if any.

Usage: ``python -W error tests/notebook_runner.py NOTEBOOK.ipynb`` (no kernel,
no nnlit import of its own: run it in a fresh process).
"""

import ast
import contextlib
import io
import json
import sys


def run(path):
    with open(path, encoding="utf-8") as file:
        cells = [c for c in json.load(file)["cells"] if c["cell_type"] == "code"]
    namespace, shown = {"__name__": "__main__"}, []
    for cell in cells:
        tree = ast.parse(cell["source"])
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        out, error = io.StringIO(), None
        with contextlib.redirect_stdout(out):
            try:
                exec(compile(tree, "<cell>", "exec"), namespace)
                if last is not None:
                    value = eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace)
                    if value is not None:
                        print(repr(value))
            except Exception as exc:  # noqa: BLE001 - reported, as Jupyter shows it
                error = f"{type(exc).__name__}: {exc}"
        shown.append({"stdout": out.getvalue(), "error": error})
    return shown


if __name__ == "__main__":
    json.dump(run(sys.argv[1]), sys.stdout)
