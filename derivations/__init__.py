"""SymPy proofs of the book's equations, one module per chapter.

Each proof is a function decorated with :func:`proves`, which records the
equation labels it establishes. A proof raises ``AssertionError`` when a
claim does not hold; besides the symbolic identity it evaluates its result
numerically and compares it with the nnlit function that implements the
equation. ``python -m derivations`` runs them all; :meth:`Proof.verdict`
reuses the verdict of an unchanged proof of unchanged code.
"""

import importlib
import time
from dataclasses import dataclass

import numpy as np
import sympy as sp

CHAPTERS = ("preliminaries", "logistic", "shallow", "softmax", "deep", "gradcheck", "speed")


@dataclass
class Proof:
    name: str
    labels: tuple
    chapter: str
    func: object

    def run(self):
        """Run the proof; return (ok, message, seconds)."""
        start = time.perf_counter()
        try:
            self.func()
            ok, message = True, "proved"
        except AssertionError as exc:
            ok, message = False, f"FAILED: {exc}"
        except Exception as exc:  # a crash is a failed proof too, never a pass
            ok, message = False, f"FAILED: {type(exc).__name__}: {exc}"
        return ok, message, time.perf_counter() - start

    def verdict(self):
        """Like :meth:`run`, but a pass is kept in the disk memo (``derivations/memo.py``),
        keyed by the source of ``derivations/`` and ``nnlit/``: an unchanged proof of
        unchanged code is not run again. A failure is never kept."""
        from derivations.memo import cached

        try:
            return cached(f"proof.{self.chapter}.{self.name}", _passed, self.chapter, self.name)
        except _Failed as failed:
            return failed.args[0]


class _Failed(Exception):
    """Carries a failed verdict out of the memo, which keeps only passes."""


def _passed(chapter, name):
    proof = next(p for p in load((chapter,)) if p.name == name)
    result = proof.run()
    if not result[0]:
        raise _Failed(result)
    return result


REGISTRY = []


def proves(*labels):
    """Register the decorated function as the proof of equations ``labels``."""

    def register(func):
        chapter = func.__module__.rsplit(".", 1)[-1]
        REGISTRY.append(Proof(func.__name__, labels, chapter, func))
        return func

    return register


def load(chapters=CHAPTERS):
    """Import the chapter modules (registering their proofs) and return them."""
    for chapter in chapters:
        importlib.import_module(f"derivations.{chapter}")
    return [p for p in REGISTRY if p.chapter in chapters]


def sigma(t):
    """The sigmoid of equation (2) of chapter 1, as a SymPy expression."""
    return 1 / (1 + sp.exp(-t))


def loss(a, y):
    """The cross-entropy loss of one example, equation (3) of chapter 1."""
    return -y * sp.log(a) - (1 - y) * sp.log(1 - a)


def check_zero(expr, what):
    """Assert that a SymPy expression (or every entry of a matrix) simplifies to 0."""
    residual = sp.simplify(expr)
    if residual != 0 and not (isinstance(residual, sp.MatrixBase) and residual.is_zero_matrix):
        raise AssertionError(f"{what}: residual {residual} is not 0")


def check_close(actual, expected, what, rtol=1e-12, atol=1e-12):
    """Assert that nnlit's numbers match the lambdified symbolic result."""
    actual = np.asarray(actual, dtype=float)
    expected = np.asarray(expected, dtype=float)
    if actual.shape != expected.shape or not np.allclose(actual, expected, rtol, atol):
        raise AssertionError(f"{what}: nnlit and SymPy disagree numerically")


def symbol_matrix(name, rows, cols):
    """A rows x cols matrix of real symbols ``name_ij`` (1-based, as on the page)."""
    return sp.Matrix(rows, cols, lambda i, j: sp.Symbol(f"{name}_{i + 1}{j + 1}", real=True))
