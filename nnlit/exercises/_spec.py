"""What an exercise is, and the generic rows of its diagnosis table."""

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from nnlit.exercises._i18n import N_
from nnlit.exercises._run import walk


@dataclass(frozen=True)
class Wrong:
    """One typical mistake: its hint, and what it would return on a case.

    ``formula(case)`` gives the wrong values of the quantities it changes,
    computed from nnlit; with ``full``, it gives the whole wrong output.
    """
    hint: str
    formula: Callable
    full: bool = False

    def changes(self, case, ex):
        out = self.formula(case)
        return ex.flatten(out) if self.full else out

    @staticmethod
    def fmt(q):
        layer = re.fullmatch(r"d?([WbA])(\d+)", q)
        if layer is None:
            return {"q": q, "Z": "Z"}
        number = int(layer[2]) + (layer[1] == "A")  # dA1 = W2^T dZ2: the mask of layer 2
        return {"q": q, "Z": f"Z{number}"}


@dataclass(frozen=True)
class Exercise:
    name: str            # "logistic.propagate", the nnlit function it is checked against
    reference: Callable
    args: tuple          # argument names, in the course's order
    returns: tuple       # names of the returned values
    cases: Callable      # rng -> list of Case; the first has the course's shapes
    mistakes: tuple = ()
    advice: str = N_("At extreme inputs your function gave NaN or inf or warned: see the "
                     "stable forms of the book.")
    gradients: Callable = None  # (fn, ex) -> raise Failure, for a function with a cost
    order: tuple = ()    # quantities to compare first (causal order)

    @property
    def function(self):
        return self.name.split(".")[1]

    def run_reference(self, case):
        with np.errstate(all="ignore"):
            return self.reference(*copy.deepcopy(case.args).values())

    def flatten(self, out):
        if len(self.returns) == 1:
            leaves = walk(out, out, self.returns[0], {})
        else:
            leaves = walk(out, out, self.function, {}, top=self.returns)
        first = [q for q in self.order if q in leaves]
        return {q: leaves[q] for q in first + [q for q in leaves if q not in first]}


def _matches(q, names):
    return any(q == n or (q.startswith(n) and q[len(n):].isdigit()) for n in names)


def _each(names, f):
    return lambda case: {q: f(v, case) for q, v in case.ref.items() if _matches(q, names)}


M_TIMES = N_("{q} is m times too large: did you forget the 1/m?")
M_OVER = N_("{q} is m times too small: did you divide by m once too often?")
SIGN = N_("{q} has the wrong sign.")


def m_times(*names, hint=M_TIMES):
    return Wrong(hint, _each(names, lambda v, c: v * c.m))


def m_over(*names, hint=M_OVER):
    return Wrong(hint, _each(names, lambda v, c: v / c.m))


def negated(*names, hint=SIGN):
    return Wrong(hint, _each(names, lambda v, c: -v))


def transposed(*names):
    return Wrong(N_("{q} is transposed: check the order of the product and its .T."),
                 _each(names, lambda v, c: v.T))


def no_keepdims(*names):
    return Wrong(N_("{q} has lost its second axis: sum with keepdims=True to keep the "
                    "shape (n, 1)."), _each(names, lambda v, c: v.reshape(-1)))


def summed(*names):
    return Wrong(N_("{q} is a single number: sum over the examples only (axis=1, "
                    "keepdims=True), one entry per unit."), _each(names, lambda v, c: v.sum()))


def formula(hint, f, full=False):
    return Wrong(hint, f, full)
